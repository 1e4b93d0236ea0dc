import type { Range, Report, Rule } from '../../types';
import type { Item, NodeContext } from '../effective';
import { serviceImage } from '../images';
import type { ComposeModel } from '../model';
import { imageIsLocal } from './image-untagged';
import { relatedUses, servicesSubject, WrittenSites } from '../sites';
import { subRange } from '../values';
import type { ImageRef } from '../../image';

/** Tags that move with every release rather than naming one. */
export const FLOATING_TAGS = new Set([
  'latest', 'stable', 'edge', 'nightly', 'dev', 'develop', 'development', 'main', 'master', 'head', 'trunk',
  'beta', 'alpha', 'rc', 'canary', 'next', 'test', 'testing', 'experimental', 'devel', 'unstable', 'current', 'lts', 'mainline', 'rolling', 'release', 'snapshot', 'preview', 'insider',
]);

export const imageLatest: Rule<ComposeModel> = {
  meta: {
    id: 'compose/image-latest',
    kind: 'compose',
    severity: 'warning',
    tier: 1,
    title: 'Image uses a floating tag',
    aliases: ['dclint:service-image-require-explicit-tag'],
    fix: 'unsafe',
    docs: {
      what:
        'Flags a service\'s `image:` whose tag floats: `latest`, and the other names that follow a release stream rather than naming a release — `stable`, `edge`, `nightly`, `dev`, `main`, `master`, `beta`, `rc`, `canary`, `next`, `lts`, `current`, `mainline`, `rolling`, … (compared case-insensitively). A digest (`image: node:lts@sha256:…`) pins the reference and is not reported. A service with `build:` is skipped: there `image:` names what Compose builds, and `:latest` is the usual local tag. So is one with `pull_policy: never` or `build`: it runs a local image (often built by a sibling service that shares an anchor), never a registry\'s.',
      why:
        'A floating tag is re-pointed at every release. The same Compose file deploys different software on different days, an unrelated restart can pull a new major version, and a scan or review of today\'s image says nothing about tomorrow\'s. Nightly and dev tags also carry untested code into what is meant to be a stable deployment.',
      example: 'services:\n  proxy:\n    image: traefik:latest\n  web:\n    image: node:lts\n',
      fixed: 'services:\n  proxy:\n    image: traefik:v3.2.1\n  web:\n    image: node:22.11.0-bookworm-slim\n',
      notes:
        'A tag that comes from an interpolation default (`image: acme/app:${TAG:-latest}`) is judged like a written one, unless `.env` beside the file sets the variable: the default is what a plain `docker compose up` deploys, on a laptop or on a server where nobody exported `TAG`. The message names the variable, and pinning the default is enough; `${TAG}` or `${TAG:?set TAG}` without a default is never reported. Besides `latest`, dclint\'s `service-image-require-explicit-tag` flags `stable`, `edge`, `test`, `nightly`, `dev`, `beta` and `canary` by default; Shipshape\'s list is longer (`unstable`, `preview`, `lts`, `main`, `rc`, …) because each of these names a stream, not a release. Pinning quick fixes (to the current digest, or the most precise tag with the same digest) query the registry when invoked and arrive with the registry integration. The finding sits on the tag itself when it is written literally; on the whole value when it comes from interpolation.',
    },
  },
  check(model) {
    const sites = new WrittenSites<{ ref: ImageRef; tag: string }>();
    for (const service of model.services) {
      if (imageIsLocal(service)) continue;
      const image = serviceImage(service);
      const tag = image?.ref.tag;
      if (!image || !tag || image.ref.digest || !FLOATING_TAGS.has(tag.toLowerCase())) continue;
      sites.add(image.entry.pair, service, image.entry, { ref: image.ref, tag });
    }
    const reports: Report[] = [];
    for (const site of sites.sites()) {
      const { ref, tag } = site.data;
      const verb = site.services.length === 1 ? 'runs' : 'run';
      const repo = ref.raw.slice(0, ref.raw.length - tag.length - 1);
      const fallback = defaultSupplying(site.services[0].context, site.item, tag);
      const where = fallback ? ` when \`${fallback.name}\` is unset${fallback.operator === ':-' ? ' or empty' : ''} (the default in \`${fallback.text}\`)` : '';
      const pin = fallback
        ? `Make the default a version (\`\${${fallback.name}${fallback.operator}<version>}\`) or a digest; deployments that set \`${fallback.name}\` are not affected.`
        : `Pin a version tag (\`${repo}:<version>\`) or a digest.`;
      reports.push({
        message: `${servicesSubject(site.services)} ${verb} \`${ref.raw}\`${where}: \`${tag}\` is re-pointed at every release, so each pull can bring different software. ${pin}`,
        range: tagRange(site.services[0].context, site.item, tag),
        related: relatedUses(site, '`image`'),
      });
    }
    return reports;
  },
};

/**
 * The `${NAME:-default}` / `${NAME-default}` whose default wrote the floating tag, when the
 * variable is not set by `.env` (so the default is what a plain `docker compose up` runs).
 */
function defaultSupplying(context: NodeContext, item: Item, tag: string): { name: string; operator: string; text: string } | undefined {
  if (typeof item.raw !== 'string' || item.raw === item.value) return undefined;
  for (const match of item.raw.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:?-)([^}$]*)\}/g)) {
    const [text, name, operator, fallback] = match;
    const set = context.lookup(name);
    if (set !== undefined && (operator === '-' || set !== '')) continue;
    if (fallback === tag || fallback.endsWith(`:${tag}`)) return { name, operator, text };
  }
  return undefined;
}

function tagRange(context: NodeContext, item: Item, tag: string): Range {
  if (typeof item.raw !== 'string' || item.raw !== item.value) return item.range;
  const text = item.raw;
  const end = text.trimEnd().length;
  const start = end - tag.length;
  if (start <= 0 || text.slice(start, end) !== tag) return item.range;
  return subRange(context, item, start, end);
}
