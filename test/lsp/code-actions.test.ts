import assert from 'assert';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { withCode, type LspTestClient } from './client';
import { useServer } from './harness';
import { fixture, quietFolder } from './repo';

// Quick fixes, suppressions and fix-all, each applied the way an editor applies them (the
// edit goes into our copy of the document and back to the server as a didChange), then
// checked against the diagnostics the server publishes for the new version.

const FIX_ALL_KIND = 'source.fixAll.shipshape';
const UNUSED = 'shipshape/unused-suppression';

describe('LSP code actions', function () {
  this.timeout(15000);
  // "The diagnostic goes away" means every diagnostic: the ambient rules are off here.
  const folder = quietFolder();
  after(() => folder.remove());
  const server = useServer({ rootPath: folder.dir });

  /** Opens `text`, waits for its first diagnostics and returns the one with `code`. */
  async function openWith(uri: string, languageId: string, text: string, code: string): Promise<Diagnostic> {
    const published = await server().open(uri, languageId, text).then(() => server().diagnostics(uri, 1));
    const [diagnostic] = withCode(published, code);
    assert.ok(diagnostic, `expected ${code} in ${JSON.stringify(published.diagnostics.map((d) => d.code))}`);
    return diagnostic;
  }

  function quickFixes(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return server().codeActions(uri, diagnostic.range, [diagnostic], ['quickfix']);
  }

  /** Applies the action's edit and resolves with the diagnostics of the resulting version. */
  async function apply(client: LspTestClient, uri: string, edit: WorkspaceEdit | undefined): Promise<PublishDiagnosticsParams> {
    assert.ok(edit, 'the action must carry an edit');
    const before = client.document(uri).version;
    assert.deepStrictEqual(client.applyWorkspaceEdit(edit), { applied: true });
    return client.diagnostics(uri, before + 1);
  }

  describe('dockerfile/user-missing (unsafe fix)', () => {
    const text = 'FROM debian:bookworm\nRUN apt-get update\nCMD ["bash"]\n';

    it('offers a fix that is not preferred and says it changes behaviour; applying it removes the finding', async () => {
      const client = server();
      const uri = folder.uri('user/Dockerfile');
      const diagnostic = await openWith(uri, 'dockerfile', text, 'dockerfile/user-missing');
      const actions = await quickFixes(uri, diagnostic);
      const fix = actions.find((a) => !a.title.startsWith('Suppress'));
      assert.ok(fix, `no fix among ${actions.map((a) => a.title)}`);
      assert.strictEqual(fix.kind, 'quickfix');
      assert.notStrictEqual(fix.isPreferred, true, 'an unsafe fix must not be preferred (auto-applied)');
      assert.match(fix.title, /changes behaviour/);
      assert.deepStrictEqual(fix.diagnostics, [diagnostic]);

      const after = await apply(client, uri, fix.edit);
      assert.deepStrictEqual(withCode(after, 'dockerfile/user-missing'), []);
      assert.deepStrictEqual(withCode(after, 'dockerfile/syntax'), [], 'the fix must leave a valid Dockerfile');
      const lines = client.text(uri).split('\n');
      const user = lines.findIndex((l) => /^USER \S/.test(l));
      assert.ok(user > 0 && user < lines.findIndex((l) => l.startsWith('CMD')), `USER must come before CMD:\n${client.text(uri)}`);
    });

    it('offers suppress-for-line and suppress-for-file, never preferred', async () => {
      const uri = folder.uri('user-suppress/Dockerfile');
      const diagnostic = await openWith(uri, 'dockerfile', text, 'dockerfile/user-missing');
      const titles = (await quickFixes(uri, diagnostic)).filter((a) => a.title.startsWith('Suppress'));
      assert.deepStrictEqual(
        titles.map((a) => a.title),
        ['Suppress dockerfile/user-missing for this line', 'Suppress dockerfile/user-missing for this file'],
      );
      assert.ok(titles.every((a) => a.isPreferred !== true));
    });
  });

  describe('suppressions', () => {
    const text = 'FROM node:latest\nUSER node\nCMD ["node", "server.js"]\n';

    for (const scope of ['line', 'file'] as const) {
      it(`suppress for this ${scope}: the diagnostic goes away and the comment is not reported as unused`, async () => {
        const client = server();
        const uri = folder.uri(`suppress-${scope}/Dockerfile`);
        const diagnostic = await openWith(uri, 'dockerfile', text, 'dockerfile/image-latest');
        const action = (await quickFixes(uri, diagnostic)).find((a) => a.title === `Suppress dockerfile/image-latest for this ${scope}`);
        assert.ok(action, `no suppress-for-${scope} action`);
        const after = await apply(client, uri, action.edit);
        assert.deepStrictEqual(after.diagnostics, [], `left: ${JSON.stringify(after.diagnostics)}`);
        const pragma = scope === 'line' ? '# shipshape-ignore dockerfile/image-latest' : '# shipshape-ignore-file dockerfile/image-latest';
        assert.strictEqual(client.text(uri), `${pragma}\n${text}`);
      });
    }

    it('an unused suppression is reported, and its removal fix is safe, so it is preferred', async () => {
      const client = server();
      const uri = folder.uri('unused/Dockerfile');
      const diagnostic = await openWith(uri, 'dockerfile', `# shipshape-ignore dockerfile/image-latest\nFROM node:22\nUSER node\n`, UNUSED);
      const actions = await quickFixes(uri, diagnostic);
      const removal = actions.find((a) => !a.title.startsWith('Suppress'));
      assert.ok(removal, `no removal fix among ${actions.map((a) => a.title)}`);
      assert.strictEqual(removal.isPreferred, true, 'a safe fix is the preferred one');
      assert.ok(actions.filter((a) => a !== removal).every((a) => a.isPreferred !== true), 'only the safe fix is preferred');
      const after = await apply(client, uri, removal.edit);
      assert.deepStrictEqual(after.diagnostics, []);
      assert.strictEqual(client.text(uri), 'FROM node:22\nUSER node\n');
    });
  });

  describe('requests the server must not act on', () => {
    it('ignores diagnostics from other sources and diagnostics it no longer has', async () => {
      const uri = folder.uri('foreign/Dockerfile');
      const diagnostic = await openWith(uri, 'dockerfile', 'FROM node:latest\nUSER node\n', 'dockerfile/image-latest');
      assert.deepStrictEqual(await quickFixes(uri, { ...diagnostic, source: 'hadolint' }), []);
      const moved = { ...diagnostic, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } };
      assert.deepStrictEqual(await quickFixes(uri, moved), []);
    });

    it('gives no fix-all when only quick fixes are asked for, and no quick fixes when only fix-all is', async () => {
      const uri = folder.uri('only/Dockerfile');
      const diagnostic = await openWith(uri, 'dockerfile', '# shipshape-ignore dockerfile/image-latest\nFROM node:22\nUSER node\n', UNUSED);
      const quick = await quickFixes(uri, diagnostic);
      assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
      const source = await server().codeActions(uri, diagnostic.range, [diagnostic], ['source.fixAll']);
      assert.deepStrictEqual(source.map((a) => a.kind), [FIX_ALL_KIND]);
    });
  });

  describe('fix all', () => {
    // A safe finding (the unused suppression) next to an unsafe one (user-missing).
    const text = '# shipshape-ignore dockerfile/image-latest\nFROM debian:bookworm\nCMD ["bash"]\n';

    it('source.fixAll.shipshape applies the safe fixes and leaves the unsafe ones', async () => {
      const client = server();
      const uri = folder.uri('fixall-action/Dockerfile');
      await openWith(uri, 'dockerfile', text, UNUSED);
      const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const actions = await client.codeActions(uri, zero, [], ['source.fixAll']);
      assert.strictEqual(actions.length, 1);
      assert.strictEqual(actions[0].kind, FIX_ALL_KIND);
      const after = await apply(client, uri, actions[0].edit);
      assert.deepStrictEqual(after.diagnostics.map((d) => d.code), ['dockerfile/user-missing']);
      assert.strictEqual(client.text(uri), 'FROM debian:bookworm\nCMD ["bash"]\n');
    });

    it('offers no fix-all action when nothing is safely fixable', async () => {
      const client = server();
      const uri = folder.uri('fixall-none/Dockerfile');
      await openWith(uri, 'dockerfile', 'FROM debian:bookworm\nCMD ["bash"]\n', 'dockerfile/user-missing');
      const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      assert.deepStrictEqual(await client.codeActions(uri, zero, [], ['source.fixAll']), []);
    });

    it('executeCommand shipshape.applySafeFixes asks the client to apply the edit with workspace/applyEdit', async () => {
      const client = server();
      const uri = folder.uri('fixall-command/Dockerfile');
      await openWith(uri, 'dockerfile', text, UNUSED);
      const next = client.diagnostics(uri, 2);
      await client.executeCommand('shipshape.applySafeFixes', [uri]);
      assert.strictEqual(client.applyEditRequests.length, 1, 'the server must send exactly one workspace/applyEdit');
      const request = client.applyEditRequests[0];
      assert.match(request.label ?? '', /fix all/i);
      assert.deepStrictEqual(Object.keys(request.edit.changes ?? {}), [uri]);
      assert.strictEqual(client.text(uri), 'FROM debian:bookworm\nCMD ["bash"]\n');
      assert.deepStrictEqual((await next).diagnostics.map((d) => d.code), ['dockerfile/user-missing']);
    });

    it('executeCommand shipshape.applySafeFixes on a document with nothing safe to fix sends no edit', async () => {
      const client = server();
      const uri = folder.uri('fixall-command-none/Dockerfile');
      await openWith(uri, 'dockerfile', 'FROM debian:bookworm\nCMD ["bash"]\n', 'dockerfile/user-missing');
      await client.executeCommand('shipshape.applySafeFixes', [uri]);
      await client.executeCommand('shipshape.applySafeFixes', [folder.uri('not-open/Dockerfile')]);
      assert.deepStrictEqual(client.applyEditRequests, []);
    });
  });

  // These two rules are being written alongside this suite; the tests go green when they land.
  describe('nginx/server-tokens (safe fix)', () => {
    it('offers a preferred quick fix that removes the finding, and fix-all applies it too', async () => {
      const client = server();
      const uri = folder.uri('nginx/nginx.conf');
      const diagnostic = await openWith(uri, 'nginx', fixture('nginx.conf'), 'nginx/server-tokens');
      const actions = await quickFixes(uri, diagnostic);
      const fix = actions.find((a) => !a.title.startsWith('Suppress'));
      assert.ok(fix, `no fix among ${actions.map((a) => a.title)}`);
      assert.strictEqual(fix.isPreferred, true, 'a safe fix is the preferred one');
      assert.ok(actions.filter((a) => a !== fix).every((a) => a.isPreferred !== true));
      const after = await apply(client, uri, fix.edit);
      assert.deepStrictEqual(withCode(after, 'nginx/server-tokens'), []);
      assert.deepStrictEqual(withCode(after, 'nginx/syntax'), []);
      assert.match(client.text(uri), /server_tokens\s+off\s*;/);

      const other = folder.uri('nginx-fixall/nginx.conf');
      await openWith(other, 'nginx', fixture('nginx.conf'), 'nginx/server-tokens');
      const [fixAll] = await client.codeActions(other, diagnostic.range, [], ['source.fixAll']);
      assert.ok(fixAll, 'fix-all must be offered for a safe fix');
      assert.deepStrictEqual(withCode(await apply(client, other, fixAll.edit), 'nginx/server-tokens'), []);
    });
  });

  describe('compose/privileged (unsafe fix)', () => {
    it('offers a fix that is not preferred; applying it removes the finding', async () => {
      const client = server();
      const uri = folder.uri('compose/compose.yaml');
      const diagnostic = await openWith(uri, 'dockercompose', fixture('compose.yaml'), 'compose/privileged');
      assert.strictEqual(diagnostic.range.start.line, 7, 'reported on the privileged key of the agent service');
      const actions = await quickFixes(uri, diagnostic);
      const fix = actions.find((a) => !a.title.startsWith('Suppress'));
      assert.ok(fix, `no fix among ${actions.map((a) => a.title)}`);
      assert.notStrictEqual(fix.isPreferred, true, 'an unsafe fix must not be preferred');
      const after = await apply(client, uri, fix.edit);
      assert.deepStrictEqual(withCode(after, 'compose/privileged'), []);
      assert.doesNotMatch(client.text(uri), /privileged:\s*true/);
    });
  });
});
