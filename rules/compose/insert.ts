import { isMap, isPair, isScalar, isSeq, type ParsedNode, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../types';
import type { NodeContext } from './effective';
import { dashBefore } from './edits';
import { valueStartOffset } from './values';

// Minimal "add" edits against the user's YAML, the counterpart of edits.ts: add a key to a
// mapping, items to a list, or turn a scalar into a list, touching only the bytes that must
// change. New lines copy the indentation of their siblings and the file's line break; flow
// collections stay flow; new list items copy the quoting of the items already there. Nothing
// is re-serialized, so comments, anchors and formatting elsewhere survive untouched.

export type YamlMap = YAMLMap<ParsedNode, ParsedNode | null>;
export type YamlSeq = YAMLSeq<ParsedNode | null>;

/** How a new list should look inside a block mapping. */
export interface ListStyle {
  flow: boolean;
  /** Column of `-` relative to the key's column (0: `- x` under the key, 2: indented). */
  dashOffset: number;
}

/** The value to write for a new key: a scalar as it should appear, or list items (unquoted text). */
export type NewValue = { scalar: string } | { list: string[] };

const DEFAULT_STYLE: ListStyle = { flow: true, dashOffset: 2 };

/**
 * The list style the user already uses: the first list value found in `maps` (the service
 * itself first, then its siblings). Flow when nothing tells.
 */
export function listStyleOf(context: NodeContext, maps: Iterable<YamlMap | undefined>): ListStyle {
  return findListStyle(context, maps) ?? DEFAULT_STYLE;
}

/** The first list style found in `maps`, or undefined when none of them holds a list. */
export function findListStyle(context: NodeContext, maps: Iterable<YamlMap | undefined>): ListStyle | undefined {
  for (const map of maps) {
    if (!map || map.flow) continue;
    for (const pair of map.items) {
      const value = pair.value;
      if (!isSeq(value)) continue;
      if (value.flow) return { flow: true, dashOffset: 2 };
      const first = (value as YamlSeq).items[0];
      if (!first || !isPair(pair) || !pair.key) continue;
      const dash = dashBefore(context.text, (first as ParsedNode).range[0]);
      const keyColumn = context.lines.positionAt((pair.key as ParsedNode).range[0]).character;
      const dashColumn = context.lines.positionAt(dash).character;
      return { flow: false, dashOffset: Math.max(0, dashColumn - keyColumn) };
    }
  }
  return undefined;
}

/** Adds `key: value` at the end of a mapping (block: a new line at the siblings' indentation; flow: `, key: value` before `}`). */
export function addEntryEdit(context: NodeContext, map: YamlMap, key: string, value: NewValue, style: ListStyle = DEFAULT_STYLE): TextEdit | undefined {
  return addEntriesEdit(context, map, [{ key, value }], style);
}

/** Adds several keys at the end of a mapping in one edit, in the given order. */
export function addEntriesEdit(
  context: NodeContext,
  map: YamlMap,
  entries: { key: string; value: NewValue }[],
  style: ListStyle = DEFAULT_STYLE,
): TextEdit | undefined {
  const { text, lines } = context;
  if (!entries.length) return undefined;
  if (map.flow) {
    const rendered = entries.map(({ key, value }) => `${key}: ${'scalar' in value ? value.scalar : flowList(value.list)}`);
    return appendFlowEdit(context, map, rendered.join(', '));
  }
  const last = map.items[map.items.length - 1];
  if (!last || !last.key) return undefined;
  const keyStart = (last.key as ParsedNode).range[0];
  const column = lines.positionAt(keyStart).character;
  // The key must start its own line (after an optional `- `), or the indentation is not ours to copy.
  const before = text.slice(lines.lineStart(lines.positionAt(keyStart).line), keyStart);
  if (!/^[ ]*(?:-[ ]+)*$/.test(before)) return undefined;
  const indent = ' '.repeat(column);
  const eol = lines.eol;
  let added = '';
  for (const { key, value } of entries) {
    if ('scalar' in value) added += `${eol}${indent}${key}: ${value.scalar}`;
    else if (style.flow) added += `${eol}${indent}${key}: ${flowList(value.list)}`;
    else {
      const dash = ' '.repeat(column + style.dashOffset);
      added += `${eol}${indent}${key}:` + value.list.map((item) => `${eol}${dash}- ${formatItem(item, '', false)}`).join('');
    }
  }
  const at = insertionLineEnd(context, endOfPair(context, last));
  if (at === undefined) return undefined;
  return { range: lines.rangeOf(at, at), newText: added };
}

function flowList(items: string[]): string {
  return `[${items.map((item) => formatItem(item, '', true)).join(', ')}]`;
}

/**
 * Edits of one fix, with insertions at the same point joined in the given order (two inserts
 * at one position would otherwise apply in an unspecified order). Undefined when any edit is.
 */
export function combineEdits(edits: (TextEdit | undefined)[]): TextEdit[] | undefined {
  const out: TextEdit[] = [];
  for (const edit of edits) {
    if (!edit) return undefined;
    const same = out.find(
      (other) =>
        other.range.start.line === edit.range.start.line &&
        other.range.start.character === edit.range.start.character &&
        other.range.end.line === other.range.start.line &&
        other.range.end.character === other.range.start.character &&
        edit.range.end.line === edit.range.start.line &&
        edit.range.end.character === edit.range.start.character,
    );
    if (same) same.newText += edit.newText;
    else out.push({ ...edit });
  }
  return out;
}

/** Appends items to a list where it is written, copying the quoting of its first scalar item. */
export function appendItemsEdit(context: NodeContext, seq: YamlSeq, items: string[]): TextEdit | undefined {
  const { text, lines } = context;
  const quote = quoteOf(seq);
  if (seq.flow) return appendFlowEdit(context, seq, items.map((item) => formatItem(item, quote, true)).join(', '));
  const last = seq.items[seq.items.length - 1] as ParsedNode | null;
  if (!last) return undefined;
  const dash = dashBefore(text, last.range[0]);
  if (text[dash] !== '-') return undefined;
  const column = lines.positionAt(dash).character;
  const lineStart = lines.lineStart(lines.positionAt(dash).line);
  if (text.slice(lineStart, dash).trim() !== '') return undefined; // `- - x`: nested dashes on one line
  const at = insertionLineEnd(context, trimEnd(text, last.range[0], last.range[1]));
  if (at === undefined) return undefined;
  const eol = lines.eol;
  const added = items.map((item) => `${eol}${' '.repeat(column)}- ${formatItem(item, quote, false)}`).join('');
  return { range: lines.rangeOf(at, at), newText: added };
}

/** Replaces a scalar (`tmpfs: /run`) with a flow list of it and `items` (`tmpfs: [/run, /tmp]`). */
export function scalarToListEdit(context: NodeContext, node: ParsedNode, items: string[]): TextEdit | undefined {
  if (!isScalar(node)) return undefined;
  const [start, end] = node.range;
  const source = context.text.slice(start, end).trimEnd();
  if (/[\r\n]/.test(source) || source.startsWith('|') || source.startsWith('>')) return undefined;
  const quote = (node as Scalar).type === 'QUOTE_DOUBLE' ? '"' : (node as Scalar).type === 'QUOTE_SINGLE' ? "'" : '';
  const rest = items.map((item) => formatItem(item, quote, true)).join(', ');
  return { range: context.lines.rangeOf(start, start + source.length), newText: `[${source}, ${rest}]` };
}

/** Replaces a scalar's value text, keeping its quotes (`"false"` → `"true"`). Undefined when escapes or folding make offsets unreliable. */
export function replaceScalarEdit(context: NodeContext, node: ParsedNode | null, newValue: string): TextEdit | undefined {
  if (!isScalar(node)) return undefined;
  const raw = (node as Scalar).value;
  if (typeof raw !== 'string') {
    // Booleans and numbers are plain scalars: their text is the whole node.
    const [start, end] = node.range;
    const source = context.text.slice(start, end).trimEnd();
    return { range: context.lines.rangeOf(start, start + source.length), newText: newValue };
  }
  const start = valueStartOffset(context, node);
  if (start === undefined) return undefined;
  return { range: context.lines.rangeOf(start, start + raw.length), newText: newValue };
}

/** Inserts `newText` at `offset` within a scalar's value (offset counted in the raw value). */
export function insertInScalarEdit(context: NodeContext, node: ParsedNode | null, offset: number, newText: string): TextEdit | undefined {
  const start = valueStartOffset(context, node);
  if (start === undefined) return undefined;
  return { range: context.lines.rangeOf(start + offset, start + offset), newText };
}

// ---------------------------------------------------------------- helpers

/** A list item as it should be written: with the list's quotes, or double quotes when a plain scalar would not survive. */
export function formatItem(item: string, quote: string, flow: boolean): string {
  if (quote === "'") return `'${item.replace(/'/g, "''")}'`;
  if (quote === '"' || needsQuotes(item, flow)) return JSON.stringify(item);
  return item;
}

function needsQuotes(item: string, flow: boolean): boolean {
  if (!item || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(item) || /\s$/.test(item) || /: |\s#/.test(item)) return true;
  // In flow collections, `,[]{}` end a plain scalar and `:` reads as a key indicator to some parsers.
  return flow && /[,[\]{}:]/.test(item);
}

function quoteOf(seq: YamlSeq): string {
  for (const item of seq.items) {
    if (!isScalar(item)) continue;
    const type = (item as Scalar).type;
    if (type === 'QUOTE_DOUBLE') return '"';
    if (type === 'QUOTE_SINGLE') return "'";
    return '';
  }
  return '';
}

/** Inserts before the closing bracket of a flow collection: `, text` after the last item, or `text` into an empty one. */
function appendFlowEdit(context: NodeContext, collection: YamlMap | YamlSeq, added: string): TextEdit | undefined {
  const { text, lines } = context;
  const [start, end] = (collection as unknown as ParsedNode).range;
  const close = text.lastIndexOf(isMap(collection) ? '}' : ']', end - 1);
  if (close < start) return undefined;
  const items = collection.items as unknown[];
  if (!items.length) return { range: lines.rangeOf(close, close), newText: added };
  const last = items[items.length - 1];
  const lastEnd = isPair(last) ? endOfPair(context, last as YamlMap['items'][number]) : trimEnd(text, (last as ParsedNode).range[0], (last as ParsedNode).range[1]);
  return { range: lines.rangeOf(lastEnd, lastEnd), newText: `, ${added}` };
}

function endOfPair(context: NodeContext, pair: YamlMap['items'][number]): number {
  const key = pair.key as ParsedNode | null;
  const value = pair.value as ParsedNode | null;
  const start = key?.range[0] ?? value?.range[0] ?? 0;
  const end = Math.max(key?.range[1] ?? start, value?.range[1] ?? start);
  return trimEnd(context.text, start, end);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** End of the line holding `offset` (trailing comment included), where a new sibling line goes. */
function insertionLineEnd(context: NodeContext, offset: number): number | undefined {
  const line = context.lines.positionAt(offset).line;
  return context.lines.lineEnd(line);
}
