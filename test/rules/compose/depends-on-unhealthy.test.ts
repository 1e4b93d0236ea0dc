import { dependsOnUnhealthy } from '../../../rules/compose/rules/depends-on-unhealthy';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const DB = ['  db:', '    image: postgres:17', '    healthcheck:', '      test: ["CMD-SHELL", "pg_isready"]'];
const CACHE = ['  cache:', '    image: redis:7'];

ruleTester(dependsOnUnhealthy, {
  valid: [
    { code: lines('services:', '  api:', '    image: x:1', '    depends_on:', '      db:', '        condition: service_healthy', ...DB) },
    { name: 'no healthcheck on the dependency', code: lines('services:', '  api:', '    image: x:1', '    depends_on: [cache]', ...CACHE) },
    { name: 'healthcheck disabled', code: lines('services:', '  api:', '    image: x:1', '    depends_on: [db]', '  db:', '    image: x:1', '    healthcheck:', '      disable: true') },
    { name: 'test NONE', code: lines('services:', '  api:', '    image: x:1', '    depends_on: [db]', '  db:', '    image: x:1', '    healthcheck:', '      test: ["NONE"]') },
    { name: 'one-shot job', code: lines('services:', '  api:', '    image: x:1', '    depends_on:', '      db:', '        condition: service_completed_successfully', ...DB) },
    { name: 'unknown dependency', code: lines('services:', '  api:', '    image: x:1', '    depends_on: ["${DEP}"]', ...DB) },
    {
      name: 'the override disables the healthcheck',
      code: lines('services:', '  api:', '    image: x:1', '    depends_on: [db]', ...DB),
      files: { '/w/compose.override.yaml': lines('services:', '  db:', '    healthcheck:', '      disable: true') },
    },
  ],
  invalid: [
    {
      name: 'block list, mixed dependencies, comment kept',
      code: lines('services:', '  api:', '    image: x:1', '    depends_on:', '      - db  # primary', '      - cache', ...DB, ...CACHE),
      errors: [{ message: 'Service `api` depends on `db`, which has a healthcheck', range: [4, 8, 4, 10], severity: 'info', safe: true }],
      output: lines('services:', '  api:', '    image: x:1', '    depends_on:', '      db:  # primary', '        condition: service_healthy', '      cache:', '        condition: service_started', ...DB, ...CACHE),
    },
    {
      name: 'block list at the key column',
      code: lines('services:', '  api:', '    image: x:1', '    depends_on:', '    - db', ...DB),
      errors: [{ range: [4, 6, 4, 8] }],
      output: lines('services:', '  api:', '    image: x:1', '    depends_on:', '      db:', '        condition: service_healthy', ...DB),
    },
    {
      name: 'flow list, quoting kept',
      code: lines('services:', '  api:', '    image: x:1', '    depends_on: ["db", cache]', ...DB, ...CACHE),
      errors: [{ range: [3, 17, 3, 21] }],
      output: lines('services:', '  api:', '    image: x:1', '    depends_on: {"db": {condition: service_healthy}, cache: {condition: service_started}}', ...DB, ...CACHE),
    },
    {
      name: 'four-space indentation',
      code: lines('services:', '    api:', '        image: x:1', '        depends_on:', '            - db', '    db:', '        image: x:1', '        healthcheck:', '            test: ["CMD", "true"]'),
      errors: [{ line: 4 }],
      output: lines('services:', '    api:', '        image: x:1', '        depends_on:', '            db:', '                condition: service_healthy', '    db:', '        image: x:1', '        healthcheck:', '            test: ["CMD", "true"]'),
    },
    {
      name: 'long syntax with service_started',
      code: lines('services:', '  api:', '    image: x:1', '    depends_on:', '      db:', "        condition: 'service_started'", ...DB),
      errors: [{ message: '`condition: service_started` does not wait', range: [5, 19, 5, 36] }],
      output: lines('services:', '  api:', '    image: x:1', '    depends_on:', '      db:', "        condition: 'service_healthy'", ...DB),
    },
    {
      name: 'two dependencies with healthchecks share one fix',
      code: lines('services:', '  api:', '    image: x:1', '    depends_on: [db, db2]', ...DB, '  db2:', '    image: x:1', '    healthcheck:', '      test: curl -f http://localhost'),
      errors: [{ range: [3, 17, 3, 19] }, { range: [3, 21, 3, 24] }],
      output: lines('services:', '  api:', '    image: x:1', '    depends_on: {db: {condition: service_healthy}, db2: {condition: service_healthy}}', ...DB, '  db2:', '    image: x:1', '    healthcheck:', '      test: curl -f http://localhost'),
    },
    {
      name: 'healthcheck from an anchor',
      code: lines('x-hc: &hc', '  healthcheck:', '    test: ["CMD", "true"]', 'services:', '  api:', '    image: x:1', '    depends_on: [db]', '  db:', '    <<: *hc', '    image: x:1'),
      errors: [{ line: 6 }],
      output: lines('x-hc: &hc', '  healthcheck:', '    test: ["CMD", "true"]', 'services:', '  api:', '    image: x:1', '    depends_on: {db: {condition: service_healthy}}', '  db:', '    <<: *hc', '    image: x:1'),
    },
    {
      name: 'dependency list in a shared anchor: reported, not rewritten',
      code: lines('x-deps: &deps', '  depends_on: [db]', 'services:', '  api:', '    <<: *deps', '    image: x:1', ...DB),
      errors: [{ range: [1, 15, 1, 17] }],
      output: null,
    },
    {
      name: 'healthcheck in an included file',
      code: lines('include: [db.yaml]', 'services:', '  api:', '    image: x:1', '    depends_on:', '      - db'),
      files: { '/w/db.yaml': lines('services:', ...DB) },
      errors: [{ line: 5 }],
      output: lines('include: [db.yaml]', 'services:', '  api:', '    image: x:1', '    depends_on:', '      db:', '        condition: service_healthy'),
    },
    {
      name: 'healthcheck through extends',
      code: lines('services:', '  api:', '    image: x:1', '    depends_on: [db]', '  db:', '    extends: {file: common.yaml, service: pg}'),
      files: { '/w/common.yaml': lines('services:', '  pg:', '    image: postgres:17', '    healthcheck:', '      test: ["CMD", "pg_isready"]') },
      errors: [{ line: 3 }],
      output: lines('services:', '  api:', '    image: x:1', '    depends_on: {db: {condition: service_healthy}}', '  db:', '    extends: {file: common.yaml, service: pg}'),
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  api:\r\n    image: x:1\r\n    depends_on:\r\n      - db\r\n  db:\r\n    image: x:1\r\n    healthcheck:\r\n      test: ["CMD", "true"]\r\n',
      errors: [{ range: [4, 8, 4, 10] }],
      output: 'services:\r\n  api:\r\n    image: x:1\r\n    depends_on:\r\n      db:\r\n        condition: service_healthy\r\n  db:\r\n    image: x:1\r\n    healthcheck:\r\n      test: ["CMD", "true"]\r\n',
    },
  ],
});
