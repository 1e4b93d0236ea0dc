import picomatch from 'picomatch';
import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';

export const registryNotTrusted: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/registry-not-trusted',
    kind: 'dockerfile',
    severity: 'off',
    tier: 2,
    title: 'Base image from a registry outside the trusted list',
    aliases: ['hadolint:DL3026', 'cis-docker:4.2'],
    fix: 'none',
    docs: {
      what:
        'When `trustedRegistries` is configured (in `.shipshape.yaml` or a `.hadolint.yaml` beside it), reports every ' +
        '`FROM` whose image comes from a registry that is not on the list. Entries may name a registry (`docker.io`, ' +
        '`ghcr.io`), a registry path (`ghcr.io/acme`) or a glob (`*.acme.dev`). Images without a registry are on `docker.io`.',
      why:
        'Base images run with the same trust as your own code. Organisations mirror and scan approved images in their ' +
        'own registries; a `FROM` that reaches elsewhere bypasses that review and the availability guarantees that come ' +
        'with it.',
      example: '# .shipshape.yaml: trustedRegistries: [registry.acme.dev]\nFROM quay.io/someone/tool:1.0',
      fixed: 'FROM registry.acme.dev/mirror/tool:1.0',
      notes:
        'Off until `trustedRegistries` is set (in `.shipshape.yaml` or `.hadolint.yaml`); setting it turns the rule on at ' +
        'error, hadolint\'s level for DL3026, unless `rules:` gives it another level. Stage names, ' +
        '`scratch` and references built from unresolvable build arguments are not judged.',
    },
  },
  check(model, context) {
    const trusted = context.config.trustedRegistries;
    if (!trusted.length) return [];
    const matchers = matchersFor(trusted);
    const reports: Report[] = [];
    for (const stage of model.stages) {
      const image = stage.base.image;
      if (!image || image.name === 'scratch') continue;
      const registry = image.registry.toLowerCase();
      const full = `${registry}/${image.repository}`;
      if (matchers.some((matches) => matches(registry, full))) continue;
      // The registry as written leads the image argument (dockerfile-ast's getRegistryRange is slow).
      const explicit = !stage.base.usesArgs && stage.base.written.toLowerCase().startsWith(`${image.registry.toLowerCase()}/`);
      const start = stage.base.range.start;
      reports.push({
        message: `\`${image.raw}\` comes from \`${registry}\`, which is not a trusted registry (${trusted.map((t) => `\`${t}\``).join(', ')}).`,
        range: explicit ? { start, end: { line: start.line, character: start.character + image.registry.length } } : stage.base.range,
      });
    }
    return reports;
  },
};

type Matcher = (registry: string, full: string) => boolean;
let cached: { key: string; matchers: Matcher[] } | undefined;

/** Compiled once per trusted list: globs are costly to build on every keystroke. */
function matchersFor(trusted: string[]): Matcher[] {
  const key = trusted.join('\n');
  if (cached?.key === key) return cached.matchers;
  const matchers = trusted.map((entry): Matcher => {
    const pattern = entry.toLowerCase().replace(/\/+$/, '');
    const glob = /[*?[{]/.test(pattern) ? picomatch(pattern, { nocase: true }) : () => false;
    return (registry: string, full: string) =>
      registry === pattern || full === pattern || full.startsWith(`${pattern}/`) || glob(registry) || glob(full);
  });
  cached = { key, matchers };
  return matchers;
}
