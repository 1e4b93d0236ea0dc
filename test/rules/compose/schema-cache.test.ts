import assert from 'assert';
import { compose } from '../../../bench/corpus';
import { parseCompose } from '../../../rules/compose/model';
import { schemaReports, serviceSchemaCache } from '../../../rules/compose/validate';
import { EMPTY_CONFIG, type RuleContext } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';
import { composeFixtures, typingEdits } from './typing';

// compose/schema caches each service's result by what decides it (its text, the anchors it
// pulls in, the variables it names). Whatever was analyzed before, the reports must be exactly
// those of validating everything afresh.

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
  const files = composeFixtures();
  files.push(['corpus 300', compose(300).text]);
  for (const [name, text] of Object.entries(TRICKY)) files.push([name, text]);
  return files;
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
      for (const variant of typingEdits(text, 10)) {
        reports(text, env, true); // the cache now holds the original's services
        assert.strictEqual(reports(variant, env, true), reports(variant, env, false), `variant ${JSON.stringify(variant.slice(0, 60))}`);
        assert.strictEqual(reports(text, env, true), reports(text, env, false), 'back to the original');
      }
    });
  }

  it('an edit inside one service revalidates that service only', () => {
    const text = compose(300).text;
    reports(text, '', true);
    const edited = text.replace('LOG_LEVEL: warn', 'LOG_LEVEL: warnx');
    assert.notStrictEqual(edited, text);
    const before = { ...serviceSchemaCache };
    reports(edited, '', true);
    assert.strictEqual(serviceSchemaCache.misses - before.misses, 1);
    assert.ok(serviceSchemaCache.hits - before.hits > 5, `hits: ${serviceSchemaCache.hits - before.hits}`);
  });

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
