import type { Report, Rule } from '../../types';
import { rangeOfWord } from '../command-words';
import type { DockerfileModel } from '../model';
import type { ShellCommand, ShellWord } from '../shell';

// `echo "app ALL=(ALL) NOPASSWD:ALL" >> /etc/sudoers` turns a non-root USER into root for
// anyone who gets a shell as that user: the USER line stops protecting anything.

const SUDOERS = /^\/etc\/sudoers(?:$|\.d\/)/;
const NOPASSWD = /\bNOPASSWD\s*:/;

export const sudoersNopasswd: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/sudoers-nopasswd',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'Password-less sudo granted in the image',
    aliases: [],
    fix: 'none',
    docs: {
      what:
        'Reports a `RUN` that writes a `NOPASSWD` rule into `/etc/sudoers` or `/etc/sudoers.d/` (through `>`/`>>`, ' +
        '`tee` or `sed -i`).',
      why:
        'Running as a non-root `USER` limits what an attacker who takes over the process can do. A password-less sudo ' +
        'rule for that user gives it all back: one `sudo` and the attacker is root in the container, with every ' +
        'capability the container was started with. Images for development containers often carry such a rule; ' +
        'images that run services should not.',
      example:
        'RUN apt-get update && apt-get install -y --no-install-recommends sudo \\\n' +
        '    && echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app\nUSER app',
      fixed: '# root work happens before USER; the running service needs no sudo\nUSER app',
      notes:
        'Do what needs root in the build, before `USER`, or at start-up in an entrypoint that drops privileges (`gosu`, ' +
        '`su-exec`, `setpriv`). A rule limited to one command (`NOPASSWD: /usr/bin/systemctl restart app`) is still ' +
        'reported: such rules are easy to escape through the command\'s own options. Suppress the finding for ' +
        'development-container images where that is the point.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      for (const run of stage.runs) {
        if (run.execForm) continue;
        const commands = run.script.commands;
        for (let i = 0; i < commands.length; i++) {
          if (!writesSudoers(commands[i])) continue;
          // `echo "… NOPASSWD:ALL" | tee -a /etc/sudoers`: the rule is written by the command piped in.
          const source = commands[i].before === '|' && i > 0 ? [commands[i - 1], commands[i]] : [commands[i]];
          const grant = source.flatMap((command) => command.words).find((word) => NOPASSWD.test(word.value));
          if (!grant) continue;
          reports.push({
            message:
              'This grants password-less `sudo` inside the image: whoever gets a shell as that user is root one command later, whatever `USER` says. Do the root work before `USER`, or drop privileges in the entrypoint instead.',
            range: rangeOfWord(model, run, grant),
          });
        }
      }
    }
    return reports;
  },
};

/** The command writes a sudoers file: a redirect into it, `tee` or `sed -i` on it. */
function writesSudoers(command: ShellCommand): boolean {
  if (command.redirects.some((redirect) => redirect.operator.includes('>') && isSudoers(redirect.target))) return true;
  const name = command.words[0]?.value.replace(/^.*\//, '');
  if (name === 'tee' || name === 'sed') return command.words.slice(1).some(isSudoers);
  return false;
}

function isSudoers(word: ShellWord | undefined): boolean {
  return word !== undefined && SUDOERS.test(word.value);
}
