import assert from 'assert';
import { databasePortPublished } from '../../../rules/compose/rules/database-port-published';
import { applyEdits } from '../../../rules/fix';
import { ruleTester, runRule } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(databasePortPublished, {
  valid: [
    { name: 'not published', code: lines('services:', '  db:', '    image: postgres:17', '    expose: ["5432"]') },
    { name: 'bound to loopback', code: lines('services:', '  db:', '    image: postgres:17', '    ports: ["127.0.0.1:5432:5432"]') },
    { name: 'long syntax bound', code: lines('services:', '  db:', '    image: mongo:8', '    ports:', '      - {target: 27017, published: 27017, host_ip: 127.0.0.1}') },
    { name: 'not a database', code: lines('services:', '  web:', '    image: example/web:1', '    ports: ["5432:5432"]') },
    { name: 'a build service runs what it builds', code: lines('services:', '  db:', '    build: ./db', '    image: postgres:17', '    ports: ["5432:5432"]') },
    { name: 'unresolved image', code: lines('services:', '  db:', '    image: ${DB_IMAGE}', '    ports: ["5432:5432"]') },
  ],
  invalid: [
    {
      name: 'postgres',
      code: lines('services:', '  db:', '    image: postgres:17', '    ports:', '      - "5432:5432"'),
      errors: [{ message: '`db` (postgres) publishes 5432→5432/tcp on all interfaces', range: [4, 8, 4, 19], severity: 'error', safe: false, fixTitle: 'Bind the port to 127.0.0.1' }],
      output: lines('services:', '  db:', '    image: postgres:17', '    ports:', '      - "127.0.0.1:5432:5432"'),
    },
    {
      name: 'redis, flow list, message names the in-network address',
      code: lines('services:', '  cache:', '    image: redis:7.4-alpine', '    ports: [6379:6379]'),
      errors: [{ message: 'reach it as `cache:6379`' }],
      output: lines('services:', '  cache:', '    image: redis:7.4-alpine', '    ports: [127.0.0.1:6379:6379]'),
    },
    {
      name: 'vendor and registry images',
      code: lines('services:', '  a:', '    image: bitnami/mysql:8.4', '    ports: ["3306:3306"]', '  b:', '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0', '    ports: ["9200:9200"]', '  c:', '    image: public.ecr.aws/docker/library/mongo:8', '    ports: ["0.0.0.0:27017:27017"]'),
      errors: [{ message: '(mysql)' }, { message: '(elasticsearch)' }, { message: '(mongo)' }],
      output: lines('services:', '  a:', '    image: bitnami/mysql:8.4', '    ports: ["127.0.0.1:3306:3306"]', '  b:', '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0', '    ports: ["127.0.0.1:9200:9200"]', '  c:', '    image: public.ecr.aws/docker/library/mongo:8', '    ports: ["127.0.0.1:27017:27017"]'),
    },
    {
      name: 'long syntax',
      code: lines('services:', '  db:', '    image: mariadb:11', '    ports:', '      - target: 3306', '        published: 3306'),
      errors: [{ range: [5, 19, 5, 23] }],
      output: lines('services:', '  db:', '    image: mariadb:11', '    ports:', '      - target: 3306', '        published: 3306', '        host_ip: 127.0.0.1'),
    },
    {
      name: 'image from interpolation fallback',
      code: lines('services:', '  db:', '    image: ${DB_IMAGE:-postgres:17}', '    ports: ["5432:5432"]'),
      errors: [{ message: '(postgres)' }],
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  db:\r\n    image: postgres:17\r\n    ports:\r\n      - 5432:5432\r\n',
      errors: [{ range: [4, 8, 4, 17] }],
      output: 'services:\r\n  db:\r\n    image: postgres:17\r\n    ports:\r\n      - 127.0.0.1:5432:5432\r\n',
    },
  ],
});

describe('compose/database-port-published details', () => {
  it('offers removing the mapping as the alternative fix', () => {
    const code = lines('services:', '  db:', '    image: postgres:17', '    ports:', '      - "5432:5432"', '      - "127.0.0.1:9187:9187"');
    const [finding] = runRule(databasePortPublished, { code }).findings;
    assert.strictEqual(finding.alternatives?.length, 1);
    assert.strictEqual(finding.alternatives[0].title, 'Remove the port mapping');
    assert.strictEqual(applyEdits(code, finding.alternatives[0].edits), lines('services:', '  db:', '    image: postgres:17', '    ports:', '      - "127.0.0.1:9187:9187"'));
  });
});
