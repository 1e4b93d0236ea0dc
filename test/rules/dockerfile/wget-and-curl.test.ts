import { wgetAndCurl } from '../../../rules/dockerfile/rules/wget-and-curl';
import { ruleTester } from '../tester';

ruleTester(wgetAndCurl, {
  valid: [
    { code: 'FROM a:1\nRUN curl -fsSLO x\nRUN curl -fsSLO y\n' },
    { code: 'FROM a:1 AS x\nRUN curl -fsSLO x\nFROM a:1\nRUN wget -q y\n', name: 'per stage' },
    { code: 'FROM a:1\nRUN apt-get install -y wget curl\n', name: 'installing both is not using both' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN curl -fsSLO x\nRUN wget -q y && wget -q z\n',
      errors: [{ range: [2, 4, 2, 8], message: '`curl` (line 2)', severity: 'warning' }, { range: [2, 17, 2, 21] }],
      output: null,
    },
    { code: 'FROM a:1\nRUN wget -q y | sh && curl x\n', errors: [{ range: [1, 22, 1, 26], message: '`wget`' }] },
  ],
});
