import type { Report, Rule } from '../../types';
import type { NginxDirective } from '../ast';
import type { NginxModel } from '../model';

// Policy rule (off by default): every server should say which HTTP methods it accepts.

function checksMethod(d: NginxDirective): boolean {
  if (d.name === 'limit_except') return true;
  if (d.name === 'if') return d.args.some((a) => a.value.includes('$request_method'));
  if (d.name === 'map') return d.args[0]?.value === '$request_method';
  return false;
}

export const methodsUnrestricted: Rule<NginxModel> = {
  meta: {
    id: 'nginx/methods-unrestricted',
    kind: 'nginx',
    severity: 'off',
    tier: 3,
    title: 'Server accepts every HTTP method',
    aliases: [],
    fix: 'none',
    docs: {
      what:
        'Reports a `server` in which nothing restricts the request method: no `limit_except` block, no ' +
        '`if ($request_method …)`, and no `map $request_method …` in the file. Off by default; turn it on where ' +
        'your policy requires an explicit method allow-list.',
      why:
        'A static site needs GET and HEAD; an API a known handful. Accepting everything else (`TRACE`, `DELETE`, ' +
        '`PUT`, WebDAV verbs) widens what reaches the application and its bugs, and some scanners flag it. ' +
        'An explicit list documents intent and makes surprises fail fast with 405.',
      example: 'server {\n    listen 8080;\n    root /srv/www;\n}\n',
      fixed: 'server {\n    listen 8080;\n    root /srv/www;\n\n    location / {\n        limit_except GET {\n            deny all;\n        }\n    }\n}\n',
      notes: '`limit_except GET` also allows HEAD. No automatic fix: the right list depends on the application.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    if (model.find('map').some(checksMethod)) return reports;
    const restricted = new Set<NginxDirective>();
    for (const name of ['limit_except', 'if']) {
      for (const d of model.find(name)) {
        if (!checksMethod(d)) continue;
        const server = model.enclosing(d, 'server');
        if (server) restricted.add(server);
      }
    }
    for (const server of model.blocks('server')) {
      if (model.contextOf(server) !== 'http' || restricted.has(server)) continue;
      if (model.children(server).some(checksMethod)) continue; // e.g. from an included snippet
      reports.push({
        message: 'Nothing in this server restricts the HTTP method; allow only what it serves with `limit_except GET { deny all; }` (or a `$request_method` check).',
        range: server.nameRange,
      });
    }
    return reports;
  },
};
