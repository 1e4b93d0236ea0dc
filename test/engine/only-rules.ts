import { allRuleMeta } from '../../rules/registry';
import { EMPTY_CONFIG, type ResolvedConfig, type SeverityLevel } from '../../rules/types';

/** A config with every rule off but `ids` (at their defaults), so engine tests see only what they test. */
export function onlyRules(...ids: string[]): ResolvedConfig {
  const rules: Record<string, SeverityLevel> = {};
  for (const meta of allRuleMeta()) if (!ids.includes(meta.id) && !/\/syntax$/.test(meta.id)) rules[meta.id] = 'off';
  return { ...EMPTY_CONFIG, rules };
}
