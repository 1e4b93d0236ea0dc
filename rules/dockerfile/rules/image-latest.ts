import type { Report, Rule } from '../../types';
import { parseImageRef } from '../../image';
import { copyFroms, looksLikeImage } from '../copy-from';
import type { DockerfileModel } from '../model';

export const imageLatest: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/image-latest',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'Base image uses the `latest` tag',
    aliases: ['hadolint:DL3007', 'trivy:DS-0001', 'checkov:CKV_DOCKER_7'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports `FROM image:latest` in any stage, including a `latest` that arrives through an `ARG` default, and ' +
        '`COPY --from=image:latest`, which pulls an image just the same.',
      why:
        '`latest` is whatever the publisher pushed last. Two builds of the same Dockerfile can get different operating ' +
        'systems, runtimes and vulnerabilities, a rebuild to patch one thing silently upgrades everything else, and a ' +
        'security review of the image says nothing about the next build. A version tag makes builds repeatable; a digest ' +
        'makes them exact.',
      example: 'FROM python:latest',
      fixed: 'FROM python:3.13-slim-bookworm',
      notes:
        'A reference pinned by digest (`image:latest@sha256:…`) is exact and not reported. Pinning quick fixes that look ' +
        'up the current digest or precise version in the registry arrive with the registry integration.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      const image = stage.base.image;
      if (!image && stage.base.resolved === undefined && !stage.base.stage) {
        // `registry/${NAME}:latest`: the name is unknown, but the tag is written literally.
        const written = stage.base.written;
        const colon = written.lastIndexOf(':');
        if (colon > written.lastIndexOf('/') && !written.includes('@') && written.slice(colon + 1).toLowerCase() === 'latest') {
          const end = stage.base.range.end;
          reports.push({
            message: `\`${written}\` floats with every push: pin a version tag or a digest.`,
            range: end.line === stage.base.range.start.line ? { start: { line: end.line, character: end.character - 6 }, end } : stage.base.range,
          });
        }
        continue;
      }
      if (!image || image.digest || image.tag?.toLowerCase() !== 'latest') continue;
      const viaArg = stage.base.usesArgs ? ` (from \`${stage.base.written}\`)` : '';
      reports.push({
        message: `\`${image.raw}\`${viaArg} floats with every push: pin a version tag (\`${image.name}:<version>\`) or a digest.`,
        range: stage.base.tagRange ?? stage.base.range,
      });
    }
    // `COPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/` pulls an image just like FROM does.
    for (const from of copyFroms(model)) {
      if (!looksLikeImage(from.value) || from.value.includes('$') || model.stages.some((s) => s.name === from.value.toLowerCase())) continue;
      const image = parseImageRef(from.value);
      if (!image || image.digest || image.tag?.toLowerCase() !== 'latest') continue;
      reports.push({
        message: `\`COPY --from=${image.raw}\` copies from an image that floats with every push: pin a version tag (\`${image.name}:<version>\`) or a digest.`,
        range: from.range,
      });
    }
    return reports;
  },
};
