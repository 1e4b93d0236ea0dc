// The UI as a user sees it: code-server (VS Code 1.100.3) in Debian's Chromium, driven by
// playwright-core. Opens a copy of examples/ with the extension loaded from this repo, waits
// for the squiggle, reads the Problems panel, applies the quick fix with Ctrl+., saves with
// Ctrl+S and checks the file on disk. Screenshots go to docs/images/ (override with
// SHIPSHAPE_SCREENSHOT_DIR; SHIPSHAPE_SCREENSHOT_DIR=none to take none).
//
//   npm run build && npx mocha out/test/ui/ui.test.js
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { openWorkbench, REPO_ROOT, type Workbench } from './workbench';

const CODE = 'dockerfile/user-missing';

describe('UI: code-server + Chromium', function () {
  this.timeout(180_000);

  let workbench: Workbench | undefined;
  let page: Page;
  let workspace = '';
  let sawDiagnostics = false;
  const hostErrorSummary = () => workbench?.hostErrorSummary() ?? '';
  const shot = (name: string) => workbench!.shot(name);

  before(async function () {
    for (const f of ['out/extension.js', 'examples/Dockerfile']) {
      assert.ok(fs.existsSync(path.join(REPO_ROOT, f)), `${f} is missing (run npm run build)`);
    }
    workbench = await openWorkbench(this, { name: 'ui test' });
    ({ page, workspace } = workbench);
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows a squiggle on the example Dockerfile', async () => {
    await workbench!.quickOpen('Dockerfile');
    const squiggle = page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first();
    try {
      await squiggle.waitFor({ timeout: 60_000 });
    } catch (err) {
      throw new Error(`no squiggle on the Dockerfile within 60 s${hostErrorSummary()}\n${(err as Error).message}`);
    }
    sawDiagnostics = true;
    // Hover it so the screenshot shows the message too.
    // The decoration sits under the text layer: move the mouse onto it rather than hover().
    const box = await squiggle.boundingBox();
    assert.ok(box, 'the squiggle has no box');
    await page.mouse.move(box.x + Math.min(box.width / 2, 30), box.y + box.height / 2);
    await page.locator('.monaco-hover', { hasText: 'shipshape' }).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    await shot('diagnostic.png');
    await page.mouse.move(5, 5);
  });

  it('lists the finding in the Problems panel', async () => {
    assert.ok(sawDiagnostics, `no diagnostics in the editor (see the first test)${hostErrorSummary()}`);
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: CODE }).first();
    await row.waitFor({ timeout: 30_000 });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /shipshape/, `Problems entry does not name shipshape: ${text}`);
    assert.match(text, new RegExp(CODE.replace('/', '\\/')), text);
    await shot('problems.png');
  });

  it('applies the quick fix with Ctrl+. and saves it to disk', async () => {
    assert.ok(sawDiagnostics, `no diagnostics in the editor (see the first test)${hostErrorSummary()}`);
    const file = path.join(workspace, 'Dockerfile');
    const before = fs.readFileSync(file, 'utf8');
    assert.ok(!/^\s*USER\s/im.test(before), 'examples/Dockerfile already has a USER line');
    // Clicking the Problems entry puts the cursor on the diagnostic in the editor.
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: CODE }).first();
    await row.click();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor.focused').waitFor();
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ timeout: 15_000 });
    const items = menu.locator('.monaco-list-row.action');
    await items.first().waitFor();
    const titles = (await items.allInnerTexts()).map((t) => t.trim());
    const index = titles.findIndex((t) => !/suppress|ignore|learn more|configure/i.test(t));
    assert.ok(index >= 0, `no quick fix besides suppressions in the Ctrl+. menu: ${titles.join(' | ')}`);
    // Keyboard only (the menu blocks pointer events while it opens): move the focus to the fix.
    const target = titles[index];
    for (let i = 0; i < titles.length; i++) {
      const focused = (await menu.locator('.monaco-list-row.action.focused').first().innerText().catch(() => '')).trim();
      if (focused === target) break;
      await page.keyboard.press('ArrowDown');
    }
    assert.strictEqual((await menu.locator('.monaco-list-row.action.focused').first().innerText()).trim(), target);
    await page.waitForTimeout(200);
    await shot('quick-fix.png');
    await page.keyboard.press('Enter');
    await page.locator('.tab.active.dirty', { hasText: 'Dockerfile' }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 15_000 });
    const deadline = Date.now() + 10_000;
    let after = before;
    while (after === before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      after = fs.readFileSync(file, 'utf8');
    }
    assert.notStrictEqual(after, before, 'the Dockerfile on disk did not change after Ctrl+S');
    assert.match(after, /^\s*USER\s+\S+/im, `the saved Dockerfile has no USER instruction:\n${after}`);
    // The finding disappears from the Problems panel once the server re-checks.
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: CODE })
      .first()
      .waitFor({ state: 'detached', timeout: 30_000 });
    // The repo's own examples/ were never touched.
    assert.ok(!/^\s*USER\s/im.test(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'Dockerfile'), 'utf8')));
  });
});
