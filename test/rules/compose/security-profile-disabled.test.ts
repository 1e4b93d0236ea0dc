import { securityProfileDisabled } from '../../../rules/compose/rules/security-profile-disabled';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const svc = (...body: string[]) => lines('services:', '  app:', '    image: example/app:1.4', ...body);

ruleTester(securityProfileDisabled, {
  valid: [
    { code: svc('    security_opt:', '      - no-new-privileges:true', '      - seccomp:./profile.json', '      - apparmor:my-profile') },
    { code: svc('    security_opt: ["label:type:container_t", "label=level:s0:c100,c200"]') },
    { name: 'unresolved', code: svc('    security_opt: ["seccomp:${PROFILE}"]') },
    { name: 'not a service', code: lines('x-opts:', '  security_opt: [seccomp:unconfined]', 'services:', '  app:', '    image: x:1') },
  ],
  invalid: [
    {
      name: 'seccomp, block list: the line goes',
      code: svc('    security_opt:', '      - seccomp:unconfined  # for strace', '      - no-new-privileges:true'),
      errors: [{ message: 'Service `app` turns off seccomp (`seccomp:unconfined`)', range: [4, 8, 4, 26], severity: 'error', safe: false, fixTitle: 'Remove `seccomp:unconfined`' }],
      output: svc('    security_opt:', '      - no-new-privileges:true'),
    },
    {
      name: 'every kind, = and case',
      code: svc('    security_opt:', '      - apparmor=unconfined', '      - "label:disable"', '      - SECCOMP:UNCONFINED', '      - systempaths=unconfined', '      - no-new-privileges'),
      errors: [{ message: 'AppArmor' }, { message: 'SELinux' }, { message: 'seccomp' }, { message: 'path masking' }],
      output: svc('    security_opt:', '      - no-new-privileges'),
    },
    {
      name: 'the only entry leaves an empty list',
      code: svc('    security_opt:', '      - seccomp:unconfined'),
      errors: [{ line: 4 }],
      output: svc('    security_opt:', '      []'),
    },
    {
      name: 'flow list',
      code: svc('    security_opt: [no-new-privileges:true, apparmor:unconfined]'),
      errors: [{ range: [3, 43, 3, 62] }],
      output: svc('    security_opt: [no-new-privileges:true]'),
    },
    {
      name: 'interpolation fallback',
      code: svc('    security_opt: ["seccomp:${SECCOMP:-unconfined}"]'),
      errors: [{ line: 3 }],
      output: svc('    security_opt: []'),
    },
    {
      name: 'anchor shared by two services: once, removed from the shared list',
      code: lines('x-dbg: &dbg', '  security_opt:', '    - seccomp:unconfined', '    - no-new-privileges:true', 'services:', '  a:', '    <<: *dbg', '    image: x:1', '  b:', '    <<: *dbg', '    image: y:1'),
      errors: [{ message: 'Services `a` and `b` turn off seccomp', range: [2, 6, 2, 24], fixTitle: /shared list/ }],
      output: lines('x-dbg: &dbg', '  security_opt:', '    - no-new-privileges:true', 'services:', '  a:', '    <<: *dbg', '    image: x:1', '  b:', '    <<: *dbg', '    image: y:1'),
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  app:\r\n    image: x:1\r\n    security_opt:\r\n      - label=disable\r\n      - no-new-privileges\r\n',
      errors: [{ range: [4, 8, 4, 21] }],
      output: 'services:\r\n  app:\r\n    image: x:1\r\n    security_opt:\r\n      - no-new-privileges\r\n',
    },
  ],
});
