import { cmdMultiple } from '../../../rules/dockerfile/rules/cmd-multiple';
import { ruleTester } from '../tester';

ruleTester(cmdMultiple, {
  valid: [
    { code: 'FROM a:1\nCMD ["a"]\n' },
    { code: 'FROM a:1 AS x\nCMD ["a"]\nFROM b:1\nCMD ["b"]\n', name: 'one per stage' },
    { code: 'FROM a:1\nONBUILD CMD ["x"]\nCMD ["a"]\n', name: 'ONBUILD CMD is not counted' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nCMD ["a"]\nCMD ["b"]\n',
      errors: [{ range: [1, 0, 1, 3], message: 'line 3', severity: 'warning', safe: true }],
      output: 'FROM a:1\nCMD ["b"]\n',
    },
    {
      name: 'continuation lines go with the deleted CMD; last line without newline',
      code: 'FROM a:1\nCMD echo a \\\n  b\n# keep me\nCMD ["c"]\nCMD ["d"]',
      errors: [{ line: 1 }, { line: 4 }],
      output: 'FROM a:1\n# keep me\nCMD ["d"]',
    },
    { name: 'CRLF', code: 'FROM a:1\r\ncmd a\r\nCMD b\r\n', errors: [{ range: [1, 0, 1, 3] }], output: 'FROM a:1\r\nCMD b\r\n' },
  ],
});
