import { sensitiveHostMount } from '../../../rules/compose/rules/sensitive-host-mount';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const svc = (...body: string[]) => lines('services:', '  agent:', '    image: example/agent:1.2', ...body);

ruleTester(sensitiveHostMount, {
  valid: [
    { name: 'other home-relative directories', code: svc('    volumes:', '      - ~/Documents:/docs', '      - ~/.ssh:/root/.ssh:ro') },
    { name: 'read-only short syntax', code: svc('    volumes:', '      - /etc:/host/etc:ro', '      - /:/rootfs:ro,rslave', '      - /proc:/host/proc:ro') },
    { name: 'read-only long syntax', code: svc('    volumes:', '      - type: bind', '        source: /sys', '        target: /host/sys', '        read_only: true') },
    { name: 'routinely shared files', code: svc('    volumes:', '      - /etc/localtime:/etc/localtime', '      - /etc/timezone:/etc/timezone') },
    { name: 'project and data directories', code: svc('    volumes:', '      - ./config:/etc/app', '      - /srv/data:/data', '      - /home/deploy/app:/app', '      - /var/lib/app:/data') },
    { name: 'named volumes', code: svc('    volumes:', '      - etc:/etc') },
    { name: 'a subdirectory of /dev (device passthrough)', code: svc('    volumes:', '      - /dev/dri:/dev/dri') },
    { name: 'sockets are docker-socket-mount territory', code: svc('    volumes:', '      - /var/run/docker.sock:/var/run/docker.sock') },
    { name: 'unresolvable source', code: svc('    volumes:', '      - ${HOST_DIR}:/host') },
    { name: 'container path only (anonymous volume)', code: svc('    volumes:', '      - /etc') },
  ],
  invalid: [
    {
      name: "a user's SSH directory, home-relative or absolute",
      code: svc('    volumes:', '      - type: bind', '        source: "~/.ssh"', '        target: /root/.ssh', '      - /home/deploy/.ssh:/keys'),
      errors: [{ message: /`~\/\.ssh` writable at `\/root\/\.ssh`: a process in the container can plant a key in `authorized_keys`/, severity: 'error' }, { message: '`/home/deploy/.ssh`' }],
      output: svc('    volumes:', '      - type: bind', '        source: "~/.ssh"', '        target: /root/.ssh', '        read_only: true', '      - /home/deploy/.ssh:/keys:ro'),
    },
    {
      name: "an application's own directory under /etc: a warning that says when it matters",
      code: svc('    volumes:', '      - "/etc/pihole/:/etc/pihole/"', '      - /etc/letsencrypt:/etc/letsencrypt'),
      errors: [
        { message: /`\/etc\/pihole\/` writable at `\/etc\/pihole\/`: a process in the container can rewrite that configuration on the host.*`\.\/pihole:\/etc\/pihole\/`/, severity: 'warning' },
        { message: 'any host service that reads it', severity: 'warning' },
      ],
      output: svc('    volumes:', '      - "/etc/pihole/:/etc/pihole/:ro"', '      - /etc/letsencrypt:/etc/letsencrypt:ro'),
    },
    {
      name: 'system entries under /etc stay errors',
      code: svc('    volumes:', '      - /etc/cron.d:/host/cron', '      - /etc/sudoers.d:/x', '      - /etc/rc3.d:/y', '      - /etc/passwd:/etc/passwd'),
      errors: [{ severity: 'error' }, { severity: 'error' }, { severity: 'error' }, { severity: 'error', message: 'take over the host' }],
    },
    {
      name: 'short syntax: appends :ro',
      code: svc('    volumes:', '      - /etc:/host/etc'),
      errors: [{ message: "Service `agent` mounts the host's `/etc` writable at `/host/etc`", range: [4, 8, 4, 12], severity: 'error', safe: false, fixTitle: 'Mount it read-only (`:ro`)' }],
      output: svc('    volumes:', '      - /etc:/host/etc:ro'),
    },
    {
      name: 'quoted: the quotes stay',
      code: svc('    volumes:', '      - "/:/host"  # everything'),
      errors: [{ range: [4, 9, 4, 10] }],
      output: svc('    volumes:', '      - "/:/host:ro"  # everything'),
    },
    {
      name: 'rw option becomes ro',
      code: svc('    volumes:', "      - '/root:/host/root:rw,z'"),
      errors: [{ message: '`/root`' }],
      output: svc('    volumes:', "      - '/root:/host/root:ro,z'"),
    },
    {
      name: 'other options keep, ro is added',
      code: svc('    volumes:', '      - /var/lib/docker:/docker:z'),
      errors: [{ message: 'every container, image and volume' }],
      output: svc('    volumes:', '      - /var/lib/docker:/docker:z,ro'),
    },
    {
      name: 'long syntax without read_only',
      code: svc('    volumes:', '      - type: bind', '        source: /etc/ssh', '        target: /host/ssh'),
      errors: [{ range: [5, 16, 5, 24], fixTitle: 'Set `read_only: true` on the mount' }],
      output: svc('    volumes:', '      - type: bind', '        source: /etc/ssh', '        target: /host/ssh', '        read_only: true'),
    },
    {
      name: 'long syntax with read_only: false',
      code: svc('    volumes:', '      - type: bind', '        source: /boot', '        target: /boot', '        read_only: false', '      - ./a:/a'),
      errors: [{ line: 5 }],
      output: svc('    volumes:', '      - type: bind', '        source: /boot', '        target: /boot', '        read_only: true', '      - ./a:/a'),
    },
    {
      name: 'long syntax in flow style',
      code: svc('    volumes:', '      - {type: bind, source: /usr/bin, target: /host/bin}'),
      errors: [{ message: 'replace host binaries' }],
      output: svc('    volumes:', '      - {type: bind, source: /usr/bin, target: /host/bin, read_only: true}'),
    },
    {
      name: 'flow list',
      code: svc('    volumes: [/proc:/host/proc, ./a:/a]'),
      errors: [{ range: [3, 14, 3, 19] }],
      output: svc('    volumes: [/proc:/host/proc:ro, ./a:/a]'),
    },
    {
      name: 'unnormalized paths',
      code: svc('    volumes:', '      - /etc/:/a', '      - //sys/./kernel:/b'),
      errors: [{ message: '`/etc/`' }, { message: '`//sys/./kernel`' }],
      output: svc('    volumes:', '      - /etc/:/a:ro', '      - //sys/./kernel:/b:ro'),
    },
    {
      name: 'interpolated source: the fix appends to the raw text',
      code: svc('    volumes:', '      - ${HOST_ROOT:-/}:/host'),
      errors: [{ range: [4, 8, 4, 29] }],
      output: svc('    volumes:', '      - ${HOST_ROOT:-/}:/host:ro'),
    },
    {
      name: 'anchor: once, fixed in the anchor',
      code: lines('x-mounts: &mounts', '  volumes:', '    - /etc:/host/etc', 'services:', '  a:', '    <<: *mounts', '    image: x:1', '  b:', '    <<: *mounts', '    image: y:1'),
      errors: [{ message: 'Services `a` and `b` mount', range: [2, 6, 2, 10], fixTitle: /shared definition/ }],
      output: lines('x-mounts: &mounts', '  volumes:', '    - /etc:/host/etc:ro', 'services:', '  a:', '    <<: *mounts', '    image: x:1', '  b:', '    <<: *mounts', '    image: y:1'),
    },
    {
      name: 'CRLF, exact directories',
      code: 'services:\r\n  a:\r\n    image: x:1\r\n    volumes:\r\n      - /dev:/dev\r\n      - /home:/home\r\n',
      errors: [{ message: 'every host device' }, { message: "every user's home" }],
      output: 'services:\r\n  a:\r\n    image: x:1\r\n    volumes:\r\n      - /dev:/dev:ro\r\n      - /home:/home:ro\r\n',
    },
  ],
});
