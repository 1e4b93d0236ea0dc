import type { Instruction } from 'dockerfile-ast';
import type { Range, TextEdit } from '../types';
import type { DockerfileModel, Stage } from './model';

// The words of a non-RUN instruction the way BuildKit splits them: `COPY`, `ADD` and `EXPOSE`
// arguments are whitespace-delimited (quotes do not group words), leading `--flags` are
// options, `["a", "b"]` is the JSON form, and only the first logical line counts — a heredoc
// body (`COPY <<EOF /x`) follows it and is content, not arguments. Line continuations and the
// comment lines BuildKit drops inside them are skipped. Offsets are absolute in the text, so a
// word's range points at exactly what the user wrote.

export interface Word {
  /** The word with continuations removed and one layer of surrounding quotes stripped. */
  value: string;
  /** As written, continuations removed, quotes kept. */
  raw: string;
  start: number;
  end: number;
  /** `EOF` for a heredoc marker word `<<EOF` / `<<-"EOF"`. */
  heredoc?: string;
}

export interface FlagWord extends Word {
  /** Flag name without the leading `--`. */
  name: string;
  /** Text after `=`, undefined for a bare `--flag`. */
  flagValue?: string;
}

export interface InstructionArgs {
  instruction: Instruction;
  /** Upper-cased keyword. */
  keyword: string;
  flags: FlagWord[];
  /** Arguments after the flags (JSON strings for the JSON form, heredoc markers included). */
  words: Word[];
  json: boolean;
  /** Offset right after the keyword. */
  start: number;
  /** End of the first logical line (before its line break). */
  end: number;
}

const FLAG_KEYWORDS = new Set(['ADD', 'COPY', 'FROM', 'RUN', 'HEALTHCHECK']);
const HEREDOC = /^<<-?(["']?)([A-Za-z0-9_.-]+)\1$/;

/**
 * Parsed words per instruction object. The model reuses an instruction across edits when its
 * text and start line are unchanged, but an edit on an earlier line can still move it to
 * another offset: the cache remembers where its line started and shifts the words on reuse.
 */
const cache = new WeakMap<Instruction, { base: number; args: InstructionArgs }>();

/** The instruction's words, computed once per parsed instruction. */
export function instructionArgs(model: DockerfileModel, instruction: Instruction): InstructionArgs {
  const base = model.lines.lineStart(instruction.getRange().start.line);
  const cached = cache.get(instruction);
  if (cached && cached.base === base) return cached.args;
  const args = cached ? shift(cached.args, base - cached.base) : parseArgs(model, instruction);
  cache.set(instruction, { base, args });
  return args;
}

function shift(args: InstructionArgs, delta: number): InstructionArgs {
  const move = <T extends Word>(w: T): T => ({ ...w, start: w.start + delta, end: w.end + delta });
  return { ...args, flags: args.flags.map(move), words: args.words.map(move), start: args.start + delta, end: args.end + delta };
}

function parseArgs(model: DockerfileModel, instruction: Instruction): InstructionArgs {
  const { text, lines } = model;
  const keyword = instruction.getKeyword();
  const start = lines.offsetAt(instruction.getInstructionRange().end);
  const limit = lines.offsetAt(instruction.getRange().end);
  const escape = model.escapeChar;
  const words: Word[] = [];
  let pos = start;
  let end = start;

  /** Length of a continuation (escape, trailing blanks, line break, dropped lines) at `at`, or 0. */
  const continuation = (at: number): number => {
    if (text[at] !== escape) return 0;
    let p = at + 1;
    while (text[p] === ' ' || text[p] === '\t') p++;
    if (text[p] === '\r' && text[p + 1] === '\n') p += 2;
    else if (text[p] === '\n' || text[p] === '\r') p += 1;
    else if (p < limit) return 0;
    // Empty and comment lines inside a continuation are dropped by BuildKit.
    for (;;) {
      let q = p;
      while (text[q] === ' ' || text[q] === '\t') q++;
      if (q >= limit || (text[q] !== '#' && text[q] !== '\n' && text[q] !== '\r')) break;
      while (q < limit && text[q] !== '\n' && text[q] !== '\r') q++;
      if (text[q] === '\r' && text[q + 1] === '\n') q += 2;
      else if (q < limit) q += 1;
      p = q;
    }
    return p - at;
  };

  while (pos < limit) {
    const c = text[pos];
    if (c === ' ' || c === '\t') {
      pos++;
      continue;
    }
    if (c === '\n' || c === '\r') break;
    const skip = continuation(pos);
    if (skip) {
      pos += skip;
      continue;
    }
    const wordStart = pos;
    let raw = '';
    let wordEnd = pos;
    while (pos < limit) {
      const ch = text[pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') break;
      const cont = continuation(pos);
      if (cont) {
        pos += cont;
        continue;
      }
      raw += ch;
      pos++;
      wordEnd = pos;
    }
    const heredoc = HEREDOC.exec(raw)?.[2];
    words.push({ value: unquote(raw), raw, start: wordStart, end: wordEnd, ...(heredoc ? { heredoc } : {}) });
    end = wordEnd;
  }

  const flags: FlagWord[] = [];
  let first = 0;
  if (FLAG_KEYWORDS.has(keyword)) {
    while (first < words.length && words[first].raw.startsWith('--') && words[first].raw.length > 2) {
      const word = words[first];
      const eq = word.raw.indexOf('=');
      flags.push({
        ...word,
        name: eq < 0 ? word.raw.slice(2) : word.raw.slice(2, eq),
        ...(eq < 0 ? {} : { flagValue: unquote(word.raw.slice(eq + 1)) }),
      });
      first++;
    }
  }
  let rest = words.slice(first);
  let json = false;
  if (rest.length && rest[0].raw.startsWith('[')) {
    const jsonWords = parseJsonForm(text, rest[0].start, end);
    if (jsonWords) {
      json = true;
      rest = jsonWords;
    }
  }
  return { instruction, keyword, flags, words: rest, json, start, end: Math.max(end, start) };
}

/** `["a", "b"]` between `from` and `to` as words pointing at the JSON strings, or undefined. */
function parseJsonForm(text: string, from: number, to: number): Word[] | undefined {
  const raw = text.slice(from, to);
  let values: unknown;
  try {
    values = JSON.parse(raw.replace(/\\[ \t]*\r?\n/g, ''));
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return undefined;
  const words: Word[] = [];
  for (const match of raw.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
    let value: string;
    try {
      value = JSON.parse(match[0]) as string;
    } catch {
      return undefined;
    }
    words.push({ value, raw: match[0], start: from + match.index!, end: from + match.index! + match[0].length });
  }
  return words.length === values.length ? words : undefined;
}

/** Strips quote characters the way the shell-like word processing of COPY/ADD would. */
export function unquote(raw: string): string {
  if (!raw.includes('"') && !raw.includes("'")) return raw;
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && (raw[i + 1] === '"' || raw[i + 1] === '\\')) out += raw[++i];
      else out += c;
    } else if (c === '"' || c === "'") quote = c;
    else out += c;
  }
  return out;
}

export function wordRange(model: DockerfileModel, word: { start: number; end: number }): Range {
  return model.lines.rangeOf(word.start, word.end);
}

/** Source and destination of a COPY/ADD: the last word is the destination. */
export function copyParts(args: InstructionArgs): { sources: Word[]; dest?: Word } {
  if (args.words.length < 2) return { sources: [], dest: undefined };
  return { sources: args.words.slice(0, -1), dest: args.words[args.words.length - 1] };
}

export function flag(args: InstructionArgs, name: string): FlagWord | undefined {
  return args.flags.find((f) => f.name.toLowerCase() === name);
}

/** The final stage and the stages it is built `FROM`: what the shipped image is made of. */
export function shippedStages(model: DockerfileModel): Set<Stage> {
  const shipped = new Set<Stage>();
  for (let stage = model.finalStage; stage && !shipped.has(stage); stage = stage.base.stage) shipped.add(stage);
  return shipped;
}

/** Edit deleting a whole instruction with its line break (lines it shares with nothing else). */
export function deleteInstruction(model: DockerfileModel, instruction: Instruction): TextEdit {
  const { lines } = model;
  const range = instruction.getRange();
  const startLine = range.start.line;
  const endLine = range.end.line;
  if (endLine + 1 < lines.lineCount) {
    return { range: { start: { line: startLine, character: 0 }, end: { line: endLine + 1, character: 0 } }, newText: '' };
  }
  // Last line of the file: take the line break before it instead.
  const start = startLine > 0 ? { line: startLine - 1, character: lines.lineText(startLine - 1).length } : { line: 0, character: 0 };
  return { range: { start, end: { line: endLine, character: lines.lineText(endLine).length } }, newText: '' };
}

/** Whether `instruction` is one of `keywords` (upper-case). */
export function isKeyword(instruction: Instruction, ...keywords: string[]): boolean {
  return keywords.includes(instruction.getKeyword());
}

const modelIndex = new WeakMap<DockerfileModel, Map<string, Instruction[]>>();
const stageIndex = new WeakMap<Stage, Map<string, Instruction[]>>();

function index(instructions: Instruction[]): Map<string, Instruction[]> {
  const map = new Map<string, Instruction[]>();
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    let list = map.get(keyword);
    if (!list) map.set(keyword, (list = []));
    list.push(instruction);
  }
  return map;
}

/** The file's instructions with one of `keywords` (upper-case), in file order; indexed once per model. */
export function instructionsOf(model: DockerfileModel, ...keywords: string[]): Instruction[] {
  let map = modelIndex.get(model);
  if (!map) modelIndex.set(model, (map = index(model.instructions)));
  if (keywords.length === 1) return map.get(keywords[0]) ?? [];
  return model.instructions.length && keywords.some((k) => map!.has(k))
    ? keywords.flatMap((k) => map!.get(k) ?? []).sort((a, b) => a.getRange().start.line - b.getRange().start.line)
    : [];
}

/** Like `instructionsOf`, for one stage. */
export function stageInstructionsOf(stage: Stage, ...keywords: string[]): Instruction[] {
  let map = stageIndex.get(stage);
  if (!map) stageIndex.set(stage, (map = index(stage.instructions)));
  if (keywords.length === 1) return map.get(keywords[0]) ?? [];
  return keywords.some((k) => map!.has(k))
    ? keywords.flatMap((k) => map!.get(k) ?? []).sort((a, b) => a.getRange().start.line - b.getRange().start.line)
    : [];
}
