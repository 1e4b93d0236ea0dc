import { lnBinSh } from '../../../rules/dockerfile/rules/ln-bin-sh';
import { ruleTester } from '../tester';

ruleTester(lnBinSh, {
  valid: [
    { code: 'FROM a:1\nSHELL ["/bin/bash", "-c"]\n' },
    { code: 'FROM a:1\nRUN ln -s /usr/bin/python3 /usr/bin/python\n' },
  ],
  invalid: [
    { code: 'FROM a:1\nRUN ln -sf /bin/bash /bin/sh\n', errors: [{ range: [1, 21, 1, 28], severity: 'warning' }], output: null },
    { code: 'FROM a:1\nRUN rm /bin/sh && \\\n  ln -s /bin/bash /bin/sh\n', errors: [{ range: [2, 18, 2, 25] }] },
  ],
});
