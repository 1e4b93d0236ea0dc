import { isCollection, isPair, type Node, type ParsedNode } from 'yaml';
import type { LineIndex } from '../position';
import type { ComposeDocument } from './syntax';

// Which line a finding's statement starts on, for `# shipshape-ignore` comments: the line of
// the key (or `- item`) whose value the finding's line belongs to. A multi-line value (block
// scalar, nested mapping written over several lines) maps back to its key, so the comment goes
// above the key as users expect; nested keys and list items are statements of their own.

export function statementStarts(documents: ComposeDocument[], text: string, lines: LineIndex): Int32Array {
  const starts = new Int32Array(lines.lineCount);
  for (let line = 0; line < starts.length; line++) starts[line] = line;

  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const lastLineOf = (start: number, end: number) => {
    while (end > start && /\s/.test(text[end - 1])) end--;
    return lineOf(Math.max(start, end - 1));
  };
  const claim = (start: number, end: number) => {
    const first = lineOf(start);
    const last = lastLineOf(start, end);
    for (let line = first; line <= last; line++) starts[line] = first;
  };

  // Outer statements are claimed first; inner ones then overwrite the lines they own.
  const visit = (node: Node | null | undefined): void => {
    if (!isCollection(node)) return;
    for (const child of node.items) {
      if (isPair(child)) {
        const key = child.key as ParsedNode | null;
        const value = child.value as ParsedNode | null;
        const start = (key ?? value)?.range[0];
        if (start === undefined) continue;
        if (!node.flow) claim(start, Math.max(key?.range[1] ?? start, value?.range[1] ?? start));
        visit(value);
      } else {
        const item = child as ParsedNode | null;
        if (!item) continue;
        if (!node.flow) claim(item.range[0], item.range[1]);
        visit(item);
      }
    }
  };
  for (const doc of documents) visit(doc.contents);
  return starts;
}
