import assert from 'assert';
import { privileged } from '../../../rules/compose/rules/privileged';
import { ruleTester, runRule } from '../tester';

// Each snippet is a whole Compose file; `lines()` keeps them readable without template-literal indentation games.
const lines = (...parts: string[]) => parts.join('\n') + '\n';

ruleTester(privileged, {
  valid: [
    { code: lines('services:', '  web:', '    image: nginx:1.27', '    privileged: false') },
    { code: lines('services:', '  web:', '    image: nginx:1.27') },
    { code: lines('services:', '  web:', '    image: nginx:1.27', '    privileged: "false"') },
    { code: lines('services:', '  web:', '    image: nginx:1.27', '    privileged: no') },
    { name: 'an unresolvable variable is not judged', code: lines('services:', '  web:', '    image: nginx:1.27', '    privileged: ${PRIV}') },
    {
      name: 'a variable that .env sets to false',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    privileged: ${PRIV}'),
      files: { '/w/.env': 'PRIV=false\n' },
    },
    { name: '`:+` on an unknown variable is unknown', code: lines('services:', '  web:', '    image: nginx:1.27', '    privileged: ${DEBUG:+true}') },
    {
      name: 'an anchor no service merges',
      code: lines('x-unsafe: &unsafe', '  privileged: true', 'services:', '  web:', '    image: nginx:1.27'),
    },
    {
      name: 'the service overrides the merged value',
      code: lines('x-base: &base', '  privileged: true', 'services:', '  web:', '    <<: *base', '    image: nginx:1.27', '    privileged: false'),
    },
    { name: 'not a service field', code: lines('x-notes:', '  privileged: true', 'services:', '  web:', '    image: nginx:1.27') },
    { name: 'a value Compose does not read as a boolean', code: lines('services:', '  web:', '    image: nginx:1.27', '    privileged: sometimes') },
    {
      name: 'suppressed on the line above',
      code: lines('services:', '  dind:', '    image: docker:27-dind', '    # shipshape-ignore compose/privileged -- docker-in-docker CI runner', '    privileged: true'),
    },
    {
      name: 'suppressed above the anchor where the value is written',
      code: lines('x-base: &base', '  # shipshape-ignore compose/privileged', '  privileged: true', 'services:', '  web:', '    <<: *base', '    image: nginx:1.27'),
    },
    { name: 'empty file', code: '' },
    { name: 'services is not a mapping', code: lines('services: []'), rules: { 'compose/schema': 'off' } },
  ],
  invalid: [
    {
      name: 'block style',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    privileged: true', '    read_only: true'),
      errors: [{ message: 'Service `web` runs in privileged mode', range: [3, 16, 3, 20], severity: 'error', safe: false }],
      output: lines('services:', '  web:', '    image: nginx:1.27', '    read_only: true'),
    },
    {
      name: 'comments: the trailing one goes with the line, the one above stays',
      code: lines('services:', '  dind:', '    # runs the CI builds', '    privileged: true   # needed for dind', '    image: docker:27-dind # pinned'),
      errors: [{ range: [3, 16, 3, 20] }],
      output: lines('services:', '  dind:', '    # runs the CI builds', '    image: docker:27-dind # pinned'),
    },
    {
      name: 'flow style, middle entry',
      code: lines('services:', '  web: {image: nginx:1.27, privileged: true, read_only: true}'),
      errors: [{ range: [1, 39, 1, 43] }],
      output: lines('services:', '  web: {image: nginx:1.27, read_only: true}'),
    },
    {
      name: 'flow style, last entry',
      code: lines('services:', '  web: { image: nginx:1.27, privileged: true }'),
      errors: [{ range: [1, 40, 1, 44] }],
      output: lines('services:', '  web: { image: nginx:1.27 }'),
    },
    {
      name: 'flow style, first entry',
      code: lines('services:', '  web: {privileged: true, image: nginx:1.27}'),
      errors: [{ range: [1, 20, 1, 24] }],
      output: lines('services:', '  web: {image: nginx:1.27}'),
    },
    {
      name: 'flow style, only entry',
      code: lines('services:', '  web: {privileged: true}'),
      errors: [{ range: [1, 20, 1, 24] }],
      output: lines('services:', '  web: {}'),
    },
    {
      name: 'the only key of a block service leaves an empty mapping',
      code: lines('services:', '  web:', '    privileged: true'),
      errors: [{ range: [2, 16, 2, 20] }],
      output: lines('services:', '  web:', '    {}'),
    },
    {
      name: 'quoted key and string value',
      code: lines('services:', '  web:', '    "privileged": "true"', '    image: nginx:1.27'),
      errors: [{ range: [2, 18, 2, 24] }],
      output: lines('services:', '  web:', '    image: nginx:1.27'),
    },
    {
      name: 'YAML 1.1 words Compose still reads as true',
      code: lines('services:', '  a:', "    'privileged': yes", '  b:', '    privileged: ON', '  c:', '    privileged: True'),
      errors: [{ range: [2, 18, 2, 21] }, { range: [4, 16, 4, 18] }, { range: [6, 16, 6, 20] }],
      output: lines('services:', '  a:', '    {}', '  b:', '    {}', '  c:', '    {}'),
    },
    {
      name: 'CRLF line endings',
      code: 'services:\r\n  web:\r\n    privileged: true\r\n    image: nginx:1.27\r\n',
      errors: [{ range: [2, 16, 2, 20] }],
      output: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n',
    },
    {
      name: 'last line without a line break',
      code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: true',
      errors: [{ range: [3, 16, 3, 20] }],
      output: 'services:\n  web:\n    image: nginx:1.27',
    },
    {
      name: 'several services',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    privileged: true', '  db:', '    image: postgres:17', '  agent:', '    privileged: true', '    image: example/agent:2'),
      errors: [
        { message: 'Service `web`', range: [3, 16, 3, 20] },
        { message: 'Service `agent`', range: [7, 16, 7, 20] },
      ],
      output: lines('services:', '  web:', '    image: nginx:1.27', '  db:', '    image: postgres:17', '  agent:', '    image: example/agent:2'),
    },
    {
      name: 'merge key: reported once on the anchor, naming every service',
      code: lines(
        'x-base: &base',
        '  privileged: true',
        '  restart: unless-stopped',
        'services:',
        '  a:',
        '    <<: *base',
        '    image: example/a:1',
        '  b:',
        '    <<: *base',
        '    image: example/b:1',
      ),
      errors: [{ message: 'Services `a` and `b` run in privileged mode', range: [1, 14, 1, 18], fixTitle: /shared anchor/ }],
      output: lines('x-base: &base', '  restart: unless-stopped', 'services:', '  a:', '    <<: *base', '    image: example/a:1', '  b:', '    <<: *base', '    image: example/b:1'),
    },
    {
      name: 'merge list and nested merges',
      code: lines(
        'x-root: &root',
        '  privileged: true',
        'x-ops: &ops',
        '  <<: *root',
        '  restart: always',
        'x-logging: &logging',
        '  logging: {driver: local}',
        'services:',
        '  agent:',
        '    <<: [*logging, *ops]',
        '    image: example/agent:2',
      ),
      errors: [{ range: [1, 14, 1, 18] }],
      output: lines('x-root: &root', '  {}', 'x-ops: &ops', '  <<: *root', '  restart: always', 'x-logging: &logging', '  logging: {driver: local}', 'services:', '  agent:', '    <<: [*logging, *ops]', '    image: example/agent:2'),
    },
    {
      name: 'the value is an alias: reported at the anchor, fixed at the use',
      code: lines('x-on: &on true', 'services:', '  web:', '    image: nginx:1.27', '    privileged: *on'),
      errors: [{ range: [0, 10, 0, 14] }],
      output: lines('x-on: &on true', 'services:', '  web:', '    image: nginx:1.27'),
    },
    {
      name: 'a whole service that is an alias of another',
      code: lines('services:', '  web: &web', '    image: nginx:1.27', '    privileged: true', '  web2: *web'),
      errors: [{ message: 'Services `web` and `web2` run', range: [3, 16, 3, 20] }],
      output: lines('services:', '  web: &web', '    image: nginx:1.27', '  web2: *web'),
    },
    {
      name: 'interpolation fallback',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    privileged: ${PRIVILEGED:-true}'),
      errors: [{ range: [3, 16, 3, 35] }],
      output: lines('services:', '  web:', '    image: nginx:1.27'),
    },
    {
      name: 'interpolation from .env beside the file',
      code: lines('services:', '  web:', '    image: nginx:1.27', '    privileged: "${PRIV}"'),
      files: { '/w/.env': '# CI settings\nPRIV=true\n' },
      errors: [{ range: [3, 16, 3, 25] }],
      output: lines('services:', '  web:', '    image: nginx:1.27'),
    },
    {
      name: 'a multi-line value goes with its key',
      code: lines('services:', '  web:', '    privileged: >-', '      true', '    image: nginx:1.27'),
      errors: [{ range: [2, 16, 3, 10] }],
      output: lines('services:', '  web:', '    image: nginx:1.27'),
    },
    {
      name: 'a service inside a document with several',
      code: lines('services:', '  web:', '    image: nginx:1.27', '---', 'services:', '  debug:', '    privileged: true', '    image: busybox:1.37'),
      errors: [{ message: '`debug`', range: [6, 16, 6, 20] }],
      output: lines('services:', '  web:', '    image: nginx:1.27', '---', 'services:', '  debug:', '    image: busybox:1.37'),
    },
  ],
});

describe('compose/privileged details', () => {
  it('points each service that merges the value at its own use site', () => {
    const code = lines('x-base: &base', '  privileged: true', 'services:', '  a:', '    <<: *base', '  b:', '    image: x:1', '    <<: [*base]');
    const [finding] = runRule(privileged, { code }).findings;
    assert.deepStrictEqual(
      finding.related?.map((r) => [r.range.start.line, r.range.start.character, r.range.end.character, r.message]),
      [
        [4, 8, 13, 'Service `a` gets `privileged` here, through the merge key `<<: *base`.'],
        [7, 9, 14, 'Service `b` gets `privileged` here, through the merge key `<<: *base`.'],
      ],
    );
  });

  it('offers no fix when deleting the line would orphan an alias', () => {
    const code = lines('services:', '  a:', '    privileged: &p true', '  b:', '    privileged: *p');
    const findings = runRule(privileged, { code }).findings;
    assert.strictEqual(findings.length, 2);
    const [inA, inB] = findings.sort((x, y) => (x.fix ? 1 : 0) - (y.fix ? 1 : 0));
    assert.strictEqual(inA.fix, undefined, 'removing `privileged: &p true` would break `*p`');
    assert.ok(inB.fix);
    assert.deepStrictEqual(inA.range, inB.range, 'both point at the written `true`');
  });

  it('judges orphaned aliases within the document the service is in', () => {
    const code = lines('services:', '  web:', '    image: nginx:1.27', '---', 'services:', '  a:', '    privileged: &p true', '  b:', '    privileged: *p');
    const findings = runRule(privileged, { code }).findings;
    assert.deepStrictEqual(
      findings.map((f) => [f.message.slice(0, 11), f.fix ? 'fix' : 'no fix']).sort(),
      [
        ['Service `a`', 'no fix'],
        ['Service `b`', 'fix'],
      ],
    );
  });

  it('keeps the finding while the file around it has a syntax error', () => {
    const code = lines('services:', '  web:', '    privileged: true', '    image: "nginx:1.27', '  db:', '    image: postgres:17');
    const { findings } = runRule(privileged, { code });
    assert.strictEqual(findings.length, 1);
    assert.strictEqual(findings[0].range.start.line, 2);
  });
});
