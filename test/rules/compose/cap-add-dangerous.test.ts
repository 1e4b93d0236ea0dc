import { capAddDangerous } from '../../../rules/compose/rules/cap-add-dangerous';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const svc = (...body: string[]) => lines('services:', '  app:', '    image: example/app:1.4', ...body);

ruleTester(capAddDangerous, {
  valid: [
    { code: svc('    cap_add: [NET_BIND_SERVICE, CHOWN]') },
    { code: svc('    cap_add:', '      - SETUID', '      - SETGID') },
    { name: 'dropping is fine', code: svc('    cap_drop: [ALL, SYS_ADMIN]') },
    { name: 'unresolved', code: svc('    cap_add: [$CAP]') },
    { name: 'not a service', code: lines('x-caps:', '  cap_add: [SYS_ADMIN]', 'services:', '  app:', '    image: x:1') },
  ],
  invalid: [
    {
      name: 'block list',
      code: svc('    cap_add:', '      - SYS_ADMIN', '      - CHOWN', '      - NET_ADMIN'),
      errors: [
        { message: 'Service `app` adds `SYS_ADMIN`', range: [4, 8, 4, 17], severity: 'error' },
        { message: '`NET_ADMIN`', range: [6, 8, 6, 17] },
      ],
      output: null,
    },
    { name: 'ALL in a flow list', code: svc('    cap_add: [ALL]'), errors: [{ message: 'every capability', range: [3, 14, 3, 17] }] },
    {
      name: 'lower case and CAP_ prefix',
      code: svc('    cap_add: [sys_ptrace, "CAP_SYS_MODULE", cap_dac_read_search]'),
      errors: [{ message: '`SYS_PTRACE`' }, { message: '`SYS_MODULE`' }, { message: '`DAC_READ_SEARCH`' }],
    },
    { name: 'interpolation fallback', code: svc('    cap_add: ["${EXTRA_CAP:-SYS_ADMIN}"]'), errors: [{ message: 'SYS_ADMIN' }] },
    {
      name: 'anchored list aliased by two services',
      code: lines('x-caps: &caps [NET_ADMIN]', 'services:', '  a:', '    image: x:1', '    cap_add: *caps', '  b:', '    image: y:1', '    cap_add: *caps'),
      errors: [{ message: 'Services `a` and `b` add `NET_ADMIN`', range: [0, 15, 0, 24] }],
    },
    { name: 'CRLF', code: 'services:\r\n  a:\r\n    image: x:1\r\n    cap_add:\r\n      - BPF\r\n', errors: [{ range: [4, 8, 4, 11] }] },
  ],
});
