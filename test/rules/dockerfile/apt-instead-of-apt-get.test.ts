import { aptInsteadOfAptGet } from '../../../rules/dockerfile/rules/apt-instead-of-apt-get';
import { ruleTester } from '../tester';

ruleTester(aptInsteadOfAptGet, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-cache policy curl\n' },
    { name: 'apt-key, apt-mark, aptitude are other tools', code: 'FROM debian:12\nRUN apt-mark hold x && apt-key list && aptitude search x\n' },
    { name: 'echo apt', code: 'FROM debian:12\nRUN echo apt install x\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt update && apt install -y curl\n',
      errors: [
        { range: [1, 4, 1, 7], message: '`apt-get`', severity: 'warning', safe: true },
        { range: [1, 18, 1, 21] },
      ],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'queries go to apt-cache',
      code: 'FROM debian:12\nRUN apt show curl && apt search jq\n',
      errors: [{ range: [1, 4, 1, 7], message: '`apt-cache`' }, { range: [1, 21, 1, 24] }],
      output: 'FROM debian:12\nRUN apt-cache show curl && apt-cache search jq\n',
    },
    {
      name: 'full-upgrade becomes dist-upgrade',
      code: 'FROM debian:12\nRUN apt full-upgrade -y\n',
      errors: [{ range: [1, 4, 1, 7] }],
      output: 'FROM debian:12\nRUN apt-get dist-upgrade -y\n',
    },
    {
      name: 'sudo, path, continuation, CRLF',
      code: 'FROM debian:12\r\nRUN sudo /usr/bin/apt \\\r\n  install -y curl\r\n',
      errors: [{ range: [1, 9, 1, 21] }],
      output: 'FROM debian:12\r\nRUN sudo /usr/bin/apt-get \\\r\n  install -y curl\r\n',
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt install -y curl\nEOF\n',
      errors: [{ range: [3, 0, 3, 3] }],
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt", "install", "-y", "curl"]\n',
      errors: [{ range: [1, 5, 1, 10] }],
      output: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
    },
    {
      name: 'apt list has no script equivalent: no fix',
      code: 'FROM debian:12\nRUN apt list --installed\n',
      errors: [{ range: [1, 4, 1, 7], message: '`apt list`' }],
      output: null,
    },
  ],
});
