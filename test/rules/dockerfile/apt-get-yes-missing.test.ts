import { aptGetYesMissing } from '../../../rules/dockerfile/rules/apt-get-yes-missing';
import { ruleTester } from '../tester';

ruleTester(aptGetYesMissing, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get install -y curl\n' },
    { name: 'long forms', code: 'FROM debian:12\nRUN apt-get --yes install a && apt-get --assume-yes remove b\n' },
    { name: 'clustered', code: 'FROM debian:12\nRUN apt-get install -qy curl && apt-get -yq purge x\n' },
    { name: '-qq implies -y', code: 'FROM debian:12\nRUN apt-get -qq install curl && apt-get -q -q remove x && apt-get --quiet=2 purge y && apt-get -q=2 autoremove\n' },
    { name: 'Assume-Yes option', code: 'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n' },
    { name: 'piped from yes', code: 'FROM debian:12\nRUN yes | apt-get install curl\n' },
    { name: 'options in a variable', code: 'FROM debian:12\nRUN apt-get install ${APT_FLAGS} curl\n' },
    { name: 'commands that never prompt', code: 'FROM debian:12\nRUN apt-get update && apt-get clean && apt-get source x\n' },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n' },
  ],
  invalid: [
    {
      name: 'ONBUILD RUN trigger',
      code: 'FROM debian:12\nONBUILD RUN apt-get install curl\n',
      errors: [{ range: [1, 20, 1, 27] }],
      output: 'FROM debian:12\nONBUILD RUN apt-get -y install curl\n',
    },
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl\n',
      errors: [{ range: [1, 30, 1, 37], message: '`-y`', severity: 'warning', safe: true }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get -y install --no-install-recommends curl\n',
    },
    {
      name: '-q alone is not enough; remove, purge, upgrade',
      code: 'FROM debian:12\nRUN apt-get -q remove a && apt-get purge b && apt-get dist-upgrade\n',
      errors: [{ range: [1, 15, 1, 21] }, { range: [1, 35, 1, 40] }, { range: [1, 54, 1, 66] }],
      output: 'FROM debian:12\nRUN apt-get -y -q remove a && apt-get -y purge b && apt-get -y dist-upgrade\n',
    },
    {
      name: 'continuation, sudo, env',
      code: 'FROM debian:12\nRUN sudo DEBIAN_FRONTEND=noninteractive apt-get \\\n    install \\\n    curl\n',
      errors: [{ range: [2, 4, 2, 11] }],
      output: 'FROM debian:12\nRUN sudo DEBIAN_FRONTEND=noninteractive apt-get -y \\\n    install \\\n    curl\n',
    },
    {
      name: 'heredoc, CRLF',
      code: 'FROM debian:12\r\nRUN <<EOF\r\napt-get install curl\r\nEOF\r\n',
      errors: [{ range: [2, 8, 2, 15] }],
      output: 'FROM debian:12\r\nRUN <<EOF\r\napt-get -y install curl\r\nEOF\r\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n',
      errors: [{ range: [1, 16, 1, 25] }],
      output: 'FROM debian:12\nRUN ["apt-get", "-y", "install", "curl"]\n',
    },
    {
      name: 'apt: -y goes before the subcommand, clear of the apt-get rename',
      code: 'FROM debian:12\nRUN apt install curl && apt -q remove x\n',
      errors: [{ range: [1, 8, 1, 15] }, { range: [1, 31, 1, 37] }],
      output: 'FROM debian:12\nRUN apt -y install curl && apt -q -y remove x\n',
    },
    {
      name: 'apt in exec form',
      code: 'FROM debian:12\nRUN ["apt", "install", "curl"]\n',
      errors: [{ range: [1, 12, 1, 21] }],
      output: 'FROM debian:12\nRUN ["apt", "-y", "install", "curl"]\n',
    },
    {
      name: 'a package list in a variable does not hide the flag',
      code: 'FROM debian:12\nRUN apt-get install $PACKAGES\n',
      errors: [{ line: 1 }],
      output: 'FROM debian:12\nRUN apt-get -y install $PACKAGES\n',
    },
    {
      name: 'build stage too',
      code: 'FROM debian:12 AS build\nRUN apt-get install gcc\nFROM scratch\n',
      errors: [{ line: 1 }],
      output: 'FROM debian:12 AS build\nRUN apt-get -y install gcc\nFROM scratch\n',
    },
  ],
});
