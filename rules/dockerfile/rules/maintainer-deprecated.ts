import type { Report, Rule } from '../../types';
import { instructionsOf } from '../instruction-words';
import type { DockerfileModel } from '../model';

// MAINTAINER has been deprecated since Docker 1.13 in favour of a label, which tools (registry
// UIs, SBOM generators, `docker inspect --format`) actually read.

export const maintainerDeprecated: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/maintainer-deprecated',
    kind: 'dockerfile',
    severity: 'error',
    tier: 2,
    title: 'MAINTAINER is deprecated',
    aliases: ['hadolint:DL4000'],
    fix: 'safe',
    docs: {
      what: 'Reports the `MAINTAINER` instruction.',
      why:
        '`MAINTAINER` is deprecated. The OCI annotation `org.opencontainers.image.authors` carries the same ' +
        'information as a label, which registries, scanners and `docker inspect` understand.',
      example: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>',
      fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
      notes:
        'The quick fix rewrites the instruction into the label, quoting the text and escaping `"`, `$` and the escape ' +
        'character so the text stays what `MAINTAINER` recorded (runs of blanks from continuation lines become one space). Lower-case `maintainer` becomes `label`.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const instruction of instructionsOf(model, 'MAINTAINER')) {
      const keyword = instruction.getInstructionRange();
      const written = instruction.getInstruction();
      const value = (instruction.getArgumentsContent() ?? '').replace(/\s+/g, ' ').trim();
      const escape = model.escapeChar;
      const quoted = value.replace(new RegExp(`[${escape === '\\' ? '\\\\' : escape}"$]`, 'g'), (c) => escape + c);
      const label = `${written === written.toLowerCase() ? 'label' : 'LABEL'} org.opencontainers.image.authors="${quoted}"`;
      const range = instruction.getRange();
      reports.push({
        message: `MAINTAINER is deprecated: use \`LABEL org.opencontainers.image.authors="…"\`.`,
        range: keyword,
        ...(value
          ? {
              fix: {
                title: 'Replace MAINTAINER with an org.opencontainers.image.authors label',
                edits: [{ range: { start: keyword.start, end: range.end }, newText: label }],
                safe: true,
              },
            }
          : {}),
      });
    }
    return reports;
  },
};
