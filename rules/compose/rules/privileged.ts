import type { RelatedLocation, Report, Rule } from '../../types';
import { removeEntryEdit } from '../edits';
import type { ComposeModel, ComposeService, Entry, Via } from '../model';
import { composeBoolean } from '../values';

export const privileged: Rule<ComposeModel> = {
  meta: {
    id: 'compose/privileged',
    kind: 'compose',
    severity: 'error',
    tier: 1,
    title: 'Service runs in privileged mode',
    aliases: ['kics:ae5b6871', 'cis-docker:5.5'],
    fix: 'unsafe',
    docs: {
      what:
        'Flags a service whose effective `privileged` setting is true: `privileged: true`, a string Compose reads as true (`"true"`, `yes`, `on`), a `${VAR:-true}` whose fallback or `.env` value is true, or a value the service inherits through a YAML anchor or merge key (`<<: *defaults`). The finding sits on the value where it is written — in the anchor when it comes from one — with a pointer to each service that uses it.',
      why:
        'A privileged container is root on the host in all but name. It receives every Linux capability, sees all host devices under `/dev`, and runs without the seccomp, AppArmor and SELinux confinement that normally limits it; from there, mounting the host disk or loading a kernel module is a single command. Any flaw in the service — a dependency with a remote-code bug, a leaked admin password — becomes a compromise of the machine and of every other container on it. Almost nothing needs this: grant the one capability (`cap_add`) or device (`devices`) the workload actually uses instead.',
      example:
        'services:\n  monitor:\n    image: example/node-exporter:1.8.2\n    privileged: true  # to read host metrics\n',
      fixed:
        'services:\n  monitor:\n    image: example/node-exporter:1.8.2\n    cap_add: [SYS_TIME]\n    volumes:\n      - /proc:/host/proc:ro\n',
      notes:
        'The quick fix deletes the `privileged` line (unsafe: the container loses every extra permission, so check what it needed and add those specifically). When the value comes from an anchor, the line is removed from the anchor, which changes every service that merges it. A value that depends on a variable Shipshape cannot resolve (`${PRIV}` with no `.env` entry and no fallback) is not reported.',
    },
  },
  check(model) {
    // Several services can share one written `privileged: true` (an anchor they all merge):
    // report it once, where it is written, and name every service it affects.
    const groups = new Map<Entry['pair'], { entry: Entry; services: ComposeService[] }>();
    for (const service of model.services) {
      const entry = service.get('privileged');
      if (composeBoolean(entry) !== true) continue;
      const group = groups.get(entry!.pair);
      if (group) group.services.push(service);
      else groups.set(entry!.pair, { entry: entry!, services: [service] });
    }
    const reports: Report[] = [];
    for (const { entry, services } of groups.values()) {
      const fixEdit = removeEntryEdit(services[0].context, entry);
      const inAnchor = services.some((service) => service.get('privileged')!.via.length > 0);
      reports.push({
        message: `${serviceList(services)} in privileged mode: the container gets every capability and all host devices, with no seccomp or AppArmor confinement, so a compromise of it is a compromise of the host. Grant only the capability or device it needs (\`cap_add\`, \`devices\`).`,
        range: entry.range,
        related: services.flatMap((service) => relatedFor(service)),
        ...(fixEdit
          ? {
              fix: {
                title: inAnchor ? 'Remove `privileged` from the shared anchor (affects every service that merges it)' : 'Remove `privileged: true`',
                edits: [fixEdit],
                safe: false,
              },
            }
          : {}),
      });
    }
    return reports;
  },
};

function serviceList(services: ComposeService[]): string {
  const names = services.map((service) => `\`${service.name}\``);
  if (names.length === 1) return `Service ${names[0]} runs`;
  return `Services ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} run`;
}

/** Where a service pulls in a value written elsewhere: the first merge key or alias on the way. */
function relatedFor(service: ComposeService): RelatedLocation[] {
  const step = service.get('privileged')?.via[0];
  if (!step) return [];
  return [{ range: step.range, message: `Service \`${service.name}\` gets \`privileged\` here, ${describeStep(step)}.` }];
}

function describeStep(step: Via): string {
  if (step.kind === 'alias') return `through the alias \`*${step.anchor}\``;
  return step.anchor ? `through the merge key \`<<: *${step.anchor}\`` : 'through a `<<` merge key';
}
