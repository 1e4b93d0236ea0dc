import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkPins, hasFlag } from '../packages';

const VERSION = /==|>=|<=|~=|!=|>|</;
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/i;

export const pipVersionUnpinned: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/pip-version-unpinned',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`pip install` without package versions',
    aliases: ['hadolint:DL3013'],
    fix: 'none',
    docs: {
      what:
        'Reports each package of `pip install` (also `pip3`, `python -m pip`) named without a version specifier. ' +
        'Installs from a requirements or constraints file (`-r`, `-c`), of the local project (`.`), of local wheels and ' +
        'archives, of paths, and of VCS URLs pinned with `@` are accepted.',
      why:
        'An unpinned `pip install flask` installs whatever is newest on the day of the build, so rebuilding an old ' +
        'commit gives a different image, a breaking release slips in unnoticed, and a hijacked release is installed ' +
        'automatically. Pin with `==`, or better, install from a locked requirements file with hashes ' +
        '(`pip install --require-hashes -r requirements.txt`).',
      example: 'RUN pip install --no-cache-dir flask gunicorn',
      fixed: 'COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt',
      notes:
        'Like hadolint, any version specifier counts as a pin (`>=` included), and `pip install --upgrade pip` is ' +
        'reported like any other package.',
    },
  },
  check(model) {
    return checkPins(model, {
      managers: ['pip'],
      subs: ['install'],
      commandPinned: (cmd) => hasFlag(cmd, 'r', 'requirement', 'c', 'constraint') || cmd.args.some((a) => a.value === '.'),
      pinned: (pkg) =>
        VERSION.test(pkg) ||
        (VCS.test(pkg) ? pkg.replace(/^[^:]+:\/\/[^/]*/, '').includes('@') : pkg.includes('/')) ||
        /\.(whl|tar\.gz|tgz|zip)$/i.test(pkg) ||
        pkg.startsWith('.'),
      message: (pkg) => `Pin the version of \`${pkg}\`: \`${pkg}==<version>\`, or install from a locked requirements file.`,
    });
  },
};
