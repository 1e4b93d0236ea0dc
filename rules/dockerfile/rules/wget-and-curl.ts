import type { Report, Rule } from '../../types';
import { rangeOfWord, unwrappedCommands } from '../command-words';
import type { DockerfileModel } from '../model';

export const wgetAndCurl: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/wget-and-curl',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'Both wget and curl in one stage',
    aliases: ['hadolint:DL4001'],
    fix: 'none',
    docs: {
      what: 'Reports the uses of `wget` in a stage that also uses `curl` (or the other way round: whichever comes second).',
      why:
        'Both tools do the same job. Using both means installing, patching and scanning two HTTP clients (and their ' +
        'TLS stacks) where one would do, and two sets of flags to get right for retries and verification.',
      example: 'RUN curl -fsSLO https://example.com/a.tgz\nRUN wget -q https://example.com/b.tgz',
      fixed: 'RUN curl -fsSLO https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz',
      notes: 'Counted per stage, like hadolint; the tool used first in the stage is taken as the one to keep.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      let first: { name: string; line: number } | undefined;
      for (const run of stage.runs) {
        for (const { command, name } of unwrappedCommands(run.script)) {
          if (name !== 'curl' && name !== 'wget') continue;
          const range = rangeOfWord(model, run, command.words[0]);
          if (!first) first = { name, line: range.start.line };
          else if (name !== first.name) {
            reports.push({ message: `This stage already uses \`${first.name}\` (line ${first.line + 1}); use it here too instead of \`${name}\`.`, range });
          }
        }
      }
    }
    return reports;
  },
};
