import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkPins } from '../packages';

export const aptVersionUnpinned: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/apt-version-unpinned',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`apt-get install` without package versions',
    aliases: ['hadolint:DL3008'],
    fix: 'none',
    docs: {
      what:
        'Reports each package of `apt-get install` (and `apt install`) named without a version: `curl` rather than ' +
        '`curl=8.5.0-2ubuntu10.6`. Packages pinned with `=`, taken from a release (`curl/bookworm-backports`), or given ' +
        'as a `.deb` file are accepted; words built from variables (`$PACKAGES`) are skipped.',
      why:
        'Without a version, what a build installs depends on the day it runs. A rebuild for an unrelated change can pull ' +
        'a new major version that breaks the application, or a freshly compromised one, and nothing in the Dockerfile ' +
        'or its history shows what changed. Pinned versions make builds repeatable and turn every package change into ' +
        'a reviewed diff (tools like Renovate can keep the pins current).',
      example: 'RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*',
      fixed:
        'RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*',
      notes:
        'Each unpinned package is reported on its own word, so the problem list says which ones to pin. Distribution ' +
        'archives drop superseded versions, so exact pins need maintenance; `# hadolint ignore=DL3008` and ' +
        '`# shipshape-ignore dockerfile/apt-version-unpinned` are honoured where that trade-off is not wanted.',
    },
  },
  check(model) {
    return checkPins(model, {
      managers: ['apt-get', 'apt'],
      subs: ['install'],
      pinned: (pkg) => pkg.includes('=') || pkg.includes('/') || pkg.endsWith('.deb'),
      message: (pkg) => `Pin the version of \`${pkg}\`: \`${pkg}=<version>\`.`,
    });
  },
};
