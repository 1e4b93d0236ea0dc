import { maintainerDeprecated } from '../../../rules/dockerfile/rules/maintainer-deprecated';
import { ruleTester } from '../tester';

ruleTester(maintainerDeprecated, {
  valid: [
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\n' },
    { name: 'the word in a RUN', code: 'FROM alpine:3.20\nRUN echo MAINTAINER\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
      errors: [{ range: [1, 0, 1, 10], message: 'MAINTAINER is deprecated', severity: 'error', safe: true }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
    {
      name: 'quotes, dollar and backslash are escaped; lower-case',
      code: 'FROM alpine:3.20\nmaintainer "Ops" $TEAM a\\b\n',
      errors: [{ range: [1, 0, 1, 10] }],
      output: 'FROM alpine:3.20\nlabel org.opencontainers.image.authors="\\"Ops\\" \\$TEAM a\\\\b"\n',
    },
    {
      name: 'CRLF',
      code: 'FROM alpine:3.20\r\nMAINTAINER ops@example.com\r\nCMD ["x"]\r\n',
      errors: [{ range: [1, 0, 1, 10] }],
      output: 'FROM alpine:3.20\r\nLABEL org.opencontainers.image.authors="ops@example.com"\r\nCMD ["x"]\r\n',
    },
    {
      name: 'continuation lines are joined',
      code: 'FROM alpine:3.20\nMAINTAINER Jane \\\n  <jane@example.com>\n',
      errors: [{ range: [1, 0, 1, 10] }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\n',
    },
    {
      name: 'every stage',
      code: 'FROM alpine:3.20 AS a\nMAINTAINER a@x.io\nFROM a\nMAINTAINER b@x.io\n',
      errors: [{ line: 1 }, { line: 3 }],
      output: 'FROM alpine:3.20 AS a\nLABEL org.opencontainers.image.authors="a@x.io"\nFROM a\nLABEL org.opencontainers.image.authors="b@x.io"\n',
    },
  ],
});
