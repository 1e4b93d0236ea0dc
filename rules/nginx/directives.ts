// What the parser knows about individual directives. nginx itself decides these things per
// module at run time; we keep small, checked lists (test/rules/nginx/nginx-oracle.test.ts runs
// them against a real nginx) and stay silent about anything not listed, so third-party
// modules never trigger false syntax errors.

/** Directives that always take a `{ … }` block. `;` after one of them is an error. */
export const BLOCK_DIRECTIVES = new Set([
  'events', 'http', 'server', 'location', 'if', 'upstream', 'stream', 'mail', 'limit_except',
  'map', 'geo', 'types', 'split_clients', 'charset_map', 'match',
]);

/**
 * Blocks whose lines are table entries (`text/html html;`, `~^/a 1;`), not directives. nginx
 * reads them with the same tokenizer but hands every line to the block's own handler.
 */
export const ENTRY_BLOCKS = new Set(['map', 'geo', 'types', 'split_clients', 'charset_map']);

/** `content_by_lua_block { … }` and friends hold Lua source, not nginx syntax. */
export function isRawBlockDirective(name: string): boolean {
  return name.endsWith('_by_lua_block');
}

/**
 * `server` inside `upstream` is a plain directive (`server 10.0.0.1:80;`), everywhere else
 * it opens a block; the parser asks this instead of BLOCK_DIRECTIVES directly.
 */
export function takesBlock(name: string, parentName: string | undefined): boolean | undefined {
  if (name === 'server' && parentName === 'upstream') return false;
  if (BLOCK_DIRECTIVES.has(name) || isRawBlockDirective(name)) return true;
  if (SIMPLE_DIRECTIVES.has(name)) return false;
  return undefined; // unknown: a third-party module may do either
}

/**
 * Common directives that never take a block. Also the names the missing-`;` check looks for
 * at the start of a continuation line.
 */
export const SIMPLE_DIRECTIVES = new Set([
  // core / main
  'user', 'worker_processes', 'pid', 'daemon', 'master_process', 'worker_rlimit_nofile',
  'worker_connections', 'error_log', 'load_module', 'include', 'env', 'pcre_jit',
  'worker_shutdown_timeout', 'multi_accept', 'accept_mutex', 'use',
  // http core
  'listen', 'server_name', 'root', 'alias', 'index', 'try_files', 'return', 'rewrite', 'set',
  'error_page', 'access_log', 'log_format', 'default_type', 'sendfile', 'tcp_nopush',
  'tcp_nodelay', 'keepalive_timeout', 'keepalive_requests', 'client_max_body_size',
  'client_body_timeout', 'client_header_timeout', 'client_body_buffer_size', 'send_timeout',
  'server_tokens', 'autoindex', 'charset', 'expires', 'add_header', 'more_set_headers',
  'gzip', 'gzip_types', 'gzip_vary', 'gzip_proxied', 'gzip_comp_level', 'gzip_min_length',
  'resolver', 'resolver_timeout', 'allow', 'deny', 'auth_basic', 'auth_basic_user_file',
  'limit_req', 'limit_req_zone', 'limit_conn', 'limit_conn_zone', 'internal',
  'large_client_header_buffers', 'underscores_in_headers', 'server_names_hash_bucket_size',
  'types_hash_max_size', 'absolute_redirect', 'port_in_redirect', 'server_name_in_redirect',
  'valid_referers', 'real_ip_header', 'set_real_ip_from', 'ssi', 'sub_filter',
  // proxy / upstreams
  'proxy_pass', 'proxy_set_header', 'proxy_redirect', 'proxy_buffering', 'proxy_read_timeout',
  'proxy_connect_timeout', 'proxy_send_timeout', 'proxy_http_version', 'proxy_hide_header',
  'proxy_cache', 'proxy_cache_path', 'proxy_temp_path', 'proxy_buffer_size', 'proxy_buffers',
  'fastcgi_pass', 'fastcgi_param', 'fastcgi_index', 'fastcgi_temp_path', 'uwsgi_pass',
  'uwsgi_temp_path', 'scgi_pass', 'scgi_temp_path', 'grpc_pass', 'client_body_temp_path',
  'keepalive', 'least_conn', 'ip_hash', 'hash', 'zone',
  // tls
  'ssl_certificate', 'ssl_certificate_key', 'ssl_protocols', 'ssl_ciphers',
  'ssl_prefer_server_ciphers', 'ssl_session_cache', 'ssl_session_timeout',
  'ssl_session_tickets', 'ssl_stapling', 'ssl_stapling_verify', 'ssl_dhparam',
  'ssl_trusted_certificate', 'ssl_ecdh_curve', 'http2',
]);

/**
 * Words that are directive names but also ordinary arguments, so a continuation line starting
 * with one of them is not taken as a forgotten `;` (`rewrite ^ /x\n    break;`).
 */
export const AMBIGUOUS_CONTINUATIONS = new Set(['break', 'internal', 'http2', 'keepalive', 'hash', 'zone', 'use']);

/**
 * Directives nginx refuses to see twice in the same block ("… directive is duplicate"). Most
 * single-valued directives behave this way (nginx's flag/number/size/time/enum setters all
 * check); list-valued ones (`listen`, `add_header`, `include`, `error_log`, `access_log`,
 * `ssl_certificate`) are deliberately absent. Each entry is verified by the oracle test.
 */
export const UNIQUE_PER_BLOCK = new Set([
  'pid', 'worker_processes', 'user', 'daemon', 'master_process', 'worker_rlimit_nofile',
  'events', 'http', 'worker_connections', 'multi_accept', 'use',
  'server_tokens', 'sendfile', 'tcp_nopush', 'tcp_nodelay', 'keepalive_timeout',
  'keepalive_requests', 'client_max_body_size', 'client_body_timeout', 'send_timeout',
  'root', 'alias', 'autoindex', 'gzip', 'default_type', 'charset', 'try_files',
  'proxy_pass', 'proxy_buffering', 'proxy_read_timeout', 'proxy_connect_timeout',
  'proxy_http_version', 'ssl_ciphers', 'ssl_prefer_server_ciphers',
  'ssl_session_timeout', 'absolute_redirect', 'port_in_redirect', 'server_name_in_redirect',
  'underscores_in_headers', 'large_client_header_buffers', 'types_hash_max_size',
]);

/** Directives that only make sense at the top of a whole nginx.conf: their presence means "not a fragment". */
export const MAIN_ONLY = new Set([
  'events', 'http', 'stream', 'mail', 'user', 'worker_processes', 'pid', 'load_module', 'daemon',
  'master_process', 'worker_rlimit_nofile', 'env', 'thread_pool', 'worker_cpu_affinity',
  'worker_priority', 'pcre_jit', 'worker_shutdown_timeout', 'lock_file',
]);

/** Bits of DIRECTIVE_FLAGS: which of the lists above a name is in. */
export const SIMPLE = 1;
export const BLOCK = 2;
export const UNIQUE = 4;
export const ENTRY = 8;

/** The lists above as one look-up per name (the parser asks for every directive it reads). */
export const DIRECTIVE_FLAGS: ReadonlyMap<string, number> = (() => {
  const flags = new Map<string, number>();
  const add = (names: Set<string>, flag: number) => {
    for (const name of names) flags.set(name, (flags.get(name) ?? 0) | flag);
  };
  add(SIMPLE_DIRECTIVES, SIMPLE);
  add(BLOCK_DIRECTIVES, BLOCK);
  add(UNIQUE_PER_BLOCK, UNIQUE);
  add(ENTRY_BLOCKS, ENTRY);
  return flags;
})();
