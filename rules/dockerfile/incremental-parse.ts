import { DockerfileParser, Instruction, type Arg, type ParserDirective } from 'dockerfile-ast';

// dockerfile-ast builds every instruction's argument list eagerly (with positions) and takes
// ~15 ms on a 1,000-line file, all of it before a rule runs. Typing changes one instruction at
// a time, so the file is split into instructions and each is parsed on its own, cached by its
// text and start line: a keystroke re-parses one instruction.
//
// Each chunk is parsed behind as many blank lines as precede it in the file (and behind the
// escape directive, which changes how lines continue), so the instruction objects carry the
// same absolute ranges a whole-file parse gives. A test compares both over the corpus.

// Instructions are reused across keystrokes now, but dockerfile-ast recomputes an
// instruction's argument list (with positions) on every getArguments/getArgumentsRange/
// getArgumentsContent call, and rules make many such calls. The list depends only on the
// instruction's own immutable text, so it is computed once per instance. Callers get a fresh
// array each time because dockerfile-ast itself shifts flags off the array it receives.
type RawArguments = () => unknown[];
const prototype = Instruction.prototype as unknown as { getRawArguments: RawArguments };
const computeRawArguments = prototype.getRawArguments;
const rawArguments = new WeakMap<object, unknown[]>();
prototype.getRawArguments = function memoizedRawArguments(this: object): unknown[] {
  let args = rawArguments.get(this);
  if (!args) {
    args = computeRawArguments.call(this);
    rawArguments.set(this, args);
  }
  return args.slice();
};

export interface ParsedDockerfile {
  instructions: Instruction[];
  escapeChar: string;
  directives: ParserDirective[];
  /** ARGs before the first FROM, in scope for every FROM. */
  initialArgs: Arg[];
}

interface Chunk {
  startLine: number;
  text: string;
}

const CACHE_LIMIT = 20_000;
let cache = new Map<string, Instruction[]>();
let previous = new Map<string, Instruction[]>();
/** The chunks of the last parse, by position, with their cache keys. */
let lastChunks: { startLine: number; escapeChar: string; text: string; key: string }[] = [];

export function parseDockerfile(source: string): ParsedDockerfile {
  let text = source;
  const header = leadingComments(text);
  const head = DockerfileParser.parse(defuseLeadingComments(header));
  const escapeChar = head.getEscapeCharacter();
  const directives = head.getDirectives();
  const escapeLine = escapeChar === '\\' ? '' : `# escape=${escapeChar}`;

  const fdDigits: number[] = [];
  let chunks = splitInstructions(text, escapeChar, fdDigits);
  // dockerfile-ast only knows heredocs that start a word (`<<EOF`); BuildKit also reads them
  // with a file descriptor in front (`0<<EOF`, `cat 5<<A 6<<B`). Those digits are blanked in
  // the text dockerfile-ast reads, keeping every offset, so the body stays part of the RUN.
  if (fdDigits.length) {
    const chars = text.split('');
    for (const at of fdDigits) chars[at] = ' ';
    text = chars.join('');
    chunks = splitInstructions(text, escapeChar);
  }
  const lookup = (key: string) => cache.get(key) ?? previous.get(key);
  // Each key holds the whole instruction text. A chunk that sits where it sat in the last
  // parse, with the same text, takes that parse's key string: no new string to build, and
  // its hash is already computed (V8 keeps it in the string), so typing costs one new key.
  const keys = chunks.map((chunk, c) => {
    const last = lastChunks[c];
    return last && last.startLine === chunk.startLine && last.escapeChar === escapeChar && last.text === chunk.text
      ? last.key
      : `${escapeChar}\u0000${chunk.startLine}\u0000${chunk.text}`;
  });
  lastChunks = chunks.map((chunk, c) => ({ startLine: chunk.startLine, escapeChar, text: chunk.text, key: keys[c] }));
  const found = keys.map(lookup);
  let misses = 0;
  for (const hit of found) if (!hit) misses++;
  // A chunk is parsed behind padding as long as its start line, so parsing many of them one by
  // one is quadratic (a fresh file, or a line inserted near the top). Then one whole-file parse
  // is cheaper, and its instruction objects are just as reusable: each reads only its own text.
  const whole = misses > WHOLE_FILE_THRESHOLD ? wholeFileByLine(text) : undefined;

  const instructions: Instruction[] = [];
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c];
    const key = keys[c];
    let parsed = found[c];
    if (!parsed && whole) {
      const instruction = whole.get(chunk.startLine);
      // The splitter and dockerfile-ast disagree about this file: trust dockerfile-ast, cache nothing.
      if (!instruction) return finish(DockerfileParser.parse(text).getInstructions(), escapeChar, directives);
      parsed = [instruction];
    }
    if (!parsed) {
      const padding = escapeLine ? `${escapeLine}${'\n'.repeat(chunk.startLine)}` : '\n'.repeat(chunk.startLine);
      parsed = DockerfileParser.parse(padding + chunk.text).getInstructions();
    }
    cache.set(key, parsed);
    for (const instruction of parsed) instructions.push(instruction);
  }
  // Two generations: what the last analyses used survives, stale chunks age out.
  if (cache.size > CACHE_LIMIT) {
    previous = cache;
    cache = new Map();
  }
  return finish(instructions, escapeChar, directives);
}

/** Above this many unparsed instructions, one whole-file parse beats parsing them one by one. */
const WHOLE_FILE_THRESHOLD = 24;

function wholeFileByLine(text: string): Map<number, Instruction> {
  const byLine = new Map<number, Instruction>();
  for (const instruction of DockerfileParser.parse(defuseLeadingComments(text)).getInstructions()) {
    byLine.set(instruction.getRange().start.line, instruction);
  }
  return byLine;
}

function finish(instructions: Instruction[], escapeChar: string, directives: ParserDirective[]): ParsedDockerfile {
  const initialArgs: Arg[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') break;
    if (instruction.getKeyword() === 'ARG') initialArgs.push(instruction as Arg);
  }
  return { instructions, escapeChar, directives, initialArgs };
}

/** The comment lines at the top of the file, where parser directives live. */
function leadingComments(text: string): string {
  let end = 0;
  while (end < text.length) {
    const next = text.indexOf('\n', end);
    const lineEnd = next < 0 ? text.length : next;
    if (!text.slice(end, lineEnd).trimStart().startsWith('#')) break;
    end = next < 0 ? text.length : next + 1;
  }
  return text.slice(0, end);
}

const HEREDOC = /<<(-?)\s*(["']?)([A-Za-z_][\w.-]*)\2/g;

/**
 * Splits the text into instructions as BuildKit reads them: an instruction continues while
 * a line ends with the escape character (comment and blank lines inside it are skipped), and
 * heredoc bodies opened on its lines follow it up to their delimiters.
 */
export function splitInstructions(text: string, escapeChar: string, fdDigits?: number[]): Chunk[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const chunks: Chunk[] = [];
  const isBlankOrComment = (line: string) => {
    const trimmed = line.trim();
    return trimmed === '' || trimmed.startsWith('#');
  };
  const escapeCode = escapeChar.charCodeAt(0);
  const continues = (line: string) => {
    // The last character before trailing blanks (space, tab, CR) must be the escape character.
    let end = line.length;
    for (;;) {
      const c = line.charCodeAt(end - 1);
      if (c === 32 || c === 9 || c === 13) end--;
      else break;
    }
    return end > 0 && line.charCodeAt(end - 1) === escapeCode && !isBlankOrComment(line);
  };

  let i = 0;
  while (i < lines.length) {
    if (isBlankOrComment(lines[i])) {
      i++;
      continue;
    }
    const first = i;
    const keyword = /^\s*(\S+)/.exec(lines[i])?.[1]?.toUpperCase() ?? '';
    const opensHeredocs = keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD' || keyword === 'ONBUILD';
    const heredocs: Array<{ delimiter: string; stripTabs: boolean }> = [];
    let last = i;
    let dangling = false; // the file ends inside a continuation: the instruction runs to the end
    for (;;) {
      if (opensHeredocs) {
        for (const match of lines[last].matchAll(HEREDOC)) {
          heredocs.push({ delimiter: match[3], stripTabs: match[1] === '-' });
          if (fdDigits) {
            // A file descriptor written before the heredoc (`0<<EOF`): its digits, when they start a word.
            const line = lines[last];
            let d = match.index;
            while (d > 0 && line.charCodeAt(d - 1) >= 48 && line.charCodeAt(d - 1) <= 57) d--;
            if (d < match.index && (d === 0 || /\s/.test(line[d - 1]))) {
              for (let k = d; k < match.index; k++) fdDigits.push(starts[last] + k);
            }
          }
        }
      }
      if (!continues(lines[last])) break;
      let next = last + 1;
      while (next < lines.length && isBlankOrComment(lines[next])) next++;
      if (next >= lines.length) {
        dangling = true;
        break;
      }
      last = next;
    }
    for (const heredoc of heredocs) {
      let j = last + 1;
      while (j < lines.length) {
        const line = lines[j].replace(/\r$/, '');
        if ((heredoc.stripTabs ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) break;
        j++;
      }
      last = Math.min(j, lines.length - 1);
    }
    const end = dangling ? text.length : starts[last] + lines[last].length;
    chunks.push({ startLine: first, text: text.slice(starts[first], end) });
    i = dangling ? lines.length : last + 1;
  }
  return chunks;
}

/**
 * dockerfile-ast scans leading comment lines for parser directives in time quadratic in a
 * line's length (a 20,000-character `####…` banner takes most of a second). Directives are
 * short, so leading comment lines past a sane length are blanked after their `#`, keeping
 * every offset where it was. Suppression comments are read from the original text.
 */
function defuseLeadingComments(text: string): string {
  const LONG = 512;
  let offset = 0;
  let out: string | undefined;
  while (offset < text.length) {
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    const line = text.slice(offset, end);
    if (!line.trimStart().startsWith('#')) break;
    if (line.length > LONG) {
      const hash = line.indexOf('#');
      out = (out ?? text).slice(0, offset + hash + 1) + ' '.repeat(line.length - hash - 1) + (out ?? text).slice(end);
    }
    offset = end + 1;
  }
  return out ?? text;
}

