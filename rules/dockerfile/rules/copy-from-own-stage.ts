import type { Report, Rule } from '../../types';
import { copyFroms } from '../copy-from';
import type { DockerfileModel } from '../model';

export const copyFromOwnStage: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/copy-from-own-stage',
    kind: 'dockerfile',
    severity: 'error',
    tier: 2,
    title: 'COPY --from names its own stage',
    aliases: ['hadolint:DL3023'],
    fix: 'none',
    docs: {
      what: 'Reports `COPY --from=<name>` inside the stage called `<name>` (by name or by index).',
      why:
        'A stage cannot copy from itself: the build fails with a dependency cycle. Usually the `--from` was meant for ' +
        'the previous stage, or the `AS` name was copied along with a block of lines.',
      example: 'FROM node:22 AS build\nCOPY --from=build /src/dist /app',
      fixed: 'FROM node:22 AS deps\nRUN npm ci\nFROM node:22 AS build\nCOPY --from=deps /src/node_modules /app/node_modules',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { stage, value, range } of copyFroms(model)) {
      const own = value.toLowerCase() === stage.name || value === String(stage.index);
      if (!own) continue;
      reports.push({ message: `\`--from=${value}\` is the stage this COPY is in; a stage cannot copy from itself.`, range });
    }
    return reports;
  },
};
