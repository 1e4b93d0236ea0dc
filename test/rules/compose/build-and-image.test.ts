import { buildAndImage } from '../../../rules/compose/rules/build-and-image';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(buildAndImage, {
  valid: [
    { code: lines('services:', '  web:', '    image: nginx:1.27') },
    { code: lines('services:', '  api:', '    build: ./api') },
    { code: lines('services:', '  api:', '    build:', '      context: ./api') },
    { name: 'pull_policy: build says the local build wins', code: lines('services:', '  api:', '    build: ./api', '    image: acme/api:1.4.2', '    pull_policy: build') },
    { name: 'pull_policy: always says the registry wins', code: lines('services:', '  api:', '    build: ./api', '    image: acme/api:1.4.2', '    pull_policy: always') },
    { name: 'pull_policy from a merged anchor', code: lines('x-p: &p', '  pull_policy: never', 'services:', '  api:', '    <<: *p', '    build: .', '    image: acme/api:2') },
    { name: 'unresolvable pull_policy', code: lines('services:', '  api:', '    build: .', '    image: acme/api:2', '    pull_policy: ${PULL}') },
    { name: 'an anchor no service merges', code: lines('x-b: &b', '  build: .', '  image: a:1', 'services:', '  web:', '    image: nginx:1.27') },
  ],
  invalid: [
    {
      code: lines('services:', '  api:', '    build: ./api', '    image: acme/api:1.4.2'),
      errors: [{ message: 'both `build` and `image`', range: [3, 4, 3, 9], severity: 'warning' }],
      output: null,
    },
    {
      name: 'pull_policy: missing only restates the default, so the ambiguity stays',
      code: lines('services:', '  api:', '    build: ./api', '    image: acme/api:1.4.2', '    pull_policy: missing'),
      errors: [{ range: [3, 4, 3, 9] }],
    },
    {
      name: 'flow style',
      code: lines('services:', '  api: {image: acme/api:1, build: {context: .}}'),
      errors: [{ range: [1, 8, 1, 13] }],
    },
    {
      name: 'build from a merged anchor',
      code: lines('x-build: &build', '  build: .', 'services:', '  api:', '    <<: *build', '    image: acme/api:1'),
      errors: [{ range: [5, 4, 5, 9] }],
    },
    {
      name: 'image in an anchor shared by two building services: once',
      code: lines('x-img: &img', '  image: acme/app:1', 'services:', '  a:', '    <<: *img', '    build: ./a', '  b:', '    <<: *img', '    build: ./b'),
      errors: [{ range: [1, 2, 1, 7] }],
    },
  ],
});
