import { projectNameMissing } from '../../../rules/compose/rules/project-name-missing';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(projectNameMissing, {
  valid: [
    { code: lines('name: shop', 'services:', '  web:', '    image: nginx:1.27') },
    { code: lines('name: ${PROJECT:-shop}', 'services:', '  web:', '    image: nginx:1.27') },
    { code: '' },
    { name: 'no services: a fragment', code: lines('x-base:', '  restart: always') },
    {
      name: 'the override file gets its name from the base file',
      path: '/w/compose.override.yaml',
      code: lines('services:', '  web:', '    ports: ["127.0.0.1:8080:80"]'),
      files: { '/w/compose.yaml': lines('name: shop', 'services:', '  web:', '    image: nginx:1.27') },
    },
    {
      name: 'the override file names the project',
      code: lines('services:', '  web:', '    image: nginx:1.27'),
      files: { '/w/compose.override.yml': lines('name: shop') },
    },
  ],
  invalid: [
    {
      code: lines('services:', '  web:', '    image: nginx:1.27'),
      errors: [{ message: 'no `name`', range: [0, 0, 0, 8] }],
      output: null,
    },
    {
      name: 'placed on the first key',
      code: lines('# comment', 'version: "3"', 'services:', '  web:', '    image: nginx:1.27'),
      errors: [{ range: [1, 0, 1, 7] }],
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n',
      errors: [{ range: [0, 0, 0, 8] }],
    },
  ],
});
