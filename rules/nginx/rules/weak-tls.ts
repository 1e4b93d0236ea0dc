import type { Report, Rule } from '../../types';
import type { NginxModel } from '../model';
import { subRange } from '../edit';

// Protocol versions and cipher families that are broken or deprecated.

const WEAK_PROTOCOLS = new Set(['sslv2', 'sslv3', 'tlsv1', 'tlsv1.1']);
const PROTOCOL_DIRECTIVES = new Set(['ssl_protocols', 'proxy_ssl_protocols', 'grpc_ssl_protocols', 'uwsgi_ssl_protocols']);
const CIPHER_DIRECTIVES = new Set(['ssl_ciphers', 'proxy_ssl_ciphers', 'grpc_ssl_ciphers', 'uwsgi_ssl_ciphers']);

/** Why a cipher-string element is weak, or undefined. Elements are OpenSSL names, aliases or suites. */
function weakCipher(element: string): string | undefined {
  const name = element.replace(/^\+/, '');
  const parts = name.toUpperCase().split(/[-_]/);
  if (parts.includes('NULL') || parts.includes('ENULL')) return 'no encryption at all';
  if (parts.includes('ANULL') || parts.includes('ADH') || parts.includes('AECDH')) return 'no server authentication (anonymous key exchange)';
  if (parts.includes('EXPORT') || parts.includes('EXP') || /^EXP(ORT)?\d*$/.test(parts[0])) return 'deliberately weakened export-grade keys';
  if (parts.includes('RC4')) return 'the broken RC4 stream cipher';
  if (parts.includes('3DES') || parts.includes('CBC3') || parts.includes('DES') || parts.includes('DES40')) return 'DES/3DES, whose 64-bit blocks fall to Sweet32';
  if (parts.includes('MD5')) return 'MD5 message authentication';
  if (parts[0] === 'LOW') return 'the LOW group of 56/64-bit ciphers';
  return undefined;
}

export const weakTls: Rule<NginxModel> = {
  meta: {
    id: 'nginx/weak-tls',
    kind: 'nginx',
    severity: 'error',
    tier: 1,
    title: 'Obsolete TLS protocol or weak cipher enabled',
    aliases: [],
    fix: 'safe',
    docs: {
      what:
        'Reports `ssl_protocols` (and the `proxy_`/`grpc_`/`uwsgi_` variants) that enable SSLv2, SSLv3, TLSv1 or ' +
        'TLSv1.1, and `ssl_ciphers` strings that enable NULL, aNULL/ADH, EXPORT, RC4, DES, 3DES, MD5 or LOW ' +
        'ciphers. Elements that exclude a family (`!RC4`, `-3DES`) are fine.',
      why:
        'SSLv3 and TLS 1.0/1.1 have known attacks (POODLE, BEAST) and are disabled by every current browser; keeping ' +
        'them only helps an attacker who can force a downgrade. The listed cipher families either do not encrypt ' +
        '(NULL), do not authenticate the server (aNULL), or are broken outright (EXPORT, RC4, DES, 3DES via Sweet32, ' +
        'MD5). Compliance scans (PCI DSS, Mozilla\'s guidelines) fail on any of them.',
      example: 'server {\n    listen 443 ssl;\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n    ssl_ciphers HIGH:RC4:!aNULL;\n}\n',
      fixed: 'server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_ciphers HIGH:!aNULL:!MD5;\n}\n',
      notes:
        'The quick fix for protocols sets `ssl_protocols TLSv1.2 TLSv1.3;`, which every client of the last decade ' +
        'supports. Cipher strings have no automatic fix: drop the reported element, or start from Mozilla\'s ' +
        '"intermediate" configuration. A missing `ssl_protocols` is not reported: nginx 1.23.4 and later default to ' +
        'TLS 1.2 and 1.3 (older versions also enable TLS 1.0/1.1, so set it explicitly there).',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const directives = [...PROTOCOL_DIRECTIVES, ...CIPHER_DIRECTIVES].flatMap((name) => model.find(name)).sort((a, b) => a.start - b.start);
    for (const directive of directives) {
      if (PROTOCOL_DIRECTIVES.has(directive.name) && directive.args.length) {
        const weak = directive.args.filter((a) => WEAK_PROTOCOLS.has(a.value.toLowerCase()));
        if (!weak.length) continue;
        const first = directive.args[0];
        const last = directive.args[directive.args.length - 1];
        const names = weak.map((a) => `\`${a.value}\``).join(', ');
        reports.push({
          message: `\`${directive.name}\` enables ${names}, ${weak.length > 1 ? 'obsolete protocols' : 'an obsolete protocol'} with known attacks; allow only TLSv1.2 and TLSv1.3.`,
          range: weak[0].range,
          fix: {
            title: `Set \`${directive.name} TLSv1.2 TLSv1.3\``,
            edits: [{ range: { start: first.range.start, end: last.range.end }, newText: 'TLSv1.2 TLSv1.3' }],
            safe: true,
          },
        });
      } else if (CIPHER_DIRECTIVES.has(directive.name) && directive.args.length === 1) {
        const arg = directive.args[0];
        let offset = 0;
        for (const element of arg.value.split(/([:, ]+)/)) {
          const start = offset;
          offset += element.length;
          if (!element || /^[:, ]+$/.test(element) || element.startsWith('!') || element.startsWith('-')) continue;
          const why = weakCipher(element);
          if (!why) continue;
          reports.push({
            message: `\`${element}\` in \`${directive.name}\` enables ${why}; remove it (or exclude it with \`!${element.replace(/^\+/, '')}\`).`,
            range: subRange(model, arg, start, start + element.length),
          });
        }
      }
    }
    return reports;
  },
};
