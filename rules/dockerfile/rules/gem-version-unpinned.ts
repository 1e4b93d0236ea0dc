import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkPins, hasFlag } from '../packages';

export const gemVersionUnpinned: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/gem-version-unpinned',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`gem install` without versions',
    aliases: ['hadolint:DL3028'],
    fix: 'none',
    docs: {
      what:
        'Reports each gem of `gem install` named without a version: neither `name:version` nor a `-v`/`--version` ' +
        'option on the command. Local `.gem` files are accepted.',
      why:
        'RubyGems serves the newest release of an unpinned gem, so rebuilding gives a different image and a hijacked ' +
        'release is installed without review. Pin tools installed with `gem install`, and install application ' +
        'dependencies with Bundler from a committed `Gemfile.lock`.',
      example: 'RUN gem install bundler',
      fixed: 'RUN gem install bundler:2.5.23',
      notes:
        'Words after `--` are options for the gem\'s native build (`-- --use-system-libraries`) and are not judged. ' +
        'A value after an option gem does not know (`--some-flag value`) is taken for a gem name, where hadolint ' +
        'ignores it.',
    },
  },
  check(model) {
    return checkPins(model, {
      managers: ['gem'],
      subs: ['install'],
      commandPinned: (cmd) => hasFlag(cmd, 'v', 'version'),
      pinned: (pkg) => pkg.includes(':') || pkg.endsWith('.gem'),
      message: (pkg) => `Pin the version of \`${pkg}\`: \`${pkg}:<version>\` or \`-v <version>\`.`,
    });
  },
};
