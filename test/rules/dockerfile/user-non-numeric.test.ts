import { userNonNumeric } from '../../../rules/dockerfile/rules/user-non-numeric';
import { ruleTester } from '../tester';

ruleTester(userNonNumeric, {
  valid: [
    { code: 'FROM debian:12\nUSER root\n', name: 'root is user-root\'s finding' },
    { code: 'FROM a:1\nUSER 10001\n' },
    { code: 'FROM a:1\nUSER 1000:1000\n' },
    { code: 'FROM a:1\nARG UID=1000\nUSER $UID\n', name: 'from a build argument' },
    { code: 'FROM a:1 AS build\nUSER builder\nFROM b:1\nUSER 1000\n', name: 'only the final stage' },
  ],
  invalid: [
    { code: 'FROM node:22\nUSER node\n', errors: [{ range: [1, 5, 1, 9], severity: 'info', message: 'numeric UID' }], output: null },
    { code: 'FROM a:1\nUSER app:app\n', errors: [{ line: 1, message: '`USER app:app`' }] },
    {
      name: 'well-known accounts of the base image',
      code: 'FROM gcr.io/distroless/static-debian12:nonroot\nUSER nonroot\nFROM node:22-alpine\nUSER node\n',
      errors: [{ line: 3, message: '`USER 1000`, the UID of `node` in this base image' }],
    },
    {
      name: 'distroless nonroot',
      code: 'FROM gcr.io/distroless/base-debian12\nUSER nonroot:nonroot\n',
      errors: [{ line: 1, message: '`USER 65532`' }],
    },
    {
      name: 'the UID the file gives the user is suggested',
      code: 'FROM python:3.12-slim AS base\nRUN useradd --create-home --uid 10042 app\nFROM base\nRUN groupadd -g 1000 web && useradd -u1001 -g web web\nUSER app\nUSER web:web\n',
      errors: [{ line: 4, message: '`USER 10042`, the UID this file gives `app`' }, { line: 5, message: '`USER 1001`' }],
    },
  ],
});
