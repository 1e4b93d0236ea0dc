import type { Report, Rule } from '../../types';
import { isRootUser } from '../identity';
import type { ComposeModel } from '../model';
import { relatedUses, servicesSubject, WrittenSites } from '../sites';
import { composeString } from '../values';

export const userRoot: Rule<ComposeModel> = {
  meta: {
    id: 'compose/user-root',
    kind: 'compose',
    severity: 'warning',
    tier: 1,
    title: 'Service runs as root',
    aliases: ['cis-docker:4.1'],
    fix: 'none',
    docs: {
      what:
        'Flags a `user:` that names root: `root`, `0`, `0:0`, `root:root`, `0:1000` (the user part decides), including values from anchors, merge keys and `${UID:-0}` fallbacks. A service that sets no `user:` is not reported here: whether its image runs as root is `dockerfile/user-missing`\'s question.',
      why:
        'An explicit `user: root` overrides the non-root `USER` an image may have been built with. Root in a container is the same uid 0 as on the host: with a writable mount, a kernel bug or one careless capability, it is root on the machine. A non-root user turns most container escapes and many in-container exploits into permission errors.',
      example: 'services:\n  worker:\n    image: example/worker:2.4\n    user: root\n',
      fixed: 'services:\n  worker:\n    image: example/worker:2.4\n    user: "10001:10001"\n',
      notes:
        'No quick fix: the right uid depends on who owns the files the service writes. When the service needs root only to fix volume ownership at start, do that once (an init container or `chown` in the image) and run as a non-root uid afterwards.',
    },
  },
  check(model) {
    const sites = new WrittenSites<{ value: string }>();
    for (const service of model.services) {
      const entry = service.get('user');
      const value = composeString(entry);
      if (value !== undefined && isRootUser(value)) sites.add(entry!.pair, service, entry!, { value });
    }
    const reports: Report[] = [];
    for (const site of sites.sites()) {
      const verb = site.services.length === 1 ? 'runs' : 'run';
      reports.push({
        message: `${servicesSubject(site.services)} ${verb} as root (\`user: ${site.data.value}\`): uid 0 in the container is uid 0 on the host, one escape or writable mount away from owning it. Use a non-root uid such as \`user: "10001:10001"\`.`,
        range: site.item.range,
        related: relatedUses(site, '`user`'),
      });
    }
    return reports;
  },
};
