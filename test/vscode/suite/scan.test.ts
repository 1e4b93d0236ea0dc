// Image scans in the real extension host: the palette command with the stand-in Trivy, the
// diagnostics on the introducing lines, the results view, the report webview, cancellation,
// Build and Scan's task, the Compose code lens, and the workspace-trust guard.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ShipshapeApi } from '../../../client/extension';
import type { ScanSummary } from '../../../client/views/scan-results';
import { REPO_ROOT, codeOf, describeDiagnostics, extension, shipshapeDiagnostics, waitFor, workspaceRoot } from './helpers';

const TRIVY = path.join(REPO_ROOT, 'test', 'fixtures', 'trivy', 'trivy');
const SHOP_WEB = path.join(REPO_ROOT, 'test', 'fixtures', 'trivy', 'shop-web.Dockerfile');
const VULN = 'image/vulnerability';

async function api(): Promise<ShipshapeApi> {
  const ext = extension();
  return (ext.isActive ? ext.exports : await ext.activate()) as ShipshapeApi;
}

/** A copy of shop-web.Dockerfile as `<folder>/Dockerfile` in the temp workspace. */
function copyShopWeb(folder: string): vscode.Uri {
  const dir = path.join(workspaceRoot(), folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(SHOP_WEB, path.join(dir, 'Dockerfile'));
  return vscode.Uri.file(path.join(dir, 'Dockerfile'));
}

describe('Image scans (stand-in Trivy)', function () {
  this.timeout(60_000);
  let shipshape: ShipshapeApi;
  let scanUri: vscode.Uri;
  let summary: ScanSummary | undefined;

  before(async () => {
    assert.ok(fs.existsSync(TRIVY), `the stand-in Trivy is missing: ${TRIVY}`);
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'out', 'test', 'fixtures', 'trivy', 'build-report.js')), 'build the repo first (the stand-in needs out/test/fixtures)');
    shipshape = await api();
    await vscode.workspace.getConfiguration('shipshape.trivy').update('path', TRIVY, vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(vscode.workspace.getConfiguration('shipshape.trivy').get('path'), TRIVY, 'the workspace setting did not take');
    scanUri = copyShopWeb('scan');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(scanUri), { preview: false });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('shipshape.trivy').update('path', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('scans shop/web:dev and puts each finding on the Dockerfile line that introduced it', async () => {
    const started = Date.now();
    summary = await vscode.commands.executeCommand<ScanSummary | undefined>('shipshape.scanImage', {
      dockerfileUri: scanUri.toString(),
      image: 'shop/web:dev',
    });
    assert.ok(summary, `the scan returned nothing; diagnostics: ${describeDiagnostics(scanUri)}`);
    assert.strictEqual(summary.image, 'shop/web:dev');
    assert.deepStrictEqual(
      summary.vulnerabilities.map((v) => `${v.id}@${v.line}`).sort(),
      ['CVE-2024-0001@5', 'CVE-2024-0002@6', 'CVE-2024-0003@6', 'CVE-2024-0004@10'],
    );
    assert.deepStrictEqual(summary.secrets.map((s) => `${s.ruleId}@${s.line}`), ['aws-access-key-id@10']);

    const diagnostics = await waitFor(
      () => {
        const found = shipshapeDiagnostics(scanUri, VULN);
        return found.length >= 3 && found;
      },
      () => `three ${VULN} diagnostics on ${scanUri.fsPath}; present: ${describeDiagnostics(scanUri)}`,
    );
    const byLine = new Map(diagnostics.map((d) => [d.range.start.line, d]));
    assert.deepStrictEqual([...byLine.keys()].sort((a, b) => a - b), [5, 6, 10]);
    assert.strictEqual(byLine.get(5)!.message, 'Trivy: 1 vulnerability (1 high) from the base image. [shop/web:dev]');
    assert.strictEqual(byLine.get(6)!.message, 'Trivy: 2 vulnerabilities (1 critical, 1 medium) added by this RUN. [shop/web:dev]');
    assert.strictEqual(byLine.get(10)!.message, 'Trivy: 1 vulnerability (1 high) and 1 secret added by this COPY. [shop/web:dev]');
    assert.strictEqual(byLine.get(6)!.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(diagnostics.every((d) => codeOf(d) === VULN));
    console.log(`      (scan and diagnostics in ${Date.now() - started} ms)`);
  });

  it('shows the image in the results view, grouped by severity, revealing the introducing line', async () => {
    assert.ok(summary, 'needs the scan of the first test');
    const provider = shipshape.scanResults();
    const roots = provider.getChildren();
    const image = roots.find((node) => node.type === 'image' && node.scan.dockerfileUri === scanUri.toString());
    assert.ok(image, `no image node for ${scanUri}; roots: ${roots.map((n) => provider.getTreeItem(n).label).join(', ')}`);
    assert.strictEqual(provider.getTreeItem(image).label, 'shop/web:dev');
    const groups = provider.getChildren(image).map((n) => `${provider.getTreeItem(n).label}:${provider.getTreeItem(n).description}`);
    assert.deepStrictEqual(groups, ['Secrets:1', 'CRITICAL:1', 'HIGH:2', 'MEDIUM:1']);
    const critical = provider.getChildren(image).find((n) => provider.getTreeItem(n).label === 'CRITICAL')!;
    const [curl] = provider.getChildren(critical);
    assert.strictEqual(provider.getTreeItem(curl).label, 'curl');
    const [cve] = provider.getChildren(curl);
    const item = provider.getTreeItem(cve);
    assert.strictEqual(item.label, 'CVE-2024-0002');
    const selection = (item.command?.arguments?.[1] as { selection: vscode.Range }).selection;
    assert.strictEqual(selection.start.line, 6, 'selecting the vulnerability should reveal the RUN line');
  });

  it('opens the report panel, which renders the scan under its CSP and reveals a row\'s line', async () => {
    assert.ok(summary, 'needs the scan of the first test');
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('shipshape.showScanReport', { dockerfileUri: scanUri.toString() });
    assert.ok(panel, 'showScanReport returned no panel');
    assert.strictEqual(panel.title, 'Scan: shop/web:dev');
    assert.deepStrictEqual(panel.webview.options.localResourceRoots, [], 'the report must load no local resources');
    assert.match(panel.webview.html, /default-src 'none'/);
    assert.match(panel.webview.html, /script-src 'nonce-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(panel.webview.html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'the report must reference no external URL');
    // The webview's script posts back what it rendered: proof that it ran under the CSP.
    const rendered = await waitFor(
      () => shipshape.scanReports().state(scanUri.toString())?.rendered,
      () => `the report webview to render (state: ${JSON.stringify(shipshape.scanReports().state(scanUri.toString()))})`,
    );
    assert.deepStrictEqual(rendered, { rows: 4, total: 4 });
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('shipshape.scanReport'));
    assert.ok(tab, 'no report tab in the editor area');
    // A click on a row sends {type: 'reveal', line}; the extension shows that line.
    const editor = await shipshape.scanReports().reveal(scanUri.toString(), 10);
    assert.ok(editor);
    assert.strictEqual(editor.document.uri.toString(), scanUri.toString());
    assert.strictEqual(editor.selection.active.line, 10);
    assert.match(editor.document.lineAt(10).text, /^COPY --from=build/);
  });

  it('renders 10,000 vulnerabilities virtualized (only the visible rows exist)', async () => {
    const many: ScanSummary = {
      image: 'synthetic/many:1',
      dockerfileUri: vscode.Uri.file(path.join(workspaceRoot(), 'many', 'Dockerfile')).toString(),
      scannedAt: '2026-11-23 10:00',
      fromCache: false,
      vulnerabilities: Array.from({ length: 10_000 }, (_, i) => ({
        id: `CVE-2026-${String(i).padStart(5, '0')}`,
        pkgName: `pkg-${i % 300}`,
        installedVersion: `1.${i % 17}.0`,
        fixedVersion: i % 3 ? `1.${i % 17}.1` : undefined,
        severity: ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'][i % 5],
        line: i % 12,
        layer: i % 4 ? 'instruction' : 'base',
      })),
      secrets: [],
    };
    const started = Date.now();
    await vscode.commands.executeCommand('shipshape.showScanReport', { scan: many });
    const rendered = await waitFor(
      () => shipshape.scanReports().state(many.dockerfileUri)?.rendered,
      () => 'the 10,000-row report to render',
    );
    const ms = Date.now() - started;
    assert.strictEqual(rendered.total, 10_000);
    assert.ok(rendered.rows > 0 && rendered.rows < 200, `expected a virtualized table, got ${rendered.rows} rows in the DOM`);
    assert.ok(ms < 10_000, `rendering 10,000 rows took ${ms} ms`);
    console.log(`      (10,000-row report rendered in ${ms} ms with ${rendered.rows} DOM rows)`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('cancels a hanging scan: returns at once and publishes nothing', async () => {
    const uri = copyShopWeb('cancel');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const started = Date.now();
    const scan = vscode.commands.executeCommand<ScanSummary | undefined>('shipshape.scanImage', { dockerfileUri: uri.toString(), image: 'error/hang:1' });
    let settled = false;
    void scan.then(() => (settled = true), () => (settled = true));
    // The stand-in hangs forever on this image: give the server time to spawn it, then cancel.
    await new Promise((r) => setTimeout(r, 1_500));
    assert.ok(!settled, 'the hanging scan ended on its own before it was cancelled');
    assert.strictEqual(shipshape.cancelScans(), 1, 'exactly one scan should have been in flight');
    const result = await Promise.race([scan, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
    assert.notStrictEqual(result, 'timeout', 'the cancelled scan did not return within 15 s');
    assert.strictEqual(result, undefined, 'a cancelled scan returns no summary');
    console.log(`      (cancelled after ${Date.now() - started} ms)`);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepStrictEqual(shipshapeDiagnostics(uri, VULN), [], `diagnostics after a cancelled scan: ${describeDiagnostics(uri)}`);
    assert.ok(!shipshape.scanResults().get(uri.toString()), 'a cancelled scan must not reach the results view');
  });

  it('Build and Scan runs docker build as a process task and explains a failed build', async () => {
    const starts: vscode.Task[] = [];
    const listener = vscode.tasks.onDidStartTask((e) => starts.push(e.execution.task));
    try {
      const outcome = await vscode.commands.executeCommand<{ ok: boolean; message?: string; exitCode?: number } | undefined>('shipshape.buildAndScan', {
        dockerfileUri: scanUri.toString(),
      });
      assert.ok(outcome, 'buildAndScan returned nothing');
      // No Docker engine here (and the fixture could not build anyway): the build must fail clearly.
      assert.strictEqual(outcome.ok, false, `the build unexpectedly succeeded: ${JSON.stringify(outcome)}`);
      assert.match(outcome.message ?? '', /building Dockerfile failed: (docker could not be started|docker build exited with code \d+|docker wrote no image id)\. See the "build scan\/Dockerfile" terminal; nothing was scanned\./);
      const task = starts.find((t) => t.definition.type === 'shipshape-build');
      assert.ok(task, `no shipshape-build task started; started: ${starts.map((t) => t.name).join(', ') || '(none)'}`);
      const execution = task.execution as vscode.ProcessExecution;
      assert.ok(execution && 'process' in execution && !('commandLine' in execution && (execution as unknown as vscode.ShellExecution).commandLine), 'the task must be a ProcessExecution');
      assert.strictEqual(execution.process, 'docker');
      const dir = path.dirname(scanUri.fsPath);
      assert.deepStrictEqual(execution.args.filter((_, i) => i !== 2), ['build', '--iidfile', '-f', scanUri.fsPath, dir]);
      assert.match(execution.args[2], /shipshape-build-[^/\\]+[/\\]image-id$/);
      assert.ok(!fs.existsSync(path.dirname(execution.args[2])), 'the iidfile folder should be removed afterwards');
    } finally {
      listener.dispose();
    }
  });

  it('offers "Scan image with Trivy" on Compose services that build an image', async () => {
    const compose = vscode.Uri.file(path.join(workspaceRoot(), 'compose.yaml'));
    const document = await vscode.workspace.openTextDocument(compose);
    await vscode.window.showTextDocument(document, { preview: false });
    const lenses = await waitFor(
      async () => {
        const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', compose)) ?? [];
        const scans = found.filter((l) => l.command?.command === 'shipshape.scanImage');
        return scans.length >= 2 && scans;
      },
      () => 'two scan code lenses on compose.yaml',
    );
    const byService = Object.fromEntries(lenses.map((l) => [document.lineAt(l.range.start.line).text.trim(), l.command!]));
    assert.deepStrictEqual(Object.keys(byService).sort(), ['api:', 'web:'], 'lenses belong on the services with build: only');
    assert.strictEqual(byService['web:'].title, '$(shield) Scan image with Trivy');
    assert.deepStrictEqual(byService['web:'].arguments, [{ dockerfileUri: vscode.Uri.file(path.join(workspaceRoot(), 'Dockerfile')).toString(), image: 'shop/web' }]);
    assert.deepStrictEqual(byService['api:'].arguments, [
      { dockerfileUri: vscode.Uri.file(path.join(workspaceRoot(), 'api', 'Dockerfile')).toString(), image: `${path.basename(workspaceRoot()).toLowerCase()}-api` },
    ]);
  });
});

describe('Workspace trust guard (unit, in the extension host)', () => {
  // code-server cannot flip workspace trust at run time, so the guard is tested directly with
  // `trusted: false`; a fake client proves it is never reached.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const scanModule = require('../../../client/commands/scan') as typeof import('../../../client/commands/scan');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const buildModule = require('../../../client/commands/build') as typeof import('../../../client/commands/build');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ScanResultsProvider } = require('../../../client/views/scan-results') as typeof import('../../../client/views/scan-results');

  function fakeClient() {
    const calls: unknown[] = [];
    return { calls, client: { sendRequest: async (...args: unknown[]) => (calls.push(args), null) } as never };
  }

  it('refuses to scan when the workspace is untrusted, and scans when trusted', async () => {
    assert.strictEqual(scanModule.refuseUntrusted(false), true);
    assert.strictEqual(scanModule.refuseUntrusted(true), false);
    const untrusted = fakeClient();
    const args = { dockerfileUri: vscode.Uri.file(path.join(workspaceRoot(), 'Dockerfile')).toString(), image: 'shop/web:dev' };
    assert.strictEqual(await scanModule.scanImage({ client: untrusted.client, results: new ScanResultsProvider(), trusted: false }, args), undefined);
    assert.strictEqual(untrusted.calls.length, 0, 'an untrusted workspace must not reach the server (Trivy)');
    const trusted = fakeClient();
    await scanModule.scanImage({ client: trusted.client, results: new ScanResultsProvider(), trusted: true }, args);
    assert.strictEqual(trusted.calls.length, 1, 'the trusted path should call the server once');
  });

  it('refuses to build when the workspace is untrusted (no task starts)', async () => {
    const starts: string[] = [];
    const listener = vscode.tasks.onDidStartTask((e) => starts.push(e.execution.task.name));
    try {
      const outcome = await buildModule.buildAndScan(
        { client: fakeClient().client, results: new ScanResultsProvider(), trusted: false },
        { dockerfileUri: vscode.Uri.file(path.join(workspaceRoot(), 'Dockerfile')).toString() },
      );
      assert.strictEqual(outcome, undefined);
      await new Promise((r) => setTimeout(r, 300));
      assert.deepStrictEqual(starts, []);
    } finally {
      listener.dispose();
    }
  });

  it('builds the docker build task from an argument array, never a shell line', () => {
    const task = buildModule.buildTask('/w/app/Dockerfile', '/w/app', '/tmp/x/image-id');
    const execution = task.execution as vscode.ProcessExecution;
    assert.strictEqual(execution.process, 'docker');
    assert.deepStrictEqual(execution.args, ['build', '--iidfile', '/tmp/x/image-id', '-f', '/w/app/Dockerfile', '/w/app']);
    assert.strictEqual(task.definition.type, 'shipshape-build');
    assert.strictEqual(task.source, 'shipshape');
  });
});
