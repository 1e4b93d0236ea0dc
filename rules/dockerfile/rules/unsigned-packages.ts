import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { deleteWords, fix, packageCommands, range, type PkgCommand, type PkgFlag } from '../packages';
import { commandName, unwrapCommand } from '../shell';

// Package signatures are what stands between a build and a tampered mirror, a hijacked
// repository or a machine-in-the-middle. These flags turn the check off.

const APT_OPTIONS = /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)\s*=\s*"?(1|true|yes|on)"?$/i;

/** Why a flag disables verification, or undefined when it does not. */
function unsignedFlag(cmd: PkgCommand, flag: PkgFlag): string | undefined {
  const name = flag.long ? flag.name : '';
  switch (cmd.manager) {
    case 'apk':
      return name === 'allow-untrusted' ? 'installs packages whose signature apk cannot verify' : undefined;
    case 'apt-get':
    case 'apt':
      if (name === 'allow-unauthenticated') return 'installs packages that fail signature verification';
      if (name === 'force-yes') return 'answers yes to every safety question, installing unauthenticated packages among others';
      if (name === 'allow-insecure-repositories') return 'accepts repositories without a valid signature';
      if ((flag.name === 'o' || flag.name === 'option') && APT_OPTIONS.test(flag.value ?? '')) return 'switches signature verification off';
      return undefined;
    case 'yum':
    case 'dnf':
    case 'microdnf':
      if (name === 'nogpgcheck') return 'skips GPG signature checks of packages';
      if (name === 'setopt' && /(^|\.)(repo_|pkg_|localpkg_)?gpgcheck\s*=\s*(0|false|no|off)$/i.test(flag.value ?? '')) return 'switches GPG signature checks off';
      return undefined;
    case 'zypper':
      if (name === 'no-gpg-checks') return 'ignores failed GPG signature checks';
      if (name === 'allow-unsigned-rpm') return 'installs RPM files without a valid signature';
      return undefined;
    case 'rpm':
      if (name === 'nosignature') return 'skips signature verification';
      if (name === 'nodigest') return 'skips digest verification';
      return undefined;
    default:
      return undefined;
  }
}

export const unsignedPackages: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/unsigned-packages',
    kind: 'dockerfile',
    severity: 'error',
    tier: 1,
    title: 'Package signature checks disabled',
    aliases: ['checkov:CKV2_DOCKER_7', 'checkov:CKV2_DOCKER_8', 'checkov:CKV2_DOCKER_9', 'checkov:CKV2_DOCKER_10', 'checkov:CKV2_DOCKER_11', 'cis-docker:4.11'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports package-manager flags that skip signature verification: `apk --allow-untrusted`, `apt-get ' +
        '--allow-unauthenticated`/`--force-yes`/`--allow-insecure-repositories` and the matching `-o` options, ' +
        '`yum`/`dnf`/`microdnf --nogpgcheck` and `--setopt=gpgcheck=0`, `zypper --no-gpg-checks`/`--allow-unsigned-rpm`, ' +
        '`rpm --nosignature`/`--nodigest`; and signing keys fetched over plain HTTP (`rpm --import http://…`, ' +
        '`apt-key adv --fetch-keys http://…`, `curl`/`wget` of an `http://…/*.key`, `.gpg` or `.asc` file).',
      why:
        'Distribution packages are signed so that a compromised mirror, a hijacked DNS name or anyone on the network path ' +
        'cannot substitute their own build. With verification off, whatever arrives is installed as root into the image ' +
        'and runs in production. The flags usually start as a workaround for a missing key; the right fix is to install ' +
        'the key (`apk add alpine-keys`, a `signed-by=` keyring for apt, `rpm --import` for RPM).',
      example: 'FROM alpine:3.20\nCOPY vendor.apk /tmp/\nRUN apk add --no-cache --allow-untrusted /tmp/vendor.apk',
      fixed:
        'FROM alpine:3.20\nCOPY vendor.rsa.pub /etc/apk/keys/\nCOPY vendor.apk /tmp/\nRUN apk add --no-cache /tmp/vendor.apk',
      notes:
        'Every stage is checked: a tampered package in a build stage can poison the artifacts copied out of it. The quick ' +
        'fix removes the flag (with its value for `-o`/`--option`) and is unsafe: the install fails until the signing key ' +
        'is in place.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const run of model.runs) {
      // Reports depend on the script alone (scripts are shared across edits): skip clean ones.
      if (cleanScripts.has(run.script)) continue;
      const before = reports.length;
      for (const cmd of packageCommands(run.script)) {
        const seen = new Set<unknown>();
        for (const flag of cmd.flags) {
          const why = unsignedFlag(cmd, flag);
          if (!why || seen.has(flag.word)) continue;
          seen.add(flag.word);
          const last = flag.valueWord ?? flag.word;
          const written = flag.valueWord ? `${flag.word.value} ${flag.valueWord.value}` : flag.word.value;
          reports.push({
            message: `\`${written}\` ${why}: remove it and install the signing key instead.`,
            range: range(model, run, flag.word, last),
            fix: fix(`Remove \`${written}\``, [deleteWords(model, run, cmd.command.words, flag.word, last)], false),
          });
        }
      }
      for (const raw of run.script.commands) {
        const command = unwrapCommand(raw);
        const name = commandName(command);
        const key = plainHttpKey(name, command.words.map((w) => w.value), packageCommands(run.script).find((c) => c.command === raw));
        if (key === undefined) continue;
        const word = command.words[key];
        reports.push({
          message:
            `\`${word.value}\` fetches a signing key over plain HTTP: anyone on the network path can swap in their own ` +
            'key and sign whatever they like. Fetch it over `https://` (and check its fingerprint).',
          range: range(model, run, word),
        });
      }
      if (reports.length === before) cleanScripts.add(run.script);
    }
    return reports;
  },
};

const cleanScripts = new WeakSet<object>();

const KEY_FILE = /(?:\.(?:key|gpg|asc|pub|pgp)|[-_/](?:gpg-?key|pubkey|signing[-_]?key|RPM-GPG-KEY[^/]*))$/i;

/** Index of the word importing or downloading a signing key over `http://`, if a command does. */
function plainHttpKey(name: string | undefined, words: string[], pkg: PkgCommand | undefined): number | undefined {
  const isHttp = (w: string) => /^http:\/\//i.test(w);
  // rpm --import http://…, rpmkeys --import http://…
  if ((pkg?.manager === 'rpm' || name === 'rpmkeys') && words.includes('--import')) {
    const at = words.findIndex((w, i) => i > 0 && isHttp(w));
    return at > 0 ? at : undefined;
  }
  // apt-key adv --fetch-keys http://…
  if (name === 'apt-key') {
    const at = words.findIndex((w, i) => i > 0 && isHttp(w));
    return at > 0 ? at : undefined;
  }
  // curl/wget http://…/nginx_signing.key
  if (name === 'curl' || name === 'wget') {
    const at = words.findIndex((w, i) => i > 0 && isHttp(w) && KEY_FILE.test(w.replace(/[?#].*$/, '')));
    return at > 0 ? at : undefined;
  }
  return undefined;
}
