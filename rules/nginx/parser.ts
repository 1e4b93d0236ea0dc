import type { ParseProblem } from '../language';
import { LineIndex } from '../position';
import type { Range, RelatedLocation } from '../types';
import type { BlockKind, NginxArg, NginxBlock, NginxComment, NginxDirective } from './ast';
import {
  AMBIGUOUS_CONTINUATIONS,
  BLOCK,
  BLOCK_DIRECTIVES,
  DIRECTIVE_FLAGS,
  ENTRY,
  SIMPLE,
  SIMPLE_DIRECTIVES,
  UNIQUE,
  UNIQUE_PER_BLOCK,
  isRawBlockDirective,
} from './directives';
import { findLuaBlockEnd } from './lua';
import { isTemplatePath, Tokenizer } from './tokenizer';

// Builds the directive tree from the tokenizer's statements, the way ngx_conf_parse does, but
// never stops at the first error: each problem is reported with the narrowest range that
// explains it, and parsing resumes at the next statement so later rules still see the file.

export const SYNTAX_RULE = 'nginx/syntax';

export interface ParsedNginx {
  /** Top-level directives. */
  directives: NginxDirective[];
  comments: NginxComment[];
  problems: ParseProblem[];
  lines: LineIndex;
  /** Per line, the first line of the directive header covering it (-1: none). */
  statementLines: Int32Array;
  /** How many directives the tree holds outside table blocks (what NginxModel.all() lists). */
  treeSize: number;
}

/** Deeper nesting stops the parse with a problem instead of overflowing recursive walks. */
const MAX_NESTING = 200;

interface Frame {
  /** Undefined for the file itself and for a stray `{` with no name before it. */
  directive?: NginxDirective;
  children: NginxDirective[];
  entries: boolean;
  /** Offset of the `{`, for blocks. */
  open: number;
  /** Line of the block's header (its directive's name). */
  headerLine: number;
  /** Whether nginx's duplicate checks apply: a directives block that is part of the tree. */
  checked: boolean;
  /** First directive per duplicate key, once the block has grown past SMALL_BLOCK. */
  seen?: Map<string, NginxDirective>;
}

/** nginx's answer to "does this directive take a block?": yes, no, or unknown (third-party). */
function takesBlock(name: string, flags: number, parentName: string | undefined): boolean | undefined {
  if (name === 'server' && parentName === 'upstream') return false;
  if (flags & BLOCK) return true;
  if (flags & SIMPLE) return false;
  return isRawBlockDirective(name) ? true : undefined;
}

function flagsOf(name: string): number {
  return DIRECTIVE_FLAGS.get(name) ?? 0;
}

/** Names at the start of a continuation line that suggest the previous line lost its `;`. */
function looksLikeDirectiveName(name: string): boolean {
  return (SIMPLE_DIRECTIVES.has(name) || (BLOCK_DIRECTIVES.has(name) && name !== 'match')) && !AMBIGUOUS_CONTINUATIONS.has(name);
}

function isKnownDirective(name: string): boolean {
  return SIMPLE_DIRECTIVES.has(name) || BLOCK_DIRECTIVES.has(name);
}

/**
 * Parses a config. `file` marks directives read from an included file; `path` is where the
 * text lives (a template's `{{ … }}` placeholders are then read as parts of words).
 */
export function parseNginx(text: string, file?: string, path: string | undefined = file): ParsedNginx {
  return new Parser(text, file, isTemplatePath(path)).parse();
}

class Parser {
  private readonly lines: LineIndex;
  private readonly tokenizer: Tokenizer;
  private readonly problems: ParseProblem[] = [];
  private readonly statementLines: Int32Array;
  /** The first block whose `}` sat at a different indentation than its header: where a missing `}` most likely is. */
  private lineCursor = 0;
  private misindentedClose?: { directive: NginxDirective; line: number };
  /** Duplicates found while parsing, reported after every other problem (as a walk of the finished tree would). */
  private readonly duplicates: { child: NginxDirective; first: NginxDirective; key: string }[] = [];
  private treeSize = 0;
  /** Line of the name of the directive created last. */
  private lastDirectiveLine = 0;

  constructor(
    private readonly text: string,
    private readonly file?: string,
    template = false,
  ) {
    this.lines = LineIndex.of(text);
    this.tokenizer = new Tokenizer(text, this.lines, (start, end, message) => this.problem(start, end, message), template);
    this.statementLines = new Int32Array(this.lines.lineCount).fill(-1);
  }

  parse(): ParsedNginx {
    const root: Frame = { children: [], entries: false, open: -1, headerLine: -1, checked: true };
    const stack: Frame[] = [root];
    for (;;) {
      const statement = this.tokenizer.readStatement();
      const frame = stack[stack.length - 1];
      const { words, at } = statement;
      if (statement.terminator === ';') {
        this.addStatement(frame, words, at, statement.end);
      } else if (statement.terminator === '{') {
        if (stack.length > MAX_NESTING) {
          // Real configs nest a handful of levels; past this the input is not a config, and
          // every walk over the tree (here and in the rules) would risk the call stack.
          this.problem(at, at + 1, `Blocks nested more than ${MAX_NESTING} levels deep: the rest of the file is not read.`);
          break;
        }
        const opened = this.openBlock(frame, words, at);
        if (opened) stack.push(opened);
      } else if (statement.terminator === '}') {
        if (words.length) {
          const last = words[words.length - 1];
          this.problem(last.start, last.end, `Missing ";" after "${last.raw}": nginx reads the "}" that follows as part of "${words[0].value}".`);
          this.addStatement(frame, words, last.end, last.end);
        }
        if (stack.length === 1) this.problem(at, at + 1, 'Unexpected "}": there is no open block to close.');
        else this.closeBlock(stack.pop()!, at);
      } else {
        if (words.length) {
          const last = words[words.length - 1];
          this.problem(last.start, last.end, `Unexpected end of file: "${words[0].value}" is missing its ";".`);
          this.addStatement(frame, words, last.end, last.end);
        }
        if (stack.length > 1) this.reportUnclosed(stack.slice(1));
        break;
      }
    }
    for (const { child, first, key } of this.duplicates) this.reportDuplicate(child, first, key);
    return {
      directives: root.children,
      comments: this.tokenizer.comments,
      problems: this.problems,
      lines: this.lines,
      statementLines: this.statementLines,
      treeSize: this.treeSize,
    };
  }

  /** Words ended by `;` (or by an error standing in for one): one or more simple directives. */
  private addStatement(frame: Frame, words: NginxArg[], terminatorStart: number, terminatorEnd: number): void {
    const groups = this.splitAtMissingSemicolons(frame, words);
    if (!groups) {
      // The usual case: one directive, no arrays to build.
      this.addSimple(frame, this.directive(frame, words, terminatorStart, terminatorEnd));
      return;
    }
    for (let index = 0; index < groups.length; index++) {
      const group = groups[index];
      const last = index === groups.length - 1;
      this.addSimple(frame, this.directive(frame, group, last ? terminatorStart : group[group.length - 1].end, last ? terminatorEnd : group[group.length - 1].end));
    }
  }

  private addSimple(frame: Frame, directive: NginxDirective): void {
    const flags = flagsOf(directive.name);
    if (!frame.entries && takesBlock(directive.name, flags, frame.directive?.name) === true) {
      this.problem(directive.nameToken.start, directive.nameToken.end, `Directive "${directive.name}" has no opening "{".`);
    }
    this.adopt(frame, directive, flags);
  }

  /** Adds `directive` to its block, noting it if nginx would refuse it as a duplicate there. */
  private adopt(frame: Frame, directive: NginxDirective, flags: number): void {
    const children = frame.children;
    if (frame.checked) {
      this.treeSize++;
      const kind = flags & UNIQUE ? UNIQUE_NAME : directive.name === 'location' ? locationKind(directive) : NOT_KEYED;
      if (kind !== NOT_KEYED) {
        const first = children.length < SMALL_BLOCK && !frame.seen ? earlierDuplicate(children, directive, kind) : this.indexedDuplicate(frame, directive, kind);
        if (first) this.duplicates.push({ child: directive, first, key: kind === UNIQUE_NAME ? directive.name : locationKey(directive)! });
      }
    }
    children.push(directive);
  }

  /** The map variant of earlierDuplicate for large blocks (built on first need, then kept up to date). */
  private indexedDuplicate(frame: Frame, directive: NginxDirective, kind: number): NginxDirective | undefined {
    let seen = frame.seen;
    if (!seen) {
      seen = frame.seen = new Map();
      for (const child of frame.children) {
        const key = duplicateKey(child);
        if (key !== undefined && !seen.has(key)) seen.set(key, child);
      }
    }
    const key = kind === UNIQUE_NAME ? directive.name : locationKey(directive)!;
    const first = seen.get(key);
    if (!first) seen.set(key, directive);
    return first;
  }

  private openBlock(frame: Frame, words: NginxArg[], at: number): Frame | undefined {
    if (!words.length) {
      this.problem(at, at + 1, 'Unexpected "{": a block needs a directive name before it.');
      return { children: [], entries: frame.entries, open: at, headerLine: -1, checked: false };
    }
    const groups = this.splitAtMissingSemicolons(frame, words);
    let header = words;
    if (groups) {
      for (let index = 0; index < groups.length - 1; index++) {
        const group = groups[index];
        const end = group[group.length - 1].end;
        const directive = this.directive(frame, group, end, end);
        this.adopt(frame, directive, flagsOf(directive.name));
      }
      header = groups[groups.length - 1];
    }
    const directive = this.directive(frame, header, at, at + 1);
    const headerLine = this.lastDirectiveLine;
    const name = directive.name;
    const flags = flagsOf(name);
    this.adopt(frame, directive, flags);
    if (!frame.entries && takesBlock(name, flags, frame.directive?.name) === false) {
      this.problem(directive.nameToken.start, directive.nameToken.end, `Directive "${name}" is not terminated by ";": it does not take a "{ … }" block.`);
    }
    if (!frame.entries && isRawBlockDirective(name)) {
      this.readRawBlock(directive, at);
      return undefined;
    }
    const kind: BlockKind = frame.entries || flags & ENTRY ? 'entries' : 'directives';
    directive.block = new Block(this.lines, kind, at);
    return { directive, children: directive.block.children, entries: kind === 'entries', open: at, headerLine, checked: frame.checked && kind === 'directives' };
  }

  private readRawBlock(directive: NginxDirective, at: number): void {
    const close = findLuaBlockEnd(this.text, at + 1);
    const end = close < 0 ? this.text.length : close;
    const block = new Block(this.lines, 'raw', at);
    block.raw = this.text.slice(at + 1, end);
    if (close < 0) this.problem(at, at + 1, `The Lua block of "${directive.name}" is never closed: the file ends first.`);
    else block.close = close;
    directive.block = block;
    this.setEnd(directive, close < 0 ? end : close + 1);
    this.tokenizer.pos = close < 0 ? end : close + 1;
  }

  private closeBlock(frame: Frame, at: number): void {
    const directive = frame.directive;
    if (!directive?.block) return;
    directive.block.close = at;
    this.setEnd(directive, at + 1);
    if (!this.misindentedClose) {
      const closeLine = this.lineAt(at);
      const closeStart = this.lines.lineStart(closeLine);
      const closeIndentEnd = this.indentEnd(closeLine);
      if (closeIndentEnd !== at) return; // `}` is not first on its line: nothing to compare
      const headerLine = frame.headerLine;
      const headerStart = this.lines.lineStart(headerLine);
      if (!this.sameText(closeStart, closeIndentEnd, headerStart, this.indentEnd(headerLine))) this.misindentedClose = { directive, line: closeLine };
    }
  }

  /** Whether text[a, aEnd) equals text[b, bEnd), compared in place. */
  private sameText(a: number, aEnd: number, b: number, bEnd: number): boolean {
    if (aEnd - a !== bEnd - b) return false;
    for (let i = 0; i < aEnd - a; i++) if (this.text.charCodeAt(a + i) !== this.text.charCodeAt(b + i)) return false;
    return true;
  }

  private indentEnd(line: number): number {
    let i = this.lines.lineStart(line);
    while (i < this.text.length && (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9)) i++;
    return i;
  }

  private reportUnclosed(open: Frame[]): void {
    const count = open.length === 1 ? 'one block' : `${open.length} blocks`;
    const suspect = this.misindentedClose;
    if (suspect) {
      const d = suspect.directive;
      this.problem(
        d.nameToken.start,
        d.nameToken.end,
        `Unbalanced braces: this "${d.name}" block looks like it is missing its "}" (the "}" on line ${suspect.line + 1} is indented like an outer block); the file ends with ${count} still open.`,
      );
      return;
    }
    const innermost = open[open.length - 1];
    const name = innermost.directive ? `"${innermost.directive.name}"` : 'this block';
    this.problem(innermost.open, innermost.open + 1, `Unbalanced braces: the "{" of ${name} is never closed; the file ends with ${count} still open.`);
  }

  /**
   * A line break followed by a well-known directive name almost always means the previous line
   * lost its `;` (`listen 80⏎ server_name a;` is read as `listen 80 server_name a;`). Split
   * there, report it, and keep both directives in the tree.
   */
  private splitAtMissingSemicolons(frame: Frame, words: NginxArg[]): NginxArg[][] | undefined {
    if (frame.entries || words.length < 2) return undefined;
    // Almost every statement has no split point: find that out (no look-ups, no copies) first.
    if (!this.hasSplitPoint(words) || !isKnownDirective(words[0].value)) return undefined;
    const groups: NginxArg[][] = [];
    let current: NginxArg[] = [words[0]];
    for (let i = 1; i < words.length; i++) {
      const word = words[i];
      const previous = words[i - 1];
      if (!word.quoted && this.lineBreakBetween(previous.end, word.start) && looksLikeDirectiveName(word.value)) {
        this.problem(previous.start, previous.end, `Missing ";" after "${previous.raw}": nginx reads "${word.value}" on the next line as one more argument of "${current[0].value}".`);
        groups.push(current);
        current = [word];
      } else {
        current.push(word);
      }
    }
    groups.push(current);
    return groups;
  }

  private hasSplitPoint(words: NginxArg[]): boolean {
    for (let i = 1; i < words.length; i++) {
      const word = words[i];
      // The line-break test is the cheaper one and almost always false: run it first.
      if (!word.quoted && this.lineBreakBetween(words[i - 1].end, word.start) && looksLikeDirectiveName(word.value)) return true;
    }
    return false;
  }

  /**
   * The line of `offset`. Statements arrive in text order, so a cursor that only moves forward
   * answers this without a search (and without allocating a position).
   */
  private lineAt(offset: number): number {
    if (offset < this.lines.lineStart(this.lineCursor)) return this.lineOf(offset);
    const count = this.lines.lineCount;
    while (this.lineCursor + 1 < count && this.lines.lineStart(this.lineCursor + 1) <= offset) this.lineCursor++;
    return this.lineCursor;
  }

  /** The line of `offset`, by binary search (positionAt without the object). */
  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lines.lineCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lines.lineStart(mid) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private lineBreakBetween(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return true;
    }
    return false;
  }

  private directive(frame: Frame, words: NginxArg[], terminatorStart: number, terminatorEnd: number): NginxDirective {
    const nameToken = words[0];
    words.shift(); // the rest are the arguments; reusing the array saves an allocation per directive
    const directive = new Directive(this.lines, nameToken, words, terminatorEnd, frame.directive, frame.entries, this.file);
    const first = this.lineAt(nameToken.start);
    this.lastDirectiveLine = first;
    const last = terminatorStart > nameToken.end ? this.lineAt(terminatorStart) : first;
    for (let line = first; line <= last; line++) if (this.statementLines[line] < 0) this.statementLines[line] = first;
    return directive;
  }

  private setEnd(directive: NginxDirective, end: number): void {
    directive.end = end;
  }

  private reportDuplicate(child: NginxDirective, first: NginxDirective, key: string): void {
    const what = child.name === 'location' ? `location "${key.slice(key.indexOf(' ') + 1)}"` : `"${child.name}"`;
    this.problem(
      child.nameToken.start,
      child.nameToken.end,
      `Duplicate ${what}: it is already set in this block on line ${first.nameRange.start.line + 1}, and nginx refuses to start.`,
      [{ range: first.nameRange, message: `first ${child.name} here` }],
    );
  }

  private problem(start: number, end: number, message: string, related?: RelatedLocation[]): void {
    this.problems.push({
      rule: SYNTAX_RULE,
      severity: 'error',
      message,
      range: this.lines.rangeOf(start, Math.max(end, start)),
      ...(related ? { related } : {}),
    });
  }
}

/** Blocks with more directives than this are checked for duplicates with a map. */
const SMALL_BLOCK = 16;

const NOT_KEYED = 0;
const UNIQUE_NAME = 1;
const EXACT_LOCATION = 2;
const PREFIX_LOCATION = 3;

/**
 * nginx refuses a second `pid`, `root`, `server_tokens`… in one block, and a repeated location:
 * the earlier sibling `directive` (whose duplicate kind is `kind`) repeats, if any. A typical
 * block holds a few directives: comparing in place needs no map and no key strings.
 */
function earlierDuplicate(children: NginxDirective[], directive: NginxDirective, kind: number): NginxDirective | undefined {
  const name = directive.name;
  for (let j = 0; j < children.length; j++) {
    const other = children[j];
    if (other.name !== name) continue;
    if (kind === UNIQUE_NAME || (locationKind(other) === kind && locationPath(other) === locationPath(directive))) return other;
  }
  return undefined;
}

/** The key nginx's duplicate checks compare (`root`, `= /x`, `prefix /x`), if any. */
function duplicateKey(directive: NginxDirective): string | undefined {
  return UNIQUE_PER_BLOCK.has(directive.name) ? directive.name : directive.name === 'location' ? locationKey(directive) : undefined;
}

/**
 * The identity nginx uses to detect a repeated location: exact (`=`) locations and prefix
 * ones (with or without `^~`) each per path. Regex and named locations are never compared.
 * locationKind and locationPath give its two parts without building the key.
 */
function locationKey(location: NginxDirective): string | undefined {
  const kind = locationKind(location);
  if (kind === NOT_KEYED) return undefined;
  return `${kind === EXACT_LOCATION ? '=' : 'prefix'} ${locationPath(location)}`;
}

function locationKind(location: NginxDirective): number {
  const first = location.args[0];
  if (!first) return NOT_KEYED;
  const second = location.args[1];
  const modifier = first.value;
  if (modifier === '=') return second ? EXACT_LOCATION : NOT_KEYED;
  if (modifier === '^~') return second ? PREFIX_LOCATION : NOT_KEYED;
  if (modifier === '~' || modifier === '~*' || modifier.startsWith('@')) return NOT_KEYED;
  if (modifier.startsWith('=')) return EXACT_LOCATION;
  if (modifier.startsWith('^~')) return PREFIX_LOCATION;
  if (modifier.startsWith('~')) return NOT_KEYED;
  return PREFIX_LOCATION;
}

/** The path of a location locationKind keys (`= /x`, `=/x`, `^~ /x`, `^~/x`, `/x`). */
function locationPath(location: NginxDirective): string {
  const modifier = location.args[0].value;
  if (modifier === '=' || modifier === '^~') return location.args[1].value;
  if (modifier.startsWith('=')) return modifier.slice(1);
  if (modifier.startsWith('^~')) return modifier.slice(2);
  return modifier;
}

/** A directive whose ranges are computed on first use (see Word in tokenizer.ts). */
class Directive implements NginxDirective {
  readonly name: string;
  block?: NginxBlock;
  readonly start: number;
  readonly file?: string;

  constructor(
    private readonly lines: LineIndex,
    readonly nameToken: NginxArg,
    readonly args: NginxArg[],
    public end: number,
    public parent: NginxDirective | undefined,
    readonly isEntry: boolean,
    file: string | undefined,
  ) {
    this.name = nameToken.value;
    this.start = nameToken.start;
    if (file) this.file = file;
  }

  get nameRange(): Range {
    return this.nameToken.range;
  }

  get range(): Range {
    return this.lines.rangeOf(this.start, this.end);
  }
}

class Block implements NginxBlock {
  readonly children: NginxDirective[] = [];
  close?: number;
  raw?: string;

  constructor(
    private readonly lines: LineIndex,
    readonly kind: BlockKind,
    readonly open: number,
  ) {}

  get openRange(): Range {
    return this.lines.rangeOf(this.open, this.open + 1);
  }

  get closeRange(): Range | undefined {
    return this.close === undefined ? undefined : this.lines.rangeOf(this.close, this.close + 1);
  }
}
