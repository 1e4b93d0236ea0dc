import picomatch from 'picomatch';

// Image references as Docker's distribution/reference grammar reads them:
//   [registry[:port]/]path[:tag][@algo:digest]
// The first component is a registry only if it has a `.` or `:` or is `localhost`; otherwise
// the reference is on Docker Hub and a one-component path lives under `library/`.

export interface ImageRef {
  /** The reference as written (after variable substitution). */
  raw: string;
  /** Registry host as written, or `docker.io` when implicit. */
  registry: string;
  /** Repository path without registry (`library/node`, `bitnami/redis`). */
  repository: string;
  /** The short name users think in: `node`, `bitnami/redis`, `gcr.io/distroless/static`. */
  name: string;
  tag?: string;
  digest?: string;
}

const DOCKER_HUB = 'docker.io';

export function parseImageRef(raw: string): ImageRef | undefined {
  const text = raw.trim();
  if (!text || /\s/.test(text)) return undefined;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (!rest) return undefined;
  const parts = rest.split('/');
  let registry = DOCKER_HUB;
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift()!;
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = DOCKER_HUB;
  let repository = parts.join('/').toLowerCase();
  if (registry === DOCKER_HUB && parts.length === 1) repository = `library/${repository}`;
  const name =
    registry === DOCKER_HUB ? repository.replace(/^library\//, '') : `${registry}/${repository}`;
  return { raw: text, registry, repository, name, tag: tag || undefined, digest: digest || undefined };
}

/** Whether `image` matches one of the user's glob patterns (`registry.acme.dev/base/*`). */
export function matchesImagePattern(image: ImageRef, patterns: string[]): boolean {
  if (!patterns.length) return false;
  const candidates = [image.name, `${image.registry}/${image.repository}`, image.raw];
  return patterns.some((pattern) => {
    const isMatch = picomatch(pattern, { nocase: true });
    return candidates.some((candidate) => isMatch(candidate) || isMatch(candidate.replace(/[:@].*$/, '')));
  });
}

export type BaseFamily = 'alpine' | 'debian' | 'rhel' | 'distroless' | 'chainguard' | 'scratch' | 'windows' | 'unknown';

export interface BaseInfo {
  family: BaseFamily;
  /** The image's default user is not root (distroless `:nonroot`, chainguard, nginx-unprivileged...). */
  nonRoot: boolean;
  /** A specific family member where it changes the advice (`ubi-minimal` has no useradd). */
  variant?: string;
}

const DEBIAN_TAG = /\b(?:bookworm|bullseye|buster|stretch|trixie|jessie|slim|jammy|focal|noble|bionic|xenial|oracular|plucky)\b/;
const RHEL_NAMES = /(?:^|\/)(?:ubi\d*(?:-\w+)?|centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|rhel\d*|ubi\d+\/\S+)$/;

/** Best-effort classification of a base image by name and tag, no network. */
export function classifyBase(image: ImageRef | undefined, nonRootPatterns: string[] = []): BaseInfo {
  if (!image) return { family: 'unknown', nonRoot: false };
  const name = image.name;
  const tag = (image.tag ?? '').toLowerCase();
  const userSaysNonRoot = matchesImagePattern(image, nonRootPatterns);
  const result = (family: BaseFamily, nonRoot = false, variant?: string): BaseInfo => ({
    family,
    nonRoot: nonRoot || userSaysNonRoot,
    ...(variant ? { variant } : {}),
  });

  if (name === 'scratch') return result('scratch');
  if (name.startsWith('gcr.io/distroless/') || name.includes('/distroless/')) {
    return result('distroless', /nonroot/.test(tag));
  }
  if (name.startsWith('cgr.dev/chainguard') || name.startsWith('chainguard/')) {
    // Chainguard images run as uid 65532 unless the `-dev` variant is used.
    return result('chainguard', !/-dev\b|^latest-dev$/.test(tag));
  }
  if (/nginx-unprivileged$/.test(name)) return result(/alpine/.test(tag) ? 'alpine' : 'debian', true);
  if (/^bitnami\//.test(name) && !/^bitnami\/(?:minideb|os-shell)$/.test(name)) return result('debian', true);
  if (/(?:^|\/)windows\/|servercore|nanoserver/.test(`${name}:${tag}`)) return result('windows');
  if (name === 'alpine' || name.endsWith('/alpine') || /alpine/.test(tag)) return result('alpine');
  // The official docker (dind) images are built on Alpine; their Windows tags say so.
  if (name === 'docker' && !/windows|nanoserver|servercore/.test(tag)) return result('alpine');
  if (name === 'wolfi-base' || name.endsWith('/wolfi-base')) return result('chainguard');
  if (RHEL_NAMES.test(name) || name.startsWith('registry.access.redhat.com/') || name.startsWith('registry.redhat.io/')) {
    const minimal = /(?:ubi\d*-(?:minimal|micro)|\/ubi-(?:minimal|micro))/.test(name) ? 'ubi-minimal' : undefined;
    return result('rhel', false, minimal);
  }
  if (name === 'debian' || name === 'ubuntu' || name.endsWith('/debian') || name.endsWith('/ubuntu') || DEBIAN_TAG.test(tag)) {
    return result('debian');
  }
  // Official language images without an alpine/windows tag are built on Debian.
  if (OFFICIAL_DEBIAN_BASED.has(name)) return result('debian');
  return result('unknown');
}

const OFFICIAL_DEBIAN_BASED = new Set([
  'node', 'python', 'golang', 'ruby', 'php', 'perl', 'rust', 'openjdk', 'eclipse-temurin', 'maven', 'gradle',
  'nginx', 'httpd', 'postgres', 'mysql', 'mariadb', 'redis', 'mongo', 'buildpack-deps', 'gcc', 'elixir',
  'erlang', 'haskell', 'julia', 'r-base', 'swift', 'clojure', 'groovy', 'tomcat', 'jetty', 'ghost', 'wordpress',
  'composer', 'sonarqube', 'rabbitmq', 'memcached', 'haproxy', 'traefik', 'caddy', 'mcr.microsoft.com/dotnet/sdk',
  'mcr.microsoft.com/dotnet/aspnet', 'mcr.microsoft.com/dotnet/runtime',
]);
