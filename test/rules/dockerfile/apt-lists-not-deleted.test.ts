import { aptListsNotDeleted } from '../../../rules/dockerfile/rules/apt-lists-not-deleted';
import { ruleTester } from '../tester';

const RM = 'rm -rf /var/lib/apt/lists/*';

ruleTester(aptListsNotDeleted, {
  valid: [
    { code: `FROM debian:12\nRUN apt-get update && apt-get install -y curl && ${RM}\n` },
    { name: 'apt-get dist-clean removes the lists', code: 'FROM debian:13\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends tzdata; apt-get dist-clean\n' },
    { name: 'rm variants', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -fr /var/lib/apt/lists\n' },
    { name: 'rm of the parent', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/* /tmp/*\n' },
    { name: 'sudo rm', code: `FROM debian:12\nRUN apt-get update; apt-get install -y curl; sudo ${RM}\n` },
    { name: 'cache mount of the lists', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    {
      name: 'cache mounts of /var/lib/apt and /var/cache/apt',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y curl\n',
    },
    { name: 'tmpfs mount', code: 'FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    { name: 'no update, no lists', code: 'FROM debian:12\nRUN apt-get install -y ./local.deb\n' },
    { name: 'build stage only copied from', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /a /a\n' },
    { name: 'heredoc with cleanup', code: `FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\n${RM}\nEOF\n` },
    { name: 'continuation with cleanup', code: `FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl \\\n && ${RM}\n` },
    { name: 'apt-get mentioned in echo', code: 'FROM debian:12\nRUN echo apt-get update\n' },
  ],
  invalid: [
    {
      name: 'ONBUILD RUN trigger builds a layer of every child image',
      code: 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y libpq5\n',
      errors: [{ range: [1, 20, 1, 26] }],
      output: 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'apt-get clean keeps the lists; dist-clean before the update does not count',
      code: 'FROM debian:13\nRUN apt-get dist-clean && apt-get update && apt-get install -y tzdata && apt-get clean\n',
      errors: [{ range: [1, 34, 1, 40] }],
    },
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ range: [1, 12, 1, 18], message: 'rm -rf /var/lib/apt/lists/*', severity: 'info', safe: true }],
      output: `FROM debian:12\nRUN apt-get update && apt-get install -y curl && ${RM}\n`,
    },
    {
      name: 'continuations and a trailing comment',
      code: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n      curl \\\n      jq # tools\nCMD ["jq"]\n',
      errors: [{ range: [1, 12, 1, 18] }],
      output: `FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n      curl \\\n      jq && ${RM} # tools\nCMD ["jq"]\n`,
    },
    {
      name: 'comment line inside the continuation is kept',
      code: 'FROM debian:12\nRUN apt-get update \\\n# the tools\n && apt-get install -y curl\n',
      errors: [{ line: 1 }],
      output: `FROM debian:12\nRUN apt-get update \\\n# the tools\n && apt-get install -y curl && ${RM}\n`,
    },
    {
      name: 'heredoc: appended to the last line of the script',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\nCMD ["curl"]\n',
      errors: [{ range: [3, 8, 3, 14] }],
      output: `FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl && ${RM}\nEOF\nCMD ["curl"]\n`,
    },
    {
      name: 'cleanup before the update does not count',
      code: `FROM debian:12\nRUN ${RM} && apt-get update && apt-get install -y curl\n`,
      errors: [{ line: 1 }],
      output: `FROM debian:12\nRUN ${RM} && apt-get update && apt-get install -y curl && ${RM}\n`,
    },
    {
      name: 'redirect stays with its command',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl > /dev/null 2>&1\n',
      errors: [{ line: 1 }],
      output: `FROM debian:12\nRUN apt-get update && apt-get install -y curl > /dev/null 2>&1 && ${RM}\n`,
    },
    {
      name: 'apt update, sudo',
      code: 'FROM ubuntu:24.04\nRUN sudo apt update && sudo apt install -y curl\n',
      errors: [{ range: [1, 13, 1, 19], message: 'this `update`' }],
      output: `FROM ubuntu:24.04\nRUN sudo apt update && sudo apt install -y curl && ${RM}\n`,
    },
    {
      name: 'cache mount of another folder does not help',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n',
      errors: [{ line: 1 }],
      output: `FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl && ${RM}\n`,
    },
    {
      name: 'exec form: no shell to append to',
      code: 'FROM debian:12\nRUN ["apt-get", "update"]\n',
      errors: [{ range: [1, 16, 1, 24] }],
      output: null,
    },
    {
      name: 'stage the final stage is built from, CRLF',
      code: 'FROM debian:12 AS base\r\nRUN apt-get update && apt-get install -y curl\r\nFROM base\r\n',
      errors: [{ line: 1 }],
      output: `FROM debian:12 AS base\r\nRUN apt-get update && apt-get install -y curl && ${RM}\r\nFROM base\r\n`,
    },
    {
      name: 'if/fi and subshell endings',
      code: 'FROM debian:12\nRUN if [ -n "$X" ]; then apt-get update && apt-get install -y curl; fi\n',
      errors: [{ line: 1 }],
      output: `FROM debian:12\nRUN if [ -n "$X" ]; then apt-get update && apt-get install -y curl; fi && ${RM}\n`,
    },
    {
      name: 'one finding per RUN, on the last update',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y a && apt-get update && apt-get install -y b\n',
      errors: [{ range: [1, 54, 1, 60] }],
      output: `FROM debian:12\nRUN apt-get update && apt-get install -y a && apt-get update && apt-get install -y b && ${RM}\n`,
    },
  ],
});
