import type { Report, Rule } from '../../types';
import type { NginxModel } from '../model';
import { removeArg } from '../edit';

// `valid_referers none` treats requests without a Referer as valid.

export const validReferersNone: Rule<NginxModel> = {
  meta: {
    id: 'nginx/valid-referers-none',
    kind: 'nginx',
    severity: 'error',
    tier: 1,
    title: 'Referer check accepts requests with no Referer (valid_referers none)',
    aliases: ['gixy:valid_referers'],
    fix: 'unsafe',
    docs: {
      what: 'Reports the `none` parameter of `valid_referers`.',
      why:
        '`valid_referers` exists to refuse requests that did not come from your own pages (hotlinking, cross-site ' +
        'requests to sensitive endpoints). With `none`, a request without a Referer header counts as valid, and ' +
        'dropping the header is trivial: `Referrer-Policy: no-referrer` on the attacker\'s page, a `<meta ' +
        'name="referrer">` tag, an HTTPS→HTTP hop, or any non-browser client. The check then protects nothing.',
      example: 'location /private/ {\n    valid_referers none server_names;\n    if ($invalid_referer) { return 403; }\n}\n',
      fixed: 'location /private/ {\n    valid_referers server_names;\n    if ($invalid_referer) { return 403; }\n}\n',
      notes:
        'The quick fix removes `none`; it is unsafe because visitors whose browsers strip the Referer are then refused. ' +
        'When `none` is the only parameter there is no fix (nginx needs one): name the hosts you accept.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const directive of model.find('valid_referers')) {
      const none = directive.args.find((a) => a.value === 'none');
      if (!none) continue;
      const canRemove = directive.args.length > 1;
      reports.push({
        message: '`valid_referers none` accepts any request that simply omits the Referer header, which attackers can always arrange; remove `none`.',
        range: none.range,
        ...(canRemove ? { fix: { title: 'Remove `none`', edits: [removeArg(model, none)], safe: false } } : {}),
      });
    }
    return reports;
  },
};
