import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';

export const imageUntagged: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/image-untagged',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'Base image has no tag',
    aliases: ['hadolint:DL3006', 'checkov:CKV_DOCKER_7'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports `FROM image` written without a tag or digest, which Docker reads as `image:latest`. `scratch`, names of ' +
        'earlier stages and references whose `ARG` has no default are left alone; an `ARG` default is substituted first, ' +
        'so `ARG BASE=node` + `FROM $BASE` is reported.',
      why:
        'An untagged base is a silent `latest`: each build may pull a different operating system and runtime, so a ' +
        'rebuild meant to patch one thing can change everything, and what was reviewed is not what ships. A version tag ' +
        'makes the build repeatable; a digest makes it exact.',
      example: 'FROM node\nCOPY . /app',
      fixed: 'FROM node:22-bookworm-slim\nCOPY . /app',
      notes:
        'Like hadolint\'s DL3006, but build arguments are resolved from their defaults, and a reference whose variable ' +
        'has no default is never judged (its value is only known at build time). Pinning quick fixes that look the tag ' +
        'or digest up in the registry come with the registry integration.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      const image = stage.base.image;
      if (!image || image.tag || image.digest || image.name === 'scratch') continue;
      const viaArg = stage.base.usesArgs ? ` (from \`${stage.base.written}\`)` : '';
      reports.push({
        message: `\`${image.raw}\`${viaArg} has no tag, so it means \`${image.raw}:latest\`: pin a version tag (\`${image.name}:<version>\`) or a digest.`,
        range: stage.base.range,
      });
    }
    return reports;
  },
};
