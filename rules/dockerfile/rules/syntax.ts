import { parserRule } from '../../parser-rule';
import { SYNTAX_RULE } from '../syntax';

export const dockerfileSyntax = parserRule({
  id: SYNTAX_RULE,
  kind: 'dockerfile',
  severity: 'error',
  tier: 1,
  title: 'Dockerfile a build would reject',
  aliases: ['hadolint:DL3061'],
  fix: 'none',
  docs: {
    what:
      'Reports what stops `docker build` before it starts: an unknown instruction, an instruction other than `ARG` before ' +
      'the first `FROM`, a `FROM` without an image.',
    why: 'The build fails on these at once; seeing them while typing saves a round trip through the builder.',
    example: 'RUN apt-get update\nFROM debian:bookworm',
    fixed: 'FROM debian:bookworm\nRUN apt-get update',
  },
});
