import { dockerSocketMount } from '../../../rules/compose/rules/docker-socket-mount';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const svc = (...body: string[]) => lines('services:', '  agent:', '    image: example/agent:1.2', ...body);

ruleTester(dockerSocketMount, {
  valid: [
    { code: svc('    volumes:', '      - ./data:/data', '      - logs:/var/log/app') },
    { name: 'a named volume called like a socket is not a bind', code: svc('    volumes:', '      - docker.sock:/data') },
    { name: 'a socket path in the container only', code: svc('    volumes:', '      - ./sock:/var/run/docker.sock') },
    { name: 'a subdirectory of /run that is not the engine', code: svc('    volumes:', '      - /run/udev:/run/udev:ro') },
    { name: 'unresolvable variable', code: svc('    volumes:', '      - ${SOCK}:/var/run/docker.sock') },
    { name: 'an anchor no service uses', code: lines('x-sock: &sock', '  volumes: ["/var/run/docker.sock:/var/run/docker.sock"]', 'services:', '  web:', '    image: nginx:1.27') },
    { name: 'tmpfs long syntax', code: svc('    volumes:', '      - type: tmpfs', '        target: /var/run') },
    { name: 'suppressed', code: svc('    volumes:', '      # shipshape-ignore compose/docker-socket-mount -- CI runner', '      - /var/run/docker.sock:/var/run/docker.sock') },
  ],
  invalid: [
    {
      name: 'short syntax: on the source',
      code: svc('    volumes:', '      - /var/run/docker.sock:/var/run/docker.sock'),
      errors: [{ message: 'Service `agent` mounts the Docker socket (`/var/run/docker.sock`)', range: [4, 8, 4, 28], severity: 'error' }],
      output: null,
    },
    {
      name: 'read-only does not help, and the message says so',
      code: svc('    volumes:', '      - "/var/run/docker.sock:/var/run/docker.sock:ro"'),
      errors: [{ message: 'read-only does not help', range: [4, 9, 4, 29] }],
    },
    {
      name: 'long syntax: on the source value',
      code: svc('    volumes:', '      - type: bind', '        source: /run/docker.sock', '        target: /var/run/docker.sock', '        read_only: true'),
      errors: [{ range: [5, 16, 5, 32] }],
    },
    { name: 'rootless socket', code: svc('    volumes:', '      - /run/user/1000/docker.sock:/var/run/docker.sock'), errors: [{ message: 'Docker socket' }] },
    { name: 'Docker Desktop socket in the home directory', code: svc('    volumes:', '      - ~/.docker/run/docker.sock:/var/run/docker.sock'), errors: [{ range: [4, 8, 4, 33] }] },
    { name: 'podman socket', code: svc('    volumes:', '      - /run/podman/podman.sock:/var/run/docker.sock'), errors: [{ message: 'podman.sock' }] },
    { name: 'containerd socket', code: svc('    volumes:', '      - /run/containerd/containerd.sock:/run/containerd/containerd.sock'), errors: [{ message: 'containerd.sock' }] },
    { name: 'the whole /var/run directory', code: svc('    volumes:', '      - /var/run:/host/run'), errors: [{ message: 'the directory holding the Docker socket' }] },
    { name: 'unnormalized path', code: svc('    volumes:', '      - //var/run/./docker.sock:/var/run/docker.sock'), errors: [{ message: 'Docker socket' }] },
    {
      name: 'Windows named pipe',
      code: svc('    volumes:', '      - type: npipe', '        source: \\\\.\\pipe\\docker_engine', '        target: \\\\.\\pipe\\docker_engine'),
      errors: [{ message: 'Docker engine pipe' }],
    },
    { name: 'flow list', code: svc('    volumes: [/var/run/docker.sock:/var/run/docker.sock, ./x:/x]'), errors: [{ range: [3, 14, 3, 34] }] },
    {
      name: 'interpolation fallback',
      code: svc('    volumes:', '      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock'),
      errors: [{ range: [4, 8, 4, 65] }],
    },
    {
      name: 'interpolation from .env',
      code: svc('    volumes:', '      - ${SOCK}:/var/run/docker.sock'),
      files: { '/w/.env': 'SOCK=/var/run/docker.sock\n' },
      errors: [{ message: 'Docker socket' }],
    },
    {
      name: 'anchor shared by two services: once, at the anchor',
      code: lines(
        'x-sock: &sock /var/run/docker.sock:/var/run/docker.sock',
        'services:',
        '  a:',
        '    image: example/a:1',
        '    volumes: [*sock]',
        '  b:',
        '    image: example/b:1',
        '    volumes:',
        '      - *sock',
      ),
      errors: [{ message: 'Services `a` and `b` mount', range: [0, 14, 0, 34] }],
    },
    {
      name: 'merge key',
      code: lines('x-base: &base', '  volumes:', '    - /var/run/docker.sock:/var/run/docker.sock', 'services:', '  a:', '    <<: *base', '    image: example/a:1'),
      errors: [{ message: 'Service `a`', line: 2 }],
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  a:\r\n    image: example/a:1\r\n    volumes:\r\n      - /var/run/docker.sock:/var/run/docker.sock\r\n',
      errors: [{ range: [4, 8, 4, 28] }],
    },
    {
      name: 'several services',
      code: lines('services:', '  a:', '    image: x:1', '    volumes: ["/var/run/docker.sock:/s"]', '  b:', '    image: y:1', '  c:', '    image: z:1', '    volumes: ["/run/docker.sock:/s"]'),
      errors: [{ message: '`a`', line: 3 }, { message: '`c`', line: 8 }],
    },
  ],
});
