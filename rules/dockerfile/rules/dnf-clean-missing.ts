import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkClean, isRemoval } from '../packages';

const CACHE = ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'];

export const dnfCleanMissing: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/dnf-clean-missing',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`dnf install` without `dnf clean all`',
    aliases: ['hadolint:DL3040'],
    fix: 'safe',
    docs: {
      what:
        'Reports a `RUN` in a stage that ships whose last `dnf` or `microdnf` install (or `groupinstall`, `reinstall`, ' +
        '`upgrade`, `downgrade`) is not followed, in the same `RUN`, by `dnf clean all` / `microdnf clean all` or by ' +
        'deleting `/var/cache/dnf` (or `/var/cache/yum`).',
      why:
        'dnf keeps repository metadata and downloaded packages under `/var/cache/dnf`, easily a hundred megabytes. Only ' +
        'a cleanup in the same `RUN` keeps them out of the layer; a later `RUN` merely hides them.',
      example: 'FROM fedora:41\nRUN dnf install -y nginx-1.26.2',
      fixed: 'FROM fedora:41\nRUN dnf install -y nginx-1.26.2 && dnf clean all',
      notes:
        'Silent under a BuildKit cache or tmpfs mount of the cache folder. Unlike hadolint, build stages that are only ' +
        'copied from are not reported. The quick fix appends `&& dnf clean all` (`microdnf clean all` after microdnf) to ' +
        'the last command of the `RUN`.',
    },
  },
  check(model) {
    return checkClean(model, {
      managers: ['dnf', 'microdnf'],
      subs: ['install', 'groupinstall', 'reinstall', 'upgrade', 'downgrade'],
      cleans: (command, parsed) =>
        ((parsed?.manager === 'dnf' || parsed?.manager === 'microdnf') && parsed.subName === 'clean' && parsed.args.some((a) => a.value === 'all')) ||
        isRemoval(command, CACHE),
      cachePaths: CACHE,
      cleanCommand: (cmd) => `${cmd.manager === 'microdnf' ? 'microdnf' : 'dnf'} clean all`,
      message: (cmd) =>
        `\`${cmd.program.value} ${cmd.sub?.value ?? ''}\` leaves its cache in /var/cache: end this RUN with \`&& ${cmd.manager === 'microdnf' ? 'microdnf' : 'dnf'} clean all\`.`,
    });
  },
};
