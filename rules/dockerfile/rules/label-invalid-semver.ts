import { LABEL_SCHEMA_NOTE, labelFormatRule } from '../label-format-rule';

export const labelInvalidSemver = labelFormatRule({
  id: 'dockerfile/label-invalid-semver',
  alias: 'hadolint:DL3056',
  format: 'semver',
  title: 'Label is not a semantic version',
  noun: 'a semantic version',
  sample: '1.4.2',
  docs: {
    what:
      'Reports a label whose schema format is `semver` and whose value is not a Semantic Versioning 2.0.0 version ' +
      '(`1.4.2`, `2.0.0-rc.1`, `1.0.0+build.5`).',
    why:
      'Tools compare versions to decide what is newer. `v1.4`, `1.4` or `latest` cannot be ordered reliably, so ' +
      'promotions and update checks go wrong.',
    example: '# labelSchema: { org.opencontainers.image.version: semver }\nFROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.4"',
    fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.0"',
    notes: LABEL_SCHEMA_NOTE + ' A leading `v` is not part of a semantic version and is reported.',
  },
});
