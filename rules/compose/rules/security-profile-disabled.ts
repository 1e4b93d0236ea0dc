import { isSeq, type ParsedNode } from 'yaml';
import type { Report, Rule } from '../../types';
import { removeChildEdit } from '../edits';
import type { YamlSeq } from '../insert';
import type { ComposeModel } from '../model';
import { securityOptions } from '../security-opt';
import { isShared, relatedUses, servicesSubject, WrittenSites } from '../sites';

/** Options that switch a confinement layer off, with what is lost. */
const DISABLING: { name: string; value: string; layer: string; what: string }[] = [
  { name: 'seccomp', value: 'unconfined', layer: 'seccomp', what: 'the filter that blocks dangerous system calls such as `mount`, `keyctl`, `bpf` and `unshare`' },
  { name: 'apparmor', value: 'unconfined', layer: 'AppArmor', what: 'the profile that keeps it from writing to `/proc` and `/sys` and from mounting' },
  { name: 'label', value: 'disable', layer: 'SELinux labeling', what: 'the labels that keep it away from host files and other containers' },
  { name: 'systempaths', value: 'unconfined', layer: 'path masking', what: 'the masking of sensitive `/proc` and `/sys` paths' },
];

export const securityProfileDisabled: Rule<ComposeModel> = {
  meta: {
    id: 'compose/security-profile-disabled',
    kind: 'compose',
    severity: 'error',
    tier: 1,
    title: 'Service turns off a kernel security profile',
    aliases: ['kics:404fde2c', 'cis-docker:5.2', 'cis-docker:5.3', 'cis-docker:5.22'],
    fix: 'unsafe',
    docs: {
      what:
        'Flags `security_opt` entries that disable a confinement layer: `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` (SELinux) and `systempaths=unconfined`, with `:` or `=`, in any case, wherever they are written (anchors included).',
      why:
        'Docker confines every container with a seccomp filter, an AppArmor or SELinux profile, and masked `/proc` paths. These layers are what stop many kernel exploits and container escapes even when the process inside runs as root: the default seccomp profile alone blocks the system calls behind a long list of published escapes. Turning one off to make a tool work removes that protection for everything the service runs, forever.',
      example: 'services:\n  builder:\n    image: example/builder:5\n    security_opt:\n      - seccomp:unconfined\n      - no-new-privileges:true\n',
      fixed: 'services:\n  builder:\n    image: example/builder:5\n    security_opt:\n      - seccomp:./seccomp-builder.json   # the default profile plus the one syscall it needs\n      - no-new-privileges:true\n',
      notes:
        'The quick fix deletes the entry (unsafe: whatever needed the extra system calls will fail). When a service really needs a blocked call, write a custom profile that allows just that call (`seccomp:./profile.json`, `apparmor:my-profile`) instead of disabling confinement altogether.',
    },
  },
  check(model) {
    const sites = new WrittenSites<{ disabled: (typeof DISABLING)[number]; seq: YamlSeq | undefined }>();
    for (const service of model.services) {
      const opts = securityOptions(service);
      const seqNode = service.get('security_opt')?.node;
      const seq = isSeq(seqNode) ? (seqNode as YamlSeq) : undefined;
      for (const option of opts.options) {
        const disabled = DISABLING.find((d) => d.name === option.name && option.value?.toLowerCase() === d.value);
        if (disabled) sites.add(option.item.node ?? option.item, service, option.item, { disabled, seq });
      }
    }
    const reports: Report[] = [];
    for (const site of sites.sites()) {
      const { disabled, seq } = site.data;
      const context = site.services[0].context;
      const index = seq ? seq.items.indexOf(site.item.written as ParsedNode) : -1;
      const edit = seq && index >= 0 ? removeChildEdit(context, seq, index) : undefined;
      const verb = site.services.length === 1 ? 'turns' : 'turn';
      reports.push({
        message: `${servicesSubject(site.services)} ${verb} off ${disabled.layer} (\`${disabled.name}:${disabled.value}\`), ${disabled.what}: kernel exploits and escapes it would stop are open again. Remove it, or use a custom profile that allows only what the service needs.`,
        range: site.item.range,
        related: relatedUses(site, `\`${disabled.name}:${disabled.value}\``),
        ...(edit
          ? {
              fix: {
                title: isShared(site) ? `Remove \`${disabled.name}:${disabled.value}\` from the shared list (affects every service that uses it)` : `Remove \`${disabled.name}:${disabled.value}\``,
                edits: [edit],
                safe: false,
              },
            }
          : {}),
      });
    }
    return reports;
  },
};
