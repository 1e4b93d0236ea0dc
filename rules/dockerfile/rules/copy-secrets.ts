import { posix } from 'path';
import type { Report, Rule, RuleContext } from '../../types';
import { isExcluded, readDockerIgnore, type DockerIgnore } from '../dockerignore';
import { copyParts, flag, instructionArgs, shippedStages, stageInstructionsOf, wordRange } from '../instruction-words';
import type { DockerfileModel, Stage } from '../model';
import { secretFileKind, secretPathKind } from '../secrets';
import { isGitSource, isRemoteUrl } from '../sources';

// Key and env material copied into an image is readable by everyone who can pull it, and a
// later `RUN rm` does not help: the file stays in the layer that added it. The common way in
// is not `COPY .env` but `COPY . .` with a `.dockerignore` that forgot `.env` or `.git`.

/** What must stay out of the context even when we cannot list the folder. */
const ALWAYS_CHECKED = ['.git', '.env'];

export const copySecrets: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/copy-secrets',
    kind: 'dockerfile',
    severity: 'error',
    tier: 1,
    title: 'Secrets copied into the image',
    aliases: ['cis-docker:4.10'],
    fix: 'none',
    docs: {
      what:
        'Reports `COPY`/`ADD` of key or credential material — `.env` files, SSH private keys (`id_rsa`, `id_ed25519`), ' +
        '`*.pem`/`*.key`/`*.p12` keys, `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `.aws/`, `.ssh/`, ' +
        '`.docker/config.json` — and `COPY . …` (or `*`) of the whole build context while no `.dockerignore` keeps `.git`, ' +
        '`.env` and the other secret files that are actually in the context folder out of it.',
      why:
        'Everything a `COPY` adds is stored in a layer of the image. Anyone who can pull the image can extract the ' +
        'layer, and deleting the file in a later step only hides it from the final filesystem. `.git` holds the full ' +
        'history (including secrets that were committed and removed) and often remote credentials; `.env` holds the ' +
        'application\'s passwords. A `.dockerignore` also keeps the build context small and the cache stable.',
      example: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCOPY .npmrc ./\nRUN npm ci',
      fixed:
        '# .dockerignore\n.git\n.env\n.env.*\n.npmrc\nnode_modules\n\n# Dockerfile\nFROM node:22-alpine\nWORKDIR /app\nCOPY . .\n' +
        'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
      notes:
        'The build context is taken to be the Dockerfile\'s folder; `<Dockerfile>.dockerignore` beside the Dockerfile wins ' +
        'over `<context>/.dockerignore`, as in BuildKit, and patterns follow Docker\'s rules (`**`, `!` exceptions, last ' +
        'match wins). When the folder can be listed, only files that exist are reported and the message names them; ' +
        'otherwise a missing `.dockerignore` or one that lets `.git`/`.env` through is reported. Templates such as ' +
        '`.env.example` and certificates (`cert.pem`, `ca.pem`, `fullchain.pem`) are not secrets. `COPY --from` of a ' +
        'secret file from another stage is reported too: the file lands in this image all the same. Copies into build ' +
        'stages that do not ship are reported as info: the secret still sits in the build cache, and a secret mount is ' +
        'the better tool there as well.',
    },
  },
  check(model, context) {
    const reports: Report[] = [];
    const shipped = shippedStages(model);
    let contextCheck: ContextCheck | undefined;
    for (const stage of model.stages) {
      for (const instruction of stageInstructionsOf(stage, 'COPY', 'ADD')) {
        const args = instructionArgs(model, instruction);
        if (args.words.length < 2) continue;
        const fromStage = flag(args, 'from');
        for (const source of copyParts(args).sources) {
          if (source.heredoc || source.value.includes('$') || isRemoteUrl(source.value) || isGitSource(source.value)) continue;
          const kind = secretPathKind(source.value);
          if (kind) {
            reports.push(report(stage, shipped, wordRange(model, source), `\`${source.value}\` is ${kind}: copying it stores it in an image layer${fromStage ? '' : ' that anyone with the image can read'}. Keep it out of the image and mount it for the step that needs it with \`RUN --mount=type=secret\`.`));
            continue;
          }
          if (!fromStage && isWholeContext(source.value)) {
            contextCheck ??= checkContext(context);
            if (contextCheck.message) reports.push(report(stage, shipped, wordRange(model, source), contextCheck.message));
          }
        }
      }
    }
    return reports;
  },
};

function report(stage: Stage, shipped: Set<Stage>, range: Report['range'], message: string): Report {
  if (shipped.has(stage)) return { message, range };
  return { message: `${message} (This stage does not ship, but the file stays in the build cache.)`, range, severity: 'info' };
}

/** `.`, `./`, `*`, `./*`: the whole context, dotfiles included (Docker's `*` matches them). */
function isWholeContext(source: string): boolean {
  return /^(?:\.\/?|\.\/\*|\*|\/|\/\*)$/.test(source);
}

interface ContextCheck {
  message?: string;
}

function checkContext(context: RuleContext): ContextCheck {
  const contextDir = posix.dirname(context.path);
  const ignore = readDockerIgnore(context.workspace, context.path, contextDir);
  const present = presentSecrets(context, contextDir);
  const candidates = present ?? ALWAYS_CHECKED;
  const leaking = ignore ? candidates.filter((name) => leaks(ignore, name)) : candidates;
  if (!leaking.length) return {};
  const list = leaking.map((n) => `\`${n}\``).join(', ');
  const ignoreName = ignore ? `\`${posix.basename(ignore.path)}\`` : '';
  if (present) {
    return {
      message: ignore
        ? `The whole build context is copied and ${ignoreName} does not exclude ${list}: ${leaking.length > 1 ? 'they end' : 'it ends'} up in the image. Add ${leaking.length > 1 ? 'them' : 'it'} to ${ignoreName}.`
        : `The whole build context is copied and there is no \`.dockerignore\`: ${list} ${leaking.length > 1 ? 'end' : 'ends'} up in the image. Add a \`.dockerignore\` that excludes ${leaking.length > 1 ? 'them' : 'it'}.`,
    };
  }
  return {
    message: ignore
      ? `The whole build context is copied and ${ignoreName} does not exclude ${list}: if present, ${leaking.length > 1 ? 'they end' : 'it ends'} up in the image. Add ${leaking.length > 1 ? 'them' : 'it'} to ${ignoreName}.`
      : 'The whole build context is copied and there is no `.dockerignore`: `.git`, `.env` and any other secret in the folder end up in the image. Add a `.dockerignore` that excludes them.',
  };
}

function leaks(ignore: DockerIgnore, name: string): boolean {
  // A directory leaks when anything under it gets through (`.git` excluded but `!.git/config` kept).
  return !isExcluded(ignore, name) || (name === '.git' && !isExcluded(ignore, '.git/config'));
}

/** Secret entries at the top of the context folder, or undefined when it cannot be listed. */
function presentSecrets(context: RuleContext, dir: string): string[] | undefined {
  const listDir = context.workspace.listDir;
  if (!listDir) return undefined;
  const names = listDir(dir);
  if (!names) return undefined;
  const found = new Set<string>();
  for (const name of names) {
    const base = posix.basename(name);
    if (base === '.git' || secretFileKind(base)) found.add(base);
  }
  // In-memory workspaces list files only: a folder shows up as a listable path.
  for (const folder of ['.git', '.aws', '.ssh', '.gnupg', '.kube']) {
    if (!found.has(folder) && listDir(posix.join(dir, folder))) found.add(folder);
  }
  return [...found].sort();
}
