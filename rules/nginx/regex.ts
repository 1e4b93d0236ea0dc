// A small reader for the PCRE patterns nginx configs use (`location ~`, `rewrite`, `if (… ~ …)`,
// `server_name ~`, `map` keys). It answers the questions the security rules ask about a pattern
// without running it: which characters a capture group can hold (a `\n` for HTTP splitting, a `.`
// for an attacker-chosen host), whether it must start with `/`, and a few sample strings with
// the characters that came from wildcards marked, for the `origins` checks. Anything it cannot
// read makes it give up (undefined), so rules stay silent rather than guess.

export interface CharSet {
  negated: boolean;
  /** Inclusive code point pairs: [lo, hi, lo, hi, …]. */
  ranges: number[];
}

export type RegexNode =
  | { type: 'seq'; items: RegexNode[] }
  | { type: 'alt'; branches: RegexNode[] }
  | { type: 'group'; body: RegexNode; index?: number; name?: string; lookaround?: boolean }
  | { type: 'repeat'; body: RegexNode; min: number; max: number }
  | { type: 'set'; set: CharSet; literal: boolean }
  | { type: 'assert'; kind: string };

export interface ParsedRegex {
  root: RegexNode;
  /** Capture groups by number (1-based) and by name. */
  groups: Map<number | string, RegexNode>;
  groupCount: number;
  caseInsensitive: boolean;
}

const NL = 10, CR = 13;

function set(ranges: number[], negated = false): CharSet {
  return { negated, ranges };
}

const DIGIT = [48, 57];
const WORD = [48, 57, 65, 90, 95, 95, 97, 122];
const SPACE = [9, 13, 32, 32];
const ANY_BUT_NL = set([NL, NL], true);
const EVERYTHING = set([], true);

export function setContains(s: CharSet, code: number): boolean {
  let inside = false;
  for (let i = 0; i < s.ranges.length; i += 2) {
    if (code >= s.ranges[i] && code <= s.ranges[i + 1]) {
      inside = true;
      break;
    }
  }
  return inside !== s.negated;
}

class Reader {
  pos = 0;
  groupCount = 0;
  readonly groups = new Map<number | string, RegexNode>();
  dotAll = false;
  caseInsensitive = false;

  constructor(private readonly src: string) {}

  parse(): RegexNode {
    const node = this.alternation();
    if (this.pos < this.src.length) throw new Error('unbalanced )');
    return node;
  }

  private alternation(): RegexNode {
    const branches = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0] : { type: 'alt', branches };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      if (atom) items.push(this.quantified(atom));
    }
    return { type: 'seq', items };
  }

  private quantified(atom: RegexNode): RegexNode {
    let node = atom;
    for (;;) {
      const c = this.src[this.pos];
      let min: number, max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(this.src.slice(this.pos));
        if (!m || (m[1] === '' && m[3] === '')) return node; // a literal "{"
        min = m[1] ? Number(m[1]) : 0;
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
        this.pos += m[0].length - 1;
      } else return node;
      this.pos++;
      if (this.src[this.pos] === '?' || this.src[this.pos] === '+') this.pos++; // lazy / possessive
      node = { type: 'repeat', body: node, min, max };
    }
  }

  private atom(): RegexNode | undefined {
    const c = this.src[this.pos++];
    switch (c) {
      case '^':
        return { type: 'assert', kind: '^' };
      case '$':
        return { type: 'assert', kind: '$' };
      case '.':
        return { type: 'set', set: this.dotAll ? EVERYTHING : ANY_BUT_NL, literal: false };
      case '[':
        return { type: 'set', set: this.charClass(), literal: false };
      case '(':
        return this.group();
      case '\\':
        return this.escape(false);
      default:
        return { type: 'set', set: set([c.charCodeAt(0), c.charCodeAt(0)]), literal: true };
    }
  }

  private group(): RegexNode | undefined {
    const rest = this.src.slice(this.pos);
    let name: string | undefined;
    let capture = true;
    let lookaround = false;
    if (rest.startsWith('?')) {
      const named = /^\?(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(rest);
      const flags = /^\?([a-zA-Z]*)(?:-([a-zA-Z]*))?(:|\))/.exec(rest);
      if (named) {
        name = named[1] ?? named[2];
        this.pos += named[0].length;
      } else if (rest.startsWith('?#')) {
        const end = this.src.indexOf(')', this.pos);
        if (end < 0) throw new Error('unterminated comment');
        this.pos = end + 1;
        return undefined;
      } else if (/^\?(?:=|!|<=|<!)/.test(rest)) {
        lookaround = true;
        capture = false;
        this.pos += rest[1] === '<' ? 3 : 2;
      } else if (/^\?[:>|]/.test(rest)) {
        capture = false;
        this.pos += 2;
      } else if (flags) {
        const on = flags[1], off = flags[2] ?? '';
        this.pos += flags[0].length;
        const saved = { dotAll: this.dotAll, caseInsensitive: this.caseInsensitive };
        if (on.includes('s')) this.dotAll = true;
        if (off.includes('s')) this.dotAll = false;
        if (on.includes('i')) this.caseInsensitive = true;
        if (flags[3] === ')') return undefined; // (?s) applies to the rest of the pattern
        const body = this.alternation();
        this.expect(')');
        Object.assign(this, saved);
        return { type: 'group', body };
      } else {
        throw new Error('unknown group');
      }
    }
    const index = capture ? ++this.groupCount : undefined;
    const body = this.alternation();
    this.expect(')');
    const node: RegexNode = { type: 'group', body, ...(index !== undefined ? { index } : {}), ...(name ? { name } : {}), ...(lookaround ? { lookaround } : {}) };
    if (index !== undefined) this.groups.set(index, node);
    if (name) this.groups.set(name, node);
    return node;
  }

  private expect(c: string): void {
    if (this.src[this.pos] !== c) throw new Error(`expected ${c}`);
    this.pos++;
  }

  /** After a `\`. Inside a class only character-producing escapes make sense. */
  private escape(inClass: boolean): RegexNode {
    const c = this.src[this.pos++];
    if (c === undefined) throw new Error('trailing backslash');
    const one = (code: number): RegexNode => ({ type: 'set', set: set([code, code]), literal: true });
    switch (c) {
      case 'd': return { type: 'set', set: set(DIGIT), literal: false };
      case 'D': return { type: 'set', set: set(DIGIT, true), literal: false };
      case 'w': return { type: 'set', set: set(WORD), literal: false };
      case 'W': return { type: 'set', set: set(WORD, true), literal: false };
      case 's': return { type: 'set', set: set(SPACE), literal: false };
      case 'S': return { type: 'set', set: set(SPACE, true), literal: false };
      case 'h': return { type: 'set', set: set([9, 9, 32, 32]), literal: false };
      case 'H': return { type: 'set', set: set([9, 9, 32, 32], true), literal: false };
      case 'v': case 'R': return { type: 'set', set: set([10, 13]), literal: false };
      case 'V': case 'N': return { type: 'set', set: set([10, 13], true), literal: false };
      case 'n': return one(NL);
      case 'r': return one(CR);
      case 't': return one(9);
      case 'f': return one(12);
      case 'e': return one(27);
      case 'a': return one(7);
      case 'x': {
        const m = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{1,2}))/.exec(this.src.slice(this.pos));
        if (!m) return one(0);
        this.pos += m[0].length;
        return one(parseInt(m[1] ?? m[2], 16));
      }
      case 'p': case 'P': {
        const m = /^(?:\{[^}]*\}|\w)/.exec(this.src.slice(this.pos));
        if (m) this.pos += m[0].length;
        return { type: 'set', set: set([0, 9, 11, 0x10ffff]), literal: false };
      }
      case 'Q': {
        const end = this.src.indexOf('\\E', this.pos);
        const text = this.src.slice(this.pos, end < 0 ? undefined : end);
        this.pos = end < 0 ? this.src.length : end + 2;
        return { type: 'seq', items: [...text].map((ch) => one(ch.charCodeAt(0))) };
      }
      default:
        if (!inClass && 'bBAZzG'.includes(c)) return { type: 'assert', kind: `\\${c}` };
        if (!inClass && (/[1-9]/.test(c) || c === 'k' || c === 'g')) {
          if (c === 'k' || c === 'g') {
            const m = /^(?:<\w+>|\{\w+\}|'\w+'|-?\d+)/.exec(this.src.slice(this.pos));
            if (m) this.pos += m[0].length;
          }
          return { type: 'set', set: EVERYTHING, literal: false }; // a back-reference: anything
        }
        if (c === '0') return one(0);
        return one(c.charCodeAt(0));
    }
  }

  private charClass(): CharSet {
    let negated = false;
    if (this.src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    const ranges: number[] = [];
    let first = true;
    const add = (s: CharSet) => {
      if (!s.negated) ranges.push(...s.ranges);
      else {
        // Complement of a small set, as ranges over the BMP.
        let from = 0;
        const sorted = pairs(s.ranges).sort((a, b) => a[0] - b[0]);
        for (const [lo, hi] of sorted) {
          if (lo > from) ranges.push(from, lo - 1);
          from = Math.max(from, hi + 1);
        }
        ranges.push(from, 0x10ffff);
      }
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === ']' && !first) {
        this.pos++;
        return { negated, ranges };
      }
      first = false;
      const posix = /^\[:(\^?)(\w+):\]/.exec(this.src.slice(this.pos));
      if (posix) {
        this.pos += posix[0].length;
        const base = POSIX[posix[2]] ?? [0, 0x10ffff];
        add(set(base, posix[1] === '^'));
        continue;
      }
      let lo: CharSet;
      this.pos++;
      if (c === '\\') {
        const node = this.escape(true);
        lo = node.type === 'set' ? node.set : set([0, 0x10ffff]);
      } else lo = set([c.charCodeAt(0), c.charCodeAt(0)]);
      // A range a-z (but not a trailing "-]").
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length && !lo.negated && lo.ranges.length === 2 && lo.ranges[0] === lo.ranges[1]) {
        this.pos++;
        let hiChar = this.src[this.pos++];
        let hi = hiChar.charCodeAt(0);
        if (hiChar === '\\') {
          const node = this.escape(true);
          hi = node.type === 'set' && node.set.ranges.length === 2 ? node.set.ranges[0] : hi;
          hiChar = '';
        }
        ranges.push(lo.ranges[0], hi);
        continue;
      }
      add(lo);
    }
    throw new Error('unterminated class');
  }
}

const POSIX: Record<string, number[]> = {
  alpha: [65, 90, 97, 122],
  digit: DIGIT,
  alnum: [48, 57, 65, 90, 97, 122],
  word: WORD,
  space: SPACE,
  upper: [65, 90],
  lower: [97, 122],
  xdigit: [48, 57, 65, 70, 97, 102],
  punct: [33, 47, 58, 64, 91, 96, 123, 126],
};

function pairs(ranges: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) out.push([ranges[i], ranges[i + 1]]);
  return out;
}

const cache = new Map<string, ParsedRegex | null>();

/** Parses a pattern; undefined when it uses syntax this reader does not know. */
export function parseRegex(pattern: string): ParsedRegex | undefined {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached ?? undefined;
  let result: ParsedRegex | null = null;
  try {
    const reader = new Reader(pattern);
    const root = reader.parse();
    result = { root, groups: reader.groups, groupCount: reader.groupCount, caseInsensitive: reader.caseInsensitive };
  } catch {
    result = null;
  }
  if (cache.size > 5000) cache.clear();
  cache.set(pattern, result);
  return result ?? undefined;
}

/** Whether some match of `node` can hold the character `code`. */
export function canContain(node: RegexNode, code: number): boolean {
  switch (node.type) {
    case 'seq':
      return node.items.some((item) => canContain(item, code));
    case 'alt':
      return node.branches.some((branch) => canContain(branch, code));
    case 'group':
      return !node.lookaround && canContain(node.body, code);
    case 'repeat':
      return node.max > 0 && canContain(node.body, code);
    case 'set':
      return setContains(node.set, code);
    case 'assert':
      return false;
  }
}

/** Whether every match of `node` starts with the character `code` (undefined: it can be empty). */
export function mustStartWith(node: RegexNode, code: number): boolean | undefined {
  switch (node.type) {
    case 'seq':
      for (const item of node.items) {
        const r = mustStartWith(item, code);
        if (r !== undefined) return r;
      }
      return undefined;
    case 'alt': {
      const results = node.branches.map((b) => mustStartWith(b, code));
      if (results.every((r) => r === true)) return true;
      return results.some((r) => r === false) ? false : undefined;
    }
    case 'group':
      return node.lookaround ? undefined : mustStartWith(node.body, code);
    case 'repeat':
      if (node.max === 0) return undefined;
      if (node.min === 0) return mustStartWith(node.body, code) === false ? false : undefined;
      return mustStartWith(node.body, code);
    case 'set':
      return !node.set.negated && node.set.ranges.length === 2 && node.set.ranges[0] === code && node.set.ranges[1] === code;
    case 'assert':
      return undefined;
  }
}

/** One character of a sample string: `wild` when a class or `.` produced it rather than a literal. */
export interface Sample {
  text: string;
  wild: boolean[];
  anchoredStart: boolean;
  anchoredEnd: boolean;
}

const MAX_SAMPLES = 12;

/** A few strings the pattern matches (one per alternative, up to a limit), wildcards marked. */
export function samples(parsed: ParsedRegex): Sample[] {
  type Partial = { text: string; wild: boolean[]; start: boolean; end: boolean };
  const combine = (a: Partial[], b: Partial[]): Partial[] => {
    const out: Partial[] = [];
    for (const x of a) for (const y of b) {
      if (out.length >= MAX_SAMPLES) return out;
      out.push({ text: x.text + y.text, wild: [...x.wild, ...y.wild], start: x.start || (y.start && x.text === ''), end: y.end || (x.end && y.text === '') });
    }
    return out;
  };
  const gen = (node: RegexNode, atStart: boolean): Partial[] => {
    switch (node.type) {
      case 'seq': {
        let acc: Partial[] = [{ text: '', wild: [], start: false, end: false }];
        for (const item of node.items) acc = combine(acc, gen(item, atStart && acc.every((p) => p.text === '')));
        return acc;
      }
      case 'alt':
        return node.branches.flatMap((b) => gen(b, atStart)).slice(0, MAX_SAMPLES);
      case 'group':
        return node.lookaround ? [{ text: '', wild: [], start: false, end: false }] : gen(node.body, atStart);
      case 'repeat': {
        const times = Math.min(Math.max(node.min, 1), 3);
        let acc: Partial[] = [{ text: '', wild: [], start: false, end: false }];
        for (let i = 0; i < times; i++) acc = combine(acc, gen(node.body, false));
        return acc;
      }
      case 'set': {
        const ch = representative(node.set);
        return [{ text: ch, wild: [!node.literal], start: false, end: false }];
      }
      case 'assert':
        return [{ text: '', wild: [], start: node.kind === '^' || node.kind === '\\A', end: node.kind === '$' || node.kind === '\\z' || node.kind === '\\Z' }];
    }
  };
  return gen(parsed.root, true).map((p) => ({ text: p.text, wild: p.wild, anchoredStart: p.start, anchoredEnd: p.end }));
}

/** The character a wildcard stands for in samples: `.` when it can be one, so hosts keep their shape. */
function representative(s: CharSet): string {
  for (const ch of ['.', 'a', 'b', '0', '-', 'A']) if (setContains(s, ch.charCodeAt(0))) return ch;
  if (!s.negated && s.ranges.length) return String.fromCodePoint(s.ranges[0]);
  for (let code = 33; code < 127; code++) if (setContains(s, code)) return String.fromCharCode(code);
  return 'a';
}

/** The pattern as a JavaScript RegExp (PCRE's `(?P<n>` and `(?i)` adapted); undefined if JS cannot read it. */
export function toJsRegExp(pattern: string, caseInsensitive: boolean): RegExp | undefined {
  let source = pattern.replace(/\(\?P</g, '(?<');
  let flags = caseInsensitive ? 'i' : '';
  const leading = /^\(\?([a-z]+)\)/.exec(source);
  if (leading) {
    if (leading[1].includes('i')) flags = 'i';
    if (leading[1].includes('s')) flags += 's';
    source = source.slice(leading[0].length);
  }
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

export const CHAR = { NL, CR, DOT: 46, SLASH: 47 } as const;
