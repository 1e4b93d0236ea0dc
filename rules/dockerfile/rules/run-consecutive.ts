import type { Instruction } from 'dockerfile-ast';
import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';
import type { RunInstruction } from '../runs';

export const runConsecutive: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/run-consecutive',
    kind: 'dockerfile',
    severity: 'info',
    tier: 2,
    title: 'Consecutive RUN instructions',
    aliases: ['hadolint:DL3059'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports a `RUN` that directly follows another `RUN` with the same flags (`--mount`, `--network`…) when each ' +
        'runs a single command. Comments between them do not separate them; any other instruction does.',
      why:
        'Every `RUN` adds a layer and a cache entry. Short steps in a row make the image larger (files deleted in a ' +
        'later layer still ship in the earlier one) and the build slower, without making the file clearer.',
      example: 'RUN apt-get update\nRUN apt-get install -y curl',
      fixed: 'RUN apt-get update && \\\n    apt-get install -y curl',
      notes:
        'Like hadolint, a step that already chains commands (`a && b`, `a; b`) is left alone, and so is the single ' +
        'command next to it: splitting there is usually deliberate, for caching. The quick fix joins the two with `&&` when they are shell-form, on adjacent lines and free of ' +
        'comments and heredocs; it is unsafe because it changes layer caching.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      let previous: RunInstruction | undefined;
      const runs = new Map<Instruction, RunInstruction>(stage.runs.map((r) => [r.instruction, r]));
      for (const instruction of stage.instructions) {
        const run = runs.get(instruction);
        if (!run) {
          previous = undefined;
          continue;
        }
        if (previous && flagsOf(model, previous) === flagsOf(model, run) && run.script.commands.length <= 1 && previous.script.commands.length <= 1) {
          const report: Report = {
            message: 'Another short RUN right before this one: join them with `&&` to save a layer.',
            range: instruction.getInstructionRange(),
          };
          const fix = mergeFix(model, previous, run);
          if (fix) report.fix = fix;
          reports.push(report);
        }
        previous = run;
      }
    }
    return reports;
  },
};

/** The flags as written between `RUN` and its command (`--mount=… --network=none`), normalised. */
function flagsOf(model: DockerfileModel, run: RunInstruction): string {
  const keywordEnd = model.lines.offsetAt(run.instruction.getInstructionRange().end);
  const between = model.text.slice(keywordEnd, run.base);
  if (!between.includes('--')) return '';
  return between.replace(new RegExp(`\\${model.escapeChar}\\r?\\n`, 'g'), ' ').trim().split(/\s+/).sort().join(' ');
}

function mergeFix(model: DockerfileModel, first: RunInstruction, second: RunInstruction): Report['fix'] {
  if (first.execForm || second.execForm) return undefined;
  const a = first.instruction.getRange();
  const b = second.instruction.getRange();
  if (b.start.line !== a.end.line + 1) return undefined;
  const firstEnd = model.lines.offsetAt(a.end);
  const firstText = model.text.slice(first.base, firstEnd);
  const secondText = model.text.slice(second.base, model.lines.offsetAt(b.end));
  if (!firstText.trim() || !secondText.trim() || /#|<</.test(firstText) || /#|<</.test(secondText)) return undefined;
  if (first.script.commands.some((c) => c.after === '&') || first.script.commands[first.script.commands.length - 1]?.after) return undefined;
  const argsEnd = model.lines.positionAt(first.base + firstText.trimEnd().length);
  const argsStart = model.lines.positionAt(second.base);
  const escape = model.escapeChar;
  return {
    title: 'Join with the previous RUN',
    safe: false,
    edits: [{ range: { start: argsEnd, end: argsStart }, newText: ` && ${escape}${model.lines.eol}    ` }],
  };
}
