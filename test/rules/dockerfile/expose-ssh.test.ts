import { exposeSsh } from '../../../rules/dockerfile/rules/expose-ssh';
import { ruleTester } from '../tester';

ruleTester(exposeSsh, {
  valid: [
    { code: 'FROM nginx:1.27\nEXPOSE 80 443\n' },
    { name: 'other ports containing 22', code: 'FROM alpine:3.20\nEXPOSE 2222 8022 220\n' },
    { name: 'udp 22 is not SSH', code: 'FROM alpine:3.20\nEXPOSE 22/udp\n' },
    { name: 'build stage does not ship', code: 'FROM alpine:3.20 AS test\nEXPOSE 22\nFROM alpine:3.20\nEXPOSE 8080\n' },
    { name: 'variables are not resolved', code: 'FROM alpine:3.20\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n' },
    { name: 'range without 22', code: 'FROM alpine:3.20\nEXPOSE 8000-8100\n' },
  ],
  invalid: [
    {
      name: 'alone: the whole instruction goes',
      code: 'FROM alpine:3.20\nEXPOSE 22\nCMD ["sshd"]\n',
      errors: [{ range: [1, 7, 1, 9], message: 'Port 22 (SSH)', severity: 'warning', safe: false, fixTitle: 'Remove `EXPOSE 22`' }],
      output: 'FROM alpine:3.20\nCMD ["sshd"]\n',
    },
    {
      name: 'first of several',
      code: 'FROM alpine:3.20\nEXPOSE 22 80/tcp\n',
      errors: [{ range: [1, 7, 1, 9], fixTitle: 'Remove port 22 from EXPOSE' }],
      output: 'FROM alpine:3.20\nEXPOSE 80/tcp\n',
    },
    {
      name: 'middle, with protocol, lower-case',
      code: 'FROM alpine:3.20\nexpose 80 22/tcp 443\n',
      errors: [{ range: [1, 10, 1, 16] }],
      output: 'FROM alpine:3.20\nexpose 80 443\n',
    },
    {
      name: 'last instruction of the file without a trailing newline',
      code: 'FROM alpine:3.20\nEXPOSE 22',
      errors: [{ range: [1, 7, 1, 9] }],
      output: 'FROM alpine:3.20',
    },
    {
      name: 'continuation lines and CRLF',
      code: 'FROM alpine:3.20\r\nEXPOSE 8080 \\\r\n  22\r\nUSER app\r\n',
      errors: [{ range: [2, 2, 2, 4] }],
      output: 'FROM alpine:3.20\r\nEXPOSE 8080\r\nUSER app\r\n',
    },
    {
      name: 'inherited through FROM stage',
      code: 'FROM ubuntu:24.04 AS base\nEXPOSE 22 8080\nFROM base\nCMD ["app"]\n',
      errors: [{ range: [1, 7, 1, 9] }],
      output: 'FROM ubuntu:24.04 AS base\nEXPOSE 8080\nFROM base\nCMD ["app"]\n',
    },
    {
      name: '22 twice: both go, fixes agree',
      code: 'FROM alpine:3.20\nEXPOSE 22 22/tcp\n',
      errors: [{ range: [1, 7, 1, 9] }, { range: [1, 10, 1, 16] }],
      output: 'FROM alpine:3.20\n',
    },
    {
      name: 'a range is reported without a fix',
      code: 'FROM alpine:3.20\nEXPOSE 20-25\n',
      errors: [{ range: [1, 7, 1, 12], message: 'The range `20-25`' }],
      output: null,
    },
  ],
});
