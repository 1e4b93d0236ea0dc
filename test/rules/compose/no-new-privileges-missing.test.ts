import { noNewPrivilegesMissing } from '../../../rules/compose/rules/no-new-privileges-missing';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const svc = (...body: string[]) => lines('services:', '  app:', '    image: example/app:1.4', ...body);

ruleTester(noNewPrivilegesMissing, {
  valid: [
    { code: svc('    security_opt:', '      - no-new-privileges:true') },
    { name: '= form', code: svc('    security_opt: ["no-new-privileges=true"]') },
    { name: 'bare form', code: svc('    security_opt: [no-new-privileges]') },
    { name: 'case and spacing', code: svc('    security_opt:', '      - "no-new-privileges: TRUE"') },
    { name: 'among other options', code: svc('    security_opt:', '      - apparmor:docker-default', '      - no-new-privileges:true') },
    { name: 'unresolved entry may be it', code: svc('    security_opt: ["${SECOPT}"]') },
    { name: 'from .env', code: svc('    security_opt: ["${SECOPT}"]'), files: { '/w/.env': 'SECOPT=no-new-privileges:true\n' } },
    { name: 'through a merge key', code: lines('x-h: &h', '  security_opt: [no-new-privileges:true]', 'services:', '  app:', '    <<: *h', '    image: x:1') },
  ],
  invalid: [
    {
      name: 'missing: a new block list in the service style',
      code: svc('    volumes:', '      - ./a:/a'),
      errors: [{ message: '`app` does not set `no-new-privileges`', range: [1, 2, 1, 5], severity: 'warning', safe: true, fixTitle: 'Add `security_opt: [no-new-privileges:true]`' }],
      output: svc('    volumes:', '      - ./a:/a', '    security_opt:', '      - no-new-privileges:true'),
    },
    {
      name: 'missing: flow, quoted because of the colon',
      code: svc(),
      errors: [{ line: 1 }],
      output: svc('    security_opt: ["no-new-privileges:true"]'),
    },
    {
      name: 'existing block list: appended with its quoting',
      code: svc('    security_opt:', "      - 'apparmor:docker-default'  # default", '    user: "1000"'),
      errors: [{ line: 1, fixTitle: 'Add `no-new-privileges:true` to `security_opt`' }],
      output: svc('    security_opt:', "      - 'apparmor:docker-default'  # default", "      - 'no-new-privileges:true'", '    user: "1000"'),
    },
    {
      name: 'existing flow list',
      code: svc('    security_opt: [label:type:svirt_apache_t]'),
      errors: [{ line: 1 }],
      output: svc('    security_opt: [label:type:svirt_apache_t, "no-new-privileges:true"]'),
    },
    {
      name: 'empty flow list',
      code: svc('    security_opt: []'),
      errors: [{ line: 1 }],
      output: svc('    security_opt: ["no-new-privileges:true"]'),
    },
    {
      name: 'explicit false: reported and fixed on the entry',
      code: svc('    security_opt:', '      - "no-new-privileges:false"'),
      errors: [{ message: 'turns `no-new-privileges` off explicitly', range: [4, 8, 4, 33] }],
      output: svc('    security_opt:', '      - "no-new-privileges:true"'),
    },
    {
      name: 'explicit false with =',
      code: svc('    security_opt: [no-new-privileges=false]'),
      errors: [{ range: [3, 19, 3, 42] }],
      output: svc('    security_opt: [no-new-privileges:true]'),
    },
    {
      name: 'anchored list without it: appended in the anchor',
      code: lines('x-h: &h', '  security_opt:', '    - apparmor:docker-default', 'services:', '  a:', '    <<: *h', '    image: x:1', '  b:', '    <<: *h', '    image: y:1'),
      errors: [{ message: '`a`' }, { message: '`b`' }],
      output: lines('x-h: &h', '  security_opt:', '    - apparmor:docker-default', '    - no-new-privileges:true', 'services:', '  a:', '    <<: *h', '    image: x:1', '  b:', '    <<: *h', '    image: y:1'),
    },
    {
      name: 'flow mapping service',
      code: lines('services:', '  app: {image: x:1}'),
      errors: [{ line: 1 }],
      output: lines('services:', '  app: {image: x:1, security_opt: ["no-new-privileges:true"]}'),
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  app:\r\n    image: x:1\r\n    cap_drop:\r\n      - ALL\r\n',
      errors: [{ line: 1 }],
      output: 'services:\r\n  app:\r\n    image: x:1\r\n    cap_drop:\r\n      - ALL\r\n    security_opt:\r\n      - no-new-privileges:true\r\n',
    },
  ],
});
