import { pipefail } from '../../../rules/dockerfile/rules/pipefail';
import { ruleTester } from '../tester';

ruleTester(pipefail, {
  valid: [
    { code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL x | tar xz\n' },
    { code: 'FROM debian:12\nRUN set -o pipefail && curl -fsSL x | tar xz\n' },
    {
      name: 'alternatives in a case pattern are not pipes',
      code: 'FROM node:22-alpine\nARG TARGETPLATFORM\nRUN case "$TARGETPLATFORM" in \\\n  \'linux/arm64\' | \'linux/arm/v7\') apk add --no-cache python3 make ;; \\\n  esac\n',
    },
    { code: 'FROM debian:12\nRUN set -euxo pipefail; curl x | tar xz\n' },
    { code: 'FROM debian:12\nRUN ["sh", "-c", "a | b"]\n', name: 'exec form' },
    { code: 'FROM debian:12\nRUN a || b\n', name: 'no pipe' },
    { code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item\n', name: 'PowerShell' },
    { code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN a | b\n', name: 'SHELL inherited from the base stage' },
    { code: 'FROM debian:12\nRUN echo "a | b"\n', name: 'quoted pipe' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -fsSL https://x | tar xz\n',
      errors: [{ range: [1, 25, 1, 26], severity: 'warning', safe: false, fixTitle: 'Insert SHELL ["/bin/bash", "-o", "pipefail", "-c"]' }],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x | tar xz\n',
    },
    {
      name: 'alpine gets ash; one SHELL for the whole stage',
      code: 'FROM alpine:3.22\nRUN apk add curl\nRUN a | b\nRUN c | d\n',
      errors: [{ range: [2, 6, 2, 7], message: '/bin/ash' }, { range: [3, 6, 3, 7] }],
      output: 'FROM alpine:3.22\nRUN apk add curl\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN a | b\nRUN c | d\n',
    },
    {
      name: 'SHELL without pipefail; indentation kept; CRLF',
      code: 'FROM debian:12\r\nSHELL ["/bin/bash", "-c"]\r\n  RUN a && b | c\r\n',
      errors: [{ range: [2, 13, 2, 14] }],
      output: 'FROM debian:12\r\nSHELL ["/bin/bash", "-c"]\r\n  SHELL ["/bin/bash", "-o", "pipefail", "-c"]\r\n  RUN a && b | c\r\n',
    },
    {
      name: 'set -o pipefail after the pipe does not count; continuation',
      code: 'FROM debian:12\nRUN a \\\n  | b && set -o pipefail\n',
      errors: [{ range: [2, 2, 2, 3] }],
    },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\nx | y\nEOF\n', errors: [{ range: [2, 2, 2, 3] }] },
    {
      name: 'each stage gets its own fix',
      code: 'FROM debian:12 AS a\nRUN a | b\nFROM alpine:3.22\nRUN c | d\n',
      errors: [{ line: 1 }, { line: 3 }],
      output: 'FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nFROM alpine:3.22\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN c | d\n',
    },
  ],
});
