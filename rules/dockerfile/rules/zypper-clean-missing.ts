import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkClean, isRemoval } from '../packages';

const CACHE = ['/var/cache/zypp'];

export const zypperCleanMissing: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/zypper-clean-missing',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`zypper install` without `zypper clean`',
    aliases: ['hadolint:DL3036'],
    fix: 'safe',
    docs: {
      what:
        'Reports a `RUN` in a stage that ships whose last `zypper install` (or `source-install`, `update`, ' +
        '`dist-upgrade`, `patch`) is not followed, in the same `RUN`, by `zypper clean` (`zypper cc`) or by deleting ' +
        '`/var/cache/zypp`.',
      why:
        'zypper keeps repository metadata and downloaded packages under `/var/cache/zypp`. Only a cleanup in the same ' +
        '`RUN` keeps them out of the layer; a later `RUN` merely hides them.',
      example: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0',
      fixed: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0 && zypper clean --all',
      notes:
        'Silent under a BuildKit cache or tmpfs mount of `/var/cache/zypp`. Build stages that are only copied from are ' +
        'not reported. The quick fix appends `&& zypper clean --all` to the last command of the `RUN`.',
    },
  },
  check(model) {
    return checkClean(model, {
      managers: ['zypper'],
      subs: ['install', 'source-install', 'update', 'dist-upgrade', 'patch'],
      cleans: (command, parsed) => (parsed?.manager === 'zypper' && parsed.subName === 'clean') || isRemoval(command, CACHE),
      cachePaths: CACHE,
      cleanCommand: () => 'zypper clean --all',
      message: (cmd) => `\`zypper ${cmd.sub?.value ?? ''}\` leaves its cache in /var/cache/zypp: end this RUN with \`&& zypper clean --all\`.`,
    });
  },
};
