import { isScalar, isSeq, type ParsedNode, type YAMLSeq } from 'yaml';
import type { Fix, Report, Rule, TextEdit } from '../../types';
import { type Item, listOf, mapOf, type NodeContext } from '../effective';
import type { ComposeModel, ComposeService, Entry } from '../model';
import { type ComposeProject, projectOf, type ProjectService } from '../project';
import { composeBoolean, composeString, valueStartOffset } from '../values';

export const dependsOnUnhealthy: Rule<ComposeModel> = {
  meta: {
    id: 'compose/depends-on-unhealthy',
    kind: 'compose',
    severity: 'info',
    tier: 2,
    title: '`depends_on` does not wait for a healthcheck',
    aliases: [],
    fix: 'safe',
    docs: {
      what:
        'Flags a `depends_on` entry naming a service that defines a healthcheck (its own, or one it gets from the override file, `extends` or an anchor) when the dependency does not ask for `condition: service_healthy`: the short syntax (`depends_on: [db]`, which means `service_started`) or the long syntax with `condition: service_started`. Healthchecks switched off (`disable: true`, `test: ["NONE"]`) do not count.',
      why:
        '`service_started` lets the dependent container start the moment the dependency\'s process is running — long before a database accepts connections or a migration finishes. The app then crashes or, worse, starts in a degraded state (no cache, a fallback config) and stays that way. The healthcheck already says when the dependency is ready; `service_healthy` makes Compose wait for it.',
      example: 'services:\n  api:\n    image: acme/api:1.4.2\n    depends_on:\n      - db\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n',
      fixed:
        'services:\n  api:\n    image: acme/api:1.4.2\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n',
      notes:
        'The fix rewrites a short-syntax list into the long syntax in place, keeping indentation, quoting and comments: dependencies with a healthcheck get `condition: service_healthy`, the others `condition: service_started` (what the short syntax meant). In the long syntax it replaces `service_started` with `service_healthy`. Lists written in a shared anchor are reported but not rewritten. `service_completed_successfully` (one-shot jobs) is left alone. A healthcheck the image itself declares is invisible here unless Compose sets one.',
    },
  },
  check(model, context) {
    const project = projectOf(model, context);
    const reports: Report[] = [];
    const done = new Set<unknown>();
    for (const service of model.services) {
      const entry = service.get('depends_on');
      if (!entry || done.has(entry.node)) continue;
      done.add(entry.node);
      const items = listOf(service.context, entry);
      if (items) reports.push(...shortSyntax(project, service, entry, items));
      const long = mapOf(service.context, entry);
      if (long) reports.push(...longSyntax(project, service, long.entries()));
    }
    return reports;
  },
};

function shortSyntax(project: ComposeProject, service: ComposeService, entry: Entry, items: Item[]): Report[] {
  const names = items.map((item) => composeString(item));
  const healthy = names.map((name) => name !== undefined && name !== service.name && hasHealthcheck(project.service(name)));
  if (!healthy.some(Boolean)) return [];
  const fix = toLongSyntax(service.context, entry, items, healthy);
  return items.flatMap((item, i) =>
    healthy[i]
      ? [
          {
            message: message(service.name, names[i]!, 'the short syntax starts it as soon as the container runs'),
            range: item.range,
            ...(fix ? { fix } : {}),
          },
        ]
      : [],
  );
}

function longSyntax(project: ComposeProject, service: ComposeService, dependencies: Entry[]): Report[] {
  const reports: Report[] = [];
  for (const dependency of dependencies) {
    if (dependency.key === service.name || !hasHealthcheck(project.service(dependency.key))) continue;
    const options = mapOf(service.context, dependency);
    const condition = options?.get('condition');
    if (!condition) continue; // `condition` is required: compose/schema reports its absence
    if (composeString(condition) !== 'service_started') continue;
    const edit = replaceScalar(service.context, condition, 'service_healthy');
    reports.push({
      message: message(service.name, dependency.key, '`condition: service_started` does not wait for it'),
      range: condition.range,
      ...(edit && !condition.via.length ? { fix: { title: 'Wait for `service_healthy`', edits: [edit], safe: true } } : {}),
    });
  }
  return reports;
}

function message(service: string, dependency: string, why: string): string {
  return `Service \`${service}\` depends on \`${dependency}\`, which has a healthcheck, but ${why}: \`${service}\` may start before \`${dependency}\` is ready. Use \`condition: service_healthy\`.`;
}

/** True when the service's effective healthcheck runs a test (across override, file and extends layers). */
export function hasHealthcheck(service: ProjectService | undefined): boolean {
  if (!service) return false;
  let disabled: boolean | undefined;
  let test: { item: Item; context: NodeContext } | undefined;
  // Compose merges `healthcheck` field by field: the highest layer that sets a field wins.
  for (const layer of service.all('healthcheck')) {
    const context = layer.service.context;
    const map = mapOf(context, layer.entry);
    if (!map) continue;
    if (disabled === undefined) disabled = composeBoolean(map.get('disable'));
    const item = map.get('test');
    if (!test && item) test = { item, context };
  }
  if (disabled === true || !test) return false;
  const first = listOf(test.context, test.item)?.[0] ?? test.item;
  const word = composeString(first);
  return word !== undefined && word.trim().toUpperCase() !== 'NONE';
}

/** Replaces a scalar's value text, keeping its quotes. */
function replaceScalar(context: NodeContext, item: Item, text: string): TextEdit | undefined {
  const start = valueStartOffset(context, item.node);
  if (start === undefined || !isScalar(item.node)) return undefined;
  const value = String((item.node as { value: unknown }).value);
  return { range: context.lines.rangeOf(start, start + value.length), newText: text };
}

/** Short syntax → long syntax, written the way the list is (block or flow). */
function toLongSyntax(context: NodeContext, entry: Entry, items: Item[], healthy: boolean[]): Fix | undefined {
  if (entry.via.length || !isSeq(entry.node)) return undefined;
  const seq = entry.node as YAMLSeq<ParsedNode | null>;
  const { text, lines } = context;
  const plain = (node: ParsedNode | null) => node && isScalar(node) && !node.anchor && !node.tag && node.range[1] > node.range[0];
  if (!seq.items.every((node) => plain(node))) return undefined;
  const source = (node: ParsedNode) => text.slice(node.range[0], node.range[1]);
  const condition = (i: number) => (healthy[i] ? 'service_healthy' : 'service_started');
  const title = 'Use the long syntax with `condition: service_healthy`';
  if (seq.flow) {
    const [start, end] = seq.range as [number, number, number];
    const written = text.slice(start, end).trimEnd();
    if (written.includes('#') || /[\r\n]/.test(written)) return undefined;
    const body = seq.items.map((node, i) => `${source(node!)}: {condition: ${condition(i)}}`).join(', ');
    return { title, edits: [{ range: lines.rangeOf(start, start + written.length), newText: `{${body}}` }], safe: true };
  }
  const keyColumn = entry.keyRange.start.character;
  const edits: TextEdit[] = [];
  for (let i = 0; i < seq.items.length; i++) {
    const node = seq.items[i]!;
    const line = lines.positionAt(node.range[0]).line;
    const lineStart = lines.lineStart(line);
    const before = text.slice(lineStart, node.range[0]);
    const dash = /^( *)- +$/.exec(before);
    if (!dash) return undefined;
    const dashColumn = dash[1].length;
    const unit = dashColumn > keyColumn ? dashColumn - keyColumn : 2;
    const indent = ' '.repeat(dashColumn > keyColumn ? dashColumn : keyColumn + unit);
    const lineEnd = lines.lineEnd(line);
    const rest = text.slice(node.range[1], lineEnd);
    edits.push({
      range: lines.rangeOf(lineStart, lineEnd),
      newText: `${indent}${source(node)}:${rest}${lines.eol}${indent}${' '.repeat(unit)}condition: ${condition(i)}`,
    });
  }
  return { title, edits, safe: true };
}
