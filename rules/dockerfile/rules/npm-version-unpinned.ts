import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkPins } from '../packages';

const FLOATING = new Set(['latest', 'next', 'beta', 'canary', '*', 'x']);

function pinned(pkg: string): boolean {
  if (/^git(\+(ssh|https?))?:\/\//.test(pkg) || /^(github|gitlab|bitbucket):/.test(pkg)) return pkg.includes('#');
  if (/\.(tar|tar\.gz|tgz)$/.test(pkg) || /^(\/|\.\/|\.\.\/|~\/|file:)/.test(pkg) || pkg === '.') return true;
  const unscoped = pkg.startsWith('@') ? pkg.slice(pkg.indexOf('/') + 1) : pkg;
  const at = unscoped.indexOf('@');
  if (at < 0) return false;
  const spec = unscoped.slice(at + 1);
  return spec !== '' && !FLOATING.has(spec.toLowerCase());
}

export const npmVersionUnpinned: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/npm-version-unpinned',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`npm install <package>` without a version',
    aliases: ['hadolint:DL3016'],
    fix: 'none',
    docs: {
      what:
        'Reports each package named in `npm install` (`npm i`, `npm add`) without a version or with a floating tag ' +
        '(`@latest`, `@next`). Tarballs, folders and git URLs pinned with `#<commit>` are accepted; a bare `npm install` ' +
        '(the project\'s own dependencies) is not concerned.',
      why:
        'A package named without a version resolves to whatever the registry calls latest at build time. Global tools ' +
        'installed this way (`npm install -g pm2`) change under you between builds, and a compromised release is ' +
        'installed the moment it is published. A version — or, for the project itself, a lockfile and `npm ci` — keeps ' +
        'builds repeatable.',
      example: 'RUN npm install -g pm2 npm@latest',
      fixed: 'RUN npm install -g pm2@5.4.2 npm@10.9.0',
      notes:
        'Unlike hadolint, `@latest` and other dist-tags do not count as a version: they float just like no version.',
    },
  },
  check(model) {
    return checkPins(model, {
      managers: ['npm'],
      subs: ['install'],
      pinned,
      message: (pkg) => `Pin the version of \`${pkg}\`: \`${pkg.replace(/(.)@.*$/, '$1')}@<version>\`.`,
    });
  },
};
