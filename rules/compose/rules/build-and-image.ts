import type { Report, Rule } from '../../types';
import type { ComposeModel, Entry } from '../model';
import { composeString } from '../values';

/** `pull_policy` values that restate the default (pull when missing): they leave the question open. */
const DEFAULT_PULL = new Set(['missing', 'if_not_present']);

export const buildAndImage: Rule<ComposeModel> = {
  meta: {
    id: 'compose/build-and-image',
    kind: 'compose',
    severity: 'off',
    tier: 3,
    title: 'Service has both `build` and `image`',
    aliases: ['dclint:no-build-and-image'],
    fix: 'none',
    docs: {
      what: 'Flags a service that sets both `build` and `image` (directly or through a merged anchor), unless it also sets a `pull_policy` that decides between them (`build`, `never`, `always`, `refresh`, `daily`, `weekly`, `every_<duration>`). The finding sits on `image`.',
      why:
        'With both keys, `image` is the name Compose gives to what it builds — and also the name it pulls when `pull_policy` or `docker compose pull` asks for it. A team that means "build it here" can end up running a registry image of the same name that someone else pushed, and a team that means "pull it" silently builds locally instead. Policies that require one source of truth per service turn this on.',
      example: 'services:\n  api:\n    build: ./api\n    image: acme/api:1.4.2\n',
      fixed: 'services:\n  api:\n    build: ./api\n',
      notes:
        'Off by default: building and tagging in one step (`build` + `image`, then `docker compose push`) is a legitimate workflow. The pinning rules (`compose/image-untagged`, `compose/image-latest`) already ignore `image` on services that build. An explicit `pull_policy` says which source wins, so the service is not reported; `pull_policy: missing` (or `if_not_present`) is the default behaviour written out and is still reported, which is stricter than dclint\'s `no-build-and-image`, where any `pull_policy` silences it. A `pull_policy` written as an unresolvable `${VAR}` also silences it.',
    },
  },
  check(model) {
    const seen = new Set<Entry['pair']>();
    const reports: Report[] = [];
    for (const service of model.services) {
      const build = service.get('build');
      const image = service.get('image');
      if (!build || !image || build.value === null || image.value === null || seen.has(image.pair)) continue;
      const pull = service.get('pull_policy');
      if (pull && pull.value !== null) {
        const policy = composeString(pull);
        if (policy === undefined || !DEFAULT_PULL.has(policy.trim().toLowerCase())) continue;
      }
      seen.add(image.pair);
      reports.push({
        message: `Service \`${service.name}\` has both \`build\` and \`image\`: \`image\` becomes the tag of the local build, and a pull of that name can replace it. Keep one source for the image.`,
        range: image.keyRange,
        related: [{ range: build.keyRange, message: `\`build\` of service \`${service.name}\`` }],
      });
    }
    return reports;
  },
};
