import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';

export const imageNotPinnedDigest: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/image-not-pinned-digest',
    kind: 'dockerfile',
    severity: 'off',
    tier: 3,
    title: 'Base image is not pinned by digest',
    aliases: [],
    fix: 'unsafe',
    docs: {
      what: 'Reports `FROM image:tag` without an `@sha256:` digest (untagged images are `dockerfile/image-untagged`\'s).',
      why:
        'Tags move: `node:22.11` is re-pushed for every OS patch, and a registry or account compromise can point it at ' +
        'anything. A digest names exactly one image, so builds are reproducible and a supply-chain swap cannot slip in. ' +
        'The price is that base image updates no longer arrive by themselves: pair digests with a bot that bumps them.',
      example: 'FROM node:22-alpine',
      fixed: 'FROM node:22-alpine@sha256:<digest>',
      notes:
        'Off by default: it is a policy choice (tier 3). Enable it in `.shipshape.yaml` with ' +
        '`rules: { dockerfile/image-not-pinned-digest: warning }`. `scratch`, stage names and references built from ' +
        'unresolvable build arguments are not reported. The pin-to-digest quick fix comes with the registry integration.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      const image = stage.base.image;
      if (!image || !image.tag || image.digest || image.name === 'scratch') continue;
      reports.push({
        message: `\`${image.raw}\` is pinned by tag only; add its digest (\`${image.raw}@sha256:…\`) so every build gets the same image.`,
        range: stage.base.tagRange ?? stage.base.range,
      });
    }
    return reports;
  },
};
