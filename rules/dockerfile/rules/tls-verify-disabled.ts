import type { Env, Instruction, Property } from 'dockerfile-ast';
import type { Fix, Report, Rule, TextEdit } from '../../types';
import { blanksAfter, blanksBefore, findOption, rangeOfWord, removeWords } from '../command-words';
import { deleteInstruction } from '../instruction-edits';
import type { DockerfileModel } from '../model';
import type { RunInstruction } from '../runs';
import { commandName, unwrapCommand, type ShellScript, type ShellWord } from '../shell';
import { keywordOf } from '../keywords';

/** Environment variables that switch verification off, and the values that do it. */
const ENV_SWITCHES: Record<string, (value: string) => boolean> = {
  NODE_TLS_REJECT_UNAUTHORIZED: (v) => v.trim() === '0',
  PYTHONHTTPSVERIFY: (v) => v.trim() === '0',
  GIT_SSL_NO_VERIFY: () => true, // git only checks that it is set
  NPM_CONFIG_STRICT_SSL: (v) => /^(?:false|0|no)$/i.test(v.trim()),
  PIP_TRUSTED_HOST: (v) => v.trim() !== '',
};

function envSwitch(name: string, value: string): boolean {
  const upper = name.toUpperCase();
  const test = ENV_SWITCHES[upper];
  // npm reads its config from the environment case-insensitively; the others are exact.
  if (!test || (upper !== 'NPM_CONFIG_STRICT_SSL' && name !== upper)) return false;
  return test(value);
}

const FALSY = /^(?:false|0|no|off)$/i;

export const tlsVerifyDisabled: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/tls-verify-disabled',
    kind: 'dockerfile',
    severity: 'error',
    tier: 1,
    title: 'TLS certificate verification switched off',
    aliases: [
      'checkov:CKV2_DOCKER_2', 'checkov:CKV2_DOCKER_3', 'checkov:CKV2_DOCKER_4', 'checkov:CKV2_DOCKER_5', 'checkov:CKV2_DOCKER_6',
      'checkov:CKV2_DOCKER_12', 'checkov:CKV2_DOCKER_13', 'checkov:CKV2_DOCKER_14', 'checkov:CKV2_DOCKER_15', 'checkov:CKV2_DOCKER_16',
    ],
    fix: 'unsafe',
    docs: {
      what:
        'Reports commands and settings that stop verifying TLS certificates: `curl -k`/`--insecure`, ' +
        '`wget --no-check-certificate`, `pip --trusted-host`, `npm`/`yarn`/`pnpm config set strict-ssl false` and ' +
        '`--strict-ssl=false`, `git -c http.sslVerify=false` and `git config http.sslVerify false`, `sslverify=0` ' +
        '(yum/dnf), and the environment switches `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, ' +
        '`GIT_SSL_NO_VERIFY`, `NPM_CONFIG_STRICT_SSL=false`, `PIP_TRUSTED_HOST` set by `ENV`, `ARG` or on a command.',
      why:
        'Without certificate checks, anyone on the network path (a proxy, a compromised Wi-Fi, a poisoned DNS answer) ' +
        'can serve their own packages and scripts to the build, and they end up in the image. Set in `ENV`, the ' +
        'switch also ships: the application itself then accepts forged certificates in production.',
      example: 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN curl -fsSLk https://example.com/tool -o /usr/local/bin/tool',
      fixed: 'RUN curl -fsSL https://example.com/tool -o /usr/local/bin/tool',
      notes:
        'A corporate TLS-intercepting proxy is the usual reason: add its CA certificate to the image (or mount it as a ' +
        'build secret) instead of turning verification off. The quick fix removes the flag, the assignment or the ENV ' +
        'pair; it is unsafe because downloads through such a proxy then fail until its CA is trusted.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const instruction of model.instructions) {
      const keyword = keywordOf(instruction);
      if (keyword === 'ENV' || keyword === 'ARG') reports.push(...checkEnv(model, instruction, keyword));
    }
    for (const stage of model.stages) {
      for (const run of stage.runs) {
        // Whether a RUN is reported depends on its script alone (the model only places the
        // reports), and scripts are shared across edits: one found clean stays clean.
        if (cleanScripts.has(run.script)) continue;
        const found = checkRun(model, run);
        if (!found.length) cleanScripts.add(run.script);
        for (const report of found) reports.push(report);
      }
    }
    return reports;
  },
};

const cleanScripts = new WeakSet<ShellScript>();

function checkEnv(model: DockerfileModel, instruction: Instruction, keyword: string): Report[] {
  const properties: Property[] = (instruction as Env).getProperties?.() ?? [];
  const reports: Report[] = [];
  for (const property of properties) {
    const name = property.getName();
    const value = property.getValue();
    if (value === null || value === undefined || !envSwitch(name, property.getUnescapedValue() ?? value)) continue;
    const edit = properties.length === 1 ? deleteInstruction(model, instruction) : removeProperty(model, property);
    reports.push({
      message: `\`${keyword} ${name}=${value}\` turns off TLS certificate verification${keyword === 'ENV' ? ' for the build and the running container' : ' in the build'}. Trust the needed CA certificate instead.`,
      range: property.getRange(),
      fix: { title: `Remove ${name}`, safe: false, edits: [edit] },
    });
  }
  return reports;
}

function removeProperty(model: DockerfileModel, property: Property): TextEdit {
  const { lines, text } = model;
  const start = lines.offsetAt(property.getRange().start);
  const end = lines.offsetAt(property.getRange().end);
  const before = blanksBefore(text, start);
  if (before > 0 && text[start - before - 1] !== '\n') return { range: lines.rangeOf(start - before, end), newText: '' };
  const after = blanksAfter(text, end);
  return { range: lines.rangeOf(start, end + after), newText: '' };
}

function checkRun(model: DockerfileModel, run: RunInstruction): Report[] {
  const reports: Report[] = [];
  const flag = (words: ShellWord[], index: number, count: number, message: string) => {
    const report: Report = { message, range: rangeOfWord(model, run, words[index], words[index + count - 1]) };
    if (!run.execForm) report.fix = removal(model, run, words, index, index + count - 1, words[index].value);
    reports.push(report);
  };
  for (const raw of run.script.commands) {
    for (let i = 0; i < raw.assignments.length; i++) {
      const word = raw.assignments[i];
      const eq = word.value.indexOf('=');
      const name = word.value.slice(0, eq);
      if (!envSwitch(name, word.value.slice(eq + 1))) continue;
      const report: Report = {
        message: `\`${word.value}\` turns off TLS certificate verification for this command. Trust the needed CA certificate instead.`,
        range: rangeOfWord(model, run, word),
      };
      if (raw.words.length) report.fix = removal(model, run, [...raw.assignments, ...raw.words], i, i, name);
      reports.push(report);
    }
    const command = unwrapCommand(raw);
    const words = command.words;
    const name = commandName(command);
    const values = words.map((w) => w.value);
    if (name === 'export' || name === 'declare') {
      for (const word of words.slice(1)) {
        const eq = word.value.indexOf('=');
        if (eq > 0 && envSwitch(word.value.slice(0, eq), word.value.slice(eq + 1))) {
          reports.push({ message: `\`export ${word.value}\` turns off TLS certificate verification for the rest of this RUN.`, range: rangeOfWord(model, run, word) });
        }
      }
    }
    if (name === 'curl') {
      const at = findOption(words, 'k', ['insecure', 'proxy-insecure']);
      if (at >= 0) {
        const word = words[at];
        if (/^-[A-Za-z0-9]+$/.test(word.value) && word.value.length > 2) {
          // `-fsSLk`: drop the letter from the cluster.
          const report: Report = { message: `\`curl ${word.value}\` includes \`-k\`: certificates are not checked. Trust the needed CA certificate instead.`, range: rangeOfWord(model, run, word) };
          if (!run.execForm) {
            const newText = word.value.replace(/k/g, '');
            report.fix = { title: 'Remove -k', safe: false, edits: [{ range: rangeOfWord(model, run, word), newText }] };
          }
          reports.push(report);
        } else flag(words, at, 1, `\`curl ${word.value}\` does not check certificates. Trust the needed CA certificate instead.`);
      }
    } else if (name === 'wget') {
      const at = findOption(words, '', ['no-check-certificate']);
      if (at >= 0) flag(words, at, 1, '`wget --no-check-certificate` does not check certificates. Trust the needed CA certificate instead.');
    } else if (name && (/^pip[\d.]*$/.test(name) || ((name.startsWith('python') || name === 'uv') && values.includes('pip')))) {
      const at = findOption(words, '', ['trusted-host']);
      if (at >= 0) {
        const count = words[at].value.includes('=') || at + 1 >= words.length ? 1 : 2;
        flag(words, at, count, `\`--trusted-host\` lets pip download from that host without checking its certificate. Trust the needed CA certificate instead.`);
      }
    } else if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
      const set = values.indexOf('set');
      const key = set >= 0 ? values[set + 1] : undefined;
      if (key && /^strict-ssl(?:=|$)/.test(key)) {
        const value = key.includes('=') ? key.split('=')[1] : values[set + 2];
        if (value !== undefined && FALSY.test(value)) {
          reports.push({
            message: `\`${name} config set strict-ssl false\` makes ${name} accept any certificate, for this build and for anything that reuses the config. Trust the needed CA certificate (\`cafile\`) instead.`,
            range: rangeOfWord(model, run, words[set + 1], words[Math.min(set + 2, words.length - 1)]),
          });
        }
      }
      const at = words.findIndex((w, i) => i > 0 && /^--strict-ssl=(?:false|0|no)$/i.test(w.value));
      if (at >= 0) flag(words, at, 1, `\`${words[at].value}\` makes ${name} accept any certificate. Trust the needed CA certificate instead.`);
    } else if (name === 'git') {
      for (let i = 1; i < words.length; i++) {
        if (words[i].value === '-c' && /^http\.sslverify=(?:false|0|no|off)$/i.test(words[i + 1]?.value ?? '')) {
          flag(words, i, 2, '`git -c http.sslVerify=false` does not check certificates. Trust the needed CA certificate instead.');
        }
      }
      const config = values.indexOf('config');
      if (config >= 0) {
        const key = words.slice(config + 1).find((w) => !w.value.startsWith('-'));
        const k = key ? words.indexOf(key) : -1;
        if (key && /^http\.(?:.*\.)?sslverify$/i.test(key.value) && FALSY.test(words[k + 1]?.value ?? '')) {
          reports.push({
            message: '`git config http.sslVerify false` turns off certificate checks for every later git command in the image. Trust the needed CA certificate instead.',
            range: rangeOfWord(model, run, key, words[k + 1]),
          });
        }
      }
    }
    // sslverify=0 for yum/dnf, as an option or written into a repo/config file.
    for (let i = 1; i < words.length; i++) {
      const value = words[i].value;
      if (!/(?:^|[\s=])sslverify\s*=\s*(?:0|false|no)\b/i.test(value)) continue;
      const setopt = /^--setopt=sslverify=/i.test(value) && (name === 'yum' || name === 'dnf' || name === 'microdnf');
      const report: Report = { message: '`sslverify=0` turns off certificate checks for package downloads. Trust the needed CA certificate instead.', range: rangeOfWord(model, run, words[i]) };
      if (setopt && !run.execForm) report.fix = removal(model, run, words, i, i, 'sslverify=0');
      reports.push(report);
    }
  }
  return reports;
}

function removal(model: DockerfileModel, run: RunInstruction, words: ShellWord[], from: number, to: number, what: string): Fix {
  return { title: `Remove ${what.split('=')[0]}`, safe: false, edits: [removeWords(model, run, words, from, to)] };
}
