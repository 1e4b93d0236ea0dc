import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkPins } from '../packages';

export const zypperVersionUnpinned: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/zypper-version-unpinned',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`zypper install` without package versions',
    aliases: ['hadolint:DL3037'],
    fix: 'none',
    docs: {
      what:
        'Reports each package of `zypper install` (`zypper in`) named without a version constraint (`=`, `>=`, `<`, ...). ' +
        '`.rpm` files and URLs are accepted.',
      why:
        'Without a version, the repositories decide what gets installed on the day of the build: rebuilds drift and ' +
        'package changes go unreviewed. A constraint such as `curl=8.6.0` or `curl>=8.6` makes the build repeatable.',
      example: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl && zypper clean --all',
      fixed: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean --all',
    },
  },
  check(model) {
    return checkPins(model, {
      managers: ['zypper'],
      subs: ['install'],
      pinned: (pkg) => /[=<>]/.test(pkg) || pkg.endsWith('.rpm') || pkg.includes('/'),
      message: (pkg) => `Pin the version of \`${pkg}\`: \`${pkg}=<version>\`.`,
    });
  },
};
