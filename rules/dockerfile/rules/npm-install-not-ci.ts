import type { Report, Rule } from '../../types';
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../model';
import { fix, hasFlag, packageCommands, range, replaceWord, siblingExists, stageRuns, type PkgFlag } from '../packages';

// `npm install` resolves the dependency tree again and may rewrite the lockfile; `npm ci`
// installs exactly what package-lock.json says, or fails.

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

export const npmInstallNotCi: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/npm-install-not-ci',
    kind: 'dockerfile',
    severity: 'info',
    tier: 1,
    title: '`npm install` where `npm ci` reproduces the lockfile',
    aliases: [],
    fix: 'safe',
    docs: {
      what:
        'Reports `npm install` without package arguments when the build context (the Dockerfile\'s folder) has a ' +
        '`package-lock.json` or `npm-shrinkwrap.json`, and the deprecated `--only=production` / `--production` on ' +
        '`npm install` and `npm ci`.',
      why:
        '`npm install` treats the lockfile as a hint: it re-resolves semver ranges, may install newer versions than the ' +
        'ones you tested and audited, and rewrites the lockfile inside the image. `npm ci` installs exactly the locked ' +
        'tree, fails when `package.json` and the lockfile disagree, and starts from an empty `node_modules` — the ' +
        'reproducible, supply-chain-friendly way to install in a build. `--only=production` and `--production` are ' +
        'deprecated since npm 7 in favour of `--omit=dev`, and print a warning on every build.',
      example: 'FROM node:22-alpine\nCOPY package*.json ./\nRUN npm install --only=production',
      fixed: 'FROM node:22-alpine\nCOPY package*.json ./\nRUN npm ci --omit=dev',
      notes:
        'Without a lockfile next to the Dockerfile the first check stays silent. When the lockfile exists but no ' +
        '`COPY`/`ADD` before the install can bring it into the stage (only `package.json` is copied), the finding asks ' +
        'to copy it and offers no fix, since `npm ci` without a lockfile fails. `npm install ' +
        '<package>` and `npm install -g` are left alone. The `--omit=dev` rewrite is skipped on `node` base images older ' +
        'than 15, whose npm 6 does not know `--omit`. Both quick fixes are marked safe: `npm ci` installs the same tree ' +
        '`npm install` would have installed from an up-to-date lockfile, and `--omit=dev` is what the deprecated flags mean.',
    },
  },
  check(model, context) {
    const reports: Report[] = [];
    let lockfile: string | null | undefined;
    for (const { run, stage } of stageRuns(model)) {
      for (const cmd of packageCommands(run.script)) {
        if (cmd.manager !== 'npm' || !cmd.sub || (cmd.subName !== 'install' && cmd.subName !== 'ci')) continue;
        if (cmd.subName === 'install' && !cmd.args.length && !hasFlag(cmd, 'g', 'global', 'no-package-lock') && !lockDisabled(cmd.flags)) {
          if (lockfile === undefined) lockfile = LOCKFILES.find((name) => siblingExists(context, name)) ?? null;
          if (lockfile && copiesLockfile(stage, run.instruction, lockfile)) {
            reports.push({
              message: `\`npm ${cmd.sub.value}\` may re-resolve dependencies and rewrite ${lockfile}: use \`npm ci\` to install exactly the locked versions.`,
              range: range(model, run, cmd.sub),
              fix: fix('Use `npm ci`', [replaceWord(model, run, cmd.sub, 'ci')], true),
            });
          } else if (lockfile) {
            reports.push({
              message: `\`npm ${cmd.sub.value}\` ignores the ${lockfile} of the build context, which is never copied into this stage: COPY it next to package.json and use \`npm ci\`.`,
              range: range(model, run, cmd.sub),
            });
          }
        }
        if (oldNpm(stage)) continue;
        for (const flag of cmd.flags) {
          if (!isProductionOnly(flag)) continue;
          const edit = flag.valueWord
            ? { range: range(model, run, flag.word, flag.valueWord), newText: run.execForm ? '"--omit=dev"' : '--omit=dev' }
            : replaceWord(model, run, flag.word, '--omit=dev');
          const written = flag.valueWord ? `${flag.word.value} ${flag.valueWord.value}` : flag.word.value;
          reports.push({
            message: `\`${written}\` is deprecated: use \`--omit=dev\`.`,
            range: range(model, run, flag.word, flag.valueWord ?? flag.word),
            fix: fix('Use `--omit=dev`', [edit], true),
          });
        }
      }
    }
    return reports;
  },
};

function lockDisabled(flags: PkgFlag[]): boolean {
  return flags.some((f) => f.name === 'package-lock' && /^(false|0)$/i.test(f.value ?? ''));
}

function isProductionOnly(flag: PkgFlag): boolean {
  if (!flag.long) return false;
  if (flag.name === 'only') return /^prod(uction)?$/i.test(flag.value ?? '');
  if (flag.name === 'production') return flag.value === undefined || /^true$/i.test(flag.value);
  return false;
}

/** Whether the stage's root image is `node` older than 15 (npm 6, which lacks `--omit`). */
function oldNpm(stage: Stage): boolean {
  let s: Stage = stage;
  const seen = new Set<Stage>();
  while (s.base.stage && !seen.has(s)) {
    seen.add(s);
    s = s.base.stage;
  }
  const image = s.base.image;
  if (!image || image.name !== 'node' || !image.tag) return false;
  const major = /^(\d+)/.exec(image.tag);
  return major !== null && Number(major[1]) < 15;
}

/**
 * Whether a COPY/ADD before `until`, in the stage or the stages it builds on, can bring the
 * lockfile into the image: a source named like it (`package-lock.json`, `package*.json`,
 * `*.json`) or a whole folder (`.`, `app/`).
 */
function copiesLockfile(stage: Stage, until: Instruction, lockfile: string): boolean {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.base.stage) chain.unshift(s);
  for (const s of chain) {
    for (const instruction of s.instructions) {
      if (instruction === until) return false;
      const keyword = instruction.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const sources = copySources(instruction);
      if (sources.some((source) => mayHoldLockfile(source, lockfile))) return true;
    }
  }
  return false;
}

function copySources(instruction: Instruction): string[] {
  const content = (instruction.getArgumentsContent() ?? '').trim();
  let values: string[];
  if (content.startsWith('[')) {
    try {
      values = JSON.parse(content.replace(/\\\r?\n/g, '')) as string[];
    } catch {
      values = [];
    }
  } else {
    values = instruction.getArguments().map((a) => a.getValue());
  }
  return values.filter((v) => !v.startsWith('--')).slice(0, -1);
}

function mayHoldLockfile(source: string, lockfile: string): boolean {
  const path = source.replace(/\/+$/, '');
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (source.endsWith('/') || base === '' || base === '.' || base === '..' || (!base.includes('.') && !/[*?[]/.test(base))) return true;
  if (/[$]/.test(base)) return true;
  const glob = new RegExp(`^${base.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return glob.test(lockfile);
}
