import assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copyFixtures, ensureBundle, removeDir, REPO_ROOT, runCli } from './helpers';

// out/cli.js loads the bundle with the V8 code cache the build writes. The cache must be one
// V8 accepts, and a cache it rejects (another Node version, a damaged file) or a missing one
// must change nothing but start-up time. Only the build writes it, never a user's run.

describe('cli: code cache', function () {
  this.timeout(60_000);
  let root: string;
  let copy: string;

  before(async () => {
    await ensureBundle();
    root = copyFixtures();
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-launch-'));
    for (const file of ['cli.js', 'cli-bundle.js']) fs.copyFileSync(path.join(REPO_ROOT, 'out', file), path.join(copy, file));
  });
  after(() => {
    removeDir(root);
    removeDir(copy);
  });

  const check = (cli: string) =>
    spawnSync(process.execPath, [cli, 'check', '--format', 'json', '.'], { cwd: root, encoding: 'utf8', timeout: 30_000 });

  it('the build leaves a cache that V8 accepts', () => {
    const probe = [
      "const vm = require('vm'), fs = require('fs'), Module = require('module');",
      `const source = fs.readFileSync(${JSON.stringify(path.join(REPO_ROOT, 'out', 'cli-bundle.js'))}, 'utf8');`,
      `const cachedData = fs.readFileSync(${JSON.stringify(path.join(REPO_ROOT, 'out', 'cli-bundle.cache'))});`,
      `const script = new vm.Script(Module.wrap(source), { filename: ${JSON.stringify(path.join(REPO_ROOT, 'out', 'cli-bundle.js'))}, cachedData });`,
      'process.stdout.write(String(script.cachedDataRejected));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    assert.strictEqual(result.stdout, 'false', result.stderr);
  });

  it('a missing or damaged cache gives the same output', () => {
    const expected = runCli(['check', '--format', 'json', '.'], { cwd: root });
    const withoutCache = check(path.join(copy, 'cli.js'));
    assert.strictEqual(withoutCache.stdout, expected.stdout);
    assert.strictEqual(withoutCache.status, expected.status);
    fs.writeFileSync(path.join(copy, 'cli-bundle.cache'), Buffer.from('not a V8 code cache'.repeat(100)));
    const damaged = check(path.join(copy, 'cli.js'));
    assert.strictEqual(damaged.stdout, expected.stdout);
    assert.strictEqual(damaged.status, expected.status);
  });

  it('a run writes no cache', () => {
    fs.rmSync(path.join(copy, 'cli-bundle.cache'), { force: true });
    check(path.join(copy, 'cli.js'));
    assert.deepStrictEqual(fs.readdirSync(copy).sort(), ['cli-bundle.js', 'cli.js']);
  });
});
