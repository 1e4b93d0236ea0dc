import type { Instruction } from 'dockerfile-ast';
import type { LineIndex } from '../position';
import type { Range } from '../types';
import { parseShell, type ShellCommand, type ShellScript, type ShellWord } from './shell';

// Every RUN of the file with its shell script lexed. Scripts are cached by their text, so
// typing elsewhere in the file never lexes an unchanged RUN again: offsets in a cached script
// are relative to the start of the RUN's arguments and become absolute through `base`.

export interface RunMount {
  type: string;
  target?: string;
  /** All `key=value` options of the mount. */
  options: Record<string, string>;
}

export interface RunInstruction {
  instruction: Instruction;
  /** Document offset the script's word offsets are relative to. */
  base: number;
  script: ShellScript;
  /** Exec form `RUN ["a", "b"]`: no shell, one command. */
  execForm: boolean;
  mounts: RunMount[];
}

const CACHE_LIMIT = 4096;
const scriptCache = new Map<string, ShellScript>();

function cachedScript(text: string, escapeChar: string, execForm: boolean): ShellScript {
  const key = `${escapeChar}${execForm ? 'J' : 'S'}${text}`;
  let script = scriptCache.get(key);
  if (!script) {
    script = execForm ? parseExecForm(text) : parseShell(text, 0, { escapeChar });
    if (scriptCache.size >= CACHE_LIMIT) scriptCache.clear();
    scriptCache.set(key, script);
  }
  return script;
}

export function buildRun(instruction: Instruction, lines: LineIndex, text: string, escapeChar: string): RunInstruction {
  // Read flags and arguments from the text: dockerfile-ast recomputes its argument lists (and
  // their positions) on every call, which dominated analysis time on large files.
  const keywordEnd = lines.offsetAt(instruction.getInstructionRange().end);
  const end = lines.offsetAt(instruction.getRange().end);
  const { mounts, argsStart } = readFlags(text, keywordEnd, end, escapeChar);
  const raw = text.slice(argsStart, end);
  const execForm = raw.startsWith('[') && isJsonArray(raw);
  return { instruction, base: argsStart, script: cachedScript(raw, escapeChar, execForm), execForm, mounts };
}

/** `--mount=…`, `--network=…`, `--security=…` flags before the command, and where the command starts. */
function readFlags(text: string, from: number, end: number, escapeChar: string): { mounts: RunMount[]; argsStart: number } {
  const mounts: RunMount[] = [];
  let i = from;
  for (;;) {
    i = skipBlanks(text, i, end, escapeChar);
    if (!text.startsWith('--', i)) return { mounts, argsStart: i };
    let j = i;
    while (j < end && !/\s/.test(text[j]) && !(text[j] === escapeChar && /^[ \t]*\r?\n/.test(text.slice(j + 1, j + 4)))) j++;
    const flag = text.slice(i + 2, j);
    const eq = flag.indexOf('=');
    if (eq > 0 && flag.slice(0, eq) === 'mount') mounts.push(parseMount(flag.slice(eq + 1)));
    i = j;
  }
}

function skipBlanks(text: string, i: number, end: number, escapeChar: string): number {
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++;
    else if (c === escapeChar && /^[ \t]*\r?\n/.test(text.slice(i + 1, i + 4))) i = text.indexOf('\n', i) + 1;
    else break;
  }
  return i;
}

function parseMount(value: string): RunMount {
  const options: Record<string, string> = {};
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) options[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
    else if (part.trim()) options[part.trim()] = 'true';
  }
  return { type: options.type ?? 'bind', target: options.target ?? options.dst ?? options.destination, options };
}

function isJsonArray(raw: string): boolean {
  try {
    const value = JSON.parse(raw.replace(/\\\r?\n/g, ''));
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}

/** `RUN ["apt-get", "install", "x"]` as one command whose words point at the JSON strings. */
function parseExecForm(raw: string): ShellScript {
  const words: ShellWord[] = [];
  for (const match of raw.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    words.push({ value: JSON.parse(match[0]) as string, start: match.index!, end: match.index! + match[0].length });
  }
  const command: ShellCommand = {
    assignments: [],
    words,
    redirects: [],
    start: words[0]?.start ?? 0,
    end: words[words.length - 1]?.end ?? 0,
  };
  return { commands: words.length ? [command] : [], hasPipe: false };
}

/** The document range of a word (or a span of words) of a RUN's script. */
export function wordRange(run: RunInstruction, lines: LineIndex, from: ShellWord, to: ShellWord = from): Range {
  return lines.rangeOf(run.base + from.start, run.base + to.end);
}
