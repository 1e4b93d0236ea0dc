import type { Rule } from '../../types';
import type { NginxModel } from '../model';
import { SYNTAX_RULE } from '../parser';

// The parser reports syntax problems itself (they come back from `parse`); this module only
// gives `nginx/syntax` its metadata, so it can be configured, suppressed and documented like
// any other rule.

export const syntax: Rule<NginxModel> = {
  meta: {
    id: SYNTAX_RULE,
    kind: 'nginx',
    severity: 'error',
    tier: 1,
    title: 'nginx would refuse to load this configuration',
    aliases: [],
    fix: 'none',
    docs: {
      what:
        'Reports text that nginx cannot parse: braces that do not balance, a directive missing its ' +
        'closing `;`, a string whose closing quote is missing, a `}` with no block to close, a block ' +
        'directive such as `server` written without `{`, an ordinary directive given a block, a ' +
        'regular expression whose `{n}` repetition nginx mistakes for a block, and directives nginx ' +
        'rejects when they appear twice in one block (`pid`, `worker_processes`, `server_tokens`, ' +
        '`root`, a repeated `location`, …).',
      why:
        'nginx checks its whole configuration at start-up and on reload and refuses all of it on the ' +
        'first error. In a container that means the entrypoint exits and the service never comes up, ' +
        'or a reload silently keeps serving the old configuration. Catching the mistake while editing ' +
        'is far cheaper than finding it in a crash-looping pod.',
      example: 'server {\n    listen 8080\n    location ~ ^/v[0-9]{2}/ {\n        return 200;\n    }\n',
      fixed: 'server {\n    listen 8080;\n    location ~ "^/v[0-9]{2}/" {\n        return 200;\n    }\n}\n',
      notes:
        'Shipshape reads every error it can find in one pass, where nginx stops at the first. ' +
        'Directives from third-party modules are never reported as unknown, and a directive given ' +
        'twice is only reported for the well-known single-valued directives.',
    },
  },
  check: () => [],
};
