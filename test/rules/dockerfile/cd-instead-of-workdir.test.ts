import { cdInsteadOfWorkdir } from '../../../rules/dockerfile/rules/cd-instead-of-workdir';
import { ruleTester } from '../tester';

ruleTester(cdInsteadOfWorkdir, {
  valid: [
    { code: 'FROM a:1\nWORKDIR /app\nRUN make\n' },
    { code: 'FROM a:1\nRUN (cd /tmp/src && make install)\n', name: 'subshell scope is explicit' },
    { code: 'FROM a:1\nRUN echo cd /x\n' },
  ],
  invalid: [
    { code: 'FROM a:1\nRUN cd /app && npm ci\n', errors: [{ range: [1, 4, 1, 6], message: '`WORKDIR /app`', severity: 'warning' }], output: null },
    {
      name: 'a relative cd is suggested as an absolute WORKDIR, inherited from the stage built on',
      code: 'FROM a:1 AS web\nWORKDIR /build/web\nRUN cd default && bun run build\nFROM web\nWORKDIR ../api\nRUN cd ./cmd/../src && go build\n',
      errors: [{ line: 2, message: '`WORKDIR /build/web/default`' }, { line: 5, message: '`WORKDIR /build/api/src`' }],
      output: null,
    },
    { name: 'no WORKDIR to resolve against', code: 'FROM a:1\nRUN cd src && make\n', errors: [{ message: '`WORKDIR /<dir>/src`' }], output: null },
    { code: 'FROM a:1\nRUN git clone x && \\\n  cd x && make\n', errors: [{ range: [2, 2, 2, 4] }] },
    { code: 'FROM a:1\r\nRUN <<EOF\r\ncd /src\r\nmake\r\nEOF\r\n', name: 'heredoc, CRLF', errors: [{ range: [2, 0, 2, 2] }] },
  ],
});
