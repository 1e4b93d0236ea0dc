import type { Report, Rule } from '../../types';
import { serviceUser } from '../identity';
import type { ComposeModel } from '../model';
import { portRange, publishedPorts, targetRange } from '../ports';
import { relatedUse } from '../sites';

export const privilegedPort: Rule<ComposeModel> = {
  meta: {
    id: 'compose/privileged-port',
    kind: 'compose',
    severity: 'info',
    tier: 2,
    title: 'Non-root service maps a privileged container port',
    aliases: ['kics:bc2908f3', 'cis-docker:5.8'],
    fix: 'none',
    docs: {
      what:
        'Flags a `ports:` entry whose container port is below 1024 on a service known to run as a non-root user: its `user:` is not root, the Dockerfile it builds ends with a non-root `USER`, or its image is known to run unprivileged (distroless `:nonroot`, chainguard, nginx-unprivileged, bitnami, your `nonRootImages`).',
      why:
        'Only root (or `CAP_NET_BIND_SERVICE`) may bind ports below 1024. A non-root process listening on one works under Docker 20.10 and later only because the engine lowers `net.ipv4.ip_unprivileged_port_start` inside each container; on older engines, other runtimes, or with a `sysctls` override the service fails to start with "permission denied". The usual workaround — running as root again, or adding capabilities — undoes the hardening. Listening on a high port and mapping it (`"80:8080"`) has neither problem.',
      example: 'services:\n  web:\n    image: nginxinc/nginx-unprivileged:1.27\n    ports:\n      - "127.0.0.1:80:80"\n',
      fixed: 'services:\n  web:\n    image: nginxinc/nginx-unprivileged:1.27\n    ports:\n      - "127.0.0.1:80:8080"\n',
      notes:
        'This checks the container side of the mapping, which is what the unprivileged process binds; a low host port (`"80:8080"`) is fine, since Docker binds that on the host. kics judges the host port as well; Shipshape does not. No quick fix: the application\'s own listen port has to change too.',
    },
  },
  check(model, context) {
    const reports: Report[] = [];
    for (const service of model.services) {
      const ports = publishedPorts(service).filter((port) => {
        const range = targetRange(port);
        return range !== undefined && range[0] > 0 && range[0] < 1024;
      });
      if (!ports.length) continue;
      const user = serviceUser(service, context);
      if (user.kind !== 'non-root') continue;
      for (const port of ports) {
        const [low] = targetRange(port)!;
        reports.push({
          message: `\`${service.name}\` runs as non-root (${user.from}) but listens on container port ${low}, below 1024: that works only where the engine lowers \`ip_unprivileged_port_start\` (Docker 20.10+); elsewhere it fails with "permission denied". Have it listen on a port above 1024 and map to that (\`"${port.published || low}:${8000 + low}"\`).`,
          range: portRange(service.context, port, 'target'),
          related: relatedUse(service, port.item, 'this port'),
        });
      }
    }
    return reports;
  },
};
