import type { Report, Rule } from '../../types';
import { commands, findOption, rangeOfWord } from '../command-words';
import type { DockerfileModel, Stage } from '../model';
import { packageCommands } from '../packages';

/**
 * Whether `wget` in this stage is BusyBox's: an Alpine base that no RUN of the stage (or of the
 * stages it builds on) gives GNU wget with `apk add wget`. BusyBox wget has no `--progress`
 * option (the flag fails the build) and draws one self-overwriting progress line, not thousands.
 */
function busyboxWget(stage: Stage): boolean {
  if (stage.baseInfo.family !== 'alpine') return false;
  for (let s: Stage | undefined = stage; s; s = s.base.stage) {
    for (const run of s.runs) {
      for (const cmd of packageCommands(run.script)) {
        if (cmd.manager !== 'apk' || cmd.subName !== 'add') continue;
        if (cmd.args.some((w) => /^wget(?:$|[=~<>])/.test(w.value))) return false;
      }
    }
  }
  return true;
}

export const wgetProgress: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/wget-progress',
    kind: 'dockerfile',
    severity: 'info',
    tier: 2,
    title: 'wget without a progress setting',
    aliases: ['hadolint:DL3047'],
    fix: 'safe',
    docs: {
      what:
        'Reports `wget` without `--progress=…`, `-q`/`--quiet`, `-nv`/`--no-verbose` or a log file (`-o`, `-a`).',
      why:
        'Without a terminal, wget\'s default progress output prints a line for every few kilobytes: a large download ' +
        'buries the build log under thousands of lines and makes real errors hard to find.',
      example: 'RUN wget https://example.com/big.tar.gz',
      fixed: 'RUN wget --progress=dot:giga https://example.com/big.tar.gz',
      notes:
        'The quick fix adds `--progress=dot:giga` after `wget`; it only changes log output, so it is safe. Not reported ' +
        'in an Alpine stage that does not install GNU wget (`apk add wget`): BusyBox wget there has no `--progress` ' +
        'option, so the fix would break the build, and its progress meter is a single line anyway.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { stage, run, command, name } of commands(model)) {
      if (name !== 'wget' || busyboxWget(stage)) continue;
      const words = command.words;
      if (findOption(words, 'qoa', ['progress', 'quiet', 'no-verbose', 'output-file', 'append-output']) >= 0) continue;
      if (words.some((w) => w.value === '-nv')) continue;
      const report: Report = {
        message: '`wget` without `--progress=dot:giga` (or `-q`/`-nv`) floods the build log with progress lines.',
        range: rangeOfWord(model, run, words[0]),
      };
      if (!run.execForm) {
        const end = model.lines.positionAt(run.base + words[0].end);
        report.fix = { title: 'Add --progress=dot:giga', safe: true, edits: [{ range: { start: end, end }, newText: ' --progress=dot:giga' }] };
      }
      reports.push(report);
    }
    return reports;
  },
};
