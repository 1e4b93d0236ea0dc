import { useraddHighUid } from '../../../rules/dockerfile/rules/useradd-high-uid';
import { ruleTester } from '../tester';

ruleTester(useraddHighUid, {
  valid: [
    { code: 'FROM a:1\nRUN useradd -u 1000 app\n' },
    { code: 'FROM a:1\nRUN useradd -l -u 123456789 app\n' },
    { code: 'FROM a:1\nRUN useradd --no-log-init --uid 123456789 app\n' },
    { code: 'FROM a:1\nRUN useradd -lu 123456789 app\n'.replace('-lu 123456789', '-r -l -u 123456'), name: '-l among others' },
    { code: 'FROM a:1\nRUN adduser -u 123456789 app\n', name: 'adduser does not write lastlog' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN useradd -u 123456789 app\n',
      errors: [{ range: [1, 12, 1, 24], severity: 'warning', safe: true, message: '`-l`' }],
      output: 'FROM a:1\nRUN useradd -l -u 123456789 app\n',
    },
    {
      code: 'FROM a:1\nRUN groupadd -g 100000 g && \\\n    useradd --uid=100000 -g g app\n',
      errors: [{ range: [2, 12, 2, 24] }],
      output: 'FROM a:1\nRUN groupadd -g 100000 g && \\\n    useradd -l --uid=100000 -g g app\n',
    },
    { code: 'FROM a:1\nRUN ["useradd", "-u", "1234567", "x"]\n', name: 'exec form has no fix', errors: [{ line: 1 }], output: null },
  ],
});
