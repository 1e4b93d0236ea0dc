import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkPins } from '../packages';

const FLOATING = new Set(['latest', 'upgrade', 'patch', 'master', 'main', 'head']);

export const goInstallVersionUnpinned: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/go-install-version-unpinned',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`go install` without a module version',
    aliases: ['hadolint:DL3062'],
    fix: 'none',
    docs: {
      what:
        'Reports each remote package of `go install` or `go get`, and the package `go run` runs, given without `@<version>`, or with a version query that ' +
        'floats (`@latest`, `@upgrade`, `@patch`, a branch such as `@main`). Local packages (`./cmd/app`, `.`) are not ' +
        'concerned.',
      why:
        '`go install example.com/tool@latest` builds whatever the module author tagged last, so the same Dockerfile ' +
        'produces different binaries over time and a compromised release is built into the image as soon as it is ' +
        'tagged. A fixed version (or commit) is checked against the Go checksum database and never changes.',
      example: 'RUN go install example.com/tools/gopls@latest',
      fixed: 'RUN go install example.com/tools/gopls@v0.16.2',
      notes:
        'Like hadolint, `@latest` counts as unpinned; branch names and the `upgrade`/`patch` queries do too. Unlike ' +
        'hadolint, a path without a dot in its first element and without `@` (`fmt`, `tool`, `mytool`) is taken for a ' +
        'standard-library or main-module package, which `go.mod` already pins; only the package of `go run` is ' +
        'judged, not the arguments passed to the program.',
    },
  },
  check(model) {
    return checkPins(model, {
      managers: ['go'],
      subs: ['install', 'get', 'run'],
      pinned: (pkg, cmd) => {
        // `go run pkg@v1 args…`: only the package is Go's; what follows goes to the program.
        if (cmd.subName === 'run' && cmd.args[0]?.value !== pkg) return true;
        if (pkg.startsWith('.') || pkg.startsWith('/') || (!pkg.includes('.') && !pkg.includes('@'))) return true;
        const at = pkg.lastIndexOf('@');
        return at > 0 && at < pkg.length - 1 && !FLOATING.has(pkg.slice(at + 1).toLowerCase());
      },
      message: (pkg) => `Pin the version of \`${pkg.replace(/@.*$/, '')}\`: \`${pkg.replace(/@.*$/, '')}@v<version>\`.`,
    });
  },
};
