import { imageLatest } from '../../../rules/compose/rules/image-latest';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const img = (image: string) => lines('services:', '  app:', `    image: ${image}`);

ruleTester(imageLatest, {
  valid: [
    { name: 'pull_policy: never runs a local image', code: lines('x-img: &img', '  image: acme-custom:latest', '  pull_policy: never', 'services:', '  web:', '    <<: *img', '    command: web', '  builder:', '    <<: *img', '    build: .') },
    { name: 'pull_policy: build', code: lines('services:', '  app:', '    image: acme/app:latest', '    pull_policy: build') },
    { code: img('redis:7.4') },
    { code: img('node:22.11.0-bookworm-slim') },
    { name: 'untagged is another rule', code: img('redis') },
    { name: 'digest pins it', code: img('node:lts@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { name: 'tags that merely contain a floating word', code: img('example/app:latest-2024.10') },
    { name: 'build: image names what is built', code: lines('services:', '  app:', '    build: .', '    image: acme/api:latest') },
    { name: 'unresolved tag', code: img('acme/api:${TAG}') },
    { name: 'a required variable has no default to judge', code: img('acme/api:${TAG:?set TAG}') },
    { name: 'the default is overridden by .env', code: img('acme/api:${TAG:-release}'), files: { '/w/.env': 'TAG=2.4.1\n' } },
    { name: 'a pinned default', code: img('acme/api:${TAG:-2.4.1}') },
  ],
  invalid: [
    { name: 'pull_policy: always still pulls the floating tag', code: lines('services:', '  app:', '    image: acme/app:latest', '    pull_policy: always'), errors: [{ message: '`latest`' }] },
    { name: 'latest: on the tag', code: img('nginx:latest'), errors: [{ message: 'Service `app` runs `nginx:latest`: `latest` is re-pointed', range: [2, 17, 2, 23], severity: 'warning' }], output: null },
    { name: 'quoted', code: img('"traefik:LATEST"'), errors: [{ range: [2, 20, 2, 26] }] },
    { name: 'other floating tags', code: lines('services:', '  a:', '    image: node:lts', '  b:', '    image: alpine:edge', '  c:', '    image: ghcr.io/acme/api:nightly', '  d:', '    image: localhost:5000/x:stable'), errors: [{ message: '`lts`' }, { message: '`edge`' }, { message: '`nightly`' }, { message: '`stable`', range: [8, 28, 8, 34] }] },
    { name: 'fallback: on the whole value', code: img('${IMG:-redis:latest}'), errors: [{ range: [2, 11, 2, 31] }] },
    {
      name: 'a floating default is what runs when the variable is unset: the message names it',
      code: img('ghcr.io/acme/api:${TAG:-release}'),
      errors: [{ message: /runs `ghcr\.io\/acme\/api:release` when `TAG` is unset or empty \(the default in `\$\{TAG:-release\}`\).*`\$\{TAG:-<version>\}`/, range: [2, 11, 2, 43] }],
    },
    {
      name: 'an empty .env value falls back to the :- default',
      code: img('acme/api:${TAG:-test}'),
      files: { '/w/.env': 'TAG=\n' },
      errors: [{ message: 'when `TAG` is unset' }],
    },
    { name: 'test and devel name streams too', code: lines('services:', '  a:', '    image: library/nginx:test', '  b:', '    image: ubuntu:devel'), errors: [{ message: '`test`' }, { message: '`devel`' }] },
    { name: 'from .env', code: img('acme/api:${TAG}'), files: { '/w/.env': 'TAG=latest\n' }, errors: [{ message: '`acme/api:latest`' }] },
    {
      name: 'anchor',
      code: lines('x-img: &img', '  image: busybox:latest', 'services:', '  a:', '    <<: *img', '  b:', '    <<: *img'),
      errors: [{ message: 'Services `a` and `b` run', range: [1, 17, 1, 23] }],
    },
    { name: 'flow, CRLF', code: 'services:\r\n  a: {image: "alpine:latest"}\r\n', errors: [{ range: [1, 21, 1, 27] }] },
  ],
});
