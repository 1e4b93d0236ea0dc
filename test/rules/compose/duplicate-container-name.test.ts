import { duplicateContainerName } from '../../../rules/compose/rules/duplicate-container-name';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(duplicateContainerName, {
  valid: [
    { code: lines('services:', '  a:', '    image: x:1', '    container_name: shop-a', '  b:', '    image: x:1', '    container_name: shop-b') },
    { code: lines('services:', '  a:', '    image: x:1', '  b:', '    image: x:1') },
    { name: 'unknown variables are not compared', code: lines('services:', '  a:', '    image: x:1', '    container_name: ${A}', '  b:', '    image: x:1', '    container_name: ${A}') },
    { name: 'alternatives in disjoint profiles', code: lines('services:', '  dev:', '    image: x:1', '    container_name: app', '    profiles: [dev]', '  prod:', '    image: x:1', '    container_name: app', '    profiles: [prod]') },
    {
      name: 'the override file sets the same service name: one service',
      code: lines('services:', '  a:', '    image: x:1', '    container_name: shop'),
      files: { '/w/compose.override.yaml': lines('services:', '  a:', '    container_name: shop') },
    },
    {
      name: 'a clash written only in another file is reported there',
      code: lines('include: [other.yaml]', 'services:', '  a:', '    image: x:1'),
      files: { '/w/other.yaml': lines('services:', '  b:', '    image: x:1', '    container_name: s', '  c:', '    image: x:1', '    container_name: s') },
    },
    { name: 'case matters', code: lines('services:', '  a:', '    image: x:1', '    container_name: App', '  b:', '    image: x:1', '    container_name: app') },
  ],
  invalid: [
    {
      code: lines('services:', '  a:', '    image: x:1', '    container_name: shop', '  b:', '    image: x:1', '    container_name: shop'),
      errors: [
        { message: '`container_name: shop` of service `a` is also used by `b` (compose.yaml:7)', range: [3, 20, 3, 24], severity: 'error' },
        { message: 'of service `b` is also used by `a` (compose.yaml:4)', range: [6, 20, 6, 24] },
      ],
      output: null,
    },
    {
      name: 'after interpolation',
      code: lines('services:', '  a:', '    image: x:1', '    container_name: shop', '  b:', '    image: x:1', '    container_name: ${NAME:-shop}'),
      errors: [{ line: 3 }, { line: 6 }],
    },
    {
      name: 'a shared anchor: once, naming both services',
      code: lines('x-n: &n', '  container_name: shop', 'services:', '  a:', '    <<: *n', '    image: x:1', '  b:', '    <<: *n', '    image: x:1'),
      errors: [{ message: 'Services `a` and `b` all take `container_name: shop` from here', range: [1, 18, 1, 22] }],
    },
    {
      name: 'profiles in common',
      code: lines('services:', '  a:', '    image: x:1', '    container_name: s', '    profiles: [dev, test]', '  b:', '    image: x:1', '    container_name: s', '    profiles: [test]'),
      errors: [{ line: 3 }, { line: 7 }],
    },
    {
      name: 'against an included file',
      code: lines('include:', '  - path: ./db/compose.yaml', 'services:', '  a:', '    image: x:1', '    container_name: db'),
      files: { '/w/db/compose.yaml': lines('services:', '  postgres:', '    image: postgres:17', '    container_name: db') },
      errors: [{ message: 'also used by `postgres` (db/compose.yaml:4)', range: [5, 20, 5, 22] }],
    },
    {
      name: 'against the override file',
      code: lines('services:', '  a:', '    image: x:1', '    container_name: app'),
      files: { '/w/compose.override.yaml': lines('services:', '  b:', '    image: x:1', '    container_name: app') },
      errors: [{ message: 'compose.override.yaml:4' }],
    },
    {
      name: 'analyzing the override file',
      path: '/w/docker-compose.override.yml',
      code: lines('services:', '  b:', '    image: x:1', '    container_name: app'),
      files: { '/w/docker-compose.yml': lines('services:', '  a:', '    image: x:1', '    container_name: app') },
      errors: [{ message: 'also used by `a` (docker-compose.yml:4)', range: [3, 20, 3, 23] }],
    },
    {
      name: 'through extends from another file: reported where written',
      code: lines('services:', '  a:', '    extends: {file: base.yaml, service: base}', '  b:', '    image: x:1', '    container_name: app'),
      files: { '/w/base.yaml': lines('services:', '  base:', '    image: x:1', '    container_name: app') },
      errors: [{ message: 'also used by `a` (base.yaml:4)', range: [5, 20, 5, 23] }],
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  a:\r\n    image: x:1\r\n    container_name: s1\r\n  b:\r\n    image: x:1\r\n    container_name: s1\r\n',
      errors: [{ range: [3, 20, 3, 22] }, { range: [6, 20, 6, 22] }],
    },
  ],
});
