import type { Report, Rule, TextEdit } from '../../types';
import type { NginxDirective } from '../ast';
import type { NginxModel } from '../model';
import { directiveText, insertAfter, insertInBlock } from '../edit';
import { headersSet, headerValue } from '../headers';

// The response headers every site should send, checked per server where they take effect.

interface Required {
  name: string;
  value: string;
  tlsOnly?: boolean;
  /** Other headers that do the same job. */
  satisfiedBy?: (names: Set<string>, values: Map<string, string>) => boolean;
}

const REQUIRED: Required[] = [
  { name: 'X-Content-Type-Options', value: 'nosniff' },
  {
    name: 'X-Frame-Options',
    value: 'SAMEORIGIN',
    satisfiedBy: (_names, values) => (values.get('content-security-policy') ?? '').includes('frame-ancestors'),
  },
  { name: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { name: 'Strict-Transport-Security', value: 'max-age=31536000', tlsOnly: true },
];

function line(header: Required): string {
  return `add_header ${header.name} "${header.value}" always;`;
}

function isTls(model: NginxModel, server: NginxDirective): boolean {
  if (model.childrenNamed(server, 'listen').some((d) => d.args.some((a) => a.value === 'ssl' || a.value === 'quic'))) return true;
  return model.childrenNamed(server, 'ssl').some((d) => d.args[0]?.value === 'on');
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
      const list = ownHeaderBlocks.get(server) ?? [];
      if (!list.includes(block)) list.push(block);
      ownHeaderBlocks.set(server, list);
    }
    for (const server of servers) {
      const tls = isTls(model, server);
      const returnsOnly = model.childrenNamed(server, 'return').length > 0;
      const required = REQUIRED.filter((h) => (h.tlsOnly ? tls : !returnsOnly));
      if (!required.length) continue;
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
      const more = [...chain(server)].flatMap((b) => model.childrenNamed(b, 'more_set_headers'));
      const all = [...effective.directives, ...more];
      const missing = missingFrom(all, required);
      if (!missing.length) continue;

      const edits: TextEdit[] = [];
      const owner = inheritedFromElsewhere ? undefined : effective.owner;
      const lastOwn = (block: NginxDirective | undefined) => model.childrenNamed(block, 'add_header').filter((d) => !d.file).at(-1);
      if (!effective.directives.length) {
        edits.push(insertInBlock(model, server, missing.map(line)));
      } else if (owner && !owner.file && (owner === server || lastOwn(owner))) {
        // Every server inheriting from `owner` gets the same edit, so it cannot depend on this server.
        const lines = owner === server ? missing : missingFrom(effective.directives, REQUIRED.filter((h) => !h.tlsOnly || hasTlsServer(model, owner)));
        const anchor = lastOwn(owner);
        edits.push(anchor ? insertAfter(model, anchor, lines.map(line)) : insertInBlock(model, owner, lines.map(line)));
      } else if (!owner && lastOwn(undefined)) {
        const tlsAnywhere = servers.some((s) => !s.parent && isTls(model, s));
        const lines = missingFrom(effective.directives, REQUIRED.filter((h) => !h.tlsOnly || tlsAnywhere));
        edits.push(insertAfter(model, lastOwn(undefined)!, lines.map(line)));
      } else {
        // Inherited from a file we cannot edit: the server's first add_header would drop those, so copy them along.
        edits.push(insertInBlock(model, server, [...effective.directives.map(directiveText), ...missing.map(line)]));
      }
      for (const block of ownHeaderBlocks.get(server) ?? []) {
        const blockMissing = missingFrom([...model.effectiveHeaders(block).directives, ...more], missing);
        const anchor = lastOwn(block);
        if (blockMissing.length && anchor && model.effectiveHeaders(block).owner === block) edits.push(insertAfter(model, anchor, blockMissing.map(line)));
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

const tlsOwners = new WeakMap<NginxDirective, boolean>();

function hasTlsServer(model: NginxModel, owner: NginxDirective): boolean {
  let result = tlsOwners.get(owner);
  if (result === undefined) tlsOwners.set(owner, (result = model.childrenNamed(owner, 'server').some((s) => isTls(model, s))));
  return result;
}

function* chain(block: NginxDirective | undefined): Generator<NginxDirective | undefined> {
  for (let b = block; b; b = b.parent) yield b;
  yield undefined;
}

function missingFrom(directives: NginxDirective[], required: Required[]): Required[] {
  const names = new Set<string>();
  const values = new Map<string, string>();
  for (const d of directives) {
    for (const name of headersSet(d)) {
      names.add(name);
      values.set(name, headerValue(d));
    }
  }
  return required.filter((h) => !names.has(h.name.toLowerCase()) && !h.satisfiedBy?.(names, values));
}
