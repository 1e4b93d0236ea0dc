import { copyFromOwnStage } from '../../../rules/dockerfile/rules/copy-from-own-stage';
import { ruleTester } from '../tester';

ruleTester(copyFromOwnStage, {
  valid: [
    { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /a /a\n' },
    { code: 'FROM a:1\nFROM b:1\nCOPY --from=0 /a /a\n' },
    { code: 'FROM a:1 AS x\nCOPY --from=y /a /a\n' },
  ],
  invalid: [
    { code: 'FROM a:1 AS build\nCOPY --from=build /a /a\n', errors: [{ range: [1, 12, 1, 17], severity: 'error' }], output: null },
    { code: 'FROM a:1 AS Build\nCOPY --from=build /a /a\n', name: 'case-insensitive', errors: [{ line: 1 }] },
    { code: 'FROM a:1\nFROM b:1\nCOPY --from=1 /a /a\n', name: 'by index', errors: [{ range: [2, 12, 2, 13] }] },
  ],
});
