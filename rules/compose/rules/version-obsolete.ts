import type { Report, Rule } from '../../types';
import { removeEntryEdit } from '../edits';
import type { ComposeModel } from '../model';

export const versionObsolete: Rule<ComposeModel> = {
  meta: {
    id: 'compose/version-obsolete',
    kind: 'compose',
    severity: 'info',
    tier: 2,
    title: 'Top-level `version` is obsolete',
    aliases: ['dclint:no-version-field'],
    fix: 'safe',
    docs: {
      what: 'Flags a top-level `version:` key (`version: "3.8"`, `version: \'2.4\'`, any value).',
      why:
        'The Compose Specification merged the old v2 and v3 file formats into one, and current `docker compose` reads every file the same way whatever `version` says — it only prints a warning that the attribute is obsolete. Keeping it misleads readers into thinking v3 limits apply (no `mem_limit`, `deploy` only under Swarm) and adds a warning to every run.',
      example: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n',
      fixed: 'services:\n  web:\n    image: nginx:1.27\n',
      notes: 'The safe fix deletes the `version` line (with its trailing comment); nothing else in the file changes. `compose/schema` does not judge the value of `version`.',
    },
  },
  check(model) {
    const entry = model.top?.get('version');
    if (!entry || entry.via.length) return [];
    const edit = removeEntryEdit(model.context, entry);
    const report: Report = {
      message: 'The top-level `version` key is obsolete: Compose ignores it and warns on every run. Delete it.',
      range: entry.keyRange,
    };
    if (edit) report.fix = { title: 'Remove the obsolete `version` key', edits: [edit], safe: true };
    return [report];
  },
};
