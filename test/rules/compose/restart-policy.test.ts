import { restartPolicy } from '../../../rules/compose/rules/restart-policy';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const svc = (...body: string[]) => lines('services:', '  app:', '    image: example/app:1.4', ...body);

ruleTester(restartPolicy, {
  valid: [
    { code: svc('    restart: on-failure:5') },
    { code: svc('    restart: unless-stopped') },
    { code: svc('    restart: "no"') },
    { name: 'deploy with max_attempts', code: svc('    deploy:', '      restart_policy:', '        condition: any', '        max_attempts: 5') },
    { name: 'deploy on-failure', code: svc('    deploy:', '      restart_policy:', '        condition: on-failure') },
    { name: 'unresolved', code: svc('    restart: ${RESTART}') },
  ],
  invalid: [
    { name: 'always', code: svc('    restart: always'), errors: [{ message: 'Service `app` restarts forever (`restart: always`)', range: [3, 13, 3, 19], severity: 'warning' }], output: null },
    { name: 'fallback', code: svc('    restart: ${RESTART:-always}'), errors: [{ range: [3, 13, 3, 31] }] },
    { name: 'deploy condition any', code: svc('    deploy:', '      restart_policy:', '        condition: any'), errors: [{ message: 'without `max_attempts`', range: [5, 19, 5, 22] }] },
    {
      name: 'anchor',
      code: lines('x-r: &r', '  restart: always', 'services:', '  a:', '    <<: *r', '    image: x:1', '  b:', '    <<: *r', '    image: y:1'),
      errors: [{ message: 'Services `a` and `b` restart forever', range: [1, 11, 1, 17] }],
    },
    { name: 'CRLF', code: 'services:\r\n  a: {image: x:1, restart: always}\r\n', errors: [{ range: [1, 27, 1, 33] }] },
  ],
});
