import { labelKeyInvalid } from '../../../rules/dockerfile/rules/label-key-invalid';
import { ruleTester } from '../tester';

const schema = { labelSchema: { 'org.opencontainers.image.title': 'text' as const } };

ruleTester(labelKeyInvalid, {
  valid: [
    { name: 'no label schema configured: no label policy', code: 'FROM alpine:3.20\nLABEL Maintainer="me"\n' },
    { config: schema, code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title="app" maintainer=me version=1 io.k8s.description="x"\n' },
    { name: 'quoted key', config: schema, code: 'FROM alpine:3.20\nLABEL "com.example.vendor"="ACME"\n' },
    { name: 'keys from variables', config: schema, code: 'FROM alpine:3.20\nLABEL ${PREFIX}.version=1\n' },
    { name: 'no LABEL', code: 'FROM alpine:3.20\n' },
  ],
  invalid: [
    {
      config: schema,
      code: 'FROM alpine:3.20\nLABEL Maintainer="me"\n',
      errors: [{ range: [1, 6, 1, 16], message: 'has upper-case letters: use `maintainer`', severity: 'info' }],
      output: null,
    },
    {
      name: 'several problems, lower-case instruction',
      config: schema,
      code: 'FROM alpine:3.20\nlabel app_version=1 com.docker.x=1 a..b=1 1abc=1 abc-=1\n',
      errors: [
        { range: [1, 6, 1, 17], message: 'contains `_`' },
        { range: [1, 20, 1, 32], message: 'reserved for Docker' },
        { range: [1, 35, 1, 39], message: '`..`' },
        { range: [1, 42, 1, 46], message: 'start with a lower-case letter' },
        { range: [1, 49, 1, 53], message: 'end with a lower-case letter or digit' },
      ],
    },
    {
      name: 'continuation, CRLF, any stage',
      config: schema,
      code: 'FROM alpine:3.20 AS a\r\nLABEL a=1 \\\r\n  B=2\r\nFROM a\r\n',
      errors: [{ range: [2, 2, 2, 3] }],
    },
  ],
});
