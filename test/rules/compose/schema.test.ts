import assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseCompose } from '../../../rules/compose/model';
import { schema } from '../../../rules/compose/rules/schema';
import { inputHash } from '../../../rules/compose/schema/generate';
import { closest, collapseAlternatives, schemaReports } from '../../../rules/compose/validate';
import { EMPTY_CONFIG } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';
import { ruleTester, runRule } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(schema, {
  valid: [
    {
      name: 'several long-syntax volumes and ports (the uniqueness check compares mappings)',
      code: lines('services:', '  app:', '    image: x:1', '    volumes:', '      - type: volume', '        source: data', '        target: /data', '      - type: bind', '        source: ./conf', '        target: /conf', '    ports:', '      - target: 80', '        published: 8080', '      - target: 81', '        published: 8081', 'volumes:', '  data:'),
    },
    { name: 'a key named __proto__ is an ordinary (extension) key', code: lines('services:', '  app:', '    image: x:1', '    x-meta:', '      __proto__: {polluted: true}') },
    { code: lines('services:', '  web:', '    image: nginx:1.27', '    restart: unless-stopped') },
    { code: '' },
    { name: 'x- extension keys hold anything', code: lines('x-anything:', '  foo: [1, {bar: baz}]', 'services:', '  web:', '    image: nginx:1.27', '    x-note: hi') },
    { name: 'merge keys are applied, not validated as keys', code: lines('x-base: &base', '  restart: always', 'services:', '  web:', '    <<: *base', '    image: nginx:1.27') },
    { name: 'merge list', code: lines('x-a: &a {restart: always}', 'x-b: &b {init: true}', 'services:', '  web:', '    <<: [*a, *b]', '    image: nginx:1.27') },
    { name: 'unresolved variable is not judged', code: lines('services:', '  web:', '    image: nginx:1.27', '    restart: ${RESTART}') },
    { name: 'variable resolved from .env', code: lines('services:', '  web:', '    image: nginx:1.27', '    restart: ${RESTART}'), files: { '/w/.env': 'RESTART=on-failure:3\n' } },
    { name: 'default value that is valid', code: lines('services:', '  web:', '    image: nginx:1.27', '    restart: ${RESTART:-no}') },
    { name: 'on-failure with retries', code: lines('services:', '  web:', '    image: nginx:1.27', '    restart: on-failure:5') },
    { name: 'version is left to version-obsolete', code: lines('version: 3.8', 'services:', '  web:', '    image: nginx:1.27') },
    { name: 'long and short syntax', code: lines('services:', '  web:', '    image: nginx:1.27', '    ports:', '      - "127.0.0.1:8080:80"', '      - target: 443', '        published: "8443"', '        host_ip: 127.0.0.1', '    depends_on:', '      db: {condition: service_healthy, required: false}', '  db:', '    image: postgres:17') },
    { name: 'environment as list and map', code: lines('services:', '  a:', '    image: x:1', '    environment: [A=1, B]', '  b:', '    image: x:1', '    environment:', '      A: 1', '      B: true', '      C:') },
    { name: 'every top-level section', code: lines('name: shop', 'include: [other.yaml]', 'services: {}', 'networks:', '  front: {}', '  back:', '    internal: true', 'volumes:', '  data:', 'secrets:', '  pw:', '    file: ./pw.txt', 'configs:', '  cfg:', '    file: ./cfg') },
    { name: '!reset drops the key', code: lines('services:', '  web:', '    image: nginx:1.27', '    ports: !reset null') },
    { name: 'CRLF', code: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    restart: always\r\n' },
    { name: 'suppressed', code: lines('services:', '  web:', '    image: nginx:1.27', '    # shipshape-ignore compose/schema', '    enviroment: {}') },
    { name: 'build string or mapping', code: lines('services:', '  a:', '    build: .', '  b:', '    build:', '      context: .', '      args: {A: "1"}') },
    { name: 'an escaped dollar', code: lines('services:', '  web:', '    image: nginx:1.27', '    command: echo $$HOME') },
  ],
  invalid: [
    {
      name: 'two identical long-syntax ports are a duplicate, not a crash',
      code: lines('services:', '  app:', '    image: x:1', '    ports:', '      - target: 80', '        published: 8080', '      - target: 80', '        published: 8080'),
      errors: [{ line: 6 }],
    },
    {
      name: 'a v1 file: each top-level service is named as such',
      code: lines('web:', '  image: nginx:1.27', '  links:', '    - db', 'db:', '  image: postgres:17', 'x-note: 1'),
      errors: [
        { message: /^`web` is a service written at the top level, the Compose file format v1, which `docker compose` no longer reads\. Move the services under a top-level `services:` key\.$/, range: [0, 0, 0, 3] },
        { message: '`db` is a service written at the top level', range: [4, 0, 4, 2] },
      ],
    },
    {
      name: 'a v1-looking key next to services: is an ordinary unknown key',
      code: lines('services:', '  web:', '    image: nginx:1.27', 'db:', '  image: postgres:17'),
      errors: [{ message: 'Unknown top-level key `db`' }],
    },
    {
      name: 'unknown service key with a suggestion',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    enviroment:', '      TZ: UTC'),
      errors: [{ message: 'Unknown key `enviroment` in service `web` — did you mean `environment`?', range: [3, 4, 3, 14] }],
      output: null,
    },
    {
      name: 'unknown top-level key',
      code: lines('servics:', '  web:', '    image: nginx:1.27'),
      errors: [{ message: 'Unknown top-level key `servics` — did you mean `services`?', range: [0, 0, 0, 7] }],
    },
    {
      name: 'a service key at the top level',
      code: lines('services:', '  web:', '    image: nginx:1.27', 'restart: always'),
      errors: [{ message: /is a service setting; indent it/, range: [3, 0, 3, 7] }],
    },
    {
      name: 'restart policy',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    restart: sometimes'),
      errors: [{ message: '`restart: sometimes` in service `web` is not one of no, always, on-failure, unless-stopped', range: [3, 13, 3, 22] }],
    },
    {
      name: 'restart typo gets a suggestion',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    restart: allways'),
      errors: [{ message: 'did you mean `always`?' }],
    },
    {
      name: 'wrong type',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    ports: 8080'),
      errors: [{ message: '`ports` in service `web` must be a list, not a whole number.', range: [3, 11, 3, 15] }],
    },
    {
      name: 'empty value',
      code: lines('services:', '  web:', '    image:'),
      errors: [{ message: '`image` in service `web` is empty; it must be a string.', range: [2, 4, 2, 9] }],
    },
    {
      name: 'enum inside depends_on, with suggestion',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    depends_on:', '      db:', '        condition: service_health', '  db:', '    image: postgres:17'),
      errors: [{ message: /^`condition: service_health` in service `web` is not one of service_started, service_healthy, service_completed_successfully — did you mean `service_healthy`\?$/, range: [5, 19, 5, 33] }],
    },
    {
      name: 'typo of a required key: one finding, not two',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    depends_on:', '      db:', '        conditon: service_healthy', '  db:', '    image: postgres:17'),
      errors: [{ message: 'Unknown key `conditon` in `depends_on.db` in service `web` — did you mean `condition`?', range: [5, 8, 5, 16] }],
    },
    {
      name: 'oneOf: the mapping branch is the specific one',
      code: lines('services:', '  web:', '    build:', '      context: .', '      dockerfil: Dockerfile'),
      errors: [{ message: 'Unknown key `dockerfil` in `build` in service `web` — did you mean `dockerfile`?', range: [4, 6, 4, 15] }],
    },
    {
      name: 'oneOf: no branch fits the type',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    build: [a, b]'),
      errors: [{ message: '`build` in service `web` must be a string or a mapping, not a list.', range: [3, 11, 3, 17] }],
    },
    {
      name: 'long port syntax typo',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    ports:', '      - target: 80', '        publishd: 8080'),
      errors: [{ message: 'Unknown key `publishd` in `ports[0]` in service `web` — did you mean `published`?', range: [5, 8, 5, 16] }],
    },
    {
      name: 'required key missing',
      code: lines('services:', '  web:', '    extends:', '      file: base.yaml'),
      errors: [{ message: '`extends` in service `web` needs `service`.', range: [2, 4, 2, 11] }],
    },
    {
      name: 'duplicate list entries',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    cap_add: [NET_ADMIN, CHOWN, NET_ADMIN]'),
      errors: [{ message: '`cap_add` in service `web` lists `NET_ADMIN` twice', range: [3, 32, 3, 41] }],
    },
    {
      name: 'invalid service name',
      code: lines('services:', '  my web:', '    image: nginx:1.27'),
      errors: [{ message: '`my web` is not a valid service name', range: [1, 2, 1, 8] }],
    },
    {
      name: 'a typo inside an anchor is reported once, where it is written',
      code: lines('x-base: &base', '  restrat: always', 'services:', '  a:', '    <<: *base', '    image: x:1', '  b:', '    <<: *base', '    image: x:1'),
      errors: [{ message: 'did you mean `restart`?', range: [1, 2, 1, 9] }],
    },
    {
      name: 'a value resolved from .env',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    restart: ${RESTART}'),
      files: { '/w/.env': 'RESTART=sometimes\n' },
      errors: [{ message: '`restart: sometimes`', range: [3, 13, 3, 23] }],
    },
    {
      name: 'a default value',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    restart: ${RESTART:-never}'),
      errors: [{ message: '`restart: never`' }],
    },
    {
      name: 'invalid interpolation',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    command: echo 5$ now'),
      errors: [{ message: /^Invalid interpolation: a `\$` that starts no variable/, range: [3, 13, 3, 24] }],
    },
    {
      name: 'flow style',
      code: lines('services:', '  web: {image: nginx:1.27, privileged: [yes]}'),
      errors: [{ message: '`privileged` in service `web` must be a boolean or a string, not a list.', range: [1, 39, 1, 44] }],
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    enviroment: {}\r\n',
      errors: [{ range: [3, 4, 3, 14] }],
    },
    {
      name: 'several errors in one file',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: [true]', '    mem_limt: 1g', 'networks:', '  front:', '    internl: true'),
      errors: [{ line: 3 }, { line: 4, message: 'did you mean `mem_limit`?' }, { line: 7, message: 'Unknown key `internl` in network `front` — did you mean `internal`?' }],
    },
    {
      name: 'out of range',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    cpu_percent: 150'),
      errors: [{ message: '`cpu_percent` in service `web` must be at most 100, not 150.' }],
    },
    {
      name: 'second document',
      code: lines('services:', '  a:', '    image: x:1', '---', 'services:', '  b:', '    imag: x:1'),
      errors: [{ message: 'did you mean `image`?', range: [6, 4, 6, 8] }],
    },
  ],
});

describe('compose/schema internals', () => {
  it('the generated validator is current (node out/rules/compose/schema/generate.js)', () => {
    const dir = join(__dirname, '..', '..', '..', '..', 'rules', 'compose', 'schema');
    const generated = readFileSync(join(dir, 'validate.generated.ts'), 'utf8');
    const hash = inputHash(readFileSync(join(dir, 'compose-spec.json'), 'utf8'));
    assert.ok(generated.includes(`input hash ${hash}`), 'validate.generated.ts is stale: regenerate it');
  });

  it('suggests close names only', () => {
    assert.strictEqual(closest('enviroment', ['environment', 'image']), 'environment');
    assert.strictEqual(closest('container-name', ['container_name']), 'container_name');
    assert.strictEqual(closest('Image', ['image']), 'image');
    assert.strictEqual(closest('foo', ['image', 'ports']), undefined);
    assert.strictEqual(closest('pid', ['pids_limit']), undefined);
  });

  it('collapses a oneOf to its applicable branch', () => {
    const errors = collapseAlternatives([
      { instancePath: '/a', schemaPath: '#/p/oneOf/0/type', keyword: 'type', params: { type: 'string' } },
      { instancePath: '/a/x', schemaPath: '#/p/oneOf/1/additionalProperties', keyword: 'additionalProperties', params: { additionalProperty: 'x' } },
      { instancePath: '/a', schemaPath: '#/p/oneOf', keyword: 'oneOf', params: { passingSchemas: null } },
    ]);
    assert.deepStrictEqual(errors.map((e) => e.keyword), ['additionalProperties']);
  });

  it('validates a 3,000-line file quickly', function () {
    this.timeout(30_000); // parsing dominates, and CI machines are slow
    let text = 'x-common: &common\n  restart: unless-stopped\nservices:\n';
    for (let i = 0; i < 125; i++) {
      text += `  svc${i}:\n    <<: *common\n    image: example/app${i}:1.0\n    environment:\n      A: "1"\n      B: \${B:-2}\n    ports:\n      - "127.0.0.1:${10000 + i}:80"\n    volumes:\n      - ./d${i}:/data:ro\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 30s\n    deploy:\n      resources:\n        limits: {cpus: "0.5", memory: 64M}\n    cap_drop: [ALL]\n    read_only: true\n    security_opt: ["no-new-privileges:true"]\n    depends_on:\n      svc0:\n        condition: service_started\n    labels:\n      a: b\n`;
    }
    const context = { path: '/w/compose.yaml', workspace: memoryWorkspace({}), config: EMPTY_CONFIG, now: new Date() };
    schemaReports(parseCompose('services: {}\n', context).model); // loads the validator
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const { model } = parseCompose(`${text}# ${k}\n`, context);
      const start = process.hrtime.bigint();
      assert.deepStrictEqual(schemaReports(model), []);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    assert.ok(text.split('\n').length > 2900);
    // Generous bound for loaded CI machines; typically 3-5 ms.
    assert.ok(Math.min(...times) < 60, `schema validation took ${Math.min(...times).toFixed(1)} ms`);
  });
});

describe('compose/schema next to a YAML syntax error', () => {
  it('leaves the broken line to compose/syntax', () => {
    const { findings, parseProblems } = runRule(schema, { code: lines('version:"3"', 'services:', '  web:', '    image: nginx:1.27', '    restart: sometimes') });
    assert.ok(parseProblems.some((p) => p.rule === 'compose/syntax' && p.range.start.line === 0), 'the syntax error is reported');
    assert.ok(!findings.some((f) => f.range.start.line <= 1), `no schema report on the garbled key: ${findings.map((f) => f.message).join('; ')}`);
  });
});
