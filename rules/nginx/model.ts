import { posix } from 'path';
import picomatch from 'picomatch';
import type { LineIndex } from '../position';
import type { RuleContext } from '../types';
import type { NginxComment, NginxDirective } from './ast';
import { MAIN_ONLY } from './directives';
import { parseNginx, type ParsedNginx } from './parser';
import { deriveContainerFacts, type ContainerFacts, type NginxRuleContext } from './container';

// The view of an nginx file that rules work with: which context each directive sits in,
// whether the file is a whole nginx.conf or a conf.d-style fragment, the value of a directive
// in effect at any point (nginx's inheritance: http → server → location → nested location →
// if), and `include`d files spliced in where they are included.

export type NginxContext =
  | 'main'
  | 'events'
  | 'http'
  | 'server'
  | 'location'
  | 'if'
  | 'limit_except'
  | 'upstream'
  | 'stream'
  | 'mail'
  | 'entries'
  | 'lua'
  | 'other';

/** nginx stops at this include depth too (it has no cycle check; we do). */
const MAX_INCLUDE_DEPTH = 10;

export interface EffectiveValue {
  /** The directives in effect (several for list-valued ones like `add_header`); empty when unset. */
  directives: NginxDirective[];
  /** The block that set them; undefined for the top of the file (or unset). */
  owner?: NginxDirective;
}

export class NginxModel {
  readonly directives: NginxDirective[];
  readonly comments: NginxComment[];
  readonly lines: LineIndex;
  /** False when the file is a whole nginx.conf (it has `http`, `events`, `worker_processes`…). */
  readonly isFragment: boolean;
  /** The context the file's top-level directives are in (`http` for a conf.d file of servers). */
  readonly topContext: NginxContext;
  private readonly parsed: ParsedNginx;
  private flat?: NginxDirective[];
  private byName?: Map<string, NginxDirective[]>;
  private readonly childIndex = new Map<object, { all: NginxDirective[]; byName: Map<string, NginxDirective[]> }>();
  private facts?: ContainerFacts;
  private readonly includeCache = new Map<string, NginxDirective[]>();
  private readonly headerCache = new Map<object, EffectiveValue>();
  private including?: { model: NginxModel; include: NginxDirective }[];

  constructor(
    readonly text: string,
    readonly context: RuleContext,
    parsed?: ParsedNginx,
  ) {
    this.parsed = parsed ?? parseNginx(text);
    this.directives = this.parsed.directives;
    this.comments = this.parsed.comments;
    this.lines = this.parsed.lines;
    this.isFragment = !this.directives.some((d) => MAIN_ONLY.has(d.name));
    this.topContext = this.isFragment ? guessFragmentContext(this.directives) : 'main';
  }

  get path(): string {
    return this.context.path;
  }

  /** The first line of the directive (header) that `line` belongs to. */
  statementStart(line: number): number {
    const start = this.parsed.statementLines[line];
    return start === undefined || start < 0 ? line : start;
  }

  /** Every directive of this file, depth first, table entries (`map`, `types` lines) left out. */
  all(): NginxDirective[] {
    if (this.flat) return this.flat;
    // Counted first, so the list is allocated once at its final size instead of regrown by
    // push (which, for a 10,000-line file, allocates several times the list's own size).
    const out: NginxDirective[] = new Array(this.parsed.treeSize);
    let next = 0;
    const walk = (list: NginxDirective[]) => {
      for (let i = 0; i < list.length; i++) {
        const d = list[i];
        if (d.isEntry) continue;
        out[next++] = d;
        if (d.block?.kind === 'directives') walk(d.block.children);
      }
    };
    walk(this.directives);
    this.flat = out;
    return out;
  }

  /** Directives named `name` in this file (not in included files). */
  find(name: string): NginxDirective[] {
    if (!this.byName) {
      // Lists of the exact size, for the same reason as all(): one pass numbers the names
      // (one hash look-up per directive) and counts them, the second fills by number.
      const all = this.all();
      const ids = new Map<string, number>();
      const names: string[] = [];
      const counts: number[] = [];
      const idOf = new Int32Array(all.length);
      for (let i = 0; i < all.length; i++) {
        const name = all[i].name;
        let id = ids.get(name);
        if (id === undefined) {
          id = names.length;
          ids.set(name, id);
          names.push(name);
          counts.push(0);
        }
        counts[id]++;
        idOf[i] = id;
      }
      const lists: NginxDirective[][] = names.map((_, id) => new Array(counts[id]));
      const filled = new Int32Array(names.length);
      for (let i = 0; i < all.length; i++) {
        const id = idOf[i];
        lists[id][filled[id]++] = all[i];
      }
      const index = new Map<string, NginxDirective[]>();
      for (let id = 0; id < names.length; id++) index.set(names[id], lists[id]);
      this.byName = index;
    }
    return this.byName.get(name) ?? NONE;
  }

  /** Block directives (`server`, `location`, `if`…) of this file whose block holds directives. */
  blocks(name: string): NginxDirective[] {
    return this.find(name).filter((d) => d.block?.kind === 'directives');
  }

  /** The nearest enclosing directive named `name` (`server`, `http`…), if any. */
  enclosing(directive: NginxDirective, name: string): NginxDirective | undefined {
    for (let d = directive.parent; d; d = d.parent) if (d.name === name) return d;
    return undefined;
  }

  /**
   * The `add_header` lines that apply inside `at`, with nginx's inheritance: a level's own lines
   * replace the parent's, unless `add_header_inherit merge` (nginx 1.29.3+) appends the parent's
   * or `add_header_inherit off` drops them. `owner` is the nearest level with lines of its own.
   */
  effectiveHeaders(at: NginxDirective | undefined, name = 'add_header'): EffectiveValue {
    // Every block below asks for its parent's value: remember each block's answer (rules ask
    // for the same blocks too).
    const cache = name === 'add_header' ? this.headerCache : undefined;
    const key = at ?? this;
    const cached = cache?.get(key);
    if (cached) return cached;
    const value = this.computeHeaders(at, name);
    cache?.set(key, value);
    return value;
  }

  private computeHeaders(at: NginxDirective | undefined, name: string): EffectiveValue {
    const own = this.childrenNamed(at, name);
    const mode = this.inheritMode(at, name);
    if (at === undefined) return { directives: own };
    if (mode === 'off') return { directives: own, owner: at };
    if (own.length && mode !== 'merge') return { directives: own, owner: at };
    const parent = this.effectiveHeaders(at.parent, name);
    if (!own.length) return parent;
    return { directives: [...parent.directives, ...own], owner: at };
  }

  /** `add_header_inherit` (or `<name>_inherit`) in effect inside `at`, lower-cased; `on` when unset. */
  inheritMode(at: NginxDirective | undefined, name = 'add_header'): string {
    const setting = this.effectiveLast(name === 'add_header' ? 'add_header_inherit' : `${name}_inherit`, at);
    return setting?.args[0]?.value.toLowerCase() ?? 'on';
  }

  /** The last `name` directive of effective(name, at), without building the list. */
  effectiveLast(name: string, at: NginxDirective | undefined): NginxDirective | undefined {
    for (let block = at; block; block = block.parent) {
      const found = this.childrenNamed(block, name);
      if (found.length) return found[found.length - 1];
    }
    const top = this.childrenNamed(undefined, name);
    return top.length ? top[top.length - 1] : undefined;
  }

  /**
   * What is known about the container nginx runs in (user, read-only root). Hosts that link
   * files (Compose → Dockerfile → mounted config) pass it in the rule context; without that,
   * it is derived from this file and the Dockerfile/Compose file beside it.
   */
  containerFacts(): ContainerFacts {
    return (this.facts ??= (this.context as NginxRuleContext).containerFacts ?? deriveContainerFacts(this));
  }

  /** The context `directive` sits in. */
  contextOf(directive: NginxDirective): NginxContext {
    const parent = directive.parent;
    if (!parent) return this.topContext;
    if (parent.block?.kind === 'entries') return 'entries';
    if (parent.block?.kind === 'raw') return 'lua';
    switch (parent.name) {
      case 'events':
      case 'http':
      case 'server':
      case 'location':
      case 'if':
      case 'limit_except':
      case 'upstream':
      case 'stream':
      case 'mail':
        return parent.name;
      default:
        return ENTRY_NAMES.has(parent.name) ? 'entries' : 'other';
    }
  }

  /**
   * The directives directly inside `block` (the file's top level when undefined), with
   * `include`s replaced by the included files' top-level directives.
   */
  children(block?: NginxDirective): NginxDirective[] {
    const list = block ? block.block?.children : this.directives;
    if (list && list.length <= SMALL_BLOCK && !hasInclude(list)) return list;
    return this.indexOf(block).all;
  }

  /** Directives named `name` directly inside `block` (includes followed). */
  childrenNamed(block: NginxDirective | undefined, name: string): NginxDirective[] {
    const list = block ? block.block?.children : this.directives;
    if (!list) return NONE;
    if (list.length <= SMALL_BLOCK && !hasInclude(list)) {
      // Most blocks hold a handful of directives and most questions find nothing: a scan
      // answers without building (and keeping) a per-block index.
      let found: NginxDirective[] | undefined;
      for (let i = 0; i < list.length; i++) {
        const d = list[i];
        if (d.name === name) {
          if (found) found.push(d);
          else found = [d];
        }
      }
      return found ?? NONE;
    }
    return this.indexOf(block).byName.get(name) ?? NONE;
  }

  /** A block's children with includes expanded, and by name; computed once per block (rules ask often). */
  private indexOf(block: NginxDirective | undefined): { all: NginxDirective[]; byName: Map<string, NginxDirective[]> } {
    const key = block ?? this;
    let index = this.childIndex.get(key);
    if (!index) {
      const list = block ? block.block?.children ?? [] : this.directives;
      const all = this.expandIncludes(list, block, block?.file ?? this.path, [this.path]);
      const byName = new Map<string, NginxDirective[]>();
      for (const d of all) {
        const named = byName.get(d.name);
        if (named) named.push(d);
        else byName.set(d.name, [d]);
      }
      index = { all, byName };
      this.childIndex.set(key, index);
    }
    return index;
  }

  /**
   * The `name` directives in effect inside `at` (a block directive, or undefined for the top):
   * nginx takes them from the nearest enclosing block that sets any, all-or-nothing.
   */
  effective(name: string, at: NginxDirective | undefined): EffectiveValue {
    for (let block = at; block; block = block.parent) {
      const found = this.childrenNamed(block, name);
      if (found.length) return { directives: found, owner: block };
    }
    const top = this.childrenNamed(undefined, name);
    return { directives: top };
  }

  /**
   * For a fragment: whole configs in the workspace that include this file, found where Docker
   * images keep them (`nginx.conf` beside `conf.d/`, or in the same folder). Lets rules see
   * that the real nginx.conf already sets something the fragment does not.
   */
  includingConfigs(): { model: NginxModel; include: NginxDirective }[] {
    // Several rules ask, some once per block: read and parse those files once per model.
    return (this.including ??= this.findIncludingConfigs());
  }

  private findIncludingConfigs(): { model: NginxModel; include: NginxDirective }[] {
    if (!this.isFragment) return [];
    const dir = posix.dirname(this.path);
    const candidates = [posix.join(posix.dirname(dir), 'nginx.conf'), posix.join(dir, 'nginx.conf')];
    const found: { model: NginxModel; include: NginxDirective }[] = [];
    for (const candidate of candidates) {
      if (candidate === this.path) continue;
      const text = this.context.workspace.readFile(candidate);
      if (text === undefined) continue;
      const model = new NginxModel(text, { ...this.context, path: candidate });
      const include = model.find('include').find((d) => d.args.length === 1 && model.resolveInclude(d.args[0].value, candidate).includes(this.path));
      if (include) found.push({ model, include });
    }
    return found;
  }

  private expandIncludes(list: NginxDirective[], parent: NginxDirective | undefined, fromFile: string, chain: string[]): NginxDirective[] {
    if (!list.some((d) => d.name === 'include')) return list;
    const out: NginxDirective[] = [];
    for (const d of list) {
      if (d.name !== 'include' || d.isEntry || d.args.length !== 1 || chain.length > MAX_INCLUDE_DEPTH) {
        out.push(d);
        continue;
      }
      out.push(d);
      for (const file of this.resolveInclude(d.args[0].value, fromFile)) {
        if (chain.includes(file)) continue; // a cycle: nginx would recurse until it fails
        const included = this.parseIncluded(file).map((child) => reparent(child, parent));
        out.push(...this.expandIncludes(included, parent, file, [...chain, file]));
      }
    }
    return out;
  }

  /**
   * Files an `include` names. Relative paths resolve against the including file's folder;
   * absolute ones under the usual nginx prefixes against the workspace's mirror of that tree.
   */
  resolveInclude(pattern: string, fromFile: string): string[] {
    if (pattern.includes('$')) return [];
    if (pattern.startsWith('/')) {
      // `/etc/nginx/conf.d/*.conf` means the workspace's copy of that tree when it has one
      // (the folder holding nginx.conf), never whatever this machine has under /etc/nginx.
      const mirrored = this.mirrored(pattern, fromFile);
      if (mirrored) {
        const found = this.matching(mirrored);
        if (found.length) return found;
      }
      return this.matching(pattern);
    }
    return this.matching(posix.join(posix.dirname(fromFile), pattern));
  }

  /** `pattern` under the workspace folder that plays the nginx prefix, for the usual prefixes. */
  private mirrored(pattern: string, fromFile: string): string | undefined {
    const prefix = MIRRORED_PREFIXES.find((p) => pattern.startsWith(p));
    if (!prefix) return undefined;
    // The prefix folder is the nearest one up from the including file that holds nginx.conf.
    for (let dir = posix.dirname(fromFile), depth = 0; depth < 4; dir = posix.dirname(dir), depth++) {
      if (this.context.workspace.readFile(posix.join(dir, 'nginx.conf')) !== undefined) return posix.join(dir, pattern.slice(prefix.length));
      if (posix.dirname(dir) === dir) break;
    }
    return undefined;
  }

  private matching(absolute: string): string[] {
    if (!/[*?[]/.test(absolute)) return this.context.workspace.readFile(absolute) === undefined ? [] : [absolute];
    const dir = posix.dirname(absolute);
    if (/[*?[]/.test(dir)) return []; // globs in folder names: rare, and nginx users avoid them
    const isMatch = picomatch(posix.basename(absolute), { dot: true });
    const names = this.context.workspace.listDir?.(dir) ?? [];
    return names
      .map((name) => posix.basename(name))
      .filter((name) => isMatch(name))
      .sort() // nginx includes glob matches in sorted order
      .map((name) => posix.join(dir, name));
  }

  private parseIncluded(file: string): NginxDirective[] {
    let cached = this.includeCache.get(file);
    if (!cached) {
      const text = this.context.workspace.readFile(file) ?? '';
      cached = parseNginx(text, file).directives;
      this.includeCache.set(file, cached);
    }
    return cached;
  }
}

/** A copy of an included file's directive that sits where the `include` was. */
function reparent(directive: NginxDirective, parent: NginxDirective | undefined): NginxDirective {
  return Object.assign(Object.create(Object.getPrototypeOf(directive)) as NginxDirective, directive, { parent });
}

const NONE: NginxDirective[] = [];

/** Blocks with at most this many directives are scanned on each question instead of indexed. */
const SMALL_BLOCK = 16;

function hasInclude(list: NginxDirective[]): boolean {
  for (let i = 0; i < list.length; i++) if (list[i].name === 'include') return true;
  return false;
}

/** Where nginx packages put their configuration: an absolute include under one of these is mirrored. */
const MIRRORED_PREFIXES = ['/etc/nginx/', '/usr/local/nginx/conf/', '/usr/local/etc/nginx/', '/opt/homebrew/etc/nginx/'];

const ENTRY_NAMES = new Set(['map', 'geo', 'types', 'split_clients', 'charset_map']);

/**
 * Where a fragment is meant to be included, judged by what it holds: `server`/`upstream`/`map`
 * blocks belong in `http` (conf.d/*.conf), `location`/`listen` in a `server` (snippets).
 */
function guessFragmentContext(directives: NginxDirective[]): NginxContext {
  const names = new Set(directives.map((d) => d.name));
  if (['server', 'upstream', 'map', 'geo', 'log_format', 'limit_req_zone', 'limit_conn_zone', 'proxy_cache_path', 'split_clients'].some((n) => names.has(n))) {
    return 'http';
  }
  if (['location', 'listen', 'server_name'].some((n) => names.has(n))) return 'server';
  return 'http';
}
