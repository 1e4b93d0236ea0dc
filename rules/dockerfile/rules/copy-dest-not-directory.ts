import type { Report, Rule } from '../../types';
import { copyParts, instructionArgs, instructionsOf, wordRange } from '../instruction-words';
import type { DockerfileModel } from '../model';

// With several sources the destination has to be a directory, and Docker only knows it is one
// when it ends in `/`: `COPY a b /app` fails the build.

export const copyDestNotDirectory: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/copy-dest-not-directory',
    kind: 'dockerfile',
    severity: 'error',
    tier: 2,
    title: 'Multi-source COPY destination without trailing slash',
    aliases: ['hadolint:DL3021'],
    fix: 'safe',
    docs: {
      what:
        'Reports `COPY` or `ADD` with more than one source (heredocs included) whose destination does not end with `/`.',
      why:
        'When several sources are copied, Docker requires the destination to be a directory written with a trailing ' +
        '`/`; otherwise the build stops with "When using COPY with more than one source file, the destination must be ' +
        'a directory and end with a /".',
      example: 'FROM node:22-alpine\nCOPY package.json package-lock.json /app',
      fixed: 'FROM node:22-alpine\nCOPY package.json package-lock.json /app/',
      notes:
        'The quick fix appends `/` to the destination (inside the quotes for the JSON form). It is safe: the ' +
        'instruction could not build before. A destination ending in a variable (`$APP_DIR`) is not judged, and neither ' +
        'is a single wildcard source, whose match count is only known at build time. hadolint checks only `COPY`; `ADD` ' +
        'has the same requirement and is checked too. Unlike hadolint, `.` is accepted: BuildKit, the default builder ' +
        'since Docker 23, treats it as the working directory (only the deprecated legacy builder insisted on `./`).',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const instruction of instructionsOf(model, 'COPY', 'ADD')) {
      const keyword = instruction.getKeyword();
      const args = instructionArgs(model, instruction);
      const { sources, dest } = copyParts(args);
      if (sources.length < 2 || !dest || dest.heredoc) continue;
      const value = dest.value;
      // BuildKit takes `.` (the WORKDIR) as a directory, as if written `./`.
      if (value === '.' || value.endsWith('/') || value.endsWith('\\') || /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(value)) continue;
      // Insert the slash before a closing quote (`"/app"`, JSON form) so the value gets it.
      const closing = /["']$/.test(dest.raw) ? 1 : 0;
      const at = model.lines.positionAt(dest.end - closing);
      reports.push({
        message: `${keyword} with ${sources.length} sources needs a directory destination ending in \`/\`: write \`${value}/\`.`,
        range: wordRange(model, dest),
        fix: { title: `Append \`/\` to \`${value}\``, edits: [{ range: { start: at, end: at }, newText: '/' }], safe: true },
      });
    }
    return reports;
  },
};
