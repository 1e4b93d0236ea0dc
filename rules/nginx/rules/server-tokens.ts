import type { Fix, Report, Rule, TextEdit } from '../../types';
import type { NginxDirective } from '../ast';
import type { NginxModel } from '../model';
import { indentOf, insertAtTop, insertFirstInBlock } from '../edit';

// `server_tokens` defaults to `on`: every response's Server header and every built-in error
// page then carry the exact nginx version. This rule reports explicit `on`/`build`, and
// configurations that never turn it off.

const LEAKY_VALUES = new Set(['on', 'build']);
const DIRECTIVE = 'server_tokens off;';

export const serverTokens: Rule<NginxModel> = {
  meta: {
    id: 'nginx/server-tokens',
    kind: 'nginx',
    severity: 'warning',
    tier: 1,
    title: 'nginx announces its version (server_tokens is on)',
    aliases: ['gixy:version_disclosure'],
    fix: 'safe',
    docs: {
      what:
        'Reports `server_tokens on` and `server_tokens build` wherever they appear, and a whole ' +
        '`nginx.conf` whose `http` block never sets `server_tokens` at all, because nginx then ' +
        'behaves as if it said `on`. For a `conf.d`-style file of bare `server` blocks, it reports ' +
        'when neither the file, nor any of its servers, nor an `nginx.conf` next to it that includes ' +
        'it turns the setting off.',
      why:
        'With `server_tokens` on, nginx writes its exact version into the `Server` response header ' +
        '(`Server: nginx/1.22.1`) and into the footer of every error page it generates. Scanners ' +
        'harvest that string to match servers against lists of known vulnerabilities, so an image ' +
        'that falls behind on patches advertises precisely which exploits will work. Hiding the ' +
        'version costs nothing and takes an easy signal away from automated attacks. (`build` is no ' +
        'better: it adds the build name to the version.)',
      example: 'http {\n    sendfile on;\n\n    server {\n        listen 8080;\n    }\n}\n',
      fixed: 'http {\n    server_tokens off;\n    sendfile on;\n\n    server {\n        listen 8080;\n    }\n}\n',
      notes:
        'The fix sets `server_tokens off;` once in `http`, which every server and location inherits; ' +
        'in a `conf.d` fragment it goes at the top of the file, where it is valid because such files ' +
        'are included inside `http`. `off` still sends `Server: nginx`, without the version; removing ' +
        'the header entirely needs a third-party module such as headers-more. A configuration in which ' +
        'every `server` block sets `server_tokens off` itself is not reported.',
    },
  },
  check(model) {
    const reports = explicitLeaks(model);
    const missing = model.isFragment ? missingInFragment(model) : missingInHttp(model);
    return [...reports, ...missing];
  },
};

function explicitLeaks(model: NginxModel): Report[] {
  const reports: Report[] = [];
  for (const directive of model.find('server_tokens')) {
    const value = directive.args[0];
    if (directive.args.length !== 1 || !LEAKY_VALUES.has(value.value.toLowerCase())) continue;
    reports.push({
      message: `\`server_tokens ${value.value}\` puts the exact nginx version in every Server header and error page; set it to \`off\`.`,
      range: value.range,
      fix: fix(`Set \`server_tokens off\``, [{ range: value.range, newText: 'off' }]),
    });
  }
  return reports;
}

function missingInHttp(model: NginxModel): Report[] {
  const reports: Report[] = [];
  for (const http of model.directives) {
    if (http.name !== 'http' || http.block?.kind !== 'directives') continue;
    if (setsServerTokens(model, http)) continue;
    reports.push({
      message:
        '`http` never sets `server_tokens`, so nginx defaults to `on` and announces its exact version in every response; add `server_tokens off;`.',
      range: http.nameRange,
      fix: fix('Add `server_tokens off;` to `http`', [insertFirstInBlock(model, http, DIRECTIVE)]),
    });
  }
  return reports;
}

function missingInFragment(model: NginxModel): Report[] {
  if (model.topContext !== 'http') return [];
  const servers = model.directives.filter((d) => d.name === 'server' && d.block?.kind === 'directives');
  if (!servers.length || setsServerTokens(model, undefined)) return [];
  const parentSetsIt = model.includingConfigs().some(({ model: parent, include }) => {
    const http = enclosingHttp(include);
    return http !== undefined && parent.childrenNamed(http, 'server_tokens').some((d) => d.file !== model.path);
  });
  if (parentSetsIt) return [];
  const first = servers.find((server) => !model.childrenNamed(server, 'server_tokens').length) ?? servers[0];
  const topIndent = indentOf(model.lines.lineText(model.directives[0].nameRange.start.line));
  return [
    {
      message:
        'Nothing in this file sets `server_tokens`, so unless the nginx.conf that includes it does, nginx announces its exact version in every response; add `server_tokens off;` at the top.',
      range: first.nameRange,
      fix: fix('Add `server_tokens off;` at the top of the file', [insertAtTop(model, `${topIndent}${DIRECTIVE}`)]),
    },
  ];
}

/**
 * Whether `block` (or the file's top level) sets server_tokens itself, or every server in it
 * does (then no response can come from a server that leaks).
 */
function setsServerTokens(model: NginxModel, block: NginxDirective | undefined): boolean {
  const children = model.children(block);
  if (children.some((d) => d.name === 'server_tokens')) return true;
  const servers = children.filter((d) => d.name === 'server' && d.block?.kind === 'directives');
  return servers.length > 0 && servers.every((server) => model.childrenNamed(server, 'server_tokens').length > 0);
}

function enclosingHttp(directive: NginxDirective): NginxDirective | undefined {
  for (let d = directive.parent; d; d = d.parent) if (d.name === 'http') return d;
  return undefined;
}

function fix(title: string, edits: TextEdit[]): Fix {
  return { title, edits, safe: true };
}
