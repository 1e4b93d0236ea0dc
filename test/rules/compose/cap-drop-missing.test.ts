import { capDropMissing } from '../../../rules/compose/rules/cap-drop-missing';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(capDropMissing, {
  valid: [
    { code: lines('services:', '  app:', '    image: x:1', '    cap_drop: [ALL]') },
    { code: lines('services:', '  app:', '    image: x:1', '    cap_drop:', '      - all') },
    { name: 'unresolved entry', code: lines('services:', '  app:', '    image: x:1', '    cap_drop: [$DROP]') },
    { name: 'from a merge key', code: lines('x-h: &h', '  cap_drop: [ALL]', 'services:', '  app:', '    <<: *h', '    image: x:1') },
    { name: 'from .env', code: lines('services:', '  app:', '    image: x:1', '    cap_drop: ["${DROP}"]'), files: { '/w/.env': 'DROP=ALL\n' } },
  ],
  invalid: [
    {
      name: 'a privileged service is reported too, saying privileged overrides the drop',
      code: lines('services:', '  app:', '    image: x:1', '    privileged: true'),
      errors: [{ message: /ignores `cap_drop` while `privileged: true` is set/, range: [1, 2, 1, 5] }],
      output: lines('services:', '  app:', '    image: x:1', '    privileged: true', '    cap_drop: [ALL]'),
    },
    {
      name: 'no cap_drop: a new key, flow when nothing says otherwise',
      code: lines('services:', '  app:', '    image: example/app:1.4'),
      errors: [{ message: '`app` keeps Docker\'s default capabilities', range: [1, 2, 1, 5], severity: 'warning', safe: false, fixTitle: 'Add `cap_drop: [ALL]`' }],
      output: lines('services:', '  app:', '    image: example/app:1.4', '    cap_drop: [ALL]'),
    },
    {
      name: 'block list style copied from the service, comments kept',
      code: lines('services:', '  app:', '    image: example/app:1.4', '    ports:', '    - "8080:80"  # web', '# trailing comment'),
      errors: [{ range: [1, 2, 1, 5] }],
      output: lines('services:', '  app:', '    image: example/app:1.4', '    ports:', '    - "8080:80"  # web', '    cap_drop:', '    - ALL', '# trailing comment'),
    },
    {
      name: 'indented block list style',
      code: lines('services:', '  app:', '    image: example/app:1.4', '    volumes:', '      - ./a:/a', '    environment:', '      A: "1"'),
      errors: [{ line: 1 }],
      output: lines('services:', '  app:', '    image: example/app:1.4', '    volumes:', '      - ./a:/a', '    environment:', '      A: "1"', '    cap_drop:', '      - ALL'),
    },
    {
      name: 'style taken from a sibling service',
      code: lines('services:', '  web:', '    image: example/web:1', '    cap_drop:', '      - ALL', '  app:', '    image: example/app:1.4'),
      errors: [{ message: '`app`', line: 5 }],
      output: lines('services:', '  web:', '    image: example/web:1', '    cap_drop:', '      - ALL', '  app:', '    image: example/app:1.4', '    cap_drop:', '      - ALL'),
    },
    {
      name: 'flow mapping service',
      code: lines('services:', '  app: { image: example/app:1.4 }'),
      errors: [{ line: 1 }],
      output: lines('services:', '  app: { image: example/app:1.4, cap_drop: [ALL] }'),
    },
    {
      name: 'existing list without ALL: ALL is appended, the message names what is dropped',
      code: lines('services:', '  app:', '    image: example/app:1.4', '    cap_drop: [NET_RAW]', '    cap_add: [CHOWN]'),
      errors: [{ message: /drops only `NET_RAW`.*`cap_add` entries still apply/ }],
      output: lines('services:', '  app:', '    image: example/app:1.4', '    cap_drop: [NET_RAW, ALL]', '    cap_add: [CHOWN]'),
    },
    {
      name: 'existing quoted block list',
      code: lines('services:', '  app:', '    cap_drop:', '      - "MKNOD"', '    image: example/app:1.4'),
      errors: [{ line: 1 }],
      output: lines('services:', '  app:', '    cap_drop:', '      - "MKNOD"', '      - "ALL"', '    image: example/app:1.4'),
    },
    {
      name: 'postgres (root entrypoint) gets back the capabilities it needs',
      code: lines('services:', '  db:', '    image: postgres:17'),
      errors: [{ message: 'postgres entrypoint starts as root', fixTitle: /5 capabilities postgres needs/, safe: false }],
      output: lines('services:', '  db:', '    image: postgres:17', '    cap_add: [CHOWN, DAC_OVERRIDE, FOWNER, SETGID, SETUID]', '    cap_drop: [ALL]'),
    },
    {
      name: 'redis with a cap_add list: only the missing ones are added',
      code: lines('services:', '  cache:', '    image: redis:7.4', '    cap_add:', '      - SETUID', '    read_only: true'),
      errors: [{ message: '`CHOWN`, `SETGID`' }],
      output: lines('services:', '  cache:', '    image: redis:7.4', '    cap_add:', '      - SETUID', '      - CHOWN', '      - SETGID', '    read_only: true', '    cap_drop:', '      - ALL'),
    },
    {
      name: 'cap_add as the last key: both insertions land in one edit',
      code: lines('services:', '  cache:', '    image: redis:7.4', '    cap_add:', '      - SETUID'),
      errors: [{ line: 1 }],
      output: lines('services:', '  cache:', '    image: redis:7.4', '    cap_add:', '      - SETUID', '      - CHOWN', '      - SETGID', '    cap_drop:', '      - ALL'),
    },
    {
      name: 'a non-root user needs no capabilities back',
      code: lines('services:', '  db:', '    image: postgres:17', '    user: "999:999"'),
      errors: [{ message: /^(?!.*entrypoint)/, safe: true }],
      output: lines('services:', '  db:', '    image: postgres:17', '    user: "999:999"', '    cap_drop: [ALL]'),
    },
    {
      name: 'an image configured as non-root: safe',
      code: lines('services:', '  app:', '    image: registry.acme.dev/base/app:3'),
      config: { nonRootImages: ['registry.acme.dev/base/*'] },
      errors: [{ safe: true }],
      output: lines('services:', '  app:', '    image: registry.acme.dev/base/app:3', '    cap_drop: [ALL]'),
    },
    {
      name: 'built from a Dockerfile that switches to a non-root USER: safe',
      code: lines('services:', '  app:', '    build: .'),
      files: { '/w/Dockerfile': 'FROM alpine:3.20\nUSER 10001\nCMD ["sleep", "1"]\n' },
      errors: [{ safe: true }],
      output: lines('services:', '  app:', '    build: .', '    cap_drop: [ALL]'),
    },
    {
      name: 'explicit user: root: offered, not safe',
      code: lines('services:', '  app:', '    image: example/app:1.4', '    user: root'),
      errors: [{ safe: false }],
      output: lines('services:', '  app:', '    image: example/app:1.4', '    user: root', '    cap_drop: [ALL]'),
    },
    {
      name: 'merged cap_drop without ALL is extended in the anchor',
      code: lines('x-h: &h', '  cap_drop: [NET_RAW]', 'services:', '  app:', '    <<: *h', '    image: x:1'),
      errors: [{ range: [3, 2, 3, 5] }],
      output: lines('x-h: &h', '  cap_drop: [NET_RAW, ALL]', 'services:', '  app:', '    <<: *h', '    image: x:1'),
    },
    {
      name: 'CRLF and no final line break',
      code: 'services:\r\n  app:\r\n    image: x:1',
      errors: [{ line: 1 }],
      output: 'services:\r\n  app:\r\n    image: x:1\r\n    cap_drop: [ALL]',
    },
    {
      name: 'several services, multi-line value last',
      code: lines('services:', '  a:', '    image: x:1', '    command: >', '      run', '      --fast', '  b:', '    image: y:1', '    cap_drop: [ALL]'),
      errors: [{ message: '`a`' }],
      output: lines('services:', '  a:', '    image: x:1', '    command: >', '      run', '      --fast', '    cap_drop: [ALL]', '  b:', '    image: y:1', '    cap_drop: [ALL]'),
    },
  ],
});
