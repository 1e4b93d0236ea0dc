import type { Range, RelatedLocation, Report, Rule } from '../../types';
import { mapOf } from '../effective';
import type { ComposeModel, ComposeService } from '../model';
import { canRunTogether, type Layer, projectOf, type ProjectFile, type ProjectService } from '../project';
import type { PortMapping } from '../values';

interface Published {
  service: ProjectService;
  layer: Layer;
  port: PortMapping;
  /** `*` every interface, `*4`/`*6` every IPv4/IPv6 interface, else the address. */
  ip: string;
  low: number;
  high: number;
  protocol: string;
  range: Range;
  /** Identity of the mapping as Compose dedupes it when merging files. */
  spec: string;
}

export const duplicatePublishedPort: Rule<ComposeModel> = {
  meta: {
    id: 'compose/duplicate-published-port',
    kind: 'compose',
    severity: 'error',
    tier: 2,
    title: 'The same host port is published twice',
    aliases: ['dclint:no-duplicate-exported-ports'],
    fix: 'none',
    docs: {
      what:
        'Flags a published host port that another mapping of the project also publishes on the same protocol and an overlapping address: `8080:80` twice, `8000-8010:8000-8010` and `8005:80`, `127.0.0.1:5432:5432` next to `5432:5432` (no address means every interface). Short and long syntax alike, across services, the override file, `include`d and `extends`ed files, after `${VAR:-default}` substitution. `8080:80/udp` and `8080:80/tcp` do not clash, nor do two different specific addresses.',
      why:
        'Only one socket can listen on a host address and port. Compose starts the first container and fails the second with "port is already allocated", so the stack comes up half-way — and which half depends on start order.',
      example: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n  admin:\n    image: acme/admin:2.1\n    ports: ["127.0.0.1:8080:3000"]\n',
      fixed: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n  admin:\n    image: acme/admin:2.1\n    ports: ["127.0.0.1:8081:3000"]\n',
      notes:
        'Mappings without a host port (`"80"`, `"8000-8010"`: Compose picks free ones) never clash; dclint\'s `no-duplicate-exported-ports` reads such an entry as a host port and reports it, Shipshape does not because nothing is bound to that number on the host. Services limited to profiles with no profile in common are alternatives and are not compared. A mapping that the override file repeats verbatim is one mapping, as Compose merges it.',
    },
  },
  check(model, context) {
    const project = projectOf(model, context);
    const all: Published[] = [];
    for (const service of project.services) {
      const specs = new Set<string>();
      for (const layer of service.layers) {
        for (const port of layer.service.ports()) {
          const published = publishedOf(service, layer, port);
          if (!published || specs.has(published.spec)) continue;
          specs.add(published.spec);
          all.push(published);
        }
      }
    }
    const reports: Report[] = [];
    const done = new Set<unknown>();
    for (const own of all) {
      if (own.layer.file.path !== context.path || done.has(own.port.item.node)) continue;
      const clashes = all.filter((other) => other !== own && clash(own, other));
      if (!clashes.length) continue;
      done.add(own.port.item.node);
      const shared = clashes.filter((other) => other.port.item.node === own.port.item.node);
      const elsewhere = clashes.filter((other) => other.port.item.node !== own.port.item.node);
      const port = `${own.low === own.high ? own.low : `${own.low}-${own.high}`}/${own.protocol}`;
      const parts: string[] = [];
      if (shared.length) parts.push(`services ${[own, ...shared].map((p) => `\`${p.service.name}\``).join(' and ')} all publish it from here`);
      for (const other of elsewhere) {
        const who = other.service === own.service ? `service \`${own.service.name}\` again` : `service \`${other.service.name}\``;
        parts.push(`${who} publishes ${describe(other)} (${location(other, context.path)})`);
      }
      reports.push({
        message: `Host port ${port} is published more than once: ${parts.join('; ')}. Only one mapping can bind it; the other container fails with "port is already allocated".`,
        range: own.range,
        related: elsewhere.map((other): RelatedLocation => {
          const message = `Service \`${other.service.name}\` publishes ${describe(other)} here`;
          return other.layer.file.path === context.path ? { range: other.range, message } : { path: other.layer.file.path, range: other.range, message };
        }),
      });
    }
    return reports;
  },
};

function publishedOf(service: ProjectService, layer: Layer, port: PortMapping): Published | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(port.published.trim());
  if (!match) return undefined;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (high < low) return undefined;
  const hostIp = port.hostIp.trim();
  const ip = hostIp === '' ? '*' : hostIp === '0.0.0.0' ? '*4' : hostIp === '::' ? '*6' : hostIp.toLowerCase();
  const protocol = (port.protocol || 'tcp').toLowerCase();
  return {
    service,
    layer,
    port,
    ip,
    low,
    high,
    protocol,
    range: rangeOfPublished(layer.service, port),
    spec: `${ip}|${low}-${high}|${port.target}|${protocol}`,
  };
}

/** The `published` value in long syntax; the whole mapping string in short syntax. */
function rangeOfPublished(service: ComposeService, port: PortMapping): Range {
  if (port.form === 'long') return mapOf(service.context, port.item)?.get('published')?.range ?? port.item.range;
  return port.item.range;
}

function clash(a: Published, b: Published): boolean {
  if (a.protocol !== b.protocol || a.high < b.low || b.high < a.low || !overlaps(a.ip, b.ip)) return false;
  if (a.service === b.service) return a.spec !== b.spec;
  return canRunTogether(a.service, b.service);
}

function overlaps(a: string, b: string): boolean {
  if (a === b || a === '*' || b === '*') return true;
  const v6 = (ip: string) => ip === '*6' || ip.includes(':');
  if (a === '*4') return !v6(b);
  if (b === '*4') return !v6(a);
  if (a === '*6') return v6(b);
  if (b === '*6') return v6(a);
  return false;
}

function describe(p: Published): string {
  const ip = p.port.hostIp ? `${p.port.hostIp.includes(':') ? `[${p.port.hostIp}]` : p.port.hostIp}:` : '';
  return `\`${ip}${p.port.published}:${p.port.target}${p.protocol === 'tcp' ? '' : `/${p.protocol}`}\``;
}

function location(p: Published, mainPath: string): string {
  const file: ProjectFile = p.layer.file;
  const name = file.path === mainPath ? 'line' : file.path.slice(file.path.lastIndexOf('/') + 1) + ':';
  return file.path === mainPath ? `${name} ${p.range.start.line + 1}` : `${name}${p.range.start.line + 1}`;
}
