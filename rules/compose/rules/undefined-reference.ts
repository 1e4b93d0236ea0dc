import { posix } from 'path';
import type { Report, Rule } from '../../types';
import { mapOf } from '../effective';
import type { ComposeModel } from '../model';
import { DEFAULT_FILES, OVERRIDE_FILES, projectOf } from '../project';
import { closest } from '../validate';
import { composeBoolean } from '../values';

export const undefinedReference: Rule<ComposeModel> = {
  meta: {
    id: 'compose/undefined-reference',
    kind: 'compose',
    severity: 'error',
    tier: 2,
    title: 'Reference to a file or service that does not exist',
    aliases: [],
    fix: 'none',
    docs: {
      what:
        'Flags references Compose cannot resolve when it assembles the project: `extends` naming a file that does not exist or a service the file does not define, `extends` chains that loop back to themselves, `include` of a missing file, and `depends_on` naming a service that no file of the project defines (unless the dependency says `required: false`). Paths are resolved relative to the file that writes them; the service list includes the override file and included files.',
      why:
        'Compose refuses the whole project on any of these, usually with a message that names neither the file nor the line. A typo in a service name in `depends_on` or a renamed base file in `extends` is caught here as you type instead of at deployment.',
      example: 'services:\n  api:\n    extends:\n      file: base.yaml\n      service: app\n    depends_on: [dbb]\n  db:\n    image: postgres:17\n',
      fixed: 'services:\n  api:\n    extends:\n      file: common/base.yaml\n      service: app\n    depends_on: [db]\n  db:\n    image: postgres:17\n',
      notes:
        '`depends_on` is only checked in a project\'s own files (`compose.yaml`, `docker-compose.yml`, their `.override` files and the other default names): a file passed with an extra `-f` may rely on services that only the other files define. Values that depend on an unknown variable are not followed. While an `include` cannot be read, only the missing include is reported: the services it would bring are unknown, so `depends_on` is not checked.',
    },
  },
  check(model, context) {
    const project = projectOf(model, context);
    const reports: Report[] = project.problems.filter((p) => p.path === context.path).map((p) => ({ message: p.message, range: p.range }));
    const base = posix.basename(context.path);
    if (!DEFAULT_FILES.includes(base) && !OVERRIDE_FILES.includes(base)) return reports;
    // A missing include is reported above; the services it would define are unknown, so a
    // dependency on one of them is not a second error.
    if (project.problems.some((p) => p.missingInclude)) return reports;
    const known = project.services.map((s) => s.name);
    const done = new Set<unknown>();
    for (const service of model.services) {
      const entry = service.get('depends_on');
      if (!entry || done.has(entry.node)) continue;
      done.add(entry.node);
      const names: { name: string; range: Report['range'] }[] = [];
      for (const item of service.list('depends_on') ?? []) {
        if (item.resolved && typeof item.value === 'string') names.push({ name: item.value, range: item.range });
      }
      for (const dependency of mapOf(service.context, entry)?.entries() ?? []) {
        if (composeBoolean(mapOf(service.context, dependency)?.get('required')) === false) continue;
        names.push({ name: dependency.key, range: dependency.keyRange });
      }
      for (const { name, range } of names) {
        if (project.service(name)) continue;
        const guess = closest(name, known);
        reports.push({
          message: `Service \`${service.name}\` depends on \`${name}\`, which no service of the project defines, so Compose refuses the project.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
          range,
        });
      }
    }
    return reports;
  },
};
