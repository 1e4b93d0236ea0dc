import { dockerfileLanguage } from './dockerfile';
import { composeLanguage } from './compose';
import { nginxLanguage } from './nginx';
import type { Language } from './language';
import { ENGINE_RULES } from './engine-rules';
import type { Kind, Rule, RuleMeta } from './types';

const LANGUAGES: Record<Kind, Language> = {
  dockerfile: dockerfileLanguage,
  compose: composeLanguage,
  nginx: nginxLanguage,
};

export function languageFor(kind: Kind): Language {
  return LANGUAGES[kind];
}

export const ALL_RULES: readonly Rule[] = Object.values(LANGUAGES).flatMap((language) => language.rules);

const BY_ID = new Map<string, Rule>(ALL_RULES.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** Alias (`hadolint:DL3006`, lower-cased) → the rule ids it names. One alias may name several. */
const BY_ALIAS = new Map<string, string[]>();
for (const rule of ALL_RULES) {
  for (const alias of rule.meta.aliases) {
    const key = alias.toLowerCase();
    BY_ALIAS.set(key, [...(BY_ALIAS.get(key) ?? []), rule.meta.id]);
  }
}

/** Rule ids named by `name`: a Shipshape id or a `tool:ID` alias. Empty when unknown. */
export function resolveRuleName(name: string): string[] {
  if (BY_ID.has(name) || name in ENGINE_RULES) return [name];
  return BY_ALIAS.get(name.toLowerCase()) ?? [];
}

export function allRuleMeta(): RuleMeta[] {
  return ALL_RULES.map((rule) => rule.meta);
}
