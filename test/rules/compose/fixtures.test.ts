import assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseCompose } from '../../../rules/compose/model';
import { composeValue } from '../../../rules/compose/validate';
import { analyze } from '../../../rules/engine';
import { applyEdits } from '../../../rules/fix';
import { allRuleMeta } from '../../../rules/registry';
import type { Finding, SeverityLevel } from '../../../rules/types';
import { EMPTY_CONFIG } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';

// Property test over realistic stacks: every fix any Compose rule offers (safe or not), applied
// alone, keeps the file parsing and schema-valid, removes its finding, changes the effective
// model only under the keys the rule is about, and is idempotent.

const DIR = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'compose');
const fixtures = readdirSync(DIR).filter((name) => /\.ya?ml$/.test(name));

/** Keys (under `services.<name>`, or top-level when prefixed with `/`) each rule's fix may change. */
const INTENDED: Record<string, string[]> = {
  'compose/version-obsolete': ['/version'],
  'compose/depends-on-unhealthy': ['depends_on'],
  'compose/privileged': ['privileged'],
  'compose/cap-drop-missing': ['cap_drop', 'cap_add'], // the known images' required capabilities come back
  'compose/no-new-privileges-missing': ['security_opt'],
  'compose/security-profile-disabled': ['security_opt'],
  'compose/read-only-missing': ['read_only', 'tmpfs'],
  'compose/read-only-unwritable-paths': ['tmpfs'],
  'compose/sensitive-host-mount': ['volumes'],
  'compose/port-unbound-interface': ['ports'],
  'compose/database-port-published': ['ports'],
};

const levels: Record<string, SeverityLevel> = {};
for (const meta of allRuleMeta()) if (meta.kind === 'compose') levels[meta.id] = meta.severity === 'off' ? 'info' : meta.severity;

function run(path: string, text: string, files: Record<string, string>): Finding[] {
  const analysis = analyze({ path, text, kind: 'compose' }, { workspace: memoryWorkspace({ ...files, [path]: text }), config: { ...EMPTY_CONFIG, rules: levels }, now: new Date('2026-11-23T00:00:00Z') });
  return (analysis?.findings ?? []).filter((f) => !f.path);
}

function effective(path: string, text: string, files: Record<string, string>): any {
  const context = { path, workspace: memoryWorkspace({ ...files, [path]: text }), config: EMPTY_CONFIG, now: new Date() };
  return composeValue(parseCompose(text, context).model);
}

/** Paths where two plain values differ, as `a/b/c`. */
function diff(a: any, b: any, at: string[] = [], out: string[][] = []): string[][] {
  if (a === b) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b) && !Array.isArray(a)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[key], b[key], [...at, key], out);
    return out;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(at);
  return out;
}

const same = (a: Finding, b: Finding) => a.rule === b.rule && a.message === b.message && a.range.start.line === b.range.start.line;

describe('compose fixtures: every fix', () => {
  it('has a dozen realistic stacks', () => assert.ok(fixtures.length >= 12, `${fixtures.length} fixtures`));

  for (const name of fixtures) {
    describe(name, () => {
      const text = readFileSync(join(DIR, name), 'utf8');
      const path = `/w/${name}`;
      const files: Record<string, string> = {};

      it('parses and follows the schema', () => {
        const problems = run(path, text, files).filter((f) => /\/(syntax|schema)$/.test(f.rule) || f.rule === 'shipshape/internal-error');
        assert.deepStrictEqual(problems, []);
      });

      const findings = run(path, text, files);
      const fixable = findings.filter((f) => f.fix);
      for (const finding of fixable) {
        it(`${finding.rule} at ${finding.range.start.line + 1}:${finding.range.start.character + 1}`, () => {
          const fixed = applyEdits(text, finding.fix!.edits);
          assert.notStrictEqual(fixed, text, 'the fix changes the text');
          const after = run(path, fixed, files);
          const broken = after.filter((f) => /\/(syntax|schema)$/.test(f.rule) || f.rule === 'shipshape/internal-error');
          assert.deepStrictEqual(broken, [], `the fix breaks the file:\n${fixed}`);
          const before = findings.filter((f) => f.rule === finding.rule).length;
          const remaining = after.filter((f) => f.rule === finding.rule);
          assert.ok(remaining.length < before || !remaining.some((f) => same(f, finding)), `the finding survives the fix:\n${fixed}`);
          // Only the intended keys change.
          const changed = diff(effective(path, text, files), effective(path, fixed, files));
          assert.ok(changed.length > 0, 'the fix changes the effective model');
          const allowed = INTENDED[finding.rule];
          for (const at of changed) {
            const ok = allowed
              ? allowed.some((key) => (key.startsWith('/') ? at[0] === key.slice(1) : at[0] === 'services' && at[2] === key))
              : at[0] === 'services' && at.length >= 3; // another engineer's rule: at least inside one service's keys
            assert.ok(ok, `${finding.rule} changed ${at.join('.')}`);
          }
          // Idempotent: the same fix does not come back for the fixed text.
          const again = after.filter((f) => f.rule === finding.rule && f.fix && JSON.stringify(f.fix.edits) === JSON.stringify(finding.fix!.edits));
          assert.deepStrictEqual(again, []);
        });
      }
    });
  }
});
