import { healthcheckMultiple } from '../../../rules/dockerfile/rules/healthcheck-multiple';
import { ruleTester } from '../tester';

ruleTester(healthcheckMultiple, {
  valid: [
    { code: 'FROM a:1\nHEALTHCHECK CMD true\n' },
    { code: 'FROM a:1 AS x\nHEALTHCHECK CMD true\nFROM x\nHEALTHCHECK NONE\n', name: 'a child stage may replace it' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nHEALTHCHECK --interval=5s \\\n  CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\n',
      errors: [{ range: [1, 0, 1, 11], severity: 'error', safe: true, message: 'line 4' }],
      output: 'FROM a:1\nHEALTHCHECK NONE\n',
    },
    { name: 'CRLF', code: 'FROM a:1\r\nHEALTHCHECK CMD a\r\nHEALTHCHECK CMD b\r\n', errors: [{ line: 1 }], output: 'FROM a:1\r\nHEALTHCHECK CMD b\r\n' },
  ],
});
