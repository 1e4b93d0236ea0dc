import type { Report, Rule } from '../../types';
import { shippedStages } from '../instruction-words';
import { labelPairs, schemaOf } from '../labels';
import { LABEL_SCHEMA_NOTE } from '../label-format-rule';
import type { DockerfileModel } from '../model';

export const labelMissing: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/label-missing',
    kind: 'dockerfile',
    severity: 'info',
    tier: 2,
    title: 'Required label missing',
    aliases: ['hadolint:DL3049'],
    fix: 'none',
    docs: {
      what:
        'Reports each label of the configured label schema that the shipped image does not set: neither the final ' +
        'stage nor a stage it is built `FROM` has a `LABEL` with that key.',
      why:
        'Teams use required labels (source repository, revision, version, owner, license) to trace an image in a ' +
        'registry back to its code and its owners. A missing label is found when someone needs it — during an ' +
        'incident.',
      example: '# labelSchema: { org.opencontainers.image.source: url }\nFROM alpine:3.20\nCMD ["/app"]',
      fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\nCMD ["/app"]',
      notes:
        LABEL_SCHEMA_NOTE +
        ' Only the image that ships is judged — hadolint reports every stage that lacks the label — and the finding ' +
        'sits on the final stage\'s `FROM`. Labels the base image already carries cannot be seen and do not count.',
    },
  },
  check(model, context) {
    const schema = schemaOf(context);
    const final = model.finalStage;
    const keys = Object.keys(schema);
    if (!final || !keys.length) return [];
    const shipped = shippedStages(model);
    const present = new Set(labelPairs(model).filter((p) => p.stage && shipped.has(p.stage)).map((p) => p.name));
    const reports: Report[] = [];
    for (const key of keys) {
      if (present.has(key)) continue;
      reports.push({
        message: `The image has no \`${key}\` label, which the label schema requires (${schema[key]}): add \`LABEL ${key}="…"\`.`,
        range: final.from.getInstructionRange(),
      });
    }
    return reports;
  },
};
