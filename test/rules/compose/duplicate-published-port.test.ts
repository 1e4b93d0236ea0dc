import { duplicatePublishedPort } from '../../../rules/compose/rules/duplicate-published-port';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const two = (a: string, b: string) => lines('services:', '  a:', '    image: x:1', `    ports: [${a}]`, '  b:', '    image: x:1', `    ports: [${b}]`);

ruleTester(duplicatePublishedPort, {
  valid: [
    { code: two('"8080:80"', '"8081:80"') },
    { name: 'different protocols', code: two('"8080:80/tcp"', '"8080:80/udp"') },
    { name: 'different specific addresses', code: two('"127.0.0.1:8080:80"', '"127.0.0.2:8080:80"') },
    { name: 'IPv4 wildcard and IPv6 loopback', code: two('"0.0.0.0:8080:80"', '"[::1]:8080:80"') },
    { name: 'random host ports', code: two('"80"', '"80"') },
    { name: 'non-overlapping ranges', code: two('"8000-8004:8000-8004"', '"8005-8009:8000-8004"') },
    { name: 'unknown variable', code: two('"${PORT}:80"', '"${PORT}:80"') },
    { name: 'disjoint profiles', code: lines('services:', '  a:', '    image: x:1', '    ports: ["8080:80"]', '    profiles: [dev]', '  b:', '    image: x:1', '    ports: ["8080:80"]', '    profiles: [prod]') },
    {
      name: 'the override repeats the same mapping',
      code: lines('services:', '  a:', '    image: x:1', '    ports: ["8080:80"]'),
      files: { '/w/compose.override.yaml': lines('services:', '  a:', '    ports: ["8080:80"]') },
    },
    { name: 'expose is not publishing', code: lines('services:', '  a:', '    image: x:1', '    expose: ["80"]', '  b:', '    image: x:1', '    expose: ["80"]') },
  ],
  invalid: [
    {
      code: two('"8080:80"', '"8080:3000"'),
      errors: [
        { message: 'Host port 8080/tcp is published more than once: service `b` publishes `8080:3000` (line 7)', range: [3, 12, 3, 21], severity: 'error' },
        { message: 'service `a` publishes `8080:80` (line 4)', range: [6, 12, 6, 23] },
      ],
      output: null,
    },
    { name: 'wildcard and loopback', code: two('"8080:80"', '"127.0.0.1:8080:80"'), errors: [{ line: 3 }, { line: 6 }] },
    { name: 'overlapping ranges', code: two('"8000-8010:8000-8010"', '"8005:80"'), errors: [{ message: 'Host port 8000-8010/tcp' }, { message: 'Host port 8005/tcp' }] },
    { name: 'udp', code: two('"53:53/udp"', '"53:5353/udp"'), errors: [{ message: '53/udp' }, { message: '53/udp' }] },
    { name: 'IPv6 brackets', code: two('"[::1]:8080:80"', '"[::1]:8080:81"'), errors: [{ message: '`[::1]:8080:81`' }, { line: 6 }] },
    {
      name: 'long syntax: on the published value',
      code: lines('services:', '  a:', '    image: x:1', '    ports:', '      - target: 80', '        published: 8080', '        host_ip: 127.0.0.1', '  b:', '    image: x:1', '    ports:', '      - 127.0.0.1:8080:3000'),
      errors: [{ range: [5, 19, 5, 23] }, { range: [10, 8, 10, 27] }],
    },
    {
      name: 'twice in one service',
      code: lines('services:', '  a:', '    image: x:1', '    ports:', '      - "8080:80"', '      - "8080:443"'),
      errors: [{ message: 'service `a` again publishes `8080:443`' }, { message: 'again publishes `8080:80`' }],
    },
    {
      name: 'a port list in an anchor merged by two services',
      code: lines('x-p: &p', '  ports: ["9000:9000"]', 'services:', '  a:', '    <<: *p', '    image: x:1', '  b:', '    <<: *p', '    image: x:1'),
      errors: [{ message: 'services `a` and `b` all publish it from here', range: [1, 10, 1, 21] }],
    },
    {
      name: 'after interpolation',
      code: two('"${PORT:-8080}:80"', '"8080:80"'),
      errors: [{ line: 3 }, { line: 6 }],
    },
    {
      name: 'against the override file',
      code: lines('services:', '  a:', '    image: x:1', '    ports: ["8080:80"]'),
      files: { '/w/compose.override.yaml': lines('services:', '  b:', '    image: x:1', '    ports: ["8080:81"]') },
      errors: [{ message: 'compose.override.yaml:4' }],
    },
    {
      name: 'against an included file',
      code: lines('include: [lib/compose.yaml]', 'services:', '  a:', '    image: x:1', '    ports: ["5432:5432"]'),
      files: { '/w/lib/compose.yaml': lines('services:', '  db:', '    image: postgres:17', '    ports:', '      - "5432:5432"') },
      errors: [{ message: 'service `db` publishes `5432:5432` (compose.yaml:5)', range: [4, 12, 4, 23] }],
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  a:\r\n    image: x:1\r\n    ports: ["81:80"]\r\n  b:\r\n    image: x:1\r\n    ports: ["81:80"]\r\n',
      errors: [{ range: [3, 12, 3, 19] }, { range: [6, 12, 6, 19] }],
    },
  ],
});
