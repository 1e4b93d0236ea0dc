import { sudo } from '../../../rules/dockerfile/rules/sudo';
import { ruleTester } from '../tester';

ruleTester(sudo, {
  valid: [
    { code: 'FROM a:1\nRUN apt-get install -y sudo\n', name: 'installing it is not running it' },
    { code: 'FROM a:1\nRUN echo sudo\n' },
  ],
  invalid: [
    {
      name: 'ONBUILD RUN trigger, as hadolint checks it',
      code: 'FROM debian:12\nONBUILD RUN sudo make install\n',
      errors: [{ range: [1, 12, 1, 16] }],
      output: 'FROM debian:12\nONBUILD RUN make install\n',
    },
    {
      code: 'FROM a:1\nRUN sudo apt-get install -y curl\n',
      errors: [{ range: [1, 4, 1, 8], severity: 'warning', safe: false }],
      output: 'FROM a:1\nRUN apt-get install -y curl\n',
    },
    {
      name: 'options go with it',
      code: 'FROM a:1\nRUN make && sudo -u app -E make install\n',
      errors: [{ range: [1, 12, 1, 16] }],
      output: 'FROM a:1\nRUN make && make install\n',
    },
    { name: 'after env', code: 'FROM a:1\nRUN env A=1 sudo make\n', errors: [{ range: [1, 12, 1, 16] }], output: 'FROM a:1\nRUN env A=1 make\n' },
    { name: 'bare sudo has no fix', code: 'FROM a:1\nRUN sudo -i\n', errors: [{ range: [1, 4, 1, 8] }], output: null },
    { name: 'exec form has no fix', code: 'FROM a:1\nRUN ["sudo", "make"]\n', errors: [{ range: [1, 5, 1, 11] }], output: null },
    {
      name: 'continuation and heredoc',
      code: 'FROM a:1\nRUN true && \\\n    sudo \\\n    make\nRUN <<EOF\nsudo make\nEOF\n',
      errors: [{ range: [2, 4, 2, 8] }, { range: [5, 0, 5, 4] }],
      output: 'FROM a:1\nRUN true && \\\n    make\nRUN <<EOF\nmake\nEOF\n',
    },
  ],
});
