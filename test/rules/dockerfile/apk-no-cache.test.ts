import { apkNoCache } from '../../../rules/dockerfile/rules/apk-no-cache';
import { ruleTester } from '../tester';

ruleTester(apkNoCache, {
  valid: [
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'flag before the subcommand', code: 'FROM alpine:3.20\nRUN apk --no-cache add curl\n' },
    { name: 'cache mount of /var/cache/apk', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: 'cache mount of /etc/apk/cache', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add -U curl\n' },
    { name: 'tmpfs', code: 'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk/ apk add curl\n' },
    { name: 'cache removed in the same RUN', code: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n' },
    { name: 'build stage only copied from', code: 'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM scratch\nCOPY --from=build /a /a\n' },
    { name: 'options in a variable', code: 'FROM alpine:3.20\nRUN apk add $APK_ARGS curl\n' },
    { name: 'other apk commands', code: 'FROM alpine:3.20\nRUN apk del curl && apk info\n' },
    { name: 'exec form with the flag', code: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "curl"]\n' },
    { name: 'heredoc with the flag', code: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add curl\n',
      errors: [{ range: [1, 8, 1, 11], message: '--no-cache', severity: 'info', safe: true }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'apk update && apk add',
      code: 'FROM alpine:3.20\nRUN apk update && apk add --virtual .deps gcc && apk del .deps\n',
      errors: [{ range: [1, 22, 1, 25] }],
      output: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache --virtual .deps gcc && apk del .deps\n',
    },
    {
      name: 'continuation, sudo, two commands',
      code: 'FROM alpine:3.20\nRUN sudo apk add curl \\\n && apk add \\\n    jq\n',
      errors: [{ range: [1, 13, 1, 16] }, { range: [2, 8, 2, 11] }],
      output: 'FROM alpine:3.20\nRUN sudo apk add --no-cache curl \\\n && apk add --no-cache \\\n    jq\n',
    },
    {
      name: 'heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add curl\nEOF\n',
      errors: [{ range: [3, 4, 3, 7] }],
      output: 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add --no-cache curl\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "curl"]\n',
      errors: [{ range: [1, 12, 1, 17] }],
      output: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "curl"]\n',
    },
    {
      name: 'cache removed before the install does not count; CRLF',
      code: 'FROM alpine:3.20\r\nRUN rm -rf /var/cache/apk/* && apk add curl\r\n',
      errors: [{ range: [1, 35, 1, 38] }],
      output: 'FROM alpine:3.20\r\nRUN rm -rf /var/cache/apk/* && apk add --no-cache curl\r\n',
    },
    {
      name: 'unrelated cache mount',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add curl\n',
      errors: [{ line: 1 }],
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add --no-cache curl\n',
    },
  ],
});
