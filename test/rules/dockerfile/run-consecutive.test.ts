import { runConsecutive } from '../../../rules/dockerfile/rules/run-consecutive';
import { ruleTester } from '../tester';

ruleTester(runConsecutive, {
  valid: [
    { code: 'FROM a:1\nRUN a\nWORKDIR /x\nRUN b\n' },
    { code: 'FROM a:1\nRUN a && b && c\nRUN d\n', name: 'long steps are deliberate' },
    { code: 'FROM a:1\nRUN make deps && make\nRUN make test\n', name: 'a chained step before a single command' },
    { code: 'FROM a:1\nRUN ./configure\nRUN make; make install\n', name: 'a single command before a chained step' },
    { code: 'FROM a:1\nRUN --mount=type=cache,target=/c a\nRUN b\n', name: 'different flags' },
    { code: 'FROM a:1\nRUN a\nFROM b:1\nRUN b\n', name: 'per stage' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ range: [2, 0, 2, 3], severity: 'info', safe: false }],
      output: 'FROM a:1\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    {
      name: 'a chain of three',
      code: 'FROM a:1\nRUN a\nRUN b\nRUN c\n',
      errors: [{ line: 2 }, { line: 3 }],
      output: 'FROM a:1\nRUN a && \\\n    b && \\\n    c\n',
    },
    { name: 'comments do not separate but block the fix', code: 'FROM a:1\nRUN a\n# why\nRUN b\n', errors: [{ line: 3 }], output: null },
    {
      name: 'same mount flags; CRLF',
      code: 'FROM a:1\r\nRUN --mount=type=cache,target=/c a\r\nRUN --mount=type=cache,target=/c b\r\n',
      errors: [{ line: 2 }],
      output: 'FROM a:1\r\nRUN --mount=type=cache,target=/c a && \\\r\n    b\r\n',
    },
    { name: 'exec form is not merged', code: 'FROM a:1\nRUN ["a"]\nRUN b\n', errors: [{ line: 2 }], output: null },
    { name: 'heredocs are not merged', code: 'FROM a:1\nRUN <<EOF\na\nEOF\nRUN b\n', errors: [{ line: 4 }], output: null },
  ],
});
