import { stageNameDuplicate } from '../../../rules/dockerfile/rules/stage-name-duplicate';
import { ruleTester } from '../tester';

ruleTester(stageNameDuplicate, {
  valid: [
    { code: 'FROM a:1 AS build\nFROM b:1 AS test\nFROM c:1\n' },
    { code: 'FROM a:1\nFROM b:1\n' },
  ],
  invalid: [
    { code: 'FROM a:1 AS build\nFROM b:1 AS build\n', errors: [{ range: [1, 12, 1, 17], message: 'line 1', severity: 'error' }], output: null },
    { code: 'FROM a:1 as Build\nRUN x\nfrom b:1 AS build\nFROM c:1 AS BUILD\n', name: 'case-insensitive', errors: [{ range: [2, 12, 2, 17] }, { range: [3, 12, 3, 17] }] },
  ],
});
