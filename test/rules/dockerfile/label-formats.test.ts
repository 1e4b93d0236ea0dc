import { labelInvalidEmail } from '../../../rules/dockerfile/rules/label-invalid-email';
import { labelInvalidGitHash } from '../../../rules/dockerfile/rules/label-invalid-git-hash';
import { labelInvalidRfc3339 } from '../../../rules/dockerfile/rules/label-invalid-rfc3339';
import { labelInvalidSemver } from '../../../rules/dockerfile/rules/label-invalid-semver';
import { labelInvalidSpdx } from '../../../rules/dockerfile/rules/label-invalid-spdx';
import { labelInvalidUrl } from '../../../rules/dockerfile/rules/label-invalid-url';
import type { LabelFormat, Rule } from '../../../rules/types';
import { ruleTester } from '../tester';

// One table per format rule: the same shape (label `x` of the tested format), different values.
function formatCases(rule: Rule, format: LabelFormat, good: string[], bad: string[]): void {
  const config = { labelSchema: { x: format, other: 'text' as const } };
  ruleTester(rule, {
    valid: [
      { name: 'no schema: silent', code: `FROM alpine:3.20\nLABEL x="${bad[0]}"\n` },
      { name: 'a label of another format', code: `FROM alpine:3.20\nLABEL other="${bad[0]}"\n`, config },
      { name: 'variables are only known at build time', code: 'FROM alpine:3.20\nARG V\nLABEL x="${V}"\n', config },
      { name: 'empty is label-empty\'s job', code: 'FROM alpine:3.20\nLABEL x=""\n', config },
      ...good.map((value) => ({ name: `good: ${value}`, code: `FROM alpine:3.20\nLABEL x="${value}"\n`, config })),
    ],
    invalid: [
      {
        name: `bad: ${bad[0]} (exact range on the value)`,
        code: `FROM alpine:3.20\nLABEL x="${bad[0]}"\n`,
        config,
        errors: [{ range: [1, 8, 1, 10 + bad[0].length], message: `\`${bad[0]}\` is not`, severity: 'warning' }],
        output: null,
      },
      ...bad.slice(1).map((value) => ({
        name: `bad: ${value}`,
        code: `FROM alpine:3.20 AS a\r\nlabel other=1 \\\r\n  x="${value}"\r\nFROM a\r\n`,
        config,
        errors: [{ range: [2, 4, 2, 6 + value.length] as [number, number, number, number] }],
      })),
    ],
  });
}

formatCases(labelInvalidUrl, 'url', ['https://github.com/acme/app', 'http://localhost:8080/x?y=1', 'mailto:a@b.io', 'urn:isbn:0451450523'], [
  'github.com/acme/app',
  'not a url',
  '/docs/index.html',
  'https://',
]);
formatCases(labelInvalidRfc3339, 'rfc3339', ['2025-01-31T12:00:00Z', '2024-02-29T23:59:59.123+02:00', '2025-06-01t08:00:00-05:30'], [
  '31/01/2025',
  '2025-01-31',
  '2025-02-30T00:00:00Z',
  '2025-01-31T12:00:00',
  '2025-13-01T00:00:00Z',
]);
formatCases(labelInvalidSemver, 'semver', ['1.4.2', '0.0.1', '2.0.0-rc.1', '1.0.0-alpha+build.5', '10.20.30'], ['v1.4.2', '1.4', 'latest', '01.2.3', '1.2.3-']);
formatCases(labelInvalidGitHash, 'hash', ['3f2a9c1', '3f2a9c1d5e7b', '0123456789abcdef0123456789abcdef01234567'], ['main', '3F2A9C1', 'abc12', 'v1.0.0']);
formatCases(labelInvalidSpdx, 'spdx', ['MIT', 'Apache-2.0', 'GPL-3.0-or-later', 'MIT OR Apache-2.0', '(MIT AND BSD-3-Clause)', 'GPL-2.0-only WITH Classpath-exception-2.0', 'LicenseRef-Acme', 'mit'], [
  'Apache 2',
  'GPLv3',
  'MIT OR',
  '(MIT',
  'MIT Apache-2.0',
]);
formatCases(labelInvalidEmail, 'email', ['team@example.com', 'first.last+tag@sub.example.co.uk'], ['Jane Doe', 'jane@', 'Jane <jane@example.com>', 'a@b']);
