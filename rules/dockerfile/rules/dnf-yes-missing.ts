import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkYes } from '../packages';

export const dnfYesMissing: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/dnf-yes-missing',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`dnf` without `-y`',
    aliases: ['hadolint:DL3038'],
    fix: 'safe',
    docs: {
      what:
        'Reports `dnf install` (`groupinstall`, `localinstall`) and the other `dnf`/`microdnf` commands that ask for ' +
        'confirmation — `reinstall`, `remove`, `upgrade`, `downgrade`, `distro-sync`, `autoremove` — without ' +
        '`-y`/`--assumeyes`.',
      why:
        'A build has no terminal to answer "Is this ok [y/N]". dnf takes the default, *no*, and the build fails — or the ' +
        'step works only until a dependency change needs confirming. `-y` makes it non-interactive.',
      example: 'FROM fedora:41\nRUN dnf install nginx-1.26.2 && dnf clean all',
      fixed: 'FROM fedora:41\nRUN dnf install -y nginx-1.26.2 && dnf clean all',
      notes: 'hadolint checks the install commands only. The quick fix inserts `-y` right after the subcommand.',
    },
  },
  check(model) {
    return checkYes(model, {
      managers: ['dnf', 'microdnf'],
      subs: ['install', 'groupinstall', 'reinstall', 'remove', 'upgrade', 'downgrade', 'distro-sync', 'autoremove'],
      flags: ['y', 'assumeyes'],
      insert: 'after-sub',
      flag: '-y',
      message: (cmd) => `\`${cmd.program.value} ${cmd.sub!.value}\` waits for a confirmation no one can give during a build: add \`-y\`.`,
    });
  },
};
