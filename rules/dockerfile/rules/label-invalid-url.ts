import { LABEL_SCHEMA_NOTE, labelFormatRule } from '../label-format-rule';

export const labelInvalidUrl = labelFormatRule({
  id: 'dockerfile/label-invalid-url',
  alias: 'hadolint:DL3052',
  format: 'url',
  title: 'Label is not a valid URL',
  noun: 'an absolute URL',
  sample: 'https://example.com/docs',
  docs: {
    what: 'Reports a label whose schema format is `url` and whose value is not an absolute URI (RFC 3986): a scheme, a colon, then the rest without spaces.',
    why:
      'Labels such as `org.opencontainers.image.source` or `documentation` are read by registries and tools that link to ' +
      'them; a relative path or a bare host name gives them a broken link.',
    example: '# labelSchema: { org.opencontainers.image.source: url }\nFROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/acme/app"',
    fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app"',
    notes: LABEL_SCHEMA_NOTE,
  },
});
