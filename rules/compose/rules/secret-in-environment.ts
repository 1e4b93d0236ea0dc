import type { Report, Rule } from '../../types';
import type { ComposeModel } from '../model';
import { relatedUses, servicesSubject, WrittenSites } from '../sites';
import type { EnvironmentVariable } from '../values';

/** Name words that mark a credential (matched on `_`/`-`/`.`-separated words or their concatenation). */
const SECRET_NAME = /(?:^|[_.-])(?:PASSWORD|PASSWD|PASS|PWD|SECRET|SECRETS|TOKEN|APIKEY|API_KEY|ACCESS_KEY|SECRET_KEY|PRIVATE_KEY|AUTH_KEY|ENCRYPTION_KEY|SIGNING_KEY|MASTER_KEY|CLIENT_SECRET|CREDENTIALS?|SECRET_KEY_BASE)(?:$|[_.-])/;
/** Name endings that make the value a reference, a setting or an identifier rather than the secret itself. */
const NOT_A_SECRET = /(?:_FILE|_PATH|_DIR|_URL_PATH|_NAME|_ARN|_REF|_ID|_USER|_USERNAME|_HOST|_PORT|_ENDPOINT|_LENGTH|_MIN_LENGTH|_TTL|_TIMEOUT|_EXPIRY|_EXPIRES|_EXPIRATION|_LIFETIME|_ENABLED|_DISABLED|_ENABLE|_REQUIRED|_ALGORITHM|_TYPE|_HEADER|_POLICY|_PROVIDER|_COUNT|_SIZE|_MODE|_METHOD|_FORMAT|_ROTATION|_VERSION|_HASH_ROUNDS|_ITERATIONS|_STRENGTH|_COMPLEXITY|_LOCATION|_SOURCE)$/;
/** `_ID` names that hold the token itself: Vault's dev server takes its root token as `VAULT_DEV_ROOT_TOKEN_ID`. */
const TOKEN_NAMED_ID = /ROOT_TOKEN_ID$/;
/** Names that contain a credential word but hold flags. */
const FLAG_NAMES = /(?:ALLOW_EMPTY_PASSWORD|RANDOM_ROOT_PASSWORD|RANDOM_PASSWORD|ONETIME_PASSWORD|HOST_AUTH_METHOD|PASSWORD_AUTHENTICATION|SKIP_PASSWORD|NO_PASSWORD|PASSWORDLESS)$/;
/** Values that cannot be a credential: booleans, and words that say there is none. */
const FLAG_VALUES = /^(?:true|false|yes|no|on|off|0|1|none|null|nil|undefined|unset|unused|empty|n\/?a|-|disabled?|enabled?|not[-_ ]?(?:set|used))$/i;
/** Slots another tool fills in (`<your-token>`, `{{ vault_token }}`): no value is written yet. */
const TEMPLATE_SLOT = /^(?:<[^<>]+>|\{\{.*\}\}|\[\[.*\]\])$/s;
/** Fill-in values: no secret leaks, but deployed unchanged they are a publicly known credential. */
const PLACEHOLDER = /change[-_ ]?(?:me|it|this)|replace[-_ ]?(?:me|this)|(?:^|[-_ ])your[-_ ]|[-_ ]here$|^(?:todo|fixme|tbd|secret|password|token|xxx+|\*+)$|^(?:placeholder|dummy|sample|example|fake)(?:[-_ .]\w*)*$|^(.)\1{3,}$/i;
/** A URL with a password (captured): a credential whatever the name, unless the password is a placeholder. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^/\s@]+)@/i;
/** JVM system properties that carry a password (`-Dkeystore.password=…`): the value is captured. */
const JVM_PASSWORD = /(?:^|\s)-D[\w.-]*(?:password|passwd|secret)[\w.-]*=([^\s$]\S*)/gi;
/** Values that are credentials whatever the name: well-known token formats, passwords in connection strings. */
const SECRET_VALUES: [RegExp, string][] = [
  [/^(?:AKIA|ASIA)[A-Z0-9]{16}$/, 'an AWS access key'],
  [/^gh[pousr]_[A-Za-z0-9]{30,}$/, 'a GitHub token'],
  [/^github_pat_[A-Za-z0-9_]{40,}$/, 'a GitHub token'],
  [/^glpat-[A-Za-z0-9_-]{20,}$/, 'a GitLab token'],
  [/^xox[baprs]-[A-Za-z0-9-]{10,}$/, 'a Slack token'],
  [/^sk_live_[A-Za-z0-9]{16,}$/, 'a Stripe secret key'],
  [/^sk-(?:proj-)?[A-Za-z0-9_-]{20,}$/, 'an API secret key'],
  [/^AIza[A-Za-z0-9_-]{35}$/, 'a Google API key'],
  [/^-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/(?:^|;)\s*(?:Password|Pwd)\s*=\s*[^;\s$]/i, 'a connection string with a password'],
  [/^(?=.*\b(?:host|dbname|user)=)(?:.*\s)?password=[^\s$'"]/i, 'a connection string with a password'],
];

/** Images whose entrypoint reads `<NAME>_FILE` for these variables (official images). */
const FILE_AWARE = /^(?:POSTGRES_PASSWORD|POSTGRES_USER|MYSQL_ROOT_PASSWORD|MYSQL_PASSWORD|MARIADB_ROOT_PASSWORD|MARIADB_PASSWORD|MONGO_INITDB_ROOT_PASSWORD|RABBITMQ_DEFAULT_PASS|WORDPRESS_DB_PASSWORD)$/;

export const secretInEnvironment: Rule<ComposeModel> = {
  meta: {
    id: 'compose/secret-in-environment',
    kind: 'compose',
    severity: 'error',
    tier: 1,
    title: 'Credential written into the Compose file',
    aliases: ['cis-docker:4.10'],
    fix: 'none',
    docs: {
      what:
        'Flags `environment:` entries, in map (`KEY: value`) or list (`- KEY=value`) form, whose name marks a credential (`PASSWORD`, `PASS`, `SECRET`, `TOKEN`, `API_KEY`, `ACCESS_KEY`, `PRIVATE_KEY`, `CLIENT_SECRET`, …) and whose value is written literally in the file. Values that are recognizably credentials are flagged whatever the name: URLs and connection strings with an embedded password (`postgres://app:s3cret@db/app`, `…;Password=s3cret`, `host=db password=s3cret`), JVM options such as `-Dkeystore.password=…`, AWS, GitHub, GitLab, Slack, Stripe and Google keys, PEM private keys. Not flagged: values from `${VAR}` (they come from the shell or `.env`), empty values and bare `KEY` entries, `*_FILE`/`*_PATH`/`*_NAME`/`*_ID` names, and flags such as `MYSQL_ALLOW_EMPTY_PASSWORD: "yes"`.',
      why:
        'A Compose file is committed, shared, pasted into tickets and copied into images. A password in it is readable by everyone with access to the repository, forever (git history keeps it after it is removed), and by anyone who can run `docker inspect` on the host. Credentials belong in Compose `secrets:` (mounted as files under `/run/secrets/`) or, at least, in an untracked `.env` file referenced as `${VAR}`.',
      example: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: hunter2\n',
      fixed:
        'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt   # not committed\n',
      notes:
        'No quick fix: moving a secret requires creating the file or variable it moves to, and the old value should be rotated since it is in the history. The message never repeats the value. `${VAR:-default}` is not reported even when the default is a password: the rule follows the contract "literal values only", and `.env`-driven defaults are usually placeholders.\n\nPlaceholders. Values that say there is no credential (`none`, `null`, `unused`, `unset`, `empty`, `n/a`, `-`, `disabled`, booleans) and slots another tool fills in (`<your-token>`, `{{ vault_token }}`) are not reported: no secret is written. An application that treats any non-empty value as enabled would still accept `unused` as a token, so leave such a variable empty to disable it. Fill-in values (`changeme`, `change-me-in-production`, `replace_me`, `your-api-key-here`, `example`, `example_token`, `xxxx`, `****`, the bare words `password`, `secret`, `token`, one character repeated such as `aaaa…`), alone or as the password of a URL or a `-D…password=` option, are reported as a warning with their own message: nothing leaks, but a file deployed unchanged runs with a credential everyone can read, and `${NAME:?…}` makes Compose refuse to start until it is set. Ordinary weak values (`postgres`, `admin`, `hunter2`) stay errors: they are real passwords.',
    },
  },
  check(model) {
    const sites = new WrittenSites<{ variable: EnvironmentVariable; kind: string | typeof PLACEHOLDER_KIND }>();
    for (const service of model.services) {
      for (const variable of service.environment()) {
        const kind = secretKind(variable);
        if (kind) sites.add(variable.item.node ?? variable.item, service, variable.item, { variable, kind });
      }
    }
    const reports: Report[] = [];
    for (const site of sites.sites()) {
      const { variable, kind } = site.data;
      const verb = site.services.length === 1 ? 'sets' : 'set';
      if (kind === PLACEHOLDER_KIND) {
        reports.push({
          message: `${servicesSubject(site.services)} ${verb} \`${variable.name}\` to a placeholder written in the file: nothing secret leaks, but if the file is deployed unchanged the service accepts a credential everyone can read here. Make it required with \`\${${variable.name}:?set ${variable.name}}\`, or use \`secrets:\`.`,
          range: variable.valueRange,
          related: relatedUses(site, `\`${variable.name}\``),
          severity: 'warning',
        });
        continue;
      }
      const advice = FILE_AWARE.test(variable.name)
        ? `Use \`secrets:\` and \`${variable.name}_FILE: /run/secrets/<name>\` (the image reads it)`
        : 'Use `secrets:` (the value is then a file under `/run/secrets/`), a `*_FILE` variable if the image supports one, or `${' + variable.name + '}` from an untracked `.env`';
      reports.push({
        message: `${servicesSubject(site.services)} ${verb} \`${variable.name}\` to ${kind} written in the file: everyone with the repository or \`docker inspect\` can read it. ${advice}, and rotate the value.`,
        range: variable.valueRange,
        related: relatedUses(site, `\`${variable.name}\``),
      });
    }
    return reports;
  },
};

const PLACEHOLDER_KIND = Symbol('placeholder');

function secretKind(variable: EnvironmentVariable): string | typeof PLACEHOLDER_KIND | undefined {
  if (!variable.literal || variable.raw === undefined) return undefined;
  const value = variable.raw.trim();
  if (!value) return undefined;
  const url = URL_PASSWORD.exec(value);
  if (url) return PLACEHOLDER.test(url[1]) || FLAG_VALUES.test(url[1]) ? PLACEHOLDER_KIND : 'a URL with an embedded password';
  const jvm = [...value.matchAll(JVM_PASSWORD)].map((match) => match[1]);
  if (jvm.length) return jvm.every((v) => PLACEHOLDER.test(v) || FLAG_VALUES.test(v)) ? PLACEHOLDER_KIND : 'a JVM option with a password';
  for (const [pattern, kind] of SECRET_VALUES) if (pattern.test(value)) return kind;
  const name = variable.name.toUpperCase();
  if (name === 'PWD' || name === 'OLDPWD') return undefined;
  if (!SECRET_NAME.test(name) && !/(?:PASSWORD|PASSWD|SECRET|SECRETKEY|TOKEN|APIKEY)$/.test(name)) return undefined;
  if ((NOT_A_SECRET.test(name) && !TOKEN_NAMED_ID.test(name)) || FLAG_NAMES.test(name) || FLAG_VALUES.test(value) || TEMPLATE_SLOT.test(value)) return undefined;
  if (value.startsWith('/run/secrets/')) return undefined;
  if (PLACEHOLDER.test(value)) return PLACEHOLDER_KIND;
  return 'a literal credential';
}
