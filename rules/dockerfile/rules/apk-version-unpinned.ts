import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkPins } from '../packages';

export const apkVersionUnpinned: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/apk-version-unpinned',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`apk add` without package versions',
    aliases: ['hadolint:DL3018'],
    fix: 'none',
    docs: {
      what:
        'Reports each package of `apk add` named without a version constraint (`=`, `~`, `>`, `<`). Local `.apk` files ' +
        'and the name given to `--virtual`/`-t` are not packages and are skipped, and so are words built from variables.',
      why:
        'Alpine repositories move within a release branch: `apk add curl` installs a different build next month. Pinning ' +
        '(exactly with `curl=8.11.1-r0`, or to a patch series with `curl~8.11`) keeps rebuilds repeatable and makes ' +
        'package changes visible in review.',
      example: 'FROM alpine:3.20\nRUN apk add --no-cache curl ca-certificates',
      fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl~8.11 ca-certificates~20241121',
      notes:
        'Alpine keeps only the latest build of each package in a branch, so an exact `=` pin breaks when a fix is ' +
        'published; the fuzzy `~` pin is often the better trade-off.',
    },
  },
  check(model) {
    return checkPins(model, {
      managers: ['apk'],
      subs: ['add'],
      pinned: (pkg) => /[=~<>]/.test(pkg) || pkg.endsWith('.apk'),
      message: (pkg) => `Pin the version of \`${pkg}\`: \`${pkg}=<version>\` (or \`${pkg}~<major.minor>\`).`,
    });
  },
};
