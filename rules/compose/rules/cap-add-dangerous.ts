import type { Report, Rule } from '../../types';
import { capabilityName } from '../capabilities';
import type { ComposeModel } from '../model';
import { relatedUses, servicesSubject, WrittenSites } from '../sites';
import { composeString } from '../values';

/** Capabilities that amount to (or lead straight to) root on the host, with what each one allows. */
export const DANGEROUS_CAPABILITIES = new Map<string, string>([
  ['ALL', 'every capability, which is root on the host in all but name'],
  ['SYS_ADMIN', 'mount filesystems, use namespaces and much more: the classic container escape'],
  ['SYS_MODULE', 'load kernel modules, i.e. run code in the host kernel'],
  ['SYS_PTRACE', 'trace and inject code into other processes'],
  ['SYS_RAWIO', 'raw I/O on host devices and memory'],
  ['SYS_BOOT', 'reboot the host or load a new kernel'],
  ['SYS_TIME', "change the host's clock"],
  ['NET_ADMIN', 'reconfigure interfaces, routes and firewall rules of its network'],
  ['DAC_READ_SEARCH', 'read any file the container can reach and open host files by handle (the "shocker" escape)'],
  ['MAC_ADMIN', 'change the AppArmor/SELinux policy'],
  ['MAC_OVERRIDE', 'bypass AppArmor/SELinux'],
  ['BPF', 'load BPF programs into the kernel'],
  ['PERFMON', 'observe kernel and other processes through perf events'],
  ['SYSLOG', 'read kernel addresses from the kernel log'],
  ['LINUX_IMMUTABLE', 'change immutable and append-only file flags'],
]);

export const capAddDangerous: Rule<ComposeModel> = {
  meta: {
    id: 'compose/cap-add-dangerous',
    kind: 'compose',
    severity: 'error',
    tier: 1,
    title: 'Service adds a dangerous capability',
    aliases: ['kics:ce76b7d0', 'cis-docker:5.4'],
    fix: 'none',
    docs: {
      what:
        'Flags `cap_add` entries that give a container power over the host: `ALL`, `SYS_ADMIN`, `SYS_MODULE`, `SYS_PTRACE`, `SYS_RAWIO`, `SYS_BOOT`, `SYS_TIME`, `NET_ADMIN`, `DAC_READ_SEARCH`, `MAC_ADMIN`, `MAC_OVERRIDE`, `BPF`, `PERFMON`, `SYSLOG`, `LINUX_IMMUTABLE`. Names are matched case-insensitively, with or without the `CAP_` prefix, in block or flow lists, through anchors and `${VAR:-…}` fallbacks.',
      why:
        'Docker already removes these capabilities from containers because each is a known path out: `SYS_ADMIN` allows mounting filesystems and cgroup tricks that escape to the host, `SYS_MODULE` loads code into the host kernel, `SYS_PTRACE` injects code into other processes, `DAC_READ_SEARCH` was the basis of the "shocker" escape. Adding one back turns a compromise of the service into a compromise of the host.',
      example: 'services:\n  vpn:\n    image: example/vpn:2.0\n    cap_add:\n      - ALL\n',
      fixed: 'services:\n  vpn:\n    image: example/vpn:2.0\n    cap_drop: [ALL]\n    cap_add: [NET_ADMIN]   # the one it needs; shipshape-ignore if reviewed\n    devices:\n      - /dev/net/tun\n',
      notes:
        'No quick fix: only the service\'s authors know which capability it really uses. Replace `ALL` with the specific ones, and prefer a narrower one where it exists (`NET_BIND_SERVICE` to bind low ports, `CHOWN`/`FOWNER` for file ownership). When a capability is justified (a VPN needs `NET_ADMIN`), suppress the finding on that line with a reason.',
    },
  },
  check(model) {
    const sites = new WrittenSites<{ capability: string }>();
    for (const service of model.services) {
      for (const item of service.list('cap_add') ?? []) {
        const text = composeString(item);
        if (text === undefined) continue;
        const capability = capabilityName(text);
        if (DANGEROUS_CAPABILITIES.has(capability)) sites.add(item.node ?? item, service, item, { capability });
      }
    }
    const reports: Report[] = [];
    for (const site of sites.sites()) {
      const { capability } = site.data;
      const verb = site.services.length === 1 ? 'adds' : 'add';
      reports.push({
        message: `${servicesSubject(site.services)} ${verb} \`${capability}\`, which lets the container ${DANGEROUS_CAPABILITIES.get(capability)}. Remove it, or grant a narrower capability the service actually needs.`,
        range: site.item.range,
        related: relatedUses(site, `\`${capability}\``),
      });
    }
    return reports;
  },
};
