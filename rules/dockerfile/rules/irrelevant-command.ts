import type { Report, Rule } from '../../types';
import { commands, rangeOfWord } from '../command-words';
import type { DockerfileModel } from '../model';

const IRRELEVANT: Record<string, string> = {
  ssh: 'there is no remote session during a build; fetch what you need with COPY, ADD or a build secret',
  vim: 'nobody can type into an editor during a build; write files with COPY or a heredoc',
  shutdown: 'a build step cannot shut a machine down',
  service: 'services started in a RUN stop when the step ends; start them from CMD/ENTRYPOINT',
  ps: 'the process list of a build step says nothing about the running container',
  free: 'memory during the build says nothing about the running container',
  top: 'an interactive monitor has no terminal during a build',
  kill: 'processes of a build step end with the step anyway',
  mount: 'mounts made in a RUN vanish when the step ends; use `RUN --mount` or volumes',
  ifconfig: 'the build network is not the container\'s network',
};

export const irrelevantCommand: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/irrelevant-command',
    kind: 'dockerfile',
    severity: 'info',
    tier: 2,
    title: 'Command that makes no sense in a build',
    aliases: ['hadolint:DL3001'],
    fix: 'none',
    docs: {
      what:
        'Reports `RUN` commands that cannot do anything useful while an image builds: `ssh`, `vim`, `shutdown`, ' +
        '`service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`.',
      why:
        'Each `RUN` is a throwaway container: interactive tools have no terminal, services and mounts disappear when ' +
        'the step ends, and diagnostics describe the builder rather than the image. Such lines are leftovers from ' +
        'debugging or a sign the Dockerfile is being used like a provisioning script.',
      example: 'RUN service nginx start',
      fixed: 'CMD ["nginx", "-g", "daemon off;"]',
      notes: 'Only commands are matched, not arguments: `apt-get install -y vim` is not reported.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { run, command, name } of commands(model)) {
      if (!name || !Object.prototype.hasOwnProperty.call(IRRELEVANT, name)) continue;
      reports.push({ message: `\`${name}\` in a RUN: ${IRRELEVANT[name]}.`, range: rangeOfWord(model, run, command.words[0]) });
    }
    return reports;
  },
};
