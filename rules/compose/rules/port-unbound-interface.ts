import type { Report, Rule } from '../../types';
import type { ComposeModel } from '../model';
import { isFrontProxy } from '../images';
import { bindLoopbackEdit, describePort, onAllInterfaces, portRange, publishedPorts } from '../ports';
import { isShared, relatedUses, servicesSubject, WrittenSites } from '../sites';
import type { PortMapping } from '../values';

/** The host side is 80 or 443 (HTTP, HTTPS, HTTP/3 on UDP). */
function isWebPort(port: PortMapping): boolean {
  return port.published === '80' || port.published === '443';
}

export const portUnboundInterface: Rule<ComposeModel> = {
  meta: {
    id: 'compose/port-unbound-interface',
    kind: 'compose',
    severity: 'warning',
    tier: 1,
    title: 'Port published on all interfaces',
    aliases: ['dclint:no-unbound-port-interfaces', 'kics:451d79dc', 'cis-docker:5.14'],
    fix: 'unsafe',
    docs: {
      what:
        'Flags a `ports:` entry that publishes on every host interface: short syntax without a host address (`"8080:80"`, `"80"`, `"8000-8010:8000-8010/udp"`), or with `0.0.0.0` / `[::]`; long syntax without `host_ip` or with `host_ip: 0.0.0.0`/`::`. Interpolated specs (`"${PORT:-8080}:80"`) are judged after substitution. Services with `network_mode: host` are skipped: Docker ignores their `ports:`.',
      why:
        'A port published without an address listens on every interface of the host, public ones included. On Linux, Docker opens it by writing its own iptables rules ahead of the host firewall, so `ufw deny` or firewalld zones do not stop the traffic. Development databases, admin UIs and debug ports end up on the internet this way. Binding to `127.0.0.1` keeps a port reachable from the host (and through a reverse proxy or SSH tunnel) without exposing it.',
      example: 'services:\n  admin:\n    image: example/admin:1.9\n    ports:\n      - "8080:80"\n      - target: 9000\n        published: 9000\n',
      fixed: 'services:\n  admin:\n    image: example/admin:1.9\n    ports:\n      - "127.0.0.1:8080:80"\n      - target: 9000\n        published: 9000\n        host_ip: 127.0.0.1\n',
      notes:
        'The quick fix prefixes `127.0.0.1:` (`127.0.0.1::` for a random host port), fills in an empty host part (`:8080:80`), replaces `0.0.0.0` with `127.0.0.1` and `[::]` with `[::1]`, or sets `host_ip` in long syntax; there is none when an interpolation writes the host part (`${PORT-:8080:80}`). It is unsafe because other machines lose access: for a port that must be public, bind it to the public interface\'s address or suppress the finding with a reason. A known reverse proxy image (traefik, caddy, haproxy, nginx, envoy, nginx-proxy and similar) publishing 80 or 443 is reported at info only, since that is its job. Unlike dclint\'s `no-unbound-port-interfaces`, an explicit `0.0.0.0:` (or `[::]:`, or `host_ip: 0.0.0.0`) is reported too: writing the wildcard address states the intent but exposes the port exactly as much as leaving it out.',
    },
  },
  check(model) {
    const sites = new WrittenSites<{ port: PortMapping }>();
    for (const service of model.services) {
      for (const port of publishedPorts(service)) {
        if (onAllInterfaces(port)) sites.add(port.item.node ?? port.item, service, port.item, { port });
      }
    }
    const reports: Report[] = [];
    for (const site of sites.sites()) {
      const { port } = site.data;
      const context = site.services[0].context;
      const edit = bindLoopbackEdit(context, port);
      const verb = site.services.length === 1 ? 'publishes' : 'publish';
      // A reverse proxy on 80/443 is the service that should be public: say so once, quietly.
      const expected = isWebPort(port) && site.services.every(isFrontProxy);
      reports.push({
        message: expected
          ? `${servicesSubject(site.services)} ${verb} ${describePort(port)} on all host interfaces, as a reverse proxy in front of the stack usually must. Make sure that is intended, and bind it to a specific address if only one network should reach it.`
          : `${servicesSubject(site.services)} ${verb} ${describePort(port)} on all host interfaces: anyone who can reach the host can connect, and Docker's iptables rules bypass host firewalls such as ufw. Bind it to \`127.0.0.1\` unless it must be public.`,
        ...(expected ? { severity: 'info' as const } : {}),
        range: portRange(context, port),
        related: relatedUses(site, 'this port'),
        ...(edit ? { fix: { title: isShared(site) ? 'Bind to the loopback interface in the shared definition' : 'Bind to the loopback interface', edits: [edit], safe: false } } : {}),
      });
    }
    return reports;
  },
};
