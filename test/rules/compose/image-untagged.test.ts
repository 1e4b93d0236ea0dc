import { imageUntagged } from '../../../rules/compose/rules/image-untagged';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const img = (image: string) => lines('services:', '  app:', `    image: ${image}`);

ruleTester(imageUntagged, {
  valid: [
    { name: 'pull_policy: never runs a local image', code: lines('services:', '  worker:', '    image: acme-worker', '    pull_policy: never') },
    { code: img('redis:7.4') },
    { code: img('ghcr.io/acme/api:1.2.3') },
    { code: img('localhost:5000/api:dev-1') },
    { name: 'digest without tag', code: img('redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { name: 'build: image names what is built', code: lines('services:', '  app:', '    build: .', '    image: acme/api') },
    { name: 'unresolved', code: img('${IMAGE}') },
    { name: 'from .env with a tag', code: img('${IMAGE}'), files: { '/w/.env': 'IMAGE=redis:7.4\n' } },
  ],
  invalid: [
    { name: 'plain name', code: img('redis'), errors: [{ message: 'Service `app` runs `redis` without a tag', range: [2, 11, 2, 16], severity: 'warning' }], output: null },
    { name: 'registry with a port is not a tag', code: img('registry.local:5000/team/api'), errors: [{ range: [2, 11, 2, 39] }] },
    { name: 'quoted', code: img('"ghcr.io/acme/api"'), errors: [{ range: [2, 11, 2, 29] }] },
    { name: 'fallback', code: img('${APP_IMAGE:-nginx}'), errors: [{ message: '`nginx`' }] },
    {
      name: 'anchor',
      code: lines('x-img: &img', '  image: busybox', 'services:', '  a:', '    <<: *img', '  b:', '    <<: *img'),
      errors: [{ message: 'Services `a` and `b` run `busybox`', range: [1, 9, 1, 16] }],
    },
    { name: 'flow, CRLF', code: 'services:\r\n  a: {image: alpine}\r\n', errors: [{ range: [1, 13, 1, 19] }] },
  ],
});
