import type { Report, Rule } from '../../types';
import { copyFroms, looksLikeImage } from '../copy-from';
import type { DockerfileModel } from '../model';

export const copyFromUnknownStage: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/copy-from-unknown-stage',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'COPY --from names no earlier stage',
    aliases: ['hadolint:DL3022'],
    fix: 'none',
    docs: {
      what:
        'Reports `COPY --from=<name>` where the name is not a stage defined earlier in the file: a typo, a stage ' +
        'defined later, or a stage index that does not exist yet. References that are clearly images (`nginx:1.27`, ' +
        '`ghcr.io/acme/tools`) and build arguments (`$STAGE`) are left alone.',
      why:
        'When the name matches no stage, BuildKit treats it as an image and tries to pull it: a typo such as ' +
        '`--from=biuld` either fails late with a confusing registry error or, worse, copies files from whatever public ' +
        'image happens to carry that name.',
      example: 'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM alpine:3.22\nCOPY --from=biuld /app /app',
      fixed: 'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM alpine:3.22\nCOPY --from=build /app /app',
      notes:
        'hadolint\'s DL3022 also flags a bare image name (`--from=nginx`); so does this rule, since such a name is ' +
        'far more often a typo than an image: write `nginx:<tag>` to copy from an image.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { stage, value, range } of copyFroms(model)) {
      if (value.includes('$') || looksLikeImage(value)) continue;
      const lower = value.toLowerCase();
      if (/^\d+$/.test(value)) {
        if (Number(value) < stage.index) continue;
        reports.push({ message: `\`--from=${value}\`: there is no stage ${value} before this one (stages count from 0).`, range });
        continue;
      }
      const earlier = model.stages.slice(0, stage.index);
      if (earlier.some((s) => s.name === lower)) continue;
      if (stage.name === lower) continue; // copy-from-own-stage reports that
      const later = model.stages.slice(stage.index + 1).find((s) => s.name === lower);
      reports.push({
        message: later
          ? `\`--from=${value}\` names a stage defined later (line ${later.from.getRange().start.line + 1}); a stage can only copy from earlier ones.`
          : `\`--from=${value}\` matches no earlier stage, so it would be pulled as the image \`${value}:latest\`. Fix the stage name, or write \`${value}:<tag>\` for an image.`,
        range,
      });
    }
    return reports;
  },
};
