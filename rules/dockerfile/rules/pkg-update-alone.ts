import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { packageCommands, range, type Manager, type PkgCommand } from '../packages';

// `RUN apt-get update` on its own line is cached as a layer. Months later a new
// `RUN apt-get install` reuses that stale index: it installs old versions, or fails with 404s
// because the mirror no longer carries them.

/** Commands that refresh the index, and the commands that use it, by manager family. */
const REFRESH: Partial<Record<Manager, { refresh: string[]; use: string[] }>> = {
  'apt-get': { refresh: ['update'], use: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'reinstall', 'download'] },
  apt: { refresh: ['update'], use: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'reinstall', 'download'] },
  apk: { refresh: ['update'], use: ['add', 'upgrade', 'fix'] },
  yum: { refresh: ['makecache'], use: ['install', 'groupinstall', 'upgrade', 'reinstall', 'downgrade', 'distro-sync'] },
  dnf: { refresh: ['makecache'], use: ['install', 'groupinstall', 'upgrade', 'reinstall', 'downgrade', 'distro-sync'] },
  microdnf: { refresh: ['makecache'], use: ['install', 'upgrade', 'reinstall', 'downgrade'] },
  zypper: { refresh: ['refresh'], use: ['install', 'update', 'dist-upgrade', 'patch', 'source-install'] },
};

function family(cmd: PkgCommand): string {
  return cmd.manager === 'apt' ? 'apt-get' : cmd.manager === 'microdnf' ? 'dnf' : cmd.manager;
}

export const pkgUpdateAlone: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/pkg-update-alone',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'Package index refreshed in a RUN that installs nothing',
    aliases: ['trivy:DS-0017', 'checkov:CKV_DOCKER_5', 'cis-docker:4.7'],
    fix: 'none',
    docs: {
      what:
        'Reports `apt-get update` (and `apt update`, `apk update`, `yum`/`dnf`/`microdnf makecache`, `zypper refresh`) in a ' +
        '`RUN` that installs or upgrades nothing with the same package manager.',
      why:
        'Docker caches every instruction as a layer and reuses it as long as the instruction text is unchanged. A `RUN ' +
        'apt-get update` on its own is therefore run once and then frozen: when a later `RUN apt-get install` is added or ' +
        'edited, it installs from an index that may be months old, getting outdated (and vulnerable) package versions or ' +
        'failing outright when the mirror has dropped them. Refreshing the index and installing in the same `RUN` ties ' +
        'them together: any change to the package list refreshes the index too (CIS Docker Benchmark 4.7).',
      example: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl',
      fixed: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*',
      notes:
        'An upgrade counts as a use of the index (it is reported by `dockerfile/pkg-upgrade` instead). `apk add --no-cache` ' +
        'fetches a fresh index by itself, so on Alpine the usual fix is to drop `apk update` altogether. No quick fix: ' +
        'merging two instructions is a decision about layer boundaries that belongs to the author.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const run of model.runs) {
      const commands = packageCommands(run.script);
      for (const cmd of commands) {
        const spec = REFRESH[cmd.manager];
        if (!spec || !cmd.sub || !spec.refresh.includes(cmd.subName!)) continue;
        const used = commands.some((other) => family(other) === family(cmd) && other.subName !== undefined && REFRESH[other.manager]?.use.includes(other.subName));
        if (used) continue;
        reports.push({
          message: `The package index refreshed in a RUN that installs nothing is cached as its own layer and goes stale: refresh it in the same RUN as the install (\`… ${cmd.sub.value} && … install …\`), or drop it.`,
          range: range(model, run, cmd.program, cmd.sub),
        });
      }
    }
    return reports;
  },
};
