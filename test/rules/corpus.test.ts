import assert from 'assert';
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';
import { analyze } from '../../rules/engine';
import { applyEdits, fixText } from '../../rules/fix';
import { comparePositions } from '../../rules/position';
import { allRuleMeta } from '../../rules/registry';
import { EMPTY_CONFIG, type Finding, type Fix, type Kind, type ResolvedConfig, type SeverityLevel, type Workspace } from '../../rules/types';
import { detectKind } from '../../rules/detect';

// Properties every fix must have, checked over every fixture and example file rather than one
// example per rule: applying a fix removes its finding, adds no finding and no parse problem,
// and fix-all reaches a fixed point that a second run leaves alone. Also: no rule crashes and
// no range points outside the text.

const ROOT = resolve(__dirname, '..', '..', '..');
const CORPUS_DIRS = ['test/fixtures/corpus', 'test/fixtures/compose', 'test/fixtures/nginx', 'examples'];

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const diskWorkspace: Workspace = {
  readFile: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  listDir: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  },
};

/** Every rule on (opt-in rules at info) so their fixes are exercised too. */
const ALL_ON: ResolvedConfig = {
  ...EMPTY_CONFIG,
  rules: Object.fromEntries(allRuleMeta().map((m) => [m.id, (m.severity === 'off' ? 'info' : m.severity) as SeverityLevel])),
};

const PARSER_RULE = /\/(syntax|schema)$/;
// A finding is new when its rule reports more often than before. Messages are not compared:
// they may quote line numbers a fix shifts, or list the other services a finding involves.
const key = (f: Finding) => f.rule;

function findingsOf(path: string, text: string, kind: Kind): Finding[] {
  return analyze({ path, text, kind }, { workspace: diskWorkspace, config: ALL_ON })?.findings ?? [];
}

function assertInside(text: string, range: Finding['range'], what: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length, `${what}: ${p.line}:${p.character} outside the text`);
  }
  assert.ok(comparePositions(range.start, range.end) <= 0, `${what}: range ends before it starts`);
}

function counts(findings: Finding[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const f of findings) map.set(key(f), (map.get(key(f)) ?? 0) + 1);
  return map;
}

describe('fix properties over the corpus', () => {
  const files = CORPUS_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir)))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
    .map((file) => ({ ...file, kind: detectKind(file.path, file.text) }))
    .filter((file): file is { path: string; text: string; kind: Kind } => file.kind !== undefined);

  it('has a corpus of every kind', () => {
    const kinds = new Set(files.map((f) => f.kind));
    assert.deepStrictEqual([...kinds].sort(), ['compose', 'dockerfile', 'nginx']);
  });

  for (const file of files) {
    const name = relative(ROOT, file.path);
    describe(name, () => {
      const before = findingsOf(file.path, file.text, file.kind);

      it('analyzes without a crash and with every range inside the text', () => {
        assert.deepStrictEqual(before.filter((f) => f.rule === 'shipshape/internal-error').map((f) => f.message), []);
        for (const f of before) {
          assertInside(file.text, f.range, `${f.rule}`);
          for (const fix of [f.fix, ...(f.alternatives ?? [])].filter((x): x is Fix => !!x)) {
            for (const edit of fix.edits) assertInside(file.text, edit.range, `${f.rule} fix "${fix.title}"`);
          }
        }
      });

      const fixable = before.filter((f) => f.fix);
      for (const finding of fixable) {
        for (const fix of [finding.fix!, ...(finding.alternatives ?? [])]) {
          it(`${finding.rule} L${finding.range.start.line + 1}: "${fix.title}" removes its finding and adds none`, () => {
            const fixed = applyEdits(file.text, fix.edits);
            assert.notStrictEqual(fixed, file.text, 'the fix changes nothing');
            const after = findingsOf(file.path, fixed, file.kind);
            const parseBefore = before.filter((f) => PARSER_RULE.test(f.rule)).length;
            assert.strictEqual(after.filter((f) => PARSER_RULE.test(f.rule)).length, parseBefore, `parse problems after the fix:\n${fixed}`);
            const was = counts(before);
            const now = counts(after);
            assert.ok((now.get(key(finding)) ?? 0) < (was.get(key(finding)) ?? 0), `${finding.rule} reports as often as before the fix:\n${fixed}`);
            const added = after.filter((f) => (now.get(key(f)) ?? 0) > (was.get(key(f)) ?? 0)).map((f) => `${f.rule} ${f.message}`);
            assert.deepStrictEqual(added, [], `the fix added findings:\n${fixed}`);
          });
        }
      }

      if (fixable.length) {
        it('fix-all reaches a fixed point that a second run leaves alone', () => {
          for (const unsafe of [false, true]) {
            const once = fixText(file.text, (text) => findingsOf(file.path, text, file.kind), { unsafe });
            assert.ok(once.passes < 10, `fix-all did not converge (unsafe=${unsafe})`);
            const twice = fixText(once.text, (text) => findingsOf(file.path, text, file.kind), { unsafe });
            assert.strictEqual(twice.text, once.text, `fix-all is not idempotent (unsafe=${unsafe})`);
            const parse = findingsOf(file.path, once.text, file.kind).filter((f) => PARSER_RULE.test(f.rule));
            assert.strictEqual(parse.length, before.filter((f) => PARSER_RULE.test(f.rule)).length, 'fix-all introduced parse problems');
          }
        });
      }
    });
  }
});
