import { isSeq } from 'yaml';
import type { Report, Rule, TextEdit } from '../../types';
import { capabilityList } from '../capabilities';
import { listStyleFor } from '../facts';
import { serviceUser } from '../identity';
import { serviceKnownImage } from '../images';
import { addEntriesEdit, appendItemsEdit, combineEdits, type NewValue, type YamlMap, type YamlSeq } from '../insert';
import type { ComposeModel, ComposeService } from '../model';
import { composeBoolean } from '../values';

export const capDropMissing: Rule<ComposeModel> = {
  meta: {
    id: 'compose/cap-drop-missing',
    kind: 'compose',
    severity: 'warning',
    tier: 1,
    title: 'Service keeps the default capabilities',
    aliases: ['cis-docker:5.4'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports a service whose effective `cap_drop` does not contain `ALL` (after anchors, merge keys and interpolation). The finding sits on the service name. Privileged services are reported too, so the whole picture shows at once: Docker ignores `cap_drop` while `privileged: true` is set, and the message says so.',
      why:
        'Without `cap_drop`, every container keeps the capabilities Docker grants by default: `CHOWN`, `DAC_OVERRIDE`, `FOWNER`, `FSETID`, `KILL`, `SETGID`, `SETUID`, `SETPCAP`, `NET_BIND_SERVICE`, `NET_RAW`, `SYS_CHROOT`, `MKNOD`, `AUDIT_WRITE`, `SETFCAP`. Most applications use none of them once started. `NET_RAW` allows ARP and DNS spoofing against neighbouring containers, `DAC_OVERRIDE` lets root ignore file permissions, `SETUID`/`SETGID` let a process become any user. Dropping them all and adding back the few a service needs shrinks what an attacker inside the container can do.',
      example: 'services:\n  api:\n    image: example/api:3.1\n    cap_add: [NET_BIND_SERVICE]\n',
      fixed: 'services:\n  api:\n    image: example/api:3.1\n    cap_add: [NET_BIND_SERVICE]\n    cap_drop: [ALL]\n',
      notes:
        'The quick fix is marked safe only when the service is known to run as a non-root user (its `user:`, the `USER` of the Dockerfile it builds, an image listed in `nonRootImages` or known to run unprivileged): such a process holds no capabilities, so dropping them changes nothing it relies on. For a service that runs as root, or whose user Shipshape cannot tell, the fix is offered but not applied by fix-all or `--fix`: many images start as root to `chown` their data and then switch user (`gosu`, `su-exec`, s6 with `PUID`/`PGID`), and without `CHOWN`, `SETUID` or `DAC_OVERRIDE` they exit at start. Run the service once after applying it. The quick fix adds `ALL` to the existing `cap_drop` list, or a new `cap_drop` key written in the style the service already uses for lists (block or flow). `cap_add` entries keep working: Docker applies drops before adds. Official images whose entrypoint starts as root and then switches user (postgres, mysql, mariadb, mongo, redis, nginx, httpd, rabbitmq) need a few capabilities for that step; when the service sets no `user:`, the fix adds those to `cap_add` so the container normally still starts (custom entrypoints or volumes owned by another user can need more).',
    },
  },
  check(model, context) {
    const reports: Report[] = [];
    for (const service of model.services) {
      if (!service.body) continue;
      const privileged = composeBoolean(service.get('privileged')) === true;
      const drop = capabilityList(service, 'cap_drop');
      if (drop.unknown || drop.names.has('ALL')) continue;
      const image = serviceKnownImage(service);
      const user = serviceUser(service, context);
      const needed = image?.official && image.family.capabilities && user.kind === 'root' ? image.family.capabilities : [];
      // A non-root process holds no capabilities to lose, so the drop keeps behaviour. A root
      // one may need them at start (chown, then switch user): only a run can tell.
      const safe = user.kind === 'non-root';
      const add = capabilityList(service, 'cap_add');
      const missing = add.unknown ? [] : needed.filter((capability) => !add.names.has(capability));
      const edits = fixEdits(model, service, missing);
      const existing = drop.present && drop.names.size ? ` (it drops only ${[...drop.names].map((n) => `\`${n}\``).join(', ')})` : '';
      const keep = missing.length
        ? ` The ${image!.family.family} entrypoint starts as root and switches user, so it needs ${missing.map((c) => `\`${c}\``).join(', ')} back in \`cap_add\`.`
        : add.names.size
          ? ' Its `cap_add` entries still apply after the drop.'
          : '';
      const overridden = privileged ? ' Docker ignores `cap_drop` while `privileged: true` is set: remove that first.' : '';
      reports.push({
        message: `\`${service.name}\` keeps Docker's default capabilities${existing} (\`NET_RAW\`, \`DAC_OVERRIDE\`, \`SETUID\`, \`CHOWN\`, …), which an attacker inside it can use for spoofing and privilege changes. Add \`cap_drop: [ALL]\` and \`cap_add\` only what it needs.${keep}${overridden}`,
        range: service.keyRange,
        ...(edits ? { fix: { title: missing.length ? `Add \`cap_drop: [ALL]\` and the ${missing.length} capabilities ${image!.family.family} needs` : 'Add `cap_drop: [ALL]`', edits, safe } } : {}),
      });
    }
    return reports;
  },
};

function fixEdits(model: ComposeModel, service: ComposeService, missingAdds: string[]): TextEdit[] | undefined {
  const body = service.body!;
  const style = listStyleFor(model, service);
  const newKeys: { key: string; value: NewValue }[] = [];
  const edits: (TextEdit | undefined)[] = [];
  const addTo = (key: 'cap_add' | 'cap_drop', items: string[]) => {
    if (!items.length) return;
    const entry = service.get(key);
    if (!entry) newKeys.push({ key, value: { list: items } });
    else if (isSeq(entry.node)) edits.push(appendItemsEdit(service.context, entry.node as YamlSeq, items));
    else edits.push(undefined);
  };
  addTo('cap_add', missingAdds);
  addTo('cap_drop', ['ALL']);
  if (newKeys.length) edits.push(addEntriesEdit(service.context, body.node as YamlMap, newKeys, style));
  return combineEdits(edits);
}
