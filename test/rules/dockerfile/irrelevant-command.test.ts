import { irrelevantCommand } from '../../../rules/dockerfile/rules/irrelevant-command';
import { ruleTester } from '../tester';

ruleTester(irrelevantCommand, {
  valid: [
    { code: 'FROM a:1\nRUN apt-get install -y vim procps\n', name: 'arguments are not commands' },
    { code: 'FROM a:1\nRUN --mount=type=cache,target=/root/.cache pip install x\n' },
    { code: 'FROM a:1\nCMD ["top"]\n' },
  ],
  invalid: [
    { code: 'FROM a:1\nRUN service nginx start\n', errors: [{ range: [1, 4, 1, 11], severity: 'info', message: '`service`' }], output: null },
    {
      code: 'FROM a:1\nRUN ps aux && \\\n    /usr/bin/vim -c wq f && sudo mount -t tmpfs x /y\n',
      errors: [{ range: [1, 4, 1, 6] }, { range: [2, 4, 2, 16] }, { range: [2, 33, 2, 38] }],
    },
    { code: 'FROM a:1\nRUN ["kill", "1"]\n', name: 'exec form', errors: [{ range: [1, 5, 1, 11] }] },
  ],
});
