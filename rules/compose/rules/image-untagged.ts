import type { Report, Rule } from '../../types';
import { serviceImage } from '../images';
import type { ComposeModel, ComposeService } from '../model';
import { relatedUses, servicesSubject, WrittenSites } from '../sites';
import { composeString } from '../values';
import type { ImageRef } from '../../image';

/**
 * Whether the service's image is never pulled from a registry: `build:` makes `image:` the
 * name of the local build, and `pull_policy: never` / `build` name an image that must already
 * be local (built by a sibling service or loaded by hand). A tag there pins nothing.
 */
export function imageIsLocal(service: ComposeService): boolean {
  if (service.has('build')) return true;
  const policy = composeString(service.get('pull_policy'))?.trim().toLowerCase();
  return policy === 'never' || policy === 'build';
}

export const imageUntagged: Rule<ComposeModel> = {
  meta: {
    id: 'compose/image-untagged',
    kind: 'compose',
    severity: 'warning',
    tier: 1,
    title: 'Image without a tag',
    aliases: ['dclint:service-image-require-explicit-tag', 'cis-docker:5.28'],
    fix: 'unsafe',
    docs: {
      what:
        'Flags a service\'s `image:` that names neither a tag nor a digest (`image: redis`, `image: ghcr.io/acme/api`), after interpolation (`image: ${IMAGE:-redis}` is judged by its fallback). A service with `build:` is skipped: there `image:` names what Compose builds and tags, not something it pulls. So is one with `pull_policy: never` or `pull_policy: build`, which runs an image that is already local (typically built by a sibling service under the same name).',
      why:
        'An image without a tag means `:latest`: whatever the publisher pushed last. Two machines running the same file can run different major versions, `docker compose pull` can silently upgrade a database across an incompatible release, and a rollback has nothing to roll back to. A version tag makes deployments repeatable; a digest makes them exact and tamper-evident.',
      example: 'services:\n  cache:\n    image: redis\n',
      fixed: 'services:\n  cache:\n    image: redis:7.4-alpine\n',
      notes:
        'Pinning quick fixes (to the current digest, or to the most precise version tag) look the reference up in its registry; they arrive with the registry integration and are never run while typing. A reference Shipshape cannot resolve (`${IMAGE}` without fallback or `.env` entry) is not reported.',
    },
  },
  check(model) {
    const sites = new WrittenSites<{ ref: ImageRef }>();
    for (const service of model.services) {
      if (imageIsLocal(service)) continue;
      const image = serviceImage(service);
      if (!image || image.ref.tag || image.ref.digest) continue;
      sites.add(image.entry.pair, service, image.entry, { ref: image.ref });
    }
    const reports: Report[] = [];
    for (const site of sites.sites()) {
      const { ref } = site.data;
      const verb = site.services.length === 1 ? 'runs' : 'run';
      reports.push({
        message: `${servicesSubject(site.services)} ${verb} \`${ref.raw}\` without a tag, which means \`latest\`: every pull can bring a different version. Pin a version tag (\`${ref.raw}:<version>\`) or a digest.`,
        range: site.item.range,
        related: relatedUses(site, '`image`'),
      });
    }
    return reports;
  },
};
