import type { Instruction } from 'dockerfile-ast';
import type { BaseInfo } from '../../image';
import type { Fix, Report, Rule, TextEdit } from '../../types';
import type { DockerfileModel, Stage } from '../model';

// Containers run as root unless the image says otherwise, and root in a container is one
// kernel bug away from root on the host. Only the final stage matters: build stages never run
// in production.

const SHELL_USER = 'app';

export const userMissing: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/user-missing',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'The final stage runs as root',
    aliases: ['trivy:DS-0002', 'checkov:CKV_DOCKER_3', 'cis-docker:4.1'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports a Dockerfile whose final stage never sets `USER` (neither itself nor through the stage it is built `FROM`) ' +
        'while its base image is not known to run as a non-root user.',
      why:
        'Without `USER`, the container\'s processes run as root. A compromised process then owns the whole container ' +
        'filesystem, can install tools, and is one kernel or runtime escape away from root on the host. Running as an ' +
        'unprivileged user is the first item of the CIS Docker Benchmark (4.1) and costs a line.',
      example: 'FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]',
      fixed: 'FROM node:22-alpine\nCOPY . /app\nUSER 1000:1000\nCMD ["node", "/app/server.js"]',
      notes:
        'Unlike hadolint, only the final stage is judged: build stages may run as root. Base images known to default to a ' +
        'non-root user (distroless `:nonroot`, Chainguard, `nginx-unprivileged`, Bitnami) are accepted, and so is any image ' +
        'matching `nonRootImages` in `.shipshape.yaml`. The quick fix fits the base: `adduser -S` on Alpine, `useradd -r` ' +
        'on Debian and Ubuntu, `USER nonroot` on distroless, a numeric UID on `scratch`; it reuses a user the file already ' +
        'creates. It is marked unsafe because files the process writes must then be writable by that user.',
    },
  },
  check(model) {
    const stage = model.finalStage;
    if (!stage || stage.user || stage.baseInfo.nonRoot) return [];
    const keyword = stage.from.getInstructionRange();
    const imageName = stage.base.resolved ?? stage.base.written;
    // A base named by a build argument without a default could be anything: say what we know.
    const base = stage.base.resolved === undefined
      ? `the base image comes from a build argument (\`${imageName}\`) and is not known to run as non-root`
      : `\`${imageName}\` runs as root by default`;
    // Windows images have no root: their default account is the container administrator.
    const message =
      stage.baseInfo.family === 'windows' && stage.base.resolved !== undefined
        ? `The final stage runs as an administrator: no USER is set and \`${imageName}\` runs as ContainerAdministrator by default. Add \`USER ContainerUser\` before CMD/ENTRYPOINT.`
        : `The final stage runs as root: no USER is set and ${base}. Add a non-root USER before CMD/ENTRYPOINT.`;
    const report: Report = {
      message,
      range: keyword,
      fix: userFix(model, stage),
    };
    return [report];
  },
};

function userFix(model: DockerfileModel, stage: Stage): Fix {
  const existing = createdUser(stage);
  const lines = userLines(existing, stage);
  const title = `Run as a non-root user (${lines[lines.length - 1]})`;
  const eol = model.lines.eol;
  const anchorIndex = stage.instructions.findIndex((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
  const previous = stage.instructions[(anchorIndex < 0 ? stage.instructions.length : anchorIndex) - 1];
  const edits: TextEdit[] = [];
  let insert = lines;
  // A RUN right before the insertion point takes the user creation as one more `&&` step, so
  // the fix adds no consecutive RUN (and no layer).
  const create = lines.find((line) => line.startsWith('RUN '));
  if (create && previous && chainable(model, previous)) {
    const end = previous.getRange().end;
    const at = { line: end.line, character: model.lines.lineText(end.line).length };
    edits.push({ range: { start: at, end: at }, newText: ` ${model.escapeChar}${eol}    && ${create.slice(4)}` });
    insert = lines.filter((line) => line !== create);
  }
  if (anchorIndex >= 0) {
    const line = stage.instructions[anchorIndex].getRange().start.line;
    const indent = /^\s*/.exec(model.lines.lineText(line))![0];
    const at = { line, character: 0 };
    edits.push({ range: { start: at, end: at }, newText: insert.map((l) => indent + l + eol).join('') });
  } else {
    const end = stage.instructions[stage.instructions.length - 1].getRange().end;
    const at = { line: end.line, character: model.lines.lineText(end.line).length };
    edits.push({ range: { start: at, end: at }, newText: insert.map((l) => eol + l).join('') });
  }
  return { title, safe: false, edits };
}

/** A shell-form RUN without heredocs, whose last line can take a continuation. */
function chainable(model: DockerfileModel, instruction: Instruction): boolean {
  if (instruction.getKeyword() !== 'RUN') return false;
  const run = model.runs.find((r) => r.instruction === instruction);
  if (!run || run.execForm) return false;
  const range = instruction.getRange();
  const text = model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
  return !/<<-?\s*["']?[A-Za-z_]/.test(text) && !text.trimEnd().endsWith(model.escapeChar);
}

/** The instructions to insert, fitted to the base image family. */
function userLines(existing: CreatedUser | undefined, stage: Stage): string[] {
  // Numeric ids, so Kubernetes' runAsNonRoot and similar checks can verify the user.
  if (existing?.uid) return [`USER ${existing.uid}`];
  const info: BaseInfo = stage.baseInfo;
  // The official node images create `node` with uid/gid 1000.
  if (stage.base.image?.name === 'node' || stage.base.stage?.base.image?.name === 'node') return ['USER 1000:1000'];
  switch (info.family) {
    case 'alpine':
      return [`RUN addgroup -S -g ${UID} ${SHELL_USER} && adduser -S -u ${UID} -G ${SHELL_USER} ${SHELL_USER}`, `USER ${UID}:${UID}`];
    case 'debian':
      return [`RUN groupadd -r -g ${UID} ${SHELL_USER} && useradd -r -u ${UID} -g ${SHELL_USER} ${SHELL_USER}`, `USER ${UID}:${UID}`];
    case 'rhel':
      // ubi-minimal and ubi-micro ship without shadow-utils; OpenShift-style arbitrary UIDs work everywhere.
      return info.variant === 'ubi-minimal'
        ? ['USER 1001']
        : [`RUN groupadd -r -g ${UID} ${SHELL_USER} && useradd -r -u ${UID} -g ${SHELL_USER} ${SHELL_USER}`, `USER ${UID}:${UID}`];
    case 'distroless':
    case 'chainguard':
    case 'scratch':
      // distroless and Chainguard images define `nonroot` as 65532; scratch has no users at all.
      return ['USER 65532:65532'];
    case 'windows':
      return ['USER ContainerUser'];
    default:
      return [`USER ${UID}:${UID}`];
  }
}

const UID = 10001;

interface CreatedUser {
  name: string;
  /** The uid the file gives it (`useradd -u 1001`), when it says. */
  uid?: string;
}

const CREATE_USER = /\b(?:useradd|adduser)\b((?:\s+(?:-{1,2}[\w-]+(?:[ =](?!-)[^\s&;|]+)?|\\\s*))*)\s+([a-z_][a-z0-9_-]*)\b/gi;

/** A user the stage (or a stage it builds on) already creates with useradd/adduser. */
function createdUser(stage: Stage): CreatedUser | undefined {
  for (let s: Stage | undefined = stage; s; s = s.base.stage) {
    const runs = s.instructions.filter((i: Instruction) => i.getKeyword() === 'RUN');
    for (let r = runs.length - 1; r >= 0; r--) {
      const text = runs[r].getArgumentsContent() ?? '';
      let found: CreatedUser | undefined;
      for (const match of text.matchAll(CREATE_USER)) {
        const uid = /(?:^|\s)(?:-u|--uid)[ =](\d+)/.exec(match[1])?.[1];
        found = { name: match[2], ...(uid ? { uid } : {}) };
      }
      if (found) return found;
    }
  }
  return undefined;
}
