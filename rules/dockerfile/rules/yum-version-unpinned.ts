import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkPins, rpmPinned } from '../packages';

export const yumVersionUnpinned: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/yum-version-unpinned',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`yum install` without package versions',
    aliases: ['hadolint:DL3033'],
    fix: 'none',
    docs: {
      what:
        'Reports each package of `yum install` (and each module of `yum module install`) named without a version: ' +
        '`httpd` rather than `httpd-2.4.57`, `nodejs` rather than `nodejs:20`. `.rpm` files and URLs are accepted; ' +
        'groups (`@Development Tools`) cannot be pinned and are skipped.',
      why:
        'Without a version, the repositories decide what gets installed on the day of the build. Rebuilds drift, a ' +
        'release that breaks the application arrives unannounced, and the image no longer matches what was tested. A ' +
        'version in the name makes the build repeatable and package changes reviewable.',
      example: 'FROM centos:7\nRUN yum install -y httpd && yum clean all',
      fixed: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
      notes:
        'A package counts as pinned when a dash is followed by a version (a part starting with a digit): hadolint accepts ' +
        'any dash, so `python3-devel` passes there and is reported here.',
    },
  },
  check(model) {
    return checkPins(model, {
      managers: ['yum'],
      subs: ['install', 'module'],
      commandPinned: (cmd) => cmd.subName === 'module' && cmd.args[0]?.value !== 'install',
      pinned: (pkg, cmd) => pkg === 'install' || pkg.startsWith('@') || (cmd.subName === 'module' ? pkg.includes(':') : rpmPinned(pkg)),
      message: (pkg, cmd) =>
        cmd.subName === 'module' ? `Pin the stream of module \`${pkg}\`: \`${pkg}:<stream>\`.` : `Pin the version of \`${pkg}\`: \`${pkg}-<version>\`.`,
    });
  },
};
