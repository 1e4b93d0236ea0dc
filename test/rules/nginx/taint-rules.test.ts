import { httpSplitting } from '../../../rules/nginx/rules/http-splitting';
import { origins } from '../../../rules/nginx/rules/origins';
import { ssrf } from '../../../rules/nginx/rules/ssrf';
import { FRAGMENT, nginxRuleTester } from './helpers';

// The rules built on variable taint and regex reading (gixy's ssrf, http_splitting, origins).

nginxRuleTester(ssrf, {
  valid: [
    { name: 'static upstream', code: 'server {\n    location / { proxy_pass http://app:3000; }\n}\n', path: FRAGMENT },
    { name: 'variable only in the path', code: 'server {\n    location / { proxy_pass http://app$request_uri; }\n}\n', path: FRAGMENT },
    { name: 'capture that starts with /', code: 'server {\n    location ~ ^/api(/.*)$ { proxy_pass http://app$1; }\n}\n', path: FRAGMENT },
    { name: 'capture that cannot hold a dot', code: 'server {\n    location ~ ^/s/([a-z0-9]+)/ { proxy_pass http://shard-$1:8080; }\n}\n', path: FRAGMENT },
    {
      name: 'map to literal targets',
      code: 'map $arg_t $target {\n    default a;\n    b b;\n}\nserver {\n    location / { proxy_pass http://$target; }\n}\n',
      path: FRAGMENT,
    },
    { name: 'internal location', code: 'server {\n    location /internal/ {\n        internal;\n        proxy_pass http://$arg_host;\n    }\n}\n', path: FRAGMENT },
    { name: '$host is validated by server_name', code: 'server {\n    location / { proxy_pass http://$host; }\n}\n', path: FRAGMENT },
    { name: 'unknown variable', code: 'server {\n    location / { proxy_pass http://$backend_from_lua; }\n}\n', path: FRAGMENT },
    { name: 'scheme from $scheme', code: 'server {\n    location / { proxy_pass $scheme://app; }\n}\n', path: FRAGMENT },
    { name: 'set from a literal', code: 'server {\n    set $up app;\n    location / { proxy_pass http://$up; }\n}\n', path: FRAGMENT },
    {
      name: 'set to a URL whose scheme and host are literal, the request only in the path',
      code: 'server {\n    location /mirror/ {\n        set $target "https://cache.internal$request_uri";\n        proxy_pass $target;\n    }\n}\n',
      path: FRAGMENT,
    },
  ],
  invalid: [
    {
      name: 'query argument as the host',
      path: FRAGMENT,
      code: 'server {\n    location /proxy/ {\n        proxy_pass http://$arg_target;\n    }\n}\n',
      errors: [{ range: [2, 26, 2, 37], message: '`$arg_target`', severity: 'error' }],
      output: null,
    },
    {
      name: 'the whole target from a header (no scheme)',
      path: FRAGMENT,
      code: 'server {\n\tlocation / {\n\t\tproxy_pass $http_x_upstream;\n\t}\n}\n',
      errors: [{ range: [2, 13, 2, 29], message: 'a request header' }],
    },
    {
      name: 'location captures through set',
      path: FRAGMENT,
      code: 'server {\n    location ~ /proxy/(.*)/(.*)/(.*)$ {\n        set $s $1;\n        set $h $2;\n        proxy_pass $s://$h/$3;\n    }\n}\n',
      errors: [{ range: [4, 19, 4, 21], message: 'captured by the `location` regex on line 2' }],
    },
    {
      name: 'named capture of server_name, fastcgi_pass and $http_host',
      code: 'events {}\nhttp {\n    server {\n        server_name ~^(?<tenant>.+)\\.example\\.com$;\n        location / { fastcgi_pass $tenant.internal:9000; }\n        location /b/ { uwsgi_pass "$http_host"; }\n    }\n}\n',
      errors: [{ range: [4, 34, 4, 41], message: 'the Host header' }, { range: [5, 35, 5, 45] }],
    },
    {
      name: 'map whose value is a request header, CRLF',
      path: FRAGMENT,
      code: 'map $uri $dest {\r\n    default $http_x_dest;\r\n}\r\nserver {\r\n    location / { grpc_pass grpc://$dest; }\r\n}\r\n',
      errors: [{ range: [4, 34, 4, 39] }],
    },
    {
      name: 'set to a URL whose host comes from a query argument',
      path: FRAGMENT,
      code: 'server {\n    location /fetch/ {\n        set $target "https://$arg_site/feed";\n        proxy_pass $target;\n    }\n}\n',
      errors: [{ range: [3, 19, 3, 26], message: '`$target`' }],
    },
    {
      name: 'capture of an if on a header',
      path: FRAGMENT,
      code: 'server {\n    location / {\n        if ($http_referer ~ "^https?://([^/]+)/") {\n            proxy_pass http://$1;\n        }\n    }\n}\n',
      errors: [{ range: [3, 30, 3, 32], message: 'captured by the `if` regex' }],
    },
  ],
});

nginxRuleTester(httpSplitting, {
  valid: [
    { name: '$request_uri in a redirect', code: 'server {\n    return 301 https://$host$request_uri;\n}\n', path: FRAGMENT },
    { name: 'body, not a redirect', code: 'server {\n    location / { return 200 $uri; }\n}\n', path: FRAGMENT },
    { name: 'capture with . (no line feed) upstream', code: 'server {\n    location ~* ^/test/(.*) { proxy_pass http://10.10.10.10/$1; }\n}\n', path: FRAGMENT },
    { name: 'capture excluding line breaks', code: 'server {\n    location ~ ^/v1/([^/\\r\\n]+)$ { add_header X-Action $1; }\n}\n', path: FRAGMENT },
    { name: "rewrite's own captures in its replacement", code: 'server {\n    rewrite ^/p/(?<path>\\W*)$ http://storage/$path redirect;\n}\n', path: FRAGMENT },
    { name: 'query arguments cannot hold raw line breaks', code: 'server {\n    add_header X-Q $arg_q;\n    proxy_set_header X-A $args;\n}\n', path: FRAGMENT },
    { name: '\\W capture from a set, but then overwritten safely', code: 'server {\n    location ~ /a/(\\w+)$ {\n        set $p $1;\n        proxy_pass http://s/$p;\n    }\n}\n', path: FRAGMENT },
  ],
  invalid: [
    {
      name: 'redirect with $uri',
      path: FRAGMENT,
      code: 'server {\n    location / {\n        return 302 https://example.com$uri;\n    }\n}\n',
      errors: [{ range: [2, 38, 2, 42], message: '`$request_uri`', severity: 'error' }],
      output: null,
    },
    {
      name: 'rewrite to a URL with $uri, return URL alone',
      path: FRAGMENT,
      code: 'server {\n    rewrite ^ http://$host$uri;\n    location /x/ { return https://$host$document_uri; }\n}\n',
      errors: [{ range: [1, 26, 1, 30], message: 'Location header' }, { range: [2, 39, 2, 52] }],
    },
    {
      name: 'proxy_set_header and proxy_pass with $document_uri',
      path: FRAGMENT,
      code: 'server {\n\tlocation / {\n\t\tproxy_set_header X-Original-Uri $uri;\n\t\tproxy_pass http://upstream$document_uri;\n\t}\n}\n',
      errors: [{ range: [2, 34, 2, 38], message: 'the request nginx sends upstream' }, { range: [3, 28, 3, 41] }],
    },
    {
      name: 'capture class that matches a line feed',
      path: FRAGMENT,
      code: 'server {\n    location ~ /proxy/(a|b)/(\\W*)$ {\n        set $p $2;\n        proxy_pass http://storage/$p;\n    }\n}\n',
      errors: [{ range: [3, 34, 3, 36], message: 'line feeds' }],
    },
    {
      name: 'named capture [^.]* in add_header, CRLF',
      path: FRAGMENT,
      code: 'server {\r\n    location ~ /v1/((?<action>[^.]*)\\.json)?$ {\r\n        add_header X-Action $action;\r\n    }\r\n}\r\n',
      errors: [{ range: [2, 28, 2, 35] }],
    },
    {
      name: 'a dot capture still carries a carriage return into a redirect',
      path: FRAGMENT,
      code: 'server {\n    location ~ ^/go/(.+)$ {\n        return 301 https://example.com/$1;\n    }\n}\n',
      errors: [{ range: [2, 39, 2, 41], message: 'carriage returns' }],
    },
  ],
});

nginxRuleTester(origins, {
  valid: [
    { code: 'server {\n    if ($http_origin ~* "^https://([a-z0-9-]+\\.)*example\\.com$") { set $cors 1; }\n}\n', path: FRAGMENT },
    { code: 'server {\n    if ($http_origin ~ "^https?://(www\\.)?example\\.co\\.uk(:\\d+)?$") { set $cors 1; }\n}\n', path: FRAGMENT },
    { code: 'server {\n    if ($http_referer !~ "^https://example\\.com/") { return 403; }\n}\n', path: FRAGMENT },
    { code: 'server {\n    if ($http_origin = "https://example.com") { set $cors 1; }\n}\n', path: FRAGMENT },
    { code: 'server {\n    if ($http_x_origin ~ "example.com") { set $cors 1; }\n}\n', path: FRAGMENT },
    { code: 'map $http_origin $cors {\n    default "";\n    "~^https://(app|admin)\\.example\\.com$" $http_origin;\n}\n', path: FRAGMENT },
    { name: 'a pattern the reader does not know is skipped', code: 'server {\n    if ($http_origin ~ "^https://(?(1)a|b)") { set $c 1; }\n}\n', path: FRAGMENT },
  ],
  invalid: [
    {
      name: 'no anchors at all',
      path: FRAGMENT,
      code: 'server {\n    if ($http_origin ~ "example.com") {\n        add_header Access-Control-Allow-Origin $http_origin;\n    }\n}\n',
      errors: [{ range: [1, 23, 1, 36], message: '`https://example.com.evil.com`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'unescaped dot in a subdomain',
      path: FRAGMENT,
      code: 'server {\n    if ($http_origin !~ ^https://sub.example\\.com$) { return 403; }\n}\n',
      errors: [{ range: [1, 24, 1, 50], message: "`https://subxexample.com`" }],
    },
    {
      name: 'wildcard reaching into the domain',
      path: FRAGMENT,
      code: 'server {\n    if ($http_origin ~* "^https://.*example\\.com$") { set $cors 1; }\n}\n',
      errors: [{ range: [1, 24, 1, 50], message: 'example.com`' }],
    },
    {
      name: 'referer without end anchor accepts the domain as a subdomain, and a path trick',
      path: FRAGMENT,
      code: 'server {\n    if ($http_referer !~ "^https://([^/])+example\\.com/") { return 403; }\n    if ($http_referer ~ "^https?://(.*\\.)?example\\.com") { set $ok 1; }\n}\n',
      errors: [{ range: [1, 25, 1, 56] }, { range: [2, 24, 2, 55], message: "`https://evil.com/.example.com`" }],
    },
    {
      name: 'map keys checking the origin',
      path: FRAGMENT,
      code: 'map $http_origin $cors {\n    default "";\n    ~^https://example.com $http_origin;\n}\n',
      errors: [{ range: [2, 4, 2, 25] }],
    },
    {
      name: 'an unescaped dot that only lets single-label hosts through: info',
      path: FRAGMENT,
      code: 'server {\n    if ($http_origin !~ "^https://shop.test$") { return 403; }\n}\n',
      errors: [{ range: [1, 24, 1, 45], message: '`https://shopxtest`', severity: 'info' }],
    },
    {
      name: 'misspelled $http_referrer',
      path: FRAGMENT,
      code: 'server {\n    if ($http_referrer !~ "^https://example\\.com/") { return 403; }\n}\n',
      errors: [{ range: [1, 7, 1, 22], message: '`$http_referer`' }],
    },
  ],
});
