import { readOnlyUnwritablePaths } from '../../../rules/compose/rules/read-only-unwritable-paths';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(readOnlyUnwritablePaths, {
  valid: [
    { name: 'not read-only', code: lines('services:', '  web:', '    image: nginx:1.27') },
    { name: 'covered by tmpfs', code: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: true', '    tmpfs: [/var/cache/nginx, /var/run]') },
    { name: '/run covers /var/run; options are ignored', code: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: true', '    tmpfs:', '      - /run:size=1m', '      - /var/cache/nginx:uid=101') },
    { name: 'covered by volumes', code: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: true', '    volumes:', '      - cache:/var/cache', '      - type: tmpfs', '        target: /var/run') },
    { name: 'redis needs only its data volume, which the image declares', code: lines('services:', '  cache:', '    image: redis:7.4', '    read_only: true') },
    { name: 'postgres covered', code: lines('services:', '  db:', '    image: postgres:17', '    read_only: true', '    tmpfs: [/tmp, /var/run/postgresql]') },
    { name: 'unknown image', code: lines('services:', '  api:', '    image: example/api:3.1', '    read_only: true') },
    { name: 'vendor image layouts differ', code: lines('services:', '  db:', '    image: bitnami/postgresql:17', '    read_only: true') },
    { name: 'a build service runs what it builds', code: lines('services:', '  web:', '    build: .', '    image: nginx:1.27', '    read_only: true') },
    { name: 'unresolved read_only', code: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: ${RO}') },
    {
      name: 'nginx.conf moves pid and temp paths to /tmp',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: true', '    tmpfs: [/tmp]', '    volumes:', '      - ./nginx.conf:/etc/nginx/nginx.conf:ro'),
      files: {
        '/w/nginx.conf':
          'pid /tmp/nginx.pid;\nevents {}\nhttp {\n  client_body_temp_path /tmp/client_temp;\n  proxy_temp_path /tmp/proxy_temp;\n  fastcgi_temp_path /tmp/fastcgi_temp;\n  uwsgi_temp_path /tmp/uwsgi_temp;\n  scgi_temp_path /tmp/scgi_temp;\n}\n',
      },
    },
    { name: 'nginx-unprivileged with /tmp', code: lines('services:', '  web:', '    image: nginxinc/nginx-unprivileged:1.27', '    read_only: true', '    tmpfs: [/tmp]') },
  ],
  invalid: [
    {
      name: 'nginx without its paths: on the read_only value',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: true'),
      errors: [{ message: '`web` (nginx) has a read-only root filesystem but nothing writable at `/var/cache/nginx`', range: [3, 15, 3, 19], severity: 'error', safe: true }],
      output: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: true', '    tmpfs: [/var/cache/nginx, /var/run]'),
    },
    {
      name: 'only the missing one is added, to the existing block list',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: true', '    tmpfs:', '      - /var/run', '    ports:', '      - "127.0.0.1:80:80"'),
      errors: [{ message: 'nothing writable at `/var/cache/nginx`', fixTitle: 'Add `/var/cache/nginx` to `tmpfs`' }],
      output: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: true', '    tmpfs:', '      - /var/run', '      - /var/cache/nginx', '    ports:', '      - "127.0.0.1:80:80"'),
    },
    {
      name: 'postgres: scalar tmpfs grows into a list',
      code: lines('services:', '  db:', '    image: postgres:17-alpine', '    read_only: yes', '    tmpfs: /tmp'),
      errors: [{ message: '`/var/run/postgresql` (the socket and its lock file)', range: [3, 15, 3, 18] }],
      output: lines('services:', '  db:', '    image: postgres:17-alpine', '    read_only: yes', '    tmpfs: [/tmp, /var/run/postgresql]'),
    },
    {
      name: 'mysql, block style from the service',
      code: lines('services:', '  db:', '    image: mysql:8.4', '    read_only: true', '    volumes:', '      - data:/var/lib/mysql'),
      errors: [{ message: '`/var/run/mysqld`' }],
      output: lines('services:', '  db:', '    image: mysql:8.4', '    read_only: true', '    volumes:', '      - data:/var/lib/mysql', '    tmpfs:', '      - /var/run/mysqld', '      - /tmp'),
    },
    {
      name: 'nginx.conf moves pid to /tmp, which is not writable',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: true', '    tmpfs: [/var/cache/nginx]', '    volumes:', '      - ./conf/nginx.conf:/etc/nginx/nginx.conf:ro'),
      files: { '/w/conf/nginx.conf': '# pid /var/run/nginx.pid;\npid /tmp/nginx.pid;\nevents {}\n' },
      errors: [{ message: '`/tmp` (the pid file nginx.conf moved there)' }],
      output: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: true', '    tmpfs: [/var/cache/nginx, /tmp]', '    volumes:', '      - ./conf/nginx.conf:/etc/nginx/nginx.conf:ro'),
    },
    {
      name: 'read_only from an anchor: on the service, related to the anchor',
      code: lines('x-hard: &hard', '  read_only: true', 'services:', '  web:', '    <<: *hard', '    image: nginx:1.27'),
      errors: [{ range: [3, 2, 3, 5] }],
      output: lines('x-hard: &hard', '  read_only: true', 'services:', '  web:', '    <<: *hard', '    image: nginx:1.27', '    tmpfs: [/var/cache/nginx, /var/run]'),
    },
    {
      name: 'image through interpolation',
      code: lines('services:', '  web:', '    image: ${WEB_IMAGE:-nginx:1.27}', '    read_only: true'),
      errors: [{ message: '(nginx)' }],
      output: lines('services:', '  web:', '    image: ${WEB_IMAGE:-nginx:1.27}', '    read_only: true', '    tmpfs: [/var/cache/nginx, /var/run]'),
    },
    {
      name: 'CRLF, flow mapping',
      code: 'services:\r\n  web: {image: "nginx:1.27", read_only: true}\r\n',
      errors: [{ line: 1 }],
      output: 'services:\r\n  web: {image: "nginx:1.27", read_only: true, tmpfs: [/var/cache/nginx, /var/run]}\r\n',
    },
  ],
});
