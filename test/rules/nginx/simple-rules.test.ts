import { addHeaderContentType } from '../../../rules/nginx/rules/add-header-content-type';
import { addHeaderMultiline } from '../../../rules/nginx/rules/add-header-multiline';
import { autoindexOn } from '../../../rules/nginx/rules/autoindex-on';
import { bodySizeUnlimited } from '../../../rules/nginx/rules/body-size-unlimited';
import { hostSpoofing } from '../../../rules/nginx/rules/host-spoofing';
import { resolverExternal } from '../../../rules/nginx/rules/resolver-external';
import { validReferersNone } from '../../../rules/nginx/rules/valid-referers-none';
import { FRAGMENT, nginxRuleTester } from './helpers';

// Rules that look at one directive at a time: one table each.

nginxRuleTester(autoindexOn, {
  valid: [
    { code: 'events {}\nhttp {\n    autoindex off;\n}\n' },
    { code: 'location /x/ {\n    autoindex_exact_size off;\n}\n', path: '/w/snippets/x.conf' },
    { code: 'server {\n    autoindex ${AUTOINDEX};\n}\n', path: FRAGMENT },
    { name: 'suppressed with a reason', code: 'server {\n    # shipshape-ignore nginx/autoindex-on -- public mirror\n    autoindex on;\n}\n', path: FRAGMENT },
  ],
  invalid: [
    {
      name: 'on in a location',
      code: 'events {}\nhttp {\n    server {\n        location /files/ {\n            autoindex on;\n        }\n    }\n}\n',
      errors: [{ range: [4, 22, 4, 24], message: '`autoindex on`', severity: 'warning', safe: false, fixTitle: 'Set `autoindex off`' }],
      output: 'events {}\nhttp {\n    server {\n        location /files/ {\n            autoindex off;\n        }\n    }\n}\n',
    },
    {
      name: 'ON in a fragment, CRLF and tabs',
      path: FRAGMENT,
      code: 'server {\r\n\tlocation / {\r\n\t\tautoindex ON;\r\n\t}\r\n}\r\n',
      errors: [{ range: [2, 12, 2, 14] }],
      output: 'server {\r\n\tlocation / {\r\n\t\tautoindex off;\r\n\t}\r\n}\r\n',
    },
    {
      name: 'inside if and at http level: two findings',
      code: 'events {}\nhttp {\n    autoindex on;\n    server { location / { if ($arg_ls) { autoindex "on"; } } }\n}\n',
      errors: [{ range: [2, 14, 2, 16] }, { range: [3, 51, 3, 55] }],
      output: 'events {}\nhttp {\n    autoindex off;\n    server { location / { if ($arg_ls) { autoindex off; } } }\n}\n',
    },
  ],
});

nginxRuleTester(bodySizeUnlimited, {
  valid: [
    { code: 'events {}\nhttp {\n    client_max_body_size 10m;\n}\n' },
    { code: 'server {\n    client_max_body_size 100;\n}\n', path: FRAGMENT },
    { code: 'location /up/ {\n    client_max_body_size 1g;\n}\n', path: '/w/snippets/up.conf' },
  ],
  invalid: [
    {
      name: 'zero in http',
      code: 'events {}\nhttp {\n    client_max_body_size 0;\n}\n',
      errors: [{ range: [2, 25, 2, 26], message: '`client_max_body_size 0`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'zero with a unit, nested location, tabs',
      path: FRAGMENT,
      code: 'server {\n\tlocation /a/ {\n\t\tlocation /a/b/ {\n\t\t\tclient_max_body_size 0M;\n\t\t}\n\t}\n}\n',
      errors: [{ range: [3, 24, 3, 26] }],
      output: null,
    },
    {
      name: 'from an included snippet is reported in that file only',
      code: 'events {}\nhttp {\n    include snippets/*.conf;\n    client_max_body_size "0";\n}\n',
      files: { '/w/snippets/big.conf': 'client_max_body_size 0;\n' },
      errors: [{ range: [3, 25, 3, 28] }],
    },
  ],
});

nginxRuleTester(addHeaderContentType, {
  valid: [
    {
      name: 'the upstream type is hidden first, so the added one is the only one',
      code: 'location /download/ {\n    proxy_hide_header Content-Type;\n    add_header Content-Type application/octet-stream;\n    proxy_pass http://files;\n}\n',
      path: '/w/snippets/d.conf',
    },
    { code: 'location / {\n    default_type application/json;\n}\n', path: '/w/snippets/a.conf' },
    { code: 'location / {\n    add_header X-Content-Type-Options nosniff;\n}\n', path: '/w/snippets/a.conf' },
    { code: 'location / {\n    proxy_set_header Content-Type text/plain;\n}\n', path: '/w/snippets/a.conf' },
  ],
  invalid: [
    {
      name: 'add_header Content-Type',
      path: FRAGMENT,
      code: 'server {\n    location /api/ {\n        add_header Content-Type application/json;\n    }\n}\n',
      errors: [{ range: [2, 19, 2, 31], message: 'second Content-Type', severity: 'info' }],
      output: null,
    },
    {
      name: 'any capitalisation, quoted, with always, inside if',
      path: FRAGMENT,
      code: 'server {\n    location / {\n        if ($arg_json) { add_header "content-TYPE" "application/json" always; }\n    }\n}\n',
      errors: [{ range: [2, 36, 2, 50] }],
    },
  ],
});

nginxRuleTester(addHeaderMultiline, {
  valid: [
    { code: 'add_header Content-Security-Policy "default-src \'self\'; img-src *";\n', path: '/w/snippets/h.conf' },
    { code: 'more_set_headers "X-A: one";\n', path: '/w/snippets/h.conf' },
    { code: 'add_header X-A\n    "continued argument on the next line";\n', path: '/w/snippets/h.conf' },
    {
      name: 'more_set_headers option values are content types and statuses, not headers',
      code: "more_set_headers -s '502 504' -t 'application/json\n    text/csv' 'X-Served-By: edge';\n",
      path: '/w/snippets/h.conf',
    },
  ],
  invalid: [
    {
      name: 'quoted value spanning lines',
      path: '/w/snippets/h.conf',
      code: 'add_header Content-Security-Policy "default-src \'self\';\n    script-src \'self\'";\n',
      errors: [{ range: [0, 35, 1, 22], message: 'line break', severity: 'info' }],
      output: null,
    },
    {
      name: 'escaped \\n, CRLF file',
      path: FRAGMENT,
      code: 'server {\r\n    add_header X-A "a\\nb" always;\r\n}\r\n',
      errors: [{ range: [1, 19, 1, 25] }],
    },
    {
      name: 'more_set_headers with a line break',
      path: '/w/snippets/h.conf',
      code: "more_set_headers -s 404 'X-A: a\n b';\n",
      errors: [{ range: [0, 24, 1, 3] }],
    },
  ],
});

nginxRuleTester(hostSpoofing, {
  valid: [
    { code: 'location / {\n    proxy_set_header Host $host;\n}\n', path: '/w/snippets/p.conf' },
    { code: 'location / {\n    proxy_set_header X-Original-Host $http_host;\n}\n', path: '/w/snippets/p.conf' },
    { code: 'location / {\n    proxy_set_header Host $http_hostname;\n}\n', path: '/w/snippets/p.conf' },
    { code: 'location / {\n    proxy_set_header Host "$host:$server_port";\n}\n', path: '/w/snippets/p.conf' },
  ],
  invalid: [
    {
      name: 'Host $http_host',
      path: FRAGMENT,
      code: 'server {\n    location / {\n        proxy_set_header Host $http_host;\n        proxy_pass http://app;\n    }\n}\n',
      errors: [{ range: [2, 30, 2, 40], message: 'unchecked Host header', severity: 'warning', safe: true, fixTitle: 'Use `$host`' }],
      output: 'server {\n    location / {\n        proxy_set_header Host $host;\n        proxy_pass http://app;\n    }\n}\n',
    },
    {
      name: 'lower-case header name, quoted, braces form, tabs',
      path: FRAGMENT,
      code: 'server {\n\tproxy_set_header host "${http_host}";\n}\n',
      errors: [{ range: [1, 24, 1, 36] }],
      output: 'server {\n\tproxy_set_header host "$host";\n}\n',
    },
    {
      name: 'with a port suffix and grpc_set_header',
      path: FRAGMENT,
      code: 'server {\n    proxy_set_header Host $http_host:443;\n    grpc_set_header Host $http_host;\n}\n',
      errors: [{ range: [1, 26, 1, 36] }, { range: [2, 25, 2, 35] }],
      output: 'server {\n    proxy_set_header Host $host:443;\n    grpc_set_header Host $host;\n}\n',
    },
    {
      name: 'Host from a query argument: reported, no fix',
      path: FRAGMENT,
      code: 'server {\n    location /render/ {\n        proxy_set_header Host $arg_site;\n        proxy_pass http://renderer;\n    }\n}\n',
      errors: [{ range: [2, 30, 2, 39], message: '`?site=…`', severity: 'warning' }],
      output: null,
    },
  ],
});

nginxRuleTester(validReferersNone, {
  valid: [
    { code: 'location /i/ {\n    valid_referers server_names *.example.com;\n}\n', path: '/w/snippets/r.conf' },
    { code: 'location /i/ {\n    valid_referers blocked example.com;\n}\n', path: '/w/snippets/r.conf' },
    { code: 'location /i/ {\n    valid_referers nonetheless.example.com;\n}\n', path: '/w/snippets/r.conf' },
  ],
  invalid: [
    {
      name: 'none first',
      path: FRAGMENT,
      code: 'server {\n    location /private/ {\n        valid_referers none server_names;\n        if ($invalid_referer) { return 403; }\n    }\n}\n',
      errors: [{ range: [2, 23, 2, 27], message: '`valid_referers none`', severity: 'error', safe: false, fixTitle: 'Remove `none`' }],
      output: 'server {\n    location /private/ {\n        valid_referers server_names;\n        if ($invalid_referer) { return 403; }\n    }\n}\n',
    },
    {
      name: 'none in the middle, tabs',
      path: FRAGMENT,
      code: 'server {\n\tvalid_referers blocked\tnone *.example.com;\n}\n',
      errors: [{ range: [1, 24, 1, 28] }],
      output: 'server {\n\tvalid_referers blocked *.example.com;\n}\n',
    },
    {
      name: 'none alone: no fix',
      path: FRAGMENT,
      code: 'server {\n    valid_referers none;\n}\n',
      errors: [{ range: [1, 19, 1, 23] }],
      output: null,
    },
  ],
});

nginxRuleTester(resolverExternal, {
  valid: [
    { code: 'resolver 127.0.0.11 valid=10s;\n', path: FRAGMENT },
    { code: 'resolver 10.96.0.10 192.168.1.1:53 172.16.0.2 100.64.0.1 [::1] [fd00::53]:53 ipv6=off;\n', path: FRAGMENT },
    { code: 'resolver kube-dns.kube-system.svc.cluster.local;\n', path: FRAGMENT },
    { code: 'resolver ${DNS_SERVER};\n', path: FRAGMENT },
  ],
  invalid: [
    {
      name: 'Google and Cloudflare',
      path: FRAGMENT,
      code: 'resolver 8.8.8.8 1.1.1.1:53 valid=30s;\n',
      errors: [{ range: [0, 9, 0, 16], message: 'public DNS server', severity: 'warning' }, { range: [0, 17, 0, 27] }],
      output: null,
    },
    {
      name: 'public IPv6 among private ones, in a server',
      path: FRAGMENT,
      code: 'server {\n    resolver 127.0.0.11 [2606:4700:4700::1111];\n}\n',
      errors: [{ range: [1, 24, 1, 46] }],
    },
    {
      name: 'whole config, in http',
      code: 'events {}\nhttp {\n    resolver 9.9.9.9;\n}\n',
      errors: [{ range: [2, 13, 2, 20] }],
    },
  ],
});
