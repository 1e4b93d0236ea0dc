import assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import { copyFileSync, existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { fixture, repoRoot, serverScript, tempFolder } from '../lsp/repo';

// A second, independent LSP client: Neovim's built-in one (Debian's 0.7.2). The Lua script
// drives it and records what it saw; this suite asserts on that record and on the saved file.

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
  code: string;
  href?: string;
}

interface NvimResult {
  ok: boolean;
  error?: string;
  steps: string[];
  got_diagnostics: boolean;
  incremental_sync: boolean;
  diagnostics: NvimDiagnostic[];
  hover?: string;
  actions: Array<{ title: string; kind: string; isPreferred: boolean }>;
  fix_cleared: boolean;
  diagnostics_after: NvimDiagnostic[];
}

function hasNvim(): boolean {
  return spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
}

function runNvim(script: string, env: Record<string, string>, cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${script}`], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // The script quits itself; this only guards against a hang (e.g. a missing server).
    const guard = setTimeout(() => child.kill('SIGKILL'), 45000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, output });
    });
  });
}

describe('Neovim LSP client', function () {
  this.timeout(60000);
  let result: NvimResult;
  let saved: string;
  const folder = tempFolder('shipshape-nvim-');

  before(async function () {
    if (!hasNvim()) {
      console.log('    Neovim suite skipped: `nvim` is not on PATH (apt-get install neovim)');
      this.skip();
    }
    const file = join(folder.dir, 'Dockerfile');
    copyFileSync(join(repoRoot(), 'test', 'fixtures', 'lsp', 'api.Dockerfile'), file);
    const resultPath = join(folder.dir, 'result.json');
    const run = await runNvim(
      join(repoRoot(), 'test', 'nvim', 'lsp-session.lua'),
      { SHIPSHAPE_SERVER: serverScript(), SHIPSHAPE_FILE: file, SHIPSHAPE_RESULT: resultPath },
      folder.dir,
    );
    assert.ok(existsSync(resultPath), `nvim wrote no result (exit ${run.code}): ${run.output.slice(-2000)}`);
    result = JSON.parse(readFileSync(resultPath, 'utf8'));
    saved = readFileSync(file, 'utf8');
  });
  after(() => folder.remove());

  it('runs the whole session without a Lua error', () => {
    assert.ok(result.ok, `failed after steps [${result.steps}]: ${result.error}`);
    assert.deepStrictEqual(result.steps, ['started', 'attached', 'hovered', 'asked for code actions', 'applied the fix', 'saved']);
  });

  it('receives Shipshape diagnostics with rule code, source and the token range', () => {
    assert.ok(result.got_diagnostics, 'no diagnostics arrived within 10 s');
    assert.ok(result.incremental_sync, 'Neovim saw incremental sync');
    const latest = result.diagnostics.find((d) => d.code === 'dockerfile/image-latest');
    assert.ok(latest, `codes: ${result.diagnostics.map((d) => d.code)}`);
    assert.strictEqual(latest.source, 'shipshape');
    assert.strictEqual(latest.lnum, 10);
    const line = fixture('api.Dockerfile').split('\n')[10];
    assert.strictEqual(line.slice(latest.col, latest.end_col), 'latest');
    assert.match(latest.message, /debian:latest/);
    const root = result.diagnostics.find((d) => d.code === 'dockerfile/user-missing');
    assert.ok(root);
    assert.match(root.message, /root/);
  });

  it('shows the rule documentation on hover', () => {
    assert.match(result.hover ?? '', /dockerfile\/user-missing/);
  });

  it('gets the user-missing fix (not preferred) and both suppressions as code actions', () => {
    const titles = result.actions.map((a) => a.title);
    const fix = result.actions.find((a) => a.title.startsWith('Run as a non-root user'));
    assert.ok(fix, `actions: ${titles}`);
    assert.strictEqual(fix.kind, 'quickfix');
    assert.strictEqual(fix.isPreferred, false);
    assert.ok(titles.includes('Suppress dockerfile/user-missing for this line'), `actions: ${titles}`);
    assert.ok(titles.includes('Suppress dockerfile/user-missing for this file'), `actions: ${titles}`);
  });

  it('applying the fix clears the diagnostic and the saved file runs as a non-root user', () => {
    assert.ok(result.fix_cleared, `still: ${result.diagnostics_after.map((d) => d.code)}`);
    // Exactly the user-missing finding went away, and the edit introduced none of its own:
    // every other finding of the fixture (image-latest, and whatever else the catalog reports
    // on it) is still there, once each.
    const codes = (diagnostics: NvimDiagnostic[]) => diagnostics.map((d) => d.code).sort();
    const expected = codes(result.diagnostics.filter((d) => d.code !== 'dockerfile/user-missing'));
    assert.ok(expected.includes('dockerfile/image-latest'), `before: ${expected}`);
    assert.deepStrictEqual(codes(result.diagnostics_after), expected);
    const lines = saved.split('\n');
    const user = lines.findIndex((l) => /^USER \S+/.test(l));
    const cmd = lines.findIndex((l) => l.startsWith('CMD'));
    assert.ok(user > 10 && user < cmd, `USER must land in the final stage, before CMD:\n${saved}`);
  });
});
