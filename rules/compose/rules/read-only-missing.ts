import { isSeq } from 'yaml';
import type { Report, Rule, TextEdit } from '../../types';
import { listStyleFor } from '../facts';
import { isDataStore, type KnownImage, serviceKnownImage, type WritablePath } from '../images';
import { addEntriesEdit, appendItemsEdit, combineEdits, type NewValue, replaceScalarEdit, scalarToListEdit, type YamlMap, type YamlSeq } from '../insert';
import type { ComposeModel, ComposeService } from '../model';
import { isCovered, writableTargets } from '../mounts';
import { composeBoolean } from '../values';
import { uncoveredPaths } from '../writable';

export const readOnlyMissing: Rule<ComposeModel> = {
  meta: {
    id: 'compose/read-only-missing',
    kind: 'compose',
    severity: 'info',
    tier: 1,
    title: 'Root filesystem is writable',
    aliases: ['cis-docker:5.13'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports a service without `read_only: true` (or with a value Compose reads as false). The finding sits on the service name. For well-known stateful images (postgres, mysql, mariadb, mongo, redis, rabbitmq, nginx, httpd, …) the message lists where the image writes and which of those paths need a volume and which a tmpfs.',
      why:
        'A writable root filesystem is where an intruder drops a toolkit, edits the application\'s code or configuration, or plants something that survives a restart of the process. Making the image read-only forces every write into places you chose (volumes for data, tmpfs for scratch space), which also documents what the service actually writes and keeps the container identical to its image.',
      example: 'services:\n  api:\n    image: example/api:3.1\n    volumes:\n      - uploads:/srv/uploads\n',
      fixed: 'services:\n  api:\n    image: example/api:3.1\n    read_only: true\n    tmpfs:\n      - /tmp\n    volumes:\n      - uploads:/srv/uploads\n',
      notes:
        'The quick fix adds `read_only: true` and a `tmpfs` entry for `/tmp` (for known images: the scratch paths that image needs, e.g. `/var/run/postgresql` and `/tmp` for postgres; `/var/cache/nginx` and `/var/run` for nginx), in the style the service already uses. It is unsafe: an application that writes elsewhere will fail until that path gets a volume or tmpfs. Data directories an image declares as `VOLUME` stay writable without help (Docker mounts an anonymous volume there), but give them a named volume to keep the data. `compose/read-only-unwritable-paths` checks services that already are read-only.',
    },
  },
  check(model, context) {
    const reports: Report[] = [];
    for (const service of model.services) {
      if (!service.body) continue;
      const entry = service.get('read_only');
      const value = composeBoolean(entry);
      if (value === true || (entry && value === undefined)) continue;
      const image = serviceKnownImage(service);
      const paths = image?.official ? uncoveredPaths(service, image, context) : [];
      const scratch = image?.official ? paths.filter((p) => p.kind !== 'data').map((p) => p.path) : isCovered('/tmp', writableTargets(service)) ? [] : ['/tmp'];
      const edits = fixEdits(model, service, scratch);
      reports.push({
        message: messageFor(service, image, paths),
        range: service.keyRange,
        ...(edits
          ? { fix: { title: scratch.length ? `Add \`read_only: true\` and a tmpfs for ${scratch.map((p) => `\`${p}\``).join(', ')}` : 'Add `read_only: true`', edits, safe: false } }
          : {}),
      });
    }
    return reports;
  },
};

function messageFor(service: ComposeService, image: KnownImage | undefined, uncovered: WritablePath[]): string {
  const name = `\`${service.name}\``;
  const risk = 'an intruder can drop tools, change the application and persist there';
  if (image?.official && image.family.writable?.length) {
    const all = image.family.writable;
    const data = all.filter((p) => p.kind === 'data');
    const scratch = uncovered.filter((p) => p.kind !== 'data');
    const parts: string[] = [];
    const anonymous = data.filter((p) => p.imageVolume);
    const needVolume = data.filter((p) => !p.imageVolume);
    if (needVolume.length) parts.push(`volumes for ${list(needVolume)}`);
    if (scratch.length) parts.push(`tmpfs for ${list(scratch)}`);
    const keep = anonymous.length ? ` Its data (${anonymous.map((p) => `\`${p.path}\``).join(', ')}) stays writable in the anonymous volume the image declares; mount a named volume there to keep it.` : '';
    const needs = parts.length ? ` With \`read_only: true\` it needs ${parts.join(' and ')}.` : ' Its writable paths are already covered, so `read_only: true` should just work.';
    return `${name} (${image.family.family}) can write anywhere in its root filesystem: ${risk}.${needs}${keep}`;
  }
  if (image && isDataStore(image)) {
    return `${name} (${image.family.family}, a ${image.family.role}) can write anywhere in its root filesystem: ${risk}. Before setting \`read_only: true\`, give its data directory a volume and its socket, pid and temp directories a tmpfs.`;
  }
  return `${name} can write anywhere in its root filesystem: ${risk}. Set \`read_only: true\` with a tmpfs for \`/tmp\`, and volumes for any data it keeps.`;
}

function list(paths: WritablePath[]): string {
  return paths.map((p) => `\`${p.path}\` (${p.why})`).join(', ');
}

function fixEdits(model: ComposeModel, service: ComposeService, tmpfs: string[]): TextEdit[] | undefined {
  const body = service.body!;
  const context = service.context;
  const newKeys: { key: string; value: NewValue }[] = [];
  const edits: (TextEdit | undefined)[] = [];
  const readOnly = service.get('read_only');
  if (readOnly) edits.push(replaceScalarEdit(context, readOnly.node, 'true'));
  else newKeys.push({ key: 'read_only', value: { scalar: 'true' } });
  if (tmpfs.length) {
    const entry = service.get('tmpfs');
    if (!entry) newKeys.push({ key: 'tmpfs', value: { list: tmpfs } });
    else if (isSeq(entry.node)) edits.push(appendItemsEdit(context, entry.node as YamlSeq, tmpfs));
    else edits.push(entry.node ? scalarToListEdit(context, entry.node, tmpfs) : undefined);
  }
  if (newKeys.length) {
    const style = listStyleFor(model, service);
    edits.push(addEntriesEdit(context, body.node as YamlMap, newKeys, style));
  }
  return combineEdits(edits);
}
