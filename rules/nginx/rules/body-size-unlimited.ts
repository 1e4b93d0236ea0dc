import type { Report, Rule } from '../../types';
import type { NginxModel } from '../model';

// `client_max_body_size 0` removes the request body limit altogether.

export const bodySizeUnlimited: Rule<NginxModel> = {
  meta: {
    id: 'nginx/body-size-unlimited',
    kind: 'nginx',
    severity: 'warning',
    tier: 1,
    title: 'Request bodies of any size are accepted (client_max_body_size 0)',
    aliases: [],
    fix: 'none',
    docs: {
      what: 'Reports `client_max_body_size 0` (also written `0k`, `0m`, `0g`), which switches off nginx\'s check of the request body size, wherever it is set.',
      why:
        'nginx buffers request bodies to memory and then to disk before handing them to the application. Without a ' +
        'limit, a single client can stream gigabytes into the temp folder of the container, fill its disk or its ' +
        'tmpfs, and take the service down for everyone; the upstream application usually has no limit of its own ' +
        'because it counts on the proxy. The default is 1 MB: raise it to the largest upload you actually accept.',
      example: 'location /upload/ {\n    client_max_body_size 0;\n    proxy_pass http://app;\n}\n',
      fixed: 'location /upload/ {\n    client_max_body_size 100m;\n    proxy_pass http://app;\n}\n',
      notes: 'There is no quick fix: only you know the largest legitimate upload. Set the limit in the location that receives uploads rather than in `http`.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const directive of model.find('client_max_body_size')) {
      const value = directive.args[0];
      if (directive.args.length !== 1 || !/^0+[kmg]?$/i.test(value.value)) continue;
      reports.push({
        message: '`client_max_body_size 0` accepts request bodies of any size, letting one client fill the disk; set the largest size you accept (e.g. `10m`).',
        range: value.range,
      });
    }
    return reports;
  },
};
