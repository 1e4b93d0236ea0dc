import { addInsteadOfCopy } from '../../../rules/dockerfile/rules/add-instead-of-copy';
import { ruleTester } from '../tester';

ruleTester(addInsteadOfCopy, {
  valid: [
    { code: 'FROM alpine:3.20\nCOPY src /app/src\n' },
    { name: 'remote URL', code: 'FROM alpine:3.20\nADD https://example.com/a.txt /a.txt\n' },
    { name: 'git repository', code: 'FROM alpine:3.20\nADD git@github.com:acme/app.git /src\nADD https://github.com/acme/app.git#v1 /src2\n' },
    { name: 'local tar archives are what ADD is for', code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\nADD a.tgz b.tar.xz c.tar.zst /opt/\n' },
    { name: 'variables are not judged', code: 'FROM alpine:3.20\nADD ${SRC} /app\n' },
    { name: 'JSON form with an archive', code: 'FROM alpine:3.20\nADD ["app.tar", "/opt/"]\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD . /app\n',
      errors: [{ range: [1, 0, 1, 3], message: '`.` is a local path: use COPY', severity: 'warning', safe: true, fixTitle: 'Replace ADD with COPY' }],
      output: 'FROM alpine:3.20\nCOPY . /app\n',
    },
    {
      name: 'flags valid for COPY are kept, lower-case keyword stays lower-case',
      code: 'FROM alpine:3.20\nadd --chown=app:app --chmod=644 --link conf/ /etc/app/\n',
      errors: [{ range: [1, 0, 1, 3] }],
      output: 'FROM alpine:3.20\ncopy --chown=app:app --chmod=644 --link conf/ /etc/app/\n',
    },
    {
      name: 'zip files are not unpacked by ADD',
      code: 'FROM alpine:3.20\nADD site.zip /srv/\n',
      errors: [{ message: '`site.zip` is a local path' }],
      output: 'FROM alpine:3.20\nCOPY site.zip /srv/\n',
    },
    {
      name: 'heredoc source',
      code: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n',
      errors: [{ range: [1, 0, 1, 3], message: 'an inline file' }],
      output: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
    },
    {
      name: 'JSON form, continuation, CRLF',
      code: 'FROM alpine:3.20\r\nADD [\"a.txt\", \\\r\n     \"/app/\"]\r\n',
      errors: [{ range: [1, 0, 1, 3] }],
      output: 'FROM alpine:3.20\r\nCOPY [\"a.txt\", \\\r\n     \"/app/\"]\r\n',
    },
    {
      name: 'ADD-only flag: no fix',
      code: 'FROM alpine:3.20\nADD --checksum=sha256:abc file.txt /x\n',
      errors: [{ range: [1, 0, 1, 3], message: 'drop `--checksum`' }],
      output: null,
    },
    {
      name: 'mixed with an archive: split, no fix, range on the plain file',
      code: 'FROM alpine:3.20\nADD vendor.tar.gz config.yml /app/\n',
      errors: [{ range: [1, 18, 1, 28], message: 'mixed with archives or URLs' }],
      output: null,
    },
    {
      name: 'every stage',
      code: 'FROM golang:1.23 AS build\nADD go.mod go.sum ./\nFROM scratch\nADD app /app\n',
      errors: [{ line: 1 }, { line: 3 }],
      output: 'FROM golang:1.23 AS build\nCOPY go.mod go.sum ./\nFROM scratch\nCOPY app /app\n',
    },
  ],
});
