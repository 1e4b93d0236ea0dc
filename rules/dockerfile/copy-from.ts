import type { Copy, Flag } from 'dockerfile-ast';
import type { Range } from '../types';
import type { DockerfileModel, Stage } from './model';
import { keywordOf } from './keywords';

// The `--from` of each COPY, with the stage it is in, for the rules that check what it names.

export interface CopyFrom {
  stage: Stage;
  value: string;
  range: Range;
}

export function copyFroms(model: DockerfileModel): CopyFrom[] {
  const found: CopyFrom[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (keywordOf(instruction) !== 'COPY') continue;
      // getFromFlag() only looks at the first flag (`--chown=… --from=…` is missed): search them all.
      const flag: Flag | undefined = (instruction as Copy).getFlags().find((f) => f.getName().toLowerCase() === 'from');
      const value = flag?.getValue();
      if (!flag || !value) continue;
      found.push({ stage, value, range: flag.getValueRange() ?? flag.getRange() });
    }
  }
  return found;
}

/** What `--from=<value>` names when it is an image reference rather than a stage. */
export function looksLikeImage(value: string): boolean {
  return /[:/@.]/.test(value);
}
