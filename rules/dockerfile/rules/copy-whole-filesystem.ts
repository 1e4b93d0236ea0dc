import type { ModifiableInstruction } from 'dockerfile-ast';
import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';

export const copyWholeFilesystem: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/copy-whole-filesystem',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'COPY --from copies a whole filesystem',
    aliases: ['hadolint:DL3067'],
    fix: 'none',
    docs: {
      what: 'Reports `COPY --from=<stage> / /`: every file of another stage or image copied over the root of this one.',
      why:
        'It brings the other stage\'s package manager, shells, caches and any secret it held into the final image, ' +
        'undoing the point of a multi-stage build, and it overwrites this stage\'s system files.',
      example: 'FROM golang:1.25 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /',
      fixed: 'FROM golang:1.25 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const instruction of model.instructions) {
      if (instruction.getKeyword() !== 'COPY') continue;
      // getArguments() leaves the flags out; `--from` comes from getFlags().
      const copy = instruction as ModifiableInstruction;
      if (!copy.getFlags().some((flag) => flag.getName() === 'from')) continue;
      const paths = instruction.getArguments().map((a) => a.getValue().replace(/^["']|["']$/g, ''));
      if (paths.length < 2 || paths[paths.length - 1] !== '/' || !paths.slice(0, -1).includes('/')) continue;
      const range = instruction.getArgumentsRange();
      if (range) reports.push({ message: 'This copies the whole filesystem of another stage over this one; copy only the files the image needs.', range });
    }
    return reports;
  },
};
