import { undefinedReference } from '../../../rules/compose/rules/undefined-reference';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(undefinedReference, {
  valid: [
    { code: lines('services:', '  api:', '    image: x:1', '    depends_on: [db]', '  db:', '    image: x:1') },
    { name: 'extends in the same file', code: lines('services:', '  base:', '    image: x:1', '  api:', '    extends: base') },
    { name: 'extends from another file', code: lines('services:', '  api:', '    extends:', '      file: lib/base.yaml', '      service: base'), files: { '/w/lib/base.yaml': lines('services:', '  base:', '    image: x:1') } },
    { name: 'include', code: lines('include: [db.yaml]', 'services:', '  api:', '    image: x:1', '    depends_on: [db]'), files: { '/w/db.yaml': lines('services:', '  db:', '    image: x:1') } },
    { name: 'optional dependency', code: lines('services:', '  api:', '    image: x:1', '    depends_on:', '      metrics:', '        condition: service_started', '        required: false') },
    { name: 'a fragment file is not checked for depends_on', path: '/w/docker-compose.prod.yml', code: lines('services:', '  api:', '    depends_on: [db]') },
    { name: 'unknown variable in extends file', code: lines('services:', '  api:', '    extends: {file: "${BASE}", service: base}') },
    {
      name: 'the override file sees the base services',
      path: '/w/compose.override.yaml',
      code: lines('services:', '  api:', '    depends_on: [db]'),
      files: { '/w/compose.yaml': lines('services:', '  api:', '    image: x:1', '  db:', '    image: x:1') },
    },
  ],
  invalid: [
    {
      name: 'missing extends file',
      code: lines('services:', '  api:', '    extends:', '      file: base.yaml', '      service: base'),
      errors: [{ message: '`extends` names the file `base.yaml`, which does not exist', range: [3, 12, 3, 21], severity: 'error' }],
      output: null,
    },
    {
      name: 'missing service in the extended file',
      code: lines('services:', '  api:', '    extends: {file: base.yaml, service: bse}'),
      files: { '/w/base.yaml': lines('services:', '  base:', '    image: x:1') },
      errors: [{ message: '`extends` names the service `bse`, which `base.yaml` does not define', range: [2, 40, 2, 43] }],
    },
    {
      name: 'missing service in the same file',
      code: lines('services:', '  api:', '    extends: base'),
      errors: [{ message: 'which this file does not define', range: [2, 13, 2, 17] }],
    },
    {
      name: 'cycle',
      code: lines('services:', '  a:', '    extends: b', '  b:', '    extends: a'),
      errors: [{ message: 'leads back to itself', line: 2 }, { message: 'leads back to itself', line: 4 }],
    },
    {
      name: 'missing include',
      code: lines('include:', '  - ./db/compose.yaml', 'services:', '  api:', '    image: x:1'),
      errors: [{ message: '`include` names `./db/compose.yaml`, which does not exist', range: [1, 4, 1, 21] }],
    },
    {
      name: 'missing include: dependencies it might define are not reported on top',
      code: lines('include:', '  - compose.infra.yaml', 'services:', '  api:', '    image: x:1', '    depends_on:', '      migrate:', '        condition: service_completed_successfully'),
      errors: [{ message: '`include` names `compose.infra.yaml`, which does not exist' }],
    },
    {
      name: 'missing include, long syntax with a list',
      code: lines('include:', '  - path:', '      - a.yaml', '      - b.yaml', 'services: {}'),
      files: { '/w/a.yaml': lines('services: {}') },
      errors: [{ message: '`b.yaml`', range: [3, 8, 3, 14] }],
    },
    {
      name: 'unknown dependency, with a suggestion',
      code: lines('services:', '  api:', '    image: x:1', '    depends_on: [dbb]', '  db:', '    image: x:1'),
      errors: [{ message: /^Service `api` depends on `dbb`, which no service of the project defines, so Compose refuses the project\. Did you mean `db`\?$/, range: [3, 17, 3, 20] }],
    },
    {
      name: 'unknown dependency, long syntax',
      code: lines('services:', '  api:', '    image: x:1', '    depends_on:', '      cache:', '        condition: service_started'),
      errors: [{ range: [4, 6, 4, 11] }],
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  api:\r\n    image: x:1\r\n    depends_on: [nope]\r\n',
      errors: [{ range: [3, 17, 3, 21] }],
    },
  ],
});
