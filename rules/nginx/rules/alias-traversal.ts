import type { Report, Rule, TextEdit } from '../../types';
import type { NginxArg, NginxDirective } from '../ast';
import type { NginxModel } from '../model';
import { CHAR, canContain, mustStartWith, parseRegex } from '../regex';
import { locationRegex, variablesIn } from '../variables';

// `location /files { alias /srv/files/; }` serves /srv/files/../ for /files../.

/** The path argument of a prefix location (`/x`, `^~ /x`), else undefined. */
function prefixPath(location: NginxDirective): NginxArg | undefined {
  const [first, second] = location.args;
  if (!first) return undefined;
  if (first.value === '^~') return second;
  if (first.value.startsWith('~') || first.value.startsWith('=') || first.value.startsWith('@')) return undefined;
  return location.args.length === 1 ? first : undefined;
}

function locationKey(location: NginxDirective): string | undefined {
  const path = prefixPath(location);
  return path ? path.value : undefined;
}

export const aliasTraversal: Rule<NginxModel> = {
  meta: {
    id: 'nginx/alias-traversal',
    kind: 'nginx',
    severity: 'error',
    tier: 1,
    title: 'Path traversal through alias (location without trailing slash)',
    aliases: ['gixy:alias_traversal'],
    fix: 'safe',
    docs: {
      what:
        'Reports a prefix `location` whose path does not end with `/` while the `alias` inside it does: ' +
        '`location /static { alias /srv/static/; }` (an error). When neither ends with `/` ' +
        '(`location /static { alias /srv/static; }`), it reports the milder sibling-prefix leak as a warning. In a ' +
        'regex location it reports an alias that puts a capture after a `/` when the regex has no `/` before that ' +
        'capture and the capture can hold `../`: `location ~ ^/static(.*)$ { alias /srv/static/$1; }`.',
      why:
        'nginx replaces the matched location prefix with the alias. A request for `/static../app/.env` matches ' +
        '`/static`, and the rest, `../app/.env`, is appended to `/srv/static/`, giving `/srv/static/../app/.env`: ' +
        'one folder up, out of the directory you meant to publish. This "off-by-slash" has exposed source code, ' +
        'credentials and keys on many sites. With the slash on both sides, the remainder can never start with `..`.',
      example: 'location /static {\n    alias /srv/app/static/;\n}\n',
      fixed: 'location /static/ {\n    alias /srv/app/static/;\n}\n',
      notes:
        'The fix appends `/` to the location. Requests for exactly `/static` then no longer match it (nginx answers ' +
        'them from another location, usually with a 404); add `location = /static { return 301 /static/; }` if ' +
        'they matter. When a `location /static/` already exists beside it, there is no automatic fix. Without a ' +
        'slash on either side nothing climbs with `..`, but `/static-old/…` is served from `/srv/static-old/…`, any ' +
        'folder beside the alias whose name starts the same; the fix ends both with `/`. A location naming one file ' +
        '(`location /favicon.ico { alias /srv/favicon.ico; }`) gets `location = /favicon.ico` instead. gixy reports ' +
        'both shapes at one severity; here the sibling leak is a warning.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const alias of model.find('alias')) {
      const location = alias.parent;
      const target = alias.args[0];
      if (!location || location.name !== 'location' || !target) continue;
      const regexReport = regexLocation(location, target);
      if (regexReport) {
        reports.push(regexReport);
        continue;
      }
      const path = prefixPath(location);
      if (!path || path.value.endsWith('/') || path.value.includes('$')) continue;
      const wanted = `${path.value}/`;
      const taken = model.children(location.parent).some((d) => d.name === 'location' && d !== location && locationKey(d) === wanted);
      if (target.value.endsWith('/')) {
        reports.push({
          message: `\`location ${path.value}\` has no trailing \`/\` but its alias \`${target.value}\` does, so \`${path.value}../\` reaches the folder above the alias; write \`location ${wanted}\`.`,
          range: path.range,
          ...(taken ? {} : { fix: { title: `Change the location to \`${wanted}\``, edits: [appendSlash(model, path)], safe: true } }),
        });
        continue;
      }
      if (target.value.includes('$')) continue;
      reports.push(siblingPrefix(model, location, path, target, taken));
    }
    return reports;
  },
};

/** An edit adding `/` at the end of `arg` (before the closing quote of a quoted one). */
function appendSlash(model: NginxModel, arg: NginxArg): TextEdit {
  const at = model.lines.positionAt(arg.quoted ? arg.end - 1 : arg.end);
  return { range: { start: at, end: at }, newText: '/' };
}

/**
 * Neither the location nor the alias ends with `/`: `location /img { alias /data/img; }` also
 * serves `/img-private/key` from `/data/img-private/key`, every sibling whose name starts with
 * the alias's. A single file (`location /favicon.ico`) is better an exact location.
 */
function siblingPrefix(model: NginxModel, location: NginxDirective, path: NginxArg, target: NginxArg, taken: boolean): Report {
  const name = path.value.slice(path.value.lastIndexOf('/') + 1);
  const file = name.includes('.') && target.value.slice(target.value.lastIndexOf('/') + 1).includes('.');
  const example = `${path.value}-old/`;
  const reached = `${target.value}-old/`;
  if (file) {
    const exact = location.args.length === 1;
    return {
      message: `\`location ${path.value}\` matches every path that starts with it, so \`${path.value}.bak\` is served from \`${target.value}.bak\`; for a single file write \`location = ${path.value}\`.`,
      range: path.range,
      severity: 'warning',
      ...(exact ? { fix: { title: `Make it \`location = ${path.value}\``, edits: [{ range: { start: path.range.start, end: path.range.start }, newText: '= ' }], safe: true } } : {}),
    };
  }
  return {
    message: `\`location ${path.value}\` and its alias \`${target.value}\` both lack a trailing \`/\`, so \`${example}\` is served from \`${reached}\`: any folder beside the alias whose name starts with \`${target.value.slice(target.value.lastIndexOf('/') + 1)}\`. End both with \`/\`.`,
    range: path.range,
    severity: 'warning',
    ...(taken ? {} : { fix: { title: `End the location and the alias with \`/\``, edits: [appendSlash(model, path), appendSlash(model, target)], safe: true } }),
  };
}

/**
 * `location ~ ^/static(.*)$ { alias /srv/static/$1; }`: the capture comes right after
 * `static` in the URI, so `/static../app/.env` captures `../app/.env` (nginx only resolves
 * `..` between slashes), and the alias puts it after a `/`. Reported when the capture can
 * start with `.` and hold a `/`, the regex has no `/` just before it, and the alias has one.
 */
function regexLocation(location: NginxDirective, target: NginxArg): Report | undefined {
  const pattern = locationRegex(location);
  if (pattern === undefined) return undefined;
  const regex = parseRegex(pattern);
  if (!regex) return undefined;
  for (const ref of variablesIn(target.value)) {
    const key = /^[0-9]$/.test(ref.name) ? Number(ref.name) : ref.name;
    const group = regex.groups.get(key);
    if (!group) continue;
    if (!target.value.slice(0, ref.start).endsWith('/')) continue;
    const open = groupOpening(pattern, key);
    if (open < 0 || pattern[open - 1] === '/') continue;
    if (mustStartWith(group, CHAR.SLASH) === true || !canContain(group, CHAR.DOT) || !canContain(group, CHAR.SLASH)) continue;
    return {
      message: `The capture \`$${ref.name}\` follows no \`/\` in the location regex but a \`/\` in the alias, so a request whose capture starts with \`../\` reaches the folder above \`${target.value.slice(0, ref.start)}\`; put the \`/\` before the group in the regex.`,
      range: target.range,
    };
  }
  return undefined;
}

/** Offset of the `(` that opens capture group `key` (a number, or a name) in `pattern`, or -1. */
function groupOpening(pattern: string, key: number | string): number {
  let index = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c !== '(') continue;
    if (pattern[i + 1] !== '?') {
      if (++index === key) return i;
      continue;
    }
    const named = /^\(\?P?(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(pattern.slice(i));
    if (named) {
      index++;
      if (index === key || (named[1] ?? named[2]) === key) return i;
    }
  }
  return -1;
}
