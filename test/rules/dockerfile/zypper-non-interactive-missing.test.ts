import { zypperNonInteractiveMissing } from '../../../rules/dockerfile/rules/zypper-non-interactive-missing';
import { ruleTester } from '../tester';

ruleTester(zypperNonInteractiveMissing, {
  valid: [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl\n' },
    { name: '-n, -y, --no-confirm', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in a && zypper rm -y b && zypper install --no-confirm c\n' },
    { name: 'commands that never prompt', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper clean --all && zypper search x\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper install curl\n',
      errors: [{ range: [1, 11, 1, 18], message: '--non-interactive', severity: 'warning', safe: true }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl\n',
    },
    {
      name: 'short forms',
      code: 'FROM opensuse/leap:15.6\nRUN zypper in a && zypper rm b && zypper si c && zypper patch && zypper dup\n',
      errors: [{ range: [1, 11, 1, 13] }, { range: [1, 26, 1, 28] }, { range: [1, 41, 1, 43] }, { range: [1, 56, 1, 61] }, { range: [1, 72, 1, 75] }],
      output:
        'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in a && zypper --non-interactive rm b && zypper --non-interactive si c && zypper --non-interactive patch && zypper --non-interactive dup\n',
    },
    {
      name: 'sudo, continuation, heredoc, CRLF',
      code: 'FROM opensuse/leap:15.6\r\nRUN <<EOF\r\nsudo zypper \\\r\n  in git\r\nEOF\r\n',
      errors: [{ range: [3, 2, 3, 4] }],
      output: 'FROM opensuse/leap:15.6\r\nRUN <<EOF\r\nsudo zypper --non-interactive \\\r\n  in git\r\nEOF\r\n',
    },
    {
      name: 'exec form',
      code: 'FROM opensuse/leap:15.6\nRUN ["zypper", "in", "git"]\n',
      errors: [{ range: [1, 15, 1, 19] }],
      output: 'FROM opensuse/leap:15.6\nRUN ["zypper", "--non-interactive", "in", "git"]\n',
    },
  ],
});
