import { INTERNAL_ERROR_RULE } from '../engine-rules';
import type { Language, Parsed } from '../language';
import type { Rule, RuleContext } from '../types';
import { type ComposeModel, parseCompose } from './model';
import { privileged } from './rules/privileged';
import { syntax } from './rules/syntax';

// The Compose language: the engine calls `parse` once per analysis and then every enabled rule
// on the model. New rules go into `rules/<name>.ts` and into this list.

const rules: Rule<ComposeModel>[] = [syntax, privileged];

export const composeLanguage: Language<ComposeModel> = {
  kind: 'compose',
  parse: safeParse,
  rules,
  statementStart: (model, line) => model.statementStart(line),
};

/** `Language.parse` never throws: a parser bug leaves an empty model and says so, and other files keep working. */
function safeParse(text: string, context: RuleContext): Parsed<ComposeModel> {
  try {
    return parseCompose(text, context);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      model: parseCompose('', context).model,
      problems: [
        {
          rule: INTERNAL_ERROR_RULE,
          severity: 'info',
          message: `Shipshape: the Compose parser failed on this file (${detail}); please report this.`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        },
      ],
    };
  }
}
