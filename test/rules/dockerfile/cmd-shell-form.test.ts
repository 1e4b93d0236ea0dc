import { cmdShellForm } from '../../../rules/dockerfile/rules/cmd-shell-form';
import { ruleTester } from '../tester';

ruleTester(cmdShellForm, {
  valid: [
    { code: 'FROM node:22\nCMD ["node", "server.js"]\nENTRYPOINT ["/entrypoint.sh"]\n' },
    { name: 'explicit shell in JSON form', code: 'FROM alpine:3.20\nCMD ["sh", "-c", "exec app --port $PORT"]\n' },
    { name: 'JSON over continuation lines', code: 'FROM alpine:3.20\nCMD ["app", \\\n     "--flag"]\n' },
    { name: 'other instructions in shell form', code: 'FROM alpine:3.20\nRUN echo hi\nHEALTHCHECK CMD wget -q localhost\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD node server.js\n',
      errors: [{ range: [1, 4, 1, 18], message: 'CMD in shell form runs under `/bin/sh -c`', severity: 'warning', safe: false, fixTitle: 'Use CMD ["node", "server.js"]' }],
      output: 'FROM node:22\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'ENTRYPOINT, leading exec dropped, lower-case',
      code: 'FROM alpine:3.20\nentrypoint exec /usr/bin/app --port=8080\n',
      errors: [{ range: [1, 11, 1, 40] }],
      output: 'FROM alpine:3.20\nentrypoint ["/usr/bin/app", "--port=8080"]\n',
    },
    {
      name: 'shell syntax: no fix',
      code: 'FROM alpine:3.20\nCMD app --port $PORT && echo done\n',
      errors: [{ range: [1, 4, 1, 33], message: 'Use JSON notation (`CMD ["program", "arg"]`)' }],
      output: null,
    },
    {
      name: 'quotes: no fix',
      code: 'FROM alpine:3.20\nCMD echo "hello world"\n',
      errors: [{ line: 1 }],
      output: null,
    },
    {
      name: 'shell builtin: no fix',
      code: 'FROM alpine:3.20\nCMD cd /app\n',
      errors: [{ line: 1 }],
      output: null,
    },
    {
      name: 'non-POSIX SHELL in the stage chain: no fix',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base\nSHELL ["powershell", "-Command"]\nFROM base\nCMD app\n',
      errors: [{ range: [3, 4, 3, 7], message: /runs under `powershell`/ }],
      output: null,
    },
    {
      name: 'a POSIX SHELL keeps the fix',
      code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nCMD app serve\n',
      errors: [{ range: [2, 4, 2, 13] }],
      output: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nCMD ["app", "serve"]\n',
    },
    {
      name: 'single-quoted pseudo JSON',
      code: "FROM node:22\nCMD ['node', 'server.js']\n",
      errors: [{ range: [1, 4, 1, 25], message: 'not valid JSON', fixTitle: 'Use double quotes' }],
      output: 'FROM node:22\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'continuation, CRLF, every stage',
      code: 'FROM alpine:3.20 AS a\r\nCMD app \\\r\n  --verbose\r\nFROM a\r\nCMD other\r\n',
      errors: [{ range: [1, 4, 2, 11] }, { range: [4, 4, 4, 9] }],
      output: 'FROM alpine:3.20 AS a\r\nCMD ["app", "--verbose"]\r\nFROM a\r\nCMD ["other"]\r\n',
    },
  ],
});
