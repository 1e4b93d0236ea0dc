#!/usr/bin/env node
// `npm start` (after the build): open examples/ in a real VS Code with this extension loaded.
//
// - A desktop VS Code (`code` on PATH): `code --extensionDevelopmentPath=<repo> examples`.
// - Otherwise code-server 4.100.3 (installed once into ~/.cache/shipshape, see
//   scripts/code-server.mjs) on 127.0.0.1:$PORT (default 8080, or a free port if taken);
//   prints the URL that loads the extension, opens it with xdg-open when there is a display,
//   and runs until Ctrl+C.
//
// Env: PORT, SHIPSHAPE_START=code-server (skip the desktop `code` even if present),
//      SHIPSHAPE_NO_OPEN=1 (don't call xdg-open).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, startCodeServer, devUrl, freePort, CODE_SERVER_VERSION } from './code-server.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = path.join(REPO_ROOT, 'examples');

function which(cmd) {
  for (const d of (process.env.PATH || '').split(path.delimiter)) {
    if (!d) continue;
    const p = path.join(d, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* next */
    }
  }
  return null;
}

function checkBuilt() {
  if (!fs.existsSync(path.join(REPO_ROOT, 'out', 'extension.js'))) {
    console.error('out/extension.js is missing: run `npm run build` (npm start does it for you)');
    process.exit(1);
  }
  if (!fs.existsSync(EXAMPLES)) {
    console.error(`${EXAMPLES} is missing`);
    process.exit(1);
  }
}

function desktopCode() {
  if (process.env.SHIPSHAPE_START === 'code-server') return null;
  const code = which('code');
  if (!code) return null;
  // code-server installs itself as `code` in some images; that one has no desktop window.
  const r = spawnSync(code, ['--version'], { encoding: 'utf8', timeout: 15000 });
  if (r.status !== 0 || /code-server/i.test(`${r.stdout}${r.stderr}`)) return null;
  return code;
}

async function main() {
  checkBuilt();
  const code = desktopCode();
  if (code) {
    console.log(`Opening examples/ in VS Code with the extension from ${REPO_ROOT}`);
    const r = spawnSync(code, [`--extensionDevelopmentPath=${REPO_ROOT}`, EXAMPLES], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }

  console.log(`No desktop VS Code (\`code\`) on PATH: using code-server ${CODE_SERVER_VERSION} in your browser.`);
  await ensureCodeServer();
  const wanted = Number(process.env.PORT) || 8080;
  const port = await freePort(wanted);
  if (port !== wanted) console.log(`Port ${wanted} is taken; using ${port}.`);
  const state = path.join(os.homedir(), '.cache', 'shipshape', 'start');
  const server = await startCodeServer({
    folder: EXAMPLES,
    port,
    userDataDir: path.join(state, 'user-data'),
    extensionsDir: path.join(state, 'extensions'),
    stdio: process.env.SHIPSHAPE_CODE_SERVER_LOG ? 'inherit' : 'pipe',
  });
  const url = devUrl({ port: server.port, folder: EXAMPLES, extensionDevelopmentPath: REPO_ROOT });
  console.log('');
  console.log('  Shipshape is running in code-server. Open this URL (it loads the extension from this checkout):');
  console.log('');
  console.log(`  ${url}`);
  console.log('');
  console.log('  Edit examples/Dockerfile to see diagnostics; Ctrl+. for quick fixes. After rebuilding, reload the page.');
  console.log('  Press Ctrl+C to stop.');

  const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const opener = which('xdg-open');
  if (opener && hasDisplay && !process.env.SHIPSHAPE_NO_OPEN && !process.env.CI) {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  }

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
  server.process.on('exit', (codeOrNull, signal) => {
    if (stopping) return;
    console.error(`code-server exited (${codeOrNull ?? signal}):\n${server.output().split('\n').slice(-30).join('\n')}`);
    process.exit(1);
  });
}

main().catch((err) => {
  console.error(`npm start: ${err?.message ?? err}`);
  process.exit(1);
});
