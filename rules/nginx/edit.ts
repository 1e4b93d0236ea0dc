import type { TextEdit } from '../types';
import type { NginxDirective } from './ast';
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
  if (open.line + 1 < lines.lineCount) return { range: at(open.line + 1, 0), newText: `${indent}${text}${lines.eol}` };
  const end = lines.lineText(open.line).length;
  return { range: at(open.line, end), newText: `${lines.eol}${indent}${text}` };
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
