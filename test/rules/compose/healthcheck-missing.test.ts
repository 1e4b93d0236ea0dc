import { healthcheckMissing } from '../../../rules/compose/rules/healthcheck-missing';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(healthcheckMissing, {
  valid: [
    {
      name: 'a job that another service waits to complete needs no healthcheck',
      code: lines('services:', '  migrate:', '    image: example/app:3.1', '    command: migrate', '  app:', '    image: example/app:3.1', '    healthcheck:', '      test: ["CMD", "true"]', '    depends_on:', '      migrate:', '        condition: service_completed_successfully'),
    },
    { code: lines('services:', '  api:', '    image: example/api:3.1', '    healthcheck:', '      test: ["CMD", "wget", "-q", "--spider", "http://localhost:8080/health"]') },
    { name: 'string test', code: lines('services:', '  db:', '    image: postgres:17', '    healthcheck:', '      test: pg_isready -U postgres') },
    { name: 'through a merge key', code: lines('x-hc: &hc', '  healthcheck:', '    test: ["CMD", "true"]', 'services:', '  api:', '    <<: *hc', '    image: x:1') },
    { name: 'an image known to ship a HEALTHCHECK', code: lines('services:', '  vault:', '    image: vaultwarden/server:1.32.5') },
    {
      name: 'Dockerfile with a HEALTHCHECK in its final stage',
      code: lines('services:', '  api:', '    build: .'),
      files: { '/w/Dockerfile': 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nHEALTHCHECK --interval=30s \\\n  CMD node health.js\nCMD ["node", "server.js"]\n' },
    },
    {
      name: 'the HEALTHCHECK is inherited from the stage the final one builds on',
      code: lines('services:', '  api:', '    build:', '      context: ./api', '      dockerfile: docker/Dockerfile.prod'),
      files: { '/w/api/docker/Dockerfile.prod': 'FROM node:22-slim AS base\nHEALTHCHECK CMD node health.js\nFROM base\nCMD ["node", "server.js"]\n' },
    },
    {
      name: 'build target stage has one',
      code: lines('services:', '  api:', '    build:', '      context: .', '      target: prod'),
      files: { '/w/Dockerfile': 'FROM node:22 AS prod\nHEALTHCHECK CMD true\nFROM node:22 AS dev\nCMD ["npm", "run", "dev"]\n' },
    },
    { name: 'dockerfile_inline', code: lines('services:', '  api:', '    build:', '      dockerfile_inline: |', '        FROM alpine:3.20', '        HEALTHCHECK CMD true') },
    { name: 'Dockerfile outside the workspace: cannot know', code: lines('services:', '  api:', '    build: ../elsewhere') },
    { name: 'remote build context', code: lines('services:', '  api:', '    build: https://github.com/acme/api.git#main') },
    { name: 'unresolved image', code: lines('services:', '  api:', '    image: ${IMAGE}') },
  ],
  invalid: [
    {
      name: 'waited for only to start: a long-running service, still reported',
      code: lines('services:', '  worker:', '    image: example/worker:3.1', '  app:', '    image: example/app:3.1', '    healthcheck:', '      test: ["CMD", "true"]', '    depends_on:', '      worker:', '        condition: service_started'),
      errors: [{ message: '`worker` has no `healthcheck`', line: 1 }],
    },
    {
      name: 'image without healthcheck',
      code: lines('services:', '  api:', '    image: example/api:3.1'),
      errors: [{ message: '`api` has no `healthcheck` (and `example/api:3.1` is not known to ship one)', range: [1, 2, 1, 5], severity: 'info' }],
      output: null,
    },
    {
      name: 'build: Dockerfile without HEALTHCHECK',
      code: lines('services:', '  api:', '    build: .'),
      files: { '/w/Dockerfile': 'FROM node:22\nCMD ["node", "server.js"]\n' },
      errors: [{ message: 'the image it builds from `Dockerfile` has no `HEALTHCHECK`' }],
    },
    {
      name: 'HEALTHCHECK only in a build stage does not ship',
      code: lines('services:', '  api:', '    build:', '      context: app'),
      files: { '/w/app/Dockerfile': 'FROM node:22 AS build\nHEALTHCHECK CMD true\nFROM node:22-slim\nCMD ["node"]\n' },
      errors: [{ message: '`app/Dockerfile`' }],
    },
    {
      name: 'HEALTHCHECK NONE in the final stage',
      code: lines('services:', '  api:', '    build: .'),
      files: { '/w/Dockerfile': 'FROM example/base:1 AS base\nHEALTHCHECK CMD true\nFROM base\nHEALTHCHECK NONE\n' },
      errors: [{ line: 1 }],
    },
    {
      name: 'a heredoc line that looks like HEALTHCHECK is not one',
      code: lines('services:', '  api:', '    build: .'),
      files: { '/w/Dockerfile': 'FROM alpine:3.20\nRUN <<EOF\necho hi\nHEALTHCHECK CMD true\nEOF\n' },
      errors: [{ line: 1 }],
    },
    {
      name: 'disabled with disable: true',
      code: lines('services:', '  api:', '    image: example/api:3.1', '    healthcheck:', '      disable: true'),
      errors: [{ message: 'switches its healthcheck off (`disable: true`)', range: [4, 15, 4, 19] }],
    },
    {
      name: 'disabled with NONE',
      code: lines('services:', '  api:', '    image: vaultwarden/server:1.32.5', '    healthcheck:', '      test: ["NONE"]'),
      errors: [{ message: '`test: ["NONE"]`', range: [4, 12, 4, 20] }],
    },
    {
      name: 'several services, CRLF',
      code: 'services:\r\n  a:\r\n    image: x:1\r\n  b:\r\n    image: y:1\r\n    healthcheck: {test: [CMD, "true"]}\r\n  c: {image: z:1}\r\n',
      errors: [{ message: '`a`', line: 1 }, { message: '`c`', range: [6, 2, 6, 3] }],
    },
  ],
});
