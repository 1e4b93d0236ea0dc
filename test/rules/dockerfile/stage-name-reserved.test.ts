import { stageNameReserved } from '../../../rules/dockerfile/rules/stage-name-reserved';
import { ruleTester } from '../tester';

ruleTester(stageNameReserved, {
  valid: [{ code: 'FROM golang:1.25 AS build\nFROM scratch\nCOPY --from=build /a /a\n' }, { code: 'FROM a:1 AS scratchpad\n' }],
  invalid: [
    { code: 'FROM golang:1.25 AS scratch\n', errors: [{ range: [0, 20, 0, 27], message: '`scratch` is a reserved word', severity: 'warning' }], output: null },
    { code: 'FROM a:1 as Context\n', errors: [{ line: 0, message: '`context`' }] },
  ],
});
