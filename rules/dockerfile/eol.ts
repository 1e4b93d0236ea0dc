import type { ImageRef } from '../image';
import { EOL_PRODUCTS, type EolProductId, type EolRelease } from './eol-data';

// Maps a base image reference to the releases it ships (the runtime in `node:18`, the
// distribution in `debian:buster`, both in `python:3.8-slim-buster`) and judges each against
// the shipped end-of-life table. Pure string work on the tag: no network, no regex over the file.

export interface EolPart {
  product: EolProductId;
  title: string;
  release: EolRelease;
  /** The oldest release after this one that is still supported at `now` (LTS preferred for LTS). */
  successor?: EolRelease;
}

export interface EolVerdict {
  /** Parts of the image past their end of life, runtime first. */
  expired: EolPart[];
  /** A replacement reference to suggest (`python:3.11-slim-bookworm`), when one can be written. */
  suggestion?: string;
  /** Free-text advice when a line has no successor (CentOS Linux). */
  hint?: string;
}

/** Names (as `ImageRef.name` spells them) that carry each product. */
const NAMES: Record<string, EolProductId> = {};
function names(product: EolProductId, ...list: string[]): void {
  for (const name of list) NAMES[name] = product;
}
names('node', 'node', 'bitnami/node', 'cimg/node', 'circleci/node');
names('python', 'python', 'bitnami/python', 'cimg/python', 'circleci/python');
names('go', 'golang', 'bitnami/golang', 'cimg/go', 'circleci/golang');
names('alpine', 'alpine');
names('debian', 'debian');
names('ubuntu', 'ubuntu');
names('centos', 'centos', 'quay.io/centos/centos');
names('java', 'eclipse-temurin', 'openjdk', 'adoptopenjdk');
names('php', 'php', 'bitnami/php-fpm', 'cimg/php');
names('ruby', 'ruby', 'bitnami/ruby', 'cimg/ruby', 'circleci/ruby');
names('nginx', 'nginx', 'nginxinc/nginx-unprivileged', 'bitnami/nginx');
names('postgres', 'postgres', 'bitnami/postgresql', 'cimg/postgres', 'circleci/postgres');
names('redis', 'redis', 'bitnami/redis', 'cimg/redis', 'circleci/redis');
names('mysql', 'mysql', 'bitnami/mysql', 'cimg/mysql', 'circleci/mysql');

const DOTNET = /^mcr\.microsoft\.com\/dotnet\/(?:core\/)?(?:sdk|aspnet|runtime|runtime-deps)$/;
const RHEL_NAME = /(?:^|\/)(?:ubi|rhel)(\d+)(?=\/|$|-)/;
const MIRRORS = /^(?:public\.ecr\.aws\/docker\/library|mirror\.gcr\.io\/library|docker\.io\/library)\//;

function productOf(image: ImageRef): { product: EolProductId; cycle?: string } | undefined {
  const name = image.name.replace(MIRRORS, '');
  if (NAMES[name]) return { product: NAMES[name] };
  if (DOTNET.test(name)) return { product: 'dotnet' };
  const rhel = RHEL_NAME.exec(name);
  if (rhel && /^(?:registry\.access\.redhat\.com|registry\.redhat\.io|redhat)(?:\/|$)/.test(name)) {
    return { product: 'rhel', cycle: rhel[1] };
  }
  return undefined;
}

interface Located {
  release: EolRelease;
  /** Where the version token sits in the tag, to write the suggestion. */
  start: number;
  end: number;
}

function release(product: EolProductId, cycle: string): EolRelease | undefined {
  return (EOL_PRODUCTS[product].releases as EolRelease[]).find((r) => r.cycle === cycle);
}

function byCodename(product: EolProductId, codename: string): EolRelease | undefined {
  return (EOL_PRODUCTS[product].releases as EolRelease[]).find((r) => r.codename === codename);
}

/**
 * `3` in `python:3-slim`: the newest release of that major, judged only when a newer major
 * exists in the table (the line is closed: `python:2`, `php:7`, `mysql:5`).
 */
function floatingMajor(product: EolProductId, major: string): EolRelease | undefined {
  const releases = EOL_PRODUCTS[product].releases as EolRelease[];
  const own = releases.filter((r) => r.cycle.split('.')[0] === major);
  const closed = releases.some((r) => Number(r.cycle.split('.')[0]) > Number(major));
  return closed ? own[own.length - 1] : undefined;
}

/** The runtime or distribution release named at the start of the tag. */
function locateLeading(product: EolProductId, tag: string): Located | undefined {
  const lower = tag.toLowerCase();
  const numeric = /^(\d+)(?:\.(\d+))?(?:\.\d+)*/.exec(lower);
  if (numeric) {
    const [text, major, minor] = numeric;
    const end = text.length;
    let cycle: string | undefined;
    switch (product) {
      case 'node':
      case 'java':
      case 'debian':
        cycle = major;
        break;
      case 'centos':
        cycle = major;
        break;
      case 'postgres':
        cycle = Number(major) >= 10 ? major : minor !== undefined ? `${major}.${minor}` : undefined;
        break;
      case 'dotnet':
        cycle = Number(major) >= 5 ? major : minor !== undefined ? `${major}.${minor}` : undefined;
        break;
      default:
        if (minor !== undefined) cycle = `${major}.${minor}`;
        else {
          const floating = floatingMajor(product, major);
          return floating ? { release: floating, start: 0, end } : undefined;
        }
    }
    const found = cycle ? release(product, cycle) : undefined;
    return found ? { release: found, start: 0, end } : undefined;
  }
  const word = /^[a-z]+\d*/.exec(lower)?.[0];
  if (!word) return undefined;
  if (product === 'centos') {
    const centos = /^(?:centos(\d+)|(stream\d+))/.exec(word);
    const found = centos ? release('centos', centos[1] ?? centos[2]) : undefined;
    return found ? { release: found, start: 0, end: word.length } : undefined;
  }
  const found = byCodename(product, word);
  return found ? { release: found, start: 0, end: word.length } : undefined;
}

interface Distro {
  product: EolProductId;
  release: EolRelease;
  start: number;
  end: number;
  /** How the successor is written in its place. */
  write: (successor: EolRelease) => string;
}

/** The distribution named in a language image's tag: `-buster`, `-jammy`, `-alpine3.17`, `-ubi9`. */
function distroInTag(tag: string): Distro | undefined {
  const lower = tag.toLowerCase();
  let offset = 0;
  for (const token of lower.split('-')) {
    const start = offset;
    offset += token.length + 1;
    if (start === 0) continue; // the leading token is the version
    const end = start + token.length;
    const debian = byCodename('debian', token);
    if (debian) return { product: 'debian', release: debian, start, end, write: (s) => s.codename ?? s.cycle };
    const ubuntu = byCodename('ubuntu', token);
    if (ubuntu) return { product: 'ubuntu', release: ubuntu, start, end, write: (s) => s.codename ?? s.cycle };
    const alpine = /^alpine(\d+\.\d+)$/.exec(token);
    if (alpine) {
      const found = release('alpine', alpine[1]);
      if (found) return { product: 'alpine', release: found, start, end, write: (s) => `alpine${s.cycle}` };
    }
    const ubi = /^ubi(\d+)$/.exec(token);
    if (ubi) {
      const found = release('rhel', ubi[1]);
      if (found) return { product: 'rhel', release: found, start, end, write: (s) => `ubi${s.cycle}` };
    }
  }
  return undefined;
}

function isExpired(r: EolRelease, today: string): boolean {
  return r.eol !== null && r.eol <= today;
}

/** The oldest later release still supported on `today`; an LTS release gets an LTS successor if there is one. */
export function successorOf(product: EolProductId, current: EolRelease, today: string): EolRelease | undefined {
  const releases = EOL_PRODUCTS[product].releases as EolRelease[];
  const later = releases.slice(releases.indexOf(current) + 1).filter((r) => !isExpired(r, today));
  // CentOS Linux 7 and 8 are not succeeded by Stream: it is a different product.
  if (product === 'centos' && !current.cycle.startsWith('stream')) return undefined;
  if (product === 'centos') return later.find((r) => r.cycle.startsWith('stream'));
  return (current.lts && later.find((r) => r.lts)) || later[0];
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Judges an image against the table on `now`. Undefined when nothing it ships is past its end of life. */
export function judgeImage(image: ImageRef, now: Date): EolVerdict | undefined {
  const found = productOf(image);
  if (!found) return judgeDistroOnly(image, now);
  const today = isoDay(now);
  const tag = image.tag ?? '';
  const { product } = found;
  const expired: EolPart[] = [];

  let leading: Located | undefined;
  if (found.cycle) {
    const own = release(product, found.cycle);
    if (own) leading = { release: own, start: -1, end: -1 };
  } else if (tag) {
    leading = locateLeading(product, tag);
  }
  const distro = product === 'debian' || product === 'ubuntu' || product === 'alpine' || product === 'centos' ? undefined : distroInTag(tag);

  const parts: Array<{ product: EolProductId; release: EolRelease }> = [];
  if (leading) parts.push({ product, release: leading.release });
  if (distro) parts.push({ product: distro.product, release: distro.release });
  for (const part of parts) {
    if (!isExpired(part.release, today)) continue;
    expired.push({
      product: part.product,
      title: EOL_PRODUCTS[part.product].title,
      release: part.release,
      successor: successorOf(part.product, part.release, today),
    });
  }
  if (!expired.length) return undefined;

  const verdict: EolVerdict = { expired };
  if (expired.some((p) => !p.successor)) {
    verdict.hint =
      product === 'centos'
        ? 'CentOS Linux has no successor: move to a maintained RHEL rebuild (`rockylinux:9`, `almalinux:9`) or `redhat/ubi9`'
        : undefined;
    return verdict;
  }
  verdict.suggestion = suggest(image, tag, leading, distro, expired);
  return verdict;
}

/**
 * An image the table does not know (`tomcat:9.0-jre11-temurin-focal`) whose tag still names the
 * distribution it is built on, the way official images spell it: only that part is judged.
 */
function judgeDistroOnly(image: ImageRef, now: Date): EolVerdict | undefined {
  const tag = image.tag ?? '';
  const distro = tag ? distroInTag(tag) : undefined;
  const today = isoDay(now);
  if (!distro || !isExpired(distro.release, today)) return undefined;
  const expired: EolPart[] = [
    {
      product: distro.product,
      title: EOL_PRODUCTS[distro.product].title,
      release: distro.release,
      successor: successorOf(distro.product, distro.release, today),
    },
  ];
  const verdict: EolVerdict = { expired };
  if (expired[0].successor) verdict.suggestion = suggest(image, tag, undefined, distro, expired);
  return verdict;
}

function suggest(image: ImageRef, tag: string, leading: Located | undefined, distro: Distro | undefined, expired: EolPart[]): string | undefined {
  const successorFor = (product: EolProductId, r: EolRelease) => expired.find((p) => p.product === product && p.release === r)?.successor;
  if (leading && leading.start < 0) {
    // The release is in the image name (`ubi7/ubi`): rewrite the name, drop the tag.
    const next = successorFor('rhel', leading.release);
    return next ? image.name.replace(/(ubi|rhel)\d+/, `$1${next.cycle}`) : undefined;
  }
  let text = tag;
  const edits: Array<{ start: number; end: number; value: string }> = [];
  if (distro) {
    const next = successorFor(distro.product, distro.release);
    if (next) edits.push({ start: distro.start, end: distro.end, value: distro.write(next) });
  }
  if (leading) {
    const next = successorFor(productOfTag(expired, leading.release), leading.release);
    if (next) {
      const usesCodename = /^[a-z]/i.test(tag);
      let value = usesCodename && next.codename ? next.codename : next.cycle;
      // A temurin-style `8u402-b06` update suffix does not carry over to another release.
      let end = leading.end;
      if (/^u\d/.test(tag.slice(end))) {
        end = tag.indexOf('-', end) < 0 ? tag.length : tag.indexOf('-', end);
        const rest = tag.slice(end);
        if (/^-b\d+/.test(rest)) end += /^-b\d+/.exec(rest)![0].length;
      }
      if (value.startsWith('stream')) value = next.cycle;
      // .NET tags spell the release `8.0`.
      if (productOfTag(expired, leading.release) === 'dotnet' && !value.includes('.')) value = `${value}.0`;
      edits.push({ start: leading.start, end, value });
    }
  }
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.value + text.slice(edit.end);
  return text && text !== tag ? `${image.name}:${text}` : undefined;
}

function productOfTag(expired: EolPart[], r: EolRelease): EolProductId {
  return expired.find((p) => p.release === r)?.product ?? expired[0].product;
}

/** `Node.js 18`, `Debian 10 (buster)`, `Ubuntu 20.04 (focal)`. */
export function describeRelease(title: string, r: EolRelease): string {
  const cycle = r.cycle.startsWith('stream') ? `Stream ${r.cycle.slice(6)}` : r.cycle;
  return r.codename && title !== 'Node.js' ? `${title} ${cycle} (${r.codename})` : `${title} ${cycle}`;
}

/** Images whose publisher stopped updating them altogether, whatever release the tag names. */
const DEPRECATED_IMAGES: Record<string, { since: string; what: string }> = {
  openjdk: { since: '2022-07', what: 'the official `openjdk` image stopped receiving updates (only early-access builds are still published)' },
  adoptopenjdk: { since: '2021-08', what: 'AdoptOpenJDK moved to Eclipse Adoptium and its images are no longer updated' },
  'adoptopenjdk/openjdk8': { since: '2021-08', what: 'AdoptOpenJDK moved to Eclipse Adoptium and its images are no longer updated' },
  'adoptopenjdk/openjdk11': { since: '2021-08', what: 'AdoptOpenJDK moved to Eclipse Adoptium and its images are no longer updated' },
};

export interface Deprecation {
  /** Why the image gets no updates, for the message. */
  what: string;
  since: string;
  /** A maintained replacement (`eclipse-temurin:17-jdk`). */
  replacement: string;
}

/** Whether the image itself is abandoned by its publisher (`openjdk:17-jdk-slim`), not just its release. */
export function deprecatedImage(image: ImageRef, now: Date): Deprecation | undefined {
  const name = image.name.replace(MIRRORS, '');
  const entry = DEPRECATED_IMAGES[name];
  const tag = (image.tag ?? '').toLowerCase();
  if (!entry || /(?:^|[-.])ea(?:[-.]|$)|-ea-/.test(tag)) return undefined;
  let major = /^(\d+)/.exec(tag)?.[1] ?? /openjdk(\d+)$/.exec(name)?.[1];
  // Suggest a release that is itself supported: `openjdk:19` → the next Temurin LTS.
  const own = major ? release('java', major) : undefined;
  if (own && isExpired(own, isoDay(now))) major = successorOf('java', own, isoDay(now))?.cycle;
  const variant = /jre/.test(tag) ? 'jre' : 'jdk';
  return { ...entry, replacement: major ? `eclipse-temurin:${major}-${variant}` : 'eclipse-temurin' };
}
