import assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { UNIQUE_PER_BLOCK } from '../../../rules/nginx/directives';
import { parseNginx } from '../../../rules/nginx/parser';

// Differential test: for every config below, our parser must report `nginx/syntax` exactly
// when `nginx -t` refuses the file. The configs only use directives nginx ships with, defined
// variables and paths under a temp folder, so the only reason nginx can fail is the syntax
// (or a duplicate) we are testing. Skipped, with one line saying so, when nginx is missing.

function nginxAvailable(): boolean {
  const result = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
  return !result.error && result.status === 0;
}

interface Parts {
  main?: string;
  events?: string;
  http?: string;
}

/** A whole config whose fixed parts are known to pass `nginx -t` on their own. */
function wrap(dir: string, parts: Parts): string {
  return [
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    parts.main ?? '',
    'events {',
    parts.events ?? '',
    '}',
    'http {',
    '    access_log off;',
    `    client_body_temp_path ${dir}/body;`,
    `    proxy_temp_path ${dir}/proxy;`,
    `    fastcgi_temp_path ${dir}/fastcgi;`,
    `    uwsgi_temp_path ${dir}/uwsgi;`,
    `    scgi_temp_path ${dir}/scgi;`,
    parts.http ?? '',
    '}',
    '',
  ].join('\n');
}

/** A valid value for each directive nginx rejects twice, and the block to put it in. */
const DUPLICATE_SAMPLES: Record<string, { where: keyof Parts | 'location'; line: string }> = {
  pid: { where: 'main', line: 'pid /tmp/other.pid;' },
  worker_processes: { where: 'main', line: 'worker_processes 1;' },
  user: { where: 'main', line: 'user nobody;' },
  daemon: { where: 'main', line: 'daemon off;' },
  master_process: { where: 'main', line: 'master_process on;' },
  worker_rlimit_nofile: { where: 'main', line: 'worker_rlimit_nofile 1024;' },
  events: { where: 'main', line: 'events {}' },
  http: { where: 'main', line: 'http {}' },
  worker_connections: { where: 'events', line: 'worker_connections 512;' },
  multi_accept: { where: 'events', line: 'multi_accept on;' },
  use: { where: 'events', line: 'use epoll;' },
  server_tokens: { where: 'http', line: 'server_tokens off;' },
  sendfile: { where: 'http', line: 'sendfile on;' },
  tcp_nopush: { where: 'http', line: 'tcp_nopush on;' },
  tcp_nodelay: { where: 'http', line: 'tcp_nodelay on;' },
  keepalive_timeout: { where: 'http', line: 'keepalive_timeout 10;' },
  keepalive_requests: { where: 'http', line: 'keepalive_requests 100;' },
  client_max_body_size: { where: 'http', line: 'client_max_body_size 1m;' },
  client_body_timeout: { where: 'http', line: 'client_body_timeout 10;' },
  send_timeout: { where: 'http', line: 'send_timeout 10;' },
  root: { where: 'http', line: 'root /srv;' },
  autoindex: { where: 'http', line: 'autoindex off;' },
  gzip: { where: 'http', line: 'gzip on;' },
  default_type: { where: 'http', line: 'default_type text/plain;' },
  charset: { where: 'http', line: 'charset utf-8;' },
  ssl_ciphers: { where: 'http', line: 'ssl_ciphers HIGH;' },
  ssl_prefer_server_ciphers: { where: 'http', line: 'ssl_prefer_server_ciphers on;' },
  ssl_session_timeout: { where: 'http', line: 'ssl_session_timeout 5m;' },
  absolute_redirect: { where: 'http', line: 'absolute_redirect off;' },
  port_in_redirect: { where: 'http', line: 'port_in_redirect off;' },
  server_name_in_redirect: { where: 'http', line: 'server_name_in_redirect off;' },
  underscores_in_headers: { where: 'http', line: 'underscores_in_headers on;' },
  large_client_header_buffers: { where: 'http', line: 'large_client_header_buffers 4 8k;' },
  types_hash_max_size: { where: 'http', line: 'types_hash_max_size 2048;' },
  proxy_buffering: { where: 'http', line: 'proxy_buffering on;' },
  proxy_read_timeout: { where: 'http', line: 'proxy_read_timeout 10;' },
  proxy_connect_timeout: { where: 'http', line: 'proxy_connect_timeout 10;' },
  proxy_http_version: { where: 'http', line: 'proxy_http_version 1.1;' },
  alias: { where: 'location', line: 'alias /srv/;' },
  try_files: { where: 'location', line: 'try_files $uri =404;' },
  proxy_pass: { where: 'location', line: 'proxy_pass http://127.0.0.1:9;' },
};

function duplicateCase(name: string): Parts {
  const { where, line } = DUPLICATE_SAMPLES[name];
  if (where === 'location') return { http: `server {\n    location /x/ {\n        ${line}\n        ${line}\n    }\n}` };
  // pid, events and http are already in the wrapper once.
  const twice = ['pid', 'events', 'http'].includes(name) ? line : `${line}\n${line}`;
  return { [where]: twice };
}

/** Hand-written http-level bodies: [name, body]. Valid and invalid mixed. */
const HTTP_CASES: [string, string][] = [
  ['plain server', 'server {\n    listen 127.0.0.1:8080;\n    server_name a.test;\n    location / { return 204; }\n}'],
  ['glued braces', 'server{listen 8081;location /{return 204;}}'],
  ['quoted regex with repetition', 'server { location ~ "^/v[0-9]{2}/" { return 204; } }'],
  ['unquoted regex with repetition', 'server { location ~ ^/v[0-9]{2}/ { return 204; } }'],
  ['template-like variable braces', 'server { set $a "x"; set $b ${a}; return 200 "${b}"; }'],
  ['if with quoted operand', 'server { location / { if ($request_method = "POST") { return 405; } } }'],
  ['escapes in strings', 'server { location / { return 200 "a\\"b\\\\c\\n"; } }'],
  ['single quotes', "log_format x '$remote_addr \"$request\"';"],
  ['multi-line log_format', "log_format main '$remote_addr - $remote_user'\n                '\"$request\" $status';"],
  ['comment after a word', 'server { listen 8082; # comment with { and ;\n}'],
  ['hash inside a word', 'server { set $a a#b; return 204; }'],
  ['map entries', 'map $uri $m {\n    default 0;\n    ~^/a 1;\n    /b 2;\n}'],
  ['types entries', 'types {\n    text/html html htm;\n    application/json json;\n}'],
  ['split_clients entries', 'split_clients $remote_addr $variant {\n    50% one;\n    * two;\n}'],
  ['geo entries', 'geo $g {\n    default 0;\n    10.0.0.0/8 1;\n}'],
  ['upstream servers', 'upstream app {\n    server 127.0.0.1:3000;\n    keepalive 8;\n}'],
  ['nested locations and if', 'server { location /a/ { location /a/b/ { if ($arg_x) { return 403; } } } }'],
  ['missing ; before }', 'server { location / { return 204 } }'],
  ['missing ; before next directive', 'server {\n    listen 8083\n    server_name a.test;\n}'],
  ['missing } at the end', 'server {\n    location / {\n        return 204;\n    }'],
  ['extra }', 'server { return 204; } }'],
  ['unterminated string', 'server { return 200 "oops; }'],
  ['text glued to closing quote', 'server { add_header X-A "a"b; }'],
  ['server without {', 'server;'],
  ['listen with a block', 'server { listen 8084 { } }'],
  ['stray ;', 'server { ; }'],
  ['stray {', 'server { { } }'],
  ['duplicate location', 'server { location /a { return 204; } location /a { return 204; } }'],
  ['prefix and ^~ on one path', 'server { location /a { return 204; } location ^~ /a { return 204; } }'],
  ['exact and prefix on one path', 'server { location = /a { return 204; } location /a { return 204; } }'],
  ['two identical regex locations', 'server { location ~ ^/a { return 204; } location ~ ^/a { return 204; } }'],
  ['same directive in nested blocks', 'server_tokens off;\nserver { server_tokens off; location / { server_tokens off; } }'],
  ['repeated list directives', 'server { listen 8085; listen 8086; add_header A a; add_header B b; }'],
];

// --- generated cases: valid configs, then one mutation each -------------------------------

/** Directives whose arity makes nginx reject them when merged with the next line. */
const LEAVES = ['listen 127.0.0.1:PORT;', 'root /srv;', 'return 204;', 'client_max_body_size 1m;', 'add_header X-A "a b";', 'expires 1h;', 'autoindex off;'];

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function generateServer(next: () => number, port: number): string {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const lines = ['server {', `    listen 127.0.0.1:${port};`];
  const locations = 1 + Math.floor(next() * 3);
  for (let l = 0; l < locations; l++) {
    lines.push(`    location /p${port}x${l}/ {`);
    const used = new Set<string>();
    for (let d = 0; d < 1 + Math.floor(next() * 3); d++) {
      const leaf = pick(LEAVES.slice(1));
      if (used.has(leaf)) continue; // several of them reject duplicates
      used.add(leaf);
      lines.push(`        ${leaf}`);
    }
    lines.push('    }');
  }
  lines.push('}');
  return lines.join('\n');
}

type Mutation = (text: string, next: () => number) => string | undefined;

function replaceNth(text: string, char: string, next: () => number, by: string): string | undefined {
  const positions: number[] = [];
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) positions.push(i);
  if (!positions.length) return undefined;
  const at = positions[Math.floor(next() * positions.length)];
  return text.slice(0, at) + by + text.slice(at + 1);
}

const MUTATIONS: [string, Mutation][] = [
  ['none', (text) => text],
  ['drop a ;', (text, next) => replaceNth(text, ';', next, '')],
  ['drop a }', (text, next) => replaceNth(text, '}', next, '')],
  ['drop a {', (text, next) => replaceNth(text, '{', next, '')],
  ['double a }', (text, next) => replaceNth(text, '}', next, '}\n}')],
  ['drop a closing quote', (text) => (text.includes('b";') ? text.replace('b";', 'b;') : undefined)],
  ['repeat root', (text) => (text.includes('root /srv;') ? text.replace('root /srv;', 'root /srv;\n        root /srv;') : undefined)],
];

describe('nginx parser vs nginx -t', function () {
  this.timeout(120_000);
  if (!nginxAvailable()) {
    console.log('      nginx-oracle: skipped, nginx is not on PATH');
    return;
  }

  let dir = '';
  let counter = 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-nginx-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function nginxAccepts(config: string): { ok: boolean; output: string } {
    const file = join(dir, `case-${counter++}.conf`);
    writeFileSync(file, config);
    const result = spawnSync('nginx', ['-t', '-q', '-p', `${dir}/`, '-c', file], { encoding: 'utf8' });
    return { ok: result.status === 0, output: `${result.stderr}${result.stdout}`.trim() };
  }

  /** Asserts agreement; returns whether nginx accepted the config. */
  function agree(config: string): boolean {
    const nginx = nginxAccepts(config);
    const ours = parseNginx(config).problems;
    const detail = `\n--- config ---\n${config}\n--- nginx ---\n${nginx.output || '(ok)'}\n--- shipshape ---\n${ours.map((p) => `${p.range.start.line + 1}: ${p.message}`).join('\n') || '(ok)'}`;
    assert.strictEqual(ours.length > 0, !nginx.ok, `nginx ${nginx.ok ? 'accepts' : 'rejects'} but Shipshape ${ours.length ? 'reports' : 'does not'}${detail}`);
    return nginx.ok;
  }

  it('the wrapper itself passes nginx -t (otherwise every case below is meaningless)', () => {
    const result = nginxAccepts(wrap(dir, {}));
    assert.ok(result.ok, result.output);
  });

  for (const [name, body] of HTTP_CASES) {
    it(`agrees on: ${name}`, () => agree(wrap(dir, { http: body })));
  }

  it('agrees that every directive in the duplicate list is refused twice', () => {
    const wrong: string[] = [];
    for (const name of UNIQUE_PER_BLOCK) {
      assert.ok(DUPLICATE_SAMPLES[name], `no sample for ${name}`);
      if (nginxAccepts(wrap(dir, duplicateCase(name))).ok) wrong.push(name);
      else agree(wrap(dir, duplicateCase(name)));
    }
    assert.deepStrictEqual(wrong, [], 'nginx accepts these twice: drop them from UNIQUE_PER_BLOCK');
  });

  it('agrees on generated configs with one mutation each', () => {
    const next = random(42);
    const outcomes = { accepted: 0, rejected: 0 };
    for (let n = 0; n < 120; n++) {
      const servers = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => generateServer(next, 9000 + n * 10 + i)).join('\n');
      const [, mutate] = MUTATIONS[n % MUTATIONS.length];
      const mutated = mutate(servers, next);
      if (mutated === undefined) continue;
      outcomes[agree(wrap(dir, { http: mutated })) ? 'accepted' : 'rejected']++;
    }
    // The corpus must exercise both answers, or agreement would prove little.
    assert.ok(outcomes.accepted >= 15 && outcomes.rejected >= 50, JSON.stringify(outcomes));
  });
});
