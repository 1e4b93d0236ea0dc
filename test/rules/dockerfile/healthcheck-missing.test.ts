import { healthcheckMissing } from '../../../rules/dockerfile/rules/healthcheck-missing';
import { ruleTester } from '../tester';

const compose = (service: string) => `services:\n  web:\n${service}`;

ruleTester(healthcheckMissing, {
  valid: [
    { code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' },
    { code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n', name: 'deliberately disabled' },
    { code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD true\nFROM base\n', name: 'inherited' },
    {
      name: 'a Compose service building it defines one',
      code: 'FROM nginx:1.27\n',
      path: '/w/app/Dockerfile',
      files: { '/w/compose.yaml': compose('    build: ./app\n    healthcheck:\n      test: ["CMD", "true"]\n') },
    },
    {
      name: 'long build syntax with a named Dockerfile',
      code: 'FROM nginx:1.27\n',
      path: '/w/docker/web.Dockerfile',
      files: { '/w/docker-compose.yml': compose('    build:\n      context: .\n      dockerfile: docker/web.Dockerfile\n    healthcheck:\n      test: ["CMD", "true"]\n') },
    },
  ],
  invalid: [
    { code: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n', errors: [{ range: [0, 0, 0, 4], severity: 'info', message: 'no HEALTHCHECK' }], output: null },
    { name: 'only the final stage counts', code: 'FROM a:1 AS x\nHEALTHCHECK CMD true\nFROM b:1\n', errors: [{ range: [2, 0, 2, 4] }] },
    {
      name: 'Compose healthcheck disabled',
      code: 'FROM nginx:1.27\n',
      path: '/w/Dockerfile',
      files: { '/w/compose.yaml': compose('    build: .\n    healthcheck:\n      disable: true\n') },
      errors: [{ line: 0 }],
    },
    {
      name: 'Compose service builds another Dockerfile',
      code: 'FROM nginx:1.27\n',
      path: '/w/api/Dockerfile',
      files: { '/w/compose.yaml': compose('    build: ./web\n    healthcheck:\n      test: ["CMD", "true"]\n') },
      errors: [{ line: 0 }],
    },
  ],
});
