import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkClean, isRemoval } from '../packages';

const CACHE = ['/var/cache/yum'];

export const yumCleanMissing: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/yum-clean-missing',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`yum install` without `yum clean all`',
    aliases: ['hadolint:DL3032'],
    fix: 'safe',
    docs: {
      what:
        'Reports a `RUN` in a stage that ships whose last `yum install` (or `groupinstall`, `reinstall`, `upgrade`, ' +
        '`downgrade`) is not followed, in the same `RUN`, by `yum clean all` or by deleting `/var/cache/yum`.',
      why:
        'yum keeps repository metadata and downloaded packages under `/var/cache/yum`: often a hundred megabytes or more. ' +
        'Only a cleanup in the same `RUN` keeps them out of the layer; a later `RUN` merely hides them.',
      example: 'FROM centos:7\nRUN yum install -y httpd-2.4.6',
      fixed: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
      notes:
        'Silent under a BuildKit cache or tmpfs mount of `/var/cache/yum`. Unlike hadolint, the cleanup must come after ' +
        'the install, and build stages that are only copied from are not reported. The quick fix appends ' +
        '`&& yum clean all` to the last command of the `RUN`.',
    },
  },
  check(model) {
    return checkClean(model, {
      managers: ['yum'],
      subs: ['install', 'groupinstall', 'reinstall', 'upgrade', 'downgrade'],
      cleans: (command, parsed) =>
        (parsed?.manager === 'yum' && parsed.subName === 'clean' && parsed.args.some((a) => a.value === 'all')) || isRemoval(command, CACHE),
      cachePaths: CACHE,
      cleanCommand: () => 'yum clean all',
      message: (cmd) => `\`yum ${cmd.sub?.value ?? ''}\` leaves its cache in /var/cache/yum: end this RUN with \`&& yum clean all\`.`,
    });
  },
};
