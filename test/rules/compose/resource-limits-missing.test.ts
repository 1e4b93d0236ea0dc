import { resourceLimitsMissing } from '../../../rules/compose/rules/resource-limits-missing';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const svc = (...body: string[]) => lines('services:', '  app:', '    image: example/app:1.4', ...body);

ruleTester(resourceLimitsMissing, {
  valid: [
    { code: svc('    mem_limit: 512m', '    cpus: 1.5', '    pids_limit: 200') },
    { name: 'deploy limits', code: svc('    deploy:', '      resources:', '        limits:', '          memory: 256M', '          cpus: "0.5"', '          pids: 100') },
    { name: 'cpu_quota counts', code: svc('    mem_limit: 1g', '    cpu_quota: 50000', '    pids_limit: 64') },
    { name: 'mixed', code: svc('    mem_limit: 1g', '    deploy: {resources: {limits: {cpus: "1", pids: 50}}}') },
    { name: 'unresolved values count as set', code: svc('    mem_limit: ${MEM}', '    cpus: ${CPUS}', '    pids_limit: ${PIDS}') },
    { name: 'through a merge key', code: lines('x-limits: &limits', '  mem_limit: 512m', '  cpus: 1', '  pids_limit: 100', 'services:', '  app:', '    <<: *limits', '    image: x:1') },
  ],
  invalid: [
    {
      name: 'nothing set',
      code: svc(),
      errors: [{ message: '`app` has no memory, CPU or process limit', range: [1, 2, 1, 5], severity: 'info' }],
      output: null,
    },
    { name: 'only memory missing', code: svc('    cpus: 2', '    pids_limit: 100'), errors: [{ message: 'has no memory limit: ' }] },
    { name: 'CPU and process missing', code: svc('    deploy:', '      resources:', '        limits:', '          memory: 1G'), errors: [{ message: 'no CPU or process limit' }] },
    { name: 'zero and -1 mean unlimited', code: svc('    mem_limit: 0', '    cpus: 0', '    pids_limit: -1'), errors: [{ message: 'no memory, CPU or process limit' }] },
    { name: 'reservations are not limits', code: svc('    mem_reservation: 256m', '    cpu_shares: 512', '    deploy: {resources: {reservations: {memory: 1G}}}'), errors: [{ message: 'no memory, CPU or process limit' }] },
    { name: 'fallback of 0', code: svc('    mem_limit: ${MEM:-0}', '    cpus: 1', '    pids_limit: 10'), errors: [{ message: 'no memory limit' }] },
    {
      name: 'several services',
      code: lines('services:', '  a:', '    image: x:1', '  b:', '    image: y:1', '    mem_limit: 1g', '    cpus: 1', '    pids_limit: 1', '  c: {image: z:1, mem_limit: 1g}'),
      errors: [{ message: '`a`', line: 1 }, { message: '`c` has no CPU or process limit', range: [8, 2, 8, 3] }],
    },
    { name: 'CRLF', code: 'services:\r\n  app:\r\n    image: x:1\r\n', errors: [{ range: [1, 2, 1, 5] }] },
  ],
});
