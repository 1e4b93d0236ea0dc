import { Alias, Composer, type Document, isAlias, isMap, isPair, isScalar, isSeq, Pair, Parser, type ParsedNode, Scalar, type YAMLMap, YAMLMap as YamlMap, YAMLSeq } from 'yaml';

// Incremental parsing by top-level service blocks. Typing changes one service at a time, yet
// the `yaml` library re-lexes and re-composes the whole file on every keystroke. Here the file
// is cut into
//
//   - one block per service: its key line up to the next service's key line, parsed as
//     `services:\n<block>` with the parser's offset set so that every node range is absolute;
//   - the skeleton: the text with every block but the last replaced by one blank line of the
//     same length (offsets after it stay absolute). Keeping the last block makes the
//     `services` mapping, the top-level mapping and the document end where they really do.
//
// Blocks are cached by their text, the skeleton by the text around the blank; one that only
// moved (an edit above it) is copied with its ranges shifted instead of re-parsed. The trees are
// stitched into the document a whole-file parse gives: same nodes, ranges, values, anchors,
// tags, errors (comments, which no rule reads, may attach to different nodes). Whatever this
// cannot promise to reproduce (several documents, directives, tabs, CRLF, a BOM, flow-style or
// odd indentation under `services:`, quoted or complex service keys, any YAML error or warning
// in a part, duplicate service names, fewer than two services) returns undefined and the
// caller parses the whole file. test/rules/compose/incremental.test.ts checks documents and
// findings against whole-file parses over every fixture, the corpus and tricky cases, after
// typical edits.

export type ParsedDocument = Document.Parsed;

const OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;

interface Block {
  start: number;
  text: string;
}

interface CachedBlock {
  start: number;
  pair: Pair<ParsedNode, ParsedNode | null>;
  /** For the first block: where the `services` mapping starts (comments above the first service may come first). */
  mapStart?: number;
}

/** The last skeleton parsed, by its text outside the blanked services, kept pristine (every use gets a copy). */
interface CachedSkeleton {
  key: string;
  blank: number;
  regionStart: number;
  doc: ParsedDocument;
}

let skeletonCache: CachedSkeleton | undefined;

/** Blocks of the last parsed file, by text. */
let cache = new Map<string, CachedBlock>();

/** For tests: turn incremental parsing off (whole-file parses only), or forget the cached blocks. */
export const incrementalParsing = { enabled: true };
export function resetIncrementalCache(): void {
  cache = new Map();
  skeletonCache = undefined;
}

/** Whole-file parse, as the library does it. */
export function parseWhole(text: string): ParsedDocument[] {
  const documents: ParsedDocument[] = [];
  const composer = new Composer(OPTIONS);
  for (const doc of composer.compose(new Parser().parse(text))) documents.push(doc as ParsedDocument);
  return documents;
}

/** The documents of `text`, reusing unchanged service blocks; undefined when only a whole-file parse will do. */
export function parseIncremental(text: string): ParsedDocument[] | undefined {
  if (!incrementalParsing.enabled) return undefined;
  const split = splitServices(text);
  if (!split) {
    cache = new Map();
    return undefined;
  }
  const { servicesLine, regionStart, regionEnd, blocks } = split;

  let misses = 0;
  for (const block of blocks) if (!cache.has(block.text)) misses++;
  if (misses > 4 && misses * 2 > blocks.length) {
    // Mostly new text (a file just opened, a paste): one whole-file parse is cheaper; its
    // service pairs seed the cache when they line up with the blocks.
    const documents = parseWhole(text);
    seed(documents, blocks);
    return documents;
  }

  // The skeleton keeps the last block: the `services` mapping, the top-level mapping and the
  // document then end exactly where they do in a whole-file parse.
  const lastBlock = blocks[blocks.length - 1];
  const skeleton = skeletonOf(text, regionStart, lastBlock.start);
  if (!skeleton) return fail();
  const top = skeleton[0].contents;
  if (!isMap(top)) return fail();
  const servicesPair = (top.items as Pair<ParsedNode, ParsedNode | null>[]).find(
    (pair) => isScalar(pair.key) && pair.key.range[0] === servicesLine.start,
  );
  if (!servicesPair || !isScalar(servicesPair.key) || servicesPair.key.value !== 'services') return fail();
  const services = servicesPair.value;
  if (!isMap(services) || services.flow || services.items.length !== 1) return fail();
  const lastPair = services.items[0] as Pair<ParsedNode, ParsedNode | null>;
  if (!isScalar(lastPair.key) || lastPair.key.range[0] < lastBlock.start) return fail();

  const next = new Map<string, CachedBlock>();
  const pairs: Pair<ParsedNode, ParsedNode | null>[] = [];
  let first: number | undefined;
  const names = new Set<unknown>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    let pair: Pair<ParsedNode, ParsedNode | null>;
    const hit = cache.get(block.text);
    let mapStart: number | undefined;
    if (i === blocks.length - 1) {
      pair = lastPair;
    } else if (hit && i > 0) {
      pair = hit.start === block.start ? hit.pair : shifted(hit.pair, block.start - hit.start);
    } else if (hit && hit.start === block.start && hit.mapStart !== undefined) {
      pair = hit.pair;
      mapStart = hit.mapStart;
    } else {
      const parsed = parseBlock(servicesLine.text, block);
      if (!parsed) return fail();
      pair = parsed.pair;
      if (i === 0) mapStart = parsed.map.range![0];
    }
    if (i === 0) first = mapStart;
    if (!isScalar(pair.key)) return fail();
    if (names.has(pair.key.value)) return fail(); // a duplicate key: the whole-file parse reports it
    names.add(pair.key.value);
    pairs.push(pair);
    next.set(block.text, i === 0 ? { start: block.start, pair, mapStart } : { start: block.start, pair });
  }
  if (first === undefined) return fail();

  services.range = [first, services.range![1], services.range![2]];
  services.items = pairs;
  cache = next;
  return skeleton;
}

function fail(): undefined {
  cache = new Map();
  skeletonCache = undefined;
  return undefined;
}

/**
 * The skeleton's documents: the text with the services before the last one blanked out. Parsed
 * when the text around the services changed; otherwise the last parse, copied with the ranges
 * after the blank moved by the change in its length. Undefined when it is not one clean document.
 */
function skeletonOf(text: string, regionStart: number, lastStart: number): ParsedDocument[] | undefined {
  const key = text.slice(0, regionStart) + '\u0000' + text.slice(lastStart);
  const blank = lastStart - regionStart;
  const cached = skeletonCache;
  if (cached && cached.key === key && cached.regionStart === regionStart) return [copyDocument(cached.doc, blank - cached.blank, regionStart)];
  const documents = parseWhole(text.slice(0, regionStart) + blankLine(blank) + text.slice(lastStart));
  if (documents.length !== 1 || hasProblems(documents[0])) return undefined;
  const doc = documents[0];
  // Ranges that start or end inside the blank could not be moved unambiguously: never cache those.
  skeletonCache = rangesAvoid(doc, regionStart, lastStart) ? { key, blank, regionStart, doc } : undefined;
  return [copyDocument(doc, 0, regionStart)];
}

function rangesAvoid(doc: ParsedDocument, from: number, to: number): boolean {
  const outside = (range: readonly number[] | null | undefined) => !range || range.every((offset) => offset < from || offset >= to);
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return true;
    if (isPair(node)) return visit(node.key) && visit(node.value);
    if (!outside((node as ParsedNode).range)) return false;
    const items = (node as { items?: unknown[] }).items;
    return !items || items.every(visit);
  };
  return outside(doc.range) && visit(doc.contents);
}

function copyDocument(doc: ParsedDocument, delta: number, from: number): ParsedDocument {
  const out = Object.create(Object.getPrototypeOf(doc), Object.getOwnPropertyDescriptors(doc)) as ParsedDocument;
  out.contents = copy(doc.contents, delta, from) as ParsedDocument['contents'];
  out.range = doc.range.map((offset) => (offset >= from ? offset + delta : offset)) as ParsedDocument['range'];
  out.errors = [];
  out.warnings = [];
  return out;
}

function hasProblems(doc: ParsedDocument): boolean {
  return doc.errors.length > 0 || doc.warnings.length > 0;
}

function blankLine(length: number): string {
  return length > 0 ? ' '.repeat(length - 1) + '\n' : '';
}

/** Parses one block under its `services:` line; undefined unless it is exactly one clean `name: value` pair. */
function parseBlock(servicesLine: string, block: Block): { pair: Pair<ParsedNode, ParsedNode | null>; map: YAMLMap } | undefined {
  const parser = new Parser();
  parser.offset = block.start - servicesLine.length;
  const documents: ParsedDocument[] = [];
  for (const doc of new Composer(OPTIONS).compose(parser.parse(servicesLine + block.text))) documents.push(doc as ParsedDocument);
  if (documents.length !== 1 || hasProblems(documents[0])) return undefined;
  const top = documents[0].contents;
  if (!isMap(top) || top.items.length !== 1) return undefined;
  const map = (top.items[0] as Pair).value;
  if (!isMap(map) || map.items.length !== 1 || map.flow) return undefined;
  const pair = map.items[0] as Pair<ParsedNode, ParsedNode | null>;
  if (!isScalar(pair.key) || pair.key.range[0] < block.start) return undefined;
  return { pair, map };
}

/** Caches the service pairs of a whole-file parse when they line up one to one with `blocks`. */
function seed(documents: ParsedDocument[], blocks: Block[]): void {
  cache = new Map();
  if (documents.length !== 1 || hasProblems(documents[0])) return;
  const top = documents[0].contents;
  if (!isMap(top)) return;
  const servicesPair = (top.items as Pair[]).find((pair) => isScalar(pair.key) && pair.key.value === 'services');
  const services = servicesPair?.value;
  if (!isMap(services) || services.flow || services.items.length !== blocks.length) return;
  const next = new Map<string, CachedBlock>();
  for (let i = 0; i < blocks.length; i++) {
    const pair = services.items[i] as Pair<ParsedNode, ParsedNode | null>;
    const end = i + 1 < blocks.length ? blocks[i + 1].start : blocks[i].start + blocks[i].text.length;
    if (!isScalar(pair.key) || pair.key.range[0] < blocks[i].start || pair.key.range[0] >= end) return;
    next.set(blocks[i].text, i === 0 ? { start: blocks[i].start, pair, mapStart: services.range![0] } : { start: blocks[i].start, pair });
  }
  cache = next;
}

/** A copy of the pair's tree with every range moved by `delta` (the cached tree stays as it is). */
function shifted(pair: Pair<ParsedNode, ParsedNode | null>, delta: number): Pair<ParsedNode, ParsedNode | null> {
  return copy(pair, delta) as Pair<ParsedNode, ParsedNode | null>;
}

/**
 * A deep copy with ranges moved. Built with the library's own constructors (which set the
 * non-enumerable node type and schema) plus the enumerable own properties: much cheaper than
 * the library's `clone()`, which copies property descriptors.
 */
function copy(node: unknown, delta: number, from = 0): unknown {
  if (!node || typeof node !== 'object') return node;
  let out: { range?: unknown; items?: unknown[] };
  if (isPair(node)) {
    return Object.assign(new Pair(null), node, { key: copy(node.key, delta, from), value: copy(node.value, delta, from) });
  } else if (isScalar(node)) {
    out = Object.assign(new Scalar(null), node);
  } else if (isMap(node)) {
    out = Object.assign(new YamlMap(node.schema), node);
    out.items = node.items.map((item) => copy(item, delta, from));
  } else if (isSeq(node)) {
    out = Object.assign(new YAMLSeq(node.schema), node);
    out.items = node.items.map((item) => copy(item, delta, from));
  } else if (isAlias(node)) {
    out = Object.assign(new Alias(node.source), node);
  } else {
    throw new Error('unexpected YAML node');
  }
  const range = (node as ParsedNode).range;
  if (range) {
    out.range = [
      range[0] >= from ? range[0] + delta : range[0],
      range[1] >= from ? range[1] + delta : range[1],
      range[2] >= from ? range[2] + delta : range[2],
    ];
  }
  return out;
}

interface Split {
  servicesLine: { start: number; text: string };
  /** Start and end of the text under `services:` (the line after it up to the next top-level key). */
  regionStart: number;
  regionEnd: number;
  blocks: Block[];
}

/** Cuts the text into service blocks; undefined for anything but plain block-style, single-document, LF-only YAML. */
export function splitServices(text: string): Split | undefined {
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  // One document only, no directives.
  if (/^(?:---|\.\.\.|%)/m.test(text)) return undefined;
  const header = /^services:[ ]*(?:#[^\n]*)?\n/gm;
  const match = header.exec(text);
  if (!match || header.exec(text)) return undefined;
  const servicesStart = match.index;
  const regionStart = servicesStart + match[0].length;

  let indent = -1;
  let regionEnd = text.length;
  const starts: number[] = [];
  let offset = regionStart;
  while (offset < text.length) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    let col = offset;
    while (col < lineEnd && text.charCodeAt(col) === 32) col++;
    const first = text[col];
    const blank = col === lineEnd || first === '#';
    if (!blank) {
      const width = col - offset;
      if (width === 0) {
        regionEnd = offset;
        break;
      }
      if (indent < 0) indent = width;
      if (width < indent) return undefined;
      if (width === indent) {
        // A service key line: plain keys only (no `- item`, `? key`, flow or quoted keys, anchors or tags on the key).
        if (!/^[A-Za-z0-9_.-][^:\n#]*:(?: |$)/.test(text.slice(col, lineEnd))) return undefined;
        if (text[col] === '-' && text[col + 1] === ' ') return undefined;
        starts.push(offset);
      }
    }
    offset = lineEnd + 1;
  }
  if (starts.length < 2) return undefined;
  // Comments and blank lines after `services:` belong to the first block.
  starts[0] = regionStart;
  const blocks: Block[] = starts.map((start, i) => ({ start, text: text.slice(start, i + 1 < starts.length ? starts[i + 1] : regionEnd) }));
  if (regionEnd === text.length && !text.endsWith('\n')) return undefined;
  return { servicesLine: { start: servicesStart, text: match[0] }, regionStart, regionEnd, blocks };
}
