// Image scans as a user sees them: code-server in Chromium, the stand-in Trivy as
// `shipshape.trivy.path`. F1 → "Shipshape: Scan Image with Trivy…" → type shop/web:dev, then
// the squiggles and Problems entries on the introducing lines, the results view in the
// Explorer, and the report webview (clicking a row moves the cursor to the line).
// Screenshots: scan-results.png and scan-report.png into SHIPSHAPE_SCREENSHOT_DIR
// (default docs/images; `none` to take none).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import { openWorkbench, REPO_ROOT, type Workbench } from './workbench';

const TRIVY = path.join(REPO_ROOT, 'test', 'fixtures', 'trivy', 'trivy');

describe('UI: image scan with Trivy', function () {
  this.timeout(180_000);

  let workbench: Workbench | undefined;
  let page: Page;
  let scanned = false;
  const hostErrorSummary = () => workbench?.hostErrorSummary() ?? '';
  const shot = (name: string) => workbench!.shot(name);

  async function runCommand(title: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>' + title);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** The report's content: the webview's outer iframe, then its active inner frame. */
  function report(): FrameLocator {
    return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  before(async function () {
    for (const f of ['out/extension.js', 'out/test/fixtures/trivy/build-report.js', 'test/fixtures/trivy/shop-web.Dockerfile']) {
      assert.ok(fs.existsSync(path.join(REPO_ROOT, f)), `${f} is missing (run npm run build)`);
    }
    workbench = await openWorkbench(this, {
      name: 'ui scan test',
      viewport: { width: 1400, height: 860 },
      settings: { 'editor.minimap.enabled': false },
      prepare(workspace) {
        // The Dockerfile the stand-in's shop/web:dev scenario maps onto, and the stand-in as Trivy.
        fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'trivy', 'shop-web.Dockerfile'), path.join(workspace, 'Dockerfile'));
        fs.mkdirSync(path.join(workspace, '.vscode'));
        fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'shipshape.trivy.path': TRIVY }, null, 2));
      },
    });
    page = workbench.page;
  });

  after(async () => {
    await workbench?.close();
  });

  it('scans through the palette and shows findings on the introducing lines and in the results view', async () => {
    // Open the Dockerfile (Quick Open), so the command scans it without asking which one.
    await workbench!.quickOpen('Dockerfile');
    const input = page.locator('.quick-input-widget input');
    // Wait until the language server is up (the static analysis has published something).
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info').first().waitFor({ timeout: 60_000 }).catch(() => undefined);

    await page.keyboard.press('F1');
    await input.waitFor();
    await input.fill('>Shipshape: Scan Image with Trivy');
    const command = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Shipshape: Scan Image with Trivy…' }).first();
    await command.waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    // The image picker: type the reference; it is offered first.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Scan which image?' }).waitFor({ timeout: 15_000 });
    await input.fill('shop/web:dev');
    const typed = page.locator('.quick-input-list .monaco-list-row', { hasText: 'scan this image reference' }).first();
    await typed.waitFor({ timeout: 10_000 });
    assert.match(await typed.innerText(), /shop\/web:dev/);
    await page.keyboard.press('Enter');

    // The findings, in the Problems panel, on lines 6, 7 and 11 (1-based).
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel .monaco-list-row', { hasText: 'Trivy:' });
    try {
      await problems.nth(2).waitFor({ timeout: 60_000 });
    } catch (err) {
      throw new Error(`fewer than three Trivy findings in the Problems panel${hostErrorSummary()}\n${(err as Error).message}`);
    }
    const texts = (await problems.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    const expect = [
      /Trivy: 1 vulnerability \(1 high\) from the base image\. \[shop\/web:dev\].*\[Ln 6, Col \d+\]/,
      /Trivy: 2 vulnerabilities \(1 critical, 1 medium\) added by this RUN\..*\[Ln 7, Col 1\]/,
      /Trivy: 1 vulnerability \(1 high\) and 1 secret added by this COPY\..*\[Ln 11, Col 1\]/,
    ];
    for (const re of expect) assert.ok(texts.some((t) => re.test(t)), `no Problems entry matching ${re}; entries: ${texts.join(' | ')}`);
    assert.ok((await page.locator('.monaco-editor .squiggly-error').count()) >= 3, 'expected error squiggles on the three lines');
    scanned = true;

    // The results view in the Explorer: image → severity → package → vulnerability.
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Image Scan (Shipshape)' }) });
    const imageRow = view.locator('.monaco-list-row', { hasText: 'shop/web:dev' }).first();
    await imageRow.waitFor({ timeout: 15_000 });
    assert.match(await imageRow.innerText(), /4 vulnerabilities/);
    // Make room: collapse the file tree, then open the CRITICAL group down to the CVE.
    const folders = page.locator('.pane-header', { hasText: 'examples' }).first();
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    for (const label of ['CRITICAL', 'curl', 'HIGH']) {
      await view.locator('.monaco-list-row', { hasText: label }).first().click();
      await page.waitForTimeout(150);
    }
    const cve = view.locator('.monaco-list-row', { hasText: 'CVE-2024-0002' }).first();
    await cve.waitFor({ timeout: 10_000 });
    // Selecting the vulnerability reveals its RUN line in the editor.
    await cve.click();
    await page.locator('.statusbar-item', { hasText: /Ln 7, Col 1/ }).first().waitFor({ timeout: 10_000 });
    await page.mouse.move(5, 400);
    await page.waitForTimeout(400);
    await shot('scan-results.png');
  });

  it('opens the report from the view title, filters it, and reveals a row\'s line', async () => {
    assert.ok(scanned, `the scan did not complete (see the first test)${hostErrorSummary()}`);
    // Room for the report: clear the notification toasts and close the bottom panel.
    await runCommand('Notifications: Clear All Notifications');
    await page.keyboard.press('Control+J');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 10_000 });
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Image Scan (Shipshape)' }) });
    await view.locator('.pane-header').hover();
    await view.locator('.pane-header .action-label[aria-label="Show Image Scan Report"]').click();
    const frame = report();
    const rows = frame.locator('.row');
    await rows.first().waitFor({ timeout: 30_000 });
    // Hide the side bar so the report and the Dockerfile share the width.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
    assert.strictEqual(await rows.count(), 4);
    assert.match(await frame.locator('#title').innerText(), /Trivy scan of shop\/web:dev/);
    assert.strictEqual(await frame.locator('#chart text[data-severity="HIGH"]').textContent(), '2');
    // Sorted by severity: the critical curl CVE first.
    assert.match(await rows.first().innerText(), /CVE-2024-0002\s+CRITICAL\s+curl/);
    // Filter by text, then by severity.
    await frame.locator('#filter').fill('express');
    await page.waitForTimeout(300);
    assert.strictEqual(await rows.count(), 1);
    assert.match(await rows.first().innerText(), /CVE-2024-0004/);
    await frame.locator('#filter').fill('');
    await frame.locator('input[value="HIGH"]').uncheck();
    await page.waitForTimeout(300);
    assert.strictEqual(await rows.count(), 2);
    assert.match(await frame.locator('#count').innerText(), /2 of 4 shown/);
    await frame.locator('input[value="HIGH"]').check();
    await page.waitForTimeout(300);
    assert.strictEqual(await rows.count(), 4);
    // Sort by package (click its header).
    await frame.locator('#head [data-key="2"]').click();
    await page.waitForTimeout(200);
    assert.match(await rows.first().innerText(), /curl/);
    assert.match(await rows.last().innerText(), /libssl3/);
    await page.waitForTimeout(300);
    await shot('scan-report.png');
    // Clicking the express row moves the cursor to the COPY line (11).
    await frame.locator('.row', { hasText: 'CVE-2024-0004' }).click();
    await page.locator('.statusbar-item', { hasText: /Ln 11, Col 1/ }).first().waitFor({ timeout: 10_000 });
  });
});
