import type { Report, Rule } from '../../types';
import type { ComposeModel, Entry } from '../model';
import { relatedUses, servicesSubject, WrittenSites } from '../sites';
import { composeString } from '../values';

/** Service keys that can join a host namespace, and what sharing it gives away. */
const NAMESPACES: { key: string; name: string; harm: string }[] = [
  {
    key: 'network_mode',
    name: 'network',
    harm: 'it sees every host interface, can bind any host port, reaches services listening on the host\'s localhost, and is no longer isolated by Compose networks (its `ports:` are ignored)',
  },
  { key: 'pid', name: 'PID', harm: 'it sees every host process with its command line and environment, and can signal or trace them' },
  { key: 'ipc', name: 'IPC', harm: 'it can read and write the shared memory and semaphores of host processes' },
  { key: 'userns_mode', name: 'user', harm: 'it opts out of the daemon\'s user-namespace remapping, so root in the container is root on the host' },
  { key: 'uts', name: 'UTS', harm: 'it can change the host\'s hostname and domain name' },
];

export const hostNamespace: Rule<ComposeModel> = {
  meta: {
    id: 'compose/host-namespace',
    kind: 'compose',
    severity: 'error',
    tier: 1,
    title: 'Service shares a host namespace',
    aliases: ['kics:071a71ff', 'kics:4f31dd9f', 'kics:baa3890f', 'kics:8af7162d', 'cis-docker:5.10', 'cis-docker:5.16', 'cis-docker:5.17', 'cis-docker:5.21', 'cis-docker:5.31'],
    fix: 'none',
    docs: {
      what:
        'Flags `network_mode: host`, `pid: host`, `ipc: host`, `userns_mode: host` and `uts: host` on a service, including values that arrive through anchors, merge keys or `${VAR:-host}` fallbacks. The finding sits on the written value.',
      why:
        'Namespaces are what make a container a container. Joining the host\'s network namespace removes network isolation (the service can reach anything bound to the host\'s `127.0.0.1`, and binds ports on every interface without `ports:`); the PID namespace exposes every host process, their environment variables and, with `SYS_PTRACE`, their memory; the IPC namespace exposes shared memory; `userns_mode: host` turns off user-namespace remapping, so container root is host root again. Each one removes a wall an attacker would otherwise have to break through.',
      example: 'services:\n  app:\n    image: example/app:1.4\n    network_mode: host\n    pid: host\n',
      fixed: 'services:\n  app:\n    image: example/app:1.4\n    ports:\n      - "127.0.0.1:8080:8080"\n',
      notes:
        'No quick fix: removing the setting changes how the service is reached. Replace `network_mode: host` with `ports:` for what must be reachable, and `pid: host` with `pid: "service:<name>"` when a sidecar only needs to see one other container. `network_mode: "service:…"` and `"container:…"` are not reported.',
    },
  },
  check(model) {
    const sites = new WrittenSites<{ namespace: (typeof NAMESPACES)[number]; entry: Entry }>();
    for (const service of model.services) {
      for (const namespace of NAMESPACES) {
        const entry = service.get(namespace.key);
        if (composeString(entry)?.trim().toLowerCase() !== 'host') continue;
        sites.add(entry!.pair, service, entry!, { namespace, entry: entry! });
      }
    }
    const reports: Report[] = [];
    for (const site of sites.sites()) {
      const { namespace, entry } = site.data;
      const verb = site.services.length === 1 ? 'shares' : 'share';
      reports.push({
        message: `${servicesSubject(site.services)} ${verb} the host's ${namespace.name} namespace (\`${namespace.key}: host\`): ${namespace.harm}. Remove it and grant only what the service needs.`,
        range: site.item.range,
        related: relatedUses(site, `\`${entry.key}\``),
      });
    }
    return reports;
  },
};
