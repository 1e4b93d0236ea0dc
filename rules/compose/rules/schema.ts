import type { Report, Rule } from '../../types';
import type { ComposeModel } from '../model';
import { SCHEMA_RULE, schemaReports } from '../validate';

// Validation runs in `check` rather than in the parser: a user who turns the rule off pays
// nothing for it, and config, suppressions and docs treat it like any other rule.

export const schema: Rule<ComposeModel> = {
  meta: {
    id: SCHEMA_RULE,
    kind: 'compose',
    severity: 'error',
    tier: 1,
    title: 'The file does not follow the Compose Specification',
    aliases: [],
    fix: 'none',
    docs: {
      what:
        'Checks the file against the Compose Specification JSON schema, the same contract `docker compose` enforces when it loads a project: unknown keys (with the closest known key suggested, so `enviroment` points at `environment`), values of the wrong type (`ports: 8080` where a list belongs), values outside the allowed set (`condition: service_health`, `restart: sometimes`), missing required keys (`extends` without `service`) and duplicate entries in lists that must be unique (`cap_add`). It judges the file as Compose reads it — merge keys applied, aliases followed, `${VAR:-default}` substituted from `.env` — and points at the key or value where the mistake is written, inside the anchor when it comes from one. A `$` that starts no variable is reported too.',
      why:
        'Compose refuses the whole project when one key is misspelled or mistyped, so nothing starts. Worse are mistakes that only look harmless: a misspelled key in an anchor that other files merge, or an option indented one level too far, silently stops a setting from applying — a `read_only` or `cap_drop` that never takes effect is a security control you think you have but do not. Catching these as you type is far cheaper than reading a `validating compose.yaml: services.web additional properties ... not allowed` error in CI.',
      example: 'services:\n  web:\n    image: nginx:1.27\n    enviroment:\n      TZ: UTC\n    restart: sometimes\n    ports: 8080:80\n',
      fixed: 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      TZ: UTC\n    restart: unless-stopped\n    ports:\n      - "127.0.0.1:8080:80"\n',
      notes:
        'The schema is the upstream Compose Specification schema, vendored with the extension (see `rules/compose/schema/README.md` for its version). Shipshape adds one check the schema leaves to the Engine: `restart` must be `no`, `always`, `on-failure[:N]` or `unless-stopped`. A value that depends on a variable Shipshape cannot resolve (no `.env` entry, no `:-` fallback) is never reported. A file in the old v1 format (services at the top level, no `services:` key) is reported once per service with a message that says so. Where the YAML itself is broken, the syntax error is reported and the schema stays silent on that line. The top-level `version` key is left to `compose/version-obsolete`, and the format of `container_name` to `compose/container-name-format`. Extension keys (`x-…`) may hold anything.',
    },
  },
  check: (model) => refine(model, schemaReports(model)),
};

const UNKNOWN_TOP_LEVEL = /^Unknown top-level key `([^`]+)`/;

/**
 * Two refinements seen on real files. A line the YAML parser could not read produces a schema
 * report about the garbled key it made of it (`version:"3" services`): the syntax error already
 * says what is wrong there, so that report is dropped. And a file in the Compose v1 format
 * (services at the top level, no `services:` key) gets one message per service that says so,
 * instead of "unknown top-level key".
 */
function refine(model: ComposeModel, reports: Report[]): Report[] {
  const broken = new Set<number>();
  for (const doc of model.documents) {
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      const range = model.lines.rangeOf(start, Math.max(start, end));
      for (let line = range.start.line; line <= range.end.line; line++) broken.add(line);
    }
  }
  const v1 = model.top !== undefined && !model.top.has('services');
  const result: Report[] = [];
  for (const report of reports) {
    if (broken.has(report.range.start.line)) continue;
    const name = v1 ? UNKNOWN_TOP_LEVEL.exec(report.message)?.[1] : undefined;
    const body = name !== undefined ? model.top!.map(name) : undefined;
    if (body && (body.has('image') || body.has('build'))) {
      result.push({
        ...report,
        message: `\`${name}\` is a service written at the top level, the Compose file format v1, which \`docker compose\` no longer reads. Move the services under a top-level \`services:\` key.`,
      });
    } else {
      result.push(report);
    }
  }
  return result;
}
