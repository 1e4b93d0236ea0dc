import type { Language } from '../language';
import type { Rule } from '../types';
import { projectRules } from './groups/project';
import { securityRules } from './groups/security';
import { type ComposeModel, parseCompose } from './model';
import { privileged } from './rules/privileged';
import { syntax } from './rules/syntax';

// The Compose language: the engine calls `parse` once per analysis and then every enabled rule
// on the model. A parser crash is the engine's to report (as shipshape/internal-error).

const rules: Rule<ComposeModel>[] = [syntax, privileged, ...securityRules, ...projectRules];

export const composeLanguage: Language<ComposeModel> = {
  kind: 'compose',
  parse: parseCompose,
  rules,
  statementStart: (model, line) => model.statementStart(line),
};
