import { isSeq } from 'yaml';
import type { Report, Rule, TextEdit } from '../../types';
import { listStyleFor } from '../facts';
import { addEntryEdit, appendItemsEdit, replaceScalarEdit, type YamlMap, type YamlSeq } from '../insert';
import type { ComposeModel, ComposeService } from '../model';
import { securityOptions } from '../security-opt';
import { relatedUse } from '../sites';

const OPTION = 'no-new-privileges:true';

export const noNewPrivilegesMissing: Rule<ComposeModel> = {
  meta: {
    id: 'compose/no-new-privileges-missing',
    kind: 'compose',
    severity: 'warning',
    tier: 1,
    title: 'Service allows privilege escalation through setuid binaries',
    aliases: ['kics:27fcc7d6', 'cis-docker:5.26'],
    fix: 'safe',
    docs: {
      what:
        'Reports a service whose effective `security_opt` does not turn on `no-new-privileges`. Docker accepts `no-new-privileges:true`, `no-new-privileges=true` and the bare `no-new-privileges`; all three count. An explicit `no-new-privileges:false` is reported on that entry; a missing one on the service name.',
      why:
        'Without the flag, a process in the container can gain privileges by executing a setuid or setgid binary (`su`, `sudo`, `passwd`, a planted one) or a file with capabilities. With it, the kernel refuses to grant more privileges than the parent had across `execve`, which closes the usual path from a non-root foothold to root inside the container, and from there to the host through any remaining misconfiguration. Almost no service relies on setuid binaries at run time.',
      example: 'services:\n  api:\n    image: example/api:3.1\n    user: "1000:1000"\n',
      fixed: 'services:\n  api:\n    image: example/api:3.1\n    user: "1000:1000"\n    security_opt:\n      - no-new-privileges:true\n',
      notes:
        'The quick fix appends `no-new-privileges:true` to an existing `security_opt` list (keeping its quoting and flow or block style), creates the list in the style the service already uses, or turns an explicit `false` into `true`. It is safe for services that do not switch users through setuid binaries at run time; entrypoints that use `gosu`/`su-exec`/`setpriv` as root are unaffected, because root needs no new privileges to drop them. The daemon-wide equivalent is `"no-new-privileges": true` in `daemon.json`, which Shipshape cannot see.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const service of model.services) {
      if (!service.body) continue;
      const opts = securityOptions(service);
      if (opts.unknown) continue;
      const flags = opts.options.filter((option) => option.name === 'no-new-privileges');
      const last = flags[flags.length - 1];
      const state = last === undefined ? undefined : last.value === undefined ? true : /^true$/i.test(last.value) ? true : /^false$/i.test(last.value) ? false : null;
      if (state === true || state === null) continue;
      if (state === false) {
        const edit = replaceScalarEdit(service.context, last.item.node, OPTION);
        reports.push({
          message: `\`${service.name}\` turns \`no-new-privileges\` off explicitly: processes in it can gain root through setuid binaries. Set it to \`true\` unless the service needs setuid binaries at run time.`,
          range: last.item.range,
          related: relatedUse(service, last.item, '`no-new-privileges:false`'),
          ...(edit ? { fix: { title: 'Set `no-new-privileges:true`', edits: [edit], safe: true } } : {}),
        });
        continue;
      }
      const edit = addOptionEdit(model, service);
      reports.push({
        message: `\`${service.name}\` does not set \`no-new-privileges\`: a process in it can gain root through a setuid binary such as \`su\` or one an attacker plants. Add \`security_opt: [no-new-privileges:true]\`.`,
        range: service.keyRange,
        ...(edit ? { fix: { title: opts.present ? 'Add `no-new-privileges:true` to `security_opt`' : 'Add `security_opt: [no-new-privileges:true]`', edits: [edit], safe: true } } : {}),
      });
    }
    return reports;
  },
};

function addOptionEdit(model: ComposeModel, service: ComposeService): TextEdit | undefined {
  const entry = service.get('security_opt');
  if (entry) return isSeq(entry.node) ? appendItemsEdit(service.context, entry.node as YamlSeq, [OPTION]) : undefined;
  const style = listStyleFor(model, service);
  return addEntryEdit(service.context, service.body!.node as YamlMap, 'security_opt', { list: [OPTION] }, style);
}
