import type { Onbuild } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';
import { buildRun, type RunInstruction } from './runs';

// `ONBUILD RUN …` triggers run in every build FROM this image. hadolint applies its RUN rules
// to them, and so do the per-command rules here (package pinning, prompts, sudo, cd…); rules
// about this image's own layers (cache cleanup, consecutive RUNs, pipefail) do not, since the
// trigger runs in somebody else's build.

export interface OnbuildRun {
  stage: Stage;
  run: RunInstruction;
}

const cache = new WeakMap<DockerfileModel, OnbuildRun[]>();

/** The `ONBUILD RUN` triggers of the file, in file order, lexed like any RUN. */
export function onbuildRuns(model: DockerfileModel): readonly OnbuildRun[] {
  let list = cache.get(model);
  if (!list) {
    list = [];
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'ONBUILD') continue;
        const trigger = (instruction as Onbuild).getTriggerInstruction();
        if (trigger?.getKeyword() !== 'RUN') continue;
        list.push({ stage, run: buildRun(trigger, model.lines, model.text, model.escapeChar) });
      }
    }
    cache.set(model, list);
  }
  return list;
}

/** Every RUN of the file and every `ONBUILD RUN` trigger, in file order. */
export function runsWithTriggers(model: DockerfileModel): readonly RunInstruction[] {
  const triggers = onbuildRuns(model);
  if (!triggers.length) return model.runs;
  return [...model.runs, ...triggers.map((t) => t.run)].sort((a, b) => a.base - b.base);
}
