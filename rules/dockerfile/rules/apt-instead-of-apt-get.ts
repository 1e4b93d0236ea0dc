import type { Report, Rule, TextEdit } from '../../types';
import type { DockerfileModel } from '../model';
import { runsWithTriggers } from '../onbuild';
import type { RunInstruction } from '../runs';
import type { ShellWord } from '../shell';
import { fix, packageCommands, range, replaceWord } from '../packages';

// apt is the interactive front end: its output format is not stable and it warns so on
// every use in a script. apt-get and apt-cache are the scripting interfaces.

const APT_GET = new Set([
  'install', 'remove', 'purge', 'update', 'upgrade', 'dist-upgrade', 'autoremove', 'autopurge', 'autoclean',
  'clean', 'source', 'build-dep', 'download', 'changelog', 'check', 'satisfy', 'reinstall',
]);
const APT_CACHE = new Set(['search', 'show', 'showsrc', 'policy', 'depends', 'rdepends', 'showpkg', 'madison', 'pkgnames']);

/** Appends `suffix` to the program word (`apt` → `apt-get`), inside its quotes. */
function suffixProgram(model: DockerfileModel, run: RunInstruction, word: ShellWord, suffix: string): TextEdit | undefined {
  const raw = model.text.slice(run.base + word.start, run.base + word.end);
  let end = run.base + word.end;
  if (raw.endsWith('"') || raw.endsWith("'")) end--;
  if (!model.text.slice(0, end).endsWith('apt')) return undefined;
  const p = model.lines.positionAt(end);
  return { range: { start: p, end: p }, newText: suffix };
}

export const aptInsteadOfAptGet: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/apt-instead-of-apt-get',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`apt` used in a script',
    aliases: ['hadolint:DL3027'],
    fix: 'safe',
    docs: {
      what: 'Reports `apt` commands in `RUN`; `apt-get` and `apt-cache` are the equivalents meant for scripts.',
      why:
        '`apt` is the command-line front end for people at a terminal: its output and behaviour may change between ' +
        'releases, and it prints "WARNING: apt does not have a stable CLI interface. Use with caution in scripts." on ' +
        'every build. `apt-get` (install, remove, update, ...) and `apt-cache` (search, show, policy) keep a stable ' +
        'interface, and the other rules about apt options are written for them.',
      example: 'RUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
      fixed: 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
      notes:
        'The quick fix renames the command: `apt-get` for package operations, `apt-cache` for queries, and ' +
        '`apt full-upgrade` becomes `apt-get dist-upgrade`. `apt list` and `apt edit-sources` have no scripting ' +
        'equivalent and get no fix.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const run of runsWithTriggers(model)) {
      for (const cmd of packageCommands(run.script)) {
        if (cmd.manager !== 'apt') continue;
        const sub = cmd.subName ?? '';
        let theFix;
        let instead = 'apt-get';
        if (APT_GET.has(sub)) theFix = fix('Use `apt-get`', [suffixProgram(model, run, cmd.program, '-get')], true);
        else if (sub === 'full-upgrade' && cmd.sub) {
          theFix = fix('Use `apt-get dist-upgrade`', [suffixProgram(model, run, cmd.program, '-get'), replaceWord(model, run, cmd.sub, 'dist-upgrade')], true);
        } else if (APT_CACHE.has(sub)) {
          instead = 'apt-cache';
          theFix = fix('Use `apt-cache`', [suffixProgram(model, run, cmd.program, '-cache')], true);
        }
        const what = cmd.sub ? `\`apt ${cmd.sub.value}\`` : '`apt`';
        reports.push({
          message: `${what} is meant for people at a terminal and has no stable interface for scripts: use \`${instead}\`.`,
          range: range(model, run, cmd.program),
          ...(theFix ? { fix: theFix } : {}),
        });
      }
    }
    return reports;
  },
};
