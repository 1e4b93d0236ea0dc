import assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { compose } from '../../../bench/corpus';
import { parseCompose } from '../../../rules/compose/model';
import { schemaReports, serviceSchemaCache } from '../../../rules/compose/validate';
import { EMPTY_CONFIG, type RuleContext } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';

// compose/schema caches each service's result by what decides it (its text, the anchors it
// pulls in, the variables it names). Whatever was analyzed before, the reports must be exactly
// those of validating everything afresh.

const ROOT = join(__dirname, '..', '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'compose');

const TRICKY: Record<string, string> = {
  'errors in services and anchors': [
    'x-base: &base',
    '  restart: sometimes',
    '  ports: ["80:80", "80:80"]',
    'services:',
    '  web:',
    '    <<: *base',
    '    image: nginx:${TAG}',
    '    healthcheck: {test: [CMD, true], intervl: 5s}',
    '  api:',
    '    <<: *base',
    '    image: api',
    '    cpus: lots',
    '    environment: &env',
    '      A: ${BROKEN',
    '  worker:',
    '    image: worker',
    '    environment: *env',
    '    deploy: {replicas: -1}',
    '  bad name!:',
    '    image: x',
    '  empty:',
    '  scalar: 3',
    'networks:',
    '  front: {driver: 7}',
    '',
  ].join('\n'),
  'variables decide validity': [
    'services:',
    '  a:',
    '    image: a',
    '    restart: ${POLICY}',
    '    cpus: ${CPUS:-2}',
    '  b:',
    '    image: b',
    '    restart: ${POLICY:-never}',
    '',
  ].join('\n'),
  'anchor defined in one service, used by the next': [
    'services:',
    '  first:',
    '    image: one',
    '    logging: &log',
    '      driver: json-file',
    '      options: {max-size: 10m}',
    '  second:',
    '    image: two',
    '    logging: *log',
    '  third:',
    '    image: three',
    '    logging: *log',
    '',
  ].join('\n'),
};

function sources(): [string, string][] {
  const files: [string, string][] = readdirSync(FIXTURES)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => [name, readFileSync(join(FIXTURES, name), 'utf8')]);
  files.push(['corpus 300', compose(300).text]);
  for (const [name, text] of Object.entries(TRICKY)) files.push([name, text]);
  return files;
}

/** Edits typing makes: a letter at a line end, a deleted character, a new line. */
function variants(text: string): string[] {
  const out: string[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const step = Math.max(1, Math.floor(lineStarts.length / 10));
  for (let l = 0; l < lineStarts.length; l += step) {
    const start = lineStarts[l];
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : text.length;
    out.push(text.slice(0, end) + 'z' + text.slice(end));
    out.push(text.slice(0, start) + '\n' + text.slice(start));
    if (end > start) out.push(text.slice(0, end - 1) + text.slice(end));
  }
  return out;
}

function reports(text: string, env: string, cached: boolean): string {
  const context: RuleContext = {
    path: '/w/compose.yaml',
    workspace: memoryWorkspace({ '/w/.env': env }),
    config: EMPTY_CONFIG,
    now: new Date('2026-11-23T00:00:00Z'),
  };
  serviceSchemaCache.enabled = cached;
  try {
    return JSON.stringify(schemaReports(parseCompose(text, context).model));
  } finally {
    serviceSchemaCache.enabled = true;
  }
}

describe('compose/schema per-service cache', function () {
  this.timeout(60_000);

  for (const [name, text] of sources()) {
    it(`${name}: the same reports as validating everything, after every edit`, () => {
      const env = 'TAG=1.0\nPOLICY=sometimes\n';
      for (const variant of variants(text)) {
        reports(text, env, true); // the cache now holds the original's services
        assert.strictEqual(reports(variant, env, true), reports(variant, env, false), `variant ${JSON.stringify(variant.slice(0, 60))}`);
        assert.strictEqual(reports(text, env, true), reports(text, env, false), 'back to the original');
      }
    });
  }

  it('a change in .env reaches services whose text did not change', () => {
    const text = TRICKY['variables decide validity'];
    const valid = reports(text, 'POLICY=always\n', true);
    const invalid = reports(text, 'POLICY=sometimes\n', true);
    assert.notStrictEqual(valid, invalid);
    assert.strictEqual(invalid, reports(text, 'POLICY=sometimes\n', false));
    assert.strictEqual(reports(text, 'POLICY=always\n', true), valid);
  });

  it('a change in an anchor reaches the services that merge it', () => {
    const text = TRICKY['errors in services and anchors'];
    const fixed = text.replace('restart: sometimes', 'restart: always');
    reports(text, '', true);
    assert.strictEqual(reports(fixed, '', true), reports(fixed, '', false));
    assert.ok(!reports(fixed, '', true).includes('sometimes'));
  });
});
