import { userRoot } from '../../../rules/compose/rules/user-root';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const svc = (...body: string[]) => lines('services:', '  app:', '    image: example/app:1.4', ...body);

ruleTester(userRoot, {
  valid: [
    { code: svc('    user: "1000:1000"') },
    { code: svc('    user: app') },
    { code: svc('    user: "10001"') },
    { name: 'root group, non-root user', code: svc('    user: "1000:0"') },
    { name: 'a uid that starts with 0 digits is not 0', code: svc('    user: "1000"') },
    { name: 'no user at all is another rule', code: svc() },
    { name: 'unresolved', code: svc('    user: ${UID}') },
    { name: 'from .env', code: svc('    user: ${UID}'), files: { '/w/.env': 'UID=1000\n' } },
  ],
  invalid: [
    { name: 'root', code: svc('    user: root'), errors: [{ message: 'Service `app` runs as root (`user: root`)', range: [3, 10, 3, 14], severity: 'warning' }], output: null },
    { name: '0 quoted', code: svc("    user: '0'"), errors: [{ range: [3, 10, 3, 13] }] },
    { name: '0:0 quoted', code: svc('    user: "0:0"'), errors: [{ range: [3, 10, 3, 15] }] },
    { name: 'root:root and case', code: svc('    user: Root:root'), errors: [{ message: '`user: Root:root`' }] },
    { name: '0 with a group', code: svc("    user: '0:1000'"), errors: [{ line: 3 }] },
    { name: 'fallback', code: svc('    user: ${RUN_AS:-0:0}'), errors: [{ message: '`user: 0:0`' }] },
    {
      name: 'anchor',
      code: lines('x-root: &root', '  user: root', 'services:', '  a:', '    <<: *root', '    image: x:1', '  b:', '    <<: *root', '    image: y:1'),
      errors: [{ message: 'Services `a` and `b` run as root', range: [1, 8, 1, 12] }],
    },
    { name: 'flow mapping, CRLF', code: 'services:\r\n  a: {image: x:1, user: root}\r\n', errors: [{ range: [1, 24, 1, 28] }] },
  ],
});
