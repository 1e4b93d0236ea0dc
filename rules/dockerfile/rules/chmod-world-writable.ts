import type { Copy } from 'dockerfile-ast';
import type { Report, Rule } from '../../types';
import { rangeOfWord, replaceWord, unwrappedCommands } from '../command-words';
import type { ShellScript } from '../shell';
import type { DockerfileModel } from '../model';

export const chmodWorldWritable: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/chmod-world-writable',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'chmod makes files world-writable',
    aliases: [],
    fix: 'unsafe',
    docs: {
      what:
        'Reports `chmod` with a mode that lets every user write: numeric modes with the world-write bit (`777`, `666`, ' +
        '`0757`, `2777`) and symbolic clauses granting `w` to others (`o+w`, `a+w`, `a=rwx`, `go+w`). Modes with the ' +
        'sticky bit (`1777`, the `/tmp` idiom) are accepted. `COPY`/`ADD --chmod=` is judged the same way.',
      why:
        'A world-writable file or directory can be modified by any process in the container, whatever user it runs as. ' +
        'An application bug in one process becomes persistence in another: replaced binaries, rewritten configuration, ' +
        'scripts that root later runs. `777` is almost always a permissions problem solved the wrong way: give ' +
        'ownership to the user that needs to write (`COPY --chown`, `chown`).',
      example: 'RUN chmod -R 777 /app',
      fixed: 'RUN chmod -R 755 /app',
      notes:
        'The quick fix clears the group and world write bits of numeric modes (`777`→`755`, `666`→`644`) and removes ' +
        'world write from symbolic ones (`a+w`→`ug+w`, `o+rwx`→`o+rx`). It is unsafe: a process that relied on writing ' +
        'there needs ownership instead.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const run of model.runs) {
      // Reports depend on the script alone (scripts are shared across edits): skip clean ones.
      if (cleanScripts.has(run.script)) continue;
      const before = reports.length;
      for (const { command, name } of unwrappedCommands(run.script)) {
      if (name !== 'chmod') continue;
      const words = command.words;
      let mode = -1;
      for (let i = 1; i < words.length; i++) {
        const value = words[i].value;
        if (value === '--') {
          mode = i + 1;
          break;
        }
        if (value.startsWith('--')) continue;
        if (/^-[RrvcfH]+$/.test(value)) continue;
        mode = i;
        break;
      }
      const word = words[mode];
      if (!word) continue;
      const fixed = fixMode(word.value);
      if (fixed === undefined) continue;
      const report: Report = {
        message: `\`chmod ${word.value}\` lets every user in the container write here. Give ownership to the user that needs it (\`chown\`, \`COPY --chown\`) and drop world write${fixed ? ` (\`${fixed}\`)` : ''}.`,
        range: rangeOfWord(model, run, word),
      };
      if (fixed && !run.execForm) report.fix = { title: `Use mode ${fixed}`, safe: false, edits: [replaceWord(model, run, word, fixed)] };
      reports.push(report);
      }
      if (reports.length === before) cleanScripts.add(run.script);
    }
    // COPY/ADD --chmod=777 sets the same mode without a RUN.
    for (const instruction of model.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const flag = (instruction as Copy).getFlags().find((f) => f.getName().toLowerCase() === 'chmod');
      const value = flag?.getValue();
      const range = flag?.getValueRange();
      if (!value || !range) continue;
      const fixed = fixMode(value);
      if (fixed === undefined) continue;
      const report: Report = {
        message: `\`${keyword} --chmod=${value}\` lets every user in the container write here. Give ownership to the user that needs it (\`--chown\`) and drop world write${fixed ? ` (\`--chmod=${fixed}\`)` : ''}.`,
        range,
      };
      if (fixed) report.fix = { title: `Use mode ${fixed}`, safe: false, edits: [{ range, newText: fixed }] };
      reports.push(report);
    }
    return reports;
  },
};

const cleanScripts = new WeakSet<ShellScript>();

/**
 * The mode without world write; '' when world write is granted but no rewrite keeps the rest;
 * undefined when the mode does not grant world write.
 */
export function fixMode(mode: string): string | undefined {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.split('').map(Number);
    const other = digits[digits.length - 1];
    if (!(other & 2)) return undefined;
    if (digits.length === 4 && digits[0] & 1) return undefined; // sticky: /tmp-style shared dirs
    const group = digits.length - 2;
    digits[group] &= ~2;
    digits[digits.length - 1] &= ~2;
    return digits.join('');
  }
  const clauses = mode.split(',');
  let granted = false;
  const out: string[] = [];
  for (const clause of clauses) {
    const match = /^([ugoa]*)([+=])([rwxXst]*)$/.exec(clause);
    if (!match || !match[3].includes('w') || !/[oa]/.test(match[1])) {
      out.push(clause);
      continue;
    }
    granted = true;
    const [, who, op, perms] = match;
    const expanded = new Set(who.replace('a', 'ugo').split(''));
    expanded.delete('o');
    const rest = ['u', 'g'].filter((w) => expanded.has(w)).join('');
    if (rest) out.push(`${rest}${op}${perms}`);
    const withoutWrite = perms.replace(/w/g, '');
    if (withoutWrite || op === '=') out.push(`o${op}${withoutWrite}`);
  }
  if (!granted) return undefined;
  return out.length ? out.join(',') : '';
}
