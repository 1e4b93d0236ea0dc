// Runs every test layer of TESTING.md in order, cheapest first, and ends with one line
// "N passed, N failed, N skipped" over all of them. Exit code 1 if anything failed.
//
//   node scripts/test.mjs            all layers
//   node scripts/test.mjs unit lsp   only the named layers
//
// Layers: unit (rule specs, engine, CLI), lsp (protocol over stdio/IPC), nvim (Neovim's LSP
// client), vscode (the real extension host in code-server), ui (Chromium driving code-server).
import { spawn } from 'child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'fs';
import { createRequire } from 'module';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const require = createRequire(import.meta.url);
const Mocha = require('mocha'); // v11: CommonJS, so the extension host can load it too
const root = resolve(import.meta.dirname, '..');
// The UI test's screenshots illustrate the README; ordinary runs keep them out of the work tree.
// SHIPSHAPE_UPDATE_SCREENSHOTS=1 npm test refreshes docs/images on purpose.
if (!process.env.SHIPSHAPE_SCREENSHOT_DIR) {
  process.env.SHIPSHAPE_SCREENSHOT_DIR = process.env.SHIPSHAPE_UPDATE_SCREENSHOTS === '1' ? join(root, 'docs', 'images') : join(root, 'out', 'screenshots');
}
const out = join(root, 'out', 'test');

const LAYERS = {
  unit: () => mochaLayer(['rules', 'engine', 'cli'], 20_000),
  lsp: () => mochaLayer(['lsp'], 30_000),
  nvim: () => mochaLayer(['nvim'], 60_000),
  vscode: () => extensionHostLayer(),
  ui: () => mochaLayer(['ui'], 240_000),
};

function testFiles(folders) {
  const files = [];
  for (const folder of folders) {
    const dir = join(out, folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true })) {
      if (String(entry).endsWith('.test.js')) files.push(join(dir, String(entry)));
    }
  }
  return files.sort();
}

function mochaLayer(folders, timeout) {
  const files = testFiles(folders);
  if (!files.length) return Promise.resolve({ passes: 0, failures: 0, pending: 0, note: 'no tests' });
  for (const file of files) delete require.cache[file];
  const mocha = new Mocha({ timeout, reporter: 'spec' });
  files.forEach((file) => mocha.addFile(file));
  return new Promise((done) => {
    const runner = mocha.run(() => done({ passes: runner.stats.passes, failures: runner.stats.failures, pending: runner.stats.pending }));
  });
}

/** The extension-host suite runs inside VS Code (code-server here); it reports its counts through a file. */
function extensionHostLayer() {
  const launcher = join(out, 'vscode', 'run.js');
  if (!existsSync(launcher)) return Promise.resolve({ passes: 0, failures: 0, pending: 0, note: 'no extension-host launcher' });
  const statsFile = join(tmpdir(), `shipshape-vscode-stats-${process.pid}.json`);
  rmSync(statsFile, { force: true });
  return new Promise((done) => {
    const child = spawn(process.execPath, [launcher], {
      stdio: 'inherit',
      env: { ...process.env, SHIPSHAPE_TEST_STATS: statsFile },
    });
    child.on('exit', (code) => {
      let stats = { passes: 0, failures: code === 0 ? 0 : 1, pending: 0 };
      if (existsSync(statsFile)) stats = JSON.parse(readFileSync(statsFile, 'utf8'));
      else if (code !== 0) stats.note = `extension host exited with ${code} before reporting`;
      // A non-zero exit with no failing test is still a failure (the host crashed or never ran).
      if (code !== 0 && stats.failures === 0) stats.failures = 1;
      done(stats);
    });
  });
}

const requested = process.argv.slice(2);
const names = requested.length ? requested : Object.keys(LAYERS);
const unknown = names.filter((name) => !(name in LAYERS));
if (unknown.length) {
  console.error(`Unknown test layer(s): ${unknown.join(', ')}. Known: ${Object.keys(LAYERS).join(', ')}.`);
  process.exit(2);
}

const totals = { passes: 0, failures: 0, pending: 0 };
const summary = [];
for (const name of names) {
  console.log(`\n===== ${name} =====`);
  const started = Date.now();
  const stats = await LAYERS[name]();
  for (const key of Object.keys(totals)) totals[key] += stats[key];
  summary.push(
    `${name.padEnd(7)} ${String(stats.passes).padStart(4)} passed ${String(stats.failures).padStart(3)} failed ${String(stats.pending).padStart(3)} skipped  ${((Date.now() - started) / 1000).toFixed(1)}s${stats.note ? `  (${stats.note})` : ''}`,
  );
}
console.log(`\n${summary.join('\n')}\n`);
console.log(`${totals.passes} passed, ${totals.failures} failed, ${totals.pending} skipped`);
process.exit(totals.failures ? 1 : 0);
