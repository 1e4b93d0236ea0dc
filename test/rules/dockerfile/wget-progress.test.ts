import { wgetProgress } from '../../../rules/dockerfile/rules/wget-progress';
import { ruleTester } from '../tester';

ruleTester(wgetProgress, {
  valid: [
    { code: 'FROM a:1\nRUN wget --progress=dot:giga https://x\n' },
    { code: 'FROM a:1\nRUN wget -q https://x && wget -nv https://y && wget --quiet z\n' },
    { code: 'FROM a:1\nRUN wget -qO- https://x | tar xz\n', name: 'q in a cluster' },
    { code: 'FROM a:1\nRUN wget -o /tmp/log https://x\n', name: 'log file' },
    {
      name: 'BusyBox wget on Alpine has no --progress option',
      code: 'FROM alpine:3.20\nRUN wget -O /tmp/x.tgz https://x/x.tgz\nFROM alpine:3.20 AS next\nRUN wget https://y\n',
    },
  ],
  invalid: [
    {
      name: 'GNU wget installed on Alpine',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache wget && wget https://x/big.tgz\n',
      errors: [{ range: [1, 31, 1, 35] }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache wget && wget --progress=dot:giga https://x/big.tgz\n',
    },
    {
      code: 'FROM a:1\nRUN wget https://x/big.tgz\n',
      errors: [{ range: [1, 4, 1, 8], severity: 'info', safe: true }],
      output: 'FROM a:1\nRUN wget --progress=dot:giga https://x/big.tgz\n',
    },
    {
      code: 'FROM a:1\nRUN apt-get update && \\\n    wget -O /x https://x\n',
      errors: [{ range: [2, 4, 2, 8] }],
      output: 'FROM a:1\nRUN apt-get update && \\\n    wget --progress=dot:giga -O /x https://x\n',
    },
    { code: 'FROM a:1\nRUN ["wget", "https://x"]\n', errors: [{ range: [1, 5, 1, 11] }], output: null },
  ],
});
