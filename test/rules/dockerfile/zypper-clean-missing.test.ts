import { zypperCleanMissing } from '../../../rules/dockerfile/rules/zypper-clean-missing';
import { ruleTester } from '../tester';

ruleTester(zypperCleanMissing, {
  valid: [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean --all\n' },
    { name: 'cc', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc -a\n' },
    { name: 'rm of the cache', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && rm -rf /var/cache/zypp/*\n' },
    { name: 'cache mount', code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl\n' },
    { name: 'build stage only copied from', code: 'FROM opensuse/leap:15.6 AS build\nRUN zypper -n in gcc\nFROM scratch\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
      errors: [{ range: [1, 14, 1, 21], message: 'zypper clean', severity: 'warning', safe: true }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n',
    },
    {
      name: 'clean before the install; sudo; CRLF',
      code: 'FROM opensuse/leap:15.6\r\nRUN zypper clean && sudo zypper -n in curl\r\n',
      errors: [{ range: [1, 35, 1, 37] }],
      output: 'FROM opensuse/leap:15.6\r\nRUN zypper clean && sudo zypper -n in curl && zypper clean --all\r\n',
    },
    {
      name: 'heredoc',
      code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n dup\nEOF\n',
      errors: [{ range: [2, 10, 2, 13] }],
      output: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n dup && zypper clean --all\nEOF\n',
    },
  ],
});
