import type { Report, Rule } from '../../types';
import type { NginxArg, NginxDirective } from '../ast';
import type { NginxModel } from '../model';
import { subRange } from '../edit';
import { Taints, variablesIn } from '../variables';

// A line break in a header value or redirect target ends the header: the client can then add
// headers (cookies, CORS) or a whole response of its own.

const REDIRECT_STATUSES = new Set(['301', '302', '303', '307', '308']);

/** The argument whose value ends up in a header, for each checked directive. */
function headerValue(directive: NginxDirective): NginxArg | undefined {
  const args = directive.args;
  switch (directive.name) {
    case 'proxy_pass':
      return args[0];
    case 'return':
      // `return URL` (with a scheme) and `return 30x URL` redirect; other codes send a body.
      if (args.length === 1) return /^(https?:\/\/|\$scheme)/.test(args[0].value) ? args[0] : undefined;
      return REDIRECT_STATUSES.has(args[0].value) ? args[1] : undefined;
    case 'rewrite':
    case 'add_header':
    case 'proxy_set_header':
    case 'grpc_set_header':
      return args[1];
    default:
      return undefined;
  }
}

const CHECKED = ['rewrite', 'return', 'add_header', 'proxy_set_header', 'grpc_set_header', 'proxy_pass'];

export const httpSplitting: Rule<NginxModel> = {
  meta: {
    id: 'nginx/http-splitting',
    kind: 'nginx',
    severity: 'error',
    tier: 1,
    title: 'Line breaks from the request can reach a header (HTTP response splitting)',
    aliases: ['gixy:http_splitting'],
    fix: 'none',
    docs: {
      what:
        'Reports variables that can hold a carriage return or line feed when they are used in a redirect ' +
        '(`rewrite`, `return 30x`), a response header (`add_header`) or a request to the upstream ' +
        '(`proxy_set_header`, `proxy_pass`). Such variables are the decoded request path (`$uri`, ' +
        '`$document_uri`, `$request_filename`), the request body, and regex captures whose group can match a ' +
        'line break: `[^/]*`, `\\W`, `\\s`, `[^.]+` can, `.` cannot (it can still match a carriage return).',
      why:
        'nginx decodes `%0D%0A` in the path before matching locations and filling `$uri`. A redirect to ' +
        '`https://$host$uri` then lets a link like `/%0D%0ASet-Cookie:%20session=evil` add a header of the ' +
        'attacker\'s choosing to your response (session fixation, cache poisoning, cross-site scripting), and ' +
        'the same in `proxy_set_header` or `proxy_pass` smuggles headers or whole requests to the upstream.',
      example: 'location / {\n    return 302 https://example.com$uri;\n}\n',
      fixed: 'location / {\n    return 302 https://example.com$request_uri;\n}\n',
      notes:
        'There is no automatic fix. Use `$request_uri` (the raw, still-encoded path and query) in redirects, and ' +
        'regex classes that exclude line breaks (`[^/\\r\\n]`, or `.` with its carriage-return caveat). For ' +
        '`proxy_set_header` and `proxy_pass` only line feeds are reported, as gixy does: nginx writes the request ' +
        'line and headers to the upstream itself. A `rewrite`\'s own captures in its replacement are not reported ' +
        '(nginx escapes them in redirects).',
    },
  },
  check(model) {
    const reports: Report[] = [];
    let taints: Taints | undefined;
    for (const name of CHECKED) {
      for (const directive of model.find(name)) {
        const arg = headerValue(directive);
        if (!arg || !arg.value.includes('$')) continue;
        taints ??= new Taints(model);
        const upstream = name.endsWith('_set_header') || name === 'proxy_pass';
        for (const ref of variablesIn(arg.value)) {
          const taint = taints.of(ref.name, directive);
          if (!taint) continue;
          const char = taint.newline ? 'line feeds' : !upstream && taint.cr ? 'carriage returns' : undefined;
          if (!char) continue;
          const target = upstream ? 'the request nginx sends upstream' : name === 'add_header' ? 'the response headers' : 'the Location header';
          reports.push({
            message: `\`$${ref.name}\` can contain ${char} (${taint.origin}), which reach ${target}: a crafted URL can inject headers. ${
              ref.name === 'uri' || ref.name === 'document_uri' ? 'Use `$request_uri` instead.' : 'Exclude `\\r` and `\\n` from what it can match.'
            }`,
            range: subRange(model, arg, ref.start, ref.end),
          });
        }
      }
    }
    return reports;
  },
};
