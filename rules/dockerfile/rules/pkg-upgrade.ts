import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { runsWithTriggers } from '../onbuild';
import { packageCommands, range, type PkgCommand } from '../packages';

// Upgrading every package of the base image inside the build makes the image depend on the
// day it was built, and hides what the base image actually ships.

function systemUpgrade(cmd: PkgCommand): boolean {
  const sub = cmd.subName;
  switch (cmd.manager) {
    case 'apt-get':
    case 'apt':
      return sub === 'upgrade' || sub === 'dist-upgrade' || sub === 'full-upgrade';
    case 'apk':
      return sub === 'upgrade' && !cmd.args.length;
    case 'yum':
    case 'dnf':
    case 'microdnf':
      return (sub === 'upgrade' || sub === 'upgrade-minimal' || sub === 'update-minimal' || sub === 'distro-sync') && !cmd.args.length;
    case 'zypper':
      return sub === 'dist-upgrade' || (sub === 'update' && !cmd.args.length);
    default:
      return false;
  }
}

export const pkgUpgrade: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/pkg-upgrade',
    kind: 'dockerfile',
    severity: 'info',
    tier: 2,
    title: 'Whole-system package upgrade in a RUN',
    aliases: ['trivy:DS-0024', 'hadolint:DL3035'],
    fix: 'none',
    docs: {
      what:
        'Reports upgrades of every installed package: `apt-get upgrade`/`dist-upgrade`/`full-upgrade`, `apk upgrade`, ' +
        '`yum`/`dnf`/`microdnf update`/`upgrade`/`distro-sync`, `zypper update`/`dist-upgrade`.',
      why:
        'An in-place upgrade makes the image a function of the day it was built rather than of the Dockerfile: two builds ' +
        'a week apart contain different software, and neither matches the base image you reviewed. It can pull in ' +
        'packages that need an init system or interactive configuration, and it grows the image with a second copy of ' +
        'every changed file. Security fixes arrive more reliably and more visibly by moving to a newer base image tag ' +
        '(rebuilt by its publisher) or by installing the specific fixed package.',
      example: 'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*',
      fixed: 'FROM debian:12.8\n# or, for one advisory: apt-get install -y --only-upgrade openssl',
      notes:
        'Targeted upgrades (`apk upgrade openssl`, `dnf upgrade openssl`, `apt-get install --only-upgrade openssl`) are not ' +
        'reported: they are a deliberate response to one advisory. hadolint\'s DL3035 covers `zypper dist-upgrade` only; ' +
        'this rule (and its `hadolint:DL3035` alias) covers the same move in every package manager, at info severity.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const run of runsWithTriggers(model)) {
      for (const cmd of packageCommands(run.script)) {
        if (!cmd.sub || !systemUpgrade(cmd)) continue;
        reports.push({
          message: 'This upgrades every package of the base image at build time: move to a newer base image tag, or upgrade only the packages an advisory names.',
          range: range(model, run, cmd.sub),
        });
      }
    }
    return reports;
  },
};
