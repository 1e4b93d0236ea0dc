import type { Kind } from '../rules/types';

// Deterministic, realistic inputs for the benchmark: multi-stage Dockerfiles with long RUN
// chains, Compose files with many services sharing anchors, nginx configs with many servers
// and locations. Each exercises the rules (floating tags, a root final stage, privileged
// services, server_tokens on) so the measured work includes findings and fixes, not just
// parsing. The same seed always gives the same text, so runs compare.

export interface CorpusFile {
  kind: Kind;
  /** Target size; the text has at least this many lines (it ends on a whole statement). */
  lines: number;
  /** File name a user would give it (decides the kind for the engine and the CLI). */
  name: string;
  text: string;
  /** Where the keystroke benchmark types: inside a value in the middle of the file. */
  cursor: { line: number; character: number };
}

/** mulberry32: a tiny seeded PRNG, good enough to vary content reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  readonly out: string[] = [];
  cursor = { line: 0, character: 0 };
  private placed = false;
  constructor(private readonly target: number, readonly rnd: () => number) {}
  get count(): number {
    return this.out.length;
  }
  line(text = ''): void {
    this.out.push(text);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rnd() * items.length)];
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }
  /** Once past the middle, emits the typing line and remembers where its value ends. */
  typingSpot(before: string, after = ''): boolean {
    if (this.placed || this.count < this.target / 2) return false;
    this.placed = true;
    this.cursor = { line: this.count, character: before.length };
    this.line(before + after);
    return true;
  }
  text(): string {
    if (!this.placed) throw new Error(`corpus generator never reached a typing spot in ${this.count} lines`);
    return this.out.join('\n') + '\n';
  }
}

const APT_PACKAGES = [
  'ca-certificates', 'curl', 'git', 'gnupg', 'openssh-client', 'build-essential', 'pkg-config', 'libssl-dev',
  'libpq-dev', 'libffi-dev', 'zlib1g-dev', 'libxml2-dev', 'unzip', 'xz-utils', 'jq', 'tini', 'locales', 'tzdata',
  'python3', 'python3-venv', 'imagemagick', 'ffmpeg', 'postgresql-client', 'netcat-openbsd', 'procps',
];
const BUILD_BASES = ['node:22-bookworm', 'golang:1.23-bookworm', 'python:3.12-slim-bookworm', 'rust:1.82-bookworm', 'alpine:latest', 'debian:bookworm'];

export function dockerfile(lines: number, seed = 1): CorpusFile {
  const w = new Writer(lines, random(seed));
  w.line('# syntax=docker/dockerfile:1.7');
  w.line('ARG NODE_VERSION=22');
  w.line('ARG APP_HOME=/srv/app');
  let stage = 0;
  const finalLines = 14;
  while (w.count < lines - finalLines) {
    const name = `stage-${String(stage++).padStart(3, '0')}`;
    const base = w.pick(BUILD_BASES);
    w.line('');
    w.line(`# ${name}: ${base.split(':')[0]} build step`);
    w.line(`FROM ${base} AS ${name}`);
    w.line('WORKDIR /build');
    if (!w.typingSpot('ENV APP_MODE=production')) w.line(`ENV BUILD_ID=${w.int(1000, 9999)} CI=true`);
    w.line('RUN apt-get update \\');
    const packages = w.int(6, Math.min(40, Math.max(6, lines / 40)));
    for (let i = 0; i < packages; i++) w.line(`    && apt-get install -y --no-install-recommends ${w.pick(APT_PACKAGES)} \\`);
    w.line('    && rm -rf /var/lib/apt/lists/*');
    w.line(`COPY ${w.pick(['package.json', 'go.mod', 'requirements.txt', 'Cargo.toml'])} ./`);
    w.line(`RUN --mount=type=cache,target=/root/.cache ${w.pick(['npm ci', 'go mod download', 'pip install -r requirements.txt', 'cargo fetch'])}`);
    w.line('COPY . .');
    w.line(`RUN ${w.pick(['npm run build', 'go build -o /out/app ./cmd/app', 'python -m compileall .', 'cargo build --release'])} \\`);
    w.line(`    && mkdir -p /out/${name} && cp -r ./dist /out/${name}/ || true`);
  }
  // The runtime stage sets no USER, so user-missing fires on it (as in many real files).
  w.line('');
  w.line('# runtime');
  w.line('FROM debian:bookworm-slim AS runtime');
  w.line('ARG APP_HOME');
  w.line('WORKDIR ${APP_HOME}');
  w.line(`COPY --from=stage-000 /out/ ./`);
  w.line('RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tini \\');
  w.line('    && rm -rf /var/lib/apt/lists/*');
  w.line('ENV NODE_ENV=production PORT=8080');
  w.line('EXPOSE 8080');
  w.line('HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/bin/curl", "-f", "http://localhost:8080/health"]');
  w.line('ENTRYPOINT ["/usr/bin/tini", "--"]');
  w.line('CMD ["node", "dist/server.js"]');
  return { kind: 'dockerfile', lines, name: 'Dockerfile', text: w.text(), cursor: w.cursor };
}

const IMAGES = ['nginx:1.27-alpine', 'postgres:16', 'redis:7.4-alpine', 'node:22-alpine', 'python:3.12-slim', 'grafana/grafana:latest'];

export function compose(lines: number, seed = 2): CorpusFile {
  const w = new Writer(lines, random(seed));
  w.line('name: shop');
  w.line('x-logging: &default-logging');
  w.line('  driver: json-file');
  w.line('  options:');
  w.line('    max-size: "10m"');
  w.line('    max-file: "3"');
  w.line('x-service-defaults: &service-defaults');
  w.line('  restart: unless-stopped');
  w.line('  logging: *default-logging');
  w.line('  networks: [backend]');
  w.line('services:');
  let n = 0;
  const tail = 8;
  while (w.count < lines - tail) {
    const name = `svc-${String(n).padStart(3, '0')}`;
    w.line(`  ${name}:`);
    w.line('    <<: *service-defaults');
    w.line(`    image: ${n % 5 === 0 ? `registry.example.test/shop/${name}:1.${n % 9}.${n % 4}` : w.pick(IMAGES)}`);
    if (n % 3 === 0) {
      w.line('    build:');
      w.line(`      context: ./services/${name}`);
      w.line('      args:');
      w.line('        NODE_ENV: production');
    }
    w.line('    environment:');
    if (!w.typingSpot('      LOG_LEVEL: info')) w.line(`      LOG_LEVEL: ${w.pick(['info', 'debug', 'warn'])}`);
    w.line(`      DATABASE_URL: postgres://app:\${DB_PASSWORD:?set it}@db-${n % 4}:5432/app`);
    w.line(`      CACHE_URL: redis://cache:6379/${n % 16}`);
    w.line('    ports:');
    w.line(`      - "127.0.0.1:${8000 + n}:8080"`);
    w.line('    volumes:');
    w.line(`      - ./data/${name}:/var/lib/app`);
    if (n % 7 === 3) {
      // Monitoring agents are where privileged containers hide in real files.
      w.line('    privileged: true');
      w.line('    cap_add: [NET_ADMIN, SYS_PTRACE]');
      w.line('    volumes_from: []');
    }
    if (n > 0) {
      w.line('    depends_on:');
      w.line(`      svc-${String(n - 1).padStart(3, '0')}:`);
      w.line('        condition: service_healthy');
    }
    w.line('    healthcheck:');
    w.line(`      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]`);
    w.line('      interval: 30s');
    w.line('      retries: 3');
    n++;
  }
  w.line('networks:');
  w.line('  backend: {}');
  w.line('  frontend: {}');
  w.line('volumes:');
  w.line('  db-data: {}');
  w.line('secrets:');
  w.line('  db-password:');
  w.line('    file: ./secrets/db-password.txt');
  return { kind: 'compose', lines, name: 'compose.yaml', text: w.text(), cursor: w.cursor };
}

export function nginx(lines: number, seed = 3): CorpusFile {
  const w = new Writer(lines, random(seed));
  w.line('user nginx;');
  w.line('worker_processes auto;');
  w.line('events {');
  w.line('    worker_connections 4096;');
  w.line('}');
  w.line('http {');
  w.line('    include /etc/nginx/mime.types;');
  w.line('    default_type application/octet-stream;');
  w.line('    sendfile on;');
  w.line('    server_tokens on;');
  w.line('    log_format main \'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent\';');
  let n = 0;
  while (w.count < lines - 1) {
    const id = String(n).padStart(3, '0');
    w.line(`    upstream backend_${id} {`);
    w.line('        least_conn;');
    for (let i = 0; i < w.int(2, 4); i++) w.line(`        server 127.0.0.1:${9000 + n * 4 + i} max_fails=3 fail_timeout=10s;`);
    w.line('        keepalive 32;');
    w.line('    }');
    w.line('    server {');
    w.line('        listen 443 ssl;');
    if (!w.typingSpot(`        server_name shop-${id}.example.test`, ';')) w.line(`        server_name shop-${id}.example.test;`);
    w.line(`        ssl_certificate /etc/nginx/tls/shop-${id}.crt;`);
    w.line(`        ssl_certificate_key /etc/nginx/tls/shop-${id}.key;`);
    w.line('        ssl_protocols TLSv1.2 TLSv1.3;');
    w.line('        add_header Strict-Transport-Security "max-age=31536000" always;');
    w.line('        location / {');
    w.line('            try_files $uri $uri/ /index.html;');
    w.line('        }');
    for (let i = 0; i < w.int(1, 4); i++) {
      w.line(`        location /api/v${i + 1}/ {`);
      w.line(`            proxy_pass http://backend_${id};`);
      w.line('            proxy_set_header Host $host;');
      w.line('            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
      w.line(`            proxy_read_timeout ${w.pick([30, 60, 120])}s;`);
      w.line('        }');
    }
    w.line('        location ~* \\.(?:css|js|png|svg|woff2)$ {');
    w.line('            expires 30d;');
    w.line('            add_header Cache-Control "public";');
    w.line('        }');
    w.line('        location = /health {');
    w.line('            access_log off;');
    w.line('            return 200 "ok\\n";');
    w.line('        }');
    w.line('    }');
    n++;
  }
  w.line('}');
  return { kind: 'nginx', lines, name: 'nginx.conf', text: w.text(), cursor: w.cursor };
}

/**
 * The file as it is after typing `typed` at its cursor. Timed loops analyze a different text
 * each run, as an editor does: the engine caches parses by text, so analyzing one text over
 * and over would measure the cache, not the work a keystroke costs.
 */
export function edited(file: CorpusFile, typed: string): string {
  const lines = file.text.split('\n');
  const { line, character } = file.cursor;
  lines[line] = lines[line].slice(0, character) + typed + lines[line].slice(character);
  return lines.join('\n');
}

export const SIZES = [100, 1000, 10000] as const;

/** Every kind at every size. */
export function corpus(sizes: readonly number[] = SIZES): CorpusFile[] {
  return sizes.flatMap((size) => [dockerfile(size), compose(size), nginx(size)]);
}
