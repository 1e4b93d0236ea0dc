import assert from 'assert';
import { deriveContainerFacts } from '../../../rules/nginx/container';
import { NginxModel } from '../../../rules/nginx/model';
import { listenPrivilegedPort } from '../../../rules/nginx/rules/listen-privileged-port';
import { pidUnwritable } from '../../../rules/nginx/rules/pid-unwritable';
import { tempPathsUnwritable } from '../../../rules/nginx/rules/temp-paths-unwritable';
import { EMPTY_CONFIG } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';
import { nginxRuleTester } from './helpers';

// Rules that depend on how the container runs nginx, fed by the Dockerfile or Compose file
// beside the config until the workspace model links them.

const UNPRIVILEGED = {
  '/w/compose.yaml': 'services:\n  web:\n    image: nginxinc/nginx-unprivileged:1.27-alpine\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n',
};
const READ_ONLY = {
  '/w/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n',
};
const READ_ONLY_WITH_TMPFS = {
  '/w/compose.yaml':
    'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /var/run\n      - /var/cache/nginx\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n',
};
const DOCKERFILE_USER = {
  '/w/Dockerfile': 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\nUSER 101\n',
};
const CONF = 'events {}\nhttp {\n    server {\n        listen 8080;\n    }\n}\n';

nginxRuleTester(pidUnwritable, {
  valid: [
    { name: 'no container facts', code: CONF },
    { name: 'pid already in /tmp', code: `pid /tmp/nginx.pid;\n${CONF}`, files: UNPRIVILEGED },
    { name: 'root with a user directive and a writable root', code: `user nginx;\n${CONF}` },
    { name: 'tmpfs on /var/run', code: CONF, files: READ_ONLY_WITH_TMPFS },
    { name: 'fragments cannot set pid', path: '/w/conf.d/default.conf', code: 'server { listen 8080; }\n', files: { '/w/compose.yaml': 'services:\n  web:\n    image: nginxinc/nginx-unprivileged\n    volumes: ["./conf.d:/etc/nginx/conf.d"]\n' } },
    { name: 'a compose file that does not mount this config', code: CONF, files: { '/w/compose.yaml': 'services:\n  web:\n    image: nginxinc/nginx-unprivileged\n' } },
    { name: 'Dockerfile switching back to root', code: CONF, files: { '/w/Dockerfile': 'FROM nginxinc/nginx-unprivileged\nCOPY nginx.conf /etc/nginx/\nUSER root\n' } },
  ],
  invalid: [
    {
      name: 'unprivileged image, pid unset',
      code: CONF,
      files: UNPRIVILEGED,
      errors: [{ range: [0, 0, 0, 6], message: 'compose.yaml:3', severity: 'error', safe: true, fixTitle: 'Add `pid /tmp/nginx.pid;`' }],
      output: `pid /tmp/nginx.pid;\n${CONF}`,
    },
    {
      name: 'explicit /var/run pid with Dockerfile USER, CRLF',
      code: 'pid /var/run/nginx.pid;\r\nevents {}\r\nhttp {}\r\n',
      files: DOCKERFILE_USER,
      errors: [{ range: [0, 4, 0, 22], message: 'Dockerfile:3 (`USER 101`)' }],
      output: 'pid /tmp/nginx.pid;\r\nevents {}\r\nhttp {}\r\n',
    },
    {
      name: 'read-only root, /run pid, config one folder down',
      path: '/w/nginx/nginx.conf',
      code: 'worker_processes auto;\npid /run/nginx.pid;\nevents {}\n',
      files: { '/w/compose.yaml': 'services:\n  proxy:\n    image: nginx\n    read_only: true\n    volumes:\n      - type: bind\n        source: ./nginx\n        target: /etc/nginx\n' },
      errors: [{ range: [1, 4, 1, 18], message: 'read-only (compose.yaml:4' }],
      output: 'worker_processes auto;\npid /tmp/nginx.pid;\nevents {}\n',
    },
  ],
});

nginxRuleTester(tempPathsUnwritable, {
  valid: [
    { name: 'no read-only root', code: CONF, files: UNPRIVILEGED },
    { name: 'tmpfs on /var/cache/nginx', code: CONF, files: READ_ONLY_WITH_TMPFS },
    {
      name: 'all moved to /tmp',
      code: 'events {}\nhttp {\n    client_body_temp_path /tmp/a;\n    proxy_temp_path /tmp/b;\n    fastcgi_temp_path /tmp/c;\n    uwsgi_temp_path /tmp/d;\n    scgi_temp_path /tmp/e;\n}\n',
      files: READ_ONLY,
    },
  ],
  invalid: [
    {
      name: 'defaults on a read-only root',
      code: CONF,
      files: READ_ONLY,
      errors: [{ range: [1, 0, 1, 4], message: 'compose.yaml:4', severity: 'error', safe: true }],
      output:
        'events {}\nhttp {\n    client_body_temp_path /tmp/client_temp;\n    proxy_temp_path /tmp/proxy_temp;\n    fastcgi_temp_path /tmp/fastcgi_temp;\n    uwsgi_temp_path /tmp/uwsgi_temp;\n    scgi_temp_path /tmp/scgi_temp;\n    server {\n        listen 8080;\n    }\n}\n',
    },
    {
      name: 'one set explicitly under /var/cache/nginx, the rest moved already, tabs',
      code: 'events {}\nhttp {\n\tclient_body_temp_path /tmp/a;\n\tproxy_temp_path /var/cache/nginx/proxy 1 2;\n\tfastcgi_temp_path /tmp/c;\n\tuwsgi_temp_path /tmp/d;\n\tscgi_temp_path /tmp/e;\n}\n',
      files: READ_ONLY,
      errors: [{ range: [3, 17, 3, 39], message: '`proxy_temp_path`' }],
      output: 'events {}\nhttp {\n\tclient_body_temp_path /tmp/a;\n\tproxy_temp_path /tmp/proxy_temp 1 2;\n\tfastcgi_temp_path /tmp/c;\n\tuwsgi_temp_path /tmp/d;\n\tscgi_temp_path /tmp/e;\n}\n',
    },
  ],
});

nginxRuleTester(listenPrivilegedPort, {
  valid: [
    { name: 'no facts', code: 'events {}\nhttp {\n    server { listen 80; }\n}\n' },
    { name: 'high ports', code: 'events {}\nhttp {\n    server { listen 8080; listen [::]:8443 ssl; listen unix:/tmp/n.sock; }\n}\n', files: UNPRIVILEGED },
    { name: 'root user', code: 'events {}\nhttp {\n    server { listen 80; }\n}\n', files: { '/w/compose.yaml': 'services:\n  web:\n    image: nginxinc/nginx-unprivileged\n    user: "0:0"\n    volumes: ["./nginx.conf:/etc/nginx/nginx.conf"]\n' } },
    { name: 'template port', code: 'events {}\nhttp {\n    server { listen ${PORT}; }\n}\n', files: UNPRIVILEGED },
  ],
  invalid: [
    {
      name: '80 and 443 with addresses',
      code: 'events {}\nhttp {\n    server {\n        listen 80;\n        listen [::]:443 ssl;\n    }\n}\n',
      files: UNPRIVILEGED,
      errors: [
        { range: [3, 15, 3, 17], message: 'cannot bind port 80', severity: 'warning', safe: false, fixTitle: 'Listen on 8080' },
        { range: [4, 20, 4, 23], fixTitle: 'Listen on 8443' },
      ],
      output: 'events {}\nhttp {\n    server {\n        listen 8080;\n        listen [::]:8443 ssl;\n    }\n}\n',
    },
    {
      name: 'other low ports have no fix',
      code: 'events {}\nhttp {\n    server {\n        listen 127.0.0.1:22;\n    }\n}\n',
      files: UNPRIVILEGED,
      errors: [{ range: [3, 25, 3, 27], message: 'port 22' }],
      output: null,
    },
    {
      name: 'address without a port means 80; Compose user',
      code: 'events {}\nhttp {\n    server { listen 127.0.0.1; }\n}\n',
      files: { '/w/compose.yaml': 'services:\n  web:\n    image: nginx\n    user: "101:101"\n    volumes: ["./nginx.conf:/etc/nginx/nginx.conf"]\n' },
      errors: [{ range: [2, 20, 2, 29], message: 'compose.yaml:4' }],
      output: 'events {}\nhttp {\n    server { listen 127.0.0.1:8080; }\n}\n',
    },
  ],
});

describe('nginx container facts', () => {
  const facts = (files: Record<string, string>, path = '/w/nginx.conf') => {
    const text = files[path] ?? CONF;
    const context = { path, workspace: memoryWorkspace({ ...files, [path]: text }), config: EMPTY_CONFIG, now: new Date() };
    return deriveContainerFacts(new NginxModel(text, context));
  };

  it('reads nothing without evidence', () => {
    assert.deepStrictEqual(facts({}), { writablePaths: [] });
  });

  it('takes a host-provided value over its own derivation', () => {
    const context = { path: '/w/nginx.conf', workspace: memoryWorkspace(UNPRIVILEGED), config: EMPTY_CONFIG, now: new Date(), containerFacts: { writablePaths: [] } };
    assert.strictEqual(new NginxModel(CONF, context).containerFacts().nonRoot, undefined);
  });

  it('a Dockerfile that COPYs the folder of the config, with the final stage deciding', () => {
    const result = facts({ '/w/Dockerfile': 'FROM nginx AS build\nUSER 1000\nFROM nginxinc/nginx-unprivileged:alpine\nCOPY ./conf/ /etc/nginx/\n' }, '/w/conf/nginx.conf');
    assert.strictEqual(result.nonRoot?.value, true);
    assert.match(result.nonRoot!.source, /^Dockerfile:3 /);
  });

  it('a Dockerfile that does not ship this config says nothing', () => {
    assert.strictEqual(facts({ '/w/Dockerfile': 'FROM nginx\nCOPY other.conf /etc/nginx/nginx.conf\nUSER 101\n' }).nonRoot, undefined);
  });

  it('Compose read_only, tmpfs and volume targets, through a merge key', () => {
    const result = facts({
      '/w/compose.yaml':
        'x-hardened: &hardened\n  read_only: true\n  tmpfs: [/tmp]\nservices:\n  web:\n    <<: *hardened\n    image: nginx\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n      - cache:/var/cache/nginx\n',
    });
    assert.strictEqual(result.readOnlyRoot?.value, true);
    assert.deepStrictEqual(result.writablePaths.sort(), ['/etc/nginx/nginx.conf', '/tmp', '/var/cache/nginx']);
  });
});
