import type { Language } from '../language';
import { buildModel, statementStart, type DockerfileModel } from './model';
import { imageLatest } from './rules/image-latest';
import { dockerfileSyntax } from './rules/syntax';
import { userMissing } from './rules/user-missing';
import { syntaxProblems } from './syntax';
import { baseRules } from './groups/base';
import { instructionsRules } from './groups/instructions';
import { runRules } from './groups/run';
import { parityRules } from './groups/parity';

export const dockerfileRules = [dockerfileSyntax, userMissing, imageLatest, ...baseRules, ...runRules, ...instructionsRules, ...parityRules];

export const dockerfileLanguage: Language<DockerfileModel> = {
  // Rules are typed against the model; the parser rule's check ignores it.
  kind: 'dockerfile',
  parse(text, context) {
    const model = buildModel(text, context);
    return { model, problems: syntaxProblems(model) };
  },
  rules: dockerfileRules,
  statementStart,
  finalStageLine: (model) => model.finalStage?.from.getRange().start.line,
};
