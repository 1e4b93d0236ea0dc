import type { Report, Rule } from '../../types';
import type { NginxDirective } from '../ast';
import type { EffectiveValue, NginxModel } from '../model';
import { directiveText, insertBefore } from '../edit';

// nginx inherits `add_header` lines only into blocks that have none of their own.

const HEADER_BLOCKS = new Set(['http', 'server', 'location', 'if']);

/** The `add_header` lines in effect just outside `block`, following a fragment into the nginx.conf that includes it. */
function parentHeaders(model: NginxModel, block: NginxDirective, family: string): { value: EffectiveValue; from?: NginxModel } | undefined {
  if (block.parent) return { value: model.effectiveHeaders(block.parent, family) };
  const top = model.effectiveHeaders(undefined, family);
  if (top.directives.length) return { value: top };
  for (const { model: parent, include } of model.includingConfigs()) {
    const value = parent.effectiveHeaders(include.parent, family);
    if (value.directives.length) return { value, from: parent };
  }
  return undefined;
}

/** Where parentHeaders found the lines, for the message. */
function describeParent(block: NginxDirective, value: EffectiveValue, from: NginxModel | undefined): string {
  if (from) return `the \`${value.owner?.name ?? 'http'}\` of ${from.path.split('/').pop()} that includes this file`;
  const owner = block.parent ? value.owner : undefined;
  return owner ? `the enclosing \`${owner.name}\`${owner.file ? '' : ` (line ${owner.nameRange.start.line + 1})`}` : 'the top of this file';
}

/** The lower-cased name an `add_header` sets (what headersSet gives for it); undefined without arguments. */
function headerKey(directive: NginxDirective): string | undefined {
  return directive.args[0]?.value.toLowerCase();
}

/** Whether `directive` (an add_header) sets a header named in `names`. */
function setsOneOf(directive: NginxDirective, names: (string | undefined)[]): boolean {
  const key = headerKey(directive);
  return key !== undefined && names.includes(key);
}

/** The add_header lines of every enclosing level up to where inheritance stops, outermost first, nearest winning per name. */
function ancestorHeaders(model: NginxModel, block: NginxDirective, parentValue: EffectiveValue, family: string): NginxDirective[] {
  const levels: NginxDirective[][] = [parentValue.directives];
  for (let b = block.parent; b; b = b.parent) {
    if (model.inheritMode(b, family) === 'off') break;
    levels.push(model.effectiveHeaders(b.parent, family).directives);
  }
  const byName = new Map<string, NginxDirective>();
  for (let i = levels.length - 1; i >= 0; i--) {
    for (const d of levels[i]) {
      if (d.name !== family) continue;
      const key = headerKey(d);
      if (key) byName.set(key, d);
    }
  }
  // Keep each header where its outermost definition put it, with the nearest definition's text.
  return [...byName.values()];
}

/** One directive per header key (undefined included), at the first one's place, the last one's text. */
function lastPerHeader(directives: NginxDirective[]): NginxDirective[] {
  if (directives.length < 2) return directives;
  const byKey = new Map<string | undefined, NginxDirective>();
  for (const d of directives) byKey.set(headerKey(d), d);
  return [...byKey.values()];
}

export const addHeaderRedefinition: Rule<NginxModel> = {
  meta: {
    id: 'nginx/add-header-redefinition',
    kind: 'nginx',
    severity: 'warning',
    tier: 1,
    title: 'add_header in a nested block drops the headers set above it',
    aliases: ['gixy:add_header_redefinition'],
    fix: 'safe',
    docs: {
      what:
        'Reports a `server`, `location`, nested location or `if` whose own `add_header` lines make nginx ignore ' +
        'the `add_header` lines of the enclosing block, and lists the headers lost. `add_trailer` lines, inherited ' +
        'the same way, are checked the same way. A `conf.d` file is compared with the `http` block of the nginx.conf ' +
        'that includes it.',
      why:
        'nginx inherits `add_header` into a block only if that block has no `add_header` at all. Adding a harmless ' +
        '`Cache-Control` to one location therefore silently removes `Strict-Transport-Security`, ' +
        '`Content-Security-Policy` and `X-Frame-Options` from every response that location serves, usually the ' +
        'very pages (uploads, assets, API) that needed them. Nothing warns at reload time.',
      example:
        'server {\n    add_header X-Frame-Options "DENY" always;\n\n    location /assets/ {\n        add_header Cache-Control "public";\n    }\n}\n',
      fixed:
        'server {\n    add_header X-Frame-Options "DENY" always;\n\n    location /assets/ {\n        add_header X-Frame-Options "DENY" always;\n        add_header Cache-Control "public";\n    }\n}\n',
      notes:
        'The fix copies the missing lines from the enclosing block into this one, keeping behaviour for every ' +
        'header the block did not mean to change. With nginx 1.29.3 or later, `add_header_inherit merge;` (in ' +
        '`http`, inherited everywhere) makes nested blocks add to the inherited headers; where it, or ' +
        '`add_header_inherit off;`, is in effect, nothing is reported (`add_trailer_inherit` likewise). Headers a ' +
        'block sets itself, under any capitalisation, are not counted as dropped. Differences from gixy: every ' +
        'dropped header is reported, not only security headers (as the maintained gixy fork does, at a lower ' +
        'severity), because a lost `Cache-Control: no-store` or CORS header is just as silent; and an explicit ' +
        '`add_header_inherit off;` is taken as intended, where gixy still reports it.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const family of FAMILIES) {
      const blocks = new Set<NginxDirective>();
      for (const header of model.find(family)) if (header.parent && HEADER_BLOCKS.has(header.parent.name)) blocks.add(header.parent);
      for (const block of blocks) {
        const report = redefinition(model, block, family);
        if (report) reports.push(report);
      }
    }
    return reports;
  },
};

/** `add_trailer` (nginx 1.13.2+) follows the same all-or-nothing inheritance as `add_header`. */
const FAMILIES = ['add_header', 'add_trailer'];

function redefinition(model: NginxModel, block: NginxDirective, family: string): Report | undefined {
  const mode = model.inheritMode(block, family);
  if (mode === 'merge' || mode === 'off') return undefined;
  const parent = parentHeaders(model, block, family);
  if (!parent || !parent.value.directives.length) return undefined;
  const own = model.childrenNamed(block, family);
  const names = own.map(headerKey);
  const dropped = parent.value.directives.filter((d) => d.name === family && !setsOneOf(d, names));
  if (!dropped.length) return undefined;
  const first = own.find((d) => !d.file);
  if (!first) return undefined;
  // Copy what every enclosing level sets, so the enclosing blocks' own fixes need no second pass.
  const wanted = ancestorHeaders(model, block, parent.value, family).filter((d) => !setsOneOf(d, names));
  const unique = lastPerHeader(dropped);
  const copies = lastPerHeader(wanted);
  const list = unique.map((d) => `\`${d.args[0].value}\``).join(', ');
  const what = family === 'add_header' ? 'header' : 'trailer';
  return {
    message: `This \`${family}\` stops \`${block.name}\` from inheriting ${list} from ${describeParent(block, parent.value, parent.from)}; nginx only inherits ${family} into blocks that set none. Repeat ${unique.length > 1 ? 'them' : 'it'} here.`,
    range: first.args[0]?.range ?? first.nameRange,
    fix: {
      title: `Copy ${copies.length > 1 ? `the ${copies.length} inherited ${what}s` : `the inherited ${what}`} into this block`,
      edits: [insertBefore(model, first, copies.map(directiveText))],
      safe: true,
    },
  };
}
