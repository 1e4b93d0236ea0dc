import assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { copyFixtures, ensureBundle, removeDir, REPO_ROOT, runCli } from './helpers';

// Everything that is not `check`: `rules`, --help, --version, and every way to call the CLI
// wrongly (exit 2 with exactly one line on stderr).

describe('cli: commands and usage', function () {
  this.timeout(60_000);
  let root: string;

  before(async () => {
    await ensureBundle();
    root = copyFixtures();
  });
  after(() => removeDir(root));

  it('rules --format json lists every id with aliases, including the engine ids', () => {
    const result = runCli(['rules', '--format', 'json'], { cwd: root });
    assert.strictEqual(result.status, 0);
    const rules = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    for (const rule of rules) {
      assert.deepStrictEqual(Object.keys(rule).sort(), ['aliases', 'fixable', 'id', 'kind', 'severity', 'tier', 'title']);
      assert.ok(Array.isArray(rule.aliases));
    }
    const latest = rules.find((rule) => rule.id === 'dockerfile/image-latest');
    assert.ok((latest?.aliases as string[]).includes('hadolint:DL3007'));
    assert.strictEqual(latest?.kind, 'dockerfile');
    const config = rules.find((rule) => rule.id === 'shipshape/config');
    assert.strictEqual(config?.kind, 'shipshape');
    assert.ok(rules.some((rule) => rule.id === 'shipshape/unused-suppression'));
  });

  it('rules prints a table', () => {
    const result = runCli(['rules'], { cwd: root });
    assert.strictEqual(result.status, 0);
    assert.match(result.stdout, /^ID\s+SEVERITY\s+TIER\s+FIX\s+TITLE/);
    assert.match(result.stdout, /dockerfile\/user-missing\s+warning\s+1/);
  });

  it('--help prints usage and exits 0', () => {
    for (const args of [['--help'], ['check', '--help']]) {
      const result = runCli(args, { cwd: root });
      assert.strictEqual(result.status, 0);
      assert.match(result.stdout, /shipshape check \[paths/);
    }
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const result = runCli(['--version'], { cwd: root });
    assert.strictEqual(result.status, 0);
    assert.strictEqual(result.stdout.trim(), pkg.version);
  });

  const usageErrors: Array<[string, string[], RegExp]> = [
    ['no command', [], /missing command/],
    ['an unknown command', ['lint'], /unknown command `lint`/],
    ['an unknown option', ['check', '--frobnicate'], /unknown option `--frobnicate`/],
    ['an unknown format', ['check', '--format', 'xml'], /--format `xml`/],
    ['an unknown kind', ['check', '--kind', 'helm'], /--kind `helm`/],
    ['a bad --max-warnings', ['check', '--max-warnings', 'many'], /--max-warnings/],
    ['a missing option value', ['check', '--format'], /format/],
    ['rules with a sarif format', ['rules', '--format', 'sarif'], /--format `sarif`/],
    ['scan-image without an image', ['scan-image'], /scan-image needs an IMAGE/],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`exits 2 with one line on stderr for ${what}`, () => {
      const result = runCli(args, { cwd: path.join(root, 'basic') });
      assert.strictEqual(result.status, 2, result.stdout + result.stderr);
      assert.strictEqual(result.stdout, '');
      assert.match(result.stderr, /^shipshape: [^\n]+\n$/);
      assert.match(result.stderr, message);
    });
  }

  it('bin/shipshape runs the bundle', () => {
    const { spawnSync } = require('child_process') as typeof import('child_process');
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'shipshape'), 'check', 'Dockerfile'], {
      cwd: path.join(root, 'basic'),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.strictEqual(result.status, 1, result.stderr);
    assert.match(result.stdout, /dockerfile\/image-latest/);
  });
});
