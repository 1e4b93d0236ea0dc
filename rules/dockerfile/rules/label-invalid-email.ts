import { LABEL_SCHEMA_NOTE, labelFormatRule } from '../label-format-rule';

export const labelInvalidEmail = labelFormatRule({
  id: 'dockerfile/label-invalid-email',
  alias: 'hadolint:DL3058',
  format: 'email',
  title: 'Label is not an email address',
  noun: 'an email address',
  sample: 'team@example.com',
  docs: {
    what:
      'Reports a label whose schema format is `email` and whose value is not an email address (the common RFC 5322 ' +
      '`local@domain` form).',
    why: 'A contact label is only useful if mail to it arrives: `Jane <jane@example>` or a team name are not addresses.',
    example: '# labelSchema: { maintainer: email }\nFROM alpine:3.20\nLABEL maintainer="Jane Doe"',
    fixed: 'FROM alpine:3.20\nLABEL maintainer="jane@example.com"',
    notes: LABEL_SCHEMA_NOTE + ' Display names (`Jane <jane@example.com>`) and quoted local parts are not accepted.',
  },
});
