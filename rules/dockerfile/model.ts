import type { From, Instruction, ParserDirective } from 'dockerfile-ast';
import { classifyBase, parseImageRef, type BaseInfo, type ImageRef } from '../image';
import { LineIndex } from '../position';
import type { Range, RuleContext } from '../types';
import { substituteArgs } from './args';
import { parseDockerfile } from './incremental-parse';
import { buildRun, type RunInstruction } from './runs';

// The Dockerfile as BuildKit sees it: stages with their base (an image or an earlier stage),
// global ARGs substituted into FROM, the user each stage ends up running as, and the base
// image family that decides how a fix should look.

export interface StageBase {
  /** The FROM argument as written (`node:${TAG}`). */
  written: string;
  /** After ARG substitution; undefined when a variable has no default. */
  resolved?: string;
  /** Parsed image, when the base is an image (not `scratch`'s special case, not a stage). */
  image?: ImageRef;
  /** The earlier stage this one builds on (`FROM build`). */
  stage?: Stage;
  /** Range of the image argument in the FROM instruction. */
  range: Range;
  /** Range of the tag (`latest` in `node:latest`), when written literally. */
  tagRange?: Range;
  /** Whether the reference used build arguments. */
  usesArgs: boolean;
}

export interface UserSetting {
  /** The USER argument as written (`app`, `1000:1000`, `root`). */
  value: string;
  instruction: Instruction;
  /** Stage that set it: a stage inherits its base stage's USER. */
  stage: Stage;
}

export interface Stage {
  index: number;
  /** `AS name`, lower-cased as BuildKit compares them. */
  name?: string;
  from: From;
  base: StageBase;
  /** Instructions of this stage, FROM included. */
  instructions: Instruction[];
  /** The stage's RUN instructions with their shell scripts. */
  runs: RunInstruction[];
  baseInfo: BaseInfo;
  /** The last USER in effect at the end of this stage, own or inherited. */
  user?: UserSetting;
}

export interface DockerfileModel {
  /** Parser directives at the top (`# syntax=`, `# escape=`, `# check=`). */
  directives: ParserDirective[];
  lines: LineIndex;
  text: string;
  instructions: Instruction[];
  stages: Stage[];
  /** The stage that ships (the last one). */
  finalStage?: Stage;
  /** Start line of each instruction, ascending, for statement lookups. */
  instructionStarts: number[];
  /** Every RUN of every stage, in file order. */
  runs: RunInstruction[];
  escapeChar: string;
}

export function buildModel(text: string, context: RuleContext): DockerfileModel {
  const parsed = parseDockerfile(text);
  const lines = LineIndex.of(text);
  const instructions = parsed.instructions;
  const scope = new Map<string, string | undefined>();
  for (const arg of parsed.initialArgs) {
    const property = arg.getProperty();
    if (property?.getName()) scope.set(property.getName(), property.getValue() ?? undefined);
  }

  const escapeChar = parsed.escapeChar;
  const runs: RunInstruction[] = [];
  const stages: Stage[] = [];
  const stagesByName = new Map<string, Stage>();
  let current: Stage | undefined;
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      current = makeStage(instruction as From, stages.length, stagesByName, scope, context);
      stages.push(current);
      // A later stage with the same name shadows the earlier one, as in BuildKit.
      if (current.name) stagesByName.set(current.name, current);
    } else if (current) {
      current.instructions.push(instruction);
      if (instruction.getKeyword() === 'RUN') {
        const run = buildRun(instruction, lines, text, escapeChar);
        current.runs.push(run);
        runs.push(run);
      } else if (instruction.getKeyword() === 'USER') {
        const value = instruction.getArgumentsContent()?.trim();
        if (value) current.user = { value, instruction, stage: current };
      }
    }
  }

  return {
    directives: parsed.directives,
    lines,
    text,
    instructions,
    stages,
    finalStage: stages[stages.length - 1],
    instructionStarts: instructions.map((i) => i.getRange().start.line),
    runs,
    escapeChar,
  };
}

function makeStage(
  from: From,
  index: number,
  earlier: ReadonlyMap<string, Stage>,
  scope: Map<string, string | undefined>,
  context: RuleContext,
): Stage {
  const written = from.getImage() ?? '';
  const range = from.getImageRange() ?? from.getRange();
  const { value: resolved, used } = substituteArgs(written, scope);
  const stageName = from.getBuildStage()?.toLowerCase();
  const parent = resolved ? earlier.get(resolved.toLowerCase()) : undefined;
  const image = parent || !resolved ? undefined : parseImageRef(resolved);
  const tagRange = used.length === 0 ? from.getImageTagRange() ?? undefined : undefined;
  const base: StageBase = {
    written,
    resolved,
    image,
    stage: parent,
    range,
    ...(tagRange ? { tagRange } : {}),
    usesArgs: used.length > 0,
  };
  return {
    index,
    name: stageName,
    from,
    base,
    instructions: [from],
    runs: [],
    baseInfo: parent ? parent.baseInfo : classifyBase(image, context.config.nonRootImages),
    // A stage built FROM another stage starts as that stage's user.
    user: parent?.user,
  };
}

/** Index of the instruction containing `line`, or -1 when the line precedes them all. */
export function instructionIndexAt(model: DockerfileModel, line: number): number {
  const starts = model.instructionStarts;
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= line) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export function statementStart(model: DockerfileModel, line: number): number {
  const index = instructionIndexAt(model, line);
  if (index < 0) return line;
  const instruction = model.instructions[index];
  return instruction.getRange().end.line >= line ? model.instructionStarts[index] : line;
}

/** Whether a USER value names root: `root`, `0`, `root:x`, `0:x`. */
export function isRootUser(value: string): boolean {
  const user = value.split(':')[0].trim().toLowerCase();
  return user === 'root' || user === '0';
}
