import { copyDestNotDirectory } from '../../../rules/dockerfile/rules/copy-dest-not-directory';
import { ruleTester } from '../tester';

ruleTester(copyDestNotDirectory, {
  valid: [
    { code: 'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json .\n', name: 'BuildKit reads . as the working directory' },
    { code: 'FROM node:22\nCOPY package.json package-lock.json /app/\n' },
    { name: 'one source', code: 'FROM node:22\nCOPY package.json /app\n' },
    { name: 'wildcard: count unknown', code: 'FROM node:22\nCOPY *.json /app\n' },
    { name: 'quoted destination with slash', code: 'FROM node:22\nCOPY a b "/app/"\n' },
    { name: 'JSON form with slash', code: 'FROM node:22\nCOPY ["a", "b", "/app/"]\n' },
    { name: 'destination variable', code: 'FROM node:22\nCOPY a b $APP_DIR\nCOPY a b ${DIR}\n' },
    { name: 'flags are not sources', code: 'FROM node:22\nCOPY --chown=1:1 --from=x a /app\n' },
    { name: 'heredoc body is not arguments', code: 'FROM node:22\nCOPY <<EOF /app/x\na b c\nEOF\n' },
    { name: 'Windows destination', code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a b C:\\app\\\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCOPY package.json package-lock.json /app\n',
      errors: [{ range: [1, 36, 1, 40], message: 'COPY with 2 sources needs a directory destination ending in `/`: write `/app/`', severity: 'error', safe: true }],
      output: 'FROM node:22\nCOPY package.json package-lock.json /app/\n',
    },
    {
      name: 'relative destination, ADD, lower-case',
      code: 'FROM node:22\nadd a b c app\n',
      errors: [{ range: [1, 10, 1, 13], message: 'ADD with 3 sources' }],
      output: 'FROM node:22\nadd a b c app/\n',
    },
    {
      name: 'quoted destination: slash inside the quotes',
      code: 'FROM node:22\nCOPY a b "/myapp"\n',
      errors: [{ range: [1, 9, 1, 17] }],
      output: 'FROM node:22\nCOPY a b "/myapp/"\n',
    },
    {
      name: 'JSON form',
      code: 'FROM node:22\nCOPY ["a", "b", "/app"]\n',
      errors: [{ range: [1, 16, 1, 22] }],
      output: 'FROM node:22\nCOPY ["a", "b", "/app/"]\n',
    },
    {
      name: 'continuation and CRLF',
      code: 'FROM node:22\r\nCOPY --chown=node a \\\r\n    # sources\r\n    b /srv\r\n',
      errors: [{ range: [3, 6, 3, 10] }],
      output: 'FROM node:22\r\nCOPY --chown=node a \\\r\n    # sources\r\n    b /srv/\r\n',
    },
    {
      name: 'heredocs count as sources',
      code: 'FROM node:22\nCOPY <<A <<B /etc\na\nA\nb\nB\n',
      errors: [{ range: [1, 13, 1, 17] }],
      output: 'FROM node:22\nCOPY <<A <<B /etc/\na\nA\nb\nB\n',
    },
    {
      name: 'multi-stage, --from',
      code: 'FROM node:22 AS build\nFROM node:22-slim\nCOPY --from=build /a /b /out\n',
      errors: [{ range: [2, 24, 2, 28] }],
      output: 'FROM node:22 AS build\nFROM node:22-slim\nCOPY --from=build /a /b /out/\n',
    },
  ],
});
