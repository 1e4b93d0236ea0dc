import { type Alias, isMap, isScalar, isSeq, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { AnchorTable } from './anchors';
import type { Range, Report } from '../types';
import { indexOf, type NodeContext, rangeOfNode, rangeOfSpan, resolveNode } from './effective';
import { interpolate } from './interpolate';
import type { ComposeModel } from './model';

// Validation against the Compose Specification JSON schema (schema/compose-spec.json, compiled
// ahead of time by schema/generate.ts into a standalone ajv validator).
//
// 1. Each YAML document becomes the plain value Compose validates: merge keys applied, aliases
//    followed, `${VAR}` substituted from `.env`, `!reset` keys dropped. Alongside it a tree of
//    locations records where every key and value is *written* (in the anchor, for merged ones).
// 2. ajv reports every error (allErrors). oneOf noise is collapsed to the most specific
//    branch, errors on values that depend on an unknown variable are dropped, and each error
//    becomes a message on the offending key (unknown keys, with a "did you mean") or value.
//
// Cost: the generated validator loads once (~10 ms) on the first Compose file; afterwards a
// 300-line file validates in well under a millisecond.
//
// While the user types, one service changes at a time, yet building and validating the plain
// value of every service dominated the rule's cost. A service's schema errors depend only on
// its own text, the anchors it pulls in and the variables it names, so they are cached by
// exactly that (see ServicePlan): an unchanged service is validated as `{}` (always valid) and
// its cached errors are added back. Its locations are still built from the current tree, and
// only when one of its errors needs them.

interface Child {
  /** The key as written (undefined for sequence items). */
  key?: ParsedNode;
  loc: Loc;
}

interface Loc {
  value: unknown;
  /** The node whose text is the value; for an empty value, the key (or collection) it belongs to. Ranges are computed only for reported errors. */
  at: ParsedNode | null;
  /** Mapping keys or sequence indexes → where that child is written. Built on demand (only errors need it): use `childrenOf`. */
  children?: Map<string, Child>;
  /** For collections: the node and builder that `childrenOf` expands. */
  node?: ParsedNode;
  builder?: Builder;
  /** The value is (or contains text that is) an unknown variable: never judged. */
  unresolved?: boolean;
}

interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, any>;
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
type Schema = Record<string, any>;

let loaded: { validate: Validator; schema: Schema } | undefined;

function validator(): { validate: Validator; schema: Schema } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./schema/validate.generated') as { validate: Validator; schema: Schema };
  return loaded!;
}

export const SCHEMA_RULE = 'compose/schema';

/** For tests: validate every service every time (the results must be the same), and count what the cache saved. */
export const serviceSchemaCache = { enabled: true, hits: 0, misses: 0 };

/** What a service's validation found: its errors (absolute paths) and interpolation problems (offsets from the service's key). */
interface ServiceResult {
  errors: AjvError[];
  problems: { start: number; end: number; message: string }[];
}

/** Results by service key (see serviceKey), oldest first; bounded so that closed files do not pile up. */
const serviceResults = new Map<string, ServiceResult>();
const MAX_CACHED_SERVICES = 4000;

/** One service written in place under `services:`, with its cached result when nothing that decides it changed. */
interface PlannedService {
  name: string;
  start: number;
  end: number;
  key: string;
  cached?: ServiceResult;
}

interface ServicePlan {
  /** The `services` mapping of the document. */
  node: YAMLMap<ParsedNode, ParsedNode | null>;
  services: PlannedService[];
  byName: Map<string, PlannedService>;
}

/** Schema violations (and invalid interpolations) of every document in the file, as reports. */
export function schemaReports(model: ComposeModel): Report[] {
  const reports: Report[] = [];
  const seen = new Set<string>();
  model.documents.forEach((doc, i) => {
    const anchors = model.anchors[i];
    // An alias bomb is already a syntax problem; expanding it here is exactly what it attacks.
    if (!anchors || anchors.expansionExceeded) return;
    const root = doc.contents as ParsedNode | null;
    if (!root) return;
    const context: NodeContext = { ...model.context, anchors, indexes: i === 0 ? model.context.indexes : new WeakMap() };
    const plan = planServices(context, root);
    const builder = new Builder(context, plan);
    const top = builder.build(root, null);
    for (const report of builder.problems) push(report);
    const { validate, schema } = validator();
    const found = validate(top.value) ? [] : validate.errors ?? [];
    const errors = plan ? withServiceResults(plan, found, builder) : found;
    if (!errors.length) return;
    const rangeOf = (node: ParsedNode | null) => (node ? rangeOfNode(context, node) : context.lines.rangeOf(0, 0));
    for (const report of describeErrors(errors, top, schema, rangeOf)) push(report);
  });
  return reports;

  function push(report: Report & { dedupe?: string }): void {
    const key = `${report.range.start.line}:${report.range.start.character}:${report.dedupe ?? report.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    delete report.dedupe;
    reports.push(report);
  }
}

// ---------------------------------------------------------------- per-service results

/** The services written in place under the document's `services:` mapping, keyed for the cache. */
function planServices(context: NodeContext, root: ParsedNode): ServicePlan | undefined {
  if (!isMap(root)) return undefined;
  const servicesPair = indexOf(context, root as YAMLMap<ParsedNode, ParsedNode | null>).get('services');
  const node = servicesPair && servicesPair.owner === root ? servicesPair.pair.value : null;
  if (!isMap(node)) return undefined;
  const services = node as YAMLMap<ParsedNode, ParsedNode | null>;
  const aliases = aliasesInOrder(context.anchors);
  const plan: ServicePlan = { node: services, services: [], byName: new Map() };
  for (const [name, { pair, owner }] of indexOf(context, services)) {
    const value = pair.value;
    // Only plain mappings written right here; anything else is built and validated every time.
    if (owner !== services || !isMap(value) || (value as { tag?: string }).tag) continue;
    const start = pair.key.range[0];
    const end = value.range[1];
    const key = serviceKey(context, start, end, aliases);
    const cached = serviceSchemaCache.enabled ? serviceResults.get(key) : undefined;
    if (cached) serviceSchemaCache.hits++;
    else serviceSchemaCache.misses++;
    if (cached) {
      // Most recently used last: the oldest entries go first when the cache is full.
      serviceResults.delete(key);
      serviceResults.set(key, cached);
    }
    const planned: PlannedService = { name, start, end, key, cached };
    plan.services.push(planned);
    plan.byName.set(name, planned);
  }
  return plan;
}

interface AliasAt {
  start: number;
  target: ParsedNode;
}

function aliasesInOrder(anchors: AnchorTable): AliasAt[] {
  const list: AliasAt[] = [];
  for (const [alias, target] of anchors.targets) list.push({ start: (alias as Alias).range?.[0] ?? 0, target });
  return list.sort((a, b) => a.start - b.start);
}

/**
 * Everything a service's validation depends on: its text, the text of every anchor it pulls in
 * (and of the anchors those pull in), and the values of the variables all that text names.
 */
function serviceKey(context: NodeContext, start: number, end: number, aliases: AliasAt[]): string {
  const parts = [context.text.slice(start, end)];
  const visited = new Set<ParsedNode>();
  const addAnchorsIn = (from: number, to: number) => {
    for (let i = firstAliasAt(aliases, from); i < aliases.length && aliases[i].start < to; i++) {
      const target = aliases[i].target;
      if (visited.has(target)) continue;
      visited.add(target);
      parts.push(context.text.slice(target.range[0], target.range[1]));
      addAnchorsIn(target.range[0], target.range[1]);
    }
  };
  addAnchorsIn(start, end);
  if (parts.some((part) => part.includes('$'))) {
    const names = new Set<string>();
    for (const part of parts) for (const match of part.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1]);
    for (const name of names) parts.push(`${name}=${context.lookup(name) ?? '\u0001'}`);
  }
  return parts.join('\u0000');
}

function firstAliasAt(aliases: AliasAt[], offset: number): number {
  let low = 0;
  let high = aliases.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (aliases[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The errors to report, cached ones included, and the cache filled with the fresh ones. The
 * order does not depend on what was cached: errors outside the planned services first, then
 * each service's in file order (which one of two equal reports survives depends on it).
 */
function withServiceResults(plan: ServicePlan, found: AjvError[], builder: Builder): AjvError[] {
  const outside: AjvError[] = [];
  const byService = new Map<PlannedService, AjvError[]>();
  for (const error of found) {
    const service = plan.byName.get(serviceNameOf(error.instancePath) ?? '');
    if (!service) outside.push(error);
    else {
      const list = byService.get(service);
      if (list) list.push(error);
      else byService.set(service, [error]);
    }
  }
  const errors = outside;
  for (const service of plan.services) {
    let result = service.cached;
    if (!result) {
      const problems = builder.problemSpans
        .filter((span) => span.start >= service.start && span.start < service.end)
        .map((span) => ({ start: span.start - service.start, end: span.end - service.start, message: span.message }));
      result = { errors: byService.get(service) ?? [], problems };
      remember(service.key, result);
    }
    errors.push(...result.errors);
  }
  return errors;
}

function remember(key: string, result: ServiceResult): void {
  if (!serviceSchemaCache.enabled) return;
  serviceResults.set(key, result);
  if (serviceResults.size > MAX_CACHED_SERVICES) serviceResults.delete(serviceResults.keys().next().value!);
}

/** `/services/web/ports/0` → `web`. */
function serviceNameOf(instancePath: string): string | undefined {
  if (!instancePath.startsWith('/services/')) return undefined;
  const end = instancePath.indexOf('/', 10);
  return (end < 0 ? instancePath.slice(10) : instancePath.slice(10, end)).replace(/~1/g, '/').replace(/~0/g, '~');
}

// ---------------------------------------------------------------- plain value + locations

/** What a cached service is validated as: a mapping with no keys, which the service schema accepts. */
const UNCHANGED_SERVICE: Record<string, never> = Object.freeze({});

class Builder {
  readonly problems: Report[] = [];
  /** The same problems as offsets, for the per-service cache. */
  readonly problemSpans: { start: number; end: number; message: string }[] = [];
  private readonly memo = new Map<ParsedNode, Loc>();

  constructor(
    private readonly context: NodeContext,
    private readonly plan?: ServicePlan,
  ) {}

  build(written: ParsedNode | null, fallback: ParsedNode | null): Loc {
    const node = resolveNode(this.context, written);
    if (!node) return { value: null, at: fallback };
    const cached = this.memo.get(node);
    if (cached) return cached;
    const loc = this.fresh(node, fallback);
    this.memo.set(node, loc);
    return loc;
  }

  children(node: ParsedNode, at: ParsedNode | null): Map<string, Child> {
    const children = new Map<string, Child>();
    if (isMap(node)) {
      for (const [key, { pair }] of indexOf(this.context, node as YAMLMap<ParsedNode, ParsedNode | null>)) {
        const written = pair.value;
        if (written && (written as { tag?: string }).tag === '!reset') continue;
        children.set(key, { key: pair.key, loc: this.build(written, pair.key) });
      }
    } else if (isSeq(node)) {
      (node as YAMLSeq<ParsedNode | null>).items.forEach((item, i) => children.set(String(i), { loc: this.build(item, at) }));
    }
    return children;
  }

  /**
   * The `services` mapping: unchanged services stand in as `{}` and bring their cached
   * problems; their locations are built from the current tree only if an error needs them.
   */
  private services(plan: ServicePlan, at: ParsedNode | null): Loc {
    const value: Record<string, unknown> = {};
    // Defined, not assigned, as in `fresh`: a service named `__proto__` stays a plain property.
    const set = (key: string, item: unknown) => Object.defineProperty(value, key, { value: item, enumerable: true, writable: true, configurable: true });
    const children = new Map<string, Child>();
    for (const [key, { pair }] of indexOf(this.context, plan.node)) {
      const written = pair.value;
      if (written && (written as { tag?: string }).tag === '!reset') continue;
      const cached = plan.byName.get(key)?.cached;
      if (cached && written) {
        const service = plan.byName.get(key)!;
        for (const problem of cached.problems) {
          const start = service.start + problem.start;
          this.problems.push({ message: problem.message, range: rangeOfSpan(this.context, start, service.start + problem.end) });
        }
        set(key, UNCHANGED_SERVICE);
        // Not memoized: anything else that reaches this node needs its real value.
        children.set(key, { key: pair.key, loc: { value: UNCHANGED_SERVICE, at: written, node: written, builder: this } });
        continue;
      }
      const loc = this.build(written, pair.key);
      set(key, loc.value);
      children.set(key, { key: pair.key, loc });
    }
    return { value, at, node: plan.node as unknown as ParsedNode, builder: this, children };
  }

  private fresh(node: ParsedNode, fallback: ParsedNode | null): Loc {
    const at = node.range[1] > node.range[0] ? node : fallback;
    if (this.plan && node === this.plan.node) return this.services(this.plan, at);
    if (isMap(node)) {
      // An ordinary object: the validator's `uniqueItems` equality calls `valueOf`, which a
      // null-prototype object lacks (two long-syntax `volumes:` entries crashed it). Keys are
      // defined, not assigned, so a YAML key `__proto__` stays a plain property.
      const value: Record<string, unknown> = {};
      for (const [key, { pair }] of indexOf(this.context, node as YAMLMap<ParsedNode, ParsedNode | null>)) {
        const written = pair.value;
        // `!reset` removes the key (override files); `!override` just replaces it.
        if (written && (written as { tag?: string }).tag === '!reset') continue;
        Object.defineProperty(value, key, { value: this.build(written, pair.key).value, enumerable: true, writable: true, configurable: true });
      }
      return { value, at, node, builder: this };
    }
    if (isSeq(node)) {
      const value = (node as YAMLSeq<ParsedNode | null>).items.map((item) => this.build(item, at).value);
      return { value, at, node, builder: this };
    }
    if (!isScalar(node)) return { value: null, at };
    const raw = node.value;
    if (typeof raw !== 'string') return { value: raw ?? null, at };
    const result = interpolate(raw, this.context.lookup);
    if (result.error) {
      const message = `Invalid interpolation: ${result.error}. Compose refuses the file.`;
      this.problems.push({ message, range: rangeOfNode(this.context, node) });
      this.problemSpans.push({ start: node.range[0], end: node.range[1], message });
      return { value: raw, at, unresolved: true };
    }
    // An unknown variable keeps its raw text (a string, which most fields accept) and is never judged.
    if (!result.resolved) return { value: raw, at, unresolved: true };
    return { value: result.value, at };
  }
}

/**
 * The children of a collection's location, the same `build` gave while building its value
 * (memoized per node, so the same objects; empty values get equal new ones).
 */
function childrenOf(loc: Loc | undefined): Map<string, Child> | undefined {
  if (!loc || loc.children || !loc.node || !loc.builder) return loc?.children;
  loc.children = loc.builder.children(loc.node, loc.at);
  return loc.children;
}

interface Located {
  loc?: Loc;
  key?: ParsedNode;
  /** Something on the way is an unknown variable. */
  unresolved: boolean;
}

function segmentsOf(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function locate(root: Loc, segments: string[]): Located {
  let loc: Loc | undefined = root;
  let key: ParsedNode | undefined;
  let unresolved = !!root.unresolved;
  for (const segment of segments) {
    const child: Child | undefined = childrenOf(loc)?.get(segment);
    if (!child) return { loc: undefined, key, unresolved };
    loc = child.loc;
    key = child.key;
    unresolved ||= !!loc.unresolved;
  }
  return { loc, key, unresolved };
}

// ---------------------------------------------------------------- errors → reports

/** Collapses oneOf/anyOf: ajv lists each branch's errors right before the oneOf error itself. */
export function collapseAlternatives(errors: AjvError[]): AjvError[] {
  const out: AjvError[] = [];
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      out.push(error);
      continue;
    }
    let start = out.length;
    while (start > 0 && isUnder(out[start - 1].instancePath, error.instancePath)) start--;
    const branches = out.splice(start);
    out.push(...pickBranch(error, branches));
  }
  return out;
}

function isUnder(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

function pickBranch(error: AjvError, branches: AjvError[]): AjvError[] {
  if (error.params.passingSchemas) return [error];
  // A branch that fails on the value's type at this very spot does not apply; the others do.
  const wrongType = branches.filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath);
  const applicable = branches.filter((e) => !wrongType.includes(e));
  if (!applicable.length) {
    const types = [...new Set(wrongType.flatMap((e) => typesOf(e.params.type)))];
    return types.length ? [{ ...error, keyword: 'type', params: { type: types } }] : [error];
  }
  // Group by branch (the schema path after `oneOf/N`); errors reached through a `$ref` carry the
  // referenced definition's path instead and form a group of their own.
  const prefix = `${error.schemaPath}/`;
  const groups = new Map<string, AjvError[]>();
  for (const e of applicable) {
    const key = e.schemaPath.startsWith(prefix) ? e.schemaPath.slice(prefix.length).split('/')[0] : `ref:${e.schemaPath.split('/').slice(0, 3).join('/')}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  // The most specific branch: its errors reach deepest into the value; then the fewest errors.
  const depth = (group: AjvError[]) => Math.max(...group.map((e) => segmentsOf(e.instancePath).length));
  let best: AjvError[] | undefined;
  for (const group of groups.values()) {
    if (!best || depth(group) > depth(best) || (depth(group) === depth(best) && group.length < best.length)) best = group;
  }
  return best!;
}

function typesOf(type: unknown): string[] {
  return Array.isArray(type) ? type.map(String) : String(type).split(',');
}

type RangeOf = (node: ParsedNode | null) => Range;

export function describeErrors(errors: AjvError[], root: Loc, schema: Schema, rangeOf: RangeOf): (Report & { dedupe: string })[] {
  let collapsed = collapseAlternatives(errors);
  // `missing condition` next to `unknown key conditon` is one mistake: keep the one that says so.
  collapsed = collapsed.filter(
    (e) =>
      e.keyword !== 'required' ||
      !collapsed.some(
        (other) =>
          other.keyword === 'additionalProperties' &&
          other.instancePath === e.instancePath &&
          closest(String(other.params.additionalProperty), [String(e.params.missingProperty)]) !== undefined,
      ),
  );
  const reports: (Report & { dedupe: string })[] = [];
  for (const error of collapsed) {
    const segments = segmentsOf(error.instancePath);
    // `version` has its own rule (compose/version-obsolete); Compose ignores its value.
    if (segments[0] === 'version' && segments.length === 1) continue;
    // `container_name`'s format has its own rule (compose/container-name-format), with a better message.
    if (error.keyword === 'pattern' && segments[0] === 'services' && segments[2] === 'container_name' && segments.length === 3) continue;
    const located = locate(root, segments);
    if (located.unresolved || !located.loc) continue;
    const report = describe(error, segments, located, schema, rangeOf);
    if (report) reports.push({ ...report, dedupe: `${error.keyword}:${JSON.stringify(error.params)}` });
  }
  return reports;
}

function describe(error: AjvError, segments: string[], located: Located, schema: Schema, rangeOf: RangeOf): Report | undefined {
  const loc = located.loc!;
  const valueRange = rangeOf(loc.at);
  const keyRange = located.key ? rangeOf(located.key) : undefined;
  const subject = subjectOf(segments);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const child = childrenOf(loc)?.get(key);
      const range = child?.key ? rangeOf(child.key) : valueRange;
      return { message: unknownKeyMessage(key, segments, schema), range };
    }
    case 'type': {
      const expected = typesOf(error.params.type);
      const wanted = joinOr(expected.map(typeName));
      if (loc.value === null) return { message: `${capital(subject)} is empty; it must be ${wanted}.`, range: keyRange ?? valueRange };
      return { message: `${capital(subject)} must be ${wanted}, not ${typeName(kindOf(loc.value))}.`, range: valueRange };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      return { message: notOneOf(segments, loc.value, allowed), range: valueRange };
    }
    case 'pattern': {
      const key = segments[segments.length - 1];
      if (key === 'restart' && segments[0] === 'services') {
        return { message: notOneOf(segments, loc.value, ['no', 'always', 'on-failure', 'unless-stopped'], ' (`on-failure` takes an optional retry count: `on-failure:3`)'), range: valueRange };
      }
      return { message: `${inline(segments, loc.value)} does not have the expected form (\`${error.params.pattern}\`).`, range: valueRange };
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      return { message: `${capital(subject)} needs \`${missing}\`.`, range: keyRange ?? firstLine(valueRange) };
    }
    case 'uniqueItems': {
      const later = Math.max(Number(error.params.i), Number(error.params.j));
      const item = childrenOf(loc)?.get(String(later))?.loc;
      const shown = item && typeof item.value !== 'object' ? ` \`${String(item.value)}\`` : ' the same entry';
      return { message: `${capital(subject)} lists${shown} twice; Compose rejects duplicate entries here.`, range: item ? rangeOf(item.at) : valueRange };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bound = error.keyword.endsWith('inimum') ? 'at least' : 'at most';
      return { message: `${capital(subject)} must be ${bound} ${error.params.limit}, not ${String(loc.value)}.`, range: valueRange };
    }
    case 'oneOf':
    case 'anyOf':
      return { message: `${capital(subject)} matches more than one of the forms Compose accepts here.`, range: valueRange };
    default:
      return { message: `${capital(subject)} is not valid here (${error.keyword}).`, range: valueRange };
  }
}

function firstLine(range: Range): Range {
  return range.end.line === range.start.line ? range : { start: range.start, end: { line: range.start.line + 1, character: 0 } };
}

const TOP_LEVEL_KINDS: Record<string, string> = {
  services: 'service',
  networks: 'network',
  volumes: 'volume',
  secrets: 'secret',
  configs: 'config',
  models: 'model',
};

/** "`restart` in service `web`", "`build.args` in service `web`", "network `front`", "`name`". */
function subjectOf(segments: string[]): string {
  if (!segments.length) return 'the file';
  const kind = TOP_LEVEL_KINDS[segments[0]];
  if (kind && segments.length >= 2) {
    const owner = `${kind} \`${segments[1]}\``;
    return segments.length === 2 ? owner : `\`${dotted(segments.slice(2))}\` in ${owner}`;
  }
  return `\`${dotted(segments)}\``;
}

function dotted(segments: string[]): string {
  return segments.reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
}

function inline(segments: string[], value: unknown): string {
  const key = segments[segments.length - 1];
  const shown = String(value);
  return /^\d+$/.test(key) ? `\`${shown}\`` : `\`${key}: ${shown}\``;
}

function notOneOf(segments: string[], value: unknown, allowed: string[], extra = ''): string {
  const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
  const place = placeOf(segments);
  return `${inline(segments, value)}${place} is not one of ${allowed.join(', ')}${extra}${guess ? ` — did you mean \`${guess}\`?` : '.'}`;
}

/** " in service `web`" for values inside a service, '' at the top level. */
function placeOf(segments: string[]): string {
  const kind = TOP_LEVEL_KINDS[segments[0]];
  return kind && segments.length > 2 ? ` in ${kind} \`${segments[1]}\`` : '';
}

function unknownKeyMessage(key: string, segments: string[], schema: Schema): string {
  const known = knownKeys(schema, segments);
  const kind = TOP_LEVEL_KINDS[segments[0]];
  if (!known.length && kind && segments.length === 1) {
    return `\`${key}\` is not a valid ${kind} name: use letters, digits, \`.\`, \`_\` and \`-\`.`;
  }
  const guess = closest(key, known);
  const where = segments.length === 0 ? 'top-level key' : `key \`${key}\` in ${subjectOf(segments)}`;
  const head = segments.length === 0 ? `Unknown top-level key \`${key}\`` : `Unknown ${where}`;
  if (guess) return `${head} — did you mean \`${guess}\`?`;
  if (segments.length === 0) {
    const serviceKeys = knownKeys(schema, ['services', 'x']);
    if (serviceKeys.includes(key)) return `${head}: \`${key}\` is a service setting; indent it under a service in \`services:\`.`;
    return `${head}. Compose accepts ${known.join(', ')}, and extension keys starting with \`x-\`.`;
  }
  return `${head}. Extension keys must start with \`x-\`.`;
}

// ---------------------------------------------------------------- schema walking (for suggestions)

/** The property names the schema allows at `segments` (every applicable branch). */
export function knownKeys(schema: Schema, segments: string[]): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(schema, schema, segments)) for (const key of Object.keys(s.properties ?? {})) keys.add(key);
  return [...keys];
}

function schemasAt(root: Schema, start: Schema, segments: string[]): Schema[] {
  let current = expand(root, start);
  for (const segment of segments) {
    const next: Schema[] = [];
    for (const s of current) {
      if (s.properties?.[segment]) next.push(s.properties[segment]);
      else {
        let matched = false;
        for (const [pattern, sub] of Object.entries((s.patternProperties ?? {}) as Record<string, Schema>)) {
          if (new RegExp(pattern, 'u').test(segment)) {
            next.push(sub);
            matched = true;
          }
        }
        if (!matched && typeof s.additionalProperties === 'object') next.push(s.additionalProperties);
        if (s.items && /^\d+$/.test(segment)) next.push(s.items);
      }
    }
    current = next.flatMap((s) => expand(root, s));
  }
  return current;
}

function expand(root: Schema, s: Schema, depth = 0): Schema[] {
  if (depth > 8) return [];
  if (s.$ref) {
    const path = String(s.$ref).replace(/^#\//, '').split('/');
    let target: any = root;
    for (const part of path) target = target?.[part];
    return target ? expand(root, target, depth + 1) : [];
  }
  const alternatives = [...(s.oneOf ?? []), ...(s.anyOf ?? [])] as Schema[];
  return [s, ...alternatives.flatMap((a) => expand(root, a, depth + 1))];
}

// ---------------------------------------------------------------- wording helpers

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeName(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'empty';
    default:
      return type;
  }
}

function joinOr(items: string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= 1 ? unique.join('') : `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The candidate closest to `word` (case, `-`/`_` and one typo per few letters forgiven), if any is close. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const target = norm(word);
  const limit = target.length <= 5 ? 1 : target.length <= 9 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(target, norm(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit && best !== word ? best : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/**
 * The first document as the plain value Compose sees (merge keys applied, aliases followed,
 * variables substituted where known): for tests that compare effective models.
 */
export function composeValue(model: ComposeModel): unknown {
  const root = model.documents[0]?.contents as ParsedNode | null | undefined;
  if (!root || model.anchors[0]?.expansionExceeded) return null;
  return new Builder(model.context).build(root, null).value;
}
