import { LABEL_SCHEMA_NOTE, labelFormatRule } from '../label-format-rule';

export const labelInvalidSpdx = labelFormatRule({
  id: 'dockerfile/label-invalid-spdx',
  alias: 'hadolint:DL3054',
  format: 'spdx',
  title: 'Label is not an SPDX license expression',
  noun: 'an SPDX license expression',
  sample: 'Apache-2.0',
  docs: {
    what:
      'Reports a label whose schema format is `spdx` and whose value is not an SPDX license expression: known license ' +
      'ids (`MIT`, `Apache-2.0`, `GPL-3.0-or-later`, ...), `LicenseRef-…` custom ids, combined with `AND`, `OR`, ' +
      '`WITH` and parentheses.',
    why:
      '`org.opencontainers.image.licenses` is read by SBOM generators and license scanners. `Apache 2`, `GPLv3` or ' +
      '`BSD` are not identifiers they can match, so the image shows up as unlicensed or unknown.',
    example: '# labelSchema: { org.opencontainers.image.licenses: spdx }\nFROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache 2"',
    fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache-2.0"',
    notes:
      LABEL_SCHEMA_NOTE +
      ' Identifiers are checked against the licenses container images commonly carry, not the full SPDX list; any ' +
      'other license can be written as `LicenseRef-<name>`.',
  },
});
