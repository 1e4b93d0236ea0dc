import type { Report, Rule } from '../../types';
import type { DockerfileModel, Stage } from '../model';

export const stageNameDuplicate: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/stage-name-duplicate',
    kind: 'dockerfile',
    severity: 'error',
    tier: 2,
    title: 'Two stages share a name',
    aliases: ['hadolint:DL3024'],
    fix: 'none',
    docs: {
      what: 'Reports a `FROM … AS <name>` whose name (compared case-insensitively) an earlier stage already uses.',
      why:
        'BuildKit rejects duplicate stage names; older builders let the later stage shadow the earlier one, so ' +
        '`COPY --from=<name>` and `--target <name>` silently pick a different stage than the reader expects.',
      example: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22 AS build\nRUN npm run build',
      fixed: 'FROM node:22 AS deps\nRUN npm ci\nFROM node:22 AS build\nRUN npm run build',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const seen = new Map<string, Stage>();
    for (const stage of model.stages) {
      if (!stage.name) continue;
      const first = seen.get(stage.name);
      if (!first) {
        seen.set(stage.name, stage);
        continue;
      }
      reports.push({
        message: `Stage name \`${stage.from.getBuildStage()}\` is already used on line ${first.from.getRange().start.line + 1}; give this stage another name.`,
        range: stage.from.getBuildStageRange() ?? stage.from.getRange(),
      });
    }
    return reports;
  },
};
