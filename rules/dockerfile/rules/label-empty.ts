import type { Report, Rule } from '../../types';
import { labelPairs, schemaOf } from '../labels';
import { LABEL_SCHEMA_NOTE } from '../label-format-rule';
import type { DockerfileModel } from '../model';

export const labelEmpty: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/label-empty',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'Required label is empty',
    aliases: ['hadolint:DL3051'],
    fix: 'none',
    docs: {
      what: 'Reports a label of the configured label schema that is set to an empty value (`LABEL version=""`).',
      why: 'An empty required label satisfies a presence check while carrying nothing, which is worse than a missing one: nobody notices.',
      example: '# labelSchema: { org.opencontainers.image.version: semver }\nFROM alpine:3.20\nLABEL org.opencontainers.image.version=""',
      fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0.0"',
      notes: LABEL_SCHEMA_NOTE,
    },
  },
  check(model, context) {
    const schema = schemaOf(context);
    const reports: Report[] = [];
    for (const pair of labelPairs(model)) {
      if (!Object.prototype.hasOwnProperty.call(schema, pair.name) || pair.value.trim()) continue;
      reports.push({ message: `Label \`${pair.name}\` is empty: the label schema expects a \`${schema[pair.name]}\` value.`, range: pair.nameRange });
    }
    return reports;
  },
};
