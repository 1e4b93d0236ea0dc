import type { Language } from '../language';
import { NginxModel } from './model';
import { parseNginx } from './parser';
import { serverTokens } from './rules/server-tokens';
import { syntax } from './rules/syntax';

// nginx as the engine sees it: parse into a model (syntax problems come back from the parser),
// then run the rules below over it.

export const nginxLanguage: Language<NginxModel> = {
  kind: 'nginx',
  parse(text, context) {
    const parsed = parseNginx(text);
    return { model: new NginxModel(text, context, parsed), problems: parsed.problems };
  },
  rules: [syntax, serverTokens],
  statementStart: (model, line) => model.statementStart(line),
};
