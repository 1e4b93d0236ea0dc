import type { Report, Rule } from '../../types';
import type { ComposeModel, Entry } from '../model';
import { canRunTogether, type ProjectEntry, projectOf, type ProjectService, relatedAt, where } from '../project';

interface Named {
  service: ProjectService;
  at: ProjectEntry;
  name: string;
}

export const duplicateContainerName: Rule<ComposeModel> = {
  meta: {
    id: 'compose/duplicate-container-name',
    kind: 'compose',
    severity: 'error',
    tier: 2,
    title: 'Two services use the same `container_name`',
    aliases: ['dclint:no-duplicate-container-names'],
    fix: 'none',
    docs: {
      what:
        'Flags a `container_name` that another service of the project also uses — in the same file, in the override file (`compose.override.yaml`), in an `include`d file, or through `extends` or a shared anchor. Names are compared after `${VAR:-default}` substitution. The finding sits where the name is written in the analyzed file, with a pointer to the other service.',
      why:
        'Container names are unique on a Docker Engine. The second container with the same name fails to start ("Conflict. The container name is already in use"), so part of the stack never comes up — typically the one that a copy-pasted service block was meant to add.',
      example: 'services:\n  api:\n    image: acme/api:1.4.2\n    container_name: acme\n  worker:\n    image: acme/worker:1.4.2\n    container_name: acme\n',
      fixed: 'services:\n  api:\n    image: acme/api:1.4.2\n    container_name: acme-api\n  worker:\n    image: acme/worker:1.4.2\n    container_name: acme-worker\n',
      notes:
        'Two services that are each limited to profiles, with no profile in common (`profiles: [dev]` and `profiles: [prod]`), are alternatives that normally never run together and are not reported. Most services need no `container_name` at all: Compose derives a unique one from the project and service names. Every service that uses the name gets a finding (dclint\'s `no-duplicate-container-names` reports only the later ones), so the clash shows wherever you are looking.',
    },
  },
  check(model, context) {
    const project = projectOf(model, context);
    const byName = new Map<string, Named[]>();
    for (const service of project.services) {
      const at = service.effective('container_name');
      if (!at || !at.entry.resolved || typeof at.entry.value !== 'string' || !at.entry.value) continue;
      const name = at.entry.value;
      byName.set(name, [...(byName.get(name) ?? []), { service, at, name }]);
    }
    const reports: Report[] = [];
    const done = new Set<Entry['pair']>();
    for (const group of byName.values()) {
      if (group.length < 2) continue;
      for (const own of group) {
        if (!own.at.local || done.has(own.at.entry.pair)) continue;
        const others = group.filter((other) => other !== own && canRunTogether(own.service, other.service));
        if (!others.length) continue;
        done.add(own.at.entry.pair);
        const shared = others.filter((other) => other.at.entry.pair === own.at.entry.pair);
        const elsewhere = others.filter((other) => other.at.entry.pair !== own.at.entry.pair);
        const users = [own, ...shared].map((n) => `\`${n.service.name}\``);
        const head = shared.length
          ? `Services ${users.join(' and ')} all take \`container_name: ${own.name}\` from here`
          : `\`container_name: ${own.name}\` of service \`${own.service.name}\` is also used by ${elsewhere.map((n) => `\`${n.service.name}\` (${where(n.at, context.path)})`).join(', ')}`;
        reports.push({
          message: `${head}: container names are unique on an Engine, so only one of these containers can start. Give each service its own name, or drop \`container_name\` and let Compose name them.`,
          range: own.at.entry.range,
          related: elsewhere.map((n) => relatedAt(n.at, `\`container_name: ${own.name}\` of service \`${n.service.name}\``, context.path)),
        });
      }
    }
    return reports;
  },
};
