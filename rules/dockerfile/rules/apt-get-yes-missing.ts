import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkYes, type PkgCommand } from '../packages';

/** `-qq`, `-q=2`, `--quiet=2` imply `--assume-yes`; so does `-o APT::Get::Assume-Yes=true`. */
function otherwise(cmd: PkgCommand): boolean {
  let quiet = 0;
  for (const flag of cmd.flags) {
    if (flag.name === 'q' || flag.name === 'quiet') quiet += flag.value !== undefined ? Number(flag.value) || 0 : 1;
    if ((flag.name === 'o' || flag.name === 'option') && /^APT::Get::Assume-Yes\s*=\s*"?(1|true|yes)"?$/i.test(flag.value ?? '')) return true;
  }
  return quiet >= 2;
}

export const aptGetYesMissing: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/apt-get-yes-missing',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`apt-get` without `-y`',
    aliases: ['hadolint:DL3014'],
    fix: 'safe',
    docs: {
      what:
        'Reports `apt-get install` (and `apt install`) — and the other `apt-get` commands that ask for confirmation: `remove`, `purge`, ' +
        '`autoremove`, `upgrade`, `dist-upgrade`, `full-upgrade`, `build-dep`, `reinstall` — without `-y`/`--yes`/' +
        '`--assume-yes` (or `-qq`, which implies it, or `-o APT::Get::Assume-Yes=true`, or input piped from `yes`).',
      why:
        'A build has no terminal to answer "Do you want to continue? [Y/n]". apt-get then aborts, so the build fails — ' +
        'or worse, succeeds today because nothing needed confirming and fails on the day a dependency changes. `-y` makes ' +
        'the command non-interactive, which is what a Dockerfile needs.',
      example: 'RUN apt-get update && apt-get install --no-install-recommends curl',
      fixed: 'RUN apt-get update && apt-get -y install --no-install-recommends curl',
      notes:
        'hadolint checks `install` only; the other prompting commands are covered here too. The quick fix inserts `-y` ' +
        'right after `apt-get`, leaving the place after `install` to `dockerfile/apt-no-install-recommends`. `apt` ' +
        '(also reported by `dockerfile/apt-instead-of-apt-get`) is checked too, unlike hadolint.',
    },
  },
  check(model) {
    return checkYes(model, {
      managers: ['apt-get', 'apt'],
      subs: ['install', 'remove', 'purge', 'autoremove', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall'],
      flags: ['y', 'yes', 'assume-yes'],
      otherwise,
      // After `apt-get`; before the subcommand of `apt`, whose name the rename fix extends.
      insert: (cmd) => (cmd.manager === 'apt' ? 'before-sub' : 'after-program'),
      flag: '-y',
      message: () => 'This command waits for a confirmation no one can give during a build: add `-y`.',
    });
  },
};
