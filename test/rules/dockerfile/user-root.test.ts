import { userRoot } from '../../../rules/dockerfile/rules/user-root';
import { ruleTester } from '../tester';

ruleTester(userRoot, {
  valid: [
    { code: 'FROM node:22\nUSER node\n' },
    { code: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER 1000:1000\n', name: 'root only while installing' },
    { code: 'FROM debian:12 AS build\nUSER root\nRUN make\nFROM debian:12\nUSER app\n', name: 'build stages may run as root' },
    { code: 'FROM debian:12\n', name: 'no USER at all is user-missing\'s' },
    { code: 'FROM debian:12\nUSER rootless\n' },
    { code: 'FROM debian:12\nUSER 1000\n' },
    { code: 'FROM debian:12 AS base\nUSER root\nFROM base\nUSER app\n' },
  ],
  invalid: [
    {
      name: 'rewrites the USER line when nothing after it needs root',
      code: 'FROM debian:12\nRUN useradd -r -g app app\nUSER root\nCMD ["app"]\n',
      errors: [{ range: [2, 5, 2, 9], message: '`root`', severity: 'warning', safe: false, fixTitle: 'Run as `app`' }],
      output: 'FROM debian:12\nRUN useradd -r -g app app\nUSER app\nCMD ["app"]\n',
    },
    {
      name: 'adds USER before CMD when RUN follows the root switch',
      code: 'FROM debian:12\nRUN useradd -r -g app app\nUSER root\nRUN apt-get update\nCMD ["app"]\n',
      errors: [{ range: [2, 5, 2, 9] }],
      output: 'FROM debian:12\nRUN useradd -r -g app app\nUSER root\nRUN apt-get update\nUSER app\nCMD ["app"]\n',
    },
    {
      name: 'numeric root with a group; alpine adduser',
      code: 'FROM alpine:3.22\nRUN addgroup -S web && adduser -S -G web web\nUSER 0:0\nRUN apk add --no-cache curl\n',
      errors: [{ range: [2, 5, 2, 8], message: '`0:0`' }],
      output: 'FROM alpine:3.22\nRUN addgroup -S web && adduser -S -G web web\nUSER 0:0\nRUN apk add --no-cache curl\nUSER web\n',
    },
    {
      name: 'root:group',
      code: 'FROM debian:12\nUSER root:staff\n',
      errors: [{ range: [1, 5, 1, 15], message: 'Create an unprivileged user' }],
      output: null,
    },
    {
      name: 'inherited from the stage it builds on',
      code: 'FROM node:22 AS base\nUSER root\nFROM base\nCMD ["node", "a.js"]\n',
      errors: [{ range: [1, 5, 1, 9], message: 'inherited from stage `base`' }],
      output: 'FROM node:22 AS base\nUSER root\nFROM base\nUSER 1000\nCMD ["node", "a.js"]\n',
    },
    {
      name: 'user created in a continuation, CRLF kept, indentation kept',
      code: 'FROM debian:12\r\nRUN groupadd -r svc \\\r\n && useradd --no-log-init -r -g svc svc\r\nUSER root\r\nRUN make\r\n  ENTRYPOINT ["svc"]\r\n',
      errors: [{ line: 3 }],
      output: 'FROM debian:12\r\nRUN groupadd -r svc \\\r\n && useradd --no-log-init -r -g svc svc\r\nUSER root\r\nRUN make\r\n  USER svc\r\n  ENTRYPOINT ["svc"]\r\n',
    },
    { name: 'lower-case keyword', code: 'from debian:12\nuser ROOT\n', errors: [{ range: [1, 5, 1, 9] }] },
  ],
});
