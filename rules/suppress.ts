import { resolveRuleName } from './registry';
import type { LineIndex } from './position';
import type { Finding, Fix, Kind, Range } from './types';

// Suppression comments. Shipshape's own pragmas, plus the foreign ones users already have in
// their files (hadolint, checkov, trivy, dclint), which reach our rules through aliases.
//
//   # shipshape-ignore <id>[,<id>] [-- reason]     the next statement
//   # shipshape-ignore-file <id>[,<id>] [-- reason] the whole file
//   # hadolint ignore=DL3006,DL3007                 the next instruction
//   # hadolint global ignore=DL3006                 the whole file
//   #checkov:skip=CKV_DOCKER_3:reason               the whole file (checkov's Dockerfile scope)
//   #trivy:ignore:DS-0002                           the next statement
//   # dclint disable-line <rule> ...                its own line when trailing, else the next
//   # dclint disable <rule> ... | disable-file      the whole file, when first in the file

import { UNUSED_SUPPRESSION_RULE } from './engine-rules';

export type PragmaScope = 'next' | 'line' | 'file';

export interface Pragma {
  /** Line the comment is on. */
  line: number;
  /** The comment's text range, for reporting it. */
  range: Range;
  scope: PragmaScope;
  /** Rule ids the pragma names, resolved through aliases; `*` means every rule. */
  rules: Set<string>;
  /** Names it gave that match no rule (shipshape pragmas only are reported for these). */
  unknown: string[];
  /** Shipshape's own pragmas are reported when they silence nothing; foreign ones may serve their own tool. */
  own: boolean;
}

const OWN = /#\s*shipshape-ignore(-file)?(?:\s+([^\s].*?))?\s*(?:--.*)?$/;
const HADOLINT = /#\s*hadolint\s+(global\s+)?ignore=([\w,\s-]+)/i;
const CHECKOV = /#\s*checkov:skip=([A-Z0-9_]+)/i;
const TRIVY = /#\s*trivy:ignore:([A-Za-z0-9-]+)/i;
const DCLINT_LINE = /#\s*dclint\s+disable-line\b(.*)$/;
const DCLINT_FILE = /^\s*#\s*dclint\s+(disable-file|disable)\b(.*)$/;

/** Every pragma names one of these: a comment without any is skipped before the real patterns run. */
const ANY_PRAGMA = /shipshape-ignore|hadolint|checkov:skip|trivy:ignore|dclint/i;

export function parsePragmas(lines: LineIndex): Pragma[] {
  const pragmas: Pragma[] = [];
  const all = lines.text;
  let seenContent = false;
  for (let line = 0; line < lines.lineCount; line++) {
    if (seenContent) {
      // Past the first content line only lines with a `#` matter: jump to the next one.
      const next = all.indexOf('#', lines.lineStart(line));
      if (next < 0) break;
      line = lines.positionAt(next).line;
    }
    const text = lines.lineText(line);
    const hash = text.indexOf('#');
    if (hash < 0) {
      if (text.trim() && text.trim() !== '---') seenContent = true;
      continue;
    }
    const ownLine = text.slice(0, hash).trim() === '';
    const comment = text.slice(hash);
    if (!ANY_PRAGMA.test(comment)) {
      if (!ownLine) seenContent = true;
      continue;
    }
    const range = { start: { line, character: hash }, end: { line, character: text.length } };
    const pragma = (scope: PragmaScope, names: string[], own: boolean): void => {
      const { rules, unknown } = resolveNames(names);
      pragmas.push({ line, range, scope: scope === 'next' && !ownLine ? 'line' : scope, rules, unknown, own });
    };

    let match: RegExpExecArray | null;
    if ((match = OWN.exec(comment))) pragma(match[1] ? 'file' : 'next', splitNames(match[2] ?? ''), true);
    else if ((match = HADOLINT.exec(comment))) pragma(match[1] ? 'file' : 'next', splitNames(match[2]).map((n) => `hadolint:${n}`), false);
    else if ((match = CHECKOV.exec(comment))) pragma('file', [`checkov:${match[1]}`], false);
    else if ((match = TRIVY.exec(comment))) pragma('next', [`trivy:${normalizeTrivyId(match[1])}`], false);
    else if ((match = DCLINT_LINE.exec(comment))) pragma('next', dclintNames(match[1]), false);
    else if (!seenContent && ownLine && (match = DCLINT_FILE.exec(text))) {
      pragma('file', match[1] === 'disable-file' ? ['*'] : dclintNames(match[2]), false);
    }
    if (!ownLine) seenContent = true;
  }
  return pragmas;
}

function splitNames(list: string): string[] {
  return list.split(/[\s,]+/).filter(Boolean);
}

function dclintNames(list: string): string[] {
  const names = splitNames(list);
  return names.length ? names.map((n) => `dclint:${n}`) : ['*'];
}

/** Trivy has spelled the same check `DS002`, `AVD-DS-0002` and `DS-0002` over the years. */
function normalizeTrivyId(id: string): string {
  const match = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/i.exec(id);
  return match ? `${match[1].toUpperCase()}-${match[2].padStart(4, '0')}` : id;
}

function resolveNames(names: string[]): { rules: Set<string>; unknown: string[] } {
  const rules = new Set<string>();
  const unknown: string[] = [];
  for (const name of names) {
    if (name === '*') {
      rules.add('*');
      continue;
    }
    const ids = resolveRuleName(name);
    if (ids.length) ids.forEach((id) => rules.add(id));
    else unknown.push(name);
  }
  return { rules, unknown };
}

/** The line a next-statement pragma applies to: the first line below it that is not a comment or blank. */
function targetLine(lines: LineIndex, pragmaLine: number): number {
  for (let line = pragmaLine + 1; line < lines.lineCount; line++) {
    const text = lines.lineText(line).trim();
    if (text && !text.startsWith('#')) return line;
  }
  return -1;
}

/**
 * Drops suppressed findings and adds one `shipshape/unused-suppression` finding per own
 * pragma that silenced nothing (or names an unknown rule). `isEnabled` tells whether a rule
 * is on: a pragma for a rule that is off is not "unused", it is waiting.
 */
export function applySuppressions(
  findings: Finding[],
  pragmas: Pragma[],
  statementStart: (line: number) => number,
  isEnabled: (ruleId: string) => boolean,
  lines?: LineIndex,
): Finding[] {
  if (!pragmas.length) return findings;
  const used = new Set<Pragma>();
  const targets = new Map<Pragma, number>();
  const silences = (pragma: Pragma, finding: Finding): boolean => {
    if (!pragma.rules.has('*') && !pragma.rules.has(finding.rule)) return false;
    if (pragma.scope === 'file') return true;
    const start = statementStart(finding.range.start.line);
    if (pragma.scope === 'line') return start === pragma.line || finding.range.start.line === pragma.line;
    return start === targets.get(pragma);
  };
  if (lines) for (const pragma of pragmas) targets.set(pragma, targetLine(lines, pragma.line));

  const kept = findings.filter((finding) => {
    if (finding.path) return true; // reported into another file: that file's pragmas govern it
    const by = pragmas.filter((pragma) => silences(pragma, finding));
    by.forEach((pragma) => used.add(pragma));
    return by.length === 0;
  });

  if (isEnabled(UNUSED_SUPPRESSION_RULE)) {
    for (const pragma of pragmas) {
      if (!pragma.own) continue;
      if (pragma.unknown.length) {
        kept.push(unusedFinding(pragma, `Unknown rule ${pragma.unknown.map((n) => `\`${n}\``).join(', ')} in suppression comment.`));
      } else if (!used.has(pragma) && [...pragma.rules].some(isEnabled)) {
        kept.push(unusedFinding(pragma, 'This suppression comment silences nothing; remove it.', removeLineFix(pragma, lines)));
      }
    }
  }
  return kept;
}

function unusedFinding(pragma: Pragma, message: string, fix?: Fix): Finding {
  return { rule: UNUSED_SUPPRESSION_RULE, severity: 'info', message, range: pragma.range, ...(fix ? { fix } : {}) };
}

function removeLineFix(pragma: Pragma, lines?: LineIndex): Fix | undefined {
  if (!lines || pragma.range.start.character !== lines.lineText(pragma.line).search(/\S/)) return undefined;
  return {
    title: 'Remove the unused suppression comment',
    safe: true,
    edits: [{ range: { start: { line: pragma.line, character: 0 }, end: { line: pragma.line + 1, character: 0 } }, newText: '' }],
  };
}

/** "Suppress for this line" and "Suppress for this file" edits for one finding. */
export function suppressionFixes(
  finding: Finding,
  lines: LineIndex,
  kind: Kind,
  statementStart: (line: number) => number,
): Fix[] {
  const start = statementStart(finding.range.start.line);
  const indent = /^\s*/.exec(lines.lineText(start))![0];
  const eol = lines.eol;
  const fileLine = firstLineAfterDirectives(lines, kind);
  return [
    {
      title: `Suppress ${finding.rule} for this line`,
      safe: false,
      edits: [{ range: at(start, 0), newText: `${indent}# shipshape-ignore ${finding.rule}${eol}` }],
    },
    {
      title: `Suppress ${finding.rule} for this file`,
      safe: false,
      edits: [{ range: at(fileLine, 0), newText: `# shipshape-ignore-file ${finding.rule}${eol}` }],
    },
  ];
}

function at(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/**
 * Dockerfile parser directives (`# syntax=`, `# escape=`, `# check=`) only count at the very
 * top, before any other comment, so a file-wide pragma goes below them.
 */
function firstLineAfterDirectives(lines: LineIndex, kind: Kind): number {
  if (kind !== 'dockerfile') return 0;
  let line = 0;
  while (line < lines.lineCount && /^\s*#\s*[a-z]+\s*=/i.test(lines.lineText(line))) line++;
  return line;
}
