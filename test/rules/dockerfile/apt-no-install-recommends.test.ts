import { aptNoInstallRecommends } from '../../../rules/dockerfile/rules/apt-no-install-recommends';
import { ruleTester } from '../tester';

ruleTester(aptNoInstallRecommends, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
    { name: 'flag before the subcommand', code: 'FROM debian:12\nRUN apt-get --no-install-recommends -y install curl\n' },
    { name: 'apt option', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n' },
    { name: 'apt option attached', code: 'FROM debian:12\nRUN apt-get install -y -oAPT::Install-Recommends=0 curl\n' },
    {
      name: 'apt.conf written earlier in the stage',
      code: `FROM debian:12\nRUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n`,
    },
    {
      name: 'apt.conf written in the base stage carries over',
      code: `FROM debian:12 AS base\nRUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/x\nFROM base\nRUN apt-get install -y curl\n`,
    },
    { name: 'build stage only copied from', code: 'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM scratch\nCOPY --from=build /a /a\n' },
    { name: 'other apt-get commands', code: 'FROM debian:12\nRUN apt-get update && apt-get remove -y x && apt-get purge -y y\n' },
    { name: 'not apt', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl && echo apt-get install x\n' },
    { name: 'quoted text mentioning install', code: 'FROM debian:12\nRUN echo "apt-get install curl"\n' },
    { name: 'exec form with the flag', code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "--no-install-recommends", "curl"]\n' },
    { name: 'heredoc with the flag', code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends curl\nEOF\n' },
    { name: 'heredoc data is not a command', code: 'FROM debian:12\nRUN cat <<EOF > /tmp/notes\napt-get install curl\nEOF\n' },
    { name: 'options in a variable', code: 'FROM debian:12\nARG APT_OPTS="-y --no-install-recommends"\nRUN apt-get install $APT_OPTS curl\n' },
    { name: 'comment', code: 'FROM debian:12\nRUN echo hi # apt-get install curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ range: [1, 30, 1, 37], message: '--no-install-recommends', severity: 'info', safe: true }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'apt install too',
      code: 'FROM ubuntu:24.04\nRUN apt install -y curl\n',
      errors: [{ range: [1, 8, 1, 15], message: '--no-install-recommends' }],
      output: 'FROM ubuntu:24.04\nRUN apt install --no-install-recommends -y curl\n',
    },
    {
      name: 'continuation lines and comments kept',
      code: 'FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get install -y \\\n      curl \\\n      jq\n',
      errors: [{ range: [3, 15, 3, 22] }],
      output: 'FROM debian:12\nRUN apt-get update \\\n    # tools\n    && apt-get install --no-install-recommends -y \\\n      curl \\\n      jq\n',
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ range: [3, 8, 3, 15] }],
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y curl\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ range: [1, 16, 1, 25] }],
      output: 'FROM debian:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]\n',
    },
    {
      name: 'sudo and env wrappers',
      code: 'FROM debian:12\nRUN sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y curl\n',
      errors: [{ range: [1, 52, 1, 59] }],
      output: 'FROM debian:12\nRUN sudo env DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'several installs, several findings',
      code: 'FROM debian:12\nRUN apt-get install -y a; apt-get install -y b\n',
      errors: [{ range: [1, 12, 1, 19] }, { range: [1, 34, 1, 41] }],
      output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y a; apt-get install --no-install-recommends -y b\n',
    },
    {
      name: 'CRLF',
      code: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y curl\r\n',
      errors: [{ range: [2, 12, 2, 19] }],
      output: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install --no-install-recommends -y curl\r\n',
    },
    {
      name: 'stage the final stage is built from',
      code: 'FROM debian:12 AS base\nRUN apt-get install -y curl\nFROM base\nCMD ["curl"]\n',
      errors: [{ line: 1 }],
      output: 'FROM debian:12 AS base\nRUN apt-get install --no-install-recommends -y curl\nFROM base\nCMD ["curl"]\n',
    },
    {
      name: 'path to apt-get, quoted subcommand',
      code: "FROM debian:12\nRUN /usr/bin/apt-get 'install' -y curl\n",
      errors: [{ range: [1, 21, 1, 30] }],
      output: "FROM debian:12\nRUN /usr/bin/apt-get 'install' --no-install-recommends -y curl\n",
    },
  ],
});
