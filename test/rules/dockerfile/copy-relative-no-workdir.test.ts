import { copyRelativeNoWorkdir } from '../../../rules/dockerfile/rules/copy-relative-no-workdir';
import { ruleTester } from '../tester';

ruleTester(copyRelativeNoWorkdir, {
  valid: [
    { code: 'FROM python:3.13\nWORKDIR /app\nCOPY . .\n' },
    { name: 'absolute destinations', code: 'FROM python:3.13\nCOPY a /app/\nCOPY ["b", "/srv/b"]\n' },
    { name: 'variable destination', code: 'FROM python:3.13\nCOPY a $APP_HOME/\nCOPY b ${DIR}\n' },
    { name: 'WORKDIR inherited from the base stage', code: 'FROM python:3.13 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
    { name: 'Windows absolute paths', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a C:\\app\\\nCOPY b C:/app/\n' },
    { name: 'lower-case workdir', code: 'FROM python:3.13\nworkdir /app\ncopy . .\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13\nCOPY requirements.txt .\nWORKDIR /app\nCOPY . .\n',
      errors: [{ range: [1, 22, 1, 23], message: 'relative to the base image', severity: 'warning' }],
      output: null,
    },
    {
      name: 'ADD, quoted, lower-case',
      code: 'FROM python:3.13\nadd a.txt "conf/"\n',
      errors: [{ range: [1, 10, 1, 17], message: '`conf/`' }],
    },
    {
      name: 'WORKDIR of an unrelated stage does not count',
      code: 'FROM node:22 AS build\nWORKDIR /src\nFROM node:22-slim\nCOPY --from=build /src/dist dist\n',
      errors: [{ range: [3, 28, 3, 32] }],
    },
    {
      name: 'heredoc, JSON, continuation, CRLF',
      code: 'FROM alpine:3.20\r\nCOPY <<EOF app.conf\r\nx\r\nEOF\r\nCOPY ["a", \\\r\n  "b/"]\r\n',
      errors: [{ range: [1, 11, 1, 19] }, { range: [5, 2, 5, 6] }],
    },
  ],
});
