import type { Report, Rule } from '../../types';
import type { NginxDirective } from '../ast';
import type { NginxModel } from '../model';

// Policy rule (off by default): a proxy without request or connection limits.

const PASS = ['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass'];

export const rateLimitMissing: Rule<NginxModel> = {
  meta: {
    id: 'nginx/rate-limit-missing',
    kind: 'nginx',
    severity: 'off',
    tier: 3,
    title: 'Proxying server has no rate or connection limit',
    aliases: [],
    fix: 'none',
    docs: {
      what:
        'Reports a `server` that proxies requests (`proxy_pass`, `fastcgi_pass`, `uwsgi_pass`, `scgi_pass`, ' +
        '`grpc_pass`) from a place where no `limit_req` or `limit_conn` applies, counting ones inherited from ' +
        '`http` or the enclosing blocks (and the nginx.conf that includes a `conf.d` file). Off by default.',
      why:
        'Without limits, one client can send the application as many requests as nginx accepts: credential ' +
        'stuffing on a login form, scraping, or simply exhausting the application\'s workers and database ' +
        'connections. nginx can refuse the excess for almost nothing (`limit_req_zone $binary_remote_addr …`).',
      example: 'server {\n    location /api/ {\n        proxy_pass http://app;\n    }\n}\n',
      fixed:
        'limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\n\nserver {\n    location /api/ {\n        limit_req zone=api burst=20 nodelay;\n        proxy_pass http://app;\n    }\n}\n',
      notes: 'No automatic fix: zone sizes and rates depend on the traffic. `limit_req_zone` belongs in `http`.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const reported = new Set<NginxDirective>();
    let parentLimited: boolean | undefined;
    for (const name of PASS) {
      for (const pass of model.find(name)) {
        const server = model.enclosing(pass, 'server');
        if (!server || reported.has(server) || model.contextOf(server) !== 'http') continue;
        if (model.effective('limit_req', pass.parent).directives.length || model.effective('limit_conn', pass.parent).directives.length) continue;
        if (!server.parent && model.isFragment) {
          parentLimited ??= model.includingConfigs().some(({ model: parent, include }) =>
            ['limit_req', 'limit_conn'].some((n) => parent.effective(n, include.parent).directives.length > 0),
          );
          if (parentLimited) continue;
        }
        reported.add(server);
        reports.push({
          message: `This server proxies requests (\`${name}\` on line ${pass.nameRange.start.line + 1}) without \`limit_req\` or \`limit_conn\`; one client can flood the upstream.`,
          range: server.nameRange,
        });
      }
    }
    return reports;
  },
};
