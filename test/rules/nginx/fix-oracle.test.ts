import assert from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { analyze } from '../../../rules/engine';
import { chooseFixes, fixText } from '../../../rules/fix';
import { allRuleMeta } from '../../../rules/registry';
import { EMPTY_CONFIG, type SeverityLevel } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';

// Every nginx fix, safe and unsafe, applied until nothing fixable is left: the result must
// still pass `nginx -t` (as the original does), and no finding may keep offering a fix.
// Skipped, with one line saying so, when nginx is missing.

function nginxAvailable(): boolean {
  const result = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
  return !result.error && result.status === 0;
}

const LEVELS: Record<string, SeverityLevel> = {};
for (const meta of allRuleMeta()) if (meta.kind === 'nginx') LEVELS[meta.id] = meta.severity === 'off' ? 'warning' : meta.severity;

interface Case {
  name: string;
  /** The analyzed file (path in the in-memory workspace) and its text; `DIR` is the temp folder. */
  path: string;
  text: (dir: string) => string;
  /** Other files of the in-memory workspace (Compose files feeding container facts). */
  files?: Record<string, string>;
  /** For a fragment: the nginx.conf that includes it, written beside it for nginx -t. */
  main?: (dir: string) => string;
  /** Rules whose findings the fixes must remove. */
  expectFixed: string[];
}

const HTTP_BASE = (dir: string) =>
  [
    `    access_log off;`,
    `    client_body_temp_path ${dir}/body;`,
    `    proxy_temp_path ${dir}/proxy;`,
    `    fastcgi_temp_path ${dir}/fastcgi;`,
    `    uwsgi_temp_path ${dir}/uwsgi;`,
    `    scgi_temp_path ${dir}/scgi;`,
  ].join('\n');

const CASES: Case[] = [
  {
    name: 'http-level mix of gixy-style problems',
    path: '/w/nginx.conf',
    text: (dir) => `pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
${HTTP_BASE(dir)}
    add_header X-Frame-Options DENY always;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;
    server {
        listen 127.0.0.1:18080;
        server_tokens on;
        autoindex on;
        location /static {
            alias ${dir}/static/;
        }
        location /admin/ {
            allow 10.0.0.0/8;
            return 204;
        }
        location /p/ {
            add_header Cache-Control public;
            proxy_set_header Host $http_host;
            proxy_pass http://127.0.0.1:9;
        }
        location /i/ {
            valid_referers none server_names;
            if ($invalid_referer) { return 403; }
        }
        location /n/ { location /n/x { alias ${dir}/x/; } }
    }
    server {
        listen 127.0.0.1:18081;
        location / {
            if ($arg_x) { add_header X-A a; }
        }
    }
}
`,
    expectFixed: [
      'nginx/server-tokens', 'nginx/security-headers-missing', 'nginx/add-header-redefinition', 'nginx/weak-tls',
      'nginx/autoindex-on', 'nginx/host-spoofing', 'nginx/valid-referers-none', 'nginx/alias-traversal', 'nginx/allow-without-deny',
    ],
  },
  {
    name: 'tabs and CRLF, headers in http and in nested blocks',
    path: '/w/nginx.conf',
    text: (dir) =>
      `pid ${dir}/nginx.pid;\r\nerror_log ${dir}/error.log;\r\nevents {}\r\nhttp {\r\n${HTTP_BASE(dir).replace(/ {4}/g, '\t')}\r\n\tadd_header X-Content-Type-Options nosniff;\r\n\tserver {\r\n\t\tlisten 127.0.0.1:18082;\r\n\t\tadd_header X-B b;\r\n\t\tlocation / {\r\n\t\t\tadd_header X-C c;\r\n\t\t\tlocation /deep/ { add_header X-D d; }\r\n\t\t}\r\n\t}\r\n}\r\n`.replace(/\n(?!\r)/g, '\r\n').replace(/\r\r\n/g, '\r\n'),
    expectFixed: ['nginx/server-tokens', 'nginx/security-headers-missing', 'nginx/add-header-redefinition'],
  },
  {
    name: 'conf.d fragment included by a main config',
    path: '/w/conf.d/site.conf',
    text: (dir) => `server {\n  listen 127.0.0.1:18083;\n  location /files {\n    alias ${dir}/files/;\n  }\n  location /x/ { allow 127.0.0.1; add_header X-Robots-Tag none; }\n}\n`,
    main: (dir) => `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n${HTTP_BASE(dir)}\n    include ${dir}/conf.d/*.conf;\n}\n`,
    expectFixed: ['nginx/server-tokens', 'nginx/security-headers-missing', 'nginx/alias-traversal', 'nginx/allow-without-deny'],
  },
  {
    name: 'unprivileged image: pid and privileged ports',
    path: '/w/nginx.conf',
    files: { '/w/compose.yaml': 'services:\n  web:\n    image: nginxinc/nginx-unprivileged:alpine\n    volumes: ["./nginx.conf:/etc/nginx/nginx.conf:ro"]\n' },
    text: (dir) => `error_log ${dir}/error.log;\nevents {}\nhttp {\n${HTTP_BASE(dir)}\n    server_tokens off;\n    server {\n        listen 80;\n        listen [::]:443;\n        return 204;\n    }\n}\n`,
    expectFixed: ['nginx/pid-unwritable', 'nginx/listen-privileged-port'],
  },
  {
    name: 'read-only root: pid under /var/run and default temp paths',
    path: '/w/nginx.conf',
    files: { '/w/compose.yaml': 'services:\n  web:\n    image: nginx\n    read_only: true\n    volumes: ["./nginx.conf:/etc/nginx/nginx.conf:ro"]\n' },
    text: (dir) => `pid /var/run/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n    access_log off;\n    server_tokens off;\n    server {\n        listen 127.0.0.1:18084;\n        return 204;\n    }\n}\n`,
    expectFixed: ['nginx/pid-unwritable', 'nginx/temp-paths-unwritable'],
  },
];

describe('nginx fixes vs nginx -t', function () {
  this.timeout(60_000);
  if (!nginxAvailable()) {
    console.log('      nginx-fix-oracle: skipped, nginx is not on PATH');
    return;
  }

  let dir = '';
  const createdTemp: string[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-nginx-fix-'));
    for (const sub of ['static', 'x', 'files', 'conf.d']) mkdirSync(join(dir, sub));
    // The read-only case moves temp folders to /tmp; nginx -t creates them. Remove the ones it adds.
    for (const name of ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp']) if (!existsSync(`/tmp/${name}`)) createdTemp.push(`/tmp/${name}`);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const path of createdTemp) rmSync(path, { recursive: true, force: true });
  });

  function nginxTest(c: Case, text: string, label: string): void {
    const file = join(dir, `${label}.conf`);
    if (c.main) {
      writeFileSync(join(dir, 'conf.d', 'site.conf'), text);
      writeFileSync(file, c.main(dir));
    } else {
      writeFileSync(file, text);
    }
    const result = spawnSync('nginx', ['-t', '-q', '-p', `${dir}/`, '-c', file], { encoding: 'utf8' });
    assert.strictEqual(result.status, 0, `nginx -t refuses the ${label} config:\n${result.stderr}\n--- config ---\n${text}`);
  }

  for (const c of CASES) {
    it(c.name, () => {
      const original = c.text(dir);
      nginxTest(c, original, 'original');
      const run = (text: string) =>
        analyze(
          { path: c.path, text, kind: 'nginx' },
          { workspace: memoryWorkspace({ ...c.files, [c.path]: text }), config: { ...EMPTY_CONFIG, rules: LEVELS }, now: new Date('2026-01-01') },
        )!.findings;
      const before = run(original);
      for (const id of c.expectFixed) assert.ok(before.some((f) => f.rule === id && f.fix), `expected a fixable ${id} finding`);
      const { text: fixed, passes } = fixText(original, run, { unsafe: true });
      assert.ok(passes < 10, 'fixes did not settle');
      const after = run(fixed);
      assert.deepStrictEqual(chooseFixes(after, { unsafe: true }), [], 'a fix is still offered after fixing');
      for (const id of c.expectFixed) assert.ok(!after.some((f) => f.rule === id), `${id} still reported:\n${after.filter((f) => f.rule === id).map((f) => f.message).join('\n')}`);
      assert.ok(!after.some((f) => f.rule === 'nginx/syntax'), 'the fixes introduced a syntax problem');
      nginxTest(c, fixed, 'fixed');
    });
  }
});
