import { type Alias, isAlias, isMap, isScalar, isSeq, type Pair, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineIndex } from '../position';
import type { Range } from '../types';
import type { AnchorTable } from './anchors';
import { type Interpolated, interpolate, type VariableLookup } from './interpolate';

// The effective view of a YAML mapping: what Compose sees after merge keys (`<<: *a`,
// `<<: [*a, *b]`) and aliases are applied, with every value still pointing at the node the
// user wrote. A rule asks `service.get('privileged')` and gets the value wherever it lives —
// in the service itself or in an anchor three merges away — plus the trail (`via`) of merge
// keys and aliases that brought it there, so a finding can sit on the written value and
// mention the use site.

/** One step between where a value is used and where it is written. */
export interface Via {
  /** `merge`: pulled in by a `<<` key; `alias`: the value itself is `*name`. */
  kind: 'merge' | 'alias';
  /** The anchor's name; undefined for an inline `<<: {...}` mapping. */
  anchor?: string;
  /** The alias (`*name`) or, for an inline merge, the `<<` key — in the using mapping. */
  range: Range;
}

/** A value in the effective model (a sequence item, or the value half of an `Entry`). */
export interface Item {
  /** The node at this position as written: possibly an alias. */
  written: ParsedNode | null;
  /** The node after following aliases: where the value's text is. Null for an empty value or a dangling alias. */
  node: ParsedNode | null;
  /** Range of `node`, or of the nearest written thing when the value is empty. */
  range: Range;
  /** Merge keys and aliases between the using mapping and `node`, outermost first. Empty when written in place. */
  via: readonly Via[];
  /** The scalar as YAML typed it (string, number, boolean, null); undefined for collections. */
  raw: unknown;
  /** `raw` with `${VAR}` substituted; undefined when not a scalar or not resolvable. */
  value: unknown;
  /** False when the value cannot be known (an unknown variable, a dangling alias). Rules never judge such a value. */
  resolved: boolean;
  /** Details of the substitution, for string scalars that contain `$`. */
  interpolation?: Interpolated;
}

/** A key/value pair in the effective model. */
export interface Entry extends Item {
  key: string;
  /** The pair as written, inside `owner`. Edits that remove the key target this. */
  pair: Pair<ParsedNode, ParsedNode | null>;
  keyNode: ParsedNode;
  keyRange: Range;
  /** The mapping the pair is written in: the service itself or an anchored mapping it merges. */
  owner: YAMLMap<ParsedNode, ParsedNode | null>;
}

/** What the effective layer needs from its document. */
export interface NodeContext {
  text: string;
  lines: LineIndex;
  anchors: AnchorTable;
  lookup: VariableLookup;
  /** Per-mapping key index, shared by every view of that mapping (merged anchors are indexed once). */
  indexes: WeakMap<YAMLMap, Map<string, IndexedPair>>;
}

/** A key as found in one mapping's index, with the merges (relative to that mapping) that reach it. */
export interface IndexedPair {
  pair: Pair<ParsedNode, ParsedNode | null>;
  owner: YAMLMap<ParsedNode, ParsedNode | null>;
  via: readonly Via[];
}

/** The node's text range. Block scalars and collections own their trailing line break in YAML; a finding should not. */
export function rangeOfNode(context: NodeContext, node: ParsedNode): Range {
  return rangeOfSpan(context, node.range[0], node.range[1]);
}

/** The range of the text between two offsets, trailing blanks and line breaks left out (as for nodes). */
export function rangeOfSpan(context: NodeContext, start: number, rawEnd: number): Range {
  let end = rawEnd;
  while (end > start && isBlank(context.text.charCodeAt(end - 1))) end--;
  return context.lines.rangeOf(start, end);
}

function isBlank(code: number): boolean {
  return code === 32 /* space */ || code === 10 /* \n */ || code === 13 /* \r */ || code === 9 /* \t */;
}

/** Follows an alias to its anchored node; other nodes are returned as they are. */
export function resolveNode(context: NodeContext, node: ParsedNode | null | undefined): ParsedNode | null {
  if (!node) return null;
  if (isAlias(node)) return context.anchors.targets.get(node as Alias) ?? null;
  return node;
}

export function isMergeKey(key: unknown): boolean {
  // Only the plain `<<` merges; a quoted "<<" is an ordinary key, as in YAML 1.1 and Compose.
  return isScalar(key) && key.value === '<<' && (key as { type?: string }).type === 'PLAIN';
}

/** The key's text: scalars (after alias resolution) only; complex keys are not Compose. */
export function keyText(context: NodeContext, key: ParsedNode | null): string | undefined {
  const node = resolveNode(context, key);
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

export function makeItem(context: NodeContext, written: ParsedNode | null, via: readonly Via[], fallback: Range): Item {
  let node = written;
  let trail = via;
  let resolved = true;
  if (written && isAlias(written)) {
    node = context.anchors.targets.get(written as Alias) ?? null;
    trail = [...via, { kind: 'alias', anchor: (written as Alias).source, range: rangeOfNode(context, written) }];
    resolved = node !== null;
  }
  const hasText = node !== null && node.range[1] > node.range[0];
  const range = hasText ? rangeOfNode(context, node!) : fallback;
  if (!isScalar(node)) return { written, node, range, via: trail, raw: undefined, value: undefined, resolved };
  const raw = node.value;
  if (typeof raw !== 'string') return { written, node, range, via: trail, raw, value: raw, resolved };
  const interpolation = interpolate(raw, context.lookup);
  return {
    written,
    node,
    range,
    via: trail,
    raw,
    value: interpolation.value,
    resolved: interpolation.resolved,
    ...(interpolation.variables.length ? { interpolation } : {}),
  };
}

/**
 * A mapping as Compose sees it. Cheap to create: the key index is built on first use and
 * shared between every view of the same YAML mapping.
 */
export class EffectiveMap {
  constructor(
    readonly context: NodeContext,
    /** The mapping the view starts from (after alias resolution). */
    readonly node: YAMLMap<ParsedNode, ParsedNode | null>,
    /** The trail that led to this mapping; every entry's `via` starts with it. */
    readonly via: readonly Via[] = [],
  ) {}

  // Entries, child views and lists are built once per view and shared by every rule that asks
  // (the model is never mutated). Callers get fresh arrays, so sorting one cannot leak.
  private entryCache: Map<string, Entry | undefined> | undefined;
  private mapCache: Map<string, EffectiveMap | undefined> | undefined;
  private listCache: Map<string, Item[] | undefined> | undefined;
  private allEntries: Entry[] | undefined;

  get(key: string): Entry | undefined {
    const cache = (this.entryCache ??= new Map());
    if (cache.has(key)) return cache.get(key);
    const indexed = indexOf(this.context, this.node).get(key);
    const entry = indexed && this.entryFor(key, indexed);
    cache.set(key, entry);
    return entry;
  }

  has(key: string): boolean {
    return indexOf(this.context, this.node).has(key);
  }

  keys(): string[] {
    return [...indexOf(this.context, this.node).keys()];
  }

  /** Every effective entry: the mapping's own keys in order, then keys its merges add. */
  entries(): Entry[] {
    if (!this.allEntries) {
      const all: Entry[] = [];
      for (const key of indexOf(this.context, this.node).keys()) all.push(this.get(key)!);
      this.allEntries = all;
    }
    return this.allEntries.slice();
  }

  /** The value of `key` as a mapping view, when it is one. */
  map(key: string): EffectiveMap | undefined {
    const cache = (this.mapCache ??= new Map());
    if (cache.has(key)) return cache.get(key);
    const entry = this.get(key);
    const map = entry ? mapOf(this.context, entry) : undefined;
    cache.set(key, map);
    return map;
  }

  /** The items of `key`'s value, when it is a sequence (aliases in it resolved). */
  list(key: string): Item[] | undefined {
    const cache = (this.listCache ??= new Map());
    let items: Item[] | undefined;
    if (cache.has(key)) items = cache.get(key);
    else {
      const entry = this.get(key);
      items = entry ? listOf(this.context, entry) : undefined;
      cache.set(key, items);
    }
    return items?.slice();
  }

  private entryFor(key: string, indexed: IndexedPair): Entry {
    const { pair, owner } = indexed;
    const via = this.via.length ? [...this.via, ...indexed.via] : indexed.via;
    const keyNode = pair.key;
    const keyRange = rangeOfNode(this.context, keyNode);
    const item = makeItem(this.context, pair.value, via, keyRange);
    // Built field by field (not by spreading `item`): this runs for every key rules look at.
    const entry: Entry = {
      written: item.written,
      node: item.node,
      range: item.range,
      via: item.via,
      raw: item.raw,
      value: item.value,
      resolved: item.resolved,
      key,
      pair,
      keyNode,
      keyRange,
      owner,
    };
    if (item.interpolation) entry.interpolation = item.interpolation;
    return entry;
  }
}

/** The value as a mapping view (merges resolved) when it is a mapping. */
export function mapOf(context: NodeContext, item: Item): EffectiveMap | undefined {
  if (!isMap(item.node)) return undefined;
  // One view per (item, context), so its entry caches are shared by every rule asking.
  const cached = mapViews.get(item);
  if (cached && cached.context === context) return cached;
  const view = new EffectiveMap(context, item.node as YAMLMap<ParsedNode, ParsedNode | null>, item.via);
  if (!cached) mapViews.set(item, view);
  return view;
}

const mapViews = new WeakMap<Item, EffectiveMap>();

/** The value's items, aliases resolved, when it is a sequence. */
export function listOf(context: NodeContext, item: Item): Item[] | undefined {
  if (!isSeq(item.node)) return undefined;
  const cached = listViews.get(item);
  if (cached && cached.context === context) return cached.items.slice();
  const seq = item.node as YAMLSeq<ParsedNode | null>;
  const items = seq.items.map((child) => makeItem(context, child, item.via, item.range));
  if (!cached) listViews.set(item, { context, items });
  return items.slice();
}

const listViews = new WeakMap<Item, { context: NodeContext; items: Item[] }>();

/**
 * Builds (once per mapping) the key → pair index with YAML merge semantics: keys written in the
 * mapping win over merged ones; among merges, the earlier source wins (`<<: [*a, *b]` takes
 * a's value over b's); merged mappings may merge further. The alias graph is acyclic (see
 * anchors.ts), so the recursion ends; memoization keeps nested merge chains linear.
 */
export function indexOf(context: NodeContext, map: YAMLMap<ParsedNode, ParsedNode | null>): Map<string, IndexedPair> {
  const cached = context.indexes.get(map);
  if (cached) return cached;
  const index = new Map<string, IndexedPair>();
  context.indexes.set(map, index);
  const merges: Pair<ParsedNode, ParsedNode | null>[] = [];
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) {
      merges.push(pair);
      continue;
    }
    const key = keyText(context, pair.key);
    if (key !== undefined && !index.has(key)) index.set(key, { pair, owner: map, via: [] });
  }
  for (const merge of merges) {
    for (const source of mergeSources(context, merge)) {
      for (const [key, indexed] of indexOf(context, source.map)) {
        if (!index.has(key)) index.set(key, { pair: indexed.pair, owner: indexed.owner, via: [source.via, ...indexed.via] });
      }
    }
  }
  return index;
}

interface MergeSource {
  map: YAMLMap<ParsedNode, ParsedNode | null>;
  via: Via;
}

/** The mappings a `<<` pair pulls in: `*a`, `[*a, *b]`, or an inline mapping. Anything else is skipped (anchors.ts reports it). */
export function mergeSources(context: NodeContext, merge: Pair<ParsedNode, ParsedNode | null>): MergeSource[] {
  const value = merge.value;
  const fromNode = (node: ParsedNode | null): MergeSource | undefined => {
    if (!node) return undefined;
    const target = resolveNode(context, node);
    if (!isMap(target)) return undefined;
    const anchor = isAlias(node) ? (node as Alias).source : undefined;
    const range = rangeOfNode(context, isAlias(node) ? node : merge.key);
    return { map: target as YAMLMap<ParsedNode, ParsedNode | null>, via: { kind: 'merge', anchor, range } };
  };
  const resolved = resolveNode(context, value);
  if (isSeq(resolved)) {
    return (resolved as YAMLSeq<ParsedNode | null>).items.map(fromNode).filter((s): s is MergeSource => s !== undefined);
  }
  const single = fromNode(value);
  return single ? [single] : [];
}
