import { LABEL_SCHEMA_NOTE, labelFormatRule } from '../label-format-rule';

export const labelInvalidRfc3339 = labelFormatRule({
  id: 'dockerfile/label-invalid-rfc3339',
  alias: 'hadolint:DL3053',
  format: 'rfc3339',
  title: 'Label is not an RFC 3339 timestamp',
  noun: 'an RFC 3339 date-time',
  sample: '2025-01-31T12:00:00Z',
  docs: {
    what:
      'Reports a label whose schema format is `rfc3339` and whose value is not an RFC 3339 date-time with a time zone ' +
      '(`2025-01-31T12:00:00Z`, `2025-01-31T13:00:00.5+01:00`), including impossible dates such as February 30.',
    why:
      '`org.opencontainers.image.created` and similar labels are parsed by tools that sort and compare images by date; ' +
      'a date without time zone, or in another format, is ambiguous or unreadable for them.',
    example: '# labelSchema: { org.opencontainers.image.created: rfc3339 }\nFROM alpine:3.20\nLABEL org.opencontainers.image.created="31/01/2025"',
    fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2025-01-31T12:00:00Z"',
    notes: LABEL_SCHEMA_NOTE,
  },
});
