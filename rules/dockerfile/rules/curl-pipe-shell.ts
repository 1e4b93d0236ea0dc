import type { Report, Rule } from '../../types';
import { commandName, rangeOfWord, unwrapCommand } from '../command-words';
import type { DockerfileModel } from '../model';
import type { ShellScript } from '../shell';

const FETCHERS = new Set(['curl', 'wget']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'fish', 'python', 'python3', 'perl', 'ruby', 'node', 'php']);
const SUBSTITUTED_FETCH = /(?:\$\(|`|<\()\s*(?:\S*\/)?(?:curl|wget)\b/;

export const curlPipeShell: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/curl-pipe-shell',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'Remote script piped into a shell',
    aliases: [],
    fix: 'none',
    docs: {
      what:
        'Reports a `RUN` that downloads a script and executes it in one go: `curl … | sh`, `wget -qO- … | bash`, ' +
        '`curl … | sudo python3 -`, and the substitution forms `sh -c "$(curl …)"` and `bash <(curl …)`.',
      why:
        'Whatever the server returns at build time runs as root inside your image, unseen and unverified: a ' +
        'compromised host, a hijacked domain or a truncated download all end up executed. The build is also not ' +
        'reproducible, because the script can change between two builds.',
      example: 'RUN curl -fsSL https://example.com/install.sh | sh',
      fixed:
        'ADD --checksum=sha256:<digest> https://example.com/install.sh /tmp/install.sh\n' +
        'RUN sh /tmp/install.sh && rm /tmp/install.sh',
      notes:
        'Download to a file, verify it (a pinned checksum with `ADD --checksum` or `sha256sum -c`, or a signature), then ' +
        'run it. Better still, install from the distribution\'s signed packages.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      for (const run of stage.runs) {
        if (run.execForm || cleanScripts.has(run.script)) continue;
        const before = reports.length;
        const list = run.script.commands;
        for (let i = 0; i < list.length; i++) {
          const command = unwrapCommand(list[i]);
          const name = commandName(command);
          if (name && FETCHERS.has(name) && list[i].after === '|') {
            for (let j = i + 1; j < list.length; j++) {
              const next = unwrapCommand(list[j]);
              const shell = commandName(next);
              if (shell && SHELLS.has(shell) && (SHELLS.has(shell) && !isLanguageOnFile(next.words.map((w) => w.value)))) {
                reports.push({
                  message: `The output of \`${name}\` runs straight in \`${shell}\`: whatever the server sends executes unverified. Download to a file, check its checksum or signature, then run it.`,
                  range: rangeOfWord(model, run, command.words[0], next.words[0]),
                });
                break;
              }
              if (list[j].after !== '|') break;
            }
            continue;
          }
          if (name && SHELLS.has(name) && command.words.some((w) => SUBSTITUTED_FETCH.test(w.value))) {
            const word = command.words.find((w) => SUBSTITUTED_FETCH.test(w.value))!;
            reports.push({
              message: `\`${name}\` runs a script fetched inline; whatever the server sends executes unverified. Download to a file, check its checksum or signature, then run it.`,
              range: rangeOfWord(model, run, command.words[0], word),
            });
          }
        }
        // Reports depend on the script alone (scripts are shared across edits): remember clean ones.
        if (reports.length === before) cleanScripts.add(run.script);
      }
    }
    return reports;
  },
};

const cleanScripts = new WeakSet<ShellScript>();

/** `… | python3 script.py` reads data, not code: only `python`, `python -` and `-c`-less stdin runs count. */
function isLanguageOnFile(words: string[]): boolean {
  const name = words[0]?.replace(/^.*\//, '');
  if (!name || ['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'fish'].includes(name)) {
    // `sh -c 'cmd'` with the pipe as data, or `bash script.sh`, is not a piped script.
    const args = words.slice(1).filter((w) => !/^-[a-z]*$/i.test(w) || w === '-');
    return args.length > 0 && args[0] !== '-' && !words.slice(1).includes('-s');
  }
  const args = words.slice(1);
  return args.length > 0 && args[0] !== '-';
}
