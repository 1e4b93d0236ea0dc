import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkYes } from '../packages';

export const zypperNonInteractiveMissing: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/zypper-non-interactive-missing',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`zypper` without `--non-interactive`',
    aliases: ['hadolint:DL3034'],
    fix: 'safe',
    docs: {
      what:
        'Reports `zypper install`, `remove`, `source-install`, `patch`, `update` and `dist-upgrade` (and their short ' +
        'forms `in`, `rm`, `si`, `up`, `dup`) without the global `-n`/`--non-interactive` or the command\'s ' +
        '`-y`/`--no-confirm`.',
      why:
        'zypper asks for confirmation before changing the system. A build cannot answer, so the step fails or hangs ' +
        'until a timeout. The non-interactive switch makes zypper take the default answers.',
      example: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean --all',
      fixed: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean --all',
      notes:
        'The quick fix inserts the global `--non-interactive` right after `zypper`: it is valid for every subcommand. ' +
        'hadolint accepts it too.',
    },
  },
  check(model) {
    return checkYes(model, {
      managers: ['zypper'],
      subs: ['install', 'remove', 'source-install', 'patch', 'update', 'dist-upgrade'],
      flags: ['n', 'non-interactive', 'y', 'no-confirm'],
      insert: 'after-program',
      flag: '--non-interactive',
      message: (cmd) => `\`zypper ${cmd.sub!.value}\` waits for a confirmation no one can give during a build: add \`--non-interactive\`.`,
    });
  },
};
