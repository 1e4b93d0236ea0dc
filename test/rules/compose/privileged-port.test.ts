import { privilegedPort } from '../../../rules/compose/rules/privileged-port';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(privilegedPort, {
  valid: [
    { name: 'root (default) may bind low ports', code: lines('services:', '  web:', '    image: nginx:1.27', '    ports: ["127.0.0.1:80:80"]') },
    { name: 'non-root on a high container port; a low host port is fine', code: lines('services:', '  web:', '    image: example/web:1', '    user: "1000"', '    ports: ["80:8080"]') },
    { name: 'unknown user', code: lines('services:', '  web:', '    image: example/web:1', '    ports: ["80:80"]') },
    { name: 'unresolved user', code: lines('services:', '  web:', '    image: example/web:1', '    user: ${UID}', '    ports: ["80:80"]') },
    { name: 'user root', code: lines('services:', '  web:', '    image: example/web:1', '    user: root', '    ports: ["80:80"]') },
    {
      name: 'Dockerfile switches to root at the end',
      code: lines('services:', '  web:', '    build: .', '    ports: ["80:80"]'),
      files: { '/w/Dockerfile': 'FROM node:22\nUSER node\nRUN true\nUSER root\n' },
    },
  ],
  invalid: [
    {
      name: 'user: 1000 with container port 80',
      code: lines('services:', '  web:', '    image: example/web:1', '    user: "1000:1000"', '    ports:', '      - "127.0.0.1:8080:80"'),
      errors: [{ message: '`web` runs as non-root (`user: 1000:1000`) but listens on container port 80', range: [5, 8, 5, 27], severity: 'info' }],
      output: null,
    },
    {
      name: 'known non-root image',
      code: lines('services:', '  web:', '    image: nginxinc/nginx-unprivileged:1.27', '    ports: ["443:443"]'),
      errors: [{ message: 'the image `nginxinc/nginx-unprivileged:1.27`' }],
    },
    {
      name: 'nonRootImages from the config',
      code: lines('services:', '  web:', '    image: registry.acme.dev/base/web:3', '    ports: ["80:80"]'),
      config: { nonRootImages: ['registry.acme.dev/base/*'] },
      errors: [{ line: 3 }],
    },
    {
      name: 'Dockerfile USER',
      code: lines('services:', '  web:', '    build:', '      context: .', '    ports: ["8080:80"]'),
      files: { '/w/Dockerfile': 'FROM node:22\nUSER node\nCMD ["node", "server.js"]\n' },
      errors: [{ message: "the Dockerfile's `USER node`" }],
    },
    {
      name: 'long syntax: on the target',
      code: lines('services:', '  web:', '    image: example/web:1', '    user: app', '    ports:', '      - published: 8443', '        target: 443'),
      errors: [{ range: [6, 16, 6, 19] }],
    },
    {
      name: 'user through a merge key, CRLF',
      code: 'x-u: &u\r\n  user: "999"\r\nservices:\r\n  web:\r\n    <<: *u\r\n    image: x:1\r\n    ports: ["21:21"]\r\n',
      errors: [{ message: 'container port 21' }],
    },
  ],
});
