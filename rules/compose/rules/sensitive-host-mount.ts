import type { Report, Rule } from '../../types';
import { volumesOfService } from '../facts';
import type { ComposeModel } from '../model';
import { isBind, mountSourceRange, readOnlyMountEdit } from '../mounts';
import { isShared, relatedUses, servicesSubject, WrittenSites } from '../sites';
import type { VolumeMount } from '../values';

/** Host directories whose contents (or subtrees) let a writer take over the host. */
const SUBTREES: [string, string][] = [
  ['/etc', 'rewrite host configuration (users, sudoers, cron jobs, systemd units)'],
  ['/root', "plant keys and shell profiles in root's home"],
  ['/boot', 'replace the kernel and boot loader'],
  ['/proc', 'change kernel settings and reach other processes'],
  ['/sys', 'change kernel and device settings'],
  ['/usr', 'replace host binaries and libraries'],
  ['/bin', 'replace host binaries'],
  ['/sbin', 'replace host binaries'],
  ['/lib', 'replace host libraries and kernel modules'],
  ['/lib32', 'replace host libraries'],
  ['/lib64', 'replace host libraries'],
  ['/var/lib/docker', 'rewrite every container, image and volume on the host'],
  ['/var/lib/containerd', 'rewrite every container and image on the host'],
  ['/var/lib/kubelet', 'read and replace pod secrets and volumes'],
];
/** Directories that are sensitive as a whole (their subdirectories are ordinary data). */
const EXACT: [string, string][] = [
  ['/', 'rewrite anything on the host'],
  ['/dev', 'write to every host device, disks included'],
  ['/home', "plant keys and shell profiles in every user's home"],
  ['/var', 'rewrite system state, logs and container data'],
  ['/var/log', 'erase or forge the host logs'],
  ['/var/lib', 'rewrite the state of every host service'],
];
/**
 * Entries of `/etc` that the host's own system reads as root (accounts, privileges, scheduled
 * and boot-time jobs, login, the dynamic loader, the engine, trust stores). A writable mount of
 * one of these, or of `/etc` itself, is a host takeover. Other subdirectories of `/etc` are
 * usually one application's configuration (`/etc/pihole`, `/etc/letsencrypt`): reported with
 * a lower severity, since the harm depends on whether a host service reads them.
 */
const ETC_SYSTEM = new Set([
  'passwd', 'shadow', 'group', 'gshadow', 'subuid', 'subgid', 'sudoers', 'sudoers.d', 'sudo.conf', 'login.defs', 'skel',
  'crontab', 'anacrontab', 'cron.d', 'cron.hourly', 'cron.daily', 'cron.weekly', 'cron.monthly', 'cron.allow', 'cron.deny',
  'systemd', 'init', 'init.d', 'rc.local', 'rc0.d', 'rc1.d', 'rc2.d', 'rc3.d', 'rc4.d', 'rc5.d', 'rc6.d', 'rcS.d',
  'ssh', 'pam.d', 'security', 'profile', 'profile.d', 'bash.bashrc', 'bashrc', 'environment', 'update-motd.d', 'xdg',
  'ld.so.preload', 'ld.so.conf', 'ld.so.conf.d', 'modprobe.d', 'modules', 'modules-load.d', 'udev', 'sysctl.conf', 'sysctl.d',
  'docker', 'containerd', 'containers', 'kubernetes', 'default', 'alternatives', 'logrotate.conf', 'logrotate.d', 'polkit-1', 'dbus-1',
  'apt', 'yum.repos.d', 'dnf', 'ssl', 'pki', 'ca-certificates', 'ca-certificates.conf',
  'hosts', 'resolv.conf', 'nsswitch.conf', 'fstab', 'exports', 'selinux', 'apparmor', 'apparmor.d', 'audit',
  'network', 'netplan', 'NetworkManager', 'iptables', 'nftables.conf', 'ufw', 'firewalld',
]);
/** Files under a sensitive tree that are routinely shared and harmless. */
const HARMLESS = new Set(['/etc/localtime', '/etc/timezone', '/etc/hostname', '/etc/machine-id', '/usr/share/zoneinfo']);

export const sensitiveHostMount: Rule<ComposeModel> = {
  meta: {
    id: 'compose/sensitive-host-mount',
    kind: 'compose',
    severity: 'error',
    tier: 1,
    title: 'Sensitive host directory mounted writable',
    aliases: ['kics:1c1325ff', 'cis-docker:5.6'],
    fix: 'unsafe',
    docs: {
      what:
        'Flags a writable bind mount (short or long syntax) of a host system directory or something inside it: `/`, `/etc`, `/root`, `/boot`, `/proc`, `/sys`, `/usr`, `/bin`, `/sbin`, `/lib*`, `/var/lib/docker`, `/var/lib/containerd`, and the directories `/dev`, `/home`, `/var`, `/var/lib`, `/var/log` themselves. Paths are compared after normalization (`/etc/`, `//etc`, `/etc/./ssh` are all `/etc`). Engine sockets and `/run` are `compose/docker-socket-mount`\'s concern.',
      why:
        'A container that can write to the host\'s system directories does not need to escape: it adds a user to `/etc/passwd`, a cron job to `/etc/cron.d`, a key to `/root/.ssh/authorized_keys`, or swaps a binary under `/usr`, and the host runs it as root. Containers run as root by default, so file permissions on the host do not stand in the way. Mounting read-only keeps monitoring agents and config readers working without that power.',
      example:
        'services:\n  agent:\n    image: example/agent:3.2\n    volumes:\n      - /etc:/host/etc\n      - type: bind\n        source: /var/lib/docker\n        target: /host/docker\n',
      fixed:
        'services:\n  agent:\n    image: example/agent:3.2\n    volumes:\n      - /etc:/host/etc:ro\n      - type: bind\n        source: /var/lib/docker\n        target: /host/docker\n        read_only: true\n',
      notes:
        'Read-only mounts are not reported (this differs from kics, which flags any mount of these paths): reading host metrics through `/proc:/host/proc:ro` is the standard way monitoring agents work. A user\'s SSH directory (`~/.ssh`, `/home/<user>/.ssh`) is reported too: a writable one lets the container add its own key to `authorized_keys`. Routinely shared files (`/etc/localtime`, `/etc/timezone`, `/usr/share/zoneinfo`) are never reported. Under `/etc`, the entries the host system itself runs on (`passwd`, `shadow`, `sudoers*`, `cron*`, `systemd`, `init.d`, `ssh`, `pam.d`, `profile*`, `ld.so.*`, `docker`, `ssl`, `hosts`, …) are errors like `/etc` itself; any other subdirectory (`/etc/pihole`, `/etc/letsencrypt`, `/etc/wireguard`) is usually one application\'s own configuration and is reported as a warning with a message that says when it matters: only if a host service also reads it. The quick fix appends `:ro` (or turns `rw` into `ro`), or adds `read_only: true` to long syntax; it is unsafe because a service that really writes there will fail.',
    },
  },
  check(model) {
    const sites = new WrittenSites<{ mount: VolumeMount; harm: Harm }>();
    for (const service of model.services) {
      for (const mount of volumesOfService(service)) {
        if (!isBind(mount) || mount.readOnly || !/^[/~]/.test(mount.source)) continue;
        const harm = harmOf(mount.source);
        if (harm) sites.add(mount.item.node ?? mount.item, service, mount.item, { mount, harm });
      }
    }
    const reports: Report[] = [];
    for (const site of sites.sites()) {
      const { mount, harm } = site.data;
      const context = site.services[0].context;
      const edit = readOnlyMountEdit(context, mount);
      const verb = site.services.length === 1 ? 'mounts' : 'mount';
      const message = harm.application
        ? `${servicesSubject(site.services)} ${verb} the host's \`${mount.source}\` writable at \`${mount.target}\`: a process in the container can rewrite that configuration on the host, and any host service that reads it runs what the container writes there. Harmless if only this service uses the directory; otherwise mount it read-only, or keep the service's files in a project directory (\`./${harm.application}:${mount.target}\`).`
        : `${servicesSubject(site.services)} ${verb} the host's \`${mount.source}\` writable at \`${mount.target}\`: a process in the container can ${harm.text}, and so take over the host. Mount it read-only, or mount only the file the service needs.`;
      reports.push({
        message,
        ...(harm.application ? { severity: 'warning' as const } : {}),
        range: mountSourceRange(context, mount),
        related: relatedUses(site, 'this mount'),
        ...(edit
          ? {
              fix: {
                title: isShared(site) ? 'Mount it read-only in the shared definition (affects every service that uses it)' : mount.form === 'long' ? 'Set `read_only: true` on the mount' : 'Mount it read-only (`:ro`)',
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

interface Harm {
  text: string;
  /** Set for an application's own directory under `/etc` (its name): a lesser finding. */
  application?: string;
}

function harmOf(source: string): Harm | undefined {
  // Normalize without the `/var/run` → `/run` folding, which is for container paths.
  const parts: string[] = [];
  for (const part of source.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  // A user's SSH directory, wherever the home is (`~/.ssh`, `/home/deploy/.ssh`).
  if (parts.includes('.ssh')) return { text: "plant a key in `authorized_keys` and log in to the host as that user" };
  if (source.startsWith('~')) return undefined;
  const path = `/${parts.join('/')}`;
  if (HARMLESS.has(path) || [...HARMLESS].some((file) => path.startsWith(`${file}/`))) return undefined;
  for (const [dir, text] of EXACT) if (path === dir) return { text };
  if (parts[0] === 'etc' && parts.length > 1 && !ETC_SYSTEM.has(parts[1]) && !/^rc\d?\.d$|^cron/.test(parts[1])) {
    return { text: 'rewrite that configuration', application: parts[1] };
  }
  for (const [dir, text] of SUBTREES) if (path === dir || path.startsWith(`${dir}/`)) return { text };
  return undefined;
}
