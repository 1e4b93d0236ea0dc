import type { Report, Rule } from '../../types';
import type { NginxDirective } from '../ast';
import type { NginxModel } from '../model';

// `add_header Content-Type …` adds a second Content-Type header instead of replacing the first.

export const addHeaderContentType: Rule<NginxModel> = {
  meta: {
    id: 'nginx/add-header-content-type',
    kind: 'nginx',
    severity: 'info',
    tier: 1,
    title: 'Content-Type set with add_header',
    aliases: ['gixy:add_header_content_type'],
    fix: 'none',
    docs: {
      what: 'Reports `add_header Content-Type …` (any capitalisation of the header name).',
      why:
        '`add_header` never replaces a header: the response already carries the `Content-Type` nginx chose from ' +
        '`types`/`default_type` (or the upstream sent), so the client receives two `Content-Type` headers. Browsers and ' +
        'caches then pick one or the other, which can turn a JSON or text response into HTML (a cross-site scripting ' +
        'risk) or break downloads. Use `default_type` (with an empty `types {}` where needed) to set the type nginx ' +
        'sends, or `proxy_hide_header Content-Type` before adding one for proxied responses.',
      example: 'location /api/ {\n    add_header Content-Type application/json;\n    return 200 \'{"ok":true}\';\n}\n',
      fixed: 'location /api/ {\n    default_type application/json;\n    return 200 \'{"ok":true}\';\n}\n',
      notes:
        'Not reported where `proxy_hide_header Content-Type` (or the fastcgi/uwsgi/scgi/grpc equivalent) is in ' +
        'effect: the upstream\'s header is dropped there, so the added one is the only one.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const directive of model.find('add_header')) {
      const name = directive.args[0];
      if (!name || name.value.toLowerCase() !== 'content-type') continue;
      if (hidesUpstreamType(model, directive)) continue;
      reports.push({
        message: '`add_header Content-Type` adds a second Content-Type header next to the one nginx already sends; use `default_type` (or `types`) instead.',
        range: name.range,
      });
    }
    return reports;
  },
};

const HIDE_HEADER = ['proxy_hide_header', 'fastcgi_hide_header', 'uwsgi_hide_header', 'scgi_hide_header', 'grpc_hide_header'];

/** `proxy_hide_header Content-Type` (or a sibling) in effect: the upstream's type is dropped, so the added one is the only one. */
function hidesUpstreamType(model: NginxModel, directive: NginxDirective): boolean {
  return HIDE_HEADER.some((name) => model.effective(name, directive.parent).directives.some((d) => d.args[0]?.value.toLowerCase() === 'content-type'));
}
