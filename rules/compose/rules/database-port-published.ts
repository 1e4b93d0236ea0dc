import { isSeq, type ParsedNode } from 'yaml';
import type { Fix, Report, Rule } from '../../types';
import { removeChildEdit } from '../edits';
import { isDataStore, serviceKnownImage } from '../images';
import type { YamlSeq } from '../insert';
import type { ComposeModel } from '../model';
import { bindLoopbackEdit, describePort, onAllInterfaces, portRange, publishedPorts } from '../ports';
import { relatedUse } from '../sites';

export const databasePortPublished: Rule<ComposeModel> = {
  meta: {
    id: 'compose/database-port-published',
    kind: 'compose',
    severity: 'error',
    tier: 1,
    title: 'Database port published to all interfaces',
    aliases: [],
    fix: 'unsafe',
    docs: {
      what:
        'Flags a service running a known database, cache, search engine or message broker image (postgres, mysql, mariadb, mongo, redis, valkey, memcached, elasticsearch, opensearch, cassandra, clickhouse, mssql, rabbitmq, kafka, … and their bitnami variants) that publishes a port on every host interface, in short or long syntax.',
      why:
        'Other services of the stack reach the database over the Compose network by service name (`db:5432`); publishing the port only adds a way in from outside. Docker opens published ports ahead of the host firewall, and internet-wide scanners find an exposed Redis, MongoDB or Elasticsearch within minutes; many of these servers ship without authentication, and the rest face password guessing. Exposed databases are one of the most common causes of data breaches.',
      example: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "5432:5432"\n',
      fixed: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "127.0.0.1:5432:5432"   # for local tools only; or drop the mapping\n',
      notes:
        'Two quick fixes, both unsafe because clients outside the Compose network lose access: bind the port to `127.0.0.1` (the first), or remove the mapping altogether. Mappings that already name a host address other than `0.0.0.0`/`::` are not reported. A service with `build:` is not judged by its `image:` name.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const service of model.services) {
      const image = serviceKnownImage(service);
      if (!isDataStore(image)) continue;
      const portsNode = service.get('ports')?.node;
      for (const port of publishedPorts(service)) {
        if (!onAllInterfaces(port)) continue;
        const bind = bindLoopbackEdit(service.context, port);
        const index = isSeq(portsNode) ? (portsNode as YamlSeq).items.indexOf(port.item.written as ParsedNode) : -1;
        const drop = index >= 0 ? removeChildEdit(service.context, portsNode as YamlSeq, index) : undefined;
        const fixes: Fix[] = [];
        if (bind) fixes.push({ title: 'Bind the port to 127.0.0.1', edits: [bind], safe: false });
        if (drop) fixes.push({ title: 'Remove the port mapping', edits: [drop], safe: false });
        const family = image!.family;
        reports.push({
          message: `\`${service.name}\` (${family.family}) publishes ${describePort(port)} on all interfaces: anyone who can reach this host can probe the ${family.role} and guess its password. Other services reach it as \`${service.name}:${port.target}\` without a published port; drop the mapping, or bind it to \`127.0.0.1\` for local tools.`,
          range: portRange(service.context, port),
          related: relatedUse(service, port.item, 'this port'),
          ...(fixes.length ? { fix: fixes[0] } : {}),
          ...(fixes.length > 1 ? { alternatives: fixes.slice(1) } : {}),
        });
      }
    }
    return reports;
  },
};
