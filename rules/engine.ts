import picomatch from 'picomatch';
import { detectKind } from './detect';
import type { Language } from './language';
import { LineIndex } from './position';
import { languageFor, ruleById } from './registry';
import { ENGINE_RULES, INTERNAL_ERROR_RULE, UNUSED_SUPPRESSION_RULE } from './engine-rules';
import { applySuppressions, parsePragmas, suppressionFixes } from './suppress';
import {
  EMPTY_CONFIG,
  type Finding,
  type Fix,
  type Kind,
  type Report,
  type ResolvedConfig,
  type Rule,
  type RuleContext,
  type Severity,
  type SeverityLevel,
  type Workspace,
} from './types';
import { posix } from 'path';

export interface AnalyzeInput {
  /** Absolute, POSIX-style path (a synthetic one for stdin or untitled documents). */
  path: string;
  text: string;
  /** Forces the kind; otherwise it is recognised from the name and the content. */
  kind?: Kind;
}

export interface AnalyzeOptions {
  workspace: Workspace;
  config?: ResolvedConfig;
  now?: Date;
}

export interface Analysis {
  kind: Kind;
  findings: Finding[];
  /** "Suppress for this line / file" edits for one of `findings`. */
  suppressionFixes(finding: Finding): Fix[];
  /** The final stage's FROM line, for files that build an image. */
  finalStageLine?: number;
}


/**
 * Analyzes one file: parse, run every enabled rule, stamp severities, honour suppressions.
 * Returns undefined for files that are not a kind Shipshape knows or that config ignores.
 * Never throws for any input text: a rule that crashes becomes one finding of its own.
 */
export function analyze(input: AnalyzeInput, options: AnalyzeOptions): Analysis | undefined {
  const config = options.config ?? EMPTY_CONFIG;
  const kind = input.kind ?? detectKind(input.path, input.text);
  if (!kind || isIgnored(input.path, config)) return undefined;
  const language = languageFor(kind);
  const context: RuleContext = {
    path: input.path,
    workspace: options.workspace,
    config,
    now: options.now ?? new Date(),
  };

  const findings: Finding[] = [];
  let model: unknown;
  try {
    const parsed = language.parse(input.text, context);
    model = parsed.model;
    for (const problem of parsed.problems) {
      const severity = effectiveSeverity(problem.rule, config, problem.severity);
      if (severity) findings.push({ ...problem, severity });
    }
  } catch (error) {
    // A parser bug must not take the editor down with it: say so on the first line.
    findings.push(internalError(`${kind} parser`, error));
    return finish(kind, findings, input.text, language, undefined, config);
  }

  for (const rule of language.rules) {
    if (!effectiveSeverity(rule.meta.id, config)) continue;
    runRule(rule, model, context, config, findings);
  }
  return finish(kind, findings, input.text, language, model, config);
}

function runRule(rule: Rule, model: unknown, context: RuleContext, config: ResolvedConfig, findings: Finding[]): void {
  const id = rule.meta.id;
  // The level a report without its own severity gets: the same for every report of the rule.
  const level = effectiveSeverity(id, config);
  const configured = config.rules[id] !== undefined;
  const start = findings.length;
  try {
    for (const report of rule.check(model, context)) {
      const severity = report.severity === undefined || configured ? level : effectiveSeverity(id, config, report.severity);
      if (severity) findings.push(findingOf(id, report, severity));
    }
  } catch (error) {
    findings.length = start;
    findings.push(internalError(id, error));
  }
}

/**
 * The report stamped with its rule and severity. Built field by field: a spread of reports of
 * every shape took a slow path, and this runs for each of hundreds of findings per keystroke.
 */
function findingOf(rule: string, report: Report & { data?: Finding['data'] }, severity: Severity): Finding {
  const finding: Finding = { rule, message: report.message, range: report.range, severity };
  if (report.fix !== undefined) finding.fix = report.fix;
  if (report.alternatives !== undefined) finding.alternatives = report.alternatives;
  if (report.related !== undefined) finding.related = report.related;
  if (report.path !== undefined) finding.path = report.path;
  if (report.data !== undefined) finding.data = report.data;
  return finding;
}

function internalError(what: string, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    rule: INTERNAL_ERROR_RULE,
    severity: 'info',
    message: `Shipshape: ${what} failed on this file (${detail}). Other checks still ran; please report this.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

function finish(
  kind: Kind,
  findings: Finding[],
  text: string,
  language: Language,
  model: unknown,
  config: ResolvedConfig,
): Analysis {
  const lines = LineIndex.of(text);
  const statementStart = (line: number) => {
    if (model === undefined) return line;
    try {
      return language.statementStart(model, line);
    } catch {
      return line;
    }
  };
  const pragmas = parsePragmas(lines);
  const isEnabled = (id: string) => effectiveSeverity(id, config) !== undefined;
  // Without pragmas nothing is suppressed and no unused-suppression finding can appear.
  const kept = pragmas.length
    ? applySuppressions(findings, pragmas, statementStart, isEnabled, lines).map((finding) =>
        finding.rule === UNUSED_SUPPRESSION_RULE ? { ...finding, severity: effectiveSeverity(finding.rule, config)! } : finding,
      )
    : findings;
  kept.sort(compareFindings);
  let finalStageLine: number | undefined;
  try {
    finalStageLine = model === undefined ? undefined : language.finalStageLine?.(model);
  } catch {
    finalStageLine = undefined;
  }
  return {
    kind,
    findings: kept,
    suppressionFixes: (finding) => suppressionFixes(finding, lines, kind, statementStart),
    finalStageLine,
  };
}

/** Document order, then rule id: the same as `compareRanges` then `compareRuleIds`, without the calls. */
function compareFindings(a: Finding, b: Finding): number {
  const ar = a.range;
  const br = b.range;
  return (
    ar.start.line - br.start.line ||
    ar.start.character - br.start.character ||
    ar.end.line - br.end.line ||
    ar.end.character - br.end.character ||
    compareRuleIds(a.rule, b.rule)
  );
}

// `localeCompare` builds a collator on every call; one shared collator orders the same way.
const RULE_ORDER = new Intl.Collator();
function compareRuleIds(a: string, b: string): number {
  return a === b ? 0 : RULE_ORDER.compare(a, b);
}

/**
 * The level a finding of `ruleId` is reported at: the user's configured level wins, then the
 * rule's own per-report choice, then its default. Undefined means off.
 */
export function effectiveSeverity(ruleId: string, config: ResolvedConfig, reported?: Severity): Severity | undefined {
  const configured: SeverityLevel | undefined = config.rules[ruleId];
  if (configured === 'off') return undefined;
  if (configured) return configured;
  const defaultLevel = ruleById(ruleId)?.meta.severity ?? ENGINE_RULES[ruleId]?.severity;
  if (defaultLevel === 'off') return undefined;
  return reported ?? defaultLevel ?? 'warning';
}

function isIgnored(path: string, config: ResolvedConfig): boolean {
  if (!config.ignore.length || !config.root) return false;
  const rel = posix.relative(config.root, path);
  if (rel.startsWith('..')) return false;
  return picomatch.isMatch(rel, config.ignore, { dot: true });
}
