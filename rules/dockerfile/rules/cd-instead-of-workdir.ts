import type { Report, Rule } from '../../types';
import { commands, rangeOfWord } from '../command-words';
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../model';

export const cdInsteadOfWorkdir: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/cd-instead-of-workdir',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'cd in RUN instead of WORKDIR',
    aliases: ['hadolint:DL3003'],
    fix: 'none',
    docs: {
      what: 'Reports `cd` in a `RUN` command, except inside a subshell `( cd dir && … )` whose scope is explicit.',
      why:
        'A `cd` lasts for one `RUN` only, so the next instruction silently runs somewhere else, and the working ' +
        'directory of the image is not what the reader expects. `WORKDIR` sets it for every later instruction and for ' +
        'the container, and creates the directory if needed.',
      example: 'RUN cd /app && npm ci',
      fixed: 'WORKDIR /app\nRUN npm ci',
      notes:
        'hadolint also reports `cd` in a subshell; Shipshape does not. There is no quick fix: moving the `cd` into a ' +
        '`WORKDIR` also changes where every later instruction runs.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { run, raw, command, name } of commands(model)) {
      if (name !== 'cd' || raw.before === '(') continue;
      const target = suggestedDir(model, run.instruction, command.words[1]?.value);
      reports.push({
        message: `\`cd\` only lasts for this RUN; use \`WORKDIR ${target}\` so later instructions run there too.`,
        range: rangeOfWord(model, run, command.words[0]),
      });
    }
    return reports;
  },
};

/**
 * The directory to suggest for `WORKDIR`: absolute, so the suggestion does not trip
 * `workdir-relative`. A relative `cd` target is resolved against the WORKDIR in effect.
 */
function suggestedDir(model: DockerfileModel, instruction: Instruction, target: string | undefined): string {
  if (!target || target.startsWith('-') || target === '~' || target.startsWith('~/')) return '<dir>';
  if (target.startsWith('/') || target.startsWith('$')) return target;
  const stage = model.stages.find((s) => s.instructions.includes(instruction));
  const base = stage ? workdirBefore(stage, instruction) : undefined;
  if (base === undefined) return `/<dir>/${target}`;
  return joinPath(base, target);
}

function workdirBefore(stage: Stage, until?: Instruction): string | undefined {
  let dir = stage.base.stage ? workdirBefore(stage.base.stage) : undefined;
  for (const instruction of stage.instructions) {
    if (instruction === until) break;
    if (instruction.getKeyword() !== 'WORKDIR') continue;
    const value = instruction.getArgumentsContent()?.trim().replace(/^(["'])(.*)\1$/, '$2');
    if (!value || value.includes('$')) return undefined;
    dir = value.startsWith('/') ? value : joinPath(dir ?? '/', value);
  }
  return dir;
}

function joinPath(base: string, relative: string): string {
  const parts = base.split('/').filter(Boolean);
  for (const part of relative.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}
