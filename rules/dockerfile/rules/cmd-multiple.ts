import { repeatedInstructionRule } from '../repeated-instructions';

export const cmdMultiple = repeatedInstructionRule({
  id: 'dockerfile/cmd-multiple',
  keyword: 'CMD',
  alias: 'hadolint:DL4003',
  severity: 'warning',
  title: 'More than one CMD in a stage',
  why:
    'Docker keeps only the last `CMD`. An earlier one looks like it runs, so whoever reads the file may believe the ' +
    'container starts something it never does, or edit the line that has no effect.',
  example: 'FROM node:22\nCMD ["node", "migrate.js"]\nCMD ["node", "server.js"]',
  fixed: 'FROM node:22\nCMD ["node", "server.js"]',
});
