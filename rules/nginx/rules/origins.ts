import type { Range, Report, Rule } from '../../types';
import type { NginxArg } from '../ast';
import type { NginxModel } from '../model';
import { parseRegex, samples, toJsRegExp, type Sample } from '../regex';
import { parseCondition } from '../variables';

// Regexes that are meant to accept only your own sites in Origin/Referer checks, but that an
// attacker-registered domain also satisfies.

const ATTACKER = 'evil.com';

/** Second-level labels under which registrable domains sit one level deeper (`example.co.uk`). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'ltd', 'plc']);

/** The registrable domain of a host (`a.b.example.co.uk` → `example.co.uk`); the host itself for IPs and single labels. */
export function registrable(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.includes(':')) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const take = labels[labels.length - 1].length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]) ? 3 : 2;
  return labels.slice(-take).join('.');
}

interface Url {
  scheme: string;
  host: string;
  /** Offsets of the host in the text. */
  hostStart: number;
  hostEnd: number;
  rest: string;
}

function parseUrl(text: string): Url | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#:]*)/i.exec(text);
  if (!m) return undefined;
  const hostStart = m[1].length + 3;
  return { scheme: m[1], host: m[2], hostStart, hostEnd: hostStart + m[2].length, rest: text.slice(hostStart + m[2].length) };
}

/** Whether `candidate` is something the browser could send as this header. */
function plausible(candidate: string, header: 'origin' | 'referer'): Url | undefined {
  const url = parseUrl(candidate);
  if (!url || !/^https?$/i.test(url.scheme) || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.host)) return undefined;
  if (header === 'origin' && !/^(:\d+)?$/.test(url.rest)) return undefined;
  return url;
}

/**
 * An attacker-controlled value the regex accepts (`registrable`), else one that only shows an
 * unescaped `.` in the host (`https://examplexcom/`: no one can register that, but it is one
 * edit away from a hole), else undefined when the pattern looks tight.
 */
function bypass(pattern: string, caseInsensitive: boolean, header: 'origin' | 'referer'): { value: string; registrable: boolean } | undefined {
  const parsed = parseRegex(pattern);
  const re = parsed && toJsRegExp(pattern, caseInsensitive || parsed.caseInsensitive);
  if (!parsed || !re) return undefined;
  let loose: string | undefined;
  for (const sample of samples(parsed)) {
    const found = attack(sample, re, header);
    if (found) return { value: found, registrable: true };
    loose ??= looseDot(sample, re);
  }
  return loose === undefined ? undefined : { value: loose, registrable: false };
}

/** The sample with a wildcard `.` of its host replaced by a letter, when the regex still accepts it. */
function looseDot(sample: Sample, re: RegExp): string | undefined {
  const url = parseUrl(sample.text);
  if (!url) return undefined;
  for (let i = url.hostStart; i < url.hostEnd; i++) {
    if (!sample.wild[i] || sample.text[i] !== '.') continue;
    const candidate = `${sample.text.slice(0, i)}x${sample.text.slice(i + 1)}`;
    re.lastIndex = 0;
    if (re.test(candidate)) return candidate;
  }
  return undefined;
}

function attack(sample: Sample, re: RegExp, header: 'origin' | 'referer'): string | undefined {
  let text = sample.text;
  let wild = sample.wild;
  if (!parseUrl(text)) {
    // `example\.com$` with no scheme: judge it as it would see a full origin.
    text = `https://${text}`;
    wild = [...Array(8).fill(false), ...wild];
  }
  const url = parseUrl(text);
  if (!url || !url.host) return undefined;
  const trusted = registrable(url.host.replace(/`/g, 'a'));
  const candidates: string[] = [];
  const head = text.slice(0, url.hostStart);
  const tail = text.slice(url.hostEnd);
  const domainStart = url.hostEnd - trusted.length;
  // An attacker subdomain in front of the trusted one: example.com.evil.com
  candidates.push(`${head}${url.host}.${ATTACKER}${tail}`);
  // A look-alike registered domain: evil-example.com
  candidates.push(`${text.slice(0, domainStart)}evil-${text.slice(domainStart)}`);
  // Each character a wildcard produced, replaced by something an attacker can register.
  for (let i = url.hostStart; i < url.hostEnd; i++) {
    if (!wild[i]) continue;
    for (const replacement of ['x', `${ATTACKER}/`, `${ATTACKER}?`, `${ATTACKER}#`]) candidates.push(text.slice(0, i) + replacement + text.slice(i + 1));
  }
  // The trusted URL inside an attacker URL (unanchored start).
  candidates.push(`https://${ATTACKER}/?${text}`, `https://${ATTACKER}/${text}`, `https://${ATTACKER}${text.replace(/^https?:\/\//i, '.')}`);
  for (const candidate of candidates) {
    const parsed = plausible(candidate, header);
    if (!parsed || registrable(parsed.host) === trusted) continue;
    re.lastIndex = 0;
    if (re.test(candidate)) return candidate;
  }
  return undefined;
}

const HEADERS: Record<string, 'origin' | 'referer'> = { $http_origin: 'origin', $http_referer: 'referer' };

export const origins: Rule<NginxModel> = {
  meta: {
    id: 'nginx/origins',
    kind: 'nginx',
    severity: 'warning',
    tier: 1,
    title: 'Origin/Referer check accepts attacker domains',
    aliases: ['gixy:origins'],
    fix: 'none',
    docs: {
      what:
        'Reads the regular expressions that check `$http_origin` or `$http_referer` (in `if ($http_origin ~ …)` and ' +
        'in the regex keys of a `map $http_origin …`) and reports one when a domain an attacker can register ' +
        'also matches: a missing `^` or `$`, an unescaped `.`, or a wildcard that can reach into the registered ' +
        'domain. The message shows a value that gets through. `$http_referrer` (a header no browser sends) is ' +
        'reported too.',
      why:
        'These checks guard CORS (`Access-Control-Allow-Origin`), framing and CSRF protections. `~ "example.com"` ' +
        'also accepts `https://example.com.evil.com`, `^https://www.example.com` accepts ' +
        '`https://wwwxexample.com`, and `^https://.*example\\.com$` accepts `https://evilexample.com`: domains ' +
        'anyone can buy, after which their pages read your users\' data with the users\' cookies.',
      example: 'if ($http_origin ~* "https://.*example.com") {\n    add_header Access-Control-Allow-Origin $http_origin;\n}\n',
      fixed: 'if ($http_origin ~* "^https://([a-z0-9-]+\\.)*example\\.com$") {\n    add_header Access-Control-Allow-Origin $http_origin;\n}\n',
      notes:
        'The check generates candidate origins from the pattern and runs the pattern on them; patterns it cannot read ' +
        'are skipped. Registrable domains are judged by the last two labels (three under `co.uk`-style suffixes), ' +
        'not the full public-suffix list that gixy uses. An unescaped `.` that only lets through single-label hosts ' +
        'nobody can register (`^https://example.com/` accepting `https://examplexcom/`) is reported at `info`, where ' +
        'gixy reports it like a real bypass. Plain `http://` origins are accepted: gixy flags them only with its ' +
        '`https_only` option, which has no equivalent here.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const report = (pattern: string, caseInsensitive: boolean, header: 'origin' | 'referer', range: Range) => {
      const found = bypass(pattern, caseInsensitive, header);
      if (!found) return;
      const name = header === 'origin' ? 'Origin' : 'Referer';
      if (!found.registrable) {
        reports.push({
          message: `This regex checks the ${name} header with an unescaped \`.\` in the host, so it also accepts \`${found.value}\`. No domain anyone can register gets through as written, but one more wildcard would open it: escape the dot (\`\\.\`).`,
          range,
          severity: 'info',
        });
        return;
      }
      reports.push({
        message: `This regex checks the ${name} header but also accepts \`${found.value}\`, a domain anyone can register; anchor it (\`^…$\`), escape dots, and keep wildcards out of the domain name.`,
        range,
      });
    };
    for (const block of model.find('if')) {
      const cond = parseCondition(block.args);
      if (!cond || !/^!?~\*?$/.test(cond.operator) || !cond.operandArg) continue;
      if (cond.variable === '$http_referrer') {
        reports.push({ message: '`$http_referrer` is never set (the header is spelled `Referer`), so this check compares an empty value; use `$http_referer`.', range: block.args[0].range });
        continue;
      }
      const header = HEADERS[cond.variable.toLowerCase()];
      if (!header) continue;
      report(cond.operand, cond.operator.endsWith('*'), header, operandRange(model, cond.operandArg));
    }
    for (const map of model.find('map')) {
      const header = HEADERS[map.args[0]?.value.toLowerCase() ?? ''];
      if (!header || map.block?.kind !== 'entries') continue;
      for (const entry of map.block.children) {
        const key = entry.nameToken;
        if (!key.value.startsWith('~')) continue;
        const insensitive = key.value.startsWith('~*');
        report(key.value.slice(insensitive ? 2 : 1), insensitive, header, key.range);
      }
    }
    return reports;
  },
};

/** The operand's range without a glued closing parenthesis (`"re")` or `re)`). */
function operandRange(model: NginxModel, arg: NginxArg): Range {
  if (!arg.quoted && arg.raw.endsWith(')')) return model.lines.rangeOf(arg.start, arg.end - 1);
  return arg.range;
}
