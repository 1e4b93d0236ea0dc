import assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspTestClient, withCode } from './client';
import { repoRoot, tempFolder } from './repo';

// The image scan through the language server, as any LSP editor drives it: executeCommand with
// work-done progress, diagnostics on the instructions that introduced each finding, a hover
// table, .trivyignore quick fixes, staleness after an edit, cancellation and workspace trust.
// Trivy is the stand-in in test/fixtures/trivy (the real one cannot be installed here).

const TRIVY = path.join(repoRoot(), 'test', 'fixtures', 'trivy');
const STAND_IN = path.join(TRIVY, 'trivy');
const DOCKERFILE = fs.readFileSync(path.join(TRIVY, 'shop-web.Dockerfile'), 'utf8');

describe('LSP image scan', function () {
  this.timeout(30_000);
  let folder: ReturnType<typeof tempFolder>;
  let client: LspTestClient;
  const start = async (initializationOptions: Record<string, unknown> = {}) => {
    client = await LspTestClient.start({
      rootPath: folder.dir,
      capabilities: { window: { workDoneProgress: true, showDocument: { support: true } } },
      initializationOptions: { debounceMs: 0, trivy: { path: STAND_IN }, ...initializationOptions },
    });
  };

  beforeEach(() => {
    folder = tempFolder('shipshape-scan-');
    fs.writeFileSync(path.join(folder.dir, 'Dockerfile'), DOCKERFILE);
  });
  afterEach(async () => {
    await client?.stop();
    folder.remove();
  });

  const scanned = async () => {
    const uri = folder.uri('Dockerfile');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    await client.diagnostics(uri);
    const published = client.nextDiagnostics(uri, (p) => withCode(p, 'image/vulnerability').length > 0, 'scan diagnostics', 20_000);
    const summary = (await client.executeCommand('shipshape.runImageScan', [{ dockerfileUri: uri, image: 'shop/web:dev' }])) as {
      vulnerabilities: Array<{ id: string; line: number }>;
    };
    return { uri, summary, diagnostics: (await published).diagnostics };
  };

  it('publishes one diagnostic per instruction that introduced findings, with progress', async () => {
    await start();
    const { summary, diagnostics } = await scanned();
    assert.deepStrictEqual(summary.vulnerabilities.map((v) => [v.id, v.line]), [
      ['CVE-2024-0001', 5],
      ['CVE-2024-0002', 6],
      ['CVE-2024-0003', 6],
      ['CVE-2024-0004', 10],
    ]);
    const scan = diagnostics.filter((d) => String(d.code).startsWith('image/'));
    assert.deepStrictEqual(scan.map((d) => [d.code, d.range.start.line]), [
      ['image/vulnerability', 5],
      ['image/vulnerability', 6],
      ['image/vulnerability', 10],
    ]);
    assert.match(String(scan[1].message), /2 vulnerabilities \(1 critical, 1 medium\) added by this RUN/);
    assert.match(String(scan[2].message), /1 secret/);
    // The rule diagnostics are still there beside the scan's.
    assert.ok(diagnostics.some((d) => !String(d.code).startsWith('image/')));
    const values = client.progress.map((p) => p.value as { kind: string; message?: string; title?: string });
    assert.strictEqual(values[0].kind, 'begin');
    assert.match(values[0].title ?? '', /scanning shop\/web:dev/);
    assert.strictEqual(values.at(-1)!.kind, 'end');
    assert.ok(values.some((v) => v.message === 'Scanning'));
  });

  it('hovers a table of the packages and offers .trivyignore fixes and advisories', async () => {
    await start();
    const { uri, diagnostics } = await scanned();
    const run = diagnostics.find((d) => d.code === 'image/vulnerability' && d.range.start.line === 6)!;
    const hover = await client.hover(uri, run.range.start);
    const markdown = (hover?.contents as { value: string }).value;
    assert.match(markdown, /\| CRITICAL \| curl \| 7\.88\.1-10 → 7\.88\.1-10\+deb12u5 \| \[CVE-2024-0002\]/);
    assert.match(markdown, /\| MEDIUM \| libssl3 \| 3\.0\.11-1 → no fix \|/);

    const actions = await client.codeActions(uri, run.range, [run]);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Add CVE-2024-0002 to .trivyignore'), titles.join('\n'));
    assert.ok(titles.includes('Add all 2 vulnerabilities of this line to .trivyignore'));
    const ignore = actions.find((a) => a.title === 'Add CVE-2024-0002 to .trivyignore for 90 days')!;
    const changes = (ignore.edit as WorkspaceEdit).documentChanges!;
    assert.deepStrictEqual(changes[0], { kind: 'create', uri: folder.uri('.trivyignore'), options: { ignoreIfExists: true } });
    assert.match(JSON.stringify(changes[1]), /CVE-2024-0002 exp:\d{4}-\d{2}-\d{2}/);

    const advisory = actions.find((a: CodeAction) => a.title === 'Open the advisory for CVE-2024-0002')!;
    await client.executeCommand(advisory.command!.command, advisory.command!.arguments!);
    assert.deepStrictEqual(client.shownDocuments.map((d) => [d.uri, d.external]), [['https://avd.aquasec.com/nvd/cve-2024-0002', true]]);
  });

  it('appends to an existing .trivyignore and the next scan honours it', async () => {
    fs.writeFileSync(path.join(folder.dir, '.trivyignore'), '# team decisions\nCVE-2020-1');
    await start();
    const { uri, diagnostics } = await scanned();
    const run = diagnostics.find((d: Diagnostic) => d.code === 'image/vulnerability' && d.range.start.line === 6)!;
    const action = (await client.codeActions(uri, run.range, [run])).find((a) => a.title === 'Add CVE-2024-0002 to .trivyignore')!;
    const change = (action.edit as WorkspaceEdit).documentChanges![0] as { edits: Array<{ range: { start: { line: number; character: number } }; newText: string }> };
    assert.deepStrictEqual(change.edits[0].range.start, { line: 1, character: 10 }, 'inserted at the end of the file');
    fs.appendFileSync(path.join(folder.dir, '.trivyignore'), change.edits[0].newText);
    const again = (await client.executeCommand('shipshape.runImageScan', [{ dockerfileUri: uri, image: 'shop/web:dev' }])) as { vulnerabilities: Array<{ id: string }> };
    assert.ok(!again.vulnerabilities.some((v) => v.id === 'CVE-2024-0002'));
  });

  it('serves a rescan of an unchanged image (same id from docker) from the cache, without Trivy', async () => {
    const trivyLog = path.join(folder.dir, 'trivy.log');
    process.env.SHIPSHAPE_DOCKER = path.join(TRIVY, 'docker');
    process.env.SHIPSHAPE_TRIVY_LOG = trivyLog;
    try {
      await start();
      const { uri } = await scanned();
      const again = (await client.executeCommand('shipshape.runImageScan', [{ dockerfileUri: uri, image: 'shop/web:dev' }])) as { fromCache: boolean; vulnerabilities: unknown[] };
      assert.strictEqual(again.fromCache, true);
      assert.strictEqual(again.vulnerabilities.length, 4);
      assert.strictEqual(fs.readFileSync(trivyLog, 'utf8').trim().split('\n').length, 1, 'Trivy ran once');
    } finally {
      delete process.env.SHIPSHAPE_DOCKER;
      delete process.env.SHIPSHAPE_TRIVY_LOG;
    }
  });

  it('marks scan diagnostics as possibly stale once the Dockerfile changes', async () => {
    await start();
    const { uri } = await scanned();
    const version = await client.type(uri, { line: 12, character: 0 }, '# tweak\n');
    const after = await client.diagnostics(uri, version);
    const scan = withCode(after, 'image/vulnerability');
    assert.ok(scan.length > 0);
    assert.ok(scan.every((d) => /may be stale/.test(String(d.message))));
  });

  it('asks which image to scan when none is given (any LSP editor)', async () => {
    fs.writeFileSync(path.join(folder.dir, 'compose.yaml'), 'services:\n  web:\n    build: .\n    image: shop/web:dev\n');
    await start();
    const uri = folder.uri('Dockerfile');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    const summary = (await client.executeCommand('shipshape.runImageScan', [{ dockerfileUri: uri }])) as { image: string };
    assert.strictEqual(summary.image, 'shop/web:dev');
    assert.match(String(client.messageRequests[0].message), /Scan which image for Dockerfile/);
  });

  it('offers the scan as a code lens on the final stage FROM', async () => {
    await start();
    const uri = folder.uri('Dockerfile');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as Array<{ range: { start: { line: number } }; command: { command: string } }>;
    assert.deepStrictEqual(lenses.map((l) => [l.range.start.line, l.command.command]), [[5, 'shipshape.runImageScan']]);
  });

  it('cancels through the progress token and kills Trivy', async () => {
    await start();
    const uri = folder.uri('Dockerfile');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    const result = client.executeCommand('shipshape.runImageScan', [{ dockerfileUri: uri, image: 'error/hang:1' }]);
    while (!client.progressTokens.length) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    await client.connection.sendNotification('window/workDoneProgress/cancel', { token: client.progressTokens[0] });
    assert.strictEqual(await result, null);
  });

  it('turns Trivy failures into errors a user can act on', async () => {
    await start();
    const uri = folder.uri('Dockerfile');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    await assert.rejects(client.executeCommand('shipshape.runImageScan', [{ dockerfileUri: uri, image: 'error/not-found:1' }]), /not available locally/);
  });

  it('refuses to run Trivy in an untrusted workspace', async () => {
    await start({ trusted: false });
    const uri = folder.uri('Dockerfile');
    await client.open(uri, 'dockerfile', DOCKERFILE);
    await assert.rejects(client.executeCommand('shipshape.runImageScan', [{ dockerfileUri: uri, image: 'shop/web:dev' }]), /untrusted workspace/);
  });
});
