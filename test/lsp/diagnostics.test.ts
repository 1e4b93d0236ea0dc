import assert from 'assert';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { codesAre, delay, messageOf, withCode } from './client';
import { useServer } from './harness';
import { fixture, quietFolder } from './repo';

// Open → publish, and what happens while the user types: incremental edits, bursts of
// keystrokes, and that an older version is never published after a newer one.

describe('LSP diagnostics', function () {
  this.timeout(15000);
  // The exact lists below are about the rules each test edits; the ambient ones are off.
  const folder = quietFolder();
  after(() => folder.remove());

  describe('with the default (adaptive) debounce', () => {
    const server = useServer({ rootPath: folder.dir });

    it('publishes rule id, source, documentation link, severity and the token range on open', async () => {
      const client = server();
      const uri = folder.uri('api.Dockerfile');
      const document = await client.open(uri, 'dockerfile', fixture('api.Dockerfile'));
      const published = await client.diagnostics(uri, 1);
      assert.strictEqual(published.version, 1);

      const [latest] = withCode(published, 'dockerfile/image-latest');
      assert.ok(latest, `expected dockerfile/image-latest in ${JSON.stringify(published.diagnostics)}`);
      assert.strictEqual(latest.source, 'shipshape');
      assert.strictEqual(latest.severity, DiagnosticSeverity.Warning);
      assert.strictEqual(document.getText(latest.range), 'latest', 'the range covers the tag, not the whole line');
      assert.strictEqual(latest.range.start.line, 10);
      assert.match(latest.codeDescription?.href ?? '', /^https:\/\/\S+image-latest/);
      assert.match(messageOf(latest), /debian:latest/);

      const [root] = withCode(published, 'dockerfile/user-missing');
      assert.ok(root, 'the runtime stage never sets USER');
      assert.strictEqual(root.range.start.line, 10, 'reported on the final stage, not the build stage');
      assert.strictEqual(document.getText(root.range), 'FROM');
      for (const diagnostic of published.diagnostics) {
        assert.strictEqual(diagnostic.source, 'shipshape');
        assert.ok(typeof diagnostic.code === 'string' && diagnostic.code.includes('/'), `code ${diagnostic.code}`);
      }
    });

    it('publishes an empty list for a clean file, and clears diagnostics on close', async () => {
      const client = server();
      const clean = folder.uri('clean/Dockerfile');
      await client.open(clean, 'dockerfile', 'FROM alpine:3.20\nUSER 65534\nCMD ["true"]\n');
      assert.deepStrictEqual((await client.diagnostics(clean, 1)).diagnostics, []);

      const dirty = folder.uri('dirty/Dockerfile');
      await client.open(dirty, 'dockerfile', 'FROM alpine:latest\n');
      assert.ok((await client.diagnostics(dirty, 1)).diagnostics.length > 0);
      const cleared = client.nextDiagnostics(dirty, codesAre(), 'an empty list on close');
      await client.close(dirty);
      assert.strictEqual((await cleared).version, undefined, 'a close clears without a version');
    });

    it('follows an incremental edit: fixing the tag removes the finding, breaking it brings it back', async () => {
      const client = server();
      const uri = folder.uri('edit/Dockerfile');
      await client.open(uri, 'dockerfile', 'FROM python:latest\nUSER app\nCMD ["python"]\n');
      assert.strictEqual(withCode(await client.diagnostics(uri, 1), 'dockerfile/image-latest').length, 1);

      const tag = { start: { line: 0, character: 12 }, end: { line: 0, character: 18 } };
      const v2 = await client.change(uri, [{ range: tag, text: '3.13-slim' }]);
      assert.strictEqual(client.text(uri), 'FROM python:3.13-slim\nUSER app\nCMD ["python"]\n');
      assert.deepStrictEqual((await client.diagnostics(uri, v2)).diagnostics, []);

      // A second edit on another line: the server must have applied the first one correctly.
      const v3 = await client.change(uri, [
        { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' },
        { range: { start: { line: 0, character: 12 }, end: { line: 0, character: 21 } }, text: 'latest' },
      ]);
      const published = await client.diagnostics(uri, v3);
      assert.deepStrictEqual(published.diagnostics.map((d) => d.code).sort(), ['dockerfile/image-latest', 'dockerfile/user-missing']);
    });

    it('after a burst of keystrokes publishes the last version, and never an older one after a newer one', async () => {
      const client = server();
      const uri = folder.uri('burst/Dockerfile');
      await client.open(uri, 'dockerfile', 'FROM node:22-alpine\nUSER node\nCMD ["node"]\n');
      await client.diagnostics(uri, 1);
      // Select the tag, delete it, and type `latest` a letter at a time without waiting.
      await client.change(uri, [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 19 } }, text: '' }]);
      const last = await client.type(uri, { line: 0, character: 10 }, 'latest');
      assert.strictEqual(last, 8);

      const final = await client.diagnostics(uri, last);
      assert.deepStrictEqual(final.diagnostics.map((d) => d.code), ['dockerfile/image-latest']);
      assert.strictEqual(client.document(uri).getText(final.diagnostics[0].range), 'latest');

      // Give any stale analysis the chance to misbehave, then check the order of what arrived.
      await delay(300);
      await client.hover(uri, { line: 0, character: 0 }); // a round trip flushes pending output
      assertVersionsNeverGoBack(client.published.filter((p) => p.uri === uri));
      assert.strictEqual(client.published.filter((p) => p.uri === uri).at(-1)?.version, last);
    });
  });

  describe('with debounceMs 0 (analysis on every change)', () => {
    const server = useServer({ rootPath: folder.dir, initializationOptions: { debounceMs: 0 } });

    it('answers every keystroke of a slow typist with diagnostics for that exact version', async () => {
      const client = server();
      const uri = folder.uri('typist/Dockerfile');
      await client.open(uri, 'dockerfile', 'FROM node:\nUSER node\nCMD ["node"]\n');
      await client.diagnostics(uri, 1);
      const seen: Array<{ version: number; codes: string[] }> = [];
      let at = { line: 0, character: 10 };
      for (const letter of 'latest') {
        const version = await client.change(uri, [{ range: { start: at, end: at }, text: letter }]);
        at = { line: 0, character: at.character + 1 };
        const published = await client.diagnostics(uri, version);
        seen.push({ version, codes: published.diagnostics.map((d) => String(d.code)) });
      }
      assert.deepStrictEqual(seen.map((s) => s.version), [2, 3, 4, 5, 6, 7]);
      // Only the complete word is the floating tag.
      assert.deepStrictEqual(
        seen.map((s) => s.codes.includes('dockerfile/image-latest')),
        [false, false, false, false, false, true],
      );
    });

    it('keeps versions in order under a burst of edits to two documents at once', async () => {
      const client = server();
      const a = folder.uri('two/a/Dockerfile');
      const b = folder.uri('two/b/Dockerfile');
      await client.open(a, 'dockerfile', 'FROM alpine:3\nUSER 65534\n');
      await client.open(b, 'dockerfile', 'FROM alpine:3\nUSER 65534\n');
      const pending: Array<Promise<number>> = [];
      for (let i = 0; i < 20; i++) {
        const at = { line: 2, character: 0 };
        pending.push(client.change(i % 2 ? a : b, [{ range: { start: at, end: at }, text: i % 4 < 2 ? '#' : '' }]));
      }
      await Promise.all(pending);
      const finalA = await client.diagnostics(a);
      const finalB = await client.diagnostics(b);
      assert.strictEqual(finalA.version, client.document(a).version);
      assert.strictEqual(finalB.version, client.document(b).version);
      await client.hover(a, { line: 0, character: 0 });
      assertVersionsNeverGoBack(client.published.filter((p) => p.uri === a));
      assertVersionsNeverGoBack(client.published.filter((p) => p.uri === b));
    });
  });
});

function assertVersionsNeverGoBack(publications: PublishDiagnosticsParams[]): void {
  const versions = publications.map((p) => p.version ?? -1);
  for (let i = 1; i < versions.length; i++) {
    assert.ok(versions[i] >= versions[i - 1], `version ${versions[i]} was published after ${versions[i - 1]}: [${versions}]`);
  }
}
