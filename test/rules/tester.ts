import assert from 'assert';
import { analyze } from '../../rules/engine';
import { applyEdits } from '../../rules/fix';
import { allRuleMeta } from '../../rules/registry';
import type { Finding, Kind, ResolvedConfig, Rule, SeverityLevel } from '../../rules/types';
import { EMPTY_CONFIG } from '../../rules/types';
import { memoryWorkspace } from '../../rules/workspace';

// ESLint-style rule tables: `valid` snippets report nothing, `invalid` ones report exactly the
// listed errors, and applying each finding's fix yields `output`. Every fix is then checked for
// the properties users rely on: the finding goes away, no new parse error appears, and applying
// the fixes again changes nothing.

export interface ValidCase {
  code: string;
  /** File name (absolute path); defaults by kind (/w/Dockerfile, /w/compose.yaml, /w/nginx.conf). */
  path?: string;
  /** Other workspace files: absolute path → text. */
  files?: Record<string, string>;
  /** Extra rule levels (e.g. to turn an `off` rule on). */
  rules?: Record<string, SeverityLevel>;
  /** Other config settings (nonRootImages, trustedRegistries...). */
  config?: Partial<ResolvedConfig>;
  now?: Date;
  name?: string;
}

export interface ExpectedError {
  /** Substring or pattern the message must match. */
  message?: string | RegExp;
  /** [startLine, startChar, endLine, endChar], 0-based like LSP. */
  range?: [number, number, number, number];
  /** 0-based start line, when the exact range is not the point of the case. */
  line?: number;
  severity?: 'error' | 'warning' | 'info';
  /** Title of the fix, when it matters. */
  fixTitle?: string | RegExp;
  /** Whether the finding's fix is marked safe. */
  safe?: boolean;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Text after applying every finding's fix (null: the findings carry no fix). */
  output?: string | null;
}

const DEFAULT_PATHS: Record<Kind, string> = {
  dockerfile: '/w/Dockerfile',
  compose: '/w/compose.yaml',
  nginx: '/w/nginx.conf',
};

const PARSER_RULE = /\/(syntax|schema)$/;

/** Findings of `rule` alone (plus parse problems, which must never appear in a case). */
export function runRule(rule: Rule, testCase: ValidCase): { findings: Finding[]; parseProblems: Finding[] } {
  const kind = rule.meta.kind;
  const path = testCase.path ?? DEFAULT_PATHS[kind];
  const levels: Record<string, SeverityLevel> = {};
  // Every other rule is off so a case sees only its own rule, except the parser's rules:
  // a case must keep parsing cleanly, and these are how a parse problem shows.
  for (const meta of allRuleMeta()) levels[meta.id] = PARSER_RULE.test(meta.id) ? meta.severity : 'off';
  // The rule itself keeps its default (unset), so per-finding severities show; an opt-in
  // rule is switched on.
  delete levels[rule.meta.id];
  if (rule.meta.severity === 'off') levels[rule.meta.id] = 'warning';
  levels['shipshape/unused-suppression'] = 'off';
  Object.assign(levels, testCase.rules);
  const analysis = analyze(
    { path, text: testCase.code, kind },
    {
      workspace: memoryWorkspace({ ...testCase.files, [path]: testCase.code }),
      config: { ...EMPTY_CONFIG, ...testCase.config, rules: levels },
      now: testCase.now ?? new Date('2026-11-23T00:00:00Z'),
    },
  );
  const findings = analysis?.findings ?? [];
  const isParseProblem = (f: Finding) => PARSER_RULE.test(f.rule) || f.rule === 'shipshape/internal-error';
  return {
    findings: findings.filter((f) => f.rule === rule.meta.id && !f.path),
    parseProblems: findings.filter((f) => isParseProblem(f) && f.rule !== rule.meta.id),
  };
}

function describeFindings(findings: Finding[]): string {
  return findings
    .map((f) => `  ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`)
    .join('\n');
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      cases.valid.forEach((testCase, index) => {
        it(testCase.name ?? `valid #${index + 1}: ${firstLine(testCase.code)}`, () => {
          const { findings, parseProblems } = runRule(rule, testCase);
          assert.deepStrictEqual(parseProblems, [], 'valid case must parse cleanly');
          assert.strictEqual(findings.length, 0, `expected no findings, got:\n${describeFindings(findings)}`);
        });
      });
    });

    describe('invalid', () => {
      cases.invalid.forEach((testCase, index) => {
        it(testCase.name ?? `invalid #${index + 1}: ${firstLine(testCase.code)}`, () => {
          const { findings, parseProblems } = runRule(rule, testCase);
          assert.deepStrictEqual(parseProblems, [], 'invalid case must parse cleanly (the rule is the point)');
          assert.strictEqual(
            findings.length,
            testCase.errors.length,
            `expected ${testCase.errors.length} finding(s), got:\n${describeFindings(findings)}`,
          );
          testCase.errors.forEach((expected, i) => checkError(findings[i], expected, testCase.code));
          if (testCase.output !== undefined) checkFixes(rule, testCase, findings);
        });
      });
    });
  });
}

function checkError(actual: Finding, expected: ExpectedError, code: string): void {
  if (expected.message instanceof RegExp) assert.match(actual.message, expected.message);
  else if (expected.message) assert.ok(actual.message.includes(expected.message), `message "${actual.message}" lacks "${expected.message}"`);
  const r = actual.range;
  if (expected.range) {
    assert.deepStrictEqual([r.start.line, r.start.character, r.end.line, r.end.character], expected.range, `range of "${actual.message}"`);
  }
  if (expected.line !== undefined) assert.strictEqual(r.start.line, expected.line, `line of "${actual.message}"`);
  if (expected.severity) assert.strictEqual(actual.severity, expected.severity);
  if (expected.safe !== undefined) assert.strictEqual(actual.fix?.safe, expected.safe, 'fix safety');
  if (expected.fixTitle instanceof RegExp) assert.match(actual.fix?.title ?? '', expected.fixTitle);
  else if (expected.fixTitle) assert.strictEqual(actual.fix?.title, expected.fixTitle);
  // Every range stays inside the text (LSP clients reject out-of-range positions).
  const lines = code.split(/\r\n|\r|\n/);
  for (const p of [r.start, r.end]) {
    assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `position ${p.line}:${p.character} is outside the text`);
  }
}

function checkFixes(rule: Rule, testCase: InvalidCase, findings: Finding[]): void {
  const fixes = findings.map((f) => f.fix).filter((fix) => fix !== undefined);
  if (testCase.output === null) {
    assert.strictEqual(fixes.length, 0, 'expected no fix');
    return;
  }
  assert.ok(fixes.length > 0, 'expected a fix');
  const fixed = applyEdits(testCase.code, dedupe(fixes.flatMap((fix) => fix!.edits)));
  assert.strictEqual(fixed, testCase.output, 'fixed output');
  const after = runRule(rule, { ...testCase, code: fixed });
  assert.deepStrictEqual(after.parseProblems, [], 'the fix must not introduce a parse problem');
  assert.strictEqual(after.findings.length, 0, `the fix must remove the finding, still:\n${describeFindings(after.findings)}`);
}

function dedupe<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function firstLine(code: string): string {
  return code.split('\n').find((l) => l.trim())?.trim().slice(0, 60) ?? '';
}
