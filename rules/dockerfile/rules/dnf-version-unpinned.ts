import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkPins, rpmPinned } from '../packages';

export const dnfVersionUnpinned: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/dnf-version-unpinned',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`dnf install` without package versions',
    aliases: ['hadolint:DL3041'],
    fix: 'none',
    docs: {
      what:
        'Reports each package of `dnf install` or `microdnf install` (and each module of `dnf module install`) named ' +
        'without a version: `nginx` rather than `nginx-1.24.0`, `nodejs` rather than `nodejs:20`. `.rpm` files and URLs ' +
        'are accepted; groups (`@core`) cannot be pinned and are skipped.',
      why:
        'Without a version, the repositories decide what gets installed on the day of the build. Rebuilds drift, a ' +
        'release that breaks the application arrives unannounced, and the image no longer matches what was tested. A ' +
        'version in the name makes the build repeatable and package changes reviewable.',
      example: 'FROM fedora:41\nRUN dnf install -y nginx && dnf clean all',
      fixed: 'FROM fedora:41\nRUN dnf install -y nginx-1.26.2 && dnf clean all',
    },
  },
  check(model) {
    return checkPins(model, {
      managers: ['dnf', 'microdnf'],
      subs: ['install', 'module'],
      commandPinned: (cmd) => cmd.subName === 'module' && cmd.args[0]?.value !== 'install',
      pinned: (pkg, cmd) => pkg === 'install' || pkg.startsWith('@') || (cmd.subName === 'module' ? pkg.includes(':') : rpmPinned(pkg)),
      message: (pkg, cmd) =>
        cmd.subName === 'module' ? `Pin the stream of module \`${pkg}\`: \`${pkg}:<stream>\`.` : `Pin the version of \`${pkg}\`: \`${pkg}-<version>\`.`,
    });
  },
};
