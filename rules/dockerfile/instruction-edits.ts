import type { Instruction } from 'dockerfile-ast';
import type { TextEdit } from '../types';
import type { DockerfileModel } from './model';

// Text edits that add or remove whole instructions, keeping the file's line breaks,
// indentation and the neighbouring continuation lines intact.

/** Deletes the lines an instruction spans (continuations and heredoc bodies included). */
export function deleteInstruction(model: DockerfileModel, instruction: Instruction): TextEdit {
  const { lines } = model;
  const range = instruction.getRange();
  const startLine = range.start.line;
  const endLine = range.end.line;
  const start = lines.lineStart(startLine);
  if (endLine + 1 < lines.lineCount) {
    return { range: lines.rangeOf(start, lines.lineStart(endLine + 1)), newText: '' };
  }
  // Last line of the file: take the line break before it instead.
  const from = startLine > 0 ? lines.lineEnd(startLine - 1) : start;
  return { range: lines.rangeOf(from, lines.lineEnd(endLine)), newText: '' };
}

/** Inserts `text` as a new line (or lines) just before `instruction`, with its indentation. */
export function insertBefore(model: DockerfileModel, instruction: Instruction, text: string[]): TextEdit {
  const line = instruction.getRange().start.line;
  const indent = /^[ \t]*/.exec(model.lines.lineText(line))![0];
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: text.map((t) => indent + t + model.lines.eol).join('') };
}
