import type { Fix, Report, Rule } from '../../types';
import { instructionArgs, stageInstructionsOf, type InstructionArgs } from '../instruction-words';
import type { DockerfileModel, Stage } from '../model';

// `CMD node server.js` runs `/bin/sh -c "node server.js"`: the shell is PID 1, and `docker
// stop`'s SIGTERM goes to the shell, which does not pass it on — the app is killed after the
// grace period instead of shutting down cleanly. The JSON form runs the program directly.

/** Words that pass to an exec-form array unchanged: no quoting, expansion, globbing or operators. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
const POSIX_SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash|ksh|mksh|zsh|busybox)$/;
/** Shell builtins and keywords: no binary of that name exists to exec. */
const BUILTINS = new Set([
  'cd', 'export', 'set', 'unset', 'source', '.', 'eval', 'ulimit', 'umask', 'trap', 'wait', 'alias', 'if', 'for', 'while',
  'until', 'case', 'function', 'read', 'shift', 'return', 'exit', 'declare', 'local', 'readonly', 'let', 'type', 'command',
]);

export const cmdShellForm: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/cmd-shell-form',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'CMD or ENTRYPOINT in shell form',
    aliases: ['hadolint:DL3025'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports `CMD` and `ENTRYPOINT` written in shell form (`CMD node server.js`) instead of JSON notation ' +
        '(`CMD ["node", "server.js"]`), including a JSON attempt that is not valid JSON (`CMD [\'node\', \'a.js\']`), ' +
        'which Docker silently runs as a shell command.',
      why:
        'The shell form wraps the command in `/bin/sh -c`. The shell becomes PID 1 and does not forward signals, so ' +
        '`docker stop` cannot ask the application to shut down gracefully and kills it after the timeout. A shell-form ' +
        '`ENTRYPOINT` also ignores `CMD` and `docker run` arguments. The JSON form executes the program directly.',
      example: 'FROM node:22-alpine\nCMD node server.js',
      fixed: 'FROM node:22-alpine\nCMD ["node", "server.js"]',
      notes:
        'The quick fix converts the command when that is mechanical: every word is plain (no quotes, `$` variables, ' +
        'globs, redirections or `&&`), the program is not a shell builtin, and the stage\'s `SHELL` (if any) is a POSIX shell. A ' +
        'leading `exec` is dropped, since exec form already replaces the shell. Single-quoted pseudo-JSON is rewritten ' +
        'with double quotes. The fix is unsafe because the command no longer runs through a shell (no variable ' +
        'expansion, and an exec-form `ENTRYPOINT` starts receiving `CMD` as arguments). When the command needs a shell, ' +
        'write `CMD ["sh", "-c", "…"]` with `exec` in front of the final program, or use an entrypoint script.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      const commands = stageInstructionsOf(stage, 'CMD', 'ENTRYPOINT');
      if (!commands.length) continue;
      const customShell = customShellOf(model, stage);
      const shellChanged = customShell !== undefined;
      for (const instruction of commands) {
        const keyword = instruction.getKeyword();
        const args = instructionArgs(model, instruction);
        if (args.json || !args.words.length) continue;
        const first = args.words[0];
        const last = args.words[args.words.length - 1];
        const range = model.lines.rangeOf(first.start, last.end);
        const written = instruction.getInstruction();
        if (first.raw.startsWith('[')) {
          const fix = singleQuotedJson(model, args);
          reports.push({
            message: `This is not valid JSON (JSON strings need double quotes), so Docker runs it as a shell command: write \`${written} ["…", "…"]\`.`,
            range,
            ...(fix ? { fix } : {}),
          });
          continue;
        }
        const fix = shellChanged || model.escapeChar !== '\\' ? undefined : execForm(model, args, written);
        reports.push({
          message: `${keyword} in shell form runs under \`${customShell ?? '/bin/sh -c'}\`: the shell is PID 1 and does not pass on SIGTERM, so \`docker stop\` cannot shut the app down cleanly. Use JSON notation${fix ? `: \`${fix.title.replace(/^Use /, '')}\`` : ` (\`${written} ["program", "arg"]\`)`}.`,
          range,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return reports;
  },
};

/** The stage's `SHELL` (own or inherited) when it is something other than a POSIX shell (`powershell`). */
function customShellOf(model: DockerfileModel, stage: Stage): string | undefined {
  for (let s: Stage | undefined = stage; s; s = s.base.stage) {
    const shells = stageInstructionsOf(s, 'SHELL');
    if (!shells.length) continue;
    const program = instructionArgs(model, shells[shells.length - 1]).words[0]?.value ?? '';
    return POSIX_SHELLS.test(program) ? undefined : program || 'SHELL';
  }
  return undefined;
}

function execForm(model: DockerfileModel, args: InstructionArgs, written: string): Fix | undefined {
  let words = args.words;
  if (!words.every((w) => PLAIN_WORD.test(w.raw))) return undefined;
  if (words[0].value === 'exec') words = words.slice(1);
  if (!words.length || BUILTINS.has(words[0].value)) return undefined;
  const json = `[${words.map((w) => JSON.stringify(w.value)).join(', ')}]`;
  const first = args.words[0];
  const last = args.words[args.words.length - 1];
  return {
    title: `Use ${written} ${json}`,
    edits: [{ range: model.lines.rangeOf(first.start, last.end), newText: json }],
    safe: false,
  };
}

/** `['node', 'a.js']` → `["node", "a.js"]` when every element is a simple single-quoted string. */
function singleQuotedJson(model: DockerfileModel, args: InstructionArgs): Fix | undefined {
  const first = args.words[0];
  const last = args.words[args.words.length - 1];
  const raw = model.text.slice(first.start, last.end);
  if (raw.includes('\n') || raw.includes('\r') || raw.includes('"') || raw.includes('\\')) return undefined;
  const converted = raw.replace(/'([^']*)'/g, '"$1"');
  try {
    const value: unknown = JSON.parse(converted);
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string') || !value.length) return undefined;
  } catch {
    return undefined;
  }
  return { title: 'Use double quotes', edits: [{ range: model.lines.rangeOf(first.start, last.end), newText: converted }], safe: false };
}
