import type { Report, Rule } from '../../types';
import { copyParts, instructionArgs, stageInstructionsOf, wordRange } from '../instruction-words';
import type { DockerfileModel, Stage } from '../model';

// A relative COPY destination is relative to the working directory, which — without a WORKDIR
// in this Dockerfile — is whatever the base image's author chose (often `/`). A new base image
// tag can move the files.

export const copyRelativeNoWorkdir: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/copy-relative-no-workdir',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'COPY to a relative destination without WORKDIR',
    aliases: ['hadolint:DL3045'],
    fix: 'none',
    docs: {
      what:
        'Reports `COPY` or `ADD` to a relative destination (`.`, `app/`, `config.yml`) in a stage that has not set ' +
        '`WORKDIR` before it, neither itself nor in a stage it is built `FROM`.',
      why:
        'A relative destination is resolved against the working directory inherited from the base image. That is an ' +
        'undocumented detail of someone else\'s image: it differs between images, can change between tags, and readers ' +
        'of the Dockerfile cannot tell where the files land. An explicit `WORKDIR` (or an absolute destination) says it.',
      example: 'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt',
      fixed: 'FROM python:3.13-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt',
      notes:
        'Absolute destinations (`/app`, `C:\\app`, `C:/app`) and destinations starting with a variable (`$APP_HOME/`) ' +
        'are not reported. hadolint checks only `COPY`; `ADD` resolves destinations the same way and is checked too. ' +
        'Unlike hadolint, `ONBUILD COPY` is not judged: it runs in a child build, whose WORKDIR this file cannot see. ' +
        'No automatic fix: the right directory is the author\'s choice.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const workdirAtEnd = new Map<Stage, boolean>();
    for (const stage of model.stages) {
      let workdir = stage.base.stage ? workdirAtEnd.get(stage.base.stage) ?? false : false;
      for (const instruction of workdir ? [] : stageInstructionsOf(stage, 'WORKDIR', 'COPY', 'ADD')) {
        if (instruction.getKeyword() === 'WORKDIR') workdir = true;
        if (workdir) break;
        const { dest } = copyParts(instructionArgs(model, instruction));
        if (!dest || dest.heredoc || isAbsolute(dest.value)) continue;
        reports.push({
          message: `\`${dest.value}\` is relative to the base image's working directory: set \`WORKDIR\` first or use an absolute path.`,
          range: wordRange(model, dest),
        });
      }
      workdirAtEnd.set(stage, workdir);
    }
    return reports;
  },
};

function isAbsolute(dest: string): boolean {
  return dest.startsWith('/') || dest.startsWith('$') || /^[A-Za-z]:[\\/]/.test(dest) || dest.startsWith('\\');
}
