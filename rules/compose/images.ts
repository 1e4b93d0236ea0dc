import { type ImageRef, parseImageRef } from '../image';
import type { Entry } from './effective';
import { fact } from './facts';
import type { ComposeService } from './model';
import { composeString } from './values';

// What Shipshape knows about well-known images, by name: which are databases and caches (and
// on which ports they listen), where their official builds must be able to write at run time,
// which capabilities their root entrypoints need before they step down to an unprivileged
// user, and which ship a HEALTHCHECK. Knowledge is keyed on the image name without tag; the
// writable paths and capabilities describe the official Docker Hub builds only (vendor
// variants such as bitnami lay out their files differently), so they apply only to those.

export type ImageRole = 'database' | 'cache' | 'search engine' | 'message broker' | 'web server';

export interface WritablePath {
  path: string;
  /** `data`: persistent state, wants a volume; the others are scratch space a tmpfs covers. */
  kind: 'data' | 'run' | 'tmp' | 'cache' | 'logs';
  /** The image declares `VOLUME` here, so Docker mounts a writable anonymous volume even on a read-only root filesystem. */
  imageVolume?: boolean;
  /** What the image writes there, for messages. */
  why: string;
}

export interface ImageFamily {
  /** The name messages use: `postgres`, `redis`. */
  family: string;
  role: ImageRole;
  /** Ports the server listens on by default. */
  ports: number[];
  /** Paths the official image writes to at start (official builds only). */
  writable?: WritablePath[];
  /** Capabilities the official image's root entrypoint needs when `cap_drop: [ALL]` is set and no `user:` is given. */
  capabilities?: string[];
}

const POSTGRES: ImageFamily = {
  family: 'postgres',
  role: 'database',
  ports: [5432],
  writable: [
    { path: '/var/lib/postgresql/data', kind: 'data', imageVolume: true, why: 'the database cluster' },
    { path: '/var/run/postgresql', kind: 'run', why: 'the socket and its lock file' },
    { path: '/tmp', kind: 'tmp', why: 'temporary files' },
  ],
  capabilities: ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETGID', 'SETUID'],
};
const MYSQL: ImageFamily = {
  family: 'mysql',
  role: 'database',
  ports: [3306, 33060],
  writable: [
    { path: '/var/lib/mysql', kind: 'data', imageVolume: true, why: 'the databases' },
    { path: '/var/run/mysqld', kind: 'run', why: 'the socket and pid file' },
    { path: '/tmp', kind: 'tmp', why: 'temporary tables' },
  ],
  capabilities: ['CHOWN', 'DAC_OVERRIDE', 'SETGID', 'SETUID'],
};
const MARIADB: ImageFamily = {
  family: 'mariadb',
  role: 'database',
  ports: [3306],
  writable: [
    { path: '/var/lib/mysql', kind: 'data', imageVolume: true, why: 'the databases' },
    { path: '/run/mysqld', kind: 'run', why: 'the socket and pid file' },
    { path: '/tmp', kind: 'tmp', why: 'temporary tables' },
  ],
  capabilities: ['CHOWN', 'DAC_OVERRIDE', 'SETGID', 'SETUID'],
};
const MONGO: ImageFamily = {
  family: 'mongo',
  role: 'database',
  ports: [27017],
  writable: [
    { path: '/data/db', kind: 'data', imageVolume: true, why: 'the databases' },
    { path: '/data/configdb', kind: 'data', imageVolume: true, why: 'the config server data' },
    { path: '/tmp', kind: 'tmp', why: 'the mongod socket' },
  ],
  capabilities: ['CHOWN', 'DAC_OVERRIDE', 'SETGID', 'SETUID'],
};
const REDIS: ImageFamily = {
  family: 'redis',
  role: 'cache',
  ports: [6379],
  writable: [{ path: '/data', kind: 'data', imageVolume: true, why: 'RDB/AOF persistence files' }],
  capabilities: ['CHOWN', 'SETGID', 'SETUID'],
};
const VALKEY: ImageFamily = { ...REDIS, family: 'valkey' };
const NGINX: ImageFamily = {
  family: 'nginx',
  role: 'web server',
  ports: [80, 443],
  writable: [
    { path: '/var/cache/nginx', kind: 'cache', why: 'the client body and proxy temp paths' },
    { path: '/var/run', kind: 'run', why: 'the pid file' },
  ],
  capabilities: ['CHOWN', 'DAC_OVERRIDE', 'NET_BIND_SERVICE', 'SETGID', 'SETUID'],
};
const NGINX_UNPRIVILEGED: ImageFamily = {
  family: 'nginx-unprivileged',
  role: 'web server',
  ports: [8080],
  writable: [{ path: '/tmp', kind: 'tmp', why: 'the pid file and temp paths' }],
};
const HTTPD: ImageFamily = {
  family: 'httpd',
  role: 'web server',
  ports: [80],
  writable: [{ path: '/usr/local/apache2/logs', kind: 'run', why: 'the pid file' }],
  capabilities: ['NET_BIND_SERVICE', 'SETGID', 'SETUID'],
};
const RABBITMQ: ImageFamily = {
  family: 'rabbitmq',
  role: 'message broker',
  ports: [5672, 15672],
  writable: [{ path: '/var/lib/rabbitmq', kind: 'data', imageVolume: true, why: 'the message store and Erlang cookie' }],
  capabilities: ['CHOWN', 'DAC_OVERRIDE', 'SETGID', 'SETUID'],
};

const db = (family: string, ports: number[], role: ImageRole = 'database'): ImageFamily => ({ family, role, ports });

/** Official (Docker Hub library) images by name. */
const OFFICIAL = new Map<string, ImageFamily>([
  ['postgres', POSTGRES],
  ['mysql', MYSQL],
  ['mariadb', MARIADB],
  ['mongo', MONGO],
  ['redis', REDIS],
  ['nginx', NGINX],
  ['httpd', HTTPD],
  ['rabbitmq', RABBITMQ],
  ['memcached', db('memcached', [11211], 'cache')],
  ['elasticsearch', db('elasticsearch', [9200, 9300], 'search engine')],
  ['cassandra', db('cassandra', [9042, 7000])],
  ['couchdb', db('couchdb', [5984])],
  ['neo4j', db('neo4j', [7474, 7687])],
  ['influxdb', db('influxdb', [8086])],
  ['percona', db('percona', [3306])],
  ['couchbase', db('couchbase', [8091, 11210])],
  ['arangodb', db('arangodb', [8529])],
  ['orientdb', db('orientdb', [2424, 2480])],
  ['zookeeper', db('zookeeper', [2181], 'database')],
]);

/** Other images, by the full name users write (registry and namespace included). */
const OTHERS = new Map<string, ImageFamily>([
  ['valkey/valkey', VALKEY],
  ['nginxinc/nginx-unprivileged', NGINX_UNPRIVILEGED],
  ['ghcr.io/nginxinc/nginx-unprivileged', NGINX_UNPRIVILEGED],
  ['postgis/postgis', { ...POSTGRES, family: 'postgis' }],
  ['timescale/timescaledb', { ...db('timescaledb', [5432]) }],
  ['pgvector/pgvector', { ...POSTGRES, family: 'pgvector' }],
  ['mysql/mysql-server', db('mysql', [3306, 33060])],
  ['container-registry.oracle.com/mysql/community-server', db('mysql', [3306, 33060])],
  ['bitnami/postgresql', db('postgresql', [5432])],
  ['bitnami/mysql', db('mysql', [3306])],
  ['bitnami/mariadb', db('mariadb', [3306])],
  ['bitnami/mongodb', db('mongodb', [27017])],
  ['bitnami/redis', db('redis', [6379], 'cache')],
  ['bitnami/valkey', db('valkey', [6379], 'cache')],
  ['bitnami/memcached', db('memcached', [11211], 'cache')],
  ['bitnami/elasticsearch', db('elasticsearch', [9200, 9300], 'search engine')],
  ['bitnami/rabbitmq', db('rabbitmq', [5672, 15672], 'message broker')],
  ['bitnami/etcd', db('etcd', [2379])],
  ['bitnami/cassandra', db('cassandra', [9042])],
  ['eqalpha/keydb', db('keydb', [6379], 'cache')],
  ['redis/redis-stack', db('redis-stack', [6379, 8001], 'cache')],
  ['redis/redis-stack-server', db('redis-stack', [6379], 'cache')],
  ['docker.dragonflydb.io/dragonflydb/dragonfly', db('dragonfly', [6379], 'cache')],
  ['docker.elastic.co/elasticsearch/elasticsearch', db('elasticsearch', [9200, 9300], 'search engine')],
  ['opensearchproject/opensearch', db('opensearch', [9200, 9600], 'search engine')],
  ['clickhouse/clickhouse-server', db('clickhouse', [8123, 9000])],
  ['clickhouse', db('clickhouse', [8123, 9000])],
  ['mcr.microsoft.com/mssql/server', db('mssql', [1433])],
  ['mcr.microsoft.com/azure-sql-edge', db('azure-sql-edge', [1433])],
  ['gvenzl/oracle-xe', db('oracle', [1521])],
  ['gvenzl/oracle-free', db('oracle', [1521])],
  ['container-registry.oracle.com/database/express', db('oracle', [1521])],
  ['cockroachdb/cockroach', db('cockroachdb', [26257, 8080])],
  ['quay.io/coreos/etcd', db('etcd', [2379])],
  ['gcr.io/etcd-development/etcd', db('etcd', [2379])],
  ['apache/cassandra', db('cassandra', [9042])],
  ['scylladb/scylla', db('scylla', [9042])],
  ['neo4j/neo4j', db('neo4j', [7474, 7687])],
  ['surrealdb/surrealdb', db('surrealdb', [8000])],
  ['qdrant/qdrant', db('qdrant', [6333, 6334])],
  ['semitechnologies/weaviate', db('weaviate', [8080])],
  ['chromadb/chroma', db('chroma', [8000])],
  ['typesense/typesense', db('typesense', [8108], 'search engine')],
  ['getmeili/meilisearch', db('meilisearch', [7700], 'search engine')],
  ['questdb/questdb', db('questdb', [9000, 8812])],
  ['apache/kafka', db('kafka', [9092], 'message broker')],
  ['bitnami/kafka', db('kafka', [9092], 'message broker')],
  ['confluentinc/cp-kafka', db('kafka', [9092], 'message broker')],
  ['nats', db('nats', [4222], 'message broker')],
  ['eclipse-mosquitto', db('mosquitto', [1883], 'message broker')],
]);

/** Images that ship a `HEALTHCHECK` of their own (so a service without `healthcheck:` is still checked). */
const WITH_HEALTHCHECK = new Set([
  'vaultwarden/server',
  'gitlab/gitlab-ce',
  'gitlab/gitlab-ee',
  'jellyfin/jellyfin',
  'pihole/pihole',
  'nextcloud/all-in-one',
  'docker.io/nextcloud/all-in-one',
  'mcr.microsoft.com/mssql/server',
  'adguard/adguardhome',
  'louislam/uptime-kuma',
  'containrrr/watchtower',
  'grafana/loki',
]);

export interface KnownImage {
  ref: ImageRef;
  family: ImageFamily;
  /** The Docker Hub library image (or a mirror of it): the layout `writable` and `capabilities` describe. */
  official: boolean;
}

/** The image a service runs: its `image:` entry and the parsed reference (undefined when absent, unresolved or unparsable). */
export function serviceImage(service: ComposeService): { entry: Entry; ref: ImageRef } | undefined {
  return fact(service, 'image', imageOf);
}

function imageOf(service: ComposeService): { entry: Entry; ref: ImageRef } | undefined {
  const entry = service.get('image');
  const text = composeString(entry);
  if (!entry || text === undefined) return undefined;
  const ref = parseImageRef(text);
  return ref ? { entry, ref } : undefined;
}

/** Knowledge about `ref`, from its name: official library images (also through mirrors that keep the `library/` path), then vendor images. */
export function knownImage(ref: ImageRef): KnownImage | undefined {
  const library = /(?:^|\/)library\/([a-z0-9._-]+)$/.exec(ref.repository);
  if (library && (ref.registry === 'docker.io' || ref.repository.includes('/library/') || ref.repository.startsWith('library/'))) {
    const family = OFFICIAL.get(library[1]);
    if (family) return { ref, family, official: true };
  }
  const other = OTHERS.get(ref.name) ?? OTHERS.get(ref.repository);
  if (other) return { ref, family: other, official: other.writable !== undefined };
  return undefined;
}

/** Knowledge about the image a service runs, or undefined. A service with `build:` runs what it builds, whatever `image:` names. */
export function serviceKnownImage(service: ComposeService): KnownImage | undefined {
  return fact(service, 'knownImage', (s) => {
    if (s.has('build')) return undefined;
    const image = serviceImage(s);
    return image ? knownImage(image.ref) : undefined;
  });
}

/**
 * Images that exist to take traffic from outside and pass it on (reverse proxies, ingress,
 * TLS terminators): the one kind of service meant to listen publicly on 80 and 443.
 */
const FRONT_PROXIES = new Set([
  'traefik',
  'caddy',
  'haproxy',
  'nginx',
  'httpd',
  'envoyproxy/envoy',
  'nginxinc/nginx-unprivileged',
  'nginxproxy/nginx-proxy',
  'jwilder/nginx-proxy',
  'jc21/nginx-proxy-manager',
  'lucaslorentz/caddy-docker-proxy',
  'linuxserver/swag',
  'bitnami/nginx',
  'openresty/openresty',
]);

/** True when the service runs a known reverse proxy image (not one it builds itself). */
export function isFrontProxy(service: ComposeService): boolean {
  if (service.has('build')) return false;
  const name = serviceImage(service)?.ref.name;
  return name !== undefined && FRONT_PROXIES.has(name);
}

export function isDataStore(image: KnownImage | undefined): boolean {
  return image !== undefined && image.family.role !== 'web server';
}

export function imageHasHealthcheck(ref: ImageRef): boolean {
  return WITH_HEALTHCHECK.has(ref.name) || WITH_HEALTHCHECK.has(`${ref.registry}/${ref.repository}`);
}

/** `/var/run` and `/run` are the same directory in every common base image (a symlink). */
export function samePath(a: string, b: string): boolean {
  return canonicalPath(a) === canonicalPath(b);
}

/** Absolute path without trailing slashes, `//` runs, `.` segments; `/var/run` as `/run`. */
export function canonicalPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  let result = `/${parts.join('/')}`;
  if (result === '/var/run' || result.startsWith('/var/run/')) result = result.slice(4);
  return result;
}

/** True when `path` is `dir` or inside it. */
export function isWithin(path: string, dir: string): boolean {
  const p = canonicalPath(path);
  const d = canonicalPath(dir);
  return d === '/' || p === d || p.startsWith(`${d}/`);
}
