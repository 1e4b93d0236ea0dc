import { labelSuperfluous } from '../../../rules/dockerfile/rules/label-superfluous';
import { ruleTester } from '../tester';

ruleTester(labelSuperfluous, {
  valid: [
    { name: 'strict labels off', code: 'FROM alpine:3.20\nLABEL anything=1\n', config: { labelSchema: { version: 'semver' } } },
    { code: 'FROM alpine:3.20\nLABEL version=1.0.0\n', config: { labelSchema: { version: 'semver' }, strictLabels: true } },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL version=1.0.0 build-host=ci\n',
      config: { labelSchema: { version: 'semver' }, strictLabels: true },
      errors: [{ range: [1, 20, 1, 30], message: '`build-host` is not in the label schema', severity: 'info' }],
      output: null,
    },
    {
      name: 'strict with an empty schema reports every label; any stage; CRLF',
      code: 'FROM alpine:3.20 AS a\r\nlabel a=1\r\nFROM a\r\nLABEL constructor=2\r\n',
      config: { strictLabels: true },
      errors: [{ range: [1, 6, 1, 7] }, { range: [3, 6, 3, 17] }],
    },
  ],
});
