import type { Rule } from '../../types';
import type { ComposeModel } from '../model';
import { SYNTAX_RULE } from '../syntax';

// The parser reports these problems (see ../syntax.ts and ../anchors.ts); this module gives the
// id its metadata and docs so it can be configured, suppressed, listed and documented like any rule.

export const syntax: Rule<ComposeModel> = {
  meta: {
    id: SYNTAX_RULE,
    kind: 'compose',
    severity: 'error',
    tier: 1,
    title: 'The file is not valid YAML',
    aliases: [],
    fix: 'none',
    docs: {
      what:
        'Reports YAML that does not parse — bad indentation, an unclosed quote or bracket, tabs used for indentation, a key written twice in one mapping — as well as aliases that name no anchor, merge keys (`<<`) whose value is not a mapping, and anchors that expand into an "alias bomb".',
      why:
        '`docker compose` refuses a file it cannot parse, so nothing in it runs. While the file is broken, Shipshape still analyzes every part it could read, but findings near the error may be missing or misplaced until it is fixed.',
      example: 'services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n    ports: ["127.0.0.1:8080:80"\n',
      fixed: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n',
      notes:
        'Documents are read as YAML 1.2, as Compose does: `yes`/`no` are strings, not booleans (Compose still accepts them for boolean fields such as `privileged`). Aliased anchors expanding beyond 100,000 nodes are reported instead of expanded.',
    },
  },
  check: () => [],
};
