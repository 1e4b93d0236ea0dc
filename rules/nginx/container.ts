import { posix } from 'path';
import { isMap, parseDocument, type Document, type Node } from 'yaml';
import { classifyBase, parseImageRef } from '../image';
import type { RuleContext } from '../types';
import type { NginxModel } from './model';

// The seam between nginx rules and the container nginx runs in. Whether `pid /var/run/…`
// or `listen 80` work depends on facts outside nginx.conf: the user the container starts as
// and whether its root filesystem is read-only. A host that links files (Compose service →
// Dockerfile → bind-mounted config) puts what it knows in `RuleContext.containerFacts`;
// without that, `deriveContainerFacts` reads what is cheap to read: this config itself (a
// `user` directive means the master runs as root) and a Dockerfile or Compose file in the
// config's folder or up to two folders above it that visibly ships this file (COPY of it or
// of its folder, a bind mount of it or of its folder).

export interface Fact<T> {
  value: T;
  /** Where the fact comes from, for messages: "compose.yaml:7 (`read_only: true`)". */
  source: string;
}

export interface ContainerFacts {
  /** nginx's master process runs as a user other than root. */
  nonRoot?: Fact<boolean>;
  /** The container's root filesystem is mounted read-only. */
  readOnlyRoot?: Fact<boolean>;
  /** Paths that stay writable: tmpfs and volume mount targets (absolute, no trailing `/`). */
  writablePaths: string[];
}

/** The rule context as the nginx rules read it: hosts may add container facts. */
export interface NginxRuleContext extends RuleContext {
  containerFacts?: ContainerFacts;
}

const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const DOCKERFILE_NAMES = ['Dockerfile', 'Containerfile'];

export function deriveContainerFacts(model: NginxModel): ContainerFacts {
  const facts: ContainerFacts = { writablePaths: [] };
  const user = model.isFragment ? undefined : model.directives.find((d) => d.name === 'user');
  if (user) {
    facts.nonRoot = { value: false, source: `the \`user\` directive on line ${user.nameRange.start.line + 1} (only a root master process can switch users)` };
  }
  const workspace = model.context.workspace;
  const file = model.path;
  let dir = posix.dirname(file);
  for (let level = 0; level < 3; level++) {
    for (const name of DOCKERFILE_NAMES) {
      const path = posix.join(dir, name);
      const text = workspace.readFile(path);
      if (text !== undefined) fromDockerfile(facts, text, path, file, model.context.config.nonRootImages);
    }
    for (const name of COMPOSE_NAMES) {
      const path = posix.join(dir, name);
      const text = workspace.readFile(path);
      if (text !== undefined) fromCompose(facts, text, path, file, model.context.config.nonRootImages);
    }
    const up = posix.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return facts;
}

/** Whether `source` (a host path) is `file` or a folder holding it. */
function covers(source: string, file: string): boolean {
  const s = source.replace(/\/+$/, '');
  return s === file || file.startsWith(`${s}/`);
}

function fromDockerfile(facts: ContainerFacts, text: string, path: string, file: string, nonRootImages: string[]): void {
  const lines = joinContinuations(text);
  let stageStart = -1;
  for (let i = 0; i < lines.length; i++) if (/^\s*FROM\s/i.test(lines[i].text)) stageStart = i;
  if (stageStart < 0) return;
  const dir = posix.dirname(path);
  const finalStage = lines.slice(stageStart);
  const ships = finalStage.some((line) => {
    const m = /^\s*(?:COPY|ADD)\s+(.*)$/i.exec(line.text);
    if (!m) return false;
    const words = m[1].split(/\s+/).filter((w) => w && !w.startsWith('--'));
    return words.slice(0, -1).some((src) => covers(posix.join(dir, src), file));
  });
  if (!ships) return;
  const base = name(path);
  const from = /^\s*FROM\s+(?:--\S+\s+)*(\S+)/i.exec(finalStage[0].text);
  const image = from ? parseImageRef(from[1]) : undefined;
  if (image && classifyBase(image, nonRootImages).nonRoot && /nginx|bitnami|chainguard/.test(image.name)) {
    facts.nonRoot = { value: true, source: `${base}:${finalStage[0].line + 1} (\`FROM ${from![1]}\` runs as a non-root user)` };
  }
  for (const line of finalStage) {
    const m = /^\s*USER\s+(\S+)/i.exec(line.text);
    if (!m) continue;
    const rootUser = /^(root|0)(:.*)?$/.test(m[1]);
    facts.nonRoot = { value: !rootUser, source: `${base}:${line.line + 1} (\`USER ${m[1]}\`)` };
  }
}

function joinContinuations(text: string): { text: string; line: number }[] {
  const raw = text.split(/\r\n|\r|\n/);
  const out: { text: string; line: number }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const start = i;
    let line = raw[i];
    while (/\\\s*$/.test(line) && i + 1 < raw.length) line = line.replace(/\\\s*$/, ' ') + raw[++i];
    out.push({ text: line, line: start });
  }
  return out;
}

function name(path: string): string {
  return posix.basename(path);
}

function fromCompose(facts: ContainerFacts, text: string, path: string, file: string, nonRootImages: string[]): void {
  let doc: Document;
  try {
    doc = parseDocument(text, { merge: true, uniqueKeys: false });
  } catch {
    return;
  }
  const services = doc.get('services');
  if (!isMap(services)) return;
  const dir = posix.dirname(path);
  const lineOf = (node: unknown): number => {
    const offset = (node as Node | undefined)?.range?.[0] ?? 0;
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
  };
  const where = (node: unknown, what: string) => `${name(path)}:${lineOf(node)} (${what})`;
  for (const pair of services.items) {
    const node = pair.value;
    if (!isMap(node)) continue;
    // Values with merge keys (`<<: *hardened`) resolved; nodes only to find the line.
    const service = node.toJS(doc) as Record<string, unknown>;
    const at = (key: string) => node.get(key, true) ?? pair.key;
    const targets: string[] = [];
    let mounts = false;
    for (const item of Array.isArray(service.volumes) ? service.volumes : []) {
      let source: string | undefined;
      let target: string | undefined;
      if (typeof item === 'string') {
        const parts = item.split(':');
        if (parts.length >= 2) [source, target] = parts;
        else target = parts[0];
      } else if (item && typeof item === 'object') {
        source = String((item as Record<string, unknown>).source ?? '');
        target = String((item as Record<string, unknown>).target ?? '');
      }
      if (target) targets.push(target.replace(/\/+$/, ''));
      if (source && (source.startsWith('.') || source.startsWith('/')) && covers(posix.join(dir, source), file)) mounts = true;
    }
    if (!mounts) continue;
    facts.writablePaths.push(...targets);
    const tmpfs = service.tmpfs;
    for (const item of Array.isArray(tmpfs) ? tmpfs : tmpfs ? [tmpfs] : []) facts.writablePaths.push(String(item).split(':')[0].replace(/\/+$/, ''));
    if (typeof service.image === 'string') {
      const ref = parseImageRef(service.image);
      if (ref && classifyBase(ref, nonRootImages).nonRoot) facts.nonRoot = { value: true, source: where(at('image'), `\`image: ${service.image}\` runs as a non-root user`) };
    }
    if (service.user !== undefined && service.user !== null && String(service.user) !== '') {
      const value = String(service.user);
      facts.nonRoot = { value: !/^(root|0)(:.*)?$/.test(value), source: where(at('user'), `\`user: ${value}\``) };
    }
    if (service.read_only === true || service.read_only === 'true') {
      facts.readOnlyRoot = { value: true, source: where(at('read_only'), '`read_only: true`') };
    }
  }
}

/** Whether `path` lies on a tmpfs or volume (`/var/cache/nginx/proxy_temp` under a `/var/cache/nginx` tmpfs). */
export function onWritableMount(facts: ContainerFacts, path: string): boolean {
  return facts.writablePaths.some((mount) => mount === '/' || path === mount || path.startsWith(`${mount}/`));
}
