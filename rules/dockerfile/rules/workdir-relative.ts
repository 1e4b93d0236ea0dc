import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';

export const workdirRelative: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/workdir-relative',
    kind: 'dockerfile',
    severity: 'error',
    tier: 2,
    title: 'WORKDIR is a relative path',
    aliases: ['hadolint:DL3000'],
    fix: 'none',
    docs: {
      what: 'Reports `WORKDIR` with a relative path (`WORKDIR app`). Paths starting with a variable are left alone.',
      why:
        'A relative WORKDIR is resolved against whatever the previous WORKDIR was, possibly one set by the base image, ' +
        'so the directory the following instructions run in depends on an image you do not control.',
      example: 'FROM node:22\nWORKDIR app\nCOPY . .',
      fixed: 'FROM node:22\nWORKDIR /app\nCOPY . .',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const instruction of model.instructions) {
      if (instruction.getKeyword() !== 'WORKDIR') continue;
      const raw = instruction.getArgumentsContent()?.trim() ?? '';
      const path = raw.replace(/^["']|["']$/g, '');
      // Absolute on Linux or Windows (`C:\app`, `c:/app`), or decided by a variable.
      if (!path || path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('$')) continue;
      const range = instruction.getArgumentsRange();
      if (range) reports.push({ message: `\`WORKDIR ${raw}\` is relative to the previous WORKDIR; use an absolute path such as \`/${path}\`.`, range });
    }
    return reports;
  },
};
