// What credentials look like: variable names that announce one (`DB_PASSWORD`, `apiKey`),
// values in a known token format (`AKIA…`, `ghp_…`, a PEM private key, `user:pass@` in a URL)
// and files that hold key or env material (`.env`, `id_rsa`, `*.pem`, `.npmrc`, `.aws/`).

/** Words that name a credential on their own. */
const SECRET_WORDS = new Set([
  'PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS',
  'PRIVATEKEY', 'SECRETKEY', 'ACCESSKEY', 'AUTHTOKEN', 'ACCESSTOKEN', 'CLIENTSECRET',
]);
/** Words that name a credential together with a following `KEY` (`API_KEY`, `PRIVATE_KEY`...). */
const KEY_QUALIFIERS = new Set([
  'API', 'PRIVATE', 'ACCESS', 'SECRET', 'AUTH', 'ENCRYPTION', 'SIGNING', 'MASTER', 'SESSION', 'LICENSE', 'CLIENT', 'APP',
  'APPLICATION', 'SERVICE', 'ACCOUNT', 'DEPLOY', 'SSH', 'GPG', 'JWT', 'HMAC', 'WEBHOOK', 'ENCRYPT', 'CRYPT', 'LICENCE',
]);
/** `PASS`/`PWD` only count inside a longer name (`DB_PASS`), never alone (`PWD` is the working dir). */
const SHORT_WORDS = new Set(['PASS', 'PWD', 'PW']);
/**
 * A last word that makes the variable describe a credential rather than hold one:
 * `PASSWORD_FILE`, `TOKEN_URL`, `SECRET_NAME`, `PASSWORD_MIN_LENGTH`...
 */
const DESCRIPTIVE_SUFFIXES = new Set([
  'FILE', 'FILES', 'FILENAME', 'PATH', 'DIR', 'DIRECTORY', 'LOCATION', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'NAME',
  'ID', 'IDS', 'TYPE', 'KIND', 'LENGTH', 'LEN', 'SIZE', 'BITS', 'TTL', 'TIMEOUT', 'EXPIRY', 'EXPIRES', 'EXPIRATION',
  'LIFETIME', 'AGE', 'ENABLED', 'DISABLED', 'ENABLE', 'DISABLE', 'REQUIRED', 'HEADER', 'FIELD', 'PARAM', 'ALGORITHM',
  'ALGO', 'ALG', 'POLICY', 'COUNT', 'ROUNDS', 'MIN', 'MAX', 'FORMAT', 'REGION', 'VERSION', 'MODE', 'PROVIDER', 'VAR',
  'ENV', 'PREFIX', 'SUFFIX', 'LABEL', 'SOURCE', 'STORE', 'BACKEND', 'METHOD', 'SCOPE', 'SCOPES', 'AUDIENCE', 'ISSUER',
  'STRATEGY', 'RESET', 'CHANGED', 'RETRIES', 'ATTEMPTS', 'HASH', 'HASHER', 'COMPLEXITY', 'STRENGTH', 'PATTERN', 'REGEX',
  'ROTATION', 'INTERVAL', 'REFRESH', 'USER', 'USERNAME', 'LOGIN', 'MOUNT', 'KEYRING', 'VAULT', 'ROLE', 'ARN',
]);
const HARMLESS_VALUES = /^(?:true|false|yes|no|on|off|y|n|0|1|none|null|nil|undefined|disabled?|enabled?|required|optional)$/i;
const REFERENCE_ONLY = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*(?::?[-+?][^}]*)?\}|[A-Za-z_][A-Za-z0-9_]*)$/;

/** Splits `DB_PASSWORD`, `db-password`, `dbPassword`, `DBPassword` into upper-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

/** Whether a variable name announces a credential it holds (not a path to one, not a setting about one). */
export function isCredentialName(name: string): boolean {
  const words = nameWords(name);
  if (!words.length) return false;
  if (DESCRIPTIVE_SUFFIXES.has(words[words.length - 1])) return false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (SECRET_WORDS.has(word)) return true;
    if (SHORT_WORDS.has(word) && words.length > 1) return true;
    if ((word === 'KEY' || word === 'KEYS') && i > 0 && KEY_QUALIFIERS.has(words[i - 1])) return true;
  }
  return false;
}

/** Words that make a `*_KEY`/`*_KEYS` variable an OpenPGP key (`GPG_KEY`, `PGP_KEYS`), whose id is public. */
const OPENPGP_WORDS = new Set(['GPG', 'PGP', 'GNUPG', 'OPENPGP']);
const HEX_KEY_ID = /^(?:0x)?(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})$/;

/**
 * Whether an OpenPGP-named variable holds only public key ids or fingerprints
 * (`GPG_KEY=7169605F…E5FA6305`, `GPG_KEYS="A917… 1198…"`, `B97B 0AFC … 4CF8`): official images
 * set them to verify downloads with `gpg --recv-keys`, and a fingerprint reveals nothing secret.
 */
export function isPublicKeyFingerprint(name: string, value: string): boolean {
  if (!nameWords(name).some((w) => OPENPGP_WORDS.has(w))) return false;
  const tokens = value.trim().split(/\s+/).filter(Boolean);
  if (!tokens.length) return false;
  if (tokens.every((t) => HEX_KEY_ID.test(t))) return true;
  // A fingerprint written in groups of four hex digits, as `gpg --fingerprint` prints it.
  return tokens.length === 10 && tokens.every((t) => /^[0-9A-Fa-f]{4}$/.test(t));
}

/** Values that can never be a secret worth reporting: empty, booleans, a bare `${VAR}`, paths. */
export function isInertValue(value: string): boolean {
  const v = value.trim();
  return !v || HARMLESS_VALUES.test(v) || REFERENCE_ONLY.test(v) || v.startsWith('/');
}

interface TokenFormat {
  kind: string;
  pattern: RegExp;
}

const TOKEN_FORMATS: TokenFormat[] = [
  { kind: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/ },
  { kind: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { kind: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  { kind: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { kind: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { kind: 'a Stripe key', pattern: /\b[rs]k_live_[A-Za-z0-9]{16,}/ },
  { kind: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { kind: 'an OpenAI key', pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}/ },
  { kind: 'an Anthropic key', pattern: /\bsk-ant-[A-Za-z0-9_-]{32,}/ },
  { kind: 'a JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
];
/** `scheme://user:password@host` with a literal password. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@[^\s/]/i;

/** What kind of credential `value` is by its format, if it has a recognisable one. */
export function credentialFormat(value: string): string | undefined {
  for (const format of TOKEN_FORMATS) if (format.pattern.test(value)) return format.kind;
  const url = URL_CREDENTIALS.exec(value);
  if (url && !url[1].startsWith('$')) return 'a URL with an embedded password';
  return undefined;
}

// ---- files ----

const ENV_TEMPLATE = /\.(?:example|sample|template|tmpl|tpl|dist|defaults?|schema|test-example)$/i;
const CERT_LIKE = /(?:^|[-_.])(?:cert|certs|certificate|crt|ca|cacert|chain|fullchain|bundle|ca-bundle|pub|public|root)(?:[-_.]|$)/i;

/** What a file with this base name holds, when it is key or credential material. */
export function secretFileKind(base: string): string | undefined {
  const name = base.toLowerCase();
  if (name === '.env' || (name.startsWith('.env.') && !ENV_TEMPLATE.test(name))) return 'an env file';
  if (/^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/.test(name)) return 'an SSH private key';
  if (name === '.npmrc') return 'npm credentials';
  if (name === '.pypirc') return 'PyPI credentials';
  if (name === '.netrc' || name === '_netrc') return 'netrc credentials';
  if (name === '.git-credentials') return 'git credentials';
  if (name === '.htpasswd') return 'password hashes';
  if (name === '.pgpass') return 'PostgreSQL passwords';
  if (name === '.vault-token') return 'a Vault token';
  if (name === '.aws') return 'AWS credentials';
  if (name === '.ssh') return 'SSH keys';
  if (name === '.gnupg') return 'GPG keys';
  if (name === '.kube') return 'Kubernetes credentials';
  if (/\.(?:key|p12|pfx|jks|keystore|ppk)$/.test(name)) return 'a private key';
  // `private_key`, `privkey.pem`, Tor's `hs_ed25519_secret_key`: named for what they hold.
  if (/^(?:private[-_.]?key|privkey|secret[-_.]?key|hs_ed25519_secret_key)(?:\.(?!pub$)[a-z0-9]+)?$/.test(name)) return 'a private key';
  if (name.endsWith('.pem') && !CERT_LIKE.test(name.slice(0, -4))) return 'a key file';
  return undefined;
}

/** Secret material named by a path (`config/.env`, `.aws/credentials`, `~/.ssh/id_rsa`). */
export function secretPathKind(path: string): string | undefined {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p && p !== '.');
  if (!parts.length) return undefined;
  const base = parts[parts.length - 1];
  const direct = secretFileKind(base);
  if (direct) return direct;
  const lower = parts.map((p) => p.toLowerCase());
  if (lower.length >= 2 && lower[lower.length - 2] === '.docker' && base.toLowerCase() === 'config.json') return 'registry credentials';
  for (const part of parts.slice(0, -1)) {
    const dir = secretFileKind(part);
    if (dir && ['.aws', '.ssh', '.gnupg', '.kube'].includes(part.toLowerCase())) return dir;
  }
  return undefined;
}
