import type { LineIndex } from '../position';
import type { Range } from '../types';
import type { NginxArg, NginxComment } from './ast';

// nginx's tokenizer (ngx_conf_read_token in src/core/ngx_conf_file.c), rebuilt to keep
// positions and to carry on after an error. The rules it follows, which differ from what most
// people expect:
//   - a word ends at whitespace, `;` or `{`, but NOT at `}`: `return 200}` is one word `200}`;
//   - `{` right after `$` belongs to the word, so `${var}` is a single word;
//   - any other `{` ends the word and opens a block, even glued: `server{` is fine, and
//     `location ~ ^/a{2}$ {` opens a block at `a{` (nginx then trips over `2}$`);
//   - `#` starts a comment only where a word could start: `a#b` is one word;
//   - `\` escapes the next character anywhere; quotes only count at the start of a word;
//   - a closing quote must be followed by whitespace, `;`, `{` or `)` (for `if (… "x")`).

const TAB = 9, LF = 10, CR = 13, SPACE = 32, DQUOTE = 34, DOLLAR = 36, SQUOTE = 39;
const RPAREN = 41, SEMI = 59, BACKSLASH = 92, LBRACE = 123, RBRACE = 125, HASH = 35;

export type Terminator = ';' | '{' | '}' | 'eof';

/** What nginx's reader hands the parser: the words up to a `;`, `{`, `}` or the end of the file. */
export interface Statement {
  words: NginxArg[];
  terminator: Terminator;
  /** Offset of the terminator character (text length at the end of the file). */
  at: number;
  /** Offset just after the terminator: `at + 1`, or `at` when the statement was cut short by an error. */
  end: number;
}

export type ReportProblem = (start: number, end: number, message: string) => void;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

/**
 * The offset after the `}}` closing a `{{ … }}` template placeholder that starts at `at`, on
 * the same line; -1 when there is none.
 */
export function placeholderEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== LBRACE || text.charCodeAt(at + 1) !== LBRACE) return -1;
  const close = text.indexOf('}}', at + 2);
  if (close < 0) return -1;
  const lineBreak = text.indexOf('\n', at + 2);
  return lineBreak >= 0 && lineBreak < close ? -1 : close + 2;
}

/** Templates whose `{{ … }}` placeholders are rendered before nginx reads the file. */
export function isTemplatePath(path: string | undefined): boolean {
  return path !== undefined && /\.(?:template|tmpl|tpl|j2|jinja2?|mustache|gotmpl|hbs)$/i.test(path);
}

/** Resolves the escapes nginx resolves; other backslashes stay as written (regexes need them). */
export function unescape(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1];
      if (next === '"' || next === "'" || next === '\\') {
        out += next;
        i++;
        continue;
      }
      if (next === 't' || next === 'r' || next === 'n') {
        out += next === 't' ? '\t' : next === 'r' ? '\r' : '\n';
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}

export class Tokenizer {
  pos = 0;
  /** Set when the last quoted word had no closing quote. */
  private unterminated = false;
  readonly comments: NginxComment[] = [];
  private readonly length: number;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly report: ReportProblem,
    /** The file is a template (`*.template`, `*.j2`, …): `{{ … }}` placeholders are opaque parts of words. */
    private readonly template = false,
  ) {
    this.length = text.length;
  }

  /**
   * The statement handed out by readStatement, reused for every call so a 10,000-line file
   * does not allocate one per directive: callers read it before asking for the next one.
   */
  private readonly statement: Statement = { words: [], terminator: 'eof', at: 0, end: 0 };
  /**
   * Words of the statement being read. Copied out at its end into an array of exactly the
   * right size: arrays grown by push reserve room for 17 elements, and every directive keeps
   * its words as its arguments for as long as the tree lives.
   */
  private readonly scratch: NginxArg[] = [];
  private count = 0;

  private finish(terminator: Terminator, at: number, end: number): Statement {
    const statement = this.statement;
    const count = this.count;
    const words: NginxArg[] = count ? this.scratch.slice(0, count) : [];
    this.count = 0;
    statement.words = words;
    statement.terminator = terminator;
    statement.at = at;
    statement.end = end;
    if (terminator === 'eof') this.scratch.length = 0; // drop the last words
    return statement;
  }

  private push(word: NginxArg): void {
    this.scratch[this.count++] = word;
  }

  /**
   * Reads words up to the next `;`, `{`, `}` or the end of the file. The returned object is
   * reused by the next call; its `words` array is new each time and belongs to the caller.
   */
  readStatement(): Statement {
    const text = this.text;
    for (;;) {
      while (this.pos < this.length && isSpace(text.charCodeAt(this.pos))) this.pos++;
      if (this.pos >= this.length) return this.finish('eof', this.length, this.length);
      const at = this.pos;
      const c = text.charCodeAt(at);
      if (c === SEMI) {
        this.pos++;
        if (!this.count) {
          this.report(at, at + 1, 'Unexpected ";": there is no directive before it.');
          continue;
        }
        return this.finish(';', at, at + 1);
      }
      if (c === LBRACE && placeholderEnd(text, at) >= 0) {
        this.push(this.readWord());
        continue;
      }
      if (c === LBRACE || c === RBRACE) {
        this.pos++;
        return this.finish(c === LBRACE ? '{' : '}', at, at + 1);
      }
      if (c === HASH) {
        this.readComment();
        continue;
      }
      if (c === DQUOTE || c === SQUOTE) {
        const word = this.readQuoted(c);
        this.push(word);
        // After an unterminated string, end the statement at that line so the next line is
        // read as a directive of its own.
        if (this.unterminated) return this.finish(';', word.end, word.end);
      } else {
        this.push(this.readWord());
      }
    }
  }

  private readComment(): void {
    const start = this.pos;
    let end = this.text.indexOf('\n', start);
    if (end < 0) end = this.length;
    this.pos = end;
    if (end > start && this.text.charCodeAt(end - 1) === CR) end--;
    this.comments.push({ text: this.text.slice(start + 1, end), range: this.lines.rangeOf(start, end), start });
  }

  private readQuoted(quote: number): NginxArg {
    const text = this.text;
    const start = this.pos;
    this.unterminated = false;
    let i = start + 1;
    let backslash = false;
    while (i < this.length) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) {
        backslash = true;
        i += 2;
      } else if (c === quote) break;
      else i++;
    }
    if (i >= this.length) {
      // nginx would read to the end of the file; recovering at the end of the opening line
      // keeps the rest of the file analyzable.
      const lineEnd = this.lines.lineEnd(this.lines.positionAt(start).line);
      const mark = quote === DQUOTE ? '"' : "'";
      this.report(start, lineEnd, `Unterminated string: the closing ${mark} is missing.`);
      this.pos = lineEnd;
      this.unterminated = true;
      return this.arg(start, lineEnd, unescape(text.slice(start + 1, lineEnd)), true);
    }
    const end = i + 1;
    this.pos = end;
    if (end < this.length) {
      const next = text.charCodeAt(end);
      // `}` is left to the parser, which reports it as a missing `;`.
      if (!isSpace(next) && next !== SEMI && next !== LBRACE && next !== RPAREN && next !== RBRACE) {
        this.report(end, end + 1, `Unexpected "${text[end]}" right after a quoted string: nginx needs a space or ";" here.`);
      }
    }
    const inner = text.slice(start + 1, i);
    return this.arg(start, end, backslash ? unescape(inner) : inner, true);
  }

  private readWord(): NginxArg {
    const text = this.text;
    const start = this.pos;
    let variable = false;
    let escaped = false;
    let backslash = false;
    let i = start;
    for (; i < this.length; i++) {
      const c = text.charCodeAt(i);
      if (escaped) {
        escaped = false;
        continue;
      }
      if (c === LBRACE) {
        if (variable) continue; // `${name}`
        const placeholder = placeholderEnd(text, i);
        if (placeholder >= 0) {
          // `{{ name }}` (Jinja, Go templates, Mustache): part of the word once rendered.
          if (!this.template) {
            this.report(
              i,
              placeholder,
              'A template placeholder: nginx reads "{" here as the start of a block, so it cannot load this file until the template is rendered. Name the file `*.template` (or `.j2`, `.tmpl`) to have it analyzed as a template.',
            );
          }
          i = placeholder - 1;
          continue;
        }
        const quantifierEnd = i > start ? regexQuantifierEnd(text, i) : -1;
        if (quantifierEnd < 0) break;
        this.reportQuantifier(start, i, quantifierEnd);
        i = quantifierEnd - 1;
        continue;
      }
      variable = false;
      if (c === BACKSLASH) escaped = backslash = true;
      else if (c === DOLLAR) variable = true;
      else if (isSpace(c) || c === SEMI) break;
    }
    this.pos = i;
    const raw = text.slice(start, i);
    return this.arg(start, i, backslash ? unescape(raw) : raw, false);
  }

  /**
   * A regex repetition like `{2}` or `{1,3}` in an unquoted word: nginx ends the word at the
   * `{` and opens a block, which is never what the author meant. We report it and, to keep
   * the rest of the file meaningful, read on as if the regex had been quoted.
   */
  private reportQuantifier(wordStart: number, braceStart: number, braceEnd: number): void {
    let wordEnd = braceEnd;
    while (wordEnd < this.length && !isSpace(this.text.charCodeAt(wordEnd)) && this.text.charCodeAt(wordEnd) !== SEMI) {
      if (this.text.charCodeAt(wordEnd) === LBRACE && regexQuantifierEnd(this.text, wordEnd) < 0) break;
      wordEnd++;
    }
    const word = this.text.slice(wordStart, wordEnd);
    this.report(
      braceStart,
      braceEnd,
      `nginx ends the word at this "{" and opens a block. Quote the regular expression: "${word}".`,
    );
  }

  private arg(start: number, end: number, value: string, quoted: boolean): NginxArg {
    return new Word(this.lines, start, end, value, quoted);
  }
}

/**
 * A word whose range and raw text are computed when first asked for: a 10,000-line file has
 * tens of thousands of words and rules look at the positions of very few of them.
 */
class Word implements NginxArg {
  private cachedRange?: Range;

  constructor(
    private readonly lines: LineIndex,
    readonly start: number,
    readonly end: number,
    readonly value: string,
    readonly quoted: boolean,
  ) {}

  get raw(): string {
    return this.lines.text.slice(this.start, this.end);
  }

  get range(): Range {
    return (this.cachedRange ??= this.lines.rangeOf(this.start, this.end));
  }
}

/** End offset (after `}`) of a regex repetition `{n}`, `{n,}`, `{n,m}`, `{,m}` at `at`, else -1. */
function regexQuantifierEnd(text: string, at: number): number {
  let i = at + 1;
  let digits = 0;
  let commas = 0;
  for (; i < text.length && i < at + 16; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 44 /* , */ && commas === 0) commas++;
    else if (c === RBRACE) return digits > 0 ? i + 1 : -1;
    else return -1;
  }
  return -1;
}
