import type { Report, Rule } from '../../types';
import type { NginxModel } from '../model';
import { subRange } from '../edit';
import { variablesIn } from '../variables';

// `proxy_set_header Host $http_host` forwards whatever Host header the client sent.

export const hostSpoofing: Rule<NginxModel> = {
  meta: {
    id: 'nginx/host-spoofing',
    kind: 'nginx',
    severity: 'warning',
    tier: 1,
    title: 'Upstream receives the client\'s unchecked Host header ($http_host)',
    aliases: ['gixy:host_spoofing'],
    fix: 'safe',
    docs: {
      what:
        'Reports `proxy_set_header Host` (and `grpc_set_header`) whose value uses `$http_host`, or a query-string ' +
        'argument (`$arg_host`, any `$arg_…`), which the client sets just as freely.',
      why:
        '`$http_host` is the raw Host header of the request, whatever the client put there, even when nginx picked ' +
        'this server as the default for an unknown name. Applications use the Host they receive to build password-' +
        'reset links, absolute redirects and cache keys, so a forged Host turns into links pointing at the attacker ' +
        '(password-reset poisoning) or poisoned cache entries. `$host` is the name nginx validated and matched: the ' +
        'request line\'s host, the Host header lower-cased without the port, or the `server_name`.',
      example: 'location / {\n    proxy_set_header Host $http_host;\n    proxy_pass http://app;\n}\n',
      fixed: 'location / {\n    proxy_set_header Host $host;\n    proxy_pass http://app;\n}\n',
      notes:
        'The fix replaces `$http_host` with `$host`. `$host` carries no port: if the application needs it, use ' +
        '`$host:$server_port`, and make sure a catch-all `server` with `return 444;` receives unknown names. A Host ' +
        'taken from a query argument gets no fix: what the application expected there is for you to decide.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const name of ['proxy_set_header', 'grpc_set_header']) {
      for (const directive of model.find(name)) {
        const header = directive.args[0];
        const value = directive.args[1];
        // Length first: almost every proxy_set_header names another header, and lower-casing allocates.
        if (!value || header.value.length !== 4 || header.value.toLowerCase() !== 'host') continue;
        if (!value.value.includes('http_host') && !value.value.includes('arg_')) continue;
        for (const ref of variablesIn(value.value)) {
          if (ref.name.startsWith('arg_')) {
            reports.push({
              message: `\`$${ref.name}\` lets anyone choose the Host header nginx sends upstream by adding \`?${ref.name.slice(4)}=…\` to the URL; use \`$host\` or a fixed name.`,
              range: subRange(model, value, ref.start, ref.end),
            });
            continue;
          }
          if (ref.name !== 'http_host') continue;
          const range = subRange(model, value, ref.start, ref.end);
          const exact = range !== value.range || value.value === value.raw;
          reports.push({
            message: '`$http_host` passes the client\'s unchecked Host header to the upstream (password-reset and cache poisoning); use `$host`.',
            range,
            ...(exact ? { fix: { title: 'Use `$host`', edits: [{ range, newText: '$host' }], safe: true } } : {}),
          });
        }
      }
    }
    return reports;
  },
};
