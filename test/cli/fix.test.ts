import assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { copyFixtures, ensureBundle, removeDir, runCli } from './helpers';

// --fix and --fix-unsafe on a private copy of the fixtures: files are written only when a fix
// changed them, what remains is reported, and stdin gets its fixed text on stdout.

describe('cli: --fix', function () {
  this.timeout(60_000);
  let root: string;

  before(async () => {
    await ensureBundle();
    root = copyFixtures();
  });
  after(() => removeDir(root));

  it('--fix leaves a file alone when no safe fix applies', () => {
    const file = path.join(root, 'basic', 'Dockerfile');
    const before = fs.readFileSync(file, 'utf8');
    const mtime = fs.statSync(file).mtimeMs;
    const result = runCli(['check', '--fix'], { cwd: path.join(root, 'basic') });
    assert.strictEqual(result.status, 1);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), before);
    // The user-missing fix changes behaviour: it is not applied without --fix-unsafe.
    assert.ok(!fs.readFileSync(file, 'utf8').includes('USER'));
    assert.strictEqual(fs.statSync(file).mtimeMs, mtime, 'not rewritten');
  });

  it('--fix-unsafe applies the USER fix, writes the file and reports what remains', () => {
    const dir = path.join(root, 'basic');
    const file = path.join(dir, 'Dockerfile');
    const result = runCli(['check', '--fix-unsafe', '--format', 'json'], { cwd: dir });
    const fixed = fs.readFileSync(file, 'utf8');
    assert.match(fixed, /^USER \S+$/m);
    assert.ok(fixed.indexOf('USER') < fixed.indexOf('CMD'), 'USER goes before CMD');
    const report = JSON.parse(result.stdout);
    const rules = report.files[0].findings.map((f: { rule: string }) => f.rule);
    assert.ok(!rules.includes('dockerfile/user-missing'), rules.join());
    assert.ok(rules.includes('dockerfile/image-latest'), 'no automatic fix for latest: it remains');
    assert.strictEqual(result.status, 1);
    // Running again finds nothing more to fix.
    runCli(['check', '--fix-unsafe'], { cwd: dir });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), fixed);
  });

  it('with stdin, prints the fixed text to stdout and the report to stderr', () => {
    const input = 'FROM alpine:latest\nCMD ["sh"]\n';
    const result = runCli(['check', '-', '--fix-unsafe'], { cwd: root, input });
    assert.match(result.stdout, /^FROM alpine:latest\n/);
    assert.match(result.stdout, /^USER \S+$/m);
    assert.match(result.stderr, /<stdin>:1:\d+: warning dockerfile\/image-latest/);
    assert.strictEqual(result.status, 1);
  });

  it('with stdin and nothing to fix, echoes the input unchanged', () => {
    const input = 'FROM alpine:3.20\nUSER nobody\nCMD ["sh"]\n';
    const result = runCli(['check', '-', '--fix', '--kind', 'dockerfile'], { cwd: root, input });
    assert.strictEqual(result.stdout, input);
  });
});
