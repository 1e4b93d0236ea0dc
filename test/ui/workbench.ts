import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../vscode/run';

// One UI session: a copy of examples/ opened in code-server with the extension loaded from
// this repo, in Debian's Chromium driven by playwright-core. The UI tests share it so each
// only says what it does with the workbench.

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const importEsm = new Function('s', 'return import(s)') as (s: string) => Promise<any>;
const SHOT_DIR =
  process.env.SHIPSHAPE_SCREENSHOT_DIR === 'none'
    ? null
    : path.resolve(process.env.SHIPSHAPE_SCREENSHOT_DIR || path.join(REPO_ROOT, 'docs', 'images'));

export interface WorkbenchOptions {
  /** Names the suite in skip messages and the temp folder. */
  name: string;
  /** Prepares the workspace copy before code-server opens it. */
  prepare?: (workspace: string) => void;
  viewport?: { width: number; height: number };
  settings?: Record<string, unknown>;
}

export interface Workbench {
  page: Page;
  workspace: string;
  /** " ; the extension host reported: …" when the page logged Shipshape errors, else "". */
  hostErrorSummary(): string;
  /** A screenshot into SHIPSHAPE_SCREENSHOT_DIR (docs/images by default; `none` takes none). */
  shot(name: string): Promise<void>;
  /** Opens a workspace file by name with Quick Open (Ctrl+P), as a user would. */
  quickOpen(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the session, or skips the calling suite (with a one-line reason) when Chromium or
 * code-server is missing. Call from a mocha `before` with its `this`.
 */
export async function openWorkbench(suite: Mocha.Context, options: WorkbenchOptions): Promise<Workbench> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    console.log(`    ${options.name} skipped: chromium not found (apt-get install chromium, or set CHROMIUM_PATH)`);
    suite.skip();
  }
  const cs = await importEsm(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'code-server.mjs')).href);
  try {
    await cs.ensureCodeServer();
  } catch (err) {
    console.log(`    ${options.name} skipped: code-server ${cs.CODE_SERVER_VERSION} missing and not installable: ${(err as Error).message.split('\n')[0]}`);
    suite.skip();
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `shipshape-${options.name.replace(/\W+/g, '-')}-`));
  const workspace = path.join(tmp, 'examples');
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  options.prepare?.(workspace);
  const server = await cs.startCodeServer({
    folder: workspace,
    userDataDir: path.join(tmp, 'user-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    // No animations: screenshots must not catch a half-faded hover or menu.
    settings: { 'files.autoSave': 'off', 'workbench.editor.enablePreview': false, 'workbench.reduceMotion': 'on', ...options.settings },
  });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath!, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const hostErrors: string[] = [];
    page.on('console', (m) => {
      const text = m.text().replace(/\s+at .*/s, '').slice(0, 300);
      if (m.type() === 'error' && /shipshape|activating extension/i.test(text) && !hostErrors.includes(text) && hostErrors.length < 10) {
        hostErrors.push(text);
      }
    });
    await page.goto(cs.devUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: REPO_ROOT }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer shows the workspace once the remote connection is up.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return {
      page,
      workspace,
      hostErrorSummary: () => (hostErrors.length ? `; the extension host reported: ${hostErrors.join(' | ')}` : ''),
      async shot(name) {
        if (!SHOT_DIR) return;
        fs.mkdirSync(SHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SHOT_DIR, name) });
      },
      async quickOpen(name) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor();
        await input.fill(name);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.tab.active', { hasText: name }).waitFor();
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
