import type { TextEdit } from '../types';
import type { NginxArg, NginxDirective } from './ast';
import type { NginxModel } from './model';

// Text edits that add directives the way the file's author would have written them: same
// indentation style (tabs or N spaces), same line breaks, and stable when applied twice.

export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** One level of indentation as this file writes it: a tab, or the smallest step of spaces. */
export function indentUnit(model: NginxModel): string {
  let smallest = 0;
  for (let line = 0; line < model.lines.lineCount; line++) {
    const indent = indentOf(model.lines.lineText(line));
    if (!indent || indent.length === model.lines.lineText(line).length) continue;
    if (indent.startsWith('\t')) return '\t';
    if (!smallest || indent.length < smallest) smallest = indent.length;
  }
  return ' '.repeat(smallest > 0 && smallest <= 8 ? smallest : 4);
}

/** Inserts `text` (one directive) as the first line inside `block`'s braces. */
export function insertFirstInBlock(model: NginxModel, block: NginxDirective, text: string): TextEdit {
  const lines = model.lines;
  const open = block.block!.openRange.end;
  const rest = lines.lineText(open.line).slice(open.character).trim();
  const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });
  if (rest && !rest.startsWith('#')) {
    // A one-line block (`http { include conf.d/*.conf; }`): stay on that line.
    return { range: at(open.line, open.character), newText: ` ${text}` };
  }
  const indent = childIndent(model, block);
  if (open.line + 1 < lines.lineCount) return { range: at(open.line + 1, 0), newText: `${indent}${text}${eolOf(model)}` };
  const end = lines.lineText(open.line).length;
  return { range: at(open.line, end), newText: `${eolOf(model)}${indent}${text}` };
}

/** Inserts `text` on its own line before the file's first directive (after leading comments). */
export function insertAtTop(model: NginxModel, text: string): TextEdit {
  const first = model.directives[0];
  const line = first ? first.nameRange.start.line : 0;
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `${text}${model.lines.eol}${model.lines.eol}` };
}

/** The indentation of the block's first child line, or the header's plus one level. */
function childIndent(model: NginxModel, block: NginxDirective): string {
  const header = block.nameRange.start.line;
  const openLine = block.block!.openRange.start.line;
  for (const child of block.block!.children) {
    const line = child.nameRange.start.line;
    if (line <= openLine) continue;
    const text = model.lines.lineText(line);
    if (indentOf(text).length === child.nameRange.start.character) return indentOf(text);
  }
  return indentOf(model.lines.lineText(header)) + indentUnit(model);
}

const eols = new WeakMap<NginxModel, string>();

/** The file's line break, computed once per model (LineIndex scans the whole text each time). */
export function eolOf(model: NginxModel): string {
  let eol = eols.get(model);
  if (eol === undefined) eols.set(model, (eol = model.lines.eol));
  return eol;
}

const point = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

/** A directive as one line of text (`add_header X-A "a" always;`), words as written. */
export function directiveText(directive: NginxDirective): string {
  let out = directive.nameToken.raw;
  for (const arg of directive.args) out += ` ${arg.raw}`;
  return `${out};`;
}

/** Whether only whitespace precedes `directive` on its line. */
function startsItsLine(model: NginxModel, directive: NginxDirective): boolean {
  const { line, character } = directive.nameRange.start;
  const lineStart = model.lines.lineStart(line);
  return firstNonBlank(model.text, lineStart, lineStart + character) < 0;
}

/** The indentation a new sibling of `directive` gets. */
export function siblingIndent(model: NginxModel, directive: NginxDirective): string {
  if (startsItsLine(model, directive)) return lineIndent(model, directive.nameRange.start.line);
  if (directive.parent?.block) return childIndent(model, directive.parent);
  return '';
}

/** indentOf(the text of `line`), without copying the line. */
function lineIndent(model: NginxModel, line: number): string {
  const text = model.text;
  const start = model.lines.lineStart(line);
  const end = model.lines.lineEnd(line);
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return text.slice(start, i);
}

/**
 * The first offset in [from, to) that String.prototype.trim would keep, or -1: `text.slice(from,
 * to).trim()` is empty exactly when this is -1, and starts with that character otherwise.
 */
function firstNonBlank(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (!isBlank(text.charCodeAt(i))) return i;
  return -1;
}

/** The characters trim() removes (WhiteSpace and LineTerminator). */
function isBlank(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 0xa0 && /\s/.test(String.fromCharCode(c));
}

/** Inserts `texts` (one directive each) on their own lines just before `directive`. */
export function insertBefore(model: NginxModel, directive: NginxDirective, texts: string[]): TextEdit {
  const { line, character } = directive.nameRange.start;
  if (!startsItsLine(model, directive)) return { range: point(line, character), newText: joined(texts, '', ' ') };
  return { range: point(line, 0), newText: joined(texts, lineIndent(model, line), eolOf(model)) };
}

/** Inserts `texts` on their own lines just after `directive` (after a trailing comment on its line). */
export function insertAfter(model: NginxModel, directive: NginxDirective, texts: string[]): TextEdit {
  const lines = model.lines;
  const line = lines.positionAt(directive.end).line;
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  // What follows the directive on its line: another directive (stay on the line) or a comment.
  const rest = firstNonBlank(model.text, Math.min(Math.max(directive.end, lineStart), lineEnd), lineEnd);
  if (rest >= 0 && model.text.charCodeAt(rest) !== 35 /* # */) {
    return { range: point(line, directive.end - lineStart), newText: joined(texts, ' ', '') };
  }
  const indent = siblingIndent(model, directive);
  return { range: point(line, lineEnd - lineStart), newText: joined(texts, eolOf(model) + indent, '') };
}

/** before + text + after for each of `texts`, concatenated. */
function joined(texts: string[], before: string, after: string): string {
  let out = '';
  for (const text of texts) out += before + text + after;
  return out;
}

/** Inserts `texts` as the first lines inside `block`'s braces. */
export function insertInBlock(model: NginxModel, block: NginxDirective, texts: string[]): TextEdit {
  if (texts.length === 1) return insertFirstInBlock(model, block, texts[0]);
  const lines = model.lines;
  const open = block.block!.openRange.end;
  const rest = lines.lineText(open.line).slice(open.character).trim();
  if (rest && !rest.startsWith('#')) return { range: point(open.line, open.character), newText: texts.map((t) => ` ${t}`).join('') };
  const indent = childIndent(model, block);
  if (open.line + 1 < lines.lineCount) return { range: point(open.line + 1, 0), newText: texts.map((t) => `${indent}${t}${eolOf(model)}`).join('') };
  const end = lines.lineText(open.line).length;
  return { range: point(open.line, end), newText: texts.map((t) => `${eolOf(model)}${indent}${t}`).join('') };
}

/** Inserts `texts` before the file's first directive, on their own lines, with its indentation. */
export function insertLinesAtTop(model: NginxModel, texts: string[]): TextEdit {
  const first = model.directives[0];
  if (!first) return { range: point(0, 0), newText: texts.map((t) => `${t}${eolOf(model)}`).join('') };
  return insertBefore(model, first, texts);
}

/** The range of `value.slice(from, to)` inside `arg` when it can be mapped exactly, else the whole argument. */
export function subRange(model: NginxModel, arg: NginxArg, from: number, to: number) {
  const raw = arg.raw;
  const inner = arg.quoted ? raw.slice(1, -1) : raw;
  if (inner !== arg.value) return arg.range;
  const base = arg.start + (arg.quoted ? 1 : 0);
  return model.lines.rangeOf(base + from, base + to);
}

/** An edit removing `arg` and the whitespace before it. */
export function removeArg(model: NginxModel, arg: NginxArg): TextEdit {
  let start = arg.start;
  const text = model.text;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { range: model.lines.rangeOf(start, arg.end), newText: '' };
}
