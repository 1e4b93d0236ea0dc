import type { Onbuild } from 'dockerfile-ast';
import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { keywordOf } from '../keywords';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export const onbuildInvalid: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/onbuild-invalid',
    kind: 'dockerfile',
    severity: 'error',
    tier: 2,
    title: 'ONBUILD triggers an instruction it may not',
    aliases: ['hadolint:DL3043'],
    fix: 'none',
    docs: {
      what: 'Reports `ONBUILD ONBUILD …`, `ONBUILD FROM …` and `ONBUILD MAINTAINER …`.',
      why:
        'Docker refuses these triggers: chaining `ONBUILD` is not allowed, and `FROM`/`MAINTAINER` cannot run inside ' +
        'a child image\'s build. The error only shows when someone builds an image on top of yours, far from this file.',
      example: 'FROM node:22\nONBUILD FROM node:22',
      fixed: 'FROM node:22\nONBUILD COPY . /app',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const instruction of model.instructions) {
      if (keywordOf(instruction) !== 'ONBUILD') continue;
      const onbuild = instruction as Onbuild;
      const trigger = onbuild.getTrigger()?.toUpperCase();
      const range = onbuild.getTriggerRange();
      if (!trigger || !range || !FORBIDDEN.has(trigger)) continue;
      reports.push({ message: `\`ONBUILD ${trigger}\` is not allowed: Docker rejects it when a child image builds.`, range });
    }
    return reports;
  },
};
