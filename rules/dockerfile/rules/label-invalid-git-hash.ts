import { LABEL_SCHEMA_NOTE, labelFormatRule } from '../label-format-rule';

export const labelInvalidGitHash = labelFormatRule({
  id: 'dockerfile/label-invalid-git-hash',
  alias: 'hadolint:DL3055',
  format: 'hash',
  title: 'Label is not a git commit hash',
  noun: 'a git commit hash',
  sample: '3f2a9c1',
  docs: {
    what:
      'Reports a label whose schema format is `hash` and whose value is not a git object name: lower-case hex, 7 to 40 ' +
      'characters (abbreviated or full SHA-1) or 64 (SHA-256 repositories).',
    why:
      '`org.opencontainers.image.revision` ties an image to the commit it was built from. A branch name or tag can ' +
      'move, so it does not identify the source.',
    example: '# labelSchema: { org.opencontainers.image.revision: hash }\nFROM alpine:3.20\nLABEL org.opencontainers.image.revision="main"',
    fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision="3f2a9c1d5e7b"',
    notes:
      LABEL_SCHEMA_NOTE +
      ' hadolint accepts only lengths 7 and 40; abbreviated hashes git made longer to stay unique, and SHA-256 hashes, ' +
      'are accepted here.',
  },
});
