import assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { CodeActionKind, TextDocumentSyncKind, type TextDocumentSyncOptions } from 'vscode-languageserver-protocol';
import { LspTestClient, type Transport } from './client';
import { quietFolder, repoRoot } from './repo';

// Start-up and shut-down over both transports an editor may choose.

const FIX_ALL_KIND = 'source.fixAll.shipshape';

describe('LSP lifecycle', function () {
  this.timeout(15000);

  it('announces incremental sync, quick fixes, fix-all, hover, code lenses and its commands', async () => {
    const client = await LspTestClient.start();
    try {
      const { capabilities, serverInfo } = client.initializeResult;
      const sync = capabilities.textDocumentSync as TextDocumentSyncOptions;
      assert.strictEqual(sync.openClose, true);
      assert.strictEqual(sync.change, TextDocumentSyncKind.Incremental);
      const codeActionProvider = capabilities.codeActionProvider;
      assert.ok(codeActionProvider && typeof codeActionProvider === 'object', 'codeActionProvider must list its kinds');
      assert.ok(codeActionProvider.codeActionKinds?.includes(CodeActionKind.QuickFix));
      assert.ok(codeActionProvider.codeActionKinds?.includes(FIX_ALL_KIND));
      assert.strictEqual(capabilities.hoverProvider, true);
      assert.deepStrictEqual(capabilities.codeLensProvider, { resolveProvider: false }, 'the image-scan lens comes resolved');
      // Fix-all, the image scan (also the code lens's command) and the advisory link of a scan finding.
      assert.deepStrictEqual(
        [...(capabilities.executeCommandProvider?.commands ?? [])].sort(),
        ['shipshape.applySafeFixes', 'shipshape.openAdvisory', 'shipshape.runImageScan'],
      );
      const pkg = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8'));
      assert.deepStrictEqual(serverInfo, { name: 'shipshape', version: pkg.version });
    } finally {
      assert.strictEqual(await client.stop(), 0, 'exit after shutdown must be exit code 0');
    }
  });

  it('registers a watcher for config files when the client supports dynamic registration', async () => {
    const client = await LspTestClient.start();
    try {
      // Registration arrives as a request right after `initialized`; a round trip flushes it.
      await client.hover('file:///nowhere/Dockerfile', { line: 0, character: 0 });
      const watch = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.ok(watch, `no watcher registered; got ${JSON.stringify(client.registrations)}`);
      const globs = (watch.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map((w) => w.globPattern);
      assert.ok(globs.some((g) => g.includes('shipshape')), `watchers ${globs} must cover .shipshape.yaml`);
      assert.ok(globs.some((g) => g.includes('hadolint')), `watchers ${globs} must cover .hadolint.yaml`);
    } finally {
      await client.stop();
    }
  });

  for (const transport of ['stdio', 'ipc'] as Transport[]) {
    it(`serves diagnostics and exits cleanly over ${transport}`, async () => {
      const folder = quietFolder();
      const client = await LspTestClient.start({ transport, rootPath: folder.dir });
      try {
        const uri = folder.uri('Dockerfile');
        await client.open(uri, 'dockerfile', 'FROM alpine:latest\nUSER 65534\nCMD ["sh"]\n');
        const published = await client.diagnostics(uri, 1);
        assert.deepStrictEqual(published.diagnostics.map((d) => d.code), ['dockerfile/image-latest']);
        assert.strictEqual(await client.stop(), 0);
      } finally {
        client.kill();
        folder.remove();
      }
    });
  }

  it('exits with code 1 on exit without shutdown, as the protocol asks', async () => {
    const client = await LspTestClient.start();
    await client.connection.sendNotification('exit');
    const code = await client.exited;
    client.kill();
    assert.strictEqual(code, 1);
  });
});
