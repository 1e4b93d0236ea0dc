import { inlineIgnore } from '../../../rules/dockerfile/rules/inline-ignore';
import { ruleTester } from '../tester';

ruleTester(inlineIgnore, {
  valid: [{ code: 'FROM a:1\n# install the tools\nRUN true\n' }],
  invalid: [
    {
      code: 'FROM a:1\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n  # shipshape-ignore dockerfile/sudo\nRUN sudo true\n',
      errors: [{ range: [1, 0, 1, 24], message: 'keep accepted exceptions in .shipshape.yaml' }, { range: [3, 2, 3, 36] }],
      output: null,
    },
  ],
});
