import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { extension, open, REPO_ROOT, waitFor, workspaceRoot } from './helpers';

describe('activation', () => {
  it('runs in the real extension host on a copy of examples/', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const root = workspaceRoot();
    assert.ok(!root.startsWith(path.join(REPO_ROOT, 'examples')), root);
  });

  it('activates when a Dockerfile of the examples workspace is opened', async () => {
    const ext = extension();
    assert.strictEqual(ext.extensionPath, REPO_ROOT, 'the development extension is not the repo');
    const editor = await open('Dockerfile');
    assert.strictEqual(editor.document.languageId, 'dockerfile');
    // Activation is the extension's job (activationEvents): never call ext.activate() here.
    try {
      await waitFor(
        () => ext.isActive,
        () => `${ext.id} to activate after opening a Dockerfile`,
        20_000,
      );
    } catch (timeout) {
      // Say why: activating by hand now surfaces the error VS Code swallowed.
      let cause = 'activating it by hand succeeded, so the activationEvents do not cover Dockerfiles';
      try {
        await ext.activate();
      } catch (err) {
        cause = `activation throws: ${(err as Error)?.message ?? err}`;
      }
      throw new Error(`${(timeout as Error).message}; ${cause}`);
    }
    // VS Code marks an extension active even when activate() threw; the API it returns
    // (client/extension.ts: ShipshapeApi) is only there when activation succeeded.
    const api = ext.exports as { client?: () => { isRunning(): boolean; state: number } | undefined } | undefined;
    assert.ok(api, 'activate() failed: the extension returned no API (see the extension host log)');
    if (typeof api.client === 'function') {
      await waitFor(
        () => api.client!()?.isRunning(),
        () => `the language client to be running (state ${api.client!()?.state ?? 'no client'})`,
        20_000,
      );
    }
  });
});
