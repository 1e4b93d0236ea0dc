import type { Position, Range } from './types';

/**
 * Converts between string offsets and LSP positions for one text. JavaScript strings are
 * UTF-16, which is exactly what LSP columns count, so offsets within a line are columns.
 */
export class LineIndex {
  private readonly starts: number[];
  private static last: LineIndex | undefined;

  /**
   * The index of `text`, shared by everyone who analyzes the same text in a row (the engine,
   * the model, suppressions), so a large file is scanned for line breaks once per analysis.
   */
  static of(text: string): LineIndex {
    const last = LineIndex.last;
    if (last && last.text === text) return last;
    return (LineIndex.last = new LineIndex(text));
  }

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // The common case: let indexOf find the breaks, it is much faster than a char loop.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */) starts.push(i + 1);
        else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    const start = this.positionAt(startOffset);
    // Most ranges sit on one line: then the end needs no second search.
    const line = start.line;
    if (startOffset >= 0 && endOffset >= startOffset && endOffset <= this.text.length && (line + 1 >= this.starts.length || endOffset < this.starts[line + 1])) {
      return { start, end: { line, character: endOffset - this.starts[line] } };
    }
    return { start, end: this.positionAt(endOffset) };
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(0, line), this.starts.length - 1)];
  }

  /** Offset of the end of `line`, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length + 1;
    let end = next - 1;
    if (end > this.text.length) end = this.text.length;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13 && this.text.charCodeAt(end) === 10) end--;
    return Math.max(this.starts[line] ?? 0, end);
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The line break the file uses, so inserted lines match it. */
  get eol(): string {
    return this.text.includes('\r\n') ? '\r\n' : '\n';
  }
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function compareRanges(a: Range, b: Range): number {
  return comparePositions(a.start, b.start) || comparePositions(a.end, b.end);
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
