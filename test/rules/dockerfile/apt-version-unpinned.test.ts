import { aptVersionUnpinned } from '../../../rules/dockerfile/rules/apt-version-unpinned';
import { ruleTester } from '../tester';

ruleTester(aptVersionUnpinned, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n' },
    { name: 'target release', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl/bookworm-backports\n' },
    { name: '-t value is not a package', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl=8.1\n' },
    { name: '-o value is not a package', code: 'FROM debian:12\nRUN apt-get install -y -o Dpkg::Options::=--force-confnew curl=8.1\n' },
    { name: 'local .deb', code: 'FROM debian:12\nRUN apt-get install -y ./vendor.deb\n' },
    { name: 'variables are skipped', code: 'FROM debian:12\nRUN apt-get install -y $PACKAGES ${EXTRA} $(cat /pkgs)\n' },
    { name: 'other subcommands', code: 'FROM debian:12\nRUN apt-get remove -y curl && apt-get purge -y wget\n' },
    { name: 'exec form pinned', code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl=8.1"]\n' },
    { name: 'heredoc data', code: 'FROM debian:12\nRUN cat <<EOF > /x\napt-get install curl\nEOF\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get install -y curl\n',
      errors: [{ range: [1, 23, 1, 27], message: '`curl=<version>`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'each unpinned package on its own',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    curl=8.1 \\\n    jq \\\n    "git"\n',
      errors: [{ range: [3, 4, 3, 6], message: '`jq`' }, { range: [4, 4, 4, 9], message: '`git`' }],
      output: null,
    },
    {
      name: 'apt install, sudo, heredoc, CRLF',
      code: 'FROM debian:12\r\nRUN <<EOF\r\nsudo apt install -y curl\r\nEOF\r\n',
      errors: [{ range: [2, 20, 2, 24] }],
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ range: [1, 33, 1, 39] }],
      output: null,
    },
    {
      name: 'flags before the subcommand, build stage',
      code: 'FROM debian:12 AS build\nRUN apt-get -y -q install gcc\nFROM scratch\n',
      errors: [{ range: [1, 26, 1, 29] }],
      output: null,
    },
  ],
});
