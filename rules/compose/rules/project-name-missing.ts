import type { Rule } from '../../types';
import type { ComposeModel } from '../model';
import { projectOf } from '../project';

export const projectNameMissing: Rule<ComposeModel> = {
  meta: {
    id: 'compose/project-name-missing',
    kind: 'compose',
    severity: 'off',
    tier: 3,
    title: 'Project has no top-level `name`',
    aliases: ['dclint:require-project-name-field'],
    fix: 'none',
    docs: {
      what:
        'Flags a Compose file without a top-level `name:` when no other file of the same project (the base file or the override file beside it) sets one either. Files pulled in through `include` or `extends` are left alone: they are not projects of their own.',
      why:
        'Without `name`, Compose names the project after the folder the file sits in. Two checkouts in folders with the same name — `app/` on a CI runner and on a laptop, or two branches in `worktree/app` — then share containers, networks and volumes, and one `docker compose down -v` removes the other\'s data. A fixed name makes the resources predictable, easy to find and to filter in monitoring.',
      example: 'services:\n  web:\n    image: nginx:1.27\n',
      fixed: 'name: shop\nservices:\n  web:\n    image: nginx:1.27\n',
      notes: 'Off by default: many teams rely on the folder name or on `COMPOSE_PROJECT_NAME`/`-p` instead. `name: ${PROJECT:-shop}` counts as a name.',
    },
  },
  check(model, context) {
    const top = model.top;
    if (!top || top.has('name')) return [];
    const first = top.entries()[0];
    if (!first || !model.services.length) return [];
    const project = projectOf(model, context);
    if (project.merged.some((file) => file.model.top?.has('name'))) return [];
    return [
      {
        message: 'The project has no `name`: Compose names it after the folder, so two checkouts in folders of the same name share containers, networks and volumes. Add a top-level `name:`.',
        range: first.keyRange,
      },
    ];
  },
};
