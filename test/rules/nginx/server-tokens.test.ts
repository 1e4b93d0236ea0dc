import { serverTokens } from '../../../rules/nginx/rules/server-tokens';
import { ruleTester, type InvalidCase, type ValidCase } from '../tester';

// The tester turns every other rule off, nginx/syntax included; keep it on so "must parse
// cleanly" really checks each case (and each fixed output) against the parser.
const withSyntax = <T extends ValidCase>(c: T): T => ({ ...c, rules: { 'nginx/syntax': 'error', ...c.rules } });

const FRAGMENT = '/w/conf.d/default.conf';

const valid: ValidCase[] = [
  { name: 'off in http', code: 'events {}\nhttp {\n    server_tokens off;\n    server { listen 8080; }\n}\n' },
  { name: 'off, any case', code: 'events {}\nhttp {\n    server_tokens OFF;\n}\n' },
  { name: 'custom string (nginx plus) is not on', code: 'events {}\nhttp {\n    server_tokens "";\n}\n' },
  { name: 'every server turns it off itself', code: 'events {}\nhttp {\n    server { server_tokens off; }\n    server { server_tokens off; listen 81; }\n}\n' },
  { name: 'stream-only config has no http', code: 'events {}\nstream {\n    server { listen 9000; proxy_pass db:5432; }\n}\n' },
  {
    name: 'set in an included file at http level',
    code: 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n',
    files: { '/w/conf.d/security.conf': 'server_tokens off;\n' },
  },
  { name: 'fragment that sets it at the top', path: FRAGMENT, code: 'server_tokens off;\n\nserver {\n    listen 8080;\n}\n' },
  { name: 'fragment whose servers all set it', path: FRAGMENT, code: 'server {\n    listen 8080;\n    server_tokens off;\n}\n' },
  { name: 'fragment without servers (a snippet)', path: '/w/snippets/proxy.conf', code: 'proxy_set_header Host $host;\nproxy_http_version 1.1;\n' },
  { name: 'location snippet', path: '/w/snippets/health.conf', code: 'location /health {\n    return 204;\n}\n' },
  {
    name: 'fragment included by an nginx.conf that turns it off',
    path: FRAGMENT,
    code: 'server {\n    listen 8080;\n}\n',
    files: { '/w/nginx.conf': 'events {}\nhttp {\n    server_tokens off;\n    include /w/conf.d/*.conf;\n}\n' },
  },
  { name: 'template placeholder value', code: 'events {}\nhttp {\n    server_tokens ${SERVER_TOKENS};\n}\n' },
  { name: 'empty file', code: '' },
  {
    name: 'suppressed on a multi-line directive (the pragma governs the whole statement)',
    code: 'events {}\nhttp {\n    server_tokens off;\n    server {\n        # shipshape-ignore nginx/server-tokens -- debugging only\n        server_tokens\n            on;\n    }\n}\n',
  },
  { name: 'suppressed for the file', code: '# shipshape-ignore-file nginx/server-tokens\nevents {}\nhttp {\n}\n' },
];

const invalid: InvalidCase[] = [
  {
    name: 'on in http',
    code: 'events {}\nhttp {\n    server_tokens on;\n}\n',
    errors: [{ range: [2, 18, 2, 20], message: '`server_tokens on`', severity: 'warning', safe: true, fixTitle: 'Set `server_tokens off`' }],
    output: 'events {}\nhttp {\n    server_tokens off;\n}\n',
  },
  {
    name: 'build in a location, nested deep',
    code: 'events {}\nhttp {\n    server_tokens off;\n    server {\n        location / {\n            server_tokens build;\n        }\n    }\n}\n',
    errors: [{ range: [5, 26, 5, 31], message: '`server_tokens build`' }],
    output: 'events {}\nhttp {\n    server_tokens off;\n    server {\n        location / {\n            server_tokens off;\n        }\n    }\n}\n',
  },
  {
    name: 'quoted "on"',
    code: 'events {}\nhttp {\n    server_tokens "on";\n}\n',
    errors: [{ range: [2, 18, 2, 22] }],
    output: 'events {}\nhttp {\n    server_tokens off;\n}\n',
  },
  {
    name: 'on inside if',
    code: 'events {}\nhttp {\n    server_tokens off;\n    server {\n        location / {\n            if ($arg_debug) { server_tokens on; }\n        }\n    }\n}\n',
    errors: [{ line: 5 }],
    output: 'events {}\nhttp {\n    server_tokens off;\n    server {\n        location / {\n            if ($arg_debug) { server_tokens off; }\n        }\n    }\n}\n',
  },
  {
    name: 'never set in http (the default is on)',
    code: 'user nginx;\nevents {}\nhttp {\n    sendfile on;\n\n    server {\n        listen 8080;\n    }\n}\n',
    errors: [{ range: [2, 0, 2, 4], message: 'never sets `server_tokens`', fixTitle: 'Add `server_tokens off;` to `http`' }],
    output: 'user nginx;\nevents {}\nhttp {\n    server_tokens off;\n    sendfile on;\n\n    server {\n        listen 8080;\n    }\n}\n',
  },
  {
    name: 'never set, tab-indented with CRLF',
    code: 'events {}\r\nhttp {\r\n\tinclude mime.types;\r\n}\r\n',
    errors: [{ range: [1, 0, 1, 4] }],
    output: 'events {}\r\nhttp {\r\n\tserver_tokens off;\r\n\tinclude mime.types;\r\n}\r\n',
  },
  {
    name: 'never set, 2-space indent, comment after {',
    code: 'events {}\nhttp { # main\n  # servers\n  server {\n    listen 80;\n  }\n}\n',
    errors: [{ range: [1, 0, 1, 4] }],
    output: 'events {}\nhttp { # main\n  server_tokens off;\n  # servers\n  server {\n    listen 80;\n  }\n}\n',
  },
  {
    name: 'never set, empty http block: indent from the file',
    code: 'events {\n   worker_connections 10;\n}\nhttp {\n}\n',
    errors: [{ range: [3, 0, 3, 4] }],
    output: 'events {\n   worker_connections 10;\n}\nhttp {\n   server_tokens off;\n}\n',
  },
  {
    name: 'never set, one-line http block',
    code: 'events {}\nhttp { include conf.d/*.conf; }\n',
    errors: [{ range: [1, 0, 1, 4] }],
    output: 'events {}\nhttp { server_tokens off; include conf.d/*.conf; }\n',
  },
  {
    name: 'only some servers turn it off',
    code: 'events {}\nhttp {\n    server { server_tokens off; }\n    server { listen 81; }\n}\n',
    errors: [{ range: [1, 0, 1, 4] }],
    output: 'events {}\nhttp {\n    server_tokens off;\n    server { server_tokens off; }\n    server { listen 81; }\n}\n',
  },
  {
    name: 'on in http and a server: two findings',
    code: 'events {}\nhttp {\n    server_tokens on;\n    server {\n        server_tokens on;\n    }\n}\n',
    errors: [{ range: [2, 18, 2, 20] }, { range: [4, 22, 4, 24] }],
    output: 'events {}\nhttp {\n    server_tokens off;\n    server {\n        server_tokens off;\n    }\n}\n',
  },
  {
    name: 'conf.d fragment with a server and nothing set',
    path: FRAGMENT,
    code: '# Default site\nserver {\n    listen 8080;\n    location / {\n        root /usr/share/nginx/html;\n    }\n}\n',
    errors: [{ range: [1, 0, 1, 6], message: 'Nothing in this file sets `server_tokens`', fixTitle: 'Add `server_tokens off;` at the top of the file' }],
    output: '# Default site\nserver_tokens off;\n\nserver {\n    listen 8080;\n    location / {\n        root /usr/share/nginx/html;\n    }\n}\n',
  },
  {
    name: 'fragment: reported on the first server that lacks it',
    path: FRAGMENT,
    code: 'upstream app { server app:3000; }\r\nserver {\r\n  server_tokens off;\r\n}\r\nserver {\r\n  listen 81;\r\n}\r\n',
    errors: [{ range: [4, 0, 4, 6] }],
    output: 'server_tokens off;\r\n\r\nupstream app { server app:3000; }\r\nserver {\r\n  server_tokens off;\r\n}\r\nserver {\r\n  listen 81;\r\n}\r\n',
  },
  {
    name: 'fragment whose including nginx.conf leaves it on',
    path: FRAGMENT,
    code: 'server {\n    listen 8080;\n}\n',
    files: { '/w/nginx.conf': 'events {}\nhttp {\n    include /w/conf.d/*.conf;\n}\n' },
    errors: [{ range: [0, 0, 0, 6] }],
    output: 'server_tokens off;\n\nserver {\n    listen 8080;\n}\n',
  },
  {
    name: 'template (envsubst) fragment with placeholders',
    path: '/w/templates/default.conf.template',
    code: 'server {\n    listen ${NGINX_PORT};\n    server_name ${NGINX_HOST};\n}\n',
    errors: [{ range: [0, 0, 0, 6] }],
    output: 'server_tokens off;\n\nserver {\n    listen ${NGINX_PORT};\n    server_name ${NGINX_HOST};\n}\n',
  },
  {
    name: 'http with a Lua block and a map: still inserted first',
    code: 'events {}\nhttp {\n    map $uri $x { default 0; }\n    init_by_lua_block { local t = {} }\n}\n',
    errors: [{ range: [1, 0, 1, 4] }],
    output: 'events {}\nhttp {\n    server_tokens off;\n    map $uri $x { default 0; }\n    init_by_lua_block { local t = {} }\n}\n',
  },
];

ruleTester(serverTokens, { valid: valid.map(withSyntax), invalid: invalid.map(withSyntax) });
