import type { Report, Rule } from '../../types';
import { volumesOfService } from '../facts';
import { canonicalPath } from '../images';
import type { ComposeModel } from '../model';
import { isBind, mountSourceRange } from '../mounts';
import { relatedUses, servicesSubject, WrittenSites } from '../sites';
import type { VolumeMount } from '../values';

/** Sockets that hand out control of a container engine. */
const SOCKETS = new Set(['docker.sock', 'podman.sock', 'containerd.sock', 'cri-dockerd.sock', 'dockershim.sock', 'crio.sock']);
/** Directories that hold the Docker socket: mounting them mounts it. */
const SOCKET_DIRS = new Set(['/run', '/run/docker', '/run/containerd', '/run/podman']);

export const dockerSocketMount: Rule<ComposeModel> = {
  meta: {
    id: 'compose/docker-socket-mount',
    kind: 'compose',
    severity: 'error',
    tier: 1,
    title: 'Service mounts the container engine socket',
    aliases: ['kics:d6355c88', 'cis-docker:5.32'],
    fix: 'none',
    docs: {
      what:
        'Flags a volume, in short (`/var/run/docker.sock:/var/run/docker.sock`) or long syntax (`type: bind`, `source: …`), that bind-mounts a container engine socket into a service: `docker.sock` wherever it lives (rootful, rootless, Docker Desktop), `podman.sock`, `containerd.sock`, the Windows `docker_engine` pipe, or a whole directory that holds one (`/var/run`, `/run`). Mounts that come from an anchor are reported once, where they are written.',
      why:
        'Whoever can talk to the engine socket can start a container with `privileged: true` and the host disk mounted, which makes them root on the host; the socket carries no permissions of its own. Mounting it read-only changes nothing, because `:ro` only stops the container from replacing the socket file, not from sending API requests through it. A compromise of the service — a vulnerable dependency, a leaked admin password in a dashboard — becomes a compromise of the machine.',
      example:
        'services:\n  dashboard:\n    image: example/dashboard:2.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      fixed:
        'services:\n  socket-proxy:\n    image: example/docker-socket-proxy:0.3\n    environment:\n      CONTAINERS: 1   # read-only listing, nothing else\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n    networks: [docker-api]\n  dashboard:\n    image: example/dashboard:2.1\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375\n    networks: [docker-api]\nnetworks:\n  docker-api:\n    internal: true\n',
      notes:
        'There is no quick fix: the service presumably needs some access to the engine. Put a filtering proxy in front of the socket that allows only the API calls the service uses, or drop the mount if it was copied from an example. A socket path built from a variable Shipshape cannot resolve is not reported. Tools that genuinely manage containers (CI runners, Traefik, Portainer) can be silenced with `# shipshape-ignore compose/docker-socket-mount -- reason` above the mount.',
    },
  },
  check(model) {
    const sites = new WrittenSites<{ mount: VolumeMount; what: string }>();
    for (const service of model.services) {
      for (const mount of volumesOfService(service)) {
        const what = socketOf(mount);
        if (what) sites.add(mount.item.node ?? mount.item, service, mount.item, { mount, what });
      }
    }
    const reports: Report[] = [];
    for (const site of sites.sites()) {
      const { mount, what } = site.data;
      const verb = site.services.length === 1 ? 'mounts' : 'mount';
      const readOnly = mount.readOnly ? ' Mounting it read-only does not help: the API still accepts every request.' : '';
      reports.push({
        message: `${servicesSubject(site.services)} ${verb} ${what} (\`${mount.source}\`): anyone who controls the container can start a privileged container and take over the host.${readOnly} Put a socket proxy in front that allows only the calls it needs, or remove the mount.`,
        range: mountSourceRange(site.services[0].context, mount),
        related: relatedUses(site, 'this mount'),
      });
    }
    return reports;
  },
};

function socketOf(mount: VolumeMount): string | undefined {
  if (mount.type === 'npipe' || /^[\\/]{2}\.[\\/]pipe[\\/]docker_engine$/i.test(mount.source)) {
    return /docker_engine$/i.test(mount.source) ? 'the Docker engine pipe' : undefined;
  }
  if (!isBind(mount) && !mount.source.startsWith('/')) return undefined;
  const path = mount.source.startsWith('~') ? mount.source : canonicalPath(mount.source.replace(/\\/g, '/'));
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (SOCKETS.has(base)) return base === 'docker.sock' ? 'the Docker socket' : `the container engine socket ${base}`;
  if (SOCKET_DIRS.has(path)) return 'the directory holding the Docker socket';
  return undefined;
}
