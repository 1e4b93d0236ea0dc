import type { Report, Rule, TextEdit } from '../../types';
import type { NginxArg, NginxDirective } from '../ast';
import type { NginxModel } from '../model';

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
      what: 'Reports a prefix `location` whose path does not end with `/` while the `alias` inside it does: `location /static { alias /srv/static/; }`.',
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
        'they matter. When a `location /static/` already exists beside it, there is no automatic fix.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const alias of model.find('alias')) {
      const location = alias.parent;
      const target = alias.args[0];
      if (!location || location.name !== 'location' || !target || !target.value.endsWith('/')) continue;
      const path = prefixPath(location);
      if (!path || path.value.endsWith('/') || path.value.includes('$')) continue;
      const wanted = `${path.value}/`;
      const taken = model.children(location.parent).some((d) => d.name === 'location' && d !== location && locationKey(d) === wanted);
      // Before the closing quote of a quoted path, else after the path.
      const at = model.lines.positionAt(path.quoted ? path.end - 1 : path.end);
      const edit: TextEdit = { range: { start: at, end: at }, newText: '/' };
      reports.push({
        message: `\`location ${path.value}\` has no trailing \`/\` but its alias \`${target.value}\` does, so \`${path.value}../\` reaches the folder above the alias; write \`location ${wanted}\`.`,
        range: path.range,
        ...(taken ? {} : { fix: { title: `Change the location to \`${wanted}\``, edits: [edit], safe: true } }),
      });
    }
    return reports;
  },
};
