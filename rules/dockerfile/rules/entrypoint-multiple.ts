import { repeatedInstructionRule } from '../repeated-instructions';

export const entrypointMultiple = repeatedInstructionRule({
  id: 'dockerfile/entrypoint-multiple',
  keyword: 'ENTRYPOINT',
  alias: 'hadolint:DL4004',
  severity: 'error',
  title: 'More than one ENTRYPOINT in a stage',
  why:
    'Only the last `ENTRYPOINT` is used. An earlier one (an init wrapper such as `tini`, a setup script) is silently ' +
    'dropped, which changes signal handling and start-up in ways that are easy to miss in review.',
  example: 'FROM debian:bookworm\nENTRYPOINT ["/usr/bin/tini", "--"]\nENTRYPOINT ["/app"]',
  fixed: 'FROM debian:bookworm\nENTRYPOINT ["/app"]',
});
