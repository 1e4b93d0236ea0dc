import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type * as Sarif from 'sarif';
import { copyFixtures, ensureBundle, removeDir, runCli, SARIF_SCHEMA } from './helpers';

// The three output formats. JSON and SARIF are public contracts (CI bots and code-scanning
// dashboards parse them), so their shapes are pinned here field by field.

describe('cli: output formats', function () {
  this.timeout(60_000);
  let root: string;

  before(async () => {
    await ensureBundle();
    root = copyFixtures();
  });
  after(() => removeDir(root));

  describe('json', () => {
    it('has the documented shape with LSP ranges and cwd-relative paths', () => {
      const result = runCli(['check', 'basic', 'config-off', '--format', 'json'], { cwd: root });
      const report = JSON.parse(result.stdout);
      assert.deepStrictEqual(Object.keys(report).sort(), ['files', 'version']);
      assert.strictEqual(report.version, 1);
      const dockerfile = report.files.find((f: { path: string }) => f.path === 'basic/Dockerfile');
      assert.ok(dockerfile, JSON.stringify(report.files.map((f: { path: string }) => f.path)));
      assert.strictEqual(dockerfile.kind, 'dockerfile');
      const latest = dockerfile.findings.find((f: { rule: string }) => f.rule === 'dockerfile/image-latest');
      // `FROM node:latest`: the tag `latest` is on line 0 (0-based), columns 10..16.
      assert.deepStrictEqual(latest.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } });
      assert.strictEqual(latest.severity, 'warning');
      assert.strictEqual(typeof latest.message, 'string');
      for (const file of report.files) {
        assert.deepStrictEqual(Object.keys(file).sort(), ['findings', 'kind', 'path']);
        assert.ok(!path.isAbsolute(file.path));
        for (const finding of file.findings) {
          const keys = Object.keys(finding).filter((key) => key !== 'fix');
          assert.deepStrictEqual(keys.sort(), ['message', 'range', 'rule', 'severity']);
          if (finding.fix) {
            assert.strictEqual(typeof finding.fix.title, 'string');
            assert.strictEqual(typeof finding.fix.safe, 'boolean');
            assert.ok(Array.isArray(finding.fix.edits));
          }
        }
      }
    });
  });

  describe('sarif', () => {
    let validate: ReturnType<Ajv['compile']>;
    before(() => {
      const ajv = new Ajv({ allErrors: true });
      addFormats(ajv);
      validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
    });

    const sarifOf = (args: string[], input?: string): Sarif.Log => {
      const result = runCli([...args, '--format', 'sarif'], { cwd: root, input });
      assert.ok(result.status === 0 || result.status === 1, result.stderr);
      return JSON.parse(result.stdout) as Sarif.Log;
    };

    const assertValid = (log: Sarif.Log) => {
      const ok = validate(log);
      assert.ok(ok, JSON.stringify(validate.errors, null, 2));
    };

    it('validates against the official SARIF 2.1.0 schema', () => {
      assertValid(sarifOf(['check', '.']));
    });

    it('validates with no results, with stdin, and with config problems', () => {
      assertValid(sarifOf(['check', 'clean']));
      assertValid(sarifOf(['check', '-'], 'FROM alpine:latest\n'));
      assertValid(sarifOf(['check', 'bad-config']));
    });

    it('carries rule metadata, help URIs and consistent rule indexes', () => {
      const log = sarifOf(['check', 'basic', 'bad-config']);
      assert.strictEqual(log.version, '2.1.0');
      assert.strictEqual(log.runs.length, 1);
      const run = log.runs[0];
      const driver = run.tool.driver;
      assert.strictEqual(driver.name, 'shipshape');
      const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
      assert.strictEqual(driver.version, pkg.version);
      assert.ok(driver.informationUri);
      assert.strictEqual(run.columnKind, 'utf16CodeUnits');

      const latest = driver.rules!.find((rule) => rule.id === 'dockerfile/image-latest')!;
      assert.ok(latest, 'every rule that reported is described');
      assert.strictEqual(latest.helpUri, 'https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/dockerfile/image-latest.md');
      assert.ok(latest.shortDescription?.text);
      assert.ok(latest.fullDescription?.text);
      assert.ok(latest.help?.text && latest.help.markdown);
      assert.strictEqual(latest.defaultConfiguration?.level, 'warning');
      assert.ok((latest.properties?.aliases as string[]).includes('hadolint:DL3007'));
      assert.strictEqual(latest.properties?.tier, 1);
      assert.ok(Array.isArray(latest.properties?.tags));
      assert.ok(latest.properties?.precision);
      assert.ok(driver.rules!.some((rule) => rule.id === 'shipshape/config'), 'engine ids are described too');

      for (const result of run.results!) {
        assert.strictEqual(driver.rules![result.ruleIndex!].id, result.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(result.level!));
        const location = result.locations![0].physicalLocation!;
        assert.strictEqual(location.artifactLocation!.uriBaseId, '%SRCROOT%');
        assert.ok(!location.artifactLocation!.uri!.startsWith('/'));
        assert.ok(location.region!.startLine! >= 1 && location.region!.startColumn! >= 1);
      }
      const latestResult = run.results!.find((result) => result.ruleId === 'dockerfile/image-latest')!;
      assert.strictEqual(latestResult.locations![0].physicalLocation!.artifactLocation!.uri, 'basic/Dockerfile');
      // LSP 0:10-0:16 → SARIF line 1, columns 11..17 (endColumn is one past the last character).
      assert.deepStrictEqual(latestResult.locations![0].physicalLocation!.region, { startLine: 1, startColumn: 11, endLine: 1, endColumn: 17 });
    });

    it('describes fixes as artifact changes', () => {
      const log = sarifOf(['check', 'basic']);
      const withFix = log.runs[0].results!.find((result) => result.fixes?.length);
      if (!withFix) return; // no rule with a fix reported on this fixture yet
      const change = withFix.fixes![0].artifactChanges[0];
      assert.strictEqual(change.artifactLocation.uri, 'basic/Dockerfile');
      assert.ok(change.replacements.length >= 1);
      assert.ok(change.replacements[0].deletedRegion.startLine! >= 1);
    });
  });

  describe('text', () => {
    it('prints path:line:col: severity rule message, and a summary', () => {
      const result = runCli(['check', 'basic'], { cwd: root });
      const lines = result.stdout.trimEnd().split('\n');
      assert.ok(lines.some((line) => /^basic\/Dockerfile:1:11: warning dockerfile\/image-latest \S/.test(line)), result.stdout);
      assert.match(lines[lines.length - 1], /problems? \(0 errors, \d+ warnings?, \d+ info\)/);
    });

    it('uses no colour when not on a terminal, or with NO_COLOR', () => {
      assert.ok(!runCli(['check', 'basic'], { cwd: root }).stdout.includes('\u001b['));
      assert.ok(!runCli(['check', 'basic'], { cwd: root, env: { NO_COLOR: '1' } }).stdout.includes('\u001b['));
    });

    it('uses colour when forced', () => {
      assert.ok(runCli(['check', 'basic'], { cwd: root, env: { FORCE_COLOR: '1' } }).stdout.includes('\u001b['));
    });

    it('says so when there is nothing to check', () => {
      const empty = path.join(root, 'empty');
      fs.mkdirSync(empty);
      const result = runCli(['check'], { cwd: empty });
      assert.strictEqual(result.status, 0);
      assert.match(result.stdout, /No files to check/);
    });
  });
});
