import { versionObsolete } from '../../../rules/compose/rules/version-obsolete';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(versionObsolete, {
  valid: [
    { code: lines('services:', '  web:', '    image: nginx:1.27') },
    { code: '' },
    { name: 'a service-level key named version is not the top-level one', code: lines('services:', '  web:', '    image: nginx:1.27', '    labels:', '      version: "2"') },
    { name: 'x- extension holding version', code: lines('x-meta:', '  version: "3"', 'services: {}') },
  ],
  invalid: [
    {
      name: 'first line',
      code: lines('version: "3.8"', 'services:', '  web:', '    image: nginx:1.27'),
      errors: [{ message: 'obsolete', range: [0, 0, 0, 7], severity: 'info', safe: true, fixTitle: 'Remove the obsolete `version` key' }],
      output: lines('services:', '  web:', '    image: nginx:1.27'),
    },
    {
      name: 'with a trailing comment, comments above stay',
      code: lines('# my stack', "version: '2.4' # old", 'services:', '  web:', '    image: nginx:1.27'),
      errors: [{ range: [1, 0, 1, 7] }],
      output: lines('# my stack', 'services:', '  web:', '    image: nginx:1.27'),
    },
    {
      name: 'after services, unquoted number',
      code: lines('services:', '  web:', '    image: nginx:1.27', 'version: 3'),
      errors: [{ line: 3 }],
      output: lines('services:', '  web:', '    image: nginx:1.27'),
    },
    {
      name: 'CRLF',
      code: 'version: "3"\r\nservices:\r\n  web:\r\n    image: nginx:1.27\r\n',
      errors: [{ range: [0, 0, 0, 7] }],
      output: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n',
    },
    {
      name: 'no final line break',
      code: 'services:\n  web:\n    image: nginx:1.27\nversion: "3"',
      errors: [{ line: 3 }],
      output: 'services:\n  web:\n    image: nginx:1.27',
    },
    {
      name: 'flow mapping',
      code: lines('{version: "3", services: {web: {image: "nginx:1.27"}}}'),
      errors: [{ range: [0, 1, 0, 8] }],
      output: lines('{services: {web: {image: "nginx:1.27"}}}'),
    },
    {
      name: 'quoted key',
      code: lines('"version": "3.9"', 'services: {}'),
      errors: [{ range: [0, 0, 0, 9] }],
      output: lines('services: {}'),
    },
    {
      name: 'an anchor defined on version is kept when still used',
      code: lines('version: &v "3"', 'x-meta:', '  v: *v', 'services: {}'),
      errors: [{ range: [0, 0, 0, 7] }],
      output: null,
    },
  ],
});
