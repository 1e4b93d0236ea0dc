import type { Fix, Report, Rule } from '../../types';
import { insertBefore } from '../instruction-edits';
import { isRootUser, type DockerfileModel, type Stage } from '../model';
import { createdUid, createdUser, wellKnownUid } from '../users';
import { keywordOf } from '../keywords';

export const userRoot: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/user-root',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'The final stage switches to root',
    aliases: ['hadolint:DL3002', 'trivy:DS-0002', 'checkov:CKV_DOCKER_8', 'cis-docker:4.1'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports the last `USER` of the final stage when it names root: `root`, `0`, `root:<group>` or `0:<group>`, ' +
        'including a `USER root` the final stage inherits from the stage it is built `FROM`.',
      why:
        'The user in effect at the end of the final stage is the user the container runs as. Switching to root to ' +
        'install packages is fine; forgetting to switch back means every process in production runs with full control ' +
        'of the container and one escape away from the host.',
      example: 'FROM debian:bookworm\nRUN useradd -r app\nUSER root\nRUN apt-get update && apt-get install -y curl\nCMD ["app"]',
      fixed: 'FROM debian:bookworm\nRUN useradd -r app\nUSER root\nRUN apt-get update && apt-get install -y curl\nUSER app\nCMD ["app"]',
      notes:
        'Unlike hadolint\'s DL3002, only the final stage counts: a build stage may run as root. The quick fix switches ' +
        'to a user the file already creates (with `useradd`/`adduser`), or `node` on the official Node.js images, ' +
        'written as its UID when the file or the image fixes one (`USER 1000`): it ' +
        'rewrites the `USER` line when nothing after it needs root, and otherwise adds a `USER` line before ' +
        '`CMD`/`ENTRYPOINT`. It is unsafe because files the process writes must be writable by that user. Without a ' +
        'user to switch to there is no quick fix.',
    },
  },
  check(model) {
    const stage = model.finalStage;
    const user = stage?.user;
    if (!stage || !user || !isRootUser(user.value)) return [];
    const instruction = user.instruction;
    const range = instruction.getArgumentsRange() ?? instruction.getRange();
    const inherited = user.stage !== stage ? ` (inherited from stage \`${user.stage.name ?? user.stage.index}\`)` : '';
    const target = createdUser(stage) ?? (rootImageName(stage) === 'node' ? 'node' : undefined);
    const report: Report = {
      message:
        `The container runs as root: the final stage's last USER is \`${user.value}\`${inherited}. ` +
        (target ? `Switch to \`${target}\` once root is no longer needed.` : 'Create an unprivileged user and switch to it once root is no longer needed.'),
      range,
    };
    if (target) report.fix = fixFor(model, stage, target);
    return [report];
  },
};

function rootImageName(stage: Stage): string | undefined {
  let s: Stage = stage;
  while (s.base.stage) s = s.base.stage;
  return s.base.image?.name;
}

function fixFor(model: DockerfileModel, stage: Stage, name: string): Fix {
  const user = stage.user!;
  // Written as a UID when the file or the base image fixes it, so the runtime can check it is not root.
  const uid = createdUid(stage, name) ?? wellKnownUid(stage, name);
  const target = uid ?? name;
  const title = uid ? `Run as \`${name}\` (UID ${uid})` : `Run as \`${name}\``;
  const after = user.stage === stage ? stage.instructions.slice(stage.instructions.indexOf(user.instruction) + 1) : stage.instructions.slice(1);
  const needsRoot = after.some((i) => ['RUN', 'COPY', 'ADD'].includes(keywordOf(i)));
  if (user.stage === stage && !needsRoot) {
    const range = user.instruction.getArgumentsRange()!;
    return { title, safe: false, edits: [{ range, newText: target }] };
  }
  const anchor = after.find((i) => keywordOf(i) === 'CMD' || keywordOf(i) === 'ENTRYPOINT');
  if (anchor && !after.slice(after.indexOf(anchor)).some((i) => ['RUN', 'COPY', 'ADD'].includes(keywordOf(i)))) {
    return { title, safe: false, edits: [insertBefore(model, anchor, [`USER ${target}`])] };
  }
  const last = stage.instructions[stage.instructions.length - 1];
  const end = last.getRange().end.line;
  const at = { line: end, character: model.lines.lineText(end).length };
  return { title, safe: false, edits: [{ range: { start: at, end: at }, newText: `${model.lines.eol}USER ${target}` }] };
}
