import { copyFromUnknownStage } from '../../../rules/dockerfile/rules/copy-from-unknown-stage';
import { ruleTester } from '../tester';

ruleTester(copyFromUnknownStage, {
  valid: [
    { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /a /a\n' },
    { code: 'FROM a:1 AS Build\nFROM b:1\nCOPY --from=BUILD /a /a\n', name: 'case-insensitive' },
    { code: 'FROM a:1\nFROM b:1\nCOPY --from=0 /a /a\n', name: 'index' },
    { code: 'FROM b:1\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n', name: 'image reference' },
    { code: 'FROM b:1\nCOPY --from=ghcr.io/acme/tools /bin/x /bin/x\n' },
    { code: 'ARG SRC=build\nFROM b:1\nCOPY --from=$SRC /a /a\n', name: 'variables are left alone' },
    { code: 'FROM a:1 AS build\nCOPY --from=build /a /a\n', name: 'own stage is copy-from-own-stage\'s' },
    { code: 'FROM b:1\nCOPY /a /a\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS build\nFROM alpine:3.22\nCOPY --from=biuld /app /app\n',
      errors: [{ range: [2, 12, 2, 17], message: '`biuld:latest`', severity: 'warning' }],
      output: null,
    },
    { code: 'FROM b:1\nCOPY --from=later /a /a\nFROM c:1 AS later\n', errors: [{ range: [1, 12, 1, 17], message: 'defined later (line 3)' }] },
    { code: 'FROM b:1\nCOPY --from=1 /a /a\nFROM c:1\n', errors: [{ range: [1, 12, 1, 13], message: 'no stage 1' }] },
    { code: 'FROM b:1\r\ncopy --chown=1:1 --from=nginx /a /a\r\n', name: 'bare image name; CRLF', errors: [{ range: [1, 24, 1, 29] }] },
  ],
});
