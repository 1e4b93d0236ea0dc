import assert from 'assert';
import { composeLanguage } from '../../../rules/compose';
import { MAX_EXPANDED_NODES } from '../../../rules/compose/anchors';
import { removeChildEdit } from '../../../rules/compose/edits';
import type { Item } from '../../../rules/compose/effective';
import { interpolate, parseDotEnv } from '../../../rules/compose/interpolate';
import type { ComposeModel } from '../../../rules/compose/model';
import { composeBoolean, parsePortSpec, parseVolumeSpec } from '../../../rules/compose/values';
import { applyEdits } from '../../../rules/fix';
import type { ParseProblem } from '../../../rules/language';
import type { Range } from '../../../rules/types';
import { EMPTY_CONFIG } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';

const lines = (...parts: string[]) => parts.join('\n') + '\n';

function parse(text: string, files: Record<string, string> = {}): { model: ComposeModel; problems: ParseProblem[] } {
  const path = '/w/compose.yaml';
  return composeLanguage.parse(text, {
    path,
    workspace: memoryWorkspace({ ...files, [path]: text }),
    config: EMPTY_CONFIG,
    now: new Date('2026-11-23T00:00:00Z'),
  });
}

/** [startLine, startChar, endLine, endChar], as the rule tests write ranges. */
const at = (range: Range) => [range.start.line, range.start.character, range.end.line, range.end.character];

describe('compose model', () => {
  describe('services and effective values', () => {
    it('lists services in file order with key ranges and values', () => {
      const { model, problems } = parse(lines('name: shop', 'services:', '  web:', '    image: nginx:1.27', '  "db":', '    image: postgres:17'));
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(model.services.map((s) => s.name), ['web', 'db']);
      assert.deepStrictEqual(at(model.services[1].keyRange), [4, 2, 4, 6]);
      const image = model.service('web')!.get('image')!;
      assert.strictEqual(image.value, 'nginx:1.27');
      assert.deepStrictEqual(at(image.range), [3, 11, 3, 21]);
      assert.deepStrictEqual(at(image.keyRange), [3, 4, 3, 9]);
      assert.deepStrictEqual(image.via, []);
      assert.strictEqual(model.top!.get('name')!.value, 'shop');
    });

    it('resolves merge keys: own keys win, then earlier merges, through nested merges', () => {
      const { model, problems } = parse(
        lines(
          'x-root: &root',
          '  restart: always',
          '  user: root',
          'x-a: &a',
          '  <<: *root',
          '  user: app',
          'x-b: &b',
          '  user: nobody',
          '  read_only: true',
          'services:',
          '  web:',
          '    <<: [*a, *b]',
          '    image: nginx:1.27',
        ),
      );
      assert.deepStrictEqual(problems, []);
      const web = model.service('web')!;
      assert.deepStrictEqual(web.entries().map((e) => e.key), ['image', 'user', 'restart', 'read_only']);
      const user = web.get('user')!;
      assert.strictEqual(user.value, 'app', '*a is listed first, so it wins over *b');
      assert.deepStrictEqual(at(user.range), [5, 8, 5, 11], 'points at the anchor where the value is written');
      assert.deepStrictEqual(user.via.map((v) => [v.kind, v.anchor, ...at(v.range)]), [['merge', 'a', 11, 9, 11, 11]]);
      const restart = web.get('restart')!;
      assert.deepStrictEqual(at(restart.range), [1, 11, 1, 17]);
      assert.deepStrictEqual(restart.via.map((v) => [v.anchor, v.range.start.line]), [['a', 11], ['root', 4]], 'the trail, outermost first');
      assert.strictEqual(restart.owner, (model.documents[0].contents as any).items[0].value, 'owner is the mapping the pair is written in');
      assert.strictEqual(web.get('read_only')!.value, true);
    });

    it('follows aliases for whole values, whole services and inline merges', () => {
      const { model, problems } = parse(
        lines('x-caps: &caps [NET_ADMIN, SYS_TIME]', 'services:', '  a: &a', '    cap_add: *caps', '    <<: {user: "1000"}', '  b: *a'),
      );
      assert.deepStrictEqual(problems, []);
      const caps = model.service('a')!.list('cap_add')!;
      assert.deepStrictEqual(caps.map((i) => i.value), ['NET_ADMIN', 'SYS_TIME']);
      assert.deepStrictEqual(at(caps[1].range), [0, 26, 0, 34]);
      assert.deepStrictEqual(caps[1].via.map((v) => [v.kind, v.anchor]), [['alias', 'caps']]);
      const user = model.service('a')!.get('user')!;
      assert.strictEqual(user.value, '1000');
      assert.deepStrictEqual(user.via.map((v) => [v.kind, v.anchor, ...at(v.range)]), [['merge', undefined, 4, 4, 4, 6]]);
      const b = model.service('b')!;
      assert.deepStrictEqual(b.entry.via.map((v) => [v.kind, v.anchor]), [['alias', 'a']]);
      assert.deepStrictEqual(b.get('cap_add')!.via.map((v) => v.kind), ['alias', 'alias'], 'service alias, then the value alias');
    });

    it('treats a non-mapping service or top level without failing', () => {
      assert.deepStrictEqual(parse(lines('services:', '  web:', '  db: 3')).model.services.map((s) => [s.name, s.get('image')]), [
        ['web', undefined],
        ['db', undefined],
      ]);
      assert.strictEqual(parse('- a\n- b\n').model.top, undefined);
      assert.deepStrictEqual(parse('').model.services, []);
    });
  });

  describe('anchor problems', () => {
    it('bounds an alias bomb and reports it once, quickly', () => {
      const levels = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) {
        const name = String.fromCharCode(97 + i);
        const prev = String.fromCharCode(96 + i);
        levels.push(`x-${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
      }
      const text = lines(...levels, 'services:', '  web:', '    image: nginx:1.27', '    labels: *i');
      const started = Date.now();
      const { model, problems } = parse(text);
      assert.ok(Date.now() - started < 500, 'expansion is never performed');
      const bombs = problems.filter((p) => /alias bomb/.test(p.message));
      assert.strictEqual(bombs.length, 1);
      assert.strictEqual(bombs[0].rule, 'compose/syntax');
      assert.ok(bombs[0].range.start.line >= 4 && bombs[0].range.start.line <= 8, 'reported where the expansion crosses the bound');
      assert.ok(model.anchors[0].expansionExceeded);
      assert.ok(model.anchors[0].expandedSize > MAX_EXPANDED_NODES);
      assert.strictEqual(model.service('web')!.get('image')!.value, 'nginx:1.27', 'the rest of the model still works');
    });

    it('keeps merge-key chains linear', () => {
      const levels = ['x-0: &l0 {a: 1, b: 2}'];
      for (let i = 1; i < 30; i++) levels.push(`x-${i}: &l${i} {<<: [${Array(10).fill(`*l${i - 1}`).join(', ')}], k${i}: ${i}}`);
      const { model } = parse(lines(...levels, 'services:', '  web:', '    <<: *l29'));
      const started = Date.now();
      assert.strictEqual(model.service('web')!.get('a')!.value, 1);
      assert.strictEqual(model.service('web')!.entries().length, 31);
      assert.ok(Date.now() - started < 200);
    });

    it('reports an alias with no anchor, and one inside its own anchor', () => {
      const { problems } = parse(lines('services:', '  web:', '    <<: *defaults', '    labels: &l [*l]'));
      assert.deepStrictEqual(
        problems.map((p) => [p.rule, ...at(p.range), p.message.slice(0, 30)]),
        [
          ['compose/syntax', 2, 8, 2, 17, 'Unknown anchor: alias `*defaul'],
          ['compose/syntax', 3, 16, 3, 18, 'Alias `*l` sits inside the nod'],
        ],
      );
    });

    it('reports a merge key whose value is not a mapping', () => {
      const { problems } = parse(lines('x-tag: &tag nginx', 'services:', '  web:', '    <<: *tag', '    image: nginx:1.27'));
      assert.deepStrictEqual(problems.map((p) => [p.rule, ...at(p.range)]), [['compose/syntax', 3, 8, 3, 12]]);
      assert.match(problems[0].message, /merge key/);
    });
  });

  describe('syntax errors', () => {
    it('reports an unclosed quote and keeps what it can read', () => {
      const { model, problems } = parse(lines('services:', '  web:', '    image: "nginx:1.27', '  db:', '    image: postgres:17'));
      assert.ok(problems.length >= 1);
      assert.ok(problems.every((p) => p.rule === 'compose/syntax' && p.severity === 'error'));
      assert.ok(problems.some((p) => /quote|closed/i.test(p.message)));
      assert.ok(model.service('web'), 'the service before the error is still there');
    });

    it('reports a duplicate key on the second occurrence', () => {
      const { model, problems } = parse(lines('services:', '  web:', '    image: nginx:1.27', '    image: nginx:1.26'));
      assert.deepStrictEqual(problems.map((p) => [p.rule, ...at(p.range)]), [['compose/syntax', 3, 4, 3, 9]]);
      assert.match(problems[0].message, /^YAML syntax error: Duplicate key\. .*Compose rejects/);
      assert.strictEqual(model.service('web')!.get('image')!.value, 'nginx:1.27', 'the first one is the one in effect');
    });

    it('reports tab indentation with a precise range and a hint', () => {
      const first = parse('services:\n  web:\n\timage: nginx\n').problems[0];
      assert.deepStrictEqual(at(first.range), [2, 0, 2, 1]);
      assert.match(first.message, /tabs/i);
      const { model, problems } = parse('services:\n  web:\n    image: nginx\n    \tuser: app\n  db:\n    image: postgres:17\n');
      assert.deepStrictEqual(problems.map((p) => at(p.range)), [[3, 4, 3, 5]]);
      assert.strictEqual(model.service('web')!.get('user')!.value, 'app');
      assert.ok(model.service('db'), 'later services are still analyzed');
    });

    it('keeps ranges inside the text for an error at the very end', () => {
      const text = 'services:\n  web: [nginx';
      const { problems } = parse(text);
      assert.ok(problems.length >= 1);
      for (const p of problems) {
        const textLines = text.split('\n');
        assert.ok(p.range.end.line < textLines.length && p.range.end.character <= textLines[p.range.end.line].length);
      }
    });
  });

  describe('statementStart', () => {
    const text = lines(
      'services:', //        0
      '  web:', //           1
      '    command: >', //   2
      '      run', //        3
      '      --fast', //     4
      '    ports:', //       5
      '      - "80:80"', //  6
      '      - target: 443', // 7
      '        published: 8443', // 8
      '    environment: {A: 1,', // 9
      '      B: 2}', //      10
    );
    const { model } = parse(text);
    const cases: [number, number][] = [
      [0, 0],
      [1, 1],
      [3, 2],
      [4, 2],
      [6, 6],
      [7, 7],
      [8, 8],
      [10, 9],
    ];
    for (const [line, start] of cases) {
      it(`line ${line} belongs to the statement on line ${start}`, () => {
        assert.strictEqual(composeLanguage.statementStart(model, line), start);
      });
    }
  });

  describe('interpolation', () => {
    const env: Record<string, string> = { TAG: '1.27', EMPTY: '', PORT: '8080' };
    const lookup = (name: string) => env[name];
    const table: [string, string | undefined, string?][] = [
      ['nginx:$TAG', 'nginx:1.27'],
      ['nginx:${TAG}', 'nginx:1.27'],
      ['${UNSET:-fallback}', 'fallback'],
      ['${EMPTY:-fallback}', 'fallback'],
      ['${EMPTY-fallback}', ''],
      ['${UNSET-fallback}', 'fallback'],
      ['${TAG:-x}', '1.27'],
      ['${TAG:?need a tag}', '1.27'],
      ['${EMPTY?set}', ''],
      ['${TAG:+pinned}', 'pinned'],
      ['${EMPTY:+pinned}', ''],
      ['${EMPTY+pinned}', 'pinned'],
      ['${UNSET:-${PORT}}', '8080'],
      ['$$HOME and $${TAG}', '$HOME and ${TAG}'],
      ['no variables', 'no variables'],
      ['$UNSET', undefined],
      ['${UNSET}', undefined],
      ['${UNSET:?required}', undefined],
      ['${EMPTY:?required}', undefined],
      ['${UNSET?required}', undefined],
      ['${UNSET:+x}', undefined],
      ['${UNSET+x}', undefined],
      ['${UNSET:-${ALSO_UNSET}}', undefined],
    ];
    for (const [text, expected] of table) {
      it(`${text} → ${expected === undefined ? 'unresolved' : JSON.stringify(expected)}`, () => {
        const result = interpolate(text, lookup);
        assert.strictEqual(result.value, expected);
        assert.strictEqual(result.resolved, expected !== undefined);
      });
    }

    it('names the variables, the unresolved ones and fallback use', () => {
      const result = interpolate('${A:-x}-$B-${TAG}', lookup);
      assert.deepStrictEqual([result.variables, result.unresolved, result.usedDefault], [['A', 'B', 'TAG'], ['B'], true]);
    });

    it('flags what Compose rejects as invalid interpolation', () => {
      for (const bad of ['cost: $5', '${', '${TAG', '${1X}', '${}']) {
        const result = interpolate(bad, lookup);
        assert.strictEqual(result.resolved, false, bad);
        assert.ok(result.error, bad);
      }
    });

    it('reads .env: export, quotes, comments, references to earlier lines', () => {
      const values = parseDotEnv(
        [
          '# settings',
          'export TAG=1.27',
          'IMAGE=nginx:${TAG}',
          "LITERAL='${TAG} stays'",
          'QUOTED="a # not a comment\\tb"',
          'BARE=value # a comment',
          'UNKNOWN=${NOPE}',
          'EMPTY=',
          '',
        ].join('\r\n'),
      );
      assert.deepStrictEqual(Object.fromEntries(values), {
        TAG: '1.27',
        IMAGE: 'nginx:1.27',
        LITERAL: '${TAG} stays',
        QUOTED: 'a # not a comment\tb',
        BARE: 'value',
        EMPTY: '',
      });
    });

    it('interpolates model values from the .env beside the file, and marks unknowns unresolved', () => {
      const text = lines('services:', '  web:', '    image: nginx:${TAG}', '    user: ${RUN_AS}', '    read_only: ${RO:-true}');
      const { model } = parse(text, { '/w/.env': 'TAG=1.27\n', '/elsewhere/.env': 'RUN_AS=root\n' });
      const web = model.service('web')!;
      assert.deepStrictEqual([web.get('image')!.value, web.get('image')!.resolved, web.get('image')!.raw], ['nginx:1.27', true, 'nginx:${TAG}']);
      assert.deepStrictEqual([web.get('user')!.value, web.get('user')!.resolved], [undefined, false]);
      assert.deepStrictEqual(web.get('user')!.interpolation!.unresolved, ['RUN_AS']);
      assert.strictEqual(composeBoolean(web.get('read_only')), true);
      assert.strictEqual(model.interpolate('${TAG}').value, '1.27');
    });

    it('never reads .env for a file without variables', () => {
      let reads = 0;
      const path = '/w/compose.yaml';
      const text = lines('services:', '  web:', '    image: nginx:1.27');
      const { model } = composeLanguage.parse(text, {
        path,
        workspace: { readFile: () => (reads++, undefined) },
        config: EMPTY_CONFIG,
        now: new Date(),
      });
      model.service('web')!.entries();
      assert.strictEqual(reads, 0);
    });
  });

  describe('value helpers', () => {
    it('reads Compose booleans', () => {
      const item = (value: unknown, resolved = true) => ({ value, resolved }) as Item;
      assert.deepStrictEqual(
        [true, false, 'true', 'Yes', 'on', 'Y', 'false', 'NO', 'off', 'maybe', 1, null].map((v) => composeBoolean(item(v))),
        [true, false, true, true, true, true, false, false, false, undefined, undefined, undefined],
      );
      assert.strictEqual(composeBoolean(item(undefined, false)), undefined);
      assert.strictEqual(composeBoolean(undefined), undefined);
    });

    it('normalizes environment in map and list form with precise ranges', () => {
      const text = lines(
        'services:',
        '  a:',
        '    environment:',
        '      DB_PASSWORD: hunter2',
        '      TOKEN: ${TOKEN}',
        '      FROM_SHELL:',
        '  b:',
        '    environment:',
        '      - "API_KEY=abc123"',
        '      - SECRET=${SECRET:-dev}',
        '      - HOME',
      );
      const { model } = parse(text);
      const view = (s: string) =>
        model.service(s)!.environment().map((v) => [v.name, v.form, v.value, v.resolved, v.literal, ...at(v.nameRange), ...at(v.valueRange)]);
      assert.deepStrictEqual(view('a'), [
        ['DB_PASSWORD', 'map', 'hunter2', true, true, 3, 6, 3, 17, 3, 19, 3, 26],
        ['TOKEN', 'map', undefined, false, false, 4, 6, 4, 11, 4, 13, 4, 21],
        ['FROM_SHELL', 'map', undefined, true, false, 5, 6, 5, 16, 5, 6, 5, 16],
      ]);
      assert.deepStrictEqual(view('b'), [
        ['API_KEY', 'list', 'abc123', true, true, 8, 9, 8, 16, 8, 17, 8, 23],
        ['SECRET', 'list', 'dev', true, false, 9, 8, 9, 14, 9, 15, 9, 29],
        ['HOME', 'list', undefined, true, false, 10, 8, 10, 12, 10, 8, 10, 12],
      ]);
    });

    it('parses short port syntax the way the Docker CLI splits it', () => {
      const cases: [string, string, string, string, string][] = [
        ['80', '', '', '80', 'tcp'],
        ['8080:80', '', '8080', '80', 'tcp'],
        ['127.0.0.1:8080:80', '127.0.0.1', '8080', '80', 'tcp'],
        ['127.0.0.1::80', '127.0.0.1', '', '80', 'tcp'],
        ['[::1]:6001:6001/udp', '::1', '6001', '6001', 'udp'],
        ['::1:6001:6001', '::1', '6001', '6001', 'tcp'],
        ['0.0.0.0:9000-9010:9000-9010', '0.0.0.0', '9000-9010', '9000-9010', 'tcp'],
        ['3000-3005', '', '', '3000-3005', 'tcp'],
      ];
      for (const [spec, hostIp, published, target, protocol] of cases) {
        const parsed = parsePortSpec(spec)!;
        assert.deepStrictEqual([parsed.hostIp, parsed.published, parsed.target, parsed.protocol], [hostIp, published, target, protocol], spec);
      }
    });

    it('normalizes ports in short and long syntax, leaving unresolved ones out', () => {
      const text = lines(
        'services:',
        '  web:',
        '    ports:',
        '      - 80',
        '      - "127.0.0.1:8443:443"',
        '      - target: 9000',
        '        published: "9000"',
        '        host_ip: 0.0.0.0',
        '      - ${PORT}:80',
      );
      const ports = parse(text).model.service('web')!.ports();
      assert.deepStrictEqual(
        ports.map((p) => [p.form, p.hostIp, p.published, p.target, p.item.range.start.line]),
        [
          ['short', '', '', '80', 3],
          ['short', '127.0.0.1', '8443', '443', 4],
          ['long', '0.0.0.0', '9000', '9000', 5],
        ],
      );
    });

    it('parses short volume syntax, Windows drives included', () => {
      const cases: [string, string, string, string, boolean][] = [
        ['/data', 'volume', '', '/data', false],
        ['data:/var/lib/data', 'volume', 'data', '/var/lib/data', false],
        ['./conf:/etc/nginx/conf.d:ro', 'bind', './conf', '/etc/nginx/conf.d', true],
        ['/var/run/docker.sock:/var/run/docker.sock', 'bind', '/var/run/docker.sock', '/var/run/docker.sock', false],
        ['~/cache:/cache:rw,z', 'bind', '~/cache', '/cache', false],
        ['C:\\data:/data:ro', 'bind', 'C:\\data', '/data', true],
      ];
      for (const [spec, type, source, target, readOnly] of cases) {
        const parsed = parseVolumeSpec(spec)!;
        assert.deepStrictEqual([parsed.type, parsed.source, parsed.target, parsed.readOnly], [type, source, target, readOnly], spec);
      }
    });

    it('normalizes volumes in long syntax', () => {
      const text = lines('services:', '  web:', '    volumes:', '      - type: bind', '        source: /', '        target: /host', '        read_only: true', '      - logs:/logs');
      assert.deepStrictEqual(
        parse(text).model.service('web')!.volumes().map((v) => [v.form, v.type, v.source, v.target, v.readOnly]),
        [
          ['long', 'bind', '/', '/host', true],
          ['short', 'volume', 'logs', '/logs', false],
        ],
      );
    });
  });

  describe('removeChildEdit on lists', () => {
    const removeItem = (text: string, key: string, index: number) => {
      const { model } = parse(text);
      const entry = model.services[0].get(key)!;
      const edit = removeChildEdit(model.services[0].context, entry.node as any, index);
      return edit && applyEdits(text, [edit]);
    };

    it('removes a block item line with its comment', () => {
      const text = lines('services:', '  web:', '    security_opt:', '      - seccomp:unconfined # debugging', '      - no-new-privileges:true');
      assert.strictEqual(removeItem(text, 'security_opt', 0), lines('services:', '  web:', '    security_opt:', '      - no-new-privileges:true'));
    });

    it('leaves [] when the last block item goes', () => {
      const text = lines('services:', '  web:', '    cap_add:', '      - &cap SYS_ADMIN', '    image: x:1');
      assert.strictEqual(removeItem(text, 'cap_add', 0), lines('services:', '  web:', '    cap_add:', '      []', '    image: x:1'));
    });

    it('removes a flow item and its comma', () => {
      const text = lines('services:', '  web:', '    cap_add: [NET_ADMIN, SYS_ADMIN]');
      assert.strictEqual(removeItem(text, 'cap_add', 1), lines('services:', '  web:', '    cap_add: [NET_ADMIN]'));
      assert.strictEqual(removeItem(text, 'cap_add', 0), lines('services:', '  web:', '    cap_add: [SYS_ADMIN]'));
    });
  });
});
