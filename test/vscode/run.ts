// Runs the extension-host suite (test/vscode/suite) inside a real VS Code.
//
//   node out/test/vscode/run.js
//
// Default: code-server 4.100.3 (VS Code 1.100.3) driven by Debian's Chromium through
// playwright-core, because the desktop VS Code cannot be downloaded here. The workbench is
// opened with a `payload` URL carrying extensionDevelopmentPath=<repo> and
// extensionTestsPath=<repo>/out/test/vscode/suite/index; when the suite finishes the page
// calls window.codeAutomationExit(code), and this process exits with that code.
//
// SHIPSHAPE_VSCODE=download   use @vscode/test-electron's runTests with a downloaded VS Code (falls
//                             back to code-server when the download server is unreachable)
// SHIPSHAPE_VSCODE=/path/code  use @vscode/test-electron's runTests with that executable
// SHIPSHAPE_TEST_STATS        the suite writes {passes, failures, pending} JSON there
// SHIPSHAPE_TEST_GREP         only run matching tests
// SHIPSHAPE_VSCODE_TIMEOUT    overall limit in seconds (default 600)
// SHIPSHAPE_DEBUG=1           echo the browser console and code-server log
// CHROMIUM_PATH               the Chromium to use (default: chromium on PATH)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SUITE = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index');
const EXAMPLES = path.join(REPO_ROOT, 'examples');
const TAG = 'vscode suite';

// tsc (module: commonjs) would turn import() into require(); code-server.mjs is ESM with
// top-level await, so keep a real dynamic import.
const importEsm = new Function('s', 'return import(s)') as (s: string) => Promise<any>;

function say(msg: string): void {
  process.stdout.write(`[${TAG}] ${msg}\n`);
}

function writeStats(stats: { passes: number; failures: number; pending: number }): void {
  const f = process.env.SHIPSHAPE_TEST_STATS;
  if (f) fs.writeFileSync(f, JSON.stringify(stats) + '\n');
}

function statsWritten(): boolean {
  const f = process.env.SHIPSHAPE_TEST_STATS;
  return !!f && fs.existsSync(f) && fs.statSync(f).size > 0;
}

/** Prints why the suite is skipped (one line naming the missing program) and exits 0. */
function skip(reason: string): never {
  say(`SKIPPED: ${reason}`);
  writeStats({ passes: 0, failures: 0, pending: 0 });
  process.exit(0);
}

function which(cmd: string): string | null {
  for (const d of (process.env.PATH || '').split(path.delimiter)) {
    if (!d) continue;
    const p = path.join(d, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

export function findChromium(): string | null {
  const env = process.env.CHROMIUM_PATH;
  if (env) return fs.existsSync(env) ? env : null;
  for (const c of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const p = which(c);
    if (p) return p;
  }
  return null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function checkBuilt(): void {
  const missing = [path.join(REPO_ROOT, 'out', 'extension.js'), `${SUITE}.js`].filter((f) => !fs.existsSync(f));
  if (missing.length) {
    say(`not built: ${missing.map((f) => path.relative(REPO_ROOT, f)).join(', ')} missing; run \`npm run build\` first`);
    writeStats({ passes: 0, failures: 1, pending: 0 });
    process.exit(1);
  }
  if (!fs.existsSync(path.join(EXAMPLES, 'Dockerfile'))) {
    say('examples/Dockerfile is missing; the suite needs the examples workspace');
    writeStats({ passes: 0, failures: 1, pending: 0 });
    process.exit(1);
  }
}

/** A throwaway copy of examples/ (the tests edit files; the repo's copy is never touched). */
function copyExamples(tmp: string): string {
  const dest = path.join(tmp, 'examples');
  fs.cpSync(EXAMPLES, dest, { recursive: true });
  return dest;
}

/** Streams lines appended to `file` to stdout until stop() is called. */
function tail(file: string): { stop: () => void } {
  let pos = 0;
  const pump = () => {
    try {
      const size = fs.statSync(file).size;
      if (size > pos) {
        const fd = fs.openSync(file, 'r');
        const buf = Buffer.alloc(size - pos);
        fs.readSync(fd, buf, 0, buf.length, pos);
        fs.closeSync(fd);
        pos = size;
        process.stdout.write(buf);
      }
    } catch {
      /* not created yet */
    }
  };
  const timer = setInterval(pump, 200);
  return {
    stop: () => {
      clearInterval(timer);
      pump();
    },
  };
}

async function runWithTestElectron(mode: string, workspace: string, tmp: string): Promise<number> {
  const { runTests } = await import('@vscode/test-electron');
  const opts: Parameters<typeof runTests>[0] = {
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: SUITE,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(tmp, 'user-data')}`,
    ],
    extensionTestsEnv: { SHIPSHAPE_TEST_STATS: process.env.SHIPSHAPE_TEST_STATS ?? '' },
    // Download cache outside the repo (the default is ./.vscode-test in the cwd).
    cachePath: path.join(os.homedir(), '.cache', 'shipshape', 'vscode-test'),
    version: process.env.SHIPSHAPE_VSCODE_VERSION || '1.100.3',
    timeout: 30_000,
  };
  if (mode !== 'download') opts.vscodeExecutablePath = mode;
  say(mode === 'download' ? 'VS Code via @vscode/test-electron (download)' : `VS Code at ${mode}`);
  try {
    return await runTests(opts);
  } catch (err) {
    const msg = String((err as Error)?.message ?? err);
    if (/ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|download/i.test(msg) && mode === 'download') {
      say(`could not download VS Code (${msg.split('\n')[0]}); falling back to code-server`);
      return runWithCodeServer(workspace, tmp);
    }
    say(`failed: ${msg}`);
    return 1;
  }
}

async function runWithCodeServer(workspace: string, tmp: string): Promise<number> {
  const chromiumPath = findChromium();
  if (!chromiumPath) skip('chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');

  const cs = await importEsm(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'code-server.mjs')).href);
  const t0 = Date.now();
  try {
    await cs.ensureCodeServer();
  } catch (err) {
    skip(`code-server ${cs.CODE_SERVER_VERSION} is not installed and could not be installed: ${(err as Error).message.split('\n')[0]}`);
  }
  const debug = !!process.env.SHIPSHAPE_DEBUG;
  const logFile = path.join(tmp, 'suite.log');
  fs.writeFileSync(logFile, '');
  const server = await cs.startCodeServer({
    folder: workspace,
    userDataDir: path.join(tmp, 'user-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    env: { SHIPSHAPE_TEST_LOG: logFile },
  });
  say(`code-server ${cs.CODE_SERVER_VERSION} up on ${server.url} in ${Date.now() - t0} ms`);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath!,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const tailer = tail(logFile);
  try {
    // launch() without userDataDir gives a fresh, temporary profile for every run.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let finish!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(Number(code) || 0));
    page.on('crash', () => {
      say('the workbench page crashed');
      finish(1);
    });
    // Extension-host errors (a failed activation, a crashed server) reach the page's console;
    // keep the relevant ones to print if the suite fails.
    const hostErrors: string[] = [];
    page.on('console', (m) => {
      const text = m.text();
      if (debug) process.stderr.write(`[browser ${m.type()}] ${text.slice(0, 500)}\n`);
      if (m.type() === 'error' && /shipshape|activating extension|extension host/i.test(text) && !/test\(s\) failed/.test(text)) {
        if (hostErrors.length < 20 && !hostErrors.includes(text)) hostErrors.push(text);
      }
    });
    page.on('pageerror', (e) => {
      if (debug) process.stderr.write(`[browser pageerror] ${e.message}\n`);
    });
    const url = cs.devUrl({
      port: server.port,
      folder: workspace,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE,
    });
    if (debug) say(`opening ${url}`);
    const t1 = Date.now();
    await page.goto(url);
    const limit = Number(process.env.SHIPSHAPE_VSCODE_TIMEOUT || 600) * 1000;
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<number>((resolve) => {
        timer = setTimeout(() => {
          say(`timed out after ${limit / 1000} s waiting for the suite to finish`);
          resolve(1);
        }, limit);
      }),
    ]);
    clearTimeout(timer);
    tailer.stop();
    say(`suite finished with exit code ${code} in ${((Date.now() - t1) / 1000).toFixed(1)} s (page load included)`);
    if (code !== 0 && hostErrors.length && !debug) {
      say('errors the extension host reported:');
      for (const e of hostErrors) process.stdout.write(`  ${e.replace(/\s+at .*/s, '').slice(0, 400)}\n`);
    }
    if (code !== 0 && (!fs.readFileSync(logFile, 'utf8').trim() || debug)) {
      // The suite never reported: show what code-server said (extension host errors land there).
      process.stderr.write(server.output().split('\n').slice(-60).join('\n') + '\n');
    }
    return code;
  } finally {
    tailer.stop();
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

async function main(): Promise<void> {
  checkBuilt();
  const statsFile = process.env.SHIPSHAPE_TEST_STATS;
  if (statsFile) fs.rmSync(statsFile, { force: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-vscode-'));
  let code = 1;
  try {
    const workspace = copyExamples(tmp);
    const mode = process.env.SHIPSHAPE_VSCODE || 'code-server';
    code = mode === 'code-server' ? await runWithCodeServer(workspace, tmp) : await runWithTestElectron(mode, workspace, tmp);
  } catch (err) {
    say(`error: ${(err as Error)?.stack ?? err}`);
    code = 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (code !== 0 && !statsWritten()) writeStats({ passes: 0, failures: 1, pending: 0 });
  process.exit(code);
}

if (require.main === module) void main();
