import type { Report, Rule, TextEdit } from '../../types';
import type { NginxDirective } from '../ast';
import type { NginxModel } from '../model';
import { directiveText, insertAfter, insertInBlock } from '../edit';
import { headersSet, headerValue } from '../headers';

// The response headers every site should send, checked per server where they take effect.

interface Required {
  name: string;
  /** `name` lower-cased, as headersSet gives names. */
  key: string;
  value: string;
  /** The `add_header` line the fix adds. */
  line: string;
  tlsOnly?: boolean;
  /** Other headers that do the same job. */
  satisfiedBy?: (directives: NginxDirective[]) => boolean;
}

function required(name: string, value: string, extra: Partial<Required> = {}): Required {
  return { name, key: name.toLowerCase(), value, line: `add_header ${name} "${value}" always;`, ...extra };
}

const REQUIRED: Required[] = [
  required('X-Content-Type-Options', 'nosniff'),
  required('X-Frame-Options', 'SAMEORIGIN', {
    satisfiedBy: (directives) => {
      const csp = lastSetting(directives, 'content-security-policy');
      return csp !== undefined && headerValue(csp).includes('frame-ancestors');
    },
  }),
  required('Referrer-Policy', 'strict-origin-when-cross-origin'),
  required('Strict-Transport-Security', 'max-age=31536000', { tlsOnly: true }),
];
const PLAIN = REQUIRED.filter((h) => !h.tlsOnly);
const TLS_ONLY = REQUIRED.filter((h) => h.tlsOnly);

function line(header: Required): string {
  return header.line;
}

function isTls(model: NginxModel, server: NginxDirective): boolean {
  for (const d of model.childrenNamed(server, 'listen')) for (const a of d.args) if (a.value === 'ssl' || a.value === 'quic') return true;
  for (const d of model.childrenNamed(server, 'ssl')) if (d.args[0]?.value === 'on') return true;
  return false;
}

export const securityHeadersMissing: Rule<NginxModel> = {
  meta: {
    id: 'nginx/security-headers-missing',
    kind: 'nginx',
    severity: 'info',
    tier: 1,
    title: 'Server does not send the basic security headers',
    aliases: [],
    fix: 'safe',
    docs: {
      what:
        'Reports an HTTP `server` whose responses lack `X-Content-Type-Options`, `X-Frame-Options` (or a ' +
        '`Content-Security-Policy` with `frame-ancestors`) or `Referrer-Policy`, and a TLS server (`listen … ssl`) ' +
        'that lacks `Strict-Transport-Security`. Headers count where they take effect: set in the server, ' +
        'inherited from `http` (or from the nginx.conf that includes a `conf.d` file), through `include`d ' +
        'snippets, or with headers-more\'s `more_set_headers`. A server whose every answer is a `return` only needs HSTS.',
      why:
        'These headers switch on browser protections that cost nothing: no MIME sniffing of uploads into scripts ' +
        '(`nosniff`), no framing of your pages by other sites (clickjacking), no full URLs with tokens leaking to ' +
        'other sites through the Referer, and no plain-HTTP first visit to strip TLS (HSTS). nginx sends none of ' +
        'them by default, and scanners and audits list every one that is missing.',
      example: 'server {\n    listen 443 ssl;\n    root /srv/www;\n}\n',
      fixed:
        'server {\n    add_header X-Content-Type-Options "nosniff" always;\n    add_header X-Frame-Options "SAMEORIGIN" always;\n' +
        '    add_header Referrer-Policy "strict-origin-when-cross-origin" always;\n    add_header Strict-Transport-Security "max-age=31536000" always;\n' +
        '    listen 443 ssl;\n    root /srv/www;\n}\n',
      notes:
        'The fix adds the missing `add_header … always;` lines (`always` sends them with error pages too) where nginx ' +
        'will apply them: next to the add_header lines already in effect (in `http` if the server inherits them ' +
        'from there), or in the server. Adding a first add_header to a server would drop headers it inherited ' +
        'from a file the fix cannot edit, so those are copied along. Locations inside the server that set their ' +
        'own add_header (and so inherit nothing) get the lines as well. HSTS is added without `includeSubDomains` ' +
        'or `preload`; extend it once every subdomain serves HTTPS.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const servers = model.blocks('server').filter((s) => model.contextOf(s) === 'http');
    if (!servers.length) return reports;
    // Blocks below a server that set add_header themselves (one pass over the file).
    const ownHeaderBlocks = new Map<NginxDirective, NginxDirective[]>();
    for (const header of model.find('add_header')) {
      const block = header.parent;
      if (!block || (block.name !== 'location' && block.name !== 'if')) continue;
      const server = model.enclosing(block, 'server');
      if (!server) continue;
      const list = ownHeaderBlocks.get(server);
      if (!list) ownHeaderBlocks.set(server, [block]);
      else if (!list.includes(block)) list.push(block);
    }
    for (const server of servers) {
      const tls = isTls(model, server);
      const returnsOnly = model.childrenNamed(server, 'return').length > 0;
      const wanted = returnsOnly ? (tls ? TLS_ONLY : NO_HEADERS) : tls ? REQUIRED : PLAIN;
      if (!wanted.length) continue;
      let effective = model.effectiveHeaders(server);
      let inheritedFromElsewhere = false;
      if (!effective.directives.length && model.isFragment && !server.parent) {
        for (const { model: parent, include } of model.includingConfigs()) {
          const value = parent.effectiveHeaders(include.parent);
          if (value.directives.length) {
            effective = value;
            inheritedFromElsewhere = true;
            break;
          }
        }
      }
      const more = moreSetHeaders(model, server);
      const missing = missingFrom(more.length ? [...effective.directives, ...more] : effective.directives, wanted);
      if (!missing.length) continue;

      const edits: TextEdit[] = [];
      const owner = inheritedFromElsewhere ? undefined : effective.owner;
      if (!effective.directives.length) {
        edits.push(insertInBlock(model, server, missing.map(line)));
      } else if (owner && !owner.file && (owner === server || lastOwn(model, owner))) {
        // Every server inheriting from `owner` gets the same edit, so it cannot depend on this server.
        const lines = owner === server ? missing : missingFrom(effective.directives, REQUIRED.filter((h) => !h.tlsOnly || hasTlsServer(model, owner)));
        const anchor = lastOwn(model, owner);
        edits.push(anchor ? insertAfter(model, anchor, lines.map(line)) : insertInBlock(model, owner, lines.map(line)));
      } else if (!owner && lastOwn(model, undefined)) {
        const tlsAnywhere = servers.some((s) => !s.parent && isTls(model, s));
        const lines = missingFrom(effective.directives, REQUIRED.filter((h) => !h.tlsOnly || tlsAnywhere));
        edits.push(insertAfter(model, lastOwn(model, undefined)!, lines.map(line)));
      } else {
        // Inherited from a file we cannot edit: the server's first add_header would drop those, so copy them along.
        edits.push(insertInBlock(model, server, [...effective.directives.map(directiveText), ...missing.map(line)]));
      }
      for (const block of ownHeaderBlocks.get(server) ?? NO_BLOCKS) {
        const inBlock = model.effectiveHeaders(block);
        if (inBlock.owner !== block) continue;
        const anchor = lastOwn(model, block);
        if (!anchor) continue;
        const blockMissing = missingFrom(more.length ? [...inBlock.directives, ...more] : inBlock.directives, missing);
        if (blockMissing.length) edits.push(insertAfter(model, anchor, blockMissing.map(line)));
      }
      const names = missing.map((h) => `\`${h.name}\``).join(', ');
      reports.push({
        message: `This server's responses lack ${names}; add ${missing.length > 1 ? 'them' : 'it'} with \`add_header … always;\`.`,
        range: server.nameRange,
        fix: { title: `Add ${missing.length > 1 ? `the ${missing.length} missing security headers` : `\`${missing[0].name}\``}`, edits, safe: true },
      });
    }
    return reports;
  },
};

const NO_HEADERS: Required[] = [];
const NO_BLOCKS: NginxDirective[] = [];

/** The last add_header written in `block` itself (not in an included file). */
function lastOwn(model: NginxModel, block: NginxDirective | undefined): NginxDirective | undefined {
  const own = model.childrenNamed(block, 'add_header');
  for (let i = own.length - 1; i >= 0; i--) if (!own[i].file) return own[i];
  return undefined;
}

/** headers-more's `more_set_headers` in `server` and every level around it, innermost first. */
function moreSetHeaders(model: NginxModel, server: NginxDirective): NginxDirective[] {
  let found: NginxDirective[] | undefined;
  for (let b: NginxDirective | undefined = server; ; b = b.parent) {
    const here = model.childrenNamed(b, 'more_set_headers');
    if (here.length) found = found ? [...found, ...here] : here;
    if (!b) break;
  }
  return found ?? NO_BLOCKS;
}

const tlsOwners = new WeakMap<NginxDirective, boolean>();

function hasTlsServer(model: NginxModel, owner: NginxDirective): boolean {
  let result = tlsOwners.get(owner);
  if (result === undefined) tlsOwners.set(owner, (result = model.childrenNamed(owner, 'server').some((s) => isTls(model, s))));
  return result;
}

/** Whether `directive` sets the header `key` (lower-cased). */
function sets(directive: NginxDirective, key: string): boolean {
  if (directive.name === 'add_header') {
    const name = directive.args[0]?.value;
    return name !== undefined && name.length === key.length && name.toLowerCase() === key;
  }
  return directive.name === 'more_set_headers' && headersSet(directive).includes(key);
}

/** The last of `directives` that sets the header `key`. */
function lastSetting(directives: NginxDirective[], key: string): NginxDirective | undefined {
  for (let i = directives.length - 1; i >= 0; i--) if (sets(directives[i], key)) return directives[i];
  return undefined;
}

function missingFrom(directives: NginxDirective[], required: Required[]): Required[] {
  let missing: Required[] | undefined;
  for (const h of required) {
    if (lastSetting(directives, h.key) || h.satisfiedBy?.(directives)) continue;
    if (missing) missing.push(h);
    else missing = [h];
  }
  return missing ?? NO_HEADERS;
}
