import type { NginxArg, NginxDirective } from './ast';
import type { NginxModel } from './model';
import { CHAR, canContain, mustStartWith, parseRegex, type ParsedRegex } from './regex';

// Where a variable's value comes from and what an attacker can put in it, for the SSRF and
// HTTP-splitting rules. nginx variables are built-ins (`$uri`, `$arg_x`, `$http_x`…), `set`
// and `map` results, and regex captures (`$1`, `$name`) from `location ~`, `rewrite`,
// `if (… ~ …)`, `server_name ~` and `map` keys. A capture holds what its group can match
// out of what the matched string can hold: `location ~ /(.*)` matches the decoded URI, which
// can carry `%0A`, but `.` never matches a newline, while `[^/]*` or `\W*` do.

export interface Taint {
  /** Can hold a line feed. */
  newline: boolean;
  /** Can hold a carriage return. */
  cr: boolean;
  /** Attacker-chosen text that can name another host (holds `.` and letters). */
  host: boolean;
  /** Always starts with `/` (a path): harmless after `scheme://host`. */
  slashFirst: boolean;
  /** Where the value comes from, for messages: "the decoded request path". */
  origin: string;
}

export interface VariableRef {
  name: string;
  /** Offsets in the unescaped value, `$` included. */
  start: number;
  end: number;
}

/** `$name`, `${name}`, `$1` in a directive value. */
export function variablesIn(value: string): VariableRef[] {
  // What /\$(?:\{([A-Za-z0-9_]+)\}|([0-9]|[A-Za-z_][A-Za-z0-9_]*))/g finds, scanned by hand:
  // rules call this for every value with a `$`, and the regex allocates a match per hit.
  let refs: VariableRef[] | undefined;
  for (let at = value.indexOf('$'); at >= 0; ) {
    let end = -1;
    let name = '';
    const next = value.charCodeAt(at + 1);
    if (next === 123 /* { */) {
      let i = at + 2;
      while (i < value.length && isWordChar(value.charCodeAt(i))) i++;
      if (i > at + 2 && value.charCodeAt(i) === 125 /* } */) {
        name = value.slice(at + 2, i);
        end = i + 1;
      }
    } else if (next >= 48 && next <= 57) {
      name = value[at + 1];
      end = at + 2;
    } else if (isWordChar(next)) {
      let i = at + 2;
      while (i < value.length && isWordChar(value.charCodeAt(i))) i++;
      name = value.slice(at + 1, i);
      end = i;
    }
    if (end < 0) {
      at = value.indexOf('$', at + 1);
      continue;
    }
    const ref = { name, start: at, end };
    if (refs) refs.push(ref);
    else refs = [ref];
    at = value.indexOf('$', end);
  }
  return refs ?? NO_REFS;
}

const NO_REFS: VariableRef[] = [];

/** [A-Za-z0-9_] */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Length of the scheme-and-host part of a URL (`http://$host:80` of `http://$host:80/x`). */
export function authorityEnd(value: string): number {
  const scheme = /^[^/?#]*?:\/\//.exec(value);
  const from = scheme ? scheme[0].length : 0;
  const rest = value.slice(from).search(/[/?#]/);
  return rest < 0 ? value.length : from + rest;
}

/** A named group's opening, `(?<name>`, `(?P<name>` or `(?'name'`, matched where it starts. */
const NAMED_GROUP = /\(\?P?(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/y;

const URI_SOURCE: Taint = { newline: true, cr: true, host: true, slashFirst: true, origin: 'the decoded request path' };
const HOST_SOURCE: Taint = { newline: false, cr: false, host: true, slashFirst: false, origin: 'the Host header' };

function builtin(name: string): Taint | undefined {
  const t = (newline: boolean, host: boolean, slashFirst: boolean, origin: string): Taint => ({ newline, cr: newline, host, slashFirst, origin });
  switch (name) {
    case 'uri':
    case 'document_uri':
      return t(true, true, true, 'the decoded request path, where `%0D%0A` becomes a real line break');
    case 'request_filename':
      return t(true, false, true, 'built from the decoded request path');
    case 'request_body':
      return t(true, true, false, 'the request body');
    case 'request_uri':
      return t(false, true, true, 'the raw request path and query');
    case 'args':
    case 'query_string':
      return t(false, true, false, 'the query string');
  }
  if (name.startsWith('arg_')) return t(false, true, false, 'a query-string argument');
  if (name.startsWith('http_')) return t(false, true, false, 'a request header');
  if (name.startsWith('cookie_')) return t(false, true, false, 'a request cookie');
  return undefined;
}

function union(a: Taint | undefined, b: Taint | undefined): Taint | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    newline: a.newline || b.newline,
    cr: a.cr || b.cr,
    host: a.host || b.host,
    slashFirst: a.slashFirst && b.slashFirst,
    origin: a.newline || a.host ? a.origin : b.origin,
  };
}

function isTainted(t: Taint | undefined): t is Taint {
  return !!t && (t.newline || t.cr || t.host);
}

/** A regex match that can provide captures to the directives it governs. */
interface RegexSource {
  regex: ParsedRegex;
  /** What the regex was matched against. */
  subject: Taint | undefined;
  directive: NginxDirective;
  what: string;
}

export class Taints {
  private readonly maps = new Map<string, NginxDirective[]>();
  private readonly memo = new Map<NginxDirective | undefined, Map<string, Taint | null>>();
  private readonly active = new Set<string>();
  private readonly captureNames = new Set<string>();
  private readonly builtins = new Map<string, Taint | null>();
  /** Names assigned with `set` in this file and the files it includes (nested includes aside). */
  private readonly setNames: Set<string>;

  constructor(private readonly model: NginxModel) {
    const addMaps = (list: NginxDirective[]) => {
      for (const d of list) {
        if (d.name === 'map' && d.args.length >= 2 && d.block) {
          const name = d.args[1].value.replace(/^\$\{?|\}$/g, '');
          this.maps.set(name, [...(this.maps.get(name) ?? []), d]);
        }
      }
    };
    addMaps(model.find('map'));
    const sets = [...model.find('set')];
    for (const include of model.find('include')) sets.push(...model.childrenNamed(include.parent, 'set').filter((d) => d.file));
    this.setNames = new Set(sets.map((d) => d.args[0]?.value.replace(/^\$\{?|\}$/g, '') ?? ''));
    // Named captures can only be names some regex of the file defines: skip the search for the rest.
    // Every match starts at a `(?`: jump from one to the next instead of running the regex over the whole text.
    const text = model.text;
    for (let at = text.indexOf('(?'); at >= 0; at = text.indexOf('(?', at + 2)) {
      NAMED_GROUP.lastIndex = at;
      const m = NAMED_GROUP.exec(text);
      if (m) this.captureNames.add(m[1] ?? m[2]);
    }
    for (const http of model.directives.filter((d) => d.name === 'http')) addMaps(model.children(http).filter((d) => d.file));
    addMaps(model.children(undefined).filter((d) => d.file));
  }

  /** What `$name` can hold when evaluated by `at` (a directive). Undefined: nothing an attacker controls. */
  of(name: string, at: NginxDirective): Taint | undefined {
    if (!this.dependsOnScope(name)) {
      // A built-in variable (`$host`, `$uri`, `$http_x`): the same everywhere in the file.
      let cached = this.builtins.get(name);
      if (cached === undefined) {
        const taint = builtin(name);
        this.builtins.set(name, (cached = isTainted(taint) ? taint : null));
      }
      return cached ?? undefined;
    }
    const scope = at.parent;
    let byName = this.memo.get(scope);
    if (!byName) this.memo.set(scope, (byName = new Map()));
    const cached = byName.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const key = `${name}@${scope ? scope.start : -1}:${scope?.file ?? ''}`;
    if (this.active.has(key)) return undefined; // `set $a $a…`: a cycle adds nothing new
    this.active.add(key);
    let result: Taint | undefined;
    try {
      result = this.resolve(name, at);
    } finally {
      this.active.delete(key);
    }
    const clean = isTainted(result) ? result : undefined;
    byName.set(name, clean ?? null);
    return clean;
  }

  /** Whether `$name` can mean something different in different blocks (captures, `set`, `map`). */
  private dependsOnScope(name: string): boolean {
    if (name.length === 1 && name >= '0' && name <= '9') return true;
    return this.setNames.has(name) || this.captureNames.has(name) || this.maps.has(name);
  }

  /** The taint of a whole value (`"prefix$a$b"`), evaluated by `at`. */
  valueTaint(value: string, at: NginxDirective): Taint | undefined {
    let result: Taint | undefined;
    const refs = variablesIn(value);
    for (const ref of refs) result = union(result, this.of(ref.name, at));
    if (result) {
      result = { ...result, slashFirst: value.startsWith('/') || (refs[0]?.start === 0 && !!this.of(refs[0].name, at)?.slashFirst) };
      // A URL with a literal scheme and host (`http://app$request_uri`) keeps its host whatever
      // the variables after it hold: used as a proxy target, it cannot reach another host.
      if (result.host && /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !this.hostControlled(value, refs, at)) result = { ...result, host: false };
    }
    return result;
  }

  /**
   * Whether the request can decide the host of the URL `value`: a variable inside its
   * scheme-and-host part that can hold a host name, before anything that must start with `/`.
   */
  hostControlled(value: string, refs: VariableRef[], at: NginxDirective): boolean {
    const end = authorityEnd(value);
    for (const ref of refs) {
      if (ref.start >= end) return false;
      const taint = this.of(ref.name, at);
      if (!taint) continue;
      if (taint.slashFirst) return false; // a path: the host ends before it
      if (taint.host) return true;
    }
    return false;
  }

  private resolve(name: string, at: NginxDirective): Taint | undefined {
    if (/^[0-9]$/.test(name)) return this.capture(Number(name), at);
    if (this.setNames.has(name)) {
      const fromSet = this.fromSet(name, at);
      if (fromSet.found) return fromSet.taint;
    }
    const named = this.captureNames.has(name) ? this.capture(name, at) : undefined;
    if (named) return named;
    const maps = this.maps.get(name);
    if (maps) return this.fromMaps(maps);
    return builtin(name);
  }

  private fromSet(name: string, at: NginxDirective): { found: boolean; taint?: Taint } {
    let found = false;
    let taint: Taint | undefined;
    for (let block = at.parent; ; block = block.parent) {
      for (const d of this.model.childrenNamed(block, 'set')) {
        if (d.args.length < 2) continue;
        if (d.args[0].value.replace(/^\$\{?|\}$/g, '') !== name) continue;
        found = true;
        taint = union(taint, this.valueTaint(d.args[1].value, d));
      }
      if (!block) break;
    }
    return { found, taint };
  }

  private fromMaps(maps: NginxDirective[]): Taint | undefined {
    let taint: Taint | undefined;
    for (const map of maps) {
      const subject = this.valueTaint(map.args[0].value, map);
      for (const entry of map.block?.children ?? []) {
        const value = entry.args[0]?.value;
        if (value === undefined) continue;
        let regex: ParsedRegex | undefined;
        if (entry.name.startsWith('~')) regex = parseRegex(entry.name.replace(/^~\*?/, ''));
        for (const ref of variablesIn(value)) {
          if (regex && (/^[0-9]$/.test(ref.name) || regex.groups.has(ref.name))) {
            const group = regex.groups.get(/^[0-9]$/.test(ref.name) ? Number(ref.name) : ref.name);
            if (group) taint = union(taint, captureTaint(group, subject, `captured by the \`map\` key \`${entry.name}\`${subject ? ` from ${subject.origin}` : ''}`));
          } else {
            taint = union(taint, this.of(ref.name, map));
          }
        }
      }
    }
    return taint;
  }

  /** A numbered or named capture visible to `at`. */
  private capture(key: number | string, at: NginxDirective): Taint | undefined {
    // The nearest regex decides what `$1` means; a named capture can come from any of them.
    for (const source of this.regexSources(at)) {
      const group = source.regex.groups.get(key);
      if (group) {
        const subject = source.subject ? ` from ${source.subject.origin}` : '';
        return captureTaint(group, source.subject, `captured by the ${source.what} regex on line ${source.directive.nameRange.start.line + 1}${subject}`);
      }
      if (typeof key === 'number') return undefined;
    }
    return undefined;
  }

  /** Regexes whose captures `at` can see, nearest first. */
  private regexSources(at: NginxDirective): RegexSource[] {
    const out: RegexSource[] = [];
    for (let block = at.parent; block; block = block.parent) {
      // A rewrite in the same block (or an enclosing one) runs before the content handler.
      const rewrites = this.model.childrenNamed(block, 'rewrite').filter((d) => d !== at && d.args.length >= 2);
      for (const rewrite of rewrites.reverse()) {
        const regex = parseRegex(rewrite.args[0].value);
        if (regex) out.push({ regex, subject: URI_SOURCE, directive: rewrite, what: '`rewrite`' });
      }
      if (block.name === 'if') {
        const cond = parseCondition(block.args);
        if (cond && /^!?~\*?$/.test(cond.operator) && !cond.operator.startsWith('!')) {
          const regex = parseRegex(cond.operand);
          if (regex) out.push({ regex, subject: this.valueTaint(cond.variable, block), directive: block, what: '`if`' });
        }
      } else if (block.name === 'location') {
        const loc = locationRegex(block);
        if (loc) {
          const regex = parseRegex(loc);
          if (regex) out.push({ regex, subject: URI_SOURCE, directive: block, what: '`location`' });
        }
      } else if (block.name === 'server') {
        for (const sn of this.model.childrenNamed(block, 'server_name')) {
          for (const arg of sn.args) {
            if (!arg.value.startsWith('~')) continue;
            const regex = parseRegex(arg.value.slice(1));
            if (regex) out.push({ regex, subject: HOST_SOURCE, directive: sn, what: '`server_name`' });
          }
        }
      }
    }
    return out;
  }
}

function captureTaint(group: import('./regex').RegexNode, subject: Taint | undefined, origin: string): Taint | undefined {
  if (!subject) return undefined;
  return {
    newline: subject.newline && canContain(group, CHAR.NL),
    cr: subject.cr && canContain(group, CHAR.CR),
    host: subject.host && canContain(group, CHAR.DOT),
    slashFirst: mustStartWith(group, CHAR.SLASH) === true,
    origin: origin.replace(/ from captured by .*$/, ''),
  };
}

/** The regex of `location ~ re` / `location ~* re`, else undefined. */
export function locationRegex(location: NginxDirective): string | undefined {
  const [first, second] = location.args;
  if (!first) return undefined;
  if ((first.value === '~' || first.value === '~*') && second) return second.value;
  if (first.value.startsWith('~*')) return first.value.slice(2) || undefined;
  if (first.value.startsWith('~')) return first.value.slice(1) || undefined;
  return undefined;
}

export interface Condition {
  /** `$http_origin` (a variable or value). */
  variable: string;
  operator: string;
  operand: string;
  /** The argument holding the operand, and where the operand sits in its value. */
  operandArg?: NginxArg;
}

/** Reads `if (…)`'s arguments: `($a ~ "re")`, `( $a = b )`, `($a)`. */
export function parseCondition(args: NginxArg[]): Condition | undefined {
  if (!args.length) return undefined;
  const words = args.map((a) => ({ arg: a, value: a.value }));
  if (words[0].value.startsWith('(')) words[0] = { ...words[0], value: words[0].value.slice(1) };
  if (words[0].value === '') words.shift();
  const last = words[words.length - 1];
  if (last && last.value.endsWith(')') && !last.arg.quoted) words[words.length - 1] = { ...last, value: last.value.slice(0, -1) };
  if (words.length && words[words.length - 1].value === '') words.pop();
  if (!words.length) return undefined;
  if (words.length === 1) return { variable: words[0].value, operator: '', operand: '' };
  return { variable: words[0].value, operator: words[1].value, operand: words[2]?.value ?? '', operandArg: words[2]?.arg };
}
