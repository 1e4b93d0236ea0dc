import type { Kind, Report, Rule, RuleContext } from './types';

/** A problem found while parsing, already attributed to a rule (`<kind>/syntax`, `compose/schema`). */
export interface ParseProblem extends Report {
  rule: string;
}

export interface Parsed<M> {
  model: M;
  problems: ParseProblem[];
}

/**
 * Everything the engine needs to know about one file kind. Each kind folder exports one of
 * these from its `index.ts`; the engine itself stays kind-agnostic.
 */
export interface Language<M = any> {
  kind: Kind;
  /** Never throws: syntax errors come back as problems next to a best-effort model. */
  parse(text: string, context: RuleContext): Parsed<M>;
  rules: Rule<M>[];
  /**
   * The first line of the statement (instruction, key, directive) that `line` belongs to.
   * Suppression comments sit directly above that line.
   */
  statementStart(model: M, line: number): number;
  /** For a file that builds an image: the line of the final stage's FROM (where scans are offered). */
  finalStageLine?(model: M): number | undefined;
}
