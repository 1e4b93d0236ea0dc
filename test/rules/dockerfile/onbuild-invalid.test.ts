import { onbuildInvalid } from '../../../rules/dockerfile/rules/onbuild-invalid';
import { ruleTester } from '../tester';

ruleTester(onbuildInvalid, {
  valid: [
    { code: 'FROM a:1\nONBUILD COPY . /app\nONBUILD RUN make\n' },
  ],
  invalid: [
    { code: 'FROM a:1\nONBUILD FROM b:1\n', errors: [{ range: [1, 8, 1, 12], severity: 'error', message: '`ONBUILD FROM`' }], output: null },
    { code: 'FROM a:1\nONBUILD ONBUILD RUN x\n', errors: [{ range: [1, 8, 1, 15] }] },
    { code: 'FROM a:1\r\nonbuild maintainer me\r\n', name: 'lower case, CRLF', errors: [{ range: [1, 8, 1, 18], message: 'MAINTAINER' }] },
  ],
});
