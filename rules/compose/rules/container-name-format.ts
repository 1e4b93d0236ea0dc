import type { Report, Rule } from '../../types';
import type { ComposeModel, Entry } from '../model';

/** What the Docker Engine accepts as a container name (`/` prefix aside). */
export const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const containerNameFormat: Rule<ComposeModel> = {
  meta: {
    id: 'compose/container-name-format',
    kind: 'compose',
    severity: 'error',
    tier: 2,
    title: 'Invalid `container_name`',
    aliases: ['dclint:service-container-name-regex'],
    fix: 'none',
    docs: {
      what:
        'Flags a `container_name` the Docker Engine would refuse: it must be at least two characters, start with a letter or a digit, and contain only letters, digits, `_`, `.` and `-`. Values built from variables are checked after substitution; values that depend on an unknown variable are not.',
      why:
        'The schema accepts any string here, so a name with a space, a slash or a leading dash passes validation and only fails when `docker compose up` asks the Engine to create the container — after the images were pulled and the networks created, often in the middle of a deployment.',
      example: 'services:\n  web:\n    image: nginx:1.27\n    container_name: "shop web"\n',
      fixed: 'services:\n  web:\n    image: nginx:1.27\n    container_name: shop-web\n',
    },
  },
  check(model) {
    const seen = new Set<Entry['pair']>();
    const reports: Report[] = [];
    for (const service of model.services) {
      const entry = service.get('container_name');
      if (!entry || !entry.resolved || typeof entry.value !== 'string' || seen.has(entry.pair)) continue;
      seen.add(entry.pair);
      if (CONTAINER_NAME.test(entry.value)) continue;
      const why = entry.value.length < 2 ? 'it must be at least two characters long' : /^[a-zA-Z0-9]/.test(entry.value) ? 'it may contain only letters, digits, `_`, `.` and `-`' : 'it must start with a letter or a digit';
      reports.push({
        message: `\`container_name: ${entry.value}\` is not a valid container name: ${why}. The Engine refuses to create the container.`,
        range: entry.range,
      });
    }
    return reports;
  },
};
