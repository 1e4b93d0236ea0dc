import type { Range, Report, Rule } from '../../types';
import { isDataStore, type KnownImage, serviceKnownImage } from '../images';
import type { ComposeModel, ComposeService } from '../model';
import { publishedPorts } from '../ports';
import { composeBoolean, composeString } from '../values';

interface Membership {
  service: ComposeService;
  /** Network name → where the service names it (undefined for the implicit `default`). */
  networks: Map<string, Range | undefined>;
}

export const networkSegmentation: Rule<ComposeModel> = {
  meta: {
    id: 'compose/network-segmentation',
    kind: 'compose',
    severity: 'warning',
    tier: 1,
    title: 'Database shares a network with an exposed service',
    aliases: ['kics:ce14a68b', 'cis-docker:5.30'],
    fix: 'none',
    docs: {
      what:
        'Looks at the stack as a whole. Reports a database, cache, search engine or broker service (postgres, mysql, mongo, redis, elasticsearch, rabbitmq, …) that shares a network with a service publishing `ports:` — including the implicit `default` network every service joins when it lists no `networks:`. In a stack that has both data stores and published services but no `internal: true` network at all, a data store that shares no network with a published service is still reported, because nothing keeps it off the internet.',
      why:
        'A flat network means that whoever compromises the internet-facing service (a reverse proxy, a web app with an injection bug) talks to the database directly, with nothing in between to stop scans, brute force or exploits against it. Splitting the stack into a frontend network for what faces users and an `internal: true` backend network for data stores limits that path to the services that need it, and internal networks also stop a compromised database from reaching out to the internet.',
      example:
        'services:\n  proxy:\n    image: nginx:1.27\n    ports: ["443:443"]\n  app:\n    image: example/app:3.1\n  db:\n    image: postgres:17\n',
      fixed:
        'services:\n  proxy:\n    image: nginx:1.27\n    ports: ["443:443"]\n    networks: [frontend]\n  app:\n    image: example/app:3.1\n    networks: [frontend, backend]\n  db:\n    image: postgres:17\n    networks: [backend]\nnetworks:\n  frontend:\n  backend:\n    internal: true\n',
      notes:
        'No quick fix: the split depends on who talks to whom. The finding sits on the network name in the data store\'s `networks:` (or on the service name for the implicit `default` network) and points at the published service. Services with `network_mode` are outside Compose networks and are skipped; a network name Shipshape cannot resolve keeps the service out of the analysis. A service whose ports are all bound to the loopback interface (`127.0.0.1:3000:3000`, typical behind a reverse proxy on the host) does not count as published, and a network declared `internal: true` is the backend network this rule asks for: a data store reached over it is not reported, even when a published application shares it to query the store (the pattern of Mastodon\'s production Compose file). The "no internal network" report is not made for a data store that publishes its own port, or that is the only published service: an internal network cannot publish ports, and `compose/database-port-published` already reports that exposure.',
    },
  },
  check(model) {
    const internal = internalNetworks(model);
    const members: Membership[] = [];
    for (const service of model.services) {
      const membership = networksOf(service);
      if (membership) members.push(membership);
    }
    // Exposed: publishes at least one port beyond the loopback interface (or one Shipshape
    // cannot resolve). A service behind a host reverse proxy on 127.0.0.1 faces no one.
    const publishers = members.filter(exposed);
    const stores = members
      .map((m) => ({ m, image: serviceKnownImage(m.service) }))
      .filter((s): s is { m: Membership; image: KnownImage } => isDataStore(s.image));
    if (!publishers.length || !stores.length) return [];
    const anyInternal = [...internal.values()].some((value) => value !== false);
    // Publishers by network, in service order: one pass instead of one per store and network.
    const publishersOn = new Map<string, Membership[]>();
    for (const p of publishers) {
      for (const network of p.networks.keys()) {
        const list = publishersOn.get(network);
        if (list) list.push(p);
        else publishersOn.set(network, [p]);
      }
    }
    const reports: Report[] = [];
    for (const { m: store, image } of stores) {
      const label = `\`${store.service.name}\` (${image.family.family})`;
      let reported = false;
      for (const [network, range] of store.networks) {
        // An internal network is the backend network this rule asks for; the published
        // services on it are the applications that query the store.
        if (internal.get(network) === true) continue;
        const exposed = (publishersOn.get(network) ?? []).filter((p) => p.service !== store.service);
        if (!exposed.length) continue;
        const who = publisherList(exposed.map((p) => p.service.name));
        reports.push({
          message: `${label} shares the network \`${network}\`${range ? '' : ' (the implicit default)'} with ${who}: whoever compromises an exposed service reaches the ${image.family.role} directly. Put it on a backend network with \`internal: true\` shared only with the services that query it, and keep published services on a frontend network.`,
          range: range ?? store.service.keyRange,
          // The first few publishers are enough to act on; fifty pointers help no one and cost every keystroke.
          related: exposed.slice(0, MAX_NAMED).map((p) => ({ range: p.service.get('ports')!.keyRange, message: `\`${p.service.name}\` publishes ports here.` })),
        });
        reported = true;
        break;
      }
      // The fallback asks for an internal network, which cannot publish ports: not for a store
      // that publishes its own (compose/database-port-published covers that), nor when the
      // store is the only published service and so shares nothing with an exposed one.
      if (reported || anyInternal || publishes(store) || publishers.every((p) => p.service === store.service)) continue;
      reports.push({
        message: `${label} is on no \`internal: true\` network, and no network of this stack is internal: nothing keeps the ${image.family.role} from reaching, or being reached from, outside. Declare its network with \`internal: true\`.`,
        range: store.networks.values().next().value ?? store.service.keyRange,
      });
    }
    return reports;
  },
};

function publishes(member: Membership): boolean {
  return (member.service.list('ports')?.length ?? 0) > 0;
}

function exposed(member: Membership): boolean {
  const written = member.service.list('ports')?.length ?? 0;
  if (!written) return false;
  const ports = publishedPorts(member.service);
  if (ports.length < written) return true;
  return ports.some((port) => !/^127\.|^::1$|^\[::1\]$/.test(port.hostIp.trim()));
}

/** Top-level networks and whether they are `internal` (undefined: cannot tell). */
function internalNetworks(model: ComposeModel): Map<string, boolean | undefined> {
  const result = new Map<string, boolean | undefined>();
  const networks = model.top?.map('networks');
  for (const entry of networks?.entries() ?? []) {
    const internal = networks!.map(entry.key)?.get('internal');
    result.set(entry.key, internal ? composeBoolean(internal) : false);
  }
  return result;
}

/** How many publishing services a message names (and points at); the rest are counted. */
const MAX_NAMED = 5;

/** "`a`, which publishes ports" / "`a`, `b` and `c`, which publish ports" / "`a`, …, `e` and 12 other services, which publish ports". */
function publisherList(names: string[]): string {
  const shown = names.slice(0, MAX_NAMED).map((name) => `\`${name}\``);
  if (names.length === 1) return `${shown[0]}, which publishes ports`;
  const rest = names.length - shown.length;
  const last = rest > 0 ? `${rest} other service${rest === 1 ? '' : 's'}` : shown.pop()!;
  return `${shown.join(', ')} and ${last}, which publish ports`;
}

/** The networks a service joins; undefined when it uses `network_mode` or a name cannot be resolved. */
function networksOf(service: ComposeService): Membership | undefined {
  if (!service.body || service.has('network_mode')) return undefined;
  const networks = new Map<string, Range | undefined>();
  const entry = service.get('networks');
  if (!entry) {
    networks.set('default', undefined);
    return { service, networks };
  }
  const map = service.map('networks');
  if (map) {
    for (const network of map.entries()) networks.set(network.key, network.keyRange);
    return { service, networks };
  }
  for (const item of service.list('networks') ?? []) {
    const name = composeString(item);
    if (name === undefined) return undefined;
    networks.set(name, item.range);
  }
  return { service, networks };
}
