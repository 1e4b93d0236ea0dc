import { hostNamespace } from '../../../rules/compose/rules/host-namespace';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const svc = (...body: string[]) => lines('services:', '  app:', '    image: example/app:1.4', ...body);

ruleTester(hostNamespace, {
  valid: [
    { code: svc('    network_mode: bridge') },
    { code: svc('    network_mode: "service:vpn"', '    pid: "service:app2"') },
    { code: svc('    pid: "container:abc"', '    ipc: shareable') },
    { code: svc('    ipc: private', '    userns_mode: ""') },
    { name: 'not a service field', code: lines('x-doc:', '  network_mode: host', 'services:', '  app:', '    image: x:1') },
    { name: 'unresolved variable', code: svc('    network_mode: ${MODE}') },
    { name: 'variable from .env that is not host', code: svc('    network_mode: ${MODE}'), files: { '/w/.env': 'MODE=bridge\n' } },
    { name: 'overridden after a merge', code: lines('x-b: &b', '  pid: host', 'services:', '  app:', '    <<: *b', '    image: x:1', '    pid: "service:db"') },
  ],
  invalid: [
    {
      name: 'network_mode: host',
      code: svc('    network_mode: host'),
      errors: [{ message: "Service `app` shares the host's network namespace (`network_mode: host`)", range: [3, 18, 3, 22], severity: 'error' }],
      output: null,
    },
    {
      name: 'every namespace, quoted and in any case',
      code: svc('    pid: host', '    ipc: "host"', "    userns_mode: 'host'", '    uts: HOST'),
      errors: [
        { message: 'PID namespace', range: [3, 9, 3, 13] },
        { message: 'IPC namespace', range: [4, 9, 4, 15] },
        { message: 'user namespace', range: [5, 17, 5, 23] },
        { message: 'UTS namespace', range: [6, 9, 6, 13] },
      ],
    },
    { name: 'flow mapping', code: lines('services:', '  app: {image: x:1, network_mode: host}'), errors: [{ range: [1, 34, 1, 38] }] },
    { name: 'interpolation fallback', code: svc('    network_mode: ${NET_MODE:-host}'), errors: [{ range: [3, 18, 3, 35] }] },
    { name: 'from .env', code: svc('    pid: $PIDNS'), files: { '/w/.env': 'PIDNS=host\n' }, errors: [{ message: 'PID' }] },
    {
      name: 'merge key: at the anchor, once',
      code: lines('x-debug: &debug', '  pid: host', 'services:', '  a:', '    <<: *debug', '    image: x:1', '  b:', '    <<: *debug', '    image: y:1'),
      errors: [{ message: 'Services `a` and `b` share', range: [1, 7, 1, 11] }],
    },
    { name: 'CRLF', code: 'services:\r\n  a:\r\n    image: x:1\r\n    ipc: host\r\n', errors: [{ range: [3, 9, 3, 13] }] },
  ],
});
