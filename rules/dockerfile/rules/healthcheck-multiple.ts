import { repeatedInstructionRule } from '../repeated-instructions';

export const healthcheckMultiple = repeatedInstructionRule({
  id: 'dockerfile/healthcheck-multiple',
  keyword: 'HEALTHCHECK',
  alias: 'hadolint:DL3012',
  severity: 'error',
  title: 'More than one HEALTHCHECK in a stage',
  why:
    'Only the last `HEALTHCHECK` is used. An earlier probe (with its interval and timeout) is silently discarded, so ' +
    'the health of the container is judged by something other than what the reader sees first.',
  example: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK --interval=10s CMD curl -f http://localhost/health || exit 1',
  fixed: 'FROM nginx:1.27\nHEALTHCHECK --interval=10s CMD curl -f http://localhost/health || exit 1',
});
