import { aliasTraversal } from '../../../rules/nginx/rules/alias-traversal';
import { allowWithoutDeny } from '../../../rules/nginx/rules/allow-without-deny';
import { ifIsEvil } from '../../../rules/nginx/rules/if-is-evil';
import { methodsUnrestricted } from '../../../rules/nginx/rules/methods-unrestricted';
import { rateLimitMissing } from '../../../rules/nginx/rules/rate-limit-missing';
import { weakTls } from '../../../rules/nginx/rules/weak-tls';
import { FRAGMENT, nginxRuleTester } from './helpers';

nginxRuleTester(weakTls, {
  valid: [
    { code: 'server {\n    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_ciphers HIGH:!aNULL:!MD5:!RC4:-3DES;\n}\n', path: FRAGMENT },
    { code: 'server {\n    ssl_ciphers "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305";\n}\n', path: FRAGMENT },
    { code: 'server {\n    listen 443 ssl;\n}\n', path: FRAGMENT },
    { code: 'server {\n    ssl_protocols TLSv1.3;\n    proxy_ssl_protocols TLSv1.2;\n}\n', path: FRAGMENT },
  ],
  invalid: [
    {
      name: 'TLSv1 and TLSv1.1 in a server',
      path: FRAGMENT,
      code: 'server {\n    listen 443 ssl;\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n}\n',
      errors: [{ range: [2, 18, 2, 23], message: '`TLSv1`, `TLSv1.1`', severity: 'error', safe: true, fixTitle: 'Set `ssl_protocols TLSv1.2 TLSv1.3`' }],
      output: 'server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n',
    },
    {
      name: 'SSLv3 in http, multi-line directive, CRLF',
      code: 'events {}\r\nhttp {\r\n    ssl_protocols TLSv1.2\r\n                  SSLv3;\r\n}\r\n',
      errors: [{ range: [3, 18, 3, 23] }],
      output: 'events {}\r\nhttp {\r\n    ssl_protocols TLSv1.2 TLSv1.3;\r\n}\r\n',
    },
    {
      name: 'proxy_ssl_protocols to an upstream',
      path: FRAGMENT,
      code: 'server {\n\tlocation / {\n\t\tproxy_ssl_protocols TLSv1.1;\n\t}\n}\n',
      errors: [{ range: [2, 22, 2, 29] }],
      output: 'server {\n\tlocation / {\n\t\tproxy_ssl_protocols TLSv1.2 TLSv1.3;\n\t}\n}\n',
    },
    {
      name: 'weak cipher elements, each on its own token',
      path: FRAGMENT,
      code: 'server {\n    ssl_ciphers "HIGH:RC4-SHA:!aNULL:DES-CBC3-SHA:EXPORT";\n}\n',
      errors: [
        { range: [1, 22, 1, 29], message: 'RC4' },
        { range: [1, 37, 1, 49], message: 'Sweet32' },
        { range: [1, 50, 1, 56], message: 'export-grade' },
      ],
      output: null,
    },
    {
      name: 'unquoted NULL and aNULL and MD5',
      path: FRAGMENT,
      code: 'server {\n    ssl_ciphers aNULL:eNULL:RC4-MD5;\n}\n',
      errors: [{ range: [1, 16, 1, 21], message: 'anonymous' }, { range: [1, 22, 1, 27], message: 'no encryption' }, { range: [1, 28, 1, 35], message: 'RC4' }],
    },
  ],
});

nginxRuleTester(allowWithoutDeny, {
  valid: [
    { code: 'location /admin/ {\n    allow 10.0.0.0/8;\n    deny all;\n}\n', path: '/w/snippets/a.conf' },
    { code: 'location /admin/ {\n    allow all;\n}\n', path: '/w/snippets/a.conf' },
    { code: 'location /admin/ {\n    deny 1.2.3.4;\n}\n', path: '/w/snippets/a.conf' },
    {
      name: 'deny all from an include in the same block',
      code: 'events {}\nhttp {\n    server {\n        allow 10.0.0.0/8;\n        include deny.conf;\n    }\n}\n',
      files: { '/w/deny.conf': 'deny all;\n' },
    },
    { code: 'location / {\n    limit_except GET {\n        allow 10.0.0.1;\n        deny all;\n    }\n}\n', path: '/w/snippets/a.conf' },
    {
      name: 'satisfy any with a login: the office network, or a password',
      path: FRAGMENT,
      code: 'server {\n    auth_basic "Staff";\n    auth_basic_user_file /etc/nginx/staff.htpasswd;\n    location /reports/ {\n        satisfy any;\n        allow 192.0.2.0/24;\n    }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'allow alone in a location',
      path: FRAGMENT,
      code: 'server {\n    location /admin/ {\n        allow 10.0.0.0/8;\n        proxy_pass http://admin;\n    }\n}\n',
      errors: [{ range: [2, 14, 2, 24], message: 'no `deny all;`', severity: 'error', safe: false, fixTitle: 'Append `deny all;`' }],
      output: 'server {\n    location /admin/ {\n        allow 10.0.0.0/8;\n        deny all;\n        proxy_pass http://admin;\n    }\n}\n',
    },
    {
      name: 'deny all in the server does not cover the location',
      path: FRAGMENT,
      code: 'server {\n    deny all;\n    location /a/ {\n        allow 127.0.0.1;\n        allow ::1;\n        deny 10.0.0.1;\n    }\n}\n',
      errors: [{ range: [3, 14, 3, 23] }],
      output: 'server {\n    deny all;\n    location /a/ {\n        allow 127.0.0.1;\n        allow ::1;\n        deny 10.0.0.1;\n        deny all;\n    }\n}\n',
    },
    {
      name: 'one-line block and a comment after the allow, tabs, CRLF',
      path: FRAGMENT,
      code: 'server {\r\n\tlocation /x/ { allow 10.0.0.1; return 204; }\r\n\tlocation /y/ {\r\n\t\tallow 10.0.0.2; # office\r\n\t}\r\n}\r\n',
      errors: [{ range: [1, 22, 1, 30] }, { range: [3, 8, 3, 16] }],
      output: 'server {\r\n\tlocation /x/ { allow 10.0.0.1; deny all; return 204; }\r\n\tlocation /y/ {\r\n\t\tallow 10.0.0.2; # office\r\n\t\tdeny all;\r\n\t}\r\n}\r\n',
    },
    {
      name: 'satisfy any without any login module still lets everyone in',
      path: FRAGMENT,
      code: 'server {\n    location /reports/ {\n        satisfy any;\n        auth_basic off;\n        allow 192.0.2.0/24;\n    }\n}\n',
      errors: [{ range: [4, 14, 4, 26] }],
      output: 'server {\n    location /reports/ {\n        satisfy any;\n        auth_basic off;\n        allow 192.0.2.0/24;\n        deny all;\n    }\n}\n',
    },
    {
      name: 'top of a conf.d file',
      path: '/w/conf.d/acl.conf',
      code: 'allow 192.168.0.0/16;\n',
      errors: [{ range: [0, 6, 0, 20] }],
      output: 'allow 192.168.0.0/16;\ndeny all;\n',
    },
  ],
});

nginxRuleTester(aliasTraversal, {
  valid: [
    { code: 'server {\n    location /static/ {\n        alias /srv/static/;\n    }\n}\n', path: FRAGMENT },
    { name: 'regex location with the slash before the capture', code: 'server {\n    location ~ ^/media/(.+)$ {\n        alias /srv/media/$1;\n    }\n}\n', path: FRAGMENT },
    { name: 'regex capture that cannot hold a slash', code: 'server {\n    location ~ ^/f([^/]*)$ {\n        alias /srv/f/$1;\n    }\n}\n', path: FRAGMENT },
    { name: 'alias with a variable', code: 'server {\n    location /u {\n        alias /home/$remote_user;\n    }\n}\n', path: FRAGMENT },
    { code: 'server {\n    location = /robots.txt {\n        alias /srv/robots/;\n    }\n}\n', path: FRAGMENT },
    { code: 'server {\n    location ~ ^/img/(.*)$ {\n        alias /srv/img/$1;\n    }\n}\n', path: FRAGMENT },
    { code: 'server {\n    location /static {\n        root /srv/;\n    }\n}\n', path: FRAGMENT },
  ],
  invalid: [
    {
      name: 'prefix location without slash',
      path: FRAGMENT,
      code: 'server {\n    location /static {\n        alias /srv/app/static/;\n    }\n}\n',
      errors: [{ range: [1, 13, 1, 20], message: '`/static../`', severity: 'error', safe: true, fixTitle: 'Change the location to `/static/`' }],
      output: 'server {\n    location /static/ {\n        alias /srv/app/static/;\n    }\n}\n',
    },
    {
      name: '^~ modifier, quoted path, tabs',
      path: FRAGMENT,
      code: 'server {\n\tlocation ^~ "/media" {\n\t\talias "/data/media/";\n\t}\n}\n',
      errors: [{ range: [1, 13, 1, 21] }],
      output: 'server {\n\tlocation ^~ "/media/" {\n\t\talias "/data/media/";\n\t}\n}\n',
    },
    {
      name: 'nested location, one-line, CRLF',
      path: FRAGMENT,
      code: 'server {\r\n    location /app/ {\r\n        location /app/files { alias /srv/files/; }\r\n    }\r\n}\r\n',
      errors: [{ range: [2, 17, 2, 27] }],
      output: 'server {\r\n    location /app/ {\r\n        location /app/files/ { alias /srv/files/; }\r\n    }\r\n}\r\n',
    },
    {
      name: 'neither side slashed: sibling folders leak, a warning; both get a slash',
      path: FRAGMENT,
      code: 'server {\n    location /downloads {\n        alias /var/www/downloads;\n    }\n}\n',
      errors: [{ range: [1, 13, 1, 23], message: '`/downloads-old/` is served from `/var/www/downloads-old/`', severity: 'warning', safe: true }],
      output: 'server {\n    location /downloads/ {\n        alias /var/www/downloads/;\n    }\n}\n',
    },
    {
      name: 'a single file: made an exact location',
      path: FRAGMENT,
      code: 'server {\n    location /favicon.ico {\n        alias /srv/brand/favicon.ico;\n    }\n}\n',
      errors: [{ range: [1, 13, 1, 25], message: 'location = /favicon.ico', severity: 'warning', fixTitle: 'Make it `location = /favicon.ico`' }],
      output: 'server {\n    location = /favicon.ico {\n        alias /srv/brand/favicon.ico;\n    }\n}\n',
    },
    {
      name: 'regex location: the capture follows no slash, the alias adds one',
      path: FRAGMENT,
      code: 'server {\n    location ~ ^/assets(?<file>.+)$ {\n        alias /srv/app/assets/$file;\n    }\n}\n',
      errors: [{ range: [2, 14, 2, 35], message: '`$file`', severity: 'error' }],
      output: null,
    },
    {
      name: 'the slashed location already exists: no fix',
      path: FRAGMENT,
      code: 'server {\n    location /s/ { return 404; }\n    location /s {\n        alias /srv/s/;\n    }\n}\n',
      errors: [{ range: [2, 13, 2, 15] }],
      output: null,
    },
  ],
});

nginxRuleTester(ifIsEvil, {
  valid: [
    { code: 'server {\n    location / {\n        if ($request_method = POST) { return 405; }\n    }\n}\n', path: FRAGMENT },
    { code: 'server {\n    location / {\n        if ($arg_v) {\n            rewrite ^ /v2$uri last;\n        }\n    }\n}\n', path: FRAGMENT },
    { name: 'if at server level', code: 'server {\n    if ($host != example.com) {\n        set $bad 1;\n        rewrite ^ /x;\n    }\n}\n', path: FRAGMENT },
    { code: 'server {\n    location / {\n        if ($arg_x) { }\n    }\n}\n', path: FRAGMENT },
    {
      name: 'rewrite that redirects answers at once, like return',
      code: 'server {\n    location /old/ {\n        if ($arg_lang = de) { rewrite ^/old/(.*)$ /de/$1 permanent; }\n        if ($arg_lang = fr) { rewrite ^/old/(.*)$ /fr/$1 redirect; }\n    }\n}\n',
      path: FRAGMENT,
    },
  ],
  invalid: [
    {
      name: 'add_header in if',
      path: FRAGMENT,
      code: 'server {\n    location / {\n        if ($http_x_debug) {\n            add_header X-Debug on;\n        }\n        try_files $uri /index.html;\n    }\n}\n',
      errors: [{ range: [3, 12, 3, 22], message: '`add_header`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'return is fine but set is not; rewrite without last',
      path: FRAGMENT,
      code: 'server {\n\tlocation /a/ {\n\t\tif ($arg_a) {\n\t\t\treturn 403;\n\t\t\tset $x 1;\n\t\t}\n\t\tif ($arg_b) { rewrite ^ /b break; }\n\t}\n}\n',
      errors: [{ range: [4, 3, 4, 6], message: '`set`' }, { range: [6, 16, 6, 23], message: '`rewrite`' }],
    },
    {
      name: 'proxy_pass from an included snippet: reported on the if',
      code: 'events {}\nhttp {\n    server {\n        location / {\n            if ($arg_p) {\n                include proxy.conf;\n            }\n        }\n    }\n}\n',
      files: { '/w/proxy.conf': 'proxy_pass http://app;\n' },
      errors: [{ range: [5, 16, 5, 23], message: '`include`, `proxy_pass`' }],
    },
  ],
});

nginxRuleTester(methodsUnrestricted, {
  valid: [
    { code: 'server {\n    location / {\n        limit_except GET { deny all; }\n    }\n}\n', path: FRAGMENT },
    { code: 'server {\n    if ($request_method !~ ^(GET|HEAD)$) { return 405; }\n}\n', path: FRAGMENT },
    { code: 'map $request_method $bad { default 1; GET 0; }\nserver {\n    listen 80;\n}\n', path: FRAGMENT },
    { code: 'events {}\nstream {\n    server { listen 9000; proxy_pass db:5432; }\n}\n' },
  ],
  invalid: [
    {
      name: 'a plain server',
      path: FRAGMENT,
      code: 'server {\n    listen 8080;\n    root /srv;\n}\n',
      errors: [{ range: [0, 0, 0, 6], message: 'restricts the HTTP method' }],
      output: null,
    },
    {
      name: 'only one of two servers restricts',
      code: 'events {}\nhttp {\n    server { location / { limit_except GET { deny all; } } }\n    server { listen 81; }\n}\n',
      errors: [{ range: [3, 4, 3, 10] }],
    },
  ],
});

nginxRuleTester(rateLimitMissing, {
  valid: [
    { code: 'limit_req_zone $binary_remote_addr zone=a:10m rate=5r/s;\nserver {\n    limit_req zone=a;\n    location / { proxy_pass http://app; }\n}\n', path: FRAGMENT },
    { code: 'server {\n    location / {\n        limit_conn c 10;\n        proxy_pass http://app;\n    }\n}\n', path: FRAGMENT },
    { code: 'server {\n    location / { root /srv; }\n}\n', path: FRAGMENT },
    {
      name: 'limit set in the including nginx.conf',
      path: FRAGMENT,
      code: 'server {\n    location / { proxy_pass http://app; }\n}\n',
      files: { '/w/nginx.conf': 'events {}\nhttp {\n    limit_req_zone $binary_remote_addr zone=a:1m rate=1r/s;\n    limit_req zone=a;\n    include conf.d/*.conf;\n}\n' },
    },
  ],
  invalid: [
    {
      name: 'proxy without limits',
      path: FRAGMENT,
      code: 'server {\n    location /api/ {\n        proxy_pass http://app;\n    }\n}\n',
      errors: [{ range: [0, 0, 0, 6], message: 'line 3' }],
      output: null,
    },
    {
      name: 'one unlimited location is enough, reported once',
      code: 'events {}\nhttp {\n    server {\n        location /a/ { limit_req zone=a; proxy_pass http://a; }\n        location /b/ { fastcgi_pass php:9000; }\n        location /c/ { grpc_pass grpc://g:50051; }\n    }\n}\n',
      errors: [{ range: [2, 4, 2, 10], message: '`fastcgi_pass`' }],
    },
  ],
});
