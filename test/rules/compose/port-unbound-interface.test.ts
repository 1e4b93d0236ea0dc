import { portUnboundInterface } from '../../../rules/compose/rules/port-unbound-interface';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const svc = (...body: string[]) => lines('services:', '  web:', '    image: example/web:1.9', ...body);

ruleTester(portUnboundInterface, {
  valid: [
    { code: svc('    ports:', '      - "127.0.0.1:8080:80"', '      - "[::1]:8443:443"', '      - 192.168.1.10:53:53/udp') },
    { name: 'long syntax with host_ip', code: svc('    ports:', '      - target: 80', '        published: 8080', '        host_ip: 127.0.0.1') },
    { name: 'expose is not publishing', code: svc('    expose: ["8080"]') },
    { name: 'network_mode: host ignores ports', code: svc('    network_mode: host', '    ports: ["80:80"]') },
    { name: 'unresolved spec', code: svc('    ports: ["${PORTS}"]') },
    { name: 'bound through .env', code: svc('    ports: ["${BIND}:8080:80"]'), files: { '/w/.env': 'BIND=127.0.0.1\n' } },
  ],
  invalid: [
    {
      name: 'a reverse proxy on 80/443 is expected to be public: info only',
      code: lines('services:', '  proxy:', '    image: traefik:v3.2', '    ports: ["80:80", "443:443", "8080:8080"]'),
      errors: [
        { message: 'as a reverse proxy in front of the stack usually must', severity: 'info' },
        { message: '443→443/tcp on all host interfaces, as a reverse proxy', severity: 'info' },
        { message: '8080→8080/tcp on all host interfaces: anyone who can reach the host', severity: 'warning' },
      ],
      output: lines('services:', '  proxy:', '    image: traefik:v3.2', '    ports: ["127.0.0.1:80:80", "127.0.0.1:443:443", "127.0.0.1:8080:8080"]'),
    },
    {
      name: 'port 80 of an application (not a proxy) stays a warning',
      code: lines('services:', '  app:', '    image: example/app:1', '    ports: ["80:8000"]'),
      errors: [{ message: 'anyone who can reach the host', severity: 'warning' }],
      output: lines('services:', '  app:', '    image: example/app:1', '    ports: ["127.0.0.1:80:8000"]'),
    },
    {
      name: 'short syntax: prefix 127.0.0.1',
      code: svc('    ports:', '      - "8080:80"  # admin'),
      errors: [{ message: 'Service `web` publishes 8080→80/tcp on all host interfaces', range: [4, 8, 4, 17], severity: 'warning', safe: false }],
      output: svc('    ports:', '      - "127.0.0.1:8080:80"  # admin'),
    },
    {
      name: 'container port only: random host port',
      code: svc('    ports:', '      - "3000"', '      - 9229'),
      errors: [{ message: 'a random port→3000/tcp' }, { message: 'a random port→9229/tcp', range: [5, 8, 5, 12] }],
      output: svc('    ports:', '      - "127.0.0.1::3000"', '      - 127.0.0.1::9229'),
    },
    {
      name: 'ranges and udp, plain scalars',
      code: svc('    ports:', '      - 8000-8010:8000-8010', "      - '53:53/udp'"),
      errors: [{ message: '8000-8010→8000-8010/tcp' }, { message: '53→53/udp' }],
      output: svc('    ports:', '      - 127.0.0.1:8000-8010:8000-8010', "      - '127.0.0.1:53:53/udp'"),
    },
    {
      name: 'explicit 0.0.0.0 and [::]',
      code: svc('    ports:', '      - "0.0.0.0:80:80"', '      - "[::]:443:443"'),
      errors: [{ line: 4 }, { line: 5 }],
      output: svc('    ports:', '      - "127.0.0.1:80:80"', '      - "[::1]:443:443"'),
    },
    {
      name: 'long syntax without host_ip: on published, host_ip added',
      code: svc('    ports:', '      - target: 80', '        published: "8080"', '        protocol: tcp'),
      errors: [{ range: [5, 19, 5, 25] }],
      output: svc('    ports:', '      - target: 80', '        published: "8080"', '        protocol: tcp', '        host_ip: 127.0.0.1'),
    },
    {
      name: 'long syntax with host_ip 0.0.0.0',
      code: svc('    ports:', '      - target: 80', '        host_ip: 0.0.0.0', '        published: 8080'),
      errors: [{ range: [5, 17, 5, 24] }],
      output: svc('    ports:', '      - target: 80', '        host_ip: 127.0.0.1', '        published: 8080'),
    },
    {
      name: 'long syntax, flow',
      code: svc('    ports: [{target: 80, published: 8080}]'),
      errors: [{ line: 3 }],
      output: svc('    ports: [{target: 80, published: 8080, host_ip: 127.0.0.1}]'),
    },
    {
      name: 'flow list of short specs',
      code: svc('    ports: [80, "443:443"]'),
      errors: [{ range: [3, 12, 3, 14] }, { range: [3, 16, 3, 25] }],
      output: svc('    ports: [127.0.0.1::80, "127.0.0.1:443:443"]'),
    },
    {
      name: 'empty host part written out: filled in, not prefixed',
      code: svc('    ports:', '      - ":8080:80"'),
      errors: [{ message: /8080→80\/tcp on all host interfaces/ }],
      output: svc('    ports:', '      - "127.0.0.1:8080:80"'),
    },
    {
      name: 'empty host part from an interpolation default: no fix',
      code: svc('    ports:', '      - ${HTTP_PORT-:8080:80}'),
      errors: [{ message: /8080→80\/tcp on all host interfaces/ }],
      output: null,
    },
    {
      name: 'interpolated host port',
      code: svc('    ports:', '      - "${WEB_PORT:-8080}:80"'),
      errors: [{ message: '8080→80/tcp' }],
      output: svc('    ports:', '      - "127.0.0.1:${WEB_PORT:-8080}:80"'),
    },
    {
      name: 'anchored ports shared by two services: once',
      code: lines('x-ports: &ports', '  ports:', '    - "9090:9090"', 'services:', '  a:', '    <<: *ports', '    image: x:1', '  b:', '    <<: *ports', '    image: y:1'),
      errors: [{ message: 'Services `a` and `b` publish 9090→9090/tcp', range: [2, 6, 2, 17] }],
      output: lines('x-ports: &ports', '  ports:', '    - "127.0.0.1:9090:9090"', 'services:', '  a:', '    <<: *ports', '    image: x:1', '  b:', '    <<: *ports', '    image: y:1'),
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  web:\r\n    image: x:1\r\n    ports:\r\n      - 80:80\r\n',
      errors: [{ range: [4, 8, 4, 13] }],
      output: 'services:\r\n  web:\r\n    image: x:1\r\n    ports:\r\n      - 127.0.0.1:80:80\r\n',
    },
  ],
});
