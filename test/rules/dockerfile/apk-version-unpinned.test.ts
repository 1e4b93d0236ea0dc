import { apkVersionUnpinned } from '../../../rules/dockerfile/rules/apk-version-unpinned';
import { ruleTester } from '../tester';

ruleTester(apkVersionUnpinned, {
  valid: [
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.11.1-r0 jq~1.7\n' },
    { name: 'virtual name is not a package', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0\n' },
    { name: '-t short form', code: 'FROM alpine:3.20\nRUN apk add -t .deps musl-dev~1.2\n' },
    { name: 'repository value', code: 'FROM alpine:3.20\nRUN apk add -X https://mirror.example.com/alpine/edge/testing "foo>1.0"\n' },
    { name: 'local package file', code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/x.apk\n' },
    { name: 'apk del', code: 'FROM alpine:3.20\nRUN apk del curl\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      errors: [{ range: [1, 23, 1, 27], message: '`curl=<version>`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'several, continuation, sudo',
      code: 'FROM alpine:3.20\nRUN sudo apk add --no-cache \\\n    curl=8.11.1-r0 \\\n    ca-certificates bash\n',
      errors: [{ range: [3, 4, 3, 19] }, { range: [3, 20, 3, 24] }],
      output: null,
    },
    {
      name: 'heredoc, CRLF',
      code: 'FROM alpine:3.20\r\nRUN <<EOF\r\napk add --no-cache git\r\nEOF\r\n',
      errors: [{ range: [2, 19, 2, 22] }],
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "git"]\n',
      errors: [{ range: [1, 19, 1, 24] }],
      output: null,
    },
  ],
});
