// A purpose-built lexer for the shell in `RUN`: it splits a script into simple commands with
// their words, assignments and redirections, each word keeping its offsets in the Dockerfile
// so a rule can underline `install` in `apt-get install` and a fix can insert a flag after it.
//
// It is not a full POSIX parser: it knows what rules need (quoting, escapes, `$(…)` and
// backticks as opaque word parts, `&& || ; | &` and newlines, redirections, heredocs, comments,
// Dockerfile line continuations and the comment lines BuildKit strips inside them), runs in
// one linear pass, and never throws.

export interface ShellWord {
  /** The word with quotes removed and escapes resolved (what the command receives). */
  value: string;
  /** Offsets of the word as written in the Dockerfile text, end exclusive. */
  start: number;
  end: number;
}

export type Connector = '&&' | '||' | ';' | '|' | '&' | '\n' | '(' | ')';

export interface Redirect {
  operator: string;
  target?: ShellWord;
}

export interface ShellCommand {
  /** `NAME=value` words before the command name. */
  assignments: ShellWord[];
  /** The command name and its arguments (redirections removed). */
  words: ShellWord[];
  redirects: Redirect[];
  /** What joins this command to the previous one (undefined for the first). */
  before?: Connector;
  /** What joins it to the next one. */
  after?: Connector;
  /** Offsets of the whole command, from its first to its last token. */
  start: number;
  end: number;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Whether any command feeds another through `|`. */
  hasPipe: boolean;
}

export interface LexOptions {
  /** The Dockerfile escape character (`\` or `` ` ``), which continues lines. */
  escapeChar?: string;
}

const OPERATORS = ['&&', '||', ';;', '|&', ';', '|', '&', '(', ')'];
const REDIRECT = /^(?:\d*|&)(?:>>|>&|<&|<>|>\||>|<)(?!<)/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Lexes `text` (a slice of the Dockerfile starting at `baseOffset`) into commands. */
export function parseShell(text: string, baseOffset = 0, options: LexOptions = {}): ShellScript {
  const lexer = new Lexer(text, baseOffset, options.escapeChar ?? '\\');
  return lexer.run();
}

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  /** Whether the body is a script to run (`RUN <<EOF`, `sh <<EOF`) rather than data. */
  isScript: boolean;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/usr/bin/env']);

class Lexer {
  private i = 0;
  private readonly commands: ShellCommand[] = [];
  private current: ShellCommand | undefined;
  private pendingConnector: Connector | undefined;
  private heredocs: PendingHeredoc[] = [];
  /** How many `case … in` are open, and whether a pattern (`a | b)`) comes next. */
  private caseDepth = 0;
  private expectPattern = false;

  constructor(
    private readonly text: string,
    private readonly base: number,
    private readonly escape: string,
  ) {}

  run(): ShellScript {
    const { text } = this;
    while (this.i < text.length) {
      const c = text[this.i];
      if (this.skipContinuation()) continue;
      if (c === '\n') {
        this.i++;
        this.endCommand('\n');
        this.readHeredocBodies();
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') {
        this.i++;
        continue;
      }
      if (c === '#' && this.atWordBoundary()) {
        this.skipComment();
        continue;
      }
      if (this.expectPattern && !this.current) {
        this.expectPattern = false;
        if (!/^esac(?![^\s;&|()])/.test(text.slice(this.i, this.i + 5))) {
          this.skipCasePattern();
          continue;
        }
      }
      const operator = OPERATORS.find((op) => text.startsWith(op, this.i));
      if (operator) {
        this.i += operator.length;
        this.endCommand(operator === '|&' ? '|' : operator === ';;' ? ';' : (operator as Connector));
        // `;;` ends a case arm: the next thing is another pattern (or `esac`).
        if (operator === ';;' && this.caseDepth > 0) {
          if (text[this.i] === '&') this.i++;
          this.expectPattern = true;
        }
        continue;
      }
      const heredoc = /^<<(-?)\s*(['"]?)([A-Za-z_][\w.-]*)\2/.exec(text.slice(this.i, this.i + 256));
      if (heredoc) {
        const command = this.command();
        const name = command.words[0]?.value;
        this.heredocs.push({
          delimiter: heredoc[3],
          stripTabs: heredoc[1] === '-',
          isScript: !name || SHELLS.has(name),
        });
        command.redirects.push({ operator: '<<' });
        this.i += heredoc[0].length;
        continue;
      }
      const redirect = REDIRECT.exec(text.slice(this.i, this.i + 8));
      if (redirect && this.atWordBoundary()) {
        const command = this.command();
        this.i += redirect[0].length;
        this.skipBlanks();
        const target = this.i < text.length && !/[\n;&|()]/.test(text[this.i]) ? this.readWord() : undefined;
        command.redirects.push({ operator: redirect[0], target });
        continue;
      }
      const wordStart = this.i;
      const word = this.readWord();
      const command = this.command(wordStart);
      if (!command.words.length && ASSIGNMENT.test(word.value)) command.assignments.push(word);
      else command.words.push(word);
      command.end = word.end;
      if (command.words.length === 1 && word.value === 'esac' && this.caseDepth > 0) this.caseDepth--;
      if (command.words.length === 3 && word.value === 'in' && command.words[0].value === 'case') {
        // `case WORD in`: what follows is a pattern list, where `|` separates alternatives.
        this.endCommand(';');
        this.caseDepth++;
        this.expectPattern = true;
      }
    }
    this.endCommand(undefined);
    return { commands: this.commands, hasPipe: this.commands.some((c) => c.after === '|') };
  }

  /** The command being read, started at `at` (the offset of its first token) when new. */
  private command(at = this.i): ShellCommand {
    if (!this.current) {
      this.current = {
        assignments: [],
        words: [],
        redirects: [],
        before: this.pendingConnector,
        start: this.base + at,
        end: this.base + at,
      };
      this.pendingConnector = undefined;
    }
    return this.current;
  }

  private endCommand(connector: Connector | undefined): void {
    if (this.current) {
      this.current.after = connector;
      if (this.current.words.length || this.current.assignments.length) this.commands.push(this.current);
      this.current = undefined;
    }
    // A newline after `&&` or `|` continues the list; otherwise the connector is the newline.
    if (connector && !(connector === '\n' && this.pendingConnector && this.pendingConnector !== '\n')) {
      this.pendingConnector = connector;
    }
  }

  /** Dockerfile line continuation: the escape character, optional blanks, a line break. */
  private skipContinuation(): boolean {
    const { text } = this;
    if (text[this.i] !== this.escape) return false;
    let j = this.i + 1;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === '\r') j++;
    if (text[j] !== '\n') return false;
    this.i = j + 1;
    // BuildKit drops whole comment lines (and blank lines) inside a continued instruction.
    for (;;) {
      const lineEnd = text.indexOf('\n', this.i);
      const line = text.slice(this.i, lineEnd < 0 ? text.length : lineEnd);
      if (lineEnd >= 0 && /^\s*(#.*)?$/.test(line)) this.i = lineEnd + 1;
      else break;
    }
    return true;
  }

  /** Skips a case pattern such as `'linux/arm64' | 'linux/arm/v7')` up to and including its `)`. */
  private skipCasePattern(): void {
    const { text } = this;
    if (text[this.i] === '(') this.i++;
    while (this.i < text.length && text[this.i] !== ')') {
      if (this.skipContinuation()) continue;
      const c = text[this.i];
      if (c === "'" || c === '"') {
        const close = text.indexOf(c, this.i + 1);
        this.i = close < 0 ? text.length : close + 1;
      } else if (c === '\\') this.i += 2;
      else if (c === '\n') break;
      else this.i++;
    }
    if (text[this.i] === ')') this.i++;
  }

  private atWordBoundary(): boolean {
    const prev = this.text[this.i - 1];
    return prev === undefined || /[\s;&|()]/.test(prev);
  }

  private skipBlanks(): void {
    while (this.i < this.text.length && (this.text[this.i] === ' ' || this.text[this.i] === '\t' || this.skipContinuation())) {
      if (this.text[this.i] === ' ' || this.text[this.i] === '\t') this.i++;
    }
  }

  private skipComment(): void {
    // A shell comment runs to the end of the logical line: continuations join it with the next.
    while (this.i < this.text.length && this.text[this.i] !== '\n') {
      if (!this.skipContinuation()) this.i++;
      else if (this.i < this.text.length && this.text[this.i - 1] === '\n') continue;
    }
  }

  private readWord(): ShellWord {
    const { text } = this;
    const start = this.i;
    let value = '';
    while (this.i < text.length) {
      if (this.skipContinuation()) continue;
      const c = text[this.i];
      if (/[\s;&|()<>]/.test(c)) {
        // `<` and `>` end a word only where a redirection could start.
        if ((c === '<' || c === '>') && this.i === start) {
          value += c;
          this.i++;
          continue;
        }
        break;
      }
      if (c === "'") {
        const close = text.indexOf("'", this.i + 1);
        const end = close < 0 ? text.length : close;
        value += text.slice(this.i + 1, end);
        this.i = end + 1;
      } else if (c === '"') {
        value += this.readDoubleQuoted();
      } else if (c === '\\') {
        value += text[this.i + 1] ?? '';
        this.i += 2;
      } else if (c === '$' && text[this.i + 1] === '(') {
        value += this.readBalanced('(', ')');
      } else if (c === '$' && text[this.i + 1] === '{') {
        value += this.readBalanced('{', '}');
      } else if (c === '`') {
        const close = text.indexOf('`', this.i + 1);
        const end = close < 0 ? text.length : close + 1;
        value += text.slice(this.i, end);
        this.i = end;
      } else {
        value += c;
        this.i++;
      }
    }
    if (this.i === start) this.i++; // never stall on an unexpected character
    return { value, start: this.base + start, end: this.base + Math.min(this.i, text.length) };
  }

  private readDoubleQuoted(): string {
    const { text } = this;
    let value = '';
    this.i++;
    while (this.i < text.length && text[this.i] !== '"') {
      if (this.skipContinuation()) continue;
      const c = text[this.i];
      if (c === '\\' && /["\\$`\n]/.test(text[this.i + 1] ?? '')) {
        value += text[this.i + 1];
        this.i += 2;
      } else if (c === '$' && text[this.i + 1] === '(') {
        value += this.readBalanced('(', ')');
      } else {
        value += c;
        this.i++;
      }
    }
    this.i++;
    return value;
  }

  /** `$(…)` or `${…}` kept verbatim, nesting respected, quotes inside honoured. */
  private readBalanced(open: string, close: string): string {
    const { text } = this;
    const start = this.i;
    let depth = 0;
    this.i++; // the `$`
    while (this.i < text.length) {
      const c = text[this.i];
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        this.i++;
        break;
      } else if (c === "'" || c === '"') {
        const closeQuote = text.indexOf(c, this.i + 1);
        this.i = closeQuote < 0 ? text.length : closeQuote;
      } else if (c === '\\') this.i++;
      this.i++;
    }
    return text.slice(start, this.i);
  }

  /** After a line break, consume the bodies of the heredocs opened on that line. */
  private readHeredocBodies(): void {
    const pending = this.heredocs;
    this.heredocs = [];
    for (const heredoc of pending) {
      const bodyStart = this.i;
      let bodyEnd = this.text.length;
      let next = this.text.length;
      while (this.i < this.text.length) {
        const lineEnd = this.text.indexOf('\n', this.i);
        const end = lineEnd < 0 ? this.text.length : lineEnd;
        const line = this.text.slice(this.i, end).replace(/\r$/, '');
        const candidate = heredoc.stripTabs ? line.replace(/^\t+/, '') : line;
        if (candidate === heredoc.delimiter) {
          bodyEnd = this.i;
          next = lineEnd < 0 ? this.text.length : lineEnd + 1;
          break;
        }
        this.i = end + 1;
      }
      if (heredoc.isScript) {
        const body = parseShell(this.text.slice(bodyStart, bodyEnd), this.base + bodyStart, { escapeChar: '\\' });
        if (body.commands.length) {
          body.commands[0].before ??= '\n';
          this.commands.push(...body.commands);
        }
      }
      this.i = next;
    }
  }
}

/** The command's name without a leading path (`/usr/bin/apt-get` → `apt-get`). */
export function commandName(command: ShellCommand): string | undefined {
  const name = command.words[0]?.value;
  return name?.slice(name.lastIndexOf('/') + 1);
}

/**
 * The command with wrappers peeled off: `sudo -E apt-get …`, `env A=1 apt-get …`,
 * `nice …`, `time …` all become the `apt-get …` command underneath.
 */
export function unwrapCommand(command: ShellCommand): ShellCommand {
  let words = command.words;
  for (;;) {
    const name = words[0]?.value.replace(/^.*\//, '');
    if (name === 'sudo' || name === 'env' || name === 'nice' || name === 'time' || name === 'exec' || name === 'nohup') {
      let k = 1;
      while (k < words.length && (words[k].value.startsWith('-') || (name === 'env' && ASSIGNMENT.test(words[k].value)))) {
        // sudo -u user / nice -n 10 take a value
        if ((name === 'sudo' && /^-[ugCDhpRrT]$/.test(words[k].value)) || (name === 'nice' && words[k].value === '-n')) k++;
        k++;
      }
      if (k >= words.length) return { ...command, words };
      words = words.slice(k);
      continue;
    }
    return words === command.words ? command : { ...command, words };
  }
}
