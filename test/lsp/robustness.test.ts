import assert from 'assert';
import { withCode } from './client';
import { useServer } from './harness';
import { tempFolder } from './repo';

// Whatever the editor sends, the server keeps running and keeps answering: binary junk, a
// 1 MB line, unbalanced brackets and quotes, an empty file, and edits that turn one into the
// other. Each garbage document is tried as every kind the server knows.

const KINDS = [
  { languageId: 'dockerfile', name: 'Dockerfile' },
  { languageId: 'dockercompose', name: 'compose.yaml' },
  { languageId: 'nginx', name: 'nginx.conf' },
];

/** Deterministic pseudo-random bytes (a fixed-seed LCG) so a failure can be replayed. */
function bytes(count: number, seed = 1): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out += String.fromCharCode((state >>> 16) & 0xff);
  }
  return out;
}

const GARBAGE: Record<string, string> = {
  binary: bytes(4096) + '\u0000\ud800\udfff\ufeff\u2028\u2029\r\r\n',
  'one 1 MB line': 'RUN echo ' + 'a{b[c(d"e\'f$g`h\\'.repeat(65536),
  unbalanced:
    'FROM "alpine\nRUN [ "sh", "-c\nservices: {[{[\n  web: &a\n    <<: *missing\nhttp { server { location ~ ( {\n' +
    '"""\'\'\'${${${\nARG X=${Y:-${Z\n}}}}]]]))\nserver {\n  if ($a = "\n#}\n\\\n',
  empty: '',
  'only newlines and tabs': '\n\r\n\t\t\n\r'.repeat(1000),
};

/**
 * A normal Dockerfile with exactly one finding (image-latest). The garbage runs against every
 * rule at its default, so the ambient healthcheck rule is answered in the text, not turned off.
 */
const SANE = 'FROM alpine:latest\nUSER 65534\nHEALTHCHECK NONE\n';

describe('LSP robustness', function () {
  this.timeout(30000);
  const folder = tempFolder();
  after(() => folder.remove());
  const server = useServer({ rootPath: folder.dir });

  for (const [label, text] of Object.entries(GARBAGE)) {
    it(`survives ${label} as every kind, reports no internal error, and keeps answering`, async () => {
      const client = server();
      for (const kind of KINDS) {
        const uri = folder.uri(`${label.replace(/\W+/g, '-')}/${kind.name}`);
        await client.open(uri, kind.languageId, text);
        const published = await client.diagnostics(uri, 1, 20000);
        assert.ok(Array.isArray(published.diagnostics));
        assert.deepStrictEqual(withCode(published, 'shipshape/internal-error'), [], `${kind.name}: a parser or rule threw`);
        for (const d of published.diagnostics) {
          const { start, end } = d.range;
          assert.ok(start.line >= 0 && start.character >= 0 && (end.line > start.line || end.character >= start.character), `bad range ${JSON.stringify(d.range)}`);
        }
        // Requests on the junk, including positions outside it, are answered.
        await client.hover(uri, { line: 0, character: 3 });
        await client.hover(uri, { line: 1_000_000, character: 1_000_000 });
        const everywhere = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };
        await client.codeActions(uri, everywhere, published.diagnostics);
        await client.codeActions(uri, everywhere, [], ['source.fixAll']);
        await client.executeCommand('shipshape.applySafeFixes', [uri]);
        // Typing into it: an incremental edit in the middle, then deleting everything.
        const middle = client.document(uri).positionAt(Math.floor(text.length / 2));
        await client.diagnostics(uri, await client.change(uri, [{ range: { start: middle, end: middle }, text: '}\n{' }]), 20000);
        const all = { start: { line: 0, character: 0 }, end: client.document(uri).positionAt(client.text(uri).length) };
        await client.diagnostics(uri, await client.change(uri, [{ range: all, text: '' }]), 20000);
        await client.close(uri);
      }
      assert.ok(client.alive, `the server exited; stderr: ${client.stderr.slice(-1000)}`);

      // And it still analyzes a normal file correctly afterwards.
      const sane = folder.uri(`${label.replace(/\W+/g, '-')}-after/Dockerfile`);
      await client.open(sane, 'dockerfile', SANE);
      assert.deepStrictEqual((await client.diagnostics(sane, 1)).diagnostics.map((d) => d.code), ['dockerfile/image-latest']);
    });
  }

  it('answers requests for documents it never saw, and ignores changes to them', async () => {
    const client = server();
    const ghost = folder.uri('ghost/Dockerfile');
    assert.strictEqual(await client.hover(ghost, { line: 0, character: 0 }), null);
    assert.deepStrictEqual(await client.codeActions(ghost, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, []), []);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: ghost, version: 7 },
      contentChanges: [{ text: 'FROM x' }],
    });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
    await client.executeCommand('shipshape.applySafeFixes', []);
    assert.strictEqual(await client.hover(ghost, { line: 0, character: 0 }), null);
    assert.ok(client.alive);
  });

  it('analyzes a file of an unknown language by its name, and says nothing about a name it does not know', async () => {
    const client = server();
    const byName = folder.uri('plain/Dockerfile');
    await client.open(byName, 'plaintext', SANE);
    assert.deepStrictEqual((await client.diagnostics(byName, 1)).diagnostics.map((d) => d.code), ['dockerfile/image-latest']);
    const unknown = folder.uri('notes/readme.txt');
    await client.open(unknown, 'plaintext', 'FROM alpine:latest\n');
    assert.deepStrictEqual((await client.diagnostics(unknown, 1)).diagnostics, []);
  });
});
