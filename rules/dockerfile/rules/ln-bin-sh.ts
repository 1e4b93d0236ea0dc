import type { Report, Rule } from '../../types';
import { commands, rangeOfWord } from '../command-words';
import type { DockerfileModel } from '../model';

export const lnBinSh: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/ln-bin-sh',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'Replacing /bin/sh with ln instead of SHELL',
    aliases: ['hadolint:DL4005'],
    fix: 'none',
    docs: {
      what: 'Reports `ln` commands that take `/bin/sh` as an argument, typically `ln -sf /bin/bash /bin/sh`.',
      why:
        'Relinking `/bin/sh` changes the shell for every script in the image, including the distribution\'s own ' +
        'maintainer scripts that expect `dash` or BusyBox, and hides the change from anyone reading the Dockerfile. ' +
        '`SHELL ["/bin/bash", "-c"]` changes the shell of later `RUN` instructions only, in plain sight.',
      example: 'RUN ln -sf /bin/bash /bin/sh',
      fixed: 'SHELL ["/bin/bash", "-c"]',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { run, command, name } of commands(model)) {
      if (name !== 'ln') continue;
      const word = command.words.find((w, i) => i > 0 && w.value === '/bin/sh');
      if (!word) continue;
      reports.push({ message: 'Relinking `/bin/sh` changes the shell for everything in the image; use `SHELL ["/bin/bash", "-c"]` for RUN instead.', range: rangeOfWord(model, run, word) });
    }
    return reports;
  },
};
