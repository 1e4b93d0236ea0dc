import type { Report, Rule } from '../../types';
import type { NginxModel } from '../model';
import { subRange } from '../edit';

// A non-root process cannot bind ports below 1024 (outside Docker's relaxed default).

const REPLACEMENT: Record<string, string> = { '80': '8080', '443': '8443' };

/** The port of a `listen` address and where it sits in the value; undefined for unix sockets and variables. */
function portOf(value: string): { port: number; start: number; end: number; implicit: boolean } | undefined {
  if (value.startsWith('unix:') || value.includes('$')) return undefined;
  const m = /^(?:(\[[^\]]*\]|[^:[\]]+|\*):)?(\d+)$/.exec(value);
  if (m) return { port: Number(m[2]), start: value.length - m[2].length, end: value.length, implicit: false };
  if (/^(\[[^\]]*\]|[\w.*-]+)$/.test(value)) return { port: 80, start: value.length, end: value.length, implicit: true };
  return undefined;
}

export const listenPrivilegedPort: Rule<NginxModel> = {
  meta: {
    id: 'nginx/listen-privileged-port',
    kind: 'nginx',
    severity: 'warning',
    tier: 1,
    title: 'Non-root nginx listens on a privileged port',
    aliases: [],
    fix: 'unsafe',
    docs: {
      what:
        'Reports `listen` ports below 1024 (an address without a port means 80) when nginx runs as a non-root user ' +
        '(an unprivileged base image, a Dockerfile `USER`, a Compose `user:`).',
      why:
        'Binding a port below 1024 needs root or `CAP_NET_BIND_SERVICE`. A non-root nginx listening on 80 fails ' +
        'with `bind() to 0.0.0.0:80 failed (13: Permission denied)` under Kubernetes, Podman and other runtimes; ' +
        'Docker 20.10+ happens to allow it by lowering `net.ipv4.ip_unprivileged_port_start`, so the problem ' +
        'shows up only when the image moves. Listen on 8080/8443 and map the public port outside the container.',
      example: 'server {\n    listen 80;\n}\n',
      fixed: 'server {\n    listen 8080;\n}\n',
      notes:
        'The fix changes 80 to 8080 and 443 to 8443 (other ports have no fix); it is unsafe because the port ' +
        'mappings (`ports:` in Compose, the Service in Kubernetes) must follow. How Shipshape knows the user is ' +
        'described under `nginx/pid-unwritable`.',
    },
  },
  check(model) {
    const nonRoot = model.containerFacts().nonRoot;
    if (!nonRoot?.value) return [];
    const reports: Report[] = [];
    for (const listen of model.find('listen')) {
      if (model.contextOf(listen) !== 'server') continue;
      const arg = listen.args[0];
      const found = arg && portOf(arg.value);
      if (!found || found.port >= 1024 || found.port === 0) continue;
      const replacement = REPLACEMENT[String(found.port)];
      const range = subRange(model, arg, found.start, found.end);
      const fix = replacement
        ? { title: `Listen on ${replacement}`, edits: [{ range, newText: found.implicit ? `:${replacement}` : replacement }], safe: false }
        : undefined;
      reports.push({
        message: `nginx runs as a non-root user (${nonRoot.source}) and cannot bind port ${found.port}${found.implicit ? ' (the default when no port is given)' : ''} on most runtimes; listen on ${replacement ?? 'a port above 1023'} and publish the public port outside the container.`,
        range: found.implicit ? arg.range : range,
        ...(fix ? { fix } : {}),
      });
    }
    return reports;
  },
};
