import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { HistoryEntry, TrivyReport } from './report';

// From an image layer to the Dockerfile instruction that created it.
//
// 1. Non-empty history entries pair one-to-one, in order, with the image's diff ids, when the
//    counts match; when they don't, every layer is "unknown" rather than guessed.
// 2. The instructions of the final stage (and of the stages it is built FROM) are aligned with
//    the end of the history by comparing normalized text, walking backwards. Whatever comes
//    before the earliest aligned entry is the base image. When the base image's own diff ids
//    are known (a local `docker image inspect`), their shared prefix decides instead; when
//    nothing aligns, the last CMD/ENTRYPOINT entry ends the base (Trivy's own heuristic).
// 3. A layer of the base goes on the FROM that names the base image; a layer of an aligned
//    entry on its instruction; anything else on FROM with a note saying why.

export type PlacementKind = 'base' | 'instruction' | 'unknown';

export interface Placement {
  kind: PlacementKind;
  instruction: Instruction;
  /** Why a layer sits on FROM although it was not part of the base, for the message. */
  note?: string;
}

export interface LayerMap {
  /** Placement by layer DiffID. */
  byDiffId: Map<string, Placement>;
  /** Where layers without a usable DiffID go (the base FROM, with a note). */
  fallback: Placement;
  /** How the base image's extent was decided. */
  baseFrom: 'base-image' | 'aligned-history' | 'cmd-heuristic' | 'unknown';
  /** History entries that matched an instruction, out of the instructions that could. */
  aligned: number;
}

export interface LayerMapOptions {
  /** The base image's own diff ids, when it is available locally. */
  baseDiffIds?: string[];
}

/** The chain of stages the final image is built from, root first. */
function stageChain(final: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let stage: Stage | undefined = final; stage; stage = stage.base.stage) chain.unshift(stage);
  return chain;
}

export function mapLayers(report: TrivyReport, model: DockerfileModel, options: LayerMapOptions = {}): LayerMap | undefined {
  const final = model.finalStage;
  if (!final) return undefined;
  const chain = stageChain(final);
  const baseFrom = chain[0].from;
  const instructions = chain.flatMap((stage) => stage.instructions.filter((i) => i.getKeyword() !== 'FROM'));

  const nonEmpty = report.history.map((h, index) => ({ h, index })).filter(({ h }) => !h.emptyLayer);
  const paired = nonEmpty.length > 0 && nonEmpty.length === report.diffIds.length;
  const fallback: Placement = {
    kind: 'unknown',
    instruction: baseFrom,
    note: paired ? 'the layer could not be identified' : "layer unknown: the image's history and its layers do not pair up",
  };
  const byDiffId = new Map<string, Placement>();
  if (!paired) {
    for (const diffId of report.diffIds) byDiffId.set(diffId, fallback);
    return { byDiffId, fallback, baseFrom: 'unknown', aligned: 0 };
  }

  const alignment = alignHistory(report.history, instructions, model);
  const firstAligned = Math.min(...alignment.keys(), report.history.length);
  let baseEnd: number; // history index of the last base entry
  let decided: LayerMap['baseFrom'];
  if (options.baseDiffIds?.length) {
    let shared = 0;
    while (shared < options.baseDiffIds.length && options.baseDiffIds[shared] === report.diffIds[shared]) shared++;
    baseEnd = shared > 0 ? nonEmpty[shared - 1].index : -1;
    decided = 'base-image';
  } else if (alignment.size > 0) {
    baseEnd = firstAligned - 1;
    decided = 'aligned-history';
  } else {
    // The final stage's own CMD/ENTRYPOINT entries come last; the base's is the one before them.
    const own = instructions.filter((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT').length;
    baseEnd = nthLastIndexWhere(report.history, own + 1, (h) => /^(CMD|ENTRYPOINT)\b/.test(normalizeHistory(h.createdBy)));
    decided = 'cmd-heuristic';
  }

  nonEmpty.forEach(({ index }, layer) => {
    const diffId = report.diffIds[layer];
    const instruction = alignment.get(index);
    if (instruction && index > baseEnd) byDiffId.set(diffId, { kind: 'instruction', instruction });
    else if (index <= baseEnd) byDiffId.set(diffId, { kind: 'base', instruction: baseFrom });
    else {
      byDiffId.set(diffId, {
        kind: 'unknown',
        instruction: baseFrom,
        note: `no instruction of the final stage matches the layer created by \`${truncate(normalizeHistory(report.history[index].createdBy))}\``,
      });
    }
  });
  return { byDiffId, fallback, baseFrom: decided, aligned: alignment.size };
}

/**
 * Pairs history entries with instructions from the end backwards. An instruction that
 * matches none of the next few entries is skipped (not every instruction leaves history,
 * e.g. ARG); an entry that matches nothing is left unpaired.
 */
function alignHistory(history: HistoryEntry[], instructions: Instruction[], model: DockerfileModel): Map<number, Instruction> {
  const WINDOW = 4;
  const pairs = new Map<number, Instruction>();
  let entry = history.length - 1;
  for (let i = instructions.length - 1; i >= 0 && entry >= 0; i--) {
    const wanted = normalizeInstruction(instructions[i], model);
    for (let k = entry; k >= 0 && k > entry - WINDOW; k--) {
      if (matches(normalizeHistory(history[k].createdBy), wanted)) {
        pairs.set(k, instructions[i]);
        entry = k - 1;
        break;
      }
    }
  }
  return pairs;
}

/** History `created_by` as the instruction it came from, in both builders' spellings. */
export function normalizeHistory(createdBy: string): string {
  let text = createdBy.replace(/\s*# buildkit\s*$/, '').trim();
  text = text.replace(/^\/bin\/sh -c #\(nop\)\s*/, '');
  // Classic builder prefixes build args as `|2 A=1 B=2 /bin/sh -c …`.
  text = text.replace(/^\|\d+(?:\s+\S+=\S*)*\s+(?=\/bin\/sh -c )/, '');
  text = text.replace(/^\/bin\/sh -c /, 'RUN ');
  // BuildKit: `RUN |1 A=b /bin/sh -c cmd`, `RUN --mount=… /bin/sh -c cmd`.
  text = text.replace(/^RUN\s+(?:\|\d+(?:\s+\S+=\S*)*\s+)?(?:--\S+\s+)*(?:\/bin\/sh -c\s+)?/, 'RUN ');
  return collapse(text);
}

/** An instruction as both builders would record it: one line, flags of RUN dropped. */
export function normalizeInstruction(instruction: Instruction, model: DockerfileModel): string {
  const keyword = instruction.getKeyword();
  const range = instruction.getRange();
  let text = model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
  const escape = model.escapeChar === '`' ? '`' : '\\\\';
  text = text.replace(new RegExp(`${escape}[ \\t]*\\r?\\n(?:[ \\t]*#[^\\n]*\\n)*`, 'g'), ' ');
  text = text.replace(/^\s*\S+/, keyword);
  if (keyword === 'RUN') text = text.replace(/^RUN\s+(?:--\S+\s+)*/, 'RUN ');
  return collapse(text);
}

function matches(history: string, instruction: string): boolean {
  const [hKeyword] = history.split(' ', 1);
  const [iKeyword] = instruction.split(' ', 1);
  if (hKeyword.toUpperCase() !== iKeyword) return false;
  if (history === instruction) return true;
  // Classic COPY/ADD history names a content hash, not the source: `COPY file:ab12… in /dest`.
  const hashed = /^(?:COPY|ADD) (?:file|dir|multi):\S+ in (\S+)/.exec(history);
  if (hashed) return trimSlash(hashed[1]) === trimSlash(lastWord(instruction));
  if (iKeyword === 'RUN' && (history.includes(instruction.slice(4)) || instruction.includes(history.slice(4)))) return true;
  return similarity(history, instruction) >= 0.75;
}

function similarity(a: string, b: string): number {
  const wordsA = new Set(a.split(' '));
  const wordsB = new Set(b.split(' '));
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared++;
  return shared / Math.max(wordsA.size, wordsB.size);
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);
const lastWord = (text: string) => text.split(' ').pop() ?? '';
const truncate = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

function nthLastIndexWhere<T>(items: T[], n: number, predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]) && --n === 0) return i;
  return -1;
}
