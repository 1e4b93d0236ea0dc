import { posix } from 'path';
import { isMap, type ParsedNode, type YAMLMap } from 'yaml';
import type { ParseProblem, Parsed } from '../language';
import { LineIndex } from '../position';
import type { Range, RuleContext } from '../types';
import { type AnchorTable, resolveAnchors } from './anchors';
import { EffectiveMap, type Entry, type Item, mapOf, type NodeContext, rangeOfNode, type Via } from './effective';
import { type Interpolated, interpolate, parseDotEnv, type VariableLookup } from './interpolate';
import { statementStarts } from './statements';
import { type ComposeDocument, parseYaml, syntaxProblems } from './syntax';
import { type EnvironmentVariable, environmentOf, type PortMapping, portsOf, type VolumeMount, volumesOf } from './values';

// The Compose model rules run on. Parsing keeps the `yaml` library's node tree with source
// ranges; on top of it sit effective views (anchors, aliases and merge keys resolved) and
// interpolation against `.env`. Nothing here re-serializes YAML: fixes are text edits on the
// user's own bytes (see edits.ts).
//
// Adding a rule: iterate `model.services`, ask `service.get(key)` / `.map(key)` / `.list(key)`
// or a normalizer (`service.environment()`, `.ports()`, `.volumes()`), judge only items with
// `resolved` true, report on `item.range`, and when `item.via` is non-empty add related
// information at `via[0].range` (where the service pulls the value in).

export type { Entry, Item, Via } from './effective';
export { EffectiveMap } from './effective';

export class ComposeService {
  constructor(
    /** The service's name (its key under `services:`). */
    readonly name: string,
    /** The `services.<name>` entry: key range, the value as written, how it got there. */
    readonly entry: Entry,
    /** The service's effective mapping; undefined when the service is not a mapping (`web:` alone, `web: 3`). */
    readonly body: EffectiveMap | undefined,
    /** The service's document: what edits.ts and values.ts take for entries of this service. */
    readonly context: NodeContext,
  ) {}

  get keyRange(): Range {
    return this.entry.keyRange;
  }

  /** The effective value of `key`, with merge keys and aliases resolved. */
  get(key: string): Entry | undefined {
    return this.body?.get(key);
  }

  has(key: string): boolean {
    return this.body?.has(key) ?? false;
  }

  entries(): Entry[] {
    return this.body?.entries() ?? [];
  }

  map(key: string): EffectiveMap | undefined {
    return this.body?.map(key);
  }

  list(key: string): Item[] | undefined {
    return this.body?.list(key);
  }

  // Normalized once per service (the model is never mutated); callers get fresh arrays.
  private cachedEnvironment: EnvironmentVariable[] | undefined;
  private cachedPorts: PortMapping[] | undefined;
  private cachedVolumes: VolumeMount[] | undefined;

  environment(): EnvironmentVariable[] {
    return (this.cachedEnvironment ??= this.body ? environmentOf(this.body) : []).slice();
  }

  ports(): PortMapping[] {
    return (this.cachedPorts ??= this.body ? portsOf(this.body) : []).slice();
  }

  volumes(): VolumeMount[] {
    return (this.cachedVolumes ??= this.body ? volumesOf(this.body) : []).slice();
  }
}

export interface ComposeModel {
  text: string;
  lines: LineIndex;
  /** Every YAML document in the file (Compose reads them all; most files have one). */
  documents: ComposeDocument[];
  /** The top-level mapping of the first document, effective; undefined when it is not a mapping. */
  top: EffectiveMap | undefined;
  /** Services of every document, in file order. */
  services: ComposeService[];
  service(name: string): ComposeService | undefined;
  /** The node context of the first document (ranges, aliases, interpolation). Entries of a service use `service.context`. */
  context: NodeContext;
  /** Anchor tables, one per document; `expansionExceeded` tells whole-tree consumers to stay off. */
  anchors: AnchorTable[];
  /** Interpolates text against `.env` beside the file. */
  interpolate(text: string): Interpolated;
  rangeOf(node: ParsedNode): Range;
  /** First line of the key or list item that `line` belongs to (for suppression comments). */
  statementStart(line: number): number;
}

export function parseCompose(text: string, context: RuleContext): Parsed<ComposeModel> {
  const lines = LineIndex.of(text);
  const documents = parseYaml(text);
  const problems: ParseProblem[] = syntaxProblems(documents, lines);
  const lookup = dotEnvLookup(context);

  const contexts = documents.map((doc): NodeContext => {
    const anchors = resolveAnchors(doc.contents as ParsedNode | null, lines);
    problems.push(...anchors.problems);
    return { text, lines, anchors, lookup, indexes: new WeakMap() };
  });
  const fallbackContext: NodeContext = contexts[0] ?? {
    text,
    lines,
    anchors: resolveAnchors(null, lines),
    lookup,
    indexes: new WeakMap(),
  };

  const tops = documents.map((doc, i) => topOf(contexts[i], doc));
  const services = tops.flatMap((top) => (top ? servicesOf(top) : []));
  const byName = new Map<string, ComposeService>();
  for (const service of services) if (!byName.has(service.name)) byName.set(service.name, service);

  let starts: Int32Array | undefined;
  const model: ComposeModel = {
    text,
    lines,
    documents,
    top: tops[0],
    services,
    service: (name) => byName.get(name),
    context: fallbackContext,
    anchors: contexts.map((c) => c.anchors),
    interpolate: (value) => interpolate(value, lookup),
    rangeOf: (node) => rangeOfNode(fallbackContext, node),
    statementStart: (line) => {
      // Built on first use: only files with suppression comments (or a quick-fix request) pay for it.
      starts ??= statementStarts(documents, text, lines);
      return line >= 0 && line < starts.length ? starts[line] : line;
    },
  };
  return { model, problems };
}

function topOf(context: NodeContext, doc: ComposeDocument): EffectiveMap | undefined {
  const root = doc.contents as ParsedNode | null;
  return isMap(root) ? new EffectiveMap(context, root as YAMLMap<ParsedNode, ParsedNode | null>) : undefined;
}

function servicesOf(top: EffectiveMap): ComposeService[] {
  const services = top.map('services');
  if (!services) return [];
  // Every key under `services:` is a service, `x-` ones included (the schema says so).
  return services
    .entries()
    .map((entry) => new ComposeService(entry.key, entry, mapOf(top.context, entry), top.context));
}

/**
 * Variables from the `.env` file beside the Compose file, read on first use so that files
 * without `${...}` never touch the workspace.
 */
function dotEnvLookup(context: RuleContext): VariableLookup {
  let values: Map<string, string> | undefined;
  return (name) => {
    if (!values) {
      let text: string | undefined;
      try {
        text = context.workspace.readFile(posix.join(posix.dirname(context.path), '.env'));
      } catch {
        text = undefined;
      }
      values = text === undefined ? new Map() : parseDotEnv(text);
    }
    return values.get(name);
  };
}
