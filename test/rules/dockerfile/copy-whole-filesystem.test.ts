import { copyWholeFilesystem } from '../../../rules/dockerfile/rules/copy-whole-filesystem';
import { ruleTester } from '../tester';

ruleTester(copyWholeFilesystem, {
  valid: [
    { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /out/app /app\n' },
    { code: 'FROM b:1\nCOPY . /\n', name: 'the build context is not another stage' },
    { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build / /rootfs/\n', name: 'into a subfolder' },
  ],
  invalid: [
    { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --from=build / /\n', errors: [{ range: [2, 18, 2, 21], severity: 'warning' }], output: null },
    { code: 'FROM a:1 AS build\nFROM b:1\nCOPY --chown=1:1 --from=build "/" "/"\n', errors: [{ line: 2 }] },
  ],
});
