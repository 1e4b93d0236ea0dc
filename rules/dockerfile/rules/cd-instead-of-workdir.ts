import type { Report, Rule } from '../../types';
import { commands, rangeOfWord } from '../command-words';
import type { DockerfileModel } from '../model';

export const cdInsteadOfWorkdir: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/cd-instead-of-workdir',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'cd in RUN instead of WORKDIR',
    aliases: ['hadolint:DL3003'],
    fix: 'none',
    docs: {
      what: 'Reports `cd` in a `RUN` command, except inside a subshell `( cd dir && … )` whose scope is explicit.',
      why:
        'A `cd` lasts for one `RUN` only, so the next instruction silently runs somewhere else, and the working ' +
        'directory of the image is not what the reader expects. `WORKDIR` sets it for every later instruction and for ' +
        'the container, and creates the directory if needed.',
      example: 'RUN cd /app && npm ci',
      fixed: 'WORKDIR /app\nRUN npm ci',
      notes:
        'hadolint also reports `cd` in a subshell; Shipshape does not. There is no quick fix: moving the `cd` into a ' +
        '`WORKDIR` also changes where every later instruction runs.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { run, raw, command, name } of commands(model)) {
      if (name !== 'cd' || raw.before === '(') continue;
      const target = command.words[1]?.value;
      reports.push({
        message: `\`cd\` only lasts for this RUN; use \`WORKDIR ${target && !target.startsWith('-') ? target : '<dir>'}\` so later instructions run there too.`,
        range: rangeOfWord(model, run, command.words[0]),
      });
    }
    return reports;
  },
};
