import assert from 'assert';
import type { NginxDirective } from '../../../rules/nginx/ast';
import { nginxLanguage } from '../../../rules/nginx';
import { NginxModel } from '../../../rules/nginx/model';
import { parseNginx } from '../../../rules/nginx/parser';
import { EMPTY_CONFIG, type RuleContext } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';

// The parser against nginx's own tokenizer rules, its error recovery and its positions.

type Span = [number, number, number, number];

function problems(text: string): { span: Span; message: string }[] {
  return parseNginx(text).problems.map((p) => ({
    span: [p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character],
    message: p.message,
  }));
}

/** `name arg arg {…}` outline of the tree, one string per directive, nested with two spaces. */
function outline(text: string): string[] {
  const out: string[] = [];
  const walk = (list: NginxDirective[], indent: string) => {
    for (const d of list) {
      out.push(`${indent}${[d.name, ...d.args.map((a) => a.value)].join(' ')}${d.block ? ' {}' : ''}`);
      if (d.block) walk(d.block.children, `${indent}  `);
    }
  };
  walk(parseNginx(text).directives, '');
  return out;
}

function span(r: { start: { line: number; character: number }; end: { line: number; character: number } }): Span {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

function context(path = '/w/nginx.conf', files: Record<string, string> = {}): RuleContext {
  return { path, workspace: memoryWorkspace(files), config: EMPTY_CONFIG, now: new Date(0) };
}

describe('nginx parser', () => {
  describe('tokenizer', () => {
    it('reads words, quotes and escapes like nginx', () => {
      const { directives } = parseNginx(`add_header X-A "a b" always;\nreturn 200 'it\\'s';\nset $x a\\ b;\n`);
      assert.deepStrictEqual(directives[0].args.map((a) => [a.value, a.raw, a.quoted]), [
        ['X-A', 'X-A', false],
        ['a b', '"a b"', true],
        ['always', 'always', false],
      ]);
      assert.strictEqual(directives[1].args[1].value, "it's");
      assert.strictEqual(directives[2].args[1].value, 'a\\ b', 'unknown escapes keep their backslash');
      assert.strictEqual(directives[2].args.length, 2, 'an escaped space does not split the word');
    });

    it('resolves \\n \\t \\r \\" and \\\\ but keeps regex escapes', () => {
      const [d] = parseNginx(`x "a\\nb\\tc\\"d\\\\e" ^/a\\.b$;`).directives;
      assert.strictEqual(d.args[0].value, 'a\nb\tc"d\\e');
      assert.strictEqual(d.args[1].value, '^/a\\.b$');
    });

    it('keeps ${VAR} template placeholders and variables as one word', () => {
      const [d] = parseNginx('proxy_pass http://${UPSTREAM_HOST}:${PORT}/$uri;').directives;
      assert.deepStrictEqual(d.args.map((a) => a.value), ['http://${UPSTREAM_HOST}:${PORT}/$uri']);
      assert.deepStrictEqual(problems('set $a ${b};'), []);
    });

    it('treats # as a comment only at the start of a word', () => {
      const parsed = parseNginx('set $a a#b; # trailing\n#full line\r\nlisten 80;');
      assert.strictEqual(parsed.directives[0].args[1].value, 'a#b');
      assert.deepStrictEqual(parsed.comments.map((c) => c.text), [' trailing', 'full line']);
      assert.deepStrictEqual(span(parsed.comments[1].range), [1, 0, 1, 10], 'the CR is not part of the comment');
      assert.strictEqual(parsed.directives[1].name, 'listen');
    });

    it('does not end a word at } (nginx does not)', () => {
      assert.deepStrictEqual(outline('a b}c;'), ['a b}c']);
    });

    it('accepts a glued { and ;', () => {
      assert.deepStrictEqual(outline('server{listen 80;location /{return 204;}}'), ['server {}', '  listen 80', '  location / {}', '    return 204']);
    });

    it('splits "if" conditions the way nginx does, ")" after a quote included', () => {
      assert.deepStrictEqual(outline('if ($a = "b") { return 403; }'), ['if ($a = b ) {}', '  return 403']);
      assert.deepStrictEqual(problems('if ($request_method !~ ^(GET|HEAD)$ ) { return 405; }'), []);
    });

    it('reads braces inside quoted regexes as text', () => {
      assert.deepStrictEqual(problems('location ~ "^/a{2}$" { return 200; }'), []);
    });

    it('reports an unquoted regex repetition, with the quoted form in the message', () => {
      const found = problems('location ~ ^/v[0-9]{2}/ {\n  return 200;\n}\n');
      assert.strictEqual(found.length, 1);
      assert.deepStrictEqual(found[0].span, [0, 19, 0, 22]);
      assert.match(found[0].message, /Quote the regular expression: "\^\/v\[0-9\]\{2\}\/"/);
      assert.deepStrictEqual(outline('location ~ ^/v[0-9]{2}/ {\n  return 200;\n}\n'), ['location ~ ^/v[0-9]{2}/ {}', '  return 200']);
    });
  });

  describe('template placeholders', () => {
    const template = 'server {\n    server_name {{SITE_NAME}};\n    root /var/www/{{ APP_DIR }}/public;\n    location / { return 200; }\n}\n';

    it('reads {{ … }} as part of a word in templates, with no problem', () => {
      const parsed = parseNginx(template, undefined, '/w/nginx/site.conf.j2');
      assert.deepStrictEqual(parsed.problems, []);
      const server = parsed.directives[0];
      assert.deepStrictEqual(
        server.block!.children.map((d) => [d.name, ...d.args.map((a) => a.value)]),
        [['server_name', '{{SITE_NAME}}'], ['root', '/var/www/{{ APP_DIR }}/public'], ['location', '/']],
      );
    });

    it('reports each placeholder once in a config nginx would load, and keeps the structure', () => {
      const found = problems(template);
      assert.deepStrictEqual(found.map((p) => p.span), [[1, 16, 1, 29], [2, 18, 2, 31]]);
      assert.match(found[0].message, /template placeholder.*Name the file `\*\.template`/);
      assert.deepStrictEqual(outline(template), ['server {}', '  server_name {{SITE_NAME}}', '  root /var/www/{{ APP_DIR }}/public', '  location / {}', '    return 200']);
    });

    it('leaves a brace pair split across lines to nginx\'s rules', () => {
      assert.ok(problems('server_name {{a\n}};').length > 0);
    });
  });

  describe('blocks', () => {
    it('keeps map/geo/types/split_clients lines as entries, not directives', () => {
      const text = 'http {\n map $uri $x { default 0; ~^/a 1; }\n types { text/html html; }\n split_clients $a $b { 50% one; * two; }\n}';
      const parsed = parseNginx(text);
      assert.deepStrictEqual(parsed.problems, []);
      const model = new NginxModel(text, context(), parsed);
      assert.deepStrictEqual(model.all().map((d) => d.name), ['http', 'map', 'types', 'split_clients']);
      const map = parsed.directives[0].block!.children[0];
      assert.strictEqual(map.block!.kind, 'entries');
      assert.deepStrictEqual(map.block!.children.map((e) => [e.name, e.isEntry]), [['default', true], ['~^/a', true]]);
    });

    it('keeps *_by_lua_block bodies raw, braces in Lua strings and comments included', () => {
      const text = 'location / {\n  content_by_lua_block {\n    ngx.say("}") -- } not the end\n    local t = { [[ } ]] }\n  }\n  return 204;\n}\n';
      const parsed = parseNginx(text);
      assert.deepStrictEqual(parsed.problems, []);
      const [lua, ret] = parsed.directives[0].block!.children;
      assert.strictEqual(lua.block!.kind, 'raw');
      assert.match(lua.block!.raw!, /ngx\.say/);
      assert.deepStrictEqual(span(lua.block!.closeRange!), [4, 2, 4, 3]);
      assert.strictEqual(ret.name, 'return');
    });

    it('treats server inside upstream as a plain directive', () => {
      assert.deepStrictEqual(problems('upstream app { server 10.0.0.1:8080; server unix:/tmp/s; }'), []);
    });
  });

  describe('ranges', () => {
    it('gives names, arguments, blocks and directives exact LSP ranges', () => {
      const [server] = parseNginx('server {\n\tlisten  8080;\n}\n').directives;
      const listen = server.block!.children[0];
      assert.deepStrictEqual(span(server.nameRange), [0, 0, 0, 6]);
      assert.deepStrictEqual(span(server.block!.openRange), [0, 7, 0, 8]);
      assert.deepStrictEqual(span(server.block!.closeRange!), [2, 0, 2, 1]);
      assert.deepStrictEqual(span(server.range), [0, 0, 2, 1]);
      assert.deepStrictEqual(span(listen.nameRange), [1, 1, 1, 7]);
      assert.deepStrictEqual(span(listen.args[0].range), [1, 9, 1, 13]);
      assert.deepStrictEqual(span(listen.range), [1, 1, 1, 14]);
      assert.strictEqual(listen.parent, server);
    });

    it('counts CRLF and lone CR as line breaks and columns in UTF-16', () => {
      const [a, b] = parseNginx('a 1;\r\nb "é😀" x;\r').directives;
      assert.deepStrictEqual(span(a.range), [0, 0, 0, 4]);
      assert.deepStrictEqual(span(b.args[1].range), [1, 8, 1, 9], "é is one UTF-16 unit, 😀 two");
    });

    it('includes quotes in a quoted argument range', () => {
      const [d] = parseNginx("add_header X 'v';").directives;
      assert.deepStrictEqual(span(d.args[1].range), [0, 13, 0, 16]);
    });

    it('maps every line of a directive header to its first line (for suppressions)', () => {
      const text = 'log_format main\n  "$a"\n  "$b";\nlocation\n  /x\n{\n  root /y;\n}\n';
      const model = nginxLanguage.parse(text, context()).model;
      assert.deepStrictEqual([0, 1, 2, 3, 4, 5, 6, 7].map((l) => nginxLanguage.statementStart(model, l)), [0, 0, 0, 3, 3, 3, 6, 7]);
    });
  });

  describe('syntax errors and recovery', () => {
    const cases: { name: string; text: string; expected: { span: Span; message: RegExp }[]; tree?: string[] }[] = [
      {
        name: 'missing ; before }',
        text: 'server {\n  return 200\n}\n',
        expected: [{ span: [1, 9, 1, 12], message: /Missing ";" after "200"/ }],
        tree: ['server {}', '  return 200'],
      },
      {
        name: 'missing ; at a line break before a known directive',
        text: 'server {\n  listen 8080\n  server_name a.test;\n}\n',
        expected: [{ span: [1, 9, 1, 13], message: /Missing ";" after "8080": nginx reads "server_name"/ }],
        tree: ['server {}', '  listen 8080', '  server_name a.test'],
      },
      {
        name: 'multi-line arguments are not a missing ;',
        text: "log_format main '$a'\n                '$b';\nrewrite ^/a /b\n    break;\n",
        expected: [],
      },
      {
        name: 'missing ; at the end of the file',
        text: 'worker_processes 1',
        expected: [{ span: [0, 17, 0, 18], message: /Unexpected end of file: "worker_processes" is missing its ";"/ }],
      },
      {
        name: 'unexpected }',
        text: 'events {}\n}\nhttp {}\n',
        expected: [{ span: [1, 0, 1, 1], message: /Unexpected "}": there is no open block/ }],
        tree: ['events {}', 'http {}'],
      },
      {
        name: 'stray ; and {',
        text: ';\n{ listen 80; }\nuser x;',
        expected: [
          { span: [0, 0, 0, 1], message: /Unexpected ";"/ },
          { span: [1, 0, 1, 1], message: /Unexpected "{"/ },
        ],
        tree: ['user x'],
      },
      {
        name: 'unclosed block, blamed on the one with the misindented }',
        text: 'http {\n    server {\n        location / {\n            root /srv;\n    }\n}\n',
        expected: [{ span: [2, 8, 2, 16], message: /"location" block looks like it is missing its "}" \(the "}" on line 5/ }],
      },
      {
        name: 'unclosed block without indentation hints',
        text: 'http { server {',
        expected: [{ span: [0, 14, 0, 15], message: /the "{" of "server" is never closed; the file ends with 2 blocks still open/ }],
      },
      {
        name: 'unterminated string recovers at the end of its line',
        text: 'add_header X "oops;\nlisten 80;\n',
        expected: [{ span: [0, 13, 0, 19], message: /Unterminated string: the closing " is missing/ }],
        tree: ['add_header X oops;', 'listen 80'],
      },
      {
        name: 'text glued to a closing quote',
        text: 'add_header X "a"b;',
        expected: [{ span: [0, 16, 0, 17], message: /Unexpected "b" right after a quoted string/ }],
      },
      {
        name: 'block directive without {',
        text: 'http { server; }',
        expected: [{ span: [0, 7, 0, 13], message: /Directive "server" has no opening "{"/ }],
      },
      {
        name: 'simple directive with a block',
        text: 'listen 80 { }',
        expected: [{ span: [0, 0, 0, 6], message: /Directive "listen" is not terminated by ";"/ }],
      },
      {
        name: 'unknown directives with blocks are fine (third-party modules)',
        text: 'vhost_traffic_status_filter_by_set_key {}\nmore_clear_headers Server;',
        expected: [],
      },
      {
        name: 'duplicate single-valued directive',
        text: 'pid /a;\nworker_processes 1;\npid /b;\n',
        expected: [{ span: [2, 0, 2, 3], message: /Duplicate "pid": it is already set in this block on line 1/ }],
      },
      {
        name: 'the same directive in different blocks is fine',
        text: 'http { server_tokens off; server { server_tokens off; location / { server_tokens off; if ($a) { root /x; } root /y; } } }',
        expected: [],
      },
      {
        name: 'list-valued directives repeat freely',
        text: 'server { listen 80; listen 443; add_header A a; add_header B b; include a; include b; }',
        expected: [],
      },
      {
        name: 'duplicate location (prefix and ^~ share a path; = does not)',
        text: 'server {\n location /a {}\n location = /a {}\n location ^~ /a {}\n location ~ /a {}\n location ~ /a {}\n}',
        expected: [{ span: [3, 1, 3, 9], message: /Duplicate location "\/a"/ }],
      },
      {
        name: 'unclosed Lua block',
        text: 'content_by_lua_block { ngx.say("x")',
        expected: [{ span: [0, 21, 0, 22], message: /Lua block of "content_by_lua_block" is never closed/ }],
      },
      {
        name: 'several errors in one file are all reported',
        text: 'server {\n  listen 80 default_server\n  server_name a;\n  location / { return 200 }\n}\n}\n',
        expected: [
          { span: [1, 12, 1, 26], message: /Missing ";" after "default_server"/ },
          { span: [3, 22, 3, 25], message: /Missing ";" after "200"/ },
          { span: [5, 0, 5, 1], message: /Unexpected "}"/ },
        ],
      },
    ];
    for (const testCase of cases) {
      it(testCase.name, () => {
        const found = problems(testCase.text);
        assert.strictEqual(found.length, testCase.expected.length, JSON.stringify(found, null, 1));
        testCase.expected.forEach((expected, i) => {
          assert.deepStrictEqual(found[i].span, expected.span, found[i].message);
          assert.match(found[i].message, expected.message);
        });
        if (testCase.tree) assert.deepStrictEqual(outline(testCase.text), testCase.tree);
      });
    }

    it('attributes every problem to nginx/syntax as an error', () => {
      for (const p of parseNginx('a "b').problems) {
        assert.strictEqual(p.rule, 'nginx/syntax');
        assert.strictEqual(p.severity, 'error');
      }
    });

    it('never throws on arbitrary input', () => {
      const alphabet = ['{', '}', ';', '"', "'", '\\', '#', '$', '(', ')', ' ', '\n', '\r', 'a', 'server', 'location', '{2}', '${x}', '_by_lua_block', '--[['];
      let seed = 7;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (let n = 0; n < 500; n++) {
        let text = '';
        for (let i = 0; i < 40; i++) text += alphabet[Math.floor(random() * alphabet.length)];
        const parsed = parseNginx(text);
        for (const p of parsed.problems) assert.ok(p.range.end.line < parsed.lines.lineCount, text);
      }
    });
  });

  describe('model', () => {
    it('tells whole configs from conf.d fragments and guesses the fragment context', () => {
      const whole = new NginxModel('user nginx;\nevents {}\nhttp {}\n', context());
      const servers = new NginxModel('server { listen 80; }\n', context('/w/conf.d/default.conf'));
      const snippet = new NginxModel('location /x { return 204; }\n', context('/w/snippets/x.conf'));
      assert.deepStrictEqual([whole.isFragment, whole.topContext], [false, 'main']);
      assert.deepStrictEqual([servers.isFragment, servers.topContext], [true, 'http']);
      assert.deepStrictEqual([snippet.isFragment, snippet.topContext], [true, 'server']);
    });

    it('names the context of every directive', () => {
      const model = new NginxModel('http { server { location / { if ($a) { return 403; } } } }', context());
      const ret = model.find('return')[0];
      assert.deepStrictEqual(
        [model.contextOf(model.find('http')[0]), model.contextOf(model.find('server')[0]), model.contextOf(model.find('if')[0]), model.contextOf(ret)],
        ['main', 'http', 'location', 'if'],
      );
    });

    it('finds the effective value through http → server → location → if', () => {
      const text = 'http {\n add_header A 1;\n server {\n  location / { if ($a) { return 403; } }\n  location /b { add_header B 2; add_header C 3; }\n }\n}';
      const model = new NginxModel(text, context());
      const [ifBlock] = model.find('if');
      const [, b] = model.find('location');
      assert.deepStrictEqual(model.effective('add_header', ifBlock).directives.map((d) => d.args[0].value), ['A']);
      assert.strictEqual(model.effective('add_header', ifBlock).owner?.name, 'http');
      assert.deepStrictEqual(model.effective('add_header', b).directives.map((d) => d.args[0].value), ['B', 'C']);
      assert.deepStrictEqual(model.effective('root', b).directives, []);
    });

    it('follows include, with globs relative to the including file, sorted, without cycles', () => {
      const files = {
        '/w/conf.d/b.conf': 'server { listen 81; }',
        '/w/conf.d/a.conf': 'server { listen 80; }\ninclude /w/nginx.conf;',
        '/w/conf.d/skip.txt': 'server { listen 99; }',
        '/w/mime.types': 'types { text/html html; }',
      };
      const text = 'events {}\nhttp {\n include mime.types;\n include conf.d/*.conf;\n}\n';
      const model = new NginxModel(text, context('/w/nginx.conf', { ...files, '/w/nginx.conf': text }));
      const http = model.find('http')[0];
      const children = model.children(http);
      assert.deepStrictEqual(children.map((d) => d.name), ['include', 'types', 'include', 'server', 'include', 'server']);
      const servers = model.childrenNamed(http, 'server');
      assert.deepStrictEqual(servers.map((s) => [s.file, s.parent?.name]), [['/w/conf.d/a.conf', 'http'], ['/w/conf.d/b.conf', 'http']]);
    });
  });

  describe('large input', () => {
    it('parses a 10,000-line config without problems', () => {
      const lines = ['user nginx;', 'events { worker_connections 1024; }', 'http {'];
      for (let i = 0; lines.length < 9_998; i++) {
        lines.push(
          '    server {',
          `        listen ${8000 + i};`,
          `        server_name s${i}.example.test; # site ${i}`,
          `        location /api${i}/ {`,
          `            proxy_pass http://backend${i};`,
          '            add_header X-Frame-Options "DENY" always;',
          '        }',
          '        location ~ "^/static/(.*)\\.(js|css)$" { root /srv; }',
          '    }',
        );
      }
      lines.push('}', '');
      const text = lines.join('\n');
      // Timings belong to bench/; here the large input must parse cleanly and completely.
      const parsed = parseNginx(text);
      assert.deepStrictEqual(parsed.problems, []);
    });
  });
});

describe('nginx parser limits', () => {
  it('stops at absurd nesting with a syntax problem instead of overflowing the stack', () => {
    const parsed = parseNginx('server ' + '{'.repeat(65_536));
    assert.ok(parsed.problems.some((p) => /nested more than 200 levels/.test(p.message)));
  });
});

describe('nginx includes with absolute paths', () => {
  it('reads /etc/nginx/... from the workspace folder that mirrors it, not from this machine', () => {
    const files: Record<string, string> = {
      '/ws/deploy/nginx/nginx.conf': 'events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n',
      '/ws/deploy/nginx/conf.d/app.conf': 'server {\n    listen 8080;\n}\n',
    };
    const workspace = memoryWorkspace(files);
    const model = new NginxModel(files['/ws/deploy/nginx/nginx.conf'], { path: '/ws/deploy/nginx/nginx.conf', workspace, config: EMPTY_CONFIG, now: new Date() }, parseNginx(files['/ws/deploy/nginx/nginx.conf'], '/ws/deploy/nginx/nginx.conf'));
    assert.deepStrictEqual(model.resolveInclude('/etc/nginx/conf.d/*.conf', '/ws/deploy/nginx/nginx.conf'), ['/ws/deploy/nginx/conf.d/app.conf']);
    assert.deepStrictEqual(model.resolveInclude('/etc/nginx/conf.d/*.conf', '/ws/deploy/nginx/conf.d/app.conf'), ['/ws/deploy/nginx/conf.d/app.conf'], 'from a nested file too');
  });
});
