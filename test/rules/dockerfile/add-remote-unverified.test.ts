import { addRemoteUnverified } from '../../../rules/dockerfile/rules/add-remote-unverified';
import { ruleTester } from '../tester';

const SHA = '24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d';

ruleTester(addRemoteUnverified, {
  valid: [
    { code: `FROM alpine:3.20\nADD --checksum=sha256:${SHA} https://example.com/a.tgz /tmp/\n` },
    { name: 'local sources', code: 'FROM alpine:3.20\nADD a.tgz /opt/\nCOPY https.txt /x\n' },
    { name: 'git pinned to a commit', code: 'FROM alpine:3.20\nADD https://github.com/acme/app.git#0123456789abcdef0123456789abcdef01234567 /src\n' },
    { name: 'git with checksum', code: 'FROM alpine:3.20\nADD --checksum=0123456789abcdef0123456789abcdef01234567 git@github.com:acme/app.git#main /src\n' },
    { name: 'variables', code: 'FROM alpine:3.20\nADD ${URL} /tmp/\n' },
    { name: 'COPY never downloads', code: 'FROM alpine:3.20\nCOPY --from=build /a /b\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/\n',
      errors: [{ range: [1, 4, 1, 35], message: /downloaded without verification: add `--checksum=sha256:<digest>`/, severity: 'warning' }],
      output: null,
    },
    {
      name: 'plain http is named',
      code: 'FROM alpine:3.20\nadd http://example.com/a /a\n',
      errors: [{ range: [1, 4, 1, 24], message: 'over plain HTTP' }],
    },
    {
      name: 'git on a branch',
      code: 'FROM alpine:3.20\nADD --keep-git-dir=true https://github.com/acme/app.git#main /src\n',
      errors: [{ range: [1, 24, 1, 60], message: 'at `main`, which can move' }],
    },
    {
      name: 'git without ref',
      code: 'FROM alpine:3.20\nADD git@github.com:acme/app.git /src\n',
      errors: [{ message: 'default branch' }],
    },
    {
      name: 'empty checksum, JSON form, continuation, CRLF',
      code: 'FROM alpine:3.20\r\nADD --checksum= \\\r\n    ["https://a.example/x", "https://b.example/y", "/d/"]\r\n',
      errors: [{ range: [2, 5, 2, 26] }, { range: [2, 28, 2, 49] }],
    },
  ],
});
