import type { Report, Rule } from '../../types';
import { commands, findOption, optionValue, rangeOfWord } from '../command-words';
import type { DockerfileModel } from '../model';

export const useraddHighUid: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/useradd-high-uid',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'useradd with a high UID and without -l',
    aliases: ['hadolint:DL3046'],
    fix: 'safe',
    docs: {
      what: '`useradd -u <uid>` with a UID of six digits or more, without `-l`/`--no-log-init`.',
      why:
        '`useradd` records each user in the lastlog and faillog databases, which are sparse files indexed by UID. ' +
        'Docker layers do not keep files sparse, so a UID like 100000000 writes gigabytes of zeros into the image.',
      example: 'RUN useradd -u 123456789 app',
      fixed: 'RUN useradd -l -u 123456789 app',
      notes: 'The quick fix adds `-l` right after `useradd`; it is safe, since those login records mean nothing in a container.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { run, command, name } of commands(model)) {
      if (name !== 'useradd') continue;
      const words = command.words;
      const uid = optionValue(words, 'u', 'uid');
      if (!uid || uid.length <= 5 || findOption(words, 'l', ['no-log-init']) >= 0) continue;
      const at = words.findIndex((w, i) => i > 0 && (w.value === '-u' || w.value === '--uid' || w.value.startsWith('--uid=') || /^-u\d/.test(w.value)));
      const report: Report = {
        message: `UID ${uid} without \`-l\` makes useradd write a huge sparse lastlog/faillog file into the layer; add \`-l\` (\`--no-log-init\`).`,
        range: rangeOfWord(model, run, words[at] ?? words[0], words[at]?.value.includes(uid) ? words[at] : words[at + 1] ?? words[at]),
      };
      if (!run.execForm) {
        const end = model.lines.positionAt(run.base + words[0].end);
        report.fix = { title: 'Add -l', safe: true, edits: [{ range: { start: end, end }, newText: ' -l' }] };
      }
      reports.push(report);
    }
    return reports;
  },
};
