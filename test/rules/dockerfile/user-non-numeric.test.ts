import { userNonNumeric } from '../../../rules/dockerfile/rules/user-non-numeric';
import { ruleTester } from '../tester';

ruleTester(userNonNumeric, {
  valid: [
    { code: 'FROM a:1\nUSER 10001\n' },
    { code: 'FROM a:1\nUSER 1000:1000\n' },
    { code: 'FROM a:1\nARG UID=1000\nUSER $UID\n', name: 'from a build argument' },
    { code: 'FROM a:1 AS build\nUSER builder\nFROM b:1\nUSER 1000\n', name: 'only the final stage' },
  ],
  invalid: [
    { code: 'FROM node:22\nUSER node\n', errors: [{ range: [1, 5, 1, 9], severity: 'info', message: 'numeric UID' }], output: null },
    { code: 'FROM a:1\nUSER app:app\n', errors: [{ line: 1, message: '`USER app:app`' }] },
  ],
});
