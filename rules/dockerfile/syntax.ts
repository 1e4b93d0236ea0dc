import type { ParseProblem } from '../language';
import type { DockerfileModel } from './model';

// What BuildKit refuses before it builds anything. dockerfile-ast is tolerant by design, so
// these checks turn its lenient parse into the errors a build would stop on.

export const SYNTAX_RULE = 'dockerfile/syntax';

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export function syntaxProblems(model: DockerfileModel): ParseProblem[] {
  const problems: ParseProblem[] = [];
  let seenFrom = false;
  for (const instruction of model.instructions) {
    const keyword = instruction.getKeyword();
    const range = instruction.getInstructionRange();
    if (!KEYWORDS.has(keyword)) {
      problems.push({ rule: SYNTAX_RULE, severity: 'error', range, message: `Unknown instruction \`${instruction.getInstruction()}\`.` });
      continue;
    }
    if (keyword === 'FROM') {
      seenFrom = true;
      if (!instruction.getArgumentsContent()?.trim()) {
        problems.push({ rule: SYNTAX_RULE, severity: 'error', range, message: '`FROM` needs an image or a stage name.' });
      }
    } else if (!seenFrom && keyword !== 'ARG') {
      problems.push({
        rule: SYNTAX_RULE,
        severity: 'error',
        range,
        message: `\`${keyword}\` before the first \`FROM\`: only \`ARG\` may come before it.`,
      });
    }
  }
  return problems;
}
