import assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { copyFixtures, ensureBundle, removeDir, rulesIn, runCli, runJson } from './helpers';

// `shipshape check` end to end over the bundled CLI: discovery, config, pragmas, exit codes.
// Assertions name the Dockerfile rules that exist today and tolerate other rules landing.

describe('cli: check', function () {
  this.timeout(60_000);
  let root: string;

  before(async () => {
    await ensureBundle();
    root = copyFixtures();
  });
  after(() => removeDir(root));

  it('reports a latest tag and a missing USER, and exits 1', () => {
    const { status, report } = runJson(['check', 'Dockerfile'], path.join(root, 'basic'));
    assert.strictEqual(status, 1);
    const rules = rulesIn(report, 'Dockerfile');
    assert.ok(rules.includes('dockerfile/image-latest'), rules.join());
    assert.ok(rules.includes('dockerfile/user-missing'), rules.join());
  });

  it('exits 0 when nothing reaches warning', () => {
    const result = runCli(['check'], { cwd: path.join(root, 'clean') });
    assert.strictEqual(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /No problems found/);
    assert.strictEqual(result.stderr, '');
  });

  it('defaults to the current folder', () => {
    const { report } = runJson(['check'], path.join(root, 'basic'));
    assert.deepStrictEqual(report.files.map((f) => f.path), ['Dockerfile']);
  });

  it('honours a .shipshape.yaml that turns a rule off, and checks that config file', () => {
    const { status, report } = runJson(['check'], path.join(root, 'config-off'));
    const rules = rulesIn(report, 'Dockerfile');
    assert.ok(!rules.includes('dockerfile/user-missing'), rules.join());
    assert.ok(rules.includes('dockerfile/image-latest'));
    assert.strictEqual(status, 1);
    const config = report.files.find((f) => f.path === '.shipshape.yaml');
    assert.ok(config, 'the governing config is reported as a checked file');
    assert.strictEqual(config.kind, 'config');
    assert.deepStrictEqual(config.findings, []);
  });

  it('honours `ignored` in .hadolint.yaml through aliases', () => {
    const { status, report } = runJson(['check'], path.join(root, 'hadolint-ignored'));
    assert.ok(!rulesIn(report, 'Dockerfile').includes('dockerfile/image-latest'));
    assert.strictEqual(status, 0);
  });

  it('honours hadolint failure-threshold: warnings are shown but do not fail', () => {
    const result = runCli(['check'], { cwd: path.join(root, 'hadolint-threshold') });
    assert.match(result.stdout, /warning dockerfile\/image-latest/);
    assert.strictEqual(result.status, 0);
  });

  it('--max-warnings fails on too many warnings even below the threshold', () => {
    const cwd = path.join(root, 'hadolint-threshold');
    assert.strictEqual(runCli(['check', '--max-warnings', '0'], { cwd }).status, 1);
    assert.strictEqual(runCli(['check', '--max-warnings', '50'], { cwd }).status, 0);
  });

  it('honours `# hadolint ignore=DL3007` above the FROM', () => {
    const { status, report } = runJson(['check'], path.join(root, 'pragma'));
    assert.ok(!rulesIn(report, 'Dockerfile').includes('dockerfile/image-latest'));
    assert.strictEqual(status, 0);
  });

  it('reports a broken found config as findings in the config file (exit 1)', () => {
    const { status, report, stderr } = runJson(['check'], path.join(root, 'bad-config'));
    assert.strictEqual(status, 1);
    assert.strictEqual(stderr, '');
    const config = report.files.find((f) => f.path === '.shipshape.yaml');
    assert.ok(config?.findings.length);
    assert.ok(config.findings.every((f) => f.rule === 'shipshape/config'));
    assert.ok(config.findings.some((f) => f.severity === 'error'));
  });

  it('walks folders: recognises files by name and content, skips node_modules, .git and ignored globs', () => {
    const walk = path.join(root, 'walk');
    for (const skipped of ['node_modules/pkg', '.git']) {
      fs.mkdirSync(path.join(walk, skipped), { recursive: true });
      fs.writeFileSync(path.join(walk, skipped, 'Dockerfile'), 'FROM node:latest\n');
    }
    const { report } = runJson(['check'], root);
    const paths = report.files.map((f) => f.path);
    assert.ok(paths.includes('walk/services/api/Dockerfile'), paths.join());
    assert.ok(paths.includes('walk/build/Img'), 'a nameless Dockerfile is recognised by its FROM');
    assert.ok(!paths.some((p) => p.includes('node_modules') || p.includes('.git/')), paths.join());
    assert.ok(!paths.includes('walk/vendor/Dockerfile'), 'vendor/** is ignored by walk/.shipshape.yaml');
    assert.ok(!paths.includes('walk/docs/notes.md'));
    assert.strictEqual(report.files.find((f) => f.path === 'walk/build/Img')?.kind, 'dockerfile');
    // Compose and nginx files are recognised; their rules may or may not have landed yet.
    assert.strictEqual(report.files.find((f) => f.path === 'walk/compose.yaml')?.kind, 'compose');
    assert.strictEqual(report.files.find((f) => f.path === 'walk/nginx.conf')?.kind, 'nginx');
  });

  it('--kind limits a folder walk to that kind and forces it on named files', () => {
    const { report } = runJson(['check', 'walk', '--kind', 'dockerfile'], root);
    // The governing .shipshape.yaml is still checked (kind "config"); every other file is a Dockerfile.
    const checked = report.files.filter((f) => f.kind !== 'config');
    assert.ok(checked.length > 0);
    assert.ok(checked.every((f) => f.kind === 'dockerfile'), JSON.stringify(report.files.map((f) => [f.path, f.kind])));
    const forced = runJson(['check', 'walk/docs/notes.md', '--kind', 'dockerfile'], root);
    assert.strictEqual(forced.report.files[0].kind, 'dockerfile');
  });

  it('reads standard input with `-`', () => {
    const result = runCli(['check', '-', '--format', 'json'], { cwd: root, input: 'FROM alpine:latest\nCMD ["sh"]\n' });
    const report = JSON.parse(result.stdout);
    assert.strictEqual(report.files[0].path, '<stdin>');
    assert.ok(report.files[0].findings.some((f: { rule: string }) => f.rule === 'dockerfile/image-latest'));
    assert.strictEqual(result.status, 1);
  });

  it('stdin with unrecognisable content needs --kind: exit 2, one line', () => {
    const result = runCli(['check', '-'], { cwd: root, input: 'hello: world\n' });
    assert.strictEqual(result.status, 2);
    assert.strictEqual(result.stdout, '');
    assert.strictEqual(result.stderr.trimEnd().split('\n').length, 1);
    assert.match(result.stderr, /<stdin>/);
    assert.match(result.stderr, /--kind/);
  });

  it('--config forces one config for every file', () => {
    const { report } = runJson(['check', 'basic', '--config', 'config-off/.shipshape.yaml'], root);
    assert.ok(!rulesIn(report, 'basic/Dockerfile').includes('dockerfile/user-missing'));
    assert.ok(rulesIn(report, 'basic/Dockerfile').includes('dockerfile/image-latest'));
  });

  it('--config accepts a hadolint config', () => {
    const { report } = runJson(['check', 'basic', '--config', 'hadolint-ignored/.hadolint.yaml'], root);
    assert.ok(!rulesIn(report, 'basic/Dockerfile').includes('dockerfile/image-latest'));
  });

  it('an invalid --config is a usage error naming the file', () => {
    const result = runCli(['check', 'basic', '--config', 'bad-config/.shipshape.yaml'], { cwd: root });
    assert.strictEqual(result.status, 2);
    assert.strictEqual(result.stdout, '');
    assert.strictEqual(result.stderr.trimEnd().split('\n').length, 1);
    assert.match(result.stderr, /bad-config\/\.shipshape\.yaml:\d+:\d+: invalid configuration/);
  });

  it('a missing --config is an I/O error naming the file', () => {
    const result = runCli(['check', 'basic', '--config', 'nowhere.yaml'], { cwd: root });
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /^shipshape: nowhere\.yaml: no such file or directory\n$/);
  });

  it('a missing path is an I/O error naming it', () => {
    const result = runCli(['check', 'basic', 'missing/Dockerfile'], { cwd: root });
    assert.strictEqual(result.status, 2);
    assert.strictEqual(result.stdout, '');
    assert.match(result.stderr, /^shipshape: missing\/Dockerfile: no such file or directory\n$/);
  });

  it('a named file of unknown kind is a usage error suggesting --kind', () => {
    const result = runCli(['check', 'walk/docs/notes.md'], { cwd: root });
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /^shipshape: walk\/docs\/notes\.md: .*--kind/);
  });

  it('a file that cannot be read is an I/O error naming it', function () {
    const link = path.join(root, 'dangling.Dockerfile');
    fs.symlinkSync(path.join(root, 'does-not-exist'), link);
    try {
      const result = runCli(['check', 'dangling.Dockerfile'], { cwd: root });
      assert.strictEqual(result.status, 2);
      assert.match(result.stderr, /^shipshape: dangling\.Dockerfile: /);
      assert.strictEqual(result.stderr.trimEnd().split('\n').length, 1);
    } finally {
      fs.unlinkSync(link);
    }
  });

  it('a Dockerfile that does not parse is a finding, not a crash', () => {
    const dir = path.join(root, 'garbage');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'Dockerfile'), '\u0000\u0001 FROM\n\\\n"unterminated\nRUN\n');
    const result = runCli(['check', '--format', 'json'], { cwd: dir });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    assert.doesNotThrow(() => JSON.parse(result.stdout));
  });
});
