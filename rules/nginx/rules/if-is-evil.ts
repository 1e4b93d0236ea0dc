import type { Report, Rule } from '../../types';
import type { NginxDirective } from '../ast';
import type { NginxModel } from '../model';

// Inside a location, `if` creates a nested location with surprising inheritance.

const TERMINAL_FLAGS = new Set(['last', 'redirect', 'permanent']);

function isSafe(directive: NginxDirective): boolean {
  if (directive.name === 'return') return true;
  // `last` restarts location matching; `redirect` and `permanent` answer at once, like `return`.
  if (directive.name === 'rewrite') return TERMINAL_FLAGS.has(directive.args[2]?.value ?? '');
  return false;
}

export const ifIsEvil: Rule<NginxModel> = {
  meta: {
    id: 'nginx/if-is-evil',
    kind: 'nginx',
    severity: 'warning',
    tier: 1,
    title: '`if` inside location does more than return or rewrite … last',
    aliases: ['gixy:if_is_evil'],
    fix: 'none',
    docs: {
      what:
        'Reports `if` blocks inside a `location` that hold anything other than `return …;` or a `rewrite` ending ' +
        'in `last`, `redirect` or `permanent` (for example `proxy_pass`, `add_header`, `set`, `try_files`, `root`, ' +
        'or a `rewrite … break`).',
      why:
        'An `if` in a location is implemented as an anonymous nested location: when its condition is true the ' +
        'request is served by the `if` block, with the directives it inherits and not the ones the location sets ' +
        'after it. The results are well known to be surprising: `try_files` silently ignored, headers from the ' +
        'location dropped, `proxy_pass` behaving differently, even crashes in old versions. nginx\'s own wiki calls ' +
        'it "if is evil". Only `return` and `rewrite … last` are reliable there.',
      example: 'location / {\n    if ($http_x_debug) {\n        add_header X-Debug on;\n    }\n    try_files $uri /index.html;\n}\n',
      fixed: 'map $http_x_debug $debug_header {\n    default "";\n    ~.     on;\n}\n\nserver {\n    location / {\n        add_header X-Debug $debug_header;\n        try_files $uri /index.html;\n    }\n}\n',
      notes:
        'There is no automatic fix. Move the condition into a `map` and use its variable directly (`add_header` ' +
        'skips empty values), or split the behaviour into separate locations. `if` at `server` level is not reported.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const block of model.blocks('if')) {
      if (model.contextOf(block) !== 'location') continue;
      const unsafe = model.children(block).filter((d) => !isSafe(d));
      if (!unsafe.length) continue;
      const first = unsafe.find((d) => !d.file) ?? block;
      const names = [...new Set(unsafe.map((d) => `\`${d.name}\``))].join(', ');
      reports.push({
        message: `\`if\` inside a location only behaves predictably with \`return\` or a \`rewrite\` ending in \`last\`, \`redirect\` or \`permanent\`; this one uses ${names}. Use a \`map\` or a separate location instead.`,
        range: first.nameRange,
      });
    }
    return reports;
  },
};
