import type { Range, TextEdit } from '../types';
import type { DockerfileModel, Stage } from './model';
import { onbuildRuns } from './onbuild';
import { wordRange, type RunInstruction } from './runs';
import { commandName, unwrapCommand, type ShellCommand, type ShellScript, type ShellWord } from './shell';

// Reading and editing the words of RUN commands: walking every command of the file, finding
// options the way getopt does (`-k`, `-fsSLk`, `--insecure`, `--opt=value`) and removing a word
// without disturbing continuations, comments or indentation around it.

export interface CommandVisit {
  stage: Stage;
  run: RunInstruction;
  /** The command as written (`sudo apt-get …`). */
  raw: ShellCommand;
  /** Wrappers (`sudo`, `env`, `nice`…) peeled off. */
  command: ShellCommand;
  name: string | undefined;
}

const visits = new WeakMap<DockerfileModel, CommandVisit[]>();

export interface UnwrappedCommand {
  raw: ShellCommand;
  command: ShellCommand;
  name: string | undefined;
}

const unwrappedByScript = new WeakMap<ShellScript, UnwrappedCommand[]>();

/**
 * The script's commands with wrappers peeled and names read, once per script: scripts are
 * cached by text across edits, so an unchanged RUN is never unwrapped again.
 */
export function unwrappedCommands(script: ShellScript): readonly UnwrappedCommand[] {
  let list = unwrappedByScript.get(script);
  if (!list) {
    list = [];
    for (const raw of script.commands) {
      const command = unwrapCommand(raw);
      list.push({ raw, command, name: commandName(command) });
    }
    unwrappedByScript.set(script, list);
  }
  return list;
}

/**
 * Every shell command of every RUN, in file order, unwrapped once per model and shared by all
 * rules. Exec-form RUNs are included (one command).
 */
export function commands(model: DockerfileModel): readonly CommandVisit[] {
  let list = visits.get(model);
  if (!list) {
    list = [];
    const triggers = onbuildRuns(model);
    for (const stage of model.stages) {
      const runs = triggers.length ? [...stage.runs, ...triggers.filter((t) => t.stage === stage).map((t) => t.run)].sort((a, b) => a.base - b.base) : stage.runs;
      for (const run of runs) {
        for (const { raw, command, name } of unwrappedCommands(run.script)) list.push({ stage, run, raw, command, name });
      }
    }
    visits.set(model, list);
  }
  return list;
}

/** The blanks (spaces, tabs) that end just before `offset`: how many there are. */
export function blanksBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return offset - i;
}

/** The blanks that start at `offset`: how many there are. */
export function blanksAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i - offset;
}

/**
 * Index of the first word (after the command name) that is one of the given options: a long
 * option `--name` or `--name=value`, or a short option letter alone (`-k`) or inside a cluster
 * (`-fsSLk`). Stops at `--`.
 */
export function findOption(words: ShellWord[], shorts: string, longs: string[], from = 1): number {
  for (let i = from; i < words.length; i++) {
    const value = words[i].value;
    if (value === '--') return -1;
    if (value.startsWith('--')) {
      const name = value.slice(2).split('=')[0];
      if (longs.includes(name)) return i;
    } else if (shorts && /^-[A-Za-z0-9]/.test(value)) {
      // A cluster's letters run until the first non-letter (`-qO-`: q, O).
      const letters = /^-([A-Za-z0-9]+)/.exec(value)![1];
      for (const letter of letters) if (shorts.includes(letter)) return i;
    }
  }
  return -1;
}

export function hasOption(words: ShellWord[], shorts: string, longs: string[]): boolean {
  return findOption(words, shorts, longs) >= 0;
}

/** The value of `-u 1000`, `-u1000`, `--uid 1000` or `--uid=1000`. */
export function optionValue(words: ShellWord[], short: string, long: string): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const value = words[i].value;
    if (value === `--${long}` || (short && value === `-${short}`)) return words[i + 1]?.value;
    if (value.startsWith(`--${long}=`)) return value.slice(long.length + 3);
    if (short && value.startsWith(`-${short}`) && value.length > 2 && !value.startsWith('--')) return value.slice(2);
  }
  return undefined;
}

export function rangeOfWord(model: DockerfileModel, run: RunInstruction, word: ShellWord, to: ShellWord = word): Range {
  return wordRange(run, model.lines, word, to);
}

/**
 * Removes `words[from..to]` from a command. The blank before the span goes with it when both
 * sit on one line; a span alone on a continuation line takes that whole line; otherwise the
 * blank after it goes.
 */
export function removeWords(model: DockerfileModel, run: RunInstruction, words: ShellWord[], from: number, to = from): TextEdit {
  const { text, lines } = model;
  const start = run.base + words[from].start;
  const end = run.base + words[to].end;
  const previous = from > 0 ? run.base + words[from - 1].end : undefined;
  const next = to + 1 < words.length ? run.base + words[to + 1].start : undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const lineEndIndex = text.indexOf('\n', end);
  const lineEnd = lineEndIndex < 0 ? text.length : lineEndIndex;
  const after = text.slice(end, lineEnd).replace(/\r$/, '');
  const escape = model.escapeChar;
  // Alone on a continuation line: `    -k \` → drop the line.
  if (lineEndIndex >= 0 && /^[ \t]*$/.test(before) && after.trim() === escape) {
    return { range: lines.rangeOf(lineStart, lineEndIndex + 1), newText: '' };
  }
  if (previous !== undefined && !/[\n]/.test(text.slice(previous, start)) && /^[ \t]+$/.test(text.slice(previous, start))) {
    return { range: lines.rangeOf(previous, end), newText: '' };
  }
  if (next !== undefined && /^[ \t]+$/.test(text.slice(end, next))) {
    return { range: lines.rangeOf(start, next), newText: '' };
  }
  // Otherwise take the blanks that follow on the same line.
  return { range: lines.rangeOf(start, end + blanksAfter(text, end)), newText: '' };
}

/** Replaces a word's text. */
export function replaceWord(model: DockerfileModel, run: RunInstruction, word: ShellWord, newText: string): TextEdit {
  return { range: rangeOfWord(model, run, word), newText };
}

export { commandName, unwrapCommand };
