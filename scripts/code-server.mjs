#!/usr/bin/env node
// Installs (once) and runs code-server 4.100.3 (VS Code 1.100.3), the VS Code that the
// extension-host suite, the UI test and `npm start` use on machines where the desktop
// VS Code cannot be downloaded. See /shared/TESTING.md for why each step below exists.
//
//   node scripts/code-server.mjs ensure        install if needed, print the executable path
//   node scripts/code-server.mjs path          print the executable path if installed (exit 1 if not)
//
// Exports: ensureCodeServer(), codeServerExecutable(), startCodeServer(opts), devUrl(opts),
// freePort(), CODE_SERVER_VERSION.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const APT_PACKAGES = ['libkrb5-dev', 'ripgrep'];

export function codeServerDir() {
  return path.resolve(
    process.env.SHIPSHAPE_CODE_SERVER_DIR ||
      path.join(os.homedir(), '.cache', 'shipshape', `code-server-${CODE_SERVER_VERSION}`),
  );
}

/** Path of the code-server launcher inside the cache folder (may not exist yet). */
export function codeServerExecutable(dir = codeServerDir()) {
  return path.join(dir, 'node_modules', '.bin', 'code-server');
}

function markerPath(dir) {
  return path.join(dir, '.shipshape-installed');
}

function isInstalled(dir) {
  try {
    const marker = fs.readFileSync(markerPath(dir), 'utf8').trim();
    return (
      marker === CODE_SERVER_VERSION &&
      fs.existsSync(codeServerExecutable(dir)) &&
      fs.existsSync(path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'out')) &&
      // its postinstall (which npm may skip) installs the VS Code server's own modules
      fs.existsSync(path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))
    );
  } catch {
    return false;
  }
}

const log = (msg) => process.stderr.write(`[code-server] ${msg}\n`);

function which(cmd) {
  for (const d of (process.env.PATH || '').split(path.delimiter)) {
    if (!d) continue;
    const p = path.join(d, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function ensureAptPackages() {
  if (!which('dpkg-query')) {
    log(`no dpkg here; make sure ${APT_PACKAGES.join(' ')} (kerberos headers, ripgrep) are installed`);
    return;
  }
  const missing = APT_PACKAGES.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    log(`not root: skipping apt-get; install these yourself if the build fails: ${missing.join(' ')}`);
    return;
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const opts = { env, stdio: ['ignore', 'inherit', 'inherit'] };
  try {
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], opts);
  } catch {
    run('apt-get', ['update'], opts);
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], opts);
  }
}

/** @vscode/ripgrep looks for this tarball before downloading; give it Debian's rg. */
function seedRipgrep(tmpDir) {
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const tarball = path.join(cacheDir, RIPGREP_TARBALL);
  if (fs.existsSync(tarball) && fs.statSync(tarball).size > 0) return;
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (rg) is not installed; it is needed to install code-server offline (apt-get install ripgrep)');
  fs.mkdirSync(cacheDir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(tmpDir, 'rg-stage-'));
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  const partial = `${tarball}.${process.pid}.partial`;
  run('tar', ['-czf', partial, '-C', stage, 'rg']);
  fs.renameSync(partial, tarball);
  fs.rmSync(stage, { recursive: true, force: true });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** A directory lock so two concurrent `ensure` calls don't both install. */
async function withLock(dir, fn) {
  const lock = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // Stale lock from a dead process?
      let pid = NaN;
      try {
        pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        /* being created */
      }
      let alive = true;
      if (pid > 0) {
        try {
          process.kill(pid, 0);
        } catch {
          alive = false;
        }
      }
      if (!alive) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Installs code-server into the cache folder if it isn't there; returns the executable path. */
export async function ensureCodeServer({ quiet = false } = {}) {
  const dir = codeServerDir();
  if (isInstalled(dir)) return codeServerExecutable(dir);
  return withLock(dir, async () => {
    if (isInstalled(dir)) return codeServerExecutable(dir);
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      log(`note: the offline ripgrep trick targets linux-x64; this is ${process.platform}-${process.arch}`);
    }
    const started = Date.now();
    ensureAptPackages();
    const tmpDir = process.env.TMPDIR || os.tmpdir();
    seedRipgrep(tmpDir);
    // Fresh install into a staging folder, renamed into place only when complete.
    const staging = `${dir}.staging-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    fs.writeFileSync(
      path.join(staging, 'package.json'),
      JSON.stringify({ name: 'shipshape-code-server', private: true, version: '0.0.0' }, null, 2),
    );
    const env = {
      ...process.env,
      TMPDIR: tmpDir,
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
    };
    if (!quiet) log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (about 70 s, 300 MB)`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    run(npm, ['install', '--no-save', '--no-package-lock', '--omit=dev', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: staging,
      env,
      stdio: ['ignore', quiet ? 'ignore' : process.stderr, 'inherit'],
    });
    const vscodeDir = path.join(staging, 'node_modules', 'code-server', 'lib', 'vscode');
    if (!fs.existsSync(path.join(vscodeDir, 'out'))) {
      throw new Error('code-server installed without its bundled VS Code (lib/vscode/out missing)');
    }
    if (!fs.existsSync(path.join(vscodeDir, 'node_modules'))) {
      throw new Error('code-server\'s postinstall did not run (lib/vscode/node_modules missing); are npm install scripts disabled?');
    }
    fs.writeFileSync(markerPath(staging), CODE_SERVER_VERSION + '\n');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    if (!quiet) log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
    return codeServerExecutable(dir);
  });
}

/** A free TCP port on host (or `preferred` if it is free). */
export async function freePort(preferred, host = '127.0.0.1') {
  const tryPort = (p) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(null));
      srv.listen(p, host, () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      });
    });
  if (preferred) {
    const p = await tryPort(preferred);
    if (p) return p;
  }
  const p = await tryPort(0);
  if (!p) throw new Error('no free port');
  return p;
}

function httpOk(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts code-server on `host:port` serving `folder`, resolves once /healthz answers.
 * The server runs in its own process group; stop() kills the whole group.
 * @param {{folder: string, port?: number, host?: string, extensionsDir?: string,
 *          userDataDir?: string, env?: object, stdio?: 'inherit'|'ignore'|'pipe',
 *          extraArgs?: string[], timeoutMs?: number}} opts
 */
export async function startCodeServer(opts) {
  const exe = await ensureCodeServer();
  const host = opts.host || '127.0.0.1';
  const port = opts.port || (await freePort(undefined, host));
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cs-'));
  const userDataDir = path.resolve(opts.userDataDir || path.join(base, 'user-data'));
  // The extensions dir must exist or the development extension silently never loads.
  const extensionsDir = path.resolve(opts.extensionsDir || path.join(base, 'extensions'));
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const configFile = path.join(base, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);
  // Quiet first-run UI (welcome page, trust prompts, chat) so tests and screenshots are stable.
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(
      settingsFile,
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'security.workspace.trust.enabled': false,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'extensions.ignoreRecommendations': true,
          'chat.commandCenter.enabled': false,
          'workbench.colorTheme': 'Default Dark Modern',
          'editor.minimap.enabled': false,
          ...(opts.settings || {}),
        },
        null,
        2,
      ),
    );
  }
  const args = [
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(opts.extraArgs || []),
  ];
  if (opts.folder) args.push(path.resolve(opts.folder));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(base, 'xdg-config'),
    XDG_DATA_HOME: path.join(base, 'xdg-data'),
    ...(opts.env || {}),
  };
  // Don't leak a parent extension host's variables into the server's extension host.
  for (const k of Object.keys(env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  }
  const child = spawn(exe, args, {
    env,
    detached: true,
    stdio: ['ignore', opts.stdio === 'inherit' ? 'inherit' : 'pipe', opts.stdio === 'inherit' ? 'inherit' : 'pipe'],
  });
  let output = '';
  const keep = (d) => {
    output = (output + d.toString()).slice(-20000);
    if (process.env.SHIPSHAPE_CODE_SERVER_LOG) process.stderr.write(d);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (exited === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 5000;
      while (exited === null && Date.now() < deadline) await sleep(100);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    if (!opts.keepDirs) fs.rmSync(base, { recursive: true, force: true });
  };

  const url = `http://${host}:${port}/`;
  const deadline = Date.now() + (opts.timeoutMs || 60_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited (${exited.code ?? exited.signal}) before answering:\n${output}`);
    }
    if (await httpOk(`${url}healthz`)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}healthz in time:\n${output}`);
    }
    await sleep(200);
  }
  return {
    url,
    port,
    host,
    process: child,
    userDataDir,
    extensionsDir,
    stop,
    output: () => output,
  };
}

/**
 * The workbench URL that opens `folder` and loads the extension at
 * `extensionDevelopmentPath` (and runs `extensionTestsPath`, when given), through the
 * `payload` query parameter that code-server's workbench reads.
 */
export function devUrl({ port, host = '127.0.0.1', folder, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = `${host}:${port}`;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p).split(path.sep).join('/')}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const params = new URLSearchParams();
  if (folder) params.set('folder', path.resolve(folder));
  if (payload.length) params.set('payload', JSON.stringify(payload));
  const q = params.toString();
  return `http://${authority}/${q ? `?${q}` : ''}`;
}

const isMain = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const cmd = process.argv[2] || 'ensure';
  try {
    if (cmd === 'ensure') {
      console.log(await ensureCodeServer());
    } else if (cmd === 'path') {
      const dir = codeServerDir();
      if (!isInstalled(dir)) {
        console.error(`code-server ${CODE_SERVER_VERSION} is not installed in ${dir}; run: node scripts/code-server.mjs ensure`);
        process.exit(1);
      }
      console.log(codeServerExecutable(dir));
    } else {
      console.error('usage: node scripts/code-server.mjs [ensure|path]');
      process.exit(2);
    }
  } catch (e) {
    console.error(`code-server: ${e.message}`);
    process.exit(1);
  }
}
