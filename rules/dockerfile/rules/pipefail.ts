import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Fix, Report, Rule } from '../../types';
import { insertBefore } from '../instruction-edits';
import type { DockerfileModel, Stage } from '../model';
import type { RunInstruction } from '../runs';
import { commandName } from '../shell';
import { keywordOf } from '../keywords';

const NON_POSIX = /(?:^|[\\/])(?:pwsh|powershell|cmd)(?:\.exe)?$/i;
const PIPEFAIL_SHELLS = /(?:^|\/)(?:bash|zsh|ash|ksh|mksh)$/;

type ShellState = 'default' | 'pipefail' | 'no-pipefail' | 'foreign';

export const pipefail: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/pipefail',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'RUN with a pipe but no pipefail',
    aliases: ['hadolint:DL4006'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports a shell-form `RUN` containing a pipe (`a | b`) when neither the stage\'s `SHELL` sets `-o pipefail` ' +
        'nor the `RUN` itself runs `set -o pipefail` first.',
      why:
        'A pipeline\'s exit status is that of its last command. `curl -fsSL $URL | tar xz` succeeds when the download ' +
        'fails, as long as `tar` exits 0, so the build goes on with a missing or truncated file and the failure shows up ' +
        'much later, if at all.',
      example: 'FROM debian:bookworm\nRUN curl -fsSL https://example.com/tool.tgz | tar xz -C /opt',
      fixed:
        'FROM debian:bookworm\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' +
        'RUN curl -fsSL https://example.com/tool.tgz | tar xz -C /opt',
      notes:
        'Exec-form `RUN`, stages whose `SHELL` is not a POSIX shell (PowerShell, `cmd`) and Windows bases are not ' +
        'reported, and neither is a `RUN` that starts with `set -o pipefail`. Unlike hadolint, ' +
        '`SHELL ["/bin/sh", "-o", "pipefail", "-c"]` counts: BusyBox ash and current dash accept the option, and a ' +
        '`/bin/sh` that does not makes every later `RUN` fail at once, so the mistake cannot go unnoticed. A `SHELL` is inherited by stages built `FROM` its stage. The quick fix inserts ' +
        '`SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (`/bin/ash` on Alpine) before the first offending `RUN` of the ' +
        'stage; it is unsafe because later `RUN`s then run in that shell, and a pipeline that used to fail silently ' +
        'now stops the build.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const endState = new Map<Stage, ShellState>();
    for (const stage of model.stages) {
      let state: ShellState = stage.base.stage ? endState.get(stage.base.stage) ?? 'default' : 'default';
      if (stage.baseInfo.family === 'windows' && state === 'default') state = 'foreign';
      let fix: Fix | undefined;
      for (const instruction of stage.instructions) {
        const keyword = keywordOf(instruction);
        if (keyword === 'SHELL') {
          state = shellState(instruction);
          continue;
        }
        if (keyword !== 'RUN' || state === 'pipefail' || state === 'foreign') continue;
        const run = stage.runs.find((r) => r.instruction === instruction);
        if (!run || run.execForm || !run.script.hasPipe) continue;
        const pipe = firstUnprotectedPipe(model, run);
        if (pipe === undefined) continue;
        fix ??= shellFix(model, stage, instruction);
        const shell = stage.baseInfo.family === 'alpine' ? '/bin/ash' : '/bin/bash';
        reports.push({
          message:
            'This pipeline only fails if its last command fails: an error earlier in the pipe is ignored. Set ' +
            `\`SHELL ["${shell}", "-o", "pipefail", "-c"]\` before this RUN, or start it with \`set -o pipefail &&\`.`,
          range: model.lines.rangeOf(pipe, pipe + 1),
          fix,
        });
      }
      endState.set(stage, state);
    }
    return reports;
  },
};

function shellState(instruction: Instruction): ShellState {
  const args = ((instruction as JSONInstruction).getJSONStrings?.() ?? []).map((a) => a.getJSONValue());
  if (!args.length) return 'default';
  if (NON_POSIX.test(args[0])) return 'foreign';
  if (!PIPEFAIL_SHELLS.test(args[0]) && !/(?:^|\/)sh$/.test(args[0])) return 'foreign';
  for (let i = 1; i < args.length; i++) {
    if (/^-[a-z]*o$/i.test(args[i]) && args[i + 1] === 'pipefail') return 'pipefail';
    if (args[i] === '-o' && args[i + 1] === 'pipefail') return 'pipefail';
  }
  return 'no-pipefail';
}

/** Offset of the first `|` that runs before any `set -o pipefail` in the script. */
function firstUnprotectedPipe(model: DockerfileModel, run: RunInstruction): number | undefined {
  const list = run.script.commands;
  for (let i = 0; i < list.length; i++) {
    const command = list[i];
    if (commandName(command) === 'set' && setsPipefail(command.words.map((w) => w.value))) return undefined;
    if (command.after === '|' && list[i + 1]) {
      const from = run.base + command.end;
      const to = run.base + list[i + 1].start;
      const gap = model.text.slice(from, to);
      const at = gap.search(/\|(?!\|)/);
      return at >= 0 ? from + at : from;
    }
  }
  return undefined;
}

function setsPipefail(words: string[]): boolean {
  for (let i = 1; i < words.length; i++) {
    if (/^-[a-z]*o$/i.test(words[i]) && words[i + 1] === 'pipefail') return true;
  }
  return false;
}

function shellFix(model: DockerfileModel, stage: Stage, before: Instruction): Fix {
  const shell = stage.baseInfo.family === 'alpine' ? '/bin/ash' : '/bin/bash';
  const line = `SHELL ["${shell}", "-o", "pipefail", "-c"]`;
  return { title: `Insert ${line}`, safe: false, edits: [insertBefore(model, before, [line])] };
}
