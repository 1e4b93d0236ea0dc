import type { Report, Rule } from '../../types';
import { listStyleFor } from '../facts';
import { serviceKnownImage } from '../images';
import type { ComposeModel } from '../model';
import { relatedUse } from '../sites';
import { composeBoolean } from '../values';
import { addTmpfsEdit, uncoveredPaths } from '../writable';

export const readOnlyUnwritablePaths: Rule<ComposeModel> = {
  meta: {
    id: 'compose/read-only-unwritable-paths',
    kind: 'compose',
    severity: 'error',
    tier: 1,
    title: 'Read-only service cannot write where its image must',
    aliases: [],
    fix: 'safe',
    docs: {
      what:
        'For a service with `read_only: true` that runs a well-known official image, checks that every path the image writes to at start is covered by a volume, a bind mount or a `tmpfs` entry: postgres needs `/var/run/postgresql` and `/tmp`, mysql `/var/run/mysqld` and `/tmp`, mariadb `/run/mysqld` and `/tmp`, mongo `/tmp`, nginx `/var/cache/nginx` and `/var/run`, nginx-unprivileged `/tmp`, httpd `/usr/local/apache2/logs`. A mount of a parent directory covers its children; `/var/run` and `/run` are the same directory.',
      why:
        'The container would fail at start with "Read-only file system": postgres cannot create its socket lock file, nginx cannot create its temp directories or pid file. The usual reaction is to drop `read_only: true` again, losing the hardening; giving the image the few scratch directories it needs keeps it.',
      example: 'services:\n  proxy:\n    image: nginx:1.27\n    read_only: true\n',
      fixed: 'services:\n  proxy:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /var/cache/nginx\n      - /var/run\n',
      notes:
        'The quick fix adds the missing paths to `tmpfs` (a list, a single string or a new key, in the service\'s style) and is safe: it only makes a container start that otherwise would not. Data directories the image declares as `VOLUME` (postgres, mysql, mongo, redis data) are not reported: Docker mounts an anonymous, writable volume there even on a read-only root. For nginx, an `nginx.conf` bind-mounted from the workspace at `/etc/nginx/nginx.conf` is read: when it moves `pid` and the five `*_temp_path`s (say, to `/tmp`), the required paths follow. Images Shipshape does not know are not checked.',
    },
  },
  check(model, context) {
    const reports: Report[] = [];
    for (const service of model.services) {
      const entry = service.get('read_only');
      if (!entry || composeBoolean(entry) !== true) continue;
      const image = serviceKnownImage(service);
      if (!image?.official) continue;
      const missing = uncoveredPaths(service, image, context);
      if (!missing.length) continue;
      const data = missing.filter((p) => p.kind === 'data');
      const scratch = missing.filter((p) => p.kind !== 'data');
      const style = listStyleFor(model, service);
      const edit = addTmpfsEdit(service, scratch.map((p) => p.path), style);
      const asks: string[] = [];
      if (scratch.length) asks.push(`add ${scratch.map((p) => `\`${p.path}\``).join(', ')} to \`tmpfs\``);
      if (data.length) asks.push(`mount a volume at ${data.map((p) => `\`${p.path}\``).join(', ')}`);
      const written = entry.via.length === 0;
      reports.push({
        message: `\`${service.name}\` (${image.family.family}) has a read-only root filesystem but nothing writable at ${missing.map((p) => `\`${p.path}\` (${p.why})`).join(', ')}: it will fail at start with "Read-only file system". ${capitalize(asks.join(' and '))}.`,
        range: written ? entry.range : service.keyRange,
        related: relatedUse(service, entry, '`read_only: true`'),
        ...(edit ? { fix: { title: `Add ${scratch.map((p) => `\`${p.path}\``).join(', ')} to \`tmpfs\``, edits: [edit], safe: true } } : {}),
      });
    }
    return reports;
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
