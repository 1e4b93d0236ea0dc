import { readOnlyMissing } from '../../../rules/compose/rules/read-only-missing';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(readOnlyMissing, {
  valid: [
    { code: lines('services:', '  app:', '    image: x:1', '    read_only: true') },
    { code: lines('services:', '  app:', '    image: x:1', '    read_only: "yes"') },
    { name: 'merge key', code: lines('x-h: &h', '  read_only: true', 'services:', '  app:', '    <<: *h', '    image: x:1') },
    { name: 'unresolved', code: lines('services:', '  app:', '    image: x:1', '    read_only: ${RO}') },
    { name: 'from .env', code: lines('services:', '  app:', '    image: x:1', '    read_only: ${RO}'), files: { '/w/.env': 'RO=true\n' } },
  ],
  invalid: [
    {
      name: 'generic image: read_only and tmpfs /tmp',
      code: lines('services:', '  api:', '    image: example/api:3.1', '    volumes:', '      - uploads:/srv/uploads'),
      errors: [{ message: '`api` can write anywhere in its root filesystem', range: [1, 2, 1, 5], severity: 'info', safe: false, fixTitle: 'Add `read_only: true` and a tmpfs for `/tmp`' }],
      output: lines('services:', '  api:', '    image: example/api:3.1', '    volumes:', '      - uploads:/srv/uploads', '    read_only: true', '    tmpfs:', '      - /tmp'),
    },
    {
      name: 'flow style when the service has no lists',
      code: lines('services:', '  api:', '    image: example/api:3.1'),
      errors: [{ line: 1 }],
      output: lines('services:', '  api:', '    image: example/api:3.1', '    read_only: true', '    tmpfs: [/tmp]'),
    },
    {
      name: 'explicit false is turned true; /tmp already a tmpfs',
      code: lines('services:', '  api:', '    image: example/api:3.1', '    read_only: false  # TODO', '    tmpfs: /tmp'),
      errors: [{ line: 1, fixTitle: 'Add `read_only: true`' }],
      output: lines('services:', '  api:', '    image: example/api:3.1', '    read_only: true  # TODO', '    tmpfs: /tmp'),
    },
    {
      name: 'existing tmpfs list is extended',
      code: lines('services:', '  api:', '    image: example/api:3.1', '    tmpfs:', '      - /run', '    read_only: "false"'),
      errors: [{ line: 1 }],
      output: lines('services:', '  api:', '    image: example/api:3.1', '    tmpfs:', '      - /run', '      - /tmp', '    read_only: "true"'),
    },
    {
      name: 'a scalar tmpfs becomes a list',
      code: lines('services:', '  api:', '    image: example/api:3.1', '    tmpfs: /run'),
      errors: [{ line: 1 }],
      output: lines('services:', '  api:', '    image: example/api:3.1', '    tmpfs: [/run, /tmp]', '    read_only: true'),
    },
    {
      name: 'postgres: accurate advice and its scratch paths',
      code: lines('services:', '  db:', '    image: postgres:17', '    volumes:', '      - pgdata:/var/lib/postgresql/data'),
      errors: [{ message: /`db` \(postgres\).*tmpfs for `\/var\/run\/postgresql` \(the socket and its lock file\), `\/tmp`/ }],
      output: lines('services:', '  db:', '    image: postgres:17', '    volumes:', '      - pgdata:/var/lib/postgresql/data', '    read_only: true', '    tmpfs:', '      - /var/run/postgresql', '      - /tmp'),
    },
    {
      name: 'postgres without a volume: told about the anonymous volume',
      code: lines('services:', '  db:', '    image: postgres:17'),
      errors: [{ message: 'stays writable in the anonymous volume the image declares' }],
      output: lines('services:', '  db:', '    image: postgres:17', '    read_only: true', '    tmpfs: [/var/run/postgresql, /tmp]'),
    },
    {
      name: 'nginx',
      code: lines('services:', '  web:', '    image: nginx:1.27-alpine', '    ports: ["127.0.0.1:8080:80"]'),
      errors: [{ message: '`web` (nginx)' }],
      output: lines('services:', '  web:', '    image: nginx:1.27-alpine', '    ports: ["127.0.0.1:8080:80"]', '    read_only: true', '    tmpfs: [/var/cache/nginx, /var/run]'),
    },
    {
      name: 'redis: nothing beyond its data volume',
      code: lines('services:', '  cache:', '    image: redis:7.4'),
      errors: [{ message: 'should just work' }],
      output: lines('services:', '  cache:', '    image: redis:7.4', '    read_only: true'),
    },
    {
      name: 'vendor database image: general advice',
      code: lines('services:', '  db:', '    image: bitnami/postgresql:17'),
      errors: [{ message: '(postgresql, a database)' }],
    },
    {
      name: 'flow mapping service',
      code: lines('services:', '  api: {image: example/api:3.1}'),
      errors: [{ line: 1 }],
      output: lines('services:', '  api: {image: example/api:3.1, read_only: true, tmpfs: [/tmp]}'),
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  api:\r\n    image: x:1\r\n',
      errors: [{ line: 1 }],
      output: 'services:\r\n  api:\r\n    image: x:1\r\n    read_only: true\r\n    tmpfs: [/tmp]\r\n',
    },
  ],
});
