import assert from 'assert';
import { rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DiagnosticSeverity, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { codesAre, withCode } from './client';
import { useServer } from './harness';
import { fixture, tempFolder } from './repo';

// `.shipshape.yaml` / `.hadolint.yaml`: changes on disk (reported by the client's file
// watcher) and unsaved edits in the editor both re-analyze open documents, and an open config
// file gets diagnostics of its own.

const LATEST = 'dockerfile/image-latest';
// HEALTHCHECK NONE keeps dockerfile/healthcheck-missing quiet: these tests own the folder's config.
const DOCKERFILE = 'FROM node:latest\nUSER 1000\nHEALTHCHECK NONE\nCMD ["node"]\n';

describe('LSP configuration files', function () {
  this.timeout(15000);
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => (folder = tempFolder()));
  afterEach(() => folder.remove());
  const server = useServer(() => ({ rootPath: folder.dir }));

  it('a .shipshape.yaml written to disk turns a rule off once the watcher reports it, and deleting it turns it back on', async () => {
    const client = server();
    const uri = folder.uri('Dockerfile');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    assert.strictEqual(withCode(await client.diagnostics(uri, 1), LATEST).length, 1);

    const configPath = join(folder.dir, '.shipshape.yaml');
    writeFileSync(configPath, `rules:\n  ${LATEST}: off\n`);
    let next = client.nextDiagnostics(uri, codesAre(), 'no diagnostics once the rule is off');
    await client.watchedFilesChanged([{ uri: folder.uri('.shipshape.yaml'), type: FileChangeType.Created }]);
    await next;

    rmSync(configPath);
    next = client.nextDiagnostics(uri, codesAre(LATEST), 'the finding back once the config is gone');
    await client.watchedFilesChanged([{ uri: folder.uri('.shipshape.yaml'), type: FileChangeType.Deleted }]);
    assert.strictEqual((await next).version, 1, 're-analysis after a config change keeps the document version');
  });

  it('a config in a parent folder governs files below it; a severity change shows in the diagnostic', async () => {
    const client = server();
    const uri = folder.uri('services/api/Dockerfile');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    assert.strictEqual(withCode(await client.diagnostics(uri, 1), LATEST)[0].severity, DiagnosticSeverity.Warning);
    writeFileSync(join(folder.dir, '.shipshape.yaml'), `rules:\n  ${LATEST}: error\n`);
    const isError = (p: PublishDiagnosticsParams) => withCode(p, LATEST)[0]?.severity === DiagnosticSeverity.Error;
    const next = client.nextDiagnostics(uri, isError, `${LATEST} as an error`);
    await client.watchedFilesChanged([{ uri: folder.uri('.shipshape.yaml'), type: FileChangeType.Created }]);
    await next;
  });

  it('honours .hadolint.yaml `ignored` through the rule aliases', async () => {
    const client = server();
    const uri = folder.uri('Dockerfile');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    await client.diagnostics(uri, 1);
    writeFileSync(join(folder.dir, '.hadolint.yaml'), 'ignored:\n  - DL3007\n');
    const next = client.nextDiagnostics(uri, codesAre(), 'DL3007 (image-latest) ignored');
    await client.watchedFilesChanged([{ uri: folder.uri('.hadolint.yaml'), type: FileChangeType.Created }]);
    await next;
  });

  it('unsaved edits to an open .shipshape.yaml re-analyze the other open documents', async () => {
    const client = server();
    const uri = folder.uri('Dockerfile');
    const configUri = folder.uri('.shipshape.yaml');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    await client.diagnostics(uri, 1);
    await client.open(configUri, 'yaml', 'rules: {}\n');
    assert.deepStrictEqual((await client.diagnostics(configUri, 1)).diagnostics, []);

    let next = client.nextDiagnostics(uri, codesAre(), 'the unsaved config applied');
    await client.change(configUri, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 9 } }, text: `{${LATEST}: off}` }]);
    await next;

    next = client.nextDiagnostics(uri, codesAre(LATEST), 'closing unsaved edits falls back to disk, where there is no config');
    await client.close(configUri);
    await next;
  });

  it('an open invalid .shipshape.yaml gets shipshape/config diagnostics on the offending keys and values', async () => {
    const client = server();
    const uri = folder.uri('.shipshape.yaml');
    const document = await client.open(uri, 'yaml', fixture('bad.shipshape.yaml'));
    const published = await client.diagnostics(uri, 1);
    assert.ok(published.diagnostics.length >= 3, JSON.stringify(published.diagnostics));
    for (const d of published.diagnostics) {
      assert.strictEqual(d.code, 'shipshape/config');
      assert.strictEqual(d.source, 'shipshape');
    }
    const at = (token: string) => published.diagnostics.find((d) => document.getText(d.range) === token);
    assert.strictEqual(at('loud')?.severity, DiagnosticSeverity.Error, 'a bad level is an error');
    assert.ok(at('dockerfile/no-such-rule'), 'an unknown rule id is pointed at');
    assert.ok(at('themes'), 'an unknown key is pointed at');

    // Fixing the file clears them.
    const version = await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }, text: `rules:\n  ${LATEST}: error\n` },
    ]);
    assert.deepStrictEqual((await client.diagnostics(uri, version)).diagnostics, []);
  });

  it('a YAML syntax error in an open config is reported, not thrown', async () => {
    const client = server();
    const uri = folder.uri('.shipshape.yaml');
    await client.open(uri, 'yaml', 'rules:\n  - [unclosed\n  bad: : :\n');
    const published = await client.diagnostics(uri, 1);
    assert.ok(published.diagnostics.some((d) => d.code === 'shipshape/config' && d.severity === DiagnosticSeverity.Error));
    assert.ok(client.alive);
  });
});
