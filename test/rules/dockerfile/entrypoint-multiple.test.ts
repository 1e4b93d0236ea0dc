import { entrypointMultiple } from '../../../rules/dockerfile/rules/entrypoint-multiple';
import { ruleTester } from '../tester';

ruleTester(entrypointMultiple, {
  valid: [
    { code: 'FROM a:1\nENTRYPOINT ["a"]\nCMD ["x"]\n' },
    { code: 'FROM a:1 AS x\nENTRYPOINT ["a"]\nFROM x\nENTRYPOINT ["b"]\n', name: 'one per stage' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nENTRYPOINT ["/usr/bin/tini", "--"]\n  ENTRYPOINT ["/app"]\n',
      errors: [{ range: [1, 0, 1, 10], severity: 'error', safe: true }],
      output: 'FROM a:1\n  ENTRYPOINT ["/app"]\n',
    },
    {
      code: 'FROM a:1\nENTRYPOINT a\nENTRYPOINT b\nENTRYPOINT c\n',
      errors: [{ line: 1 }, { line: 2 }],
      output: 'FROM a:1\nENTRYPOINT c\n',
    },
  ],
});
