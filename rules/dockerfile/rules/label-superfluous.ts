import type { Report, Rule } from '../../types';
import { labelPairs, schemaOf } from '../labels';
import type { DockerfileModel } from '../model';

export const labelSuperfluous: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/label-superfluous',
    kind: 'dockerfile',
    severity: 'info',
    tier: 2,
    title: 'Label outside the label schema',
    aliases: ['hadolint:DL3050'],
    fix: 'none',
    docs: {
      what: 'With `strictLabels: true`, reports every `LABEL` key that the configured label schema does not list.',
      why:
        'A strict schema keeps labels a controlled vocabulary: typos (`org.opencontainers.image.lisence`) and ad-hoc keys ' +
        'show up instead of silently carrying data nobody reads.',
      example: '# labelSchema: { org.opencontainers.image.version: semver }, strictLabels: true\nFROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0.0" build-host="ci-7"',
      fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.0.0"',
      notes:
        'Silent unless `strictLabels: true` (`strict-labels` in `.hadolint.yaml`). As in hadolint, strict labels with an ' +
        'empty schema report every label. The finding sits on each extra key rather than on the whole instruction.',
    },
  },
  check(model, context) {
    if (!context.config.strictLabels) return [];
    const schema = schemaOf(context);
    const reports: Report[] = [];
    for (const pair of labelPairs(model)) {
      if (Object.prototype.hasOwnProperty.call(schema, pair.name) || pair.name.includes('$')) continue;
      reports.push({ message: `Label \`${pair.name}\` is not in the label schema (strictLabels): remove it or add it to the schema.`, range: pair.nameRange });
    }
    return reports;
  },
};
