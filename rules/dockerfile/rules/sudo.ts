import type { Report, Rule } from '../../types';
import { rangeOfWord, removeWords } from '../command-words';
import type { DockerfileModel } from '../model';
import { runsWithTriggers } from '../onbuild';
import { commandName, type ShellScript } from '../shell';

const SUDO_VALUE_OPTIONS = /^-[ugCDhpRrT]$/;

export const sudo: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/sudo',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'sudo in RUN',
    aliases: ['hadolint:DL3004', 'trivy:DS-0010', 'checkov:CKV2_DOCKER_1'],
    fix: 'unsafe',
    docs: {
      what: 'Reports `sudo` used in a `RUN` command.',
      why:
        '`sudo` in an image means a privilege-escalation path is installed and configured inside it, usually with a ' +
        'password-less rule that any process running as that user can use later. During the build it is also ' +
        'unpredictable: TTY requirements, environment resets and PAM configuration differ between bases. Switch users ' +
        'with `USER` instead (and `gosu`/`su-exec` in an entrypoint when a process must drop privileges at run time).',
      example: 'USER app\nRUN sudo apt-get install -y curl',
      fixed: 'USER root\nRUN apt-get install -y curl\nUSER app',
      notes:
        'hadolint reports DL3004 as an error; Shipshape keeps the catalog\'s warning. The quick fix drops `sudo` and its ' +
        'options; it is unsafe because the command then runs as the current `USER`, which may need to be root.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    {
      for (const run of runsWithTriggers(model)) {
        // Reports depend on the script alone (scripts are shared across edits): skip clean ones.
        if (cleanScripts.has(run.script)) continue;
        const before = reports.length;
        for (const command of run.script.commands) {
          let at = 0;
          while (at < command.words.length && ['env', 'nice', 'time', 'nohup'].includes(command.words[at].value.replace(/^.*\//, ''))) {
            at++;
            // env's assignments and options, nice's `-n 10`
            while (at < command.words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(command.words[at].value) || command.words[at].value.startsWith('-'))) {
              if (command.words[at].value === '-n') at++;
              at++;
            }
          }
          if (commandName({ ...command, words: command.words.slice(at) }) !== 'sudo') continue;
          const words = command.words;
          let k = at + 1;
          while (k < words.length && words[k].value.startsWith('-')) {
            if (words[k].value === '--') {
              k++;
              break;
            }
            if (SUDO_VALUE_OPTIONS.test(words[k].value)) k++;
            k++;
          }
          const report: Report = {
            message: '`sudo` in a build step: switch with `USER root` before this RUN (and back afterwards) instead.',
            range: rangeOfWord(model, run, words[at]),
          };
          if (k < words.length && !run.execForm) {
            report.fix = { title: 'Remove sudo', safe: false, edits: [removeWords(model, run, words, at, k - 1)] };
          }
          reports.push(report);
        }
        if (reports.length === before) cleanScripts.add(run.script);
      }
    }
    return reports;
  },
};

const cleanScripts = new WeakSet<ShellScript>();
