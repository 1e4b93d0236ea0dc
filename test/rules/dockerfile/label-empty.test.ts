import { labelEmpty } from '../../../rules/dockerfile/rules/label-empty';
import { ruleTester } from '../tester';

const config = { labelSchema: { version: 'semver' as const, team: 'text' as const } };

ruleTester(labelEmpty, {
  valid: [
    { name: 'no schema: silent', code: 'FROM alpine:3.20\nLABEL version=""\n' },
    { code: 'FROM alpine:3.20\nLABEL version=1.0.0 team=core other=""\n', config },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL version="" team=\n',
      config,
      errors: [
        { range: [1, 6, 1, 13], message: 'Label `version` is empty: the label schema expects a `semver` value', severity: 'warning' },
        { range: [1, 17, 1, 21] },
      ],
      output: null,
    },
    {
      name: 'whitespace only, lower-case, CRLF',
      code: 'FROM alpine:3.20\r\nlabel team=" "\r\n',
      config,
      errors: [{ range: [1, 6, 1, 10] }],
    },
  ],
});
