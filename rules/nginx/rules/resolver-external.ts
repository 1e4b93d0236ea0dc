import { isIP } from 'net';
import type { Report, Rule } from '../../types';
import type { NginxModel } from '../model';

// A public resolver answers for names an attacker can also influence, over plain UDP.

/** The address part of a resolver argument: `8.8.8.8:53` → `8.8.8.8`, `[2001:db8::1]:53` → `2001:db8::1`. */
function address(arg: string): string | undefined {
  if (arg.includes('=')) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(arg);
  if (bracketed) return bracketed[1];
  if (isIP(arg)) return arg;
  const m = /^([^:]+):\d+$/.exec(arg);
  if (m && isIP(m[1])) return m[1];
  return undefined;
}

function isPrivateV4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 10 || a === 127 || a === 0 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

function isPrivateV6(ip: string): boolean {
  const lower = ip.toLowerCase();
  if (lower === '::1' || lower === '::') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPrivateV4(mapped[1]);
  return /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
}

export const resolverExternal: Rule<NginxModel> = {
  meta: {
    id: 'nginx/resolver-external',
    kind: 'nginx',
    severity: 'warning',
    tier: 1,
    title: 'resolver points at a public DNS server',
    aliases: ['gixy:resolver_external'],
    fix: 'none',
    docs: {
      what: 'Reports each `resolver` address that is a public IP address (not loopback, RFC 1918, link-local, CGNAT or IPv6 unique-local), such as `8.8.8.8` or `1.1.1.1`.',
      why:
        'nginx resolves upstream names at run time (`proxy_pass http://$backend`, OCSP stapling) with a plain UDP ' +
        'DNS client. Across the internet those answers can be spoofed or poisoned (nginx itself had a resolver ' +
        'vulnerability, CVE-2021-23017), which redirects proxied traffic, cookies included, to an attacker. Inside a ' +
        'container the platform already runs a local resolver that also knows the service names: Docker\'s ' +
        '`127.0.0.11`, or the cluster DNS in Kubernetes.',
      example: 'resolver 8.8.8.8 1.1.1.1 valid=30s;\n',
      fixed: 'resolver 127.0.0.11 valid=30s;\n',
      notes:
        'Host names (`resolver kube-dns.kube-system.svc.cluster.local;`) are not reported: they are resolved once, at ' +
        'start, through the system resolver, and whether the server they name is public cannot be told from the ' +
        'config. gixy reports names under a public suffix (`resolver dns.google;`); write the address instead to have ' +
        'it checked here.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const directive of model.find('resolver')) {
      for (const arg of directive.args) {
        const ip = address(arg.value);
        if (!ip) continue;
        const isPrivate = isIP(ip) === 4 ? isPrivateV4(ip) : isPrivateV6(ip);
        if (isPrivate) continue;
        reports.push({
          message: `\`${arg.value}\` is a public DNS server reached over plain UDP, where answers can be spoofed; use the platform's local resolver (Docker: \`127.0.0.11\`).`,
          range: arg.range,
        });
      }
    }
    return reports;
  },
};
