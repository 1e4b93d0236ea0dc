import { labelMissing } from '../../../rules/dockerfile/rules/label-missing';
import { ruleTester } from '../tester';

const schema = { labelSchema: { 'org.opencontainers.image.source': 'url' as const, maintainer: 'email' as const } };

ruleTester(labelMissing, {
  valid: [
    { name: 'no schema: silent', code: 'FROM alpine:3.20\n' },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x maintainer=a@b.io\n', config: schema },
    { name: 'set in the stage the final one builds on', code: 'FROM alpine:3.20 AS base\nLABEL org.opencontainers.image.source=x\nFROM base\nlabel maintainer=""\n', config: schema },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL maintainer=a@b.io\n',
      config: schema,
      errors: [{ range: [0, 0, 0, 4], message: 'no `org.opencontainers.image.source` label', severity: 'info' }],
      output: null,
    },
    {
      name: 'labels of a build stage do not ship',
      code: 'FROM alpine:3.20 AS build\nLABEL org.opencontainers.image.source=x maintainer=y\nfrom scratch\n',
      config: schema,
      errors: [{ range: [2, 0, 2, 4], message: 'org.opencontainers.image.source' }, { range: [2, 0, 2, 4], message: '`maintainer`' }],
    },
  ],
});
