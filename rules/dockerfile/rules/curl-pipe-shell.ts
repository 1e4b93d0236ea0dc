import type { Report, Rule } from '../../types';
import { commandName, rangeOfWord, unwrapCommand } from '../command-words';
import type { DockerfileModel } from '../model';
import type { ShellCommand, ShellScript, ShellWord } from '../shell';

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
        '`curl … | sudo python3 -`, the substitution forms `sh -c "$(curl …)"` and `bash <(curl …)`, and a script ' +
        'saved to a file and run in the same step with nothing verifying it (`curl -o i.sh … && sh i.sh`, `./i.sh`): ' +
        'a `sha256sum`, `shasum`, `gpg`, `cosign` or `minisign` anywhere in the step counts as a check.',
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
        const downloaded = downloadedThenRun(list);
        if (downloaded) {
          reports.push({
            message: `\`${downloaded.file}\` is downloaded and run in the same step with no checksum or signature check: whatever the server sent executes unverified. Check it (\`sha256sum -c\`, \`gpg --verify\`) before running it, or use \`ADD --checksum\`.`,
            range: rangeOfWord(model, run, downloaded.fetch.words[0], downloaded.runWord),
          });
        }
        // Reports depend on the script alone (scripts are shared across edits): remember clean ones.
        if (reports.length === before) cleanScripts.add(run.script);
      }
    }
    return reports;
  },
};

const cleanScripts = new WeakSet<ShellScript>();

/** Commands that verify what was downloaded; any of them in the step counts as a check. */
const VERIFIERS = /^(?:sha(?:1|224|256|384|512)sum|shasum|md5sum|b2sum|gpg|gpgv|cosign|minisign|signify|openssl)$/;

/**
 * `curl -fsSL -o install.sh https://… && sh install.sh` (or `wget -O f …; bash f`, `chmod +x f && ./f`)
 * with nothing in the step that verifies the file.
 */
function downloadedThenRun(list: ShellCommand[]): { file: string; fetch: ShellCommand; runWord: ShellWord } | undefined {
  const names = list.map((command) => commandName(unwrapCommand(command)));
  if (names.some((name) => name !== undefined && VERIFIERS.test(name))) return undefined;
  for (let i = 0; i < list.length; i++) {
    const fetch = unwrapCommand(list[i]);
    const name = names[i];
    if (!name || !FETCHERS.has(name)) continue;
    const file = outputFile(fetch.words.map((w) => w.value), name);
    if (!file || file === '-' || file.startsWith('/dev/')) continue;
    for (let j = i + 1; j < list.length; j++) {
      const command = unwrapCommand(list[j]);
      const words = command.words;
      const runName = names[j];
      // `sh install.sh`, `bash -x ./install.sh`, `python3 get-pip.py`
      if (runName && SHELLS.has(runName)) {
        const target = words.slice(1).find((w) => !w.value.startsWith('-'));
        if (target && sameFile(target.value, file)) return { file, fetch, runWord: target };
      }
      // `./install.sh`, `/tmp/install.sh --yes`
      if (words[0] && sameFile(words[0].value, file) && words[0].value.includes('/')) return { file, fetch, runWord: words[0] };
    }
  }
  return undefined;
}

/** Where `curl -o F` / `curl --output F` / `wget -O F` / `wget --output-document=F` writes. */
function outputFile(words: string[], fetcher: string): string | undefined {
  const short = fetcher === 'curl' ? '-o' : '-O';
  const long = fetcher === 'curl' ? '--output' : '--output-document';
  for (let k = 1; k < words.length; k++) {
    const word = words[k];
    // `-o F`, and short flags run together with it last: `curl -fsSLo F`, `wget -qO F`.
    if (word === short || word === long || new RegExp(`^-[A-Za-z]*${short[1]}$`).test(word)) return words[k + 1];
    if (word.startsWith(`${long}=`)) return word.slice(long.length + 1);
    if (word.startsWith(short) && word.length > 2 && !word.startsWith('--')) return word.slice(2);
  }
  return undefined;
}

function sameFile(a: string, b: string): boolean {
  const base = (path: string) => path.replace(/^\.\//, '');
  return base(a) === base(b);
}

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
