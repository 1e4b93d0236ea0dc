import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkYes } from '../packages';

export const yumYesMissing: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/yum-yes-missing',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`yum` without `-y`',
    aliases: ['hadolint:DL3030'],
    fix: 'safe',
    docs: {
      what:
        'Reports `yum install` (`groupinstall`, `localinstall`) and the other `yum` commands that ask for confirmation — ' +
        '`reinstall`, `remove`, `update`/`upgrade`, `downgrade`, `distro-sync`, `autoremove` — without `-y`/`--assumeyes`.',
      why:
        'A build has no terminal to answer "Is this ok [y/N]". yum takes the default, *no*, and the build fails, or the ' +
        'step only works until a dependency change needs confirming. `-y` makes it non-interactive.',
      example: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all',
      fixed: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
      notes: 'hadolint checks the install commands only. The quick fix inserts `-y` right after the subcommand.',
    },
  },
  check(model) {
    return checkYes(model, {
      managers: ['yum'],
      subs: ['install', 'groupinstall', 'reinstall', 'remove', 'upgrade', 'downgrade', 'distro-sync', 'autoremove'],
      flags: ['y', 'assumeyes'],
      insert: 'after-sub',
      flag: '-y',
      message: (cmd) => `\`yum ${cmd.sub!.value}\` waits for a confirmation no one can give during a build: add \`-y\`.`,
    });
  },
};
