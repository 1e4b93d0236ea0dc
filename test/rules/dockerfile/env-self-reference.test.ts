import { envSelfReference } from '../../../rules/dockerfile/rules/env-self-reference';
import { ruleTester } from '../tester';

ruleTester(envSelfReference, {
  valid: [
    { code: 'FROM alpine:3.20\nENV APP_HOME=/opt/app\nENV PATH=$APP_HOME/bin:$PATH\n' },
    { name: 'own old value', code: 'FROM alpine:3.20\nENV PATH=/x:$PATH LD_LIBRARY_PATH=/y:${LD_LIBRARY_PATH}\n' },
    { name: 'forward reference to a variable defined earlier means the old value', code: 'FROM alpine:3.20\nARG VERSION=1\nENV URL=https://x/$VERSION VERSION=2\n' },
    { name: 'single quotes and escapes are literal', code: "FROM alpine:3.20\nENV A=1 B='$A' C=\\$A\n" },
    { name: 'longer names do not match', code: 'FROM alpine:3.20\nENV A=1 B=$AB C=${A_B}\n' },
    { name: 'separate ENVs in another stage', code: 'FROM alpine:3.20 AS a\nENV X=1\nFROM a\nENV Y=$X\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nENV APP_HOME=/opt/app PATH=$APP_HOME/bin:$PATH\n',
      errors: [{ range: [1, 27, 1, 36], message: /`\$APP_HOME` is expanded before this ENV runs, so it does not see `APP_HOME=\/opt\/app`/, severity: 'error' }],
      output: null,
    },
    {
      name: 'braced form, quotes, lower-case',
      code: 'FROM alpine:3.20\nenv A=1 B="${A:-0}/x"\n',
      errors: [{ range: [1, 11, 1, 18] }],
    },
    {
      name: 'forward reference to something not yet defined',
      code: 'FROM alpine:3.20\nENV B=$A A=1\n',
      errors: [{ range: [1, 6, 1, 8], message: 'assigned later in this same ENV' }],
    },
    {
      name: 'earlier definition elsewhere does not help a backward reference',
      code: 'FROM alpine:3.20\nENV A=0\nENV A=1 B=$A\n',
      errors: [{ range: [2, 10, 2, 12] }],
    },
    {
      name: 'continuation lines and CRLF',
      code: 'FROM alpine:3.20\r\nENV JAVA_HOME=/opt/java \\\r\n    # java\r\n    PATH=${JAVA_HOME}/bin:$PATH\r\n',
      errors: [{ range: [3, 9, 3, 21] }],
    },
  ],
});
