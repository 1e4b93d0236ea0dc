import { useraddHighUid } from '../../../rules/dockerfile/rules/useradd-high-uid';
import { ruleTester } from '../tester';

ruleTester(useraddHighUid, {
  valid: [
    { code: 'FROM a:1\nRUN useradd -u 1000 app\n' },
    { code: 'FROM a:1\nRUN useradd -l -u 123456789 app\n' },
    { code: 'FROM a:1\nRUN useradd --no-log-init --uid 123456789 app\n' },
    { code: 'FROM a:1\nRUN useradd -lu 123456789 app\n'.replace('-lu 123456789', '-r -l -u 123456'), name: '-l among others' },
    { code: 'FROM a:1\nRUN adduser -u 123456789 app\n', name: 'adduser does not write lastlog' },
    { code: 'FROM debian:12\nARG GF_UID="472"\nRUN useradd -r -u $GF_UID grafana\n', name: 'a variable whose default is a small UID' },
    { code: 'FROM debian:12\nRUN useradd -u "${APP_UID}" app\n', name: 'a variable with no known value' },
  ],
  invalid: [
    {
      name: 'a variable whose default is a high UID, via a global ARG and an ENV',
      code: 'ARG BIG_UID=1000000\nFROM debian:12\nARG BIG_UID\nENV APP_UID=${BIG_UID}\nRUN useradd -u ${APP_UID} app\n',
      errors: [{ line: 4, message: 'UID ${APP_UID} (1000000)' }],
      output: 'ARG BIG_UID=1000000\nFROM debian:12\nARG BIG_UID\nENV APP_UID=${BIG_UID}\nRUN useradd -l -u ${APP_UID} app\n',
    },
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
