import type { Report, Rule } from '../../types';
import type { NginxDirective } from '../ast';
import type { NginxModel } from '../model';
import { insertAfter } from '../edit';

// `allow` only means something when something else is denied: access is granted by default.

export const allowWithoutDeny: Rule<NginxModel> = {
  meta: {
    id: 'nginx/allow-without-deny',
    kind: 'nginx',
    severity: 'error',
    tier: 1,
    title: 'allow without deny all in the same block',
    aliases: ['gixy:allow_without_deny'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports a block (`http`, `server`, `location`, `limit_except`, or the top of a `conf.d` file) that has ' +
        '`allow` rules but no `deny all;` among its own directives (included files count).',
      why:
        'nginx\'s access module allows every client that no rule matched. `allow 10.0.0.0/8;` on its own therefore ' +
        'restricts nothing: it reads like an allow-list but lets the whole internet in. The rules of a block also ' +
        'replace, rather than extend, those of the enclosing block, so a `deny all` in the `server` does not help a ' +
        '`location` that has its own `allow`.',
      example: 'location /admin/ {\n    allow 10.0.0.0/8;\n    proxy_pass http://admin;\n}\n',
      fixed: 'location /admin/ {\n    allow 10.0.0.0/8;\n    deny all;\n    proxy_pass http://admin;\n}\n',
      notes:
        'The quick fix appends `deny all;` after the last `allow`/`deny` of the block. It is unsafe because it ' +
        'changes who gets in, which is the point, but check the list is complete first. `allow all;` alone is not ' +
        'reported, nor is `satisfy any;` with `auth_basic`, `auth_request` or `auth_jwt` in effect: there the ' +
        'allow list is "these addresses, or a login", and clients outside it must still authenticate.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const byParent = new Map<NginxDirective | undefined, NginxDirective[]>();
    for (const allow of model.find('allow')) {
      const list = byParent.get(allow.parent);
      if (list) list.push(allow);
      else byParent.set(allow.parent, [allow]);
    }
    for (const [parent, allows] of byParent) {
      if (allowListOrLogin(model, parent)) continue;
      const children = model.children(parent);
      const rules = children.filter((d) => d.name === 'allow' || d.name === 'deny');
      if (rules.some((d) => d.name === 'deny' && d.args[0]?.value === 'all')) continue;
      const first = allows.find((a) => a.args[0] && a.args[0].value !== 'all');
      if (!first) continue;
      const own = rules.filter((d) => !d.file);
      const last = own[own.length - 1];
      const where = parent ? `this \`${parent.name}\` block` : 'this file';
      reports.push({
        message: `\`allow ${first.args[0].value}\` has no \`deny all;\` after it in ${where}, so every other client is allowed too; add \`deny all;\`.`,
        range: first.args[0].range,
        fix: { title: 'Append `deny all;`', edits: [insertAfter(model, last, ['deny all;'])], safe: false },
      });
    }
    return reports;
  },
};

const AUTH_DIRECTIVES = ['auth_basic', 'auth_request', 'auth_jwt'];

/**
 * `satisfy any;` with an authentication module in effect: a client the allow list does not
 * match falls through to the login instead of being let in, so no `deny all` is needed.
 */
function allowListOrLogin(model: NginxModel, block: NginxDirective | undefined): boolean {
  if (model.effectiveLast('satisfy', block)?.args[0]?.value.toLowerCase() !== 'any') return false;
  return AUTH_DIRECTIVES.some((name) => {
    const value = model.effectiveLast(name, block)?.args[0]?.value;
    return value !== undefined && value.toLowerCase() !== 'off';
  });
}
