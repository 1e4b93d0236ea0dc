import type { Report, Rule } from '../../types';
import type { NginxModel } from '../model';
import { subRange } from '../edit';
import { Taints, authorityEnd, variablesIn } from '../variables';

// A proxy target whose scheme or host the request decides turns nginx into an open proxy
// into the internal network.

const PASS_DIRECTIVES = ['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass'];

export const ssrf: Rule<NginxModel> = {
  meta: {
    id: 'nginx/ssrf',
    kind: 'nginx',
    severity: 'error',
    tier: 1,
    title: 'Proxy target built from request data (SSRF)',
    aliases: ['gixy:ssrf'],
    fix: 'none',
    docs: {
      what:
        'Reports `proxy_pass`, `fastcgi_pass`, `uwsgi_pass`, `scgi_pass` and `grpc_pass` whose scheme or host ' +
        'contains a variable the client controls: query arguments (`$arg_url`, `$args`), request headers and ' +
        'cookies (`$http_x_target`, `$http_host`, `$cookie_x`), and regex captures that can hold a host name (from ' +
        '`location ~`, `rewrite`, `if`, `server_name ~` or a `map`), followed through `set` and `map`. Locations ' +
        'marked `internal` are skipped.',
      why:
        'If the request decides where nginx connects, anyone can make your server fetch internal addresses that are ' +
        'unreachable from outside: cloud metadata endpoints with credentials (`169.254.169.254`), admin interfaces, ' +
        'databases speaking HTTP, other containers on the Compose network. This is server-side request forgery, ' +
        'one of the most damaging classes of web vulnerability.',
      example: 'location ~ ^/proxy/(.*)$ {\n    proxy_pass http://$1;\n}\n',
      fixed: 'map $arg_target $proxy_target {\n    default  backend-a;\n    b        backend-b;\n}\n\nserver {\n    location /proxy/ {\n        proxy_pass http://$proxy_target;\n    }\n}\n',
      notes:
        'There is no automatic fix. Choose the target from a fixed list with a `map` whose values are literals, or ' +
        'name an `upstream`. A variable in the path only (`proxy_pass http://app$request_uri;`, also when the URL ' +
        'is first built with `set`) is not reported, nor ' +
        'is a capture that always starts with `/`. Unlike gixy, `$host` is treated as trusted only because nginx ' +
        'validated it against `server_name`; a catch-all server still lets any host through.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    let taints: Taints | undefined;
    for (const name of PASS_DIRECTIVES) {
      for (const directive of model.find(name)) {
        const target = directive.args[0];
        if (!target || !target.value.includes('$')) continue;
        const location = model.enclosing(directive, 'location');
        if (location && model.childrenNamed(location, 'internal').length) continue;
        const end = authorityEnd(target.value);
        taints ??= new Taints(model);
        for (const ref of variablesIn(target.value)) {
          if (ref.start >= end) break;
          const taint = taints.of(ref.name, directive);
          if (!taint) continue;
          if (taint.slashFirst) break; // a path: the host ends before it
          if (!taint.host) continue;
          reports.push({
            message: `\`${name}\` takes its host from \`$${ref.name}\`, which the client controls (${taint.origin}); anyone can make nginx connect to internal addresses. Pick the target from a fixed list (\`map\`, \`upstream\`).`,
            range: subRange(model, target, ref.start, ref.end),
          });
          break;
        }
      }
    }
    return reports;
  },
};
