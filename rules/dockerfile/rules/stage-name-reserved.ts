import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';

const RESERVED = new Set(['scratch', 'context']);

export const stageNameReserved: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/stage-name-reserved',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'Stage named with a reserved word',
    aliases: ['hadolint:DL3063'],
    fix: 'none',
    docs: {
      what: 'Reports a stage named `scratch` or `context` (`FROM … AS scratch`).',
      why:
        '`scratch` already names the empty image and `context` a build context, so `FROM scratch` or `COPY --from=context` ' +
        'after such a stage no longer means what it says, and BuildKit warns about it.',
      example: 'FROM golang:1.25 AS scratch\nRUN go build -o /app .\nFROM alpine:3.22\nCOPY --from=scratch /app /app',
      fixed: 'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM alpine:3.22\nCOPY --from=build /app /app',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      const range = stage.from.getBuildStageRange();
      if (!stage.name || !range || !RESERVED.has(stage.name)) continue;
      reports.push({ message: `\`${stage.name}\` is a reserved word; give the stage another name (e.g. \`build\`).`, range });
    }
    return reports;
  },
};
