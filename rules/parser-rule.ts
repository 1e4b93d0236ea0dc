import type { Rule, RuleMeta } from './types';

/**
 * A rule whose findings come from the parser (syntax errors, schema violations). It has a
 * `check` that reports nothing so the engine, docs, config and suppressions treat it like any
 * other rule, while the problems themselves are produced once, during parsing.
 */
export function parserRule(meta: RuleMeta): Rule<unknown> {
  return { meta, check: () => [] };
}
