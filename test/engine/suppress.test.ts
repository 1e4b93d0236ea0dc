import assert from 'assert';
import { analyze } from '../../rules/engine';
import { applyEdits } from '../../rules/fix';
import { memoryWorkspace } from '../../rules/workspace';
import { onlyRules } from './only-rules';

const CONFIG = onlyRules('dockerfile/image-latest', 'dockerfile/user-missing');

function rulesIn(text: string, path = '/w/Dockerfile'): string[] {
  const analysis = analyze({ path, text }, { workspace: memoryWorkspace(), config: CONFIG });
  return (analysis?.findings ?? []).map((f) => `${f.range.start.line}:${f.rule}`);
}

const LATEST = 'FROM node:latest\nUSER node\n';

describe('suppressions', () => {
  it('reports the finding without a pragma', () => {
    assert.deepStrictEqual(rulesIn(LATEST), ['0:dockerfile/image-latest']);
  });

  it('# shipshape-ignore silences the next instruction only', () => {
    const text = '# shipshape-ignore dockerfile/image-latest -- base is rebuilt nightly\nFROM node:latest AS a\nFROM node:latest\nUSER node\n';
    assert.deepStrictEqual(rulesIn(text), ['2:dockerfile/image-latest']);
  });

  it('applies to a multi-line instruction through its first line', () => {
    const text = 'FROM alpine:3.20\n# shipshape-ignore dockerfile/user-missing\nCMD ["a", \\\n  "b"]\n';
    // user-missing sits on FROM (line 0), so this pragma silences nothing and says so.
    assert.deepStrictEqual(rulesIn(text), ['0:dockerfile/user-missing', '1:shipshape/unused-suppression']);
  });

  it('# shipshape-ignore-file silences the whole file, after parser directives', () => {
    const text = '# syntax=docker/dockerfile:1\n# shipshape-ignore-file dockerfile/image-latest\nFROM node:latest\nFROM redis:latest\nUSER 1\n';
    assert.deepStrictEqual(rulesIn(text), []);
  });

  it('several ids in one pragma', () => {
    const text = '# shipshape-ignore dockerfile/image-latest, dockerfile/user-missing\nFROM node:latest\n';
    assert.deepStrictEqual(rulesIn(text), []);
  });

  it('hadolint ignore= works through the alias', () => {
    assert.deepStrictEqual(rulesIn('# hadolint ignore=DL3007\nFROM node:latest\nUSER node\n'), []);
    assert.deepStrictEqual(rulesIn('# hadolint ignore=DL3006,DL3007\nFROM node:latest\nUSER node\n'), []);
  });

  it('hadolint global ignore covers the file', () => {
    assert.deepStrictEqual(rulesIn('# hadolint global ignore=DL3007\nFROM a:1\nFROM node:latest\nUSER node\n'), []);
  });

  it('checkov skip is file-wide', () => {
    assert.deepStrictEqual(rulesIn('FROM alpine:3.20\n#checkov:skip=CKV_DOCKER_3:runs as root on purpose\nRUN true\n'), []);
  });

  it('trivy ignore accepts old and new id spellings', () => {
    assert.deepStrictEqual(rulesIn('#trivy:ignore:DS-0001\nFROM node:latest\nUSER node\n'), []);
    assert.deepStrictEqual(rulesIn('#trivy:ignore:AVD-DS-0001\nFROM node:latest\nUSER node\n'), []);
    assert.deepStrictEqual(rulesIn('#trivy:ignore:DS001\nFROM node:latest\nUSER node\n'), []);
  });

  it('foreign pragmas that silence nothing are not reported (they may serve their own tool)', () => {
    assert.deepStrictEqual(rulesIn('# hadolint ignore=DL3008\nFROM node:22\nUSER node\n'), []);
  });

  it('an unused shipshape pragma is reported with a fix that removes it', () => {
    const text = '# shipshape-ignore dockerfile/image-latest\nFROM node:22\nUSER node\n';
    const analysis = analyze({ path: '/w/Dockerfile', text }, { workspace: memoryWorkspace(), config: CONFIG })!;
    assert.strictEqual(analysis.findings.length, 1);
    const [unused] = analysis.findings;
    assert.strictEqual(unused.rule, 'shipshape/unused-suppression');
    assert.strictEqual(unused.severity, 'info');
    assert.strictEqual(applyEdits(text, unused.fix!.edits), 'FROM node:22\nUSER node\n');
  });

  it('an unknown rule id in a shipshape pragma is reported', () => {
    const findings = analyze({ path: '/w/Dockerfile', text: '# shipshape-ignore dockerfile/no-such-rule\nFROM node:22\nUSER node\n' }, { workspace: memoryWorkspace(), config: CONFIG })!.findings;
    assert.strictEqual(findings.length, 1);
    assert.match(findings[0].message, /Unknown rule `dockerfile\/no-such-rule`/);
  });

  it('suppression quick fixes insert working pragmas', () => {
    const text = 'FROM alpine:3.20\n  CMD ["sh"]\n';
    const analysis = analyze({ path: '/w/Dockerfile', text }, { workspace: memoryWorkspace(), config: CONFIG })!;
    const [lineFix, fileFix] = analysis.suppressionFixes(analysis.findings[0]);
    for (const fix of [lineFix, fileFix]) {
      const fixed = applyEdits(text, fix.edits);
      assert.deepStrictEqual(rulesIn(fixed), [], `after "${fix.title}":\n${fixed}`);
    }
    assert.strictEqual(applyEdits(text, lineFix.edits), '# shipshape-ignore dockerfile/user-missing\nFROM alpine:3.20\n  CMD ["sh"]\n');
  });
});
