import assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { compose } from '../../../bench/corpus';
import { incrementalParsing, parseIncremental, parseWhole, type ParsedDocument, resetIncrementalCache } from '../../../rules/compose/incremental';
import { analyze } from '../../../rules/engine';
import { allRuleMeta } from '../../../rules/registry';
import type { SeverityLevel } from '../../../rules/types';
import { EMPTY_CONFIG } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';
import { composeFixtures, typingEdits } from './typing';

// Incremental parsing (rules/compose/incremental.ts) must give exactly the documents a
// whole-file parse gives — every node, range, value, anchor, tag, error and warning — and so
// exactly the same findings, whatever the previous text was. Comments are the one thing left
// out of the comparison: no rule reads them, and a comment between two services may attach to
// a different node.

const ROOT = join(__dirname, '..', '..', '..', '..');

const TRICKY: Record<string, string> = {
  'anchors across services': [
    'services:',
    '  base: &base',
    '    image: nginx:1.27',
    '    environment: &env',
    '      A: "1"',
    '    privileged: true',
    '  web:',
    '    <<: *base',
    '    environment: *env',
    '    ports: ["80:80"]',
    '  worker:',
    '    <<: [*base, *missing]',
    '    cap_add: &caps [NET_ADMIN]',
    '  other: *base',
    '  caps:',
    '    cap_add: *caps',
    '    image: &base postgres:16',
    '  again:',
    '    <<: *base',
    '',
  ].join('\n'),
  'anchors before and after services': [
    'x-defaults: &defaults',
    '  restart: always',
    'services:',
    '  a:',
    '    <<: *defaults',
    '    image: redis:7',
    '  b:',
    '    <<: *later',
    '    image: postgres:16',
    '  c:',
    '    image: x',
    'x-later: &later',
    '  read_only: true',
    '',
  ].join('\n'),
  'flow style': [
    'services: {web: {image: nginx, ports: ["80:80"]}, db: {image: postgres}}',
    '',
  ].join('\n'),
  'flow values in blocks': [
    'services:',
    '  web: {image: nginx, ports: ["80:80"],',
    '    privileged: true}',
    '  db:',
    '    image: postgres',
    '    environment: [',
    '      "A=1",',
    '      B=2 ]',
    '  cache: {',
    '  image: redis }',
    '  last:',
    '    image: x',
    '',
  ].join('\n'),
  'comments everywhere': [
    '# head',
    'services:   # the services',
    '# column zero',
    '  # indented',
    '',
    '  web:   # web',
    '    image: nginx  # trailing',
    '# between',
    '  # between indented',
    '  db:',
    '    image: postgres',
    '    # inside',
    '',
    '# before networks',
    'networks:',
    '  default: {}',
    '# end',
    '',
  ].join('\n'),
  'crlf': 'services:\r\n  web:\r\n    image: nginx\r\n  db:\r\n    image: postgres\r\n',
  'tabs': 'services:\n  web:\n    image: nginx\t# tab\n  db:\n\timage: postgres\n',
  'bad indentation': ['services:', '  web:', '    image: nginx', '   ports: ["80:80"]', '  db:', '    image: postgres', ''].join('\n'),
  'duplicate service': ['services:', '  web:', '    image: nginx', '  web:', '    image: postgres', '  db:', '    image: x', ''].join('\n'),
  'duplicate key in a service': ['services:', '  web:', '    image: nginx', '    image: httpd', '  db:', '    image: x', ''].join('\n'),
  'unclosed quote': ['services:', '  web:', '    image: "nginx', '  db:', '    image: postgres', '  c:', '    image: x', ''].join('\n'),
  'list under services': ['services:', '  - web', '  - db', ''].join('\n'),
  'stray scalar': ['services:', '  web:', '    image: nginx', '  oops', '  db:', '    image: x', ''].join('\n'),
  'multiple documents': ['services:', '  web:', '    image: nginx', '  db:', '    image: x', '---', 'services:', '  other:', '    privileged: true', '  more:', '    image: y', ''].join('\n'),
  'document end marker': ['services:', '  web:', '    image: nginx', '  db:', '    image: x', '...', ''].join('\n'),
  'block scalars': [
    'services:',
    '  web:',
    '    image: nginx',
    '    command: |',
    '      echo one',
    '',
    '      echo two',
    '  keep:',
    '    entrypoint: |+',
    '      run',
    '',
    '',
    '  folded:',
    '    command: >-',
    '      a',
    '      b',
    '  plain:',
    '    command: one',
    '      two',
    '      three',
    '',
  ].join('\n'),
  'services last, no final newline': ['name: x', 'services:', '  web:', '    image: nginx', '  db:', '    image: postgres'].join('\n'),
  'services last with trailing blank lines': ['name: x', 'services:', '  web:', '    image: nginx', '  db:', '    image: postgres', '', '', ''].join('\n'),
  'four-space indent': ['services:', '    web:', '        image: nginx', '    db:', '        image: postgres', '        ports:', '        - "5432:5432"', 'volumes:', '    data: {}', ''].join('\n'),
  'empty and scalar services': ['services:', '  web:', '  db: 3', '  c: ~', '  d:', '    image: x', ''].join('\n'),
  'quoted and odd keys': ['services:', '  "web":', '    image: nginx', '  db:', '    image: x', ''].join('\n'),
  'tags and anchors on services': ['services:', '  web: !reset', '  db: &db', '    image: x', '  c: !!map', '    image: y', '  d:', '    <<: *db', ''].join('\n'),
  'services twice': ['services:', '  a:', '    image: x', '  b:', '    image: y', 'services:', '  c:', '    image: z', ''].join('\n'),
  'version and top keys': ['version: "3.8"', 'services:', '  a:', '    image: x', '  b:', '    image: y', 'networks:', '  front:', '    internal: true', 'secrets:', '  s:', '    file: ./s', ''].join('\n'),
  'alias bomb': [
    'x-a: &a [x, x, x, x, x, x, x, x, x, x]',
    'x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'x-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'services:',
    '  a:',
    '    command: *e',
    '  b:',
    '    image: x',
    '',
  ].join('\n'),
};

function sources(): [string, string][] {
  const files = composeFixtures();
  files.push(['examples/compose.yaml', readFileSync(join(ROOT, 'examples', 'compose.yaml'), 'utf8')]);
  files.push(['corpus 300', compose(300).text]);
  files.push(['corpus 1000', compose(1000).text]);
  for (const [name, text] of Object.entries(TRICKY)) files.push([name, text]);
  return files;
}

/** Everything about a node but its comments. */
function shape(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  const kind = isPair(node) ? 'pair' : isScalar(node) ? 'scalar' : isMap(node) ? 'map' : isSeq(node) ? 'seq' : isAlias(node) ? 'alias' : 'other';
  const out: Record<string, unknown> = { kind };
  for (const [key, value] of Object.entries(node)) {
    if (key === 'comment' || key === 'commentBefore' || key === 'spaceBefore') continue;
    out[key] = key === 'items' ? (value as unknown[]).map(shape) : key === 'key' || key === 'value' ? shape(value) : value;
  }
  if (isScalar(node) || isMap(node) || isSeq(node)) out.tag = node.tag;
  return out;
}

function documentsShape(documents: ParsedDocument[]): unknown {
  return documents.map((doc) => ({
    contents: shape(doc.contents),
    range: doc.range,
    errors: doc.errors.map((e) => ({ code: e.code, message: e.message, pos: e.pos })),
    warnings: doc.warnings.map((e) => ({ code: e.code, message: e.message, pos: e.pos })),
  }));
}

function variants(text: string): string[] {
  return typingEdits(text, 12);
}

const levels: Record<string, SeverityLevel> = {};
for (const meta of allRuleMeta()) if (meta.kind === 'compose') levels[meta.id] = meta.severity === 'off' ? 'info' : meta.severity;

function findings(text: string, incremental: boolean): string {
  incrementalParsing.enabled = incremental;
  try {
    const analysis = analyze(
      { path: '/w/compose.yaml', text, kind: 'compose' },
      { workspace: memoryWorkspace({ '/w/.env': 'TAG=1.0\n' }), config: { ...EMPTY_CONFIG, rules: levels }, now: new Date('2026-11-23T00:00:00Z') },
    );
    return JSON.stringify(analysis?.findings ?? []);
  } finally {
    incrementalParsing.enabled = true;
  }
}

describe('compose incremental parsing', function () {
  this.timeout(60_000); // the 1,000-line corpus is parsed a few hundred times
  let incrementalRuns = 0;

  for (const [name, text] of sources()) {
    it(`${name}: same documents as a whole-file parse after every kind of edit`, () => {
      const check = (current: string, previous: string | undefined) => {
        resetIncrementalCache();
        if (previous !== undefined) parseIncremental(previous);
        const documents = parseIncremental(current);
        if (!documents) return;
        incrementalRuns++;
        assert.deepStrictEqual(documentsShape(documents), documentsShape(parseWhole(current)), `after ${JSON.stringify(previous?.slice(0, 40))}`);
      };
      check(text, undefined);
      for (const variant of variants(text)) {
        check(variant, text);
        check(text, variant);
      }
    });

    it(`${name}: same findings as a whole-file parse`, () => {
      const texts = [text, ...variants(text).slice(0, 12)];
      for (let i = 0; i < texts.length; i++) {
        resetIncrementalCache();
        findings(texts[(i + 1) % texts.length], true); // prime the cache with a neighbour
        findings(text, true);
        assert.strictEqual(findings(texts[i], true), findings(texts[i], false), `variant ${i}`);
      }
    });
  }

  it('actually takes the incremental path on ordinary files', () => {
    const file = compose(1000);
    resetIncrementalCache();
    parseIncremental(file.text);
    const { line, character } = file.cursor;
    const lines = file.text.split('\n');
    lines[line] = lines[line].slice(0, character) + 'x' + lines[line].slice(character);
    const edited = parseIncremental(lines.join('\n'));
    assert.ok(edited, 'an edit inside a service value reparses incrementally');
    assert.ok(incrementalRuns > 100, `incremental parses compared: ${incrementalRuns}`);
  });
});
