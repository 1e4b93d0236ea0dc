import { isMap, isPair, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../types';
import type { Entry, NodeContext } from './effective';

// Minimal text edits against the user's YAML: remove a key or a list item in place, keeping
// every other byte (comments, quoting, indentation, line endings) as written. The YAML is
// never re-serialized. Returns undefined when a clean edit is not possible — most importantly
// when the removed text defines an anchor that is still used elsewhere, where deleting it
// would break the file.

type Collection = YAMLMap<ParsedNode, ParsedNode | null> | YAMLSeq<ParsedNode | null>;

/** Removes an entry's key and value where they are written (in the service, or in the anchor it merges). */
export function removeEntryEdit(context: NodeContext, entry: Entry): TextEdit | undefined {
  return removeChildEdit(context, entry.owner, entry.owner.items.indexOf(entry.pair));
}

/**
 * Removes child `index` of a mapping or sequence. Block style: the child's whole lines go,
 * trailing comment included; the last child left becomes `{}` / `[]` so the parent keeps its
 * type. Flow style: the child and one adjoining comma go.
 */
export function removeChildEdit(context: NodeContext, collection: Collection, index: number): TextEdit | undefined {
  const children = collection.items as unknown[];
  if (index < 0 || index >= children.length) return undefined;
  const { text, lines } = context;
  const span = (i: number) => childSpan(context, collection, i);
  const { start, end } = span(index);
  const edit = (from: number, to: number, newText = ''): TextEdit | undefined =>
    orphansAnchor(context, from, to) ? undefined : { range: lines.rangeOf(from, to), newText };
  const empty = isMap(collection) ? '{}' : '[]';

  if (collection.flow) {
    if (index + 1 < children.length) return edit(start, span(index + 1).start);
    if (index > 0) return edit(span(index - 1).end, end);
    return edit(start, end);
  }

  const firstLine = lines.positionAt(start).line;
  const lastLine = lines.positionAt(end).line;
  const ownsItsLines = text.slice(lines.lineStart(firstLine), start).trim() === '';
  if (children.length === 1) return edit(start, lines.lineEnd(lastLine), empty);
  if (!ownsItsLines) {
    // `- privileged: true` inside a list of mappings: the next key moves up after the dash.
    return index + 1 < children.length ? edit(start, span(index + 1).start) : undefined;
  }
  if (lastLine + 1 < lines.lineCount) return edit(lines.lineStart(firstLine), lines.lineStart(lastLine + 1));
  // Last line of a file without a final line break: take the preceding break instead.
  return edit(firstLine > 0 ? lines.lineEnd(firstLine - 1) : 0, lines.lineEnd(lastLine));
}

/** Offsets of a child's text: from its key (or its `- `) to the end of its value, trailing blanks excluded. */
function childSpan(context: NodeContext, collection: Collection, index: number): { start: number; end: number } {
  const child = collection.items[index] as unknown;
  let start: number;
  let end: number;
  if (isPair(child)) {
    const key = child.key as ParsedNode | null;
    const value = child.value as ParsedNode | null;
    start = (key ?? value)?.range[0] ?? 0;
    end = Math.max(key?.range[1] ?? start, value?.range[1] ?? start);
  } else {
    const node = child as ParsedNode | null;
    start = node?.range[0] ?? 0;
    end = node?.range[1] ?? start;
    if (!collection.flow) start = dashBefore(context.text, start);
  }
  while (end > start && /\s/.test(context.text[end - 1])) end--;
  return { start, end };
}

/** The offset of the `-` that introduces a block sequence item starting at `offset` (anchors and tags may sit between). */
export function dashBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0) {
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    if (i < 0 || text[i] === '\n' || text[i] === '\r') break;
    if (text[i] === '-' && (i === 0 || /\s/.test(text[i - 1]))) return i;
    // Skip a whole property token (`&my-anchor`, `!tag`) so a dash inside it is not taken for the indicator.
    while (i >= 0 && !/\s/.test(text[i])) i--;
  }
  return offset;
}

/** True when `from..to` holds an anchor definition that an alias outside the range still uses. */
function orphansAnchor(context: NodeContext, from: number, to: number): boolean {
  for (const [anchored, aliases] of context.anchors.usesOf) {
    const inside = (offset: number) => offset >= from && offset < to;
    // The `&name` token sits before the node (for a block mapping, on the line above its first key).
    const definedAt = anchored.anchor ? context.text.lastIndexOf(`&${anchored.anchor}`, anchored.range[0]) : anchored.range[0];
    if (!inside(definedAt)) continue;
    if (aliases.some((alias) => !inside(alias.range?.[0] ?? 0))) return true;
  }
  return false;
}
