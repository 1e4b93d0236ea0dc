import { workdirRelative } from '../../../rules/dockerfile/rules/workdir-relative';
import { ruleTester } from '../tester';

ruleTester(workdirRelative, {
  valid: [
    { code: 'FROM a:1\nWORKDIR /app\n' },
    { code: 'FROM a:1\nWORKDIR "/srv/my app"\n' },
    { code: 'FROM a:1\nWORKDIR $HOME/app\n', name: 'decided by a variable' },
    { code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n', name: 'Windows drive path' },
  ],
  invalid: [
    { code: 'FROM a:1\nWORKDIR app\n', errors: [{ range: [1, 8, 1, 11], message: 'relative to the previous WORKDIR', severity: 'error' }], output: null },
    { code: 'from a:1\nworkdir ./src/app\r\n', errors: [{ line: 1, message: '`/./src/app`' }] },
  ],
});
