import assert from 'assert';
import { networkSegmentation } from '../../../rules/compose/rules/network-segmentation';
import { ruleTester, runRule } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(networkSegmentation, {
  valid: [
    { name: 'no published service', code: lines('services:', '  app:', '    image: example/app:1', '  db:', '    image: postgres:17') },
    { name: 'no data store', code: lines('services:', '  web:', '    image: example/web:1', '    ports: ["127.0.0.1:80:80"]', '  app:', '    image: example/app:1') },
    {
      name: 'frontend/backend split with an internal backend',
      code: lines(
        'services:',
        '  proxy:',
        '    image: example/proxy:2',
        '    ports: ["443:443"]',
        '    networks: [frontend]',
        '  app:',
        '    image: example/app:1',
        '    networks: [frontend, backend]',
        '  db:',
        '    image: postgres:17',
        '    networks: [backend]',
        'networks:',
        '  frontend: {}',
        '  backend:',
        '    internal: true',
      ),
    },
    {
      name: 'map form of networks',
      code: lines(
        'services:',
        '  proxy:',
        '    image: example/proxy:2',
        '    ports: ["443:443"]',
        '    networks:',
        '      edge: {}',
        '  cache:',
        '    image: redis:7.4',
        '    networks:',
        '      data:',
        '        aliases: [cache.local]',
        'networks:',
        '  edge: {}',
        '  data:',
        '    internal: true',
      ),
    },
    {
      name: 'network_mode services are outside Compose networks',
      code: lines('services:', '  web:', '    image: example/web:1', '    network_mode: host', '    ports: ["80:80"]', '  db:', '    image: postgres:17', '    network_mode: none'),
    },
    {
      name: 'unresolved network name keeps the service out',
      code: lines('services:', '  web:', '    image: example/web:1', '    ports: ["80:80"]', '  db:', '    image: postgres:17', '    networks: ["${NET}"]'),
    },
    {
      name: 'the app publishes and shares an internal backend network with the store',
      code: lines('services:', '  web:', '    image: example/web:1', '    ports: ["8080:80"]', '    networks: [external, internal]', '  db:', '    image: postgres:17', '    networks: [internal]', 'networks:', '  external:', '  internal:', '    internal: true'),
    },
    { name: 'published on loopback only: behind a host reverse proxy', code: lines('services:', '  web:', '    image: example/web:1', '    ports: ["127.0.0.1:3000:3000", "[::1]:3001:3001"]', '  db:', '    image: postgres:17') },
    { name: 'a lone database that publishes its own port: database-port-published covers it', code: lines('services:', '  postgres:', '    image: postgis/postgis:16-3.4-alpine', '    ports:', '      - "5434:5432"') },
    { name: 'a store that publishes, isolated from another publisher', code: lines('services:', '  web:', '    image: example/web:1', '    ports: ["8080:80"]', '    networks: [front]', '  cache:', '    image: redis:7.4', '    ports: ["127.0.0.1:6379:6379"]', '    networks: [back]', 'networks:', '  front:', '  back:') },
    { name: 'a build service is judged by what it builds', code: lines('services:', '  web:', '    build: .', '    image: postgres:17', '    ports: ["5432:5432"]') },
  ],
  invalid: [
    {
      name: 'one port beyond loopback is enough to count as exposed',
      code: lines('services:', '  web:', '    image: example/web:1', '    ports: ["127.0.0.1:3000:3000", "9443:9443"]', '  db:', '    image: postgres:17'),
      errors: [{ message: 'with `web`, which publishes ports' }],
    },
    {
      name: 'an unresolvable port counts as exposed',
      code: lines('services:', '  web:', '    image: example/web:1', '    ports: ["${BIND}:3000:3000"]', '  db:', '    image: postgres:17'),
      errors: [{ message: 'with `web`' }],
    },
    {
      name: 'implicit default network: on the service name',
      code: lines('services:', '  web:', '    image: example/web:1', '    ports:', '      - "80:80"', '  db:', '    image: postgres:17'),
      errors: [{ message: '`db` (postgres) shares the network `default` (the implicit default) with `web`, which publishes ports', range: [5, 2, 5, 4], severity: 'warning' }],
      output: null,
    },
    {
      name: 'explicit shared network: on the network name',
      code: lines('services:', '  web:', '    image: example/web:1', '    ports: ["80:80"]', '    networks: [app]', '  cache:', '    image: redis:7.4', '    networks:', '      - app', 'networks:', '  app: {}'),
      errors: [{ message: '`cache` (redis) shares the network `app` with `web`', range: [8, 8, 8, 11] }],
    },
    {
      name: 'several exposed services are named',
      code: lines('services:', '  a:', '    image: x:1', '    ports: ["80:80"]', '  b:', '    image: y:1', '    ports: ["81:81"]', '  db:', '    image: mariadb:11'),
      errors: [{ message: 'with `a` and `b`, which publish ports' }],
    },
    {
      name: 'isolated, but no network of the stack is internal',
      code: lines('services:', '  web:', '    image: example/web:1', '    ports: ["80:80"]', '    networks: [front]', '  db:', '    image: mongo:8', '    networks: [back]', 'networks:', '  front: {}', '  back: {}'),
      errors: [{ message: 'is on no `internal: true` network', range: [7, 15, 7, 19] }],
    },
    {
      name: 'networks from a merge key',
      code: lines('x-net: &net', '  networks: [shared]', 'services:', '  web:', '    <<: *net', '    image: example/web:1', '    ports: ["80:80"]', '  db:', '    <<: *net', '    image: mysql:8.4', 'networks:', '  shared: {}'),
      errors: [{ message: '`db` (mysql) shares the network `shared`', line: 1 }],
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  web:\r\n    image: x:1\r\n    ports: ["80:80"]\r\n  es:\r\n    image: elasticsearch:8.15.0\r\n',
      errors: [{ message: 'search engine', range: [4, 2, 4, 4] }],
    },
  ],
});

describe('compose/network-segmentation details', () => {
  it('points at the ports of the exposed service', () => {
    const code = lines('services:', '  web:', '    image: x:1', '    ports: ["80:80"]', '  db:', '    image: postgres:17');
    const [finding] = runRule(networkSegmentation, { code }).findings;
    assert.deepStrictEqual(finding.related?.map((r) => [r.range.start.line, r.range.start.character, r.message]), [[3, 4, '`web` publishes ports here.']]);
  });

  it('names the first five publishers and counts the rest', () => {
    const web = (i: number) => [`  web${i}:`, '    image: x:1', `    ports: ["${8000 + i}:80"]`];
    const code = lines('services:', ...[1, 2, 3, 4, 5, 6, 7].flatMap(web), '  db:', '    image: postgres:17');
    const [finding] = runRule(networkSegmentation, { code }).findings;
    assert.match(finding.message, /with `web1`, `web2`, `web3`, `web4`, `web5` and 2 other services, which publish ports/);
    assert.strictEqual(finding.related?.length, 5);
  });
});
