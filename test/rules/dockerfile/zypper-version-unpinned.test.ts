import { zypperVersionUnpinned } from '../../../rules/dockerfile/rules/zypper-version-unpinned';
import { ruleTester } from '../tester';

ruleTester(zypperVersionUnpinned, {
  valid: [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean --all\n' },
    { name: 'ranges (quoted)', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in "curl>=8.6" "git<3"\n' },
    { name: 'type value is not a package', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in -t pattern devel_basis=1\n' },
    { name: 'rpm files', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in /tmp/x.rpm\n' },
    { name: 'zypper remove', code: 'FROM opensuse/leap:15.6\nRUN zypper -n rm curl\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
      errors: [{ range: [1, 22, 1, 26], message: '`curl=<version>`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'in, sudo, heredoc, CRLF',
      code: 'FROM opensuse/leap:15.6\r\nRUN <<EOF\r\nsudo zypper --non-interactive in git vim=9.1\r\nEOF\r\n',
      errors: [{ range: [2, 33, 2, 36] }],
      output: null,
    },
    {
      name: 'continuation, exec form',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in \\\n  git\nRUN ["zypper", "-n", "in", "jq"]\n',
      errors: [{ range: [2, 2, 2, 5] }, { range: [3, 27, 3, 31] }],
      output: null,
    },
  ],
});
