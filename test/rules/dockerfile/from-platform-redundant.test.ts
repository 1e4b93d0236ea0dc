import { fromPlatformRedundant } from '../../../rules/dockerfile/rules/from-platform-redundant';
import { ruleTester } from '../tester';

ruleTester(fromPlatformRedundant, {
  valid: [
    { code: 'FROM --platform=$BUILDPLATFORM golang:1.25 AS build\n', name: 'the cross-compilation idiom' },
    { code: 'FROM alpine:3.22\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.22\nCMD ["sh"]\n',
      errors: [{ range: [0, 5, 0, 31], safe: true, severity: 'warning' }],
      output: 'FROM alpine:3.22\nCMD ["sh"]\n',
    },
    {
      code: 'FROM --platform=${TARGETPLATFORM} alpine:3.22 AS run\n',
      errors: [{ line: 0, message: 'is what a stage gets anyway' }],
      output: 'FROM alpine:3.22 AS run\n',
    },
  ],
});
