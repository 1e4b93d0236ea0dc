import { addHeaderRedefinition } from '../../../rules/nginx/rules/add-header-redefinition';
import { securityHeadersMissing } from '../../../rules/nginx/rules/security-headers-missing';
import { FRAGMENT, nginxRuleTester } from './helpers';

const H = {
  nosniff: 'add_header X-Content-Type-Options "nosniff" always;',
  frame: 'add_header X-Frame-Options "SAMEORIGIN" always;',
  referrer: 'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
  hsts: 'add_header Strict-Transport-Security "max-age=31536000" always;',
};
const ALL3 = [H.nosniff, H.frame, H.referrer];

nginxRuleTester(securityHeadersMissing, {
  valid: [
    { name: 'all set in the server', path: FRAGMENT, code: `server {\n    listen 8080;\n    ${ALL3.join('\n    ')}\n}\n` },
    { name: 'inherited from http', code: `events {}\nhttp {\n    ${ALL3.join('\n    ')}\n    server { listen 8080; }\n}\n` },
    {
      name: 'TLS server with HSTS, CSP frame-ancestors instead of X-Frame-Options, any case',
      path: FRAGMENT,
      code: 'server {\n    listen 443 ssl;\n    add_header x-content-type-options nosniff;\n    add_header Content-Security-Policy "frame-ancestors \'self\'";\n    add_header Referrer-Policy no-referrer;\n    add_header Strict-Transport-Security max-age=63072000;\n}\n',
    },
    { name: 'from an included snippet', path: FRAGMENT, code: 'server {\n    include snippets/headers.conf;\n}\n', files: { '/w/conf.d/snippets/headers.conf': ALL3.join('\n') + '\n' } },
    {
      name: 'from the http of the nginx.conf that includes the fragment',
      path: FRAGMENT,
      code: 'server {\n    listen 8080;\n}\n',
      files: { '/w/nginx.conf': `events {}\nhttp {\n    ${ALL3.join('\n    ')}\n    include conf.d/*.conf;\n}\n` },
    },
    { name: 'headers-more', path: FRAGMENT, code: 'server {\n    more_set_headers "X-Content-Type-Options: nosniff" "X-Frame-Options: DENY" "Referrer-Policy: same-origin";\n}\n' },
    {
      name: 'headers-more with a status filter: the CSP value is read after the option values',
      path: FRAGMENT,
      code: 'server {\n    more_set_headers -s \'200 204\' "Content-Security-Policy: frame-ancestors \'self\'";\n    more_set_headers "X-Content-Type-Options: nosniff" "Referrer-Policy: no-referrer";\n}\n',
    },
    { name: 'redirect-only plain-HTTP server', path: FRAGMENT, code: 'server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n' },
    { name: 'stream servers are not HTTP', code: 'events {}\nstream {\n    server { listen 9000; proxy_pass db:5432; }\n}\n' },
  ],
  invalid: [
    {
      name: 'nothing set: all three added at the top of the server',
      path: FRAGMENT,
      code: 'server {\n    listen 8080;\n    root /srv;\n}\n',
      errors: [{ range: [0, 0, 0, 6], message: '`X-Content-Type-Options`, `X-Frame-Options`, `Referrer-Policy`', severity: 'info', safe: true, fixTitle: 'Add the 3 missing security headers' }],
      output: `server {\n    ${ALL3.join('\n    ')}\n    listen 8080;\n    root /srv;\n}\n`,
    },
    {
      name: 'TLS server lacks HSTS only; added next to its headers, tabs',
      path: FRAGMENT,
      code: `server {\n\tlisten 443 ssl;\n\t${ALL3.join('\n\t')}\n\tlocation / { root /srv; }\n}\n`,
      errors: [{ range: [0, 0, 0, 6], message: '`Strict-Transport-Security`', fixTitle: 'Add `Strict-Transport-Security`' }],
      output: `server {\n\tlisten 443 ssl;\n\t${ALL3.join('\n\t')}\n\t${H.hsts}\n\tlocation / { root /srv; }\n}\n`,
    },
    {
      name: 'inherited from http: the missing ones go into http, next to the others',
      code: `events {}\nhttp {\n    ${H.nosniff}\n    server {\n        listen 8080;\n    }\n    server {\n        listen 8081;\n    }\n}\n`,
      errors: [{ range: [3, 4, 3, 10] }, { range: [6, 4, 6, 10] }],
      output: `events {}\nhttp {\n    ${H.nosniff}\n    ${H.frame}\n    ${H.referrer}\n    server {\n        listen 8080;\n    }\n    server {\n        listen 8081;\n    }\n}\n`,
    },
    {
      name: 'inherited from the including nginx.conf: copied along so nothing is lost',
      path: FRAGMENT,
      code: 'server {\n    listen 8080;\n}\n',
      files: { '/w/nginx.conf': `events {}\nhttp {\n    add_header X-Frame-Options DENY;\n    include conf.d/*.conf;\n}\n` },
      errors: [{ range: [0, 0, 0, 6], message: '`X-Content-Type-Options`, `Referrer-Policy`' }],
      output: `server {\n    add_header X-Frame-Options DENY;\n    ${H.nosniff}\n    ${H.referrer}\n    listen 8080;\n}\n`,
    },
    {
      name: 'a location with its own add_header gets them too, CRLF',
      path: FRAGMENT,
      code: 'server {\r\n  listen 8080;\r\n  location /assets/ {\r\n    add_header Cache-Control public;\r\n  }\r\n}\r\n',
      errors: [{ range: [0, 0, 0, 6] }],
      output: `server {\r\n  ${ALL3.join('\r\n  ')}\r\n  listen 8080;\r\n  location /assets/ {\r\n    add_header Cache-Control public;\r\n    ${ALL3.join('\r\n    ')}\r\n  }\r\n}\r\n`,
    },
    {
      name: 'one-line server',
      code: 'events {}\nhttp {\n    server { listen 8080; }\n}\n',
      errors: [{ range: [2, 4, 2, 10] }],
      output: `events {}\nhttp {\n    server { ${ALL3.join(' ')} listen 8080; }\n}\n`,
    },
    {
      name: 'TLS redirect server still needs HSTS',
      path: FRAGMENT,
      code: 'server {\n    listen 443 ssl;\n    return 301 https://www.example.com$request_uri;\n}\n',
      errors: [{ range: [0, 0, 0, 6], message: 'lack `Strict-Transport-Security`' }],
      output: `server {\n    ${H.hsts}\n    listen 443 ssl;\n    return 301 https://www.example.com$request_uri;\n}\n`,
    },
  ],
});

nginxRuleTester(addHeaderRedefinition, {
  valid: [
    { name: 'location inherits (no add_header of its own)', path: FRAGMENT, code: 'server {\n    add_header X-A a;\n    location / { root /srv; }\n}\n' },
    { name: 'location repeats what it needs', path: FRAGMENT, code: 'server {\n    add_header X-A a;\n    location / {\n        add_header x-a b;\n        add_header X-B b;\n    }\n}\n' },
    { name: 'add_header_inherit merge (nginx 1.29.3+)', code: 'events {}\nhttp {\n    add_header_inherit merge;\n    add_header X-A a;\n    server {\n        add_header X-B b;\n    }\n}\n' },
    { name: 'add_header_inherit off in the block', path: FRAGMENT, code: 'server {\n    add_header X-A a;\n    location / {\n        add_header_inherit off;\n        add_header X-B b;\n    }\n}\n' },
    { name: 'parent sets nothing', path: FRAGMENT, code: 'server {\n    location / {\n        add_header X-B b;\n    }\n}\n' },
    {
      name: 'add_trailer_inherit merge keeps the server trailers',
      path: FRAGMENT,
      code: 'server {\n    add_trailer Server-Timing "db;dur=$upstream_response_time";\n    location /report/ {\n        add_trailer_inherit merge;\n        add_trailer X-Digest $sent_http_digest;\n    }\n}\n',
    },
    {
      name: 'trailers and headers are separate lists',
      path: FRAGMENT,
      code: 'server {\n    add_header X-Frame-Options DENY;\n    location /stream/ {\n        add_trailer X-Rows $rows;\n    }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'location drops the server headers',
      path: FRAGMENT,
      code: 'server {\n    add_header X-Frame-Options "DENY" always;\n    add_header X-Content-Type-Options nosniff;\n\n    location /assets/ {\n        add_header Cache-Control "public";\n    }\n}\n',
      errors: [{ range: [5, 19, 5, 32], message: '`X-Frame-Options`, `X-Content-Type-Options`', severity: 'warning', safe: true, fixTitle: 'Copy the 2 inherited headers into this block' }],
      output:
        'server {\n    add_header X-Frame-Options "DENY" always;\n    add_header X-Content-Type-Options nosniff;\n\n    location /assets/ {\n        add_header X-Frame-Options "DENY" always;\n        add_header X-Content-Type-Options nosniff;\n        add_header Cache-Control "public";\n    }\n}\n',
    },
    {
      name: 'server drops http headers, nested location drops the server ones, if drops the location ones: one pass copies every level',
      code: 'events {}\nhttp {\n\tadd_header X-A a;\n\tserver {\n\t\tadd_header X-B b;\n\t\tlocation / {\n\t\t\tlocation /n/ {\n\t\t\t\tadd_header X-C c;\n\t\t\t\tif ($arg_x) { add_header X-D d; }\n\t\t\t}\n\t\t}\n\t}\n}\n',
      errors: [{ range: [4, 13, 4, 16], message: '`X-A`' }, { range: [7, 15, 7, 18], message: '`X-B`' }, { range: [8, 29, 8, 32], message: '`X-C`' }],
      output:
        'events {}\nhttp {\n\tadd_header X-A a;\n\tserver {\n\t\tadd_header X-A a;\n\t\tadd_header X-B b;\n\t\tlocation / {\n\t\t\tlocation /n/ {\n\t\t\t\tadd_header X-A a;\n\t\t\t\tadd_header X-B b;\n\t\t\t\tadd_header X-C c;\n\t\t\t\tif ($arg_x) { add_header X-A a; add_header X-B b; add_header X-C c; add_header X-D d; }\n\t\t\t}\n\t\t}\n\t}\n}\n',
    },
    {
      name: 'a conf.d server drops the http headers of the including nginx.conf, CRLF',
      path: FRAGMENT,
      code: 'server {\r\n    add_header Strict-Transport-Security "max-age=31536000";\r\n}\r\n',
      files: { '/w/nginx.conf': 'events {}\nhttp {\n    add_header X-Frame-Options DENY always;\n    include /w/conf.d/*.conf;\n}\n' },
      errors: [{ range: [1, 15, 1, 40], message: 'nginx.conf' }],
      output: 'server {\r\n    add_header X-Frame-Options DENY always;\r\n    add_header Strict-Transport-Security "max-age=31536000";\r\n}\r\n',
    },
    {
      name: 'a location add_trailer drops the server trailers',
      path: FRAGMENT,
      code: 'server {\n    add_trailer Server-Timing "app;dur=$request_time";\n    location /export/ {\n        add_trailer X-Row-Count $rows;\n    }\n}\n',
      errors: [{ range: [3, 20, 3, 31], message: 'inherits add_trailer', fixTitle: 'Copy the inherited trailer into this block' }],
      output:
        'server {\n    add_trailer Server-Timing "app;dur=$request_time";\n    location /export/ {\n        add_trailer Server-Timing "app;dur=$request_time";\n        add_trailer X-Row-Count $rows;\n    }\n}\n',
    },
    {
      name: 'headers from an included snippet are copied as written',
      code: 'events {}\nhttp {\n    include headers.conf;\n    server {\n        add_header X-B b;\n    }\n}\n',
      files: { '/w/headers.conf': 'add_header   X-A   "a b";\n' },
      errors: [{ range: [4, 19, 4, 22], message: 'enclosing `http`' }],
      output: 'events {}\nhttp {\n    include headers.conf;\n    server {\n        add_header X-A "a b";\n        add_header X-B b;\n    }\n}\n',
    },
  ],
});
