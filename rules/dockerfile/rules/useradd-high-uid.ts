import type { Report, Rule } from '../../types';
import { commands, findOption, optionValue, rangeOfWord } from '../command-words';
import type { Arg, Env, Instruction } from 'dockerfile-ast';
import { substituteArgs } from '../args';
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
      notes:
        'A UID given as a variable (`-u $APP_UID`) is judged by the default its `ARG`/`ENV` gives it, and not at all ' +
        'when that is unknown; hadolint counts the characters of the variable name instead. The quick fix adds `-l` ' +
        'right after `useradd`; it is safe, since those login records mean nothing in a container.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { run, command, name } of commands(model)) {
      if (name !== 'useradd') continue;
      const words = command.words;
      const written = optionValue(words, 'u', 'uid');
      // `-u $APP_UID`: judge the value the build gives it; an unknown value is not judged.
      const uid = written?.includes('$') ? substituteArgs(written, variablesBefore(model, run.instruction)).value : written;
      if (!uid || !/^\d+$/.test(uid) || uid.length <= 5 || findOption(words, 'l', ['no-log-init']) >= 0) continue;
      const at = words.findIndex((w, i) => i > 0 && (w.value === '-u' || w.value === '--uid' || w.value.startsWith('--uid=') || /^-u\d/.test(w.value)));
      const report: Report = {
        message: `UID ${uid === written ? uid : `${written} (${uid})`} without \`-l\` makes useradd write a huge sparse lastlog/faillog file into the layer; add \`-l\` (\`--no-log-init\`).`,
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

/** ARG and ENV values in effect before `until` in its stage (global ARG defaults for re-declared ARGs). */
function variablesBefore(model: DockerfileModel, until: Instruction): Map<string, string | undefined> {
  const globals = new Map<string, string | undefined>();
  for (const instruction of model.instructions) {
    if (instruction.getKeyword() === 'FROM') break;
    const property = instruction.getKeyword() === 'ARG' ? (instruction as Arg).getProperty() : null;
    if (property?.getName()) globals.set(property.getName(), property.getValue() ?? undefined);
  }
  const scope = new Map<string, string | undefined>();
  const stage = model.stages.find((s) => s.instructions.includes(until));
  for (const instruction of stage?.instructions ?? []) {
    if (instruction === until) break;
    const keyword = instruction.getKeyword();
    if (keyword === 'ARG') {
      const property = (instruction as Arg).getProperty();
      const name = property?.getName();
      if (name) scope.set(name, property!.getValue() ?? globals.get(name));
    } else if (keyword === 'ENV') {
      for (const property of (instruction as Env).getProperties()) {
        const value = property.getValue();
        scope.set(property.getName(), value === null ? undefined : substituteArgs(value, scope).value);
      }
    }
  }
  return scope;
}
