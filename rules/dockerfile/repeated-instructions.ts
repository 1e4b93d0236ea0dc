import type { Instruction } from 'dockerfile-ast';
import type { Report, Rule } from '../types';
import { deleteInstruction } from './instruction-edits';
import type { DockerfileModel } from './model';
import { keywordOf } from './keywords';

// CMD, ENTRYPOINT and HEALTHCHECK: within a stage only the last one takes effect, so the earlier
// ones are dead code that misleads readers. One rule per keyword, made here.

export function repeatedInstructionRule(options: {
  id: string;
  keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK';
  alias: string;
  severity: 'error' | 'warning';
  title: string;
  why: string;
  example: string;
  fixed: string;
}): Rule<DockerfileModel> {
  const { keyword } = options;
  return {
    meta: {
      id: options.id,
      kind: 'dockerfile',
      severity: options.severity,
      tier: 2,
      title: options.title,
      aliases: [options.alias],
      fix: 'safe',
      docs: {
        what: `Reports every \`${keyword}\` of a stage but the last: only the last one takes effect.`,
        why: options.why,
        example: options.example,
        fixed: options.fixed,
        notes:
          `Counted per stage, like hadolint; \`ONBUILD ${keyword}\` is not counted. The quick fix deletes the ignored ` +
          `\`${keyword}\` lines and is safe: the image is the same with or without them.`,
      },
    },
    check(model) {
      const reports: Report[] = [];
      for (const stage of model.stages) {
        const found: Instruction[] = stage.instructions.filter((i) => keywordOf(i) === keyword);
        const last = found[found.length - 1];
        for (const instruction of found.slice(0, -1)) {
          const lastLine = last.getRange().start.line + 1;
          reports.push({
            message: `This \`${keyword}\` is ignored: a later one on line ${lastLine} replaces it. Delete it.`,
            range: instruction.getInstructionRange(),
            fix: { title: `Delete the ignored ${keyword}`, safe: true, edits: [deleteInstruction(model, instruction)] },
          });
        }
      }
      return reports;
    },
  };
}
