import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as Sarif from 'sarif';
import { runTrivy, TrivyError } from '../../server/trivy/runner';
import { buildReport } from '../fixtures/trivy/build-report';
import { ensureBundle, REPO_ROOT, removeDir, runCli, SARIF_SCHEMA } from './helpers';

// `shipshape scan-image` against the stand-in trivy (test/fixtures/trivy/trivy), which speaks
// Trivy's JSON schema, error texts and exit codes and records the arguments it was given.

const TRIVY_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'trivy');
const STAND_IN = path.join(TRIVY_FIXTURES, 'trivy');

describe('shipshape scan-image', function () {
  this.timeout(30_000);
  let dir: string;
  let log: string;

  before(ensureBundle);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-scan-'));
    fs.copyFileSync(path.join(TRIVY_FIXTURES, 'shop-web.Dockerfile'), path.join(dir, 'Dockerfile'));
    log = path.join(dir, 'trivy-args.log');
  });
  afterEach(() => removeDir(dir));

  const scan = (args: string[], env: Record<string, string> = {}) =>
    runCli(['scan-image', ...args, '--trivy', STAND_IN], { cwd: dir, env: { SHIPSHAPE_TRIVY_LOG: log, ...env } });
  const recordedArgs = (): string[] => JSON.parse(fs.readFileSync(log, 'utf8').trim().split('\n').pop()!).argv;

  it('maps every vulnerability to the instruction that introduced it (JSON)', () => {
    const result = scan(['shop/web:dev', '--format', 'json']);
    assert.strictEqual(result.status, 1, result.stderr);
    const findings = JSON.parse(result.stdout).files[0].findings as Array<{ rule: string; range: { start: { line: number } }; data: Record<string, string> }>;
    const placed = findings.map((f) => [f.rule, f.data.vulnerabilityId ?? f.data.secretRule, f.range.start.line, f.data.layer]);
    assert.deepStrictEqual(placed, [
      ['image/vulnerability', 'CVE-2024-0001', 5, 'base'],
      ['image/vulnerability', 'CVE-2024-0002', 6, 'instruction'],
      ['image/vulnerability', 'CVE-2024-0003', 6, 'instruction'],
      ['image/vulnerability', 'CVE-2024-0004', 10, 'instruction'],
      ['image/secret', 'aws-access-key-id', 10, 'instruction'],
    ]);
    assert.strictEqual(findings[1].data.fixedVersion, '7.88.1-10+deb12u5');
  });

  it('emits SARIF located on Dockerfile lines that validates against the 2.1.0 schema', () => {
    const result = scan(['shop/web:dev', '--format', 'sarif']);
    const sarif = JSON.parse(result.stdout) as Sarif.Log;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const first = sarif.runs[0].results![1];
    assert.strictEqual(first.locations![0].physicalLocation!.artifactLocation!.uri, 'Dockerfile');
    assert.strictEqual(first.locations![0].physicalLocation!.region!.startLine, 7);
    assert.strictEqual(first.properties!.vulnerabilityId, 'CVE-2024-0002');
  });

  it('maps an existing report with --trivy-report without running Trivy', () => {
    const reportPath = path.join(dir, 'report.json');
    const spec = JSON.parse(fs.readFileSync(path.join(TRIVY_FIXTURES, 'scenarios', 'shop_web_dev.json'), 'utf8'));
    fs.writeFileSync(reportPath, JSON.stringify(buildReport(spec)));
    const result = runCli(['scan-image', '--trivy-report', 'report.json', '--format', 'json', '--trivy', '/nonexistent/trivy'], { cwd: dir });
    assert.strictEqual(result.status, 1, result.stderr);
    assert.strictEqual(JSON.parse(result.stdout).files[0].findings.length, 5);
  });

  it('passes filters, .trivyignore and offline mode to Trivy, and runs it outside the workspace', () => {
    fs.writeFileSync(path.join(dir, '.trivyignore'), '# accepted risk\nCVE-2024-0002 exp:2027-01-01\n');
    const result = scan(['shop/web:dev', '--severity', 'critical,high', '--ignore-unfixed', '--offline', '--db-repository', 'mirror.example/trivy-db', '--format', 'json']);
    const args = recordedArgs();
    assert.deepStrictEqual(args.slice(0, 3), ['image', '--format', 'json']);
    assert.ok(args.includes('--skip-db-update'));
    assert.strictEqual(args[args.indexOf('--severity') + 1], 'CRITICAL,HIGH');
    assert.ok(args.includes('--ignore-unfixed'));
    assert.strictEqual(args[args.indexOf('--ignorefile') + 1], path.join(dir, '.trivyignore'));
    assert.strictEqual(args[args.indexOf('--db-repository') + 1], 'mirror.example/trivy-db');
    assert.strictEqual(args[args.length - 1], 'shop/web:dev');
    const cwd = JSON.parse(fs.readFileSync(log, 'utf8').trim()).cwd as string;
    assert.ok(!cwd.startsWith(dir), 'Trivy must not run in the workspace (it would load its trivy.yaml)');
    const ids = JSON.parse(result.stdout).files[0].findings.map((f: { data: { vulnerabilityId?: string } }) => f.data.vulnerabilityId).filter(Boolean);
    assert.deepStrictEqual(ids, ['CVE-2024-0001', 'CVE-2024-0004'], 'ignored, unfixed and medium findings are gone');
  });

  const failures: Array<[string, RegExp, Record<string, string>?]> = [
    ['error/not-found:1', /not available locally\. Build it first/],
    ['error/db:1', /could not download its vulnerability database.*mirror.*offline mode/],
    ['error/old:1', /too old.*--skip-version-check.*Upgrade/],
    ['error/notjson:1', /not JSON.*--format json/],
    ['shop/web:dev', /Offline mode needs a cached vulnerability database/, { SHIPSHAPE_TRIVY_FIRST_RUN: '1' }],
  ];
  for (const [image, message, env] of failures) {
    it(`explains ${image}${env ? ' on a first offline run' : ''} in one line, exit 2`, () => {
      const result = scan([image, ...(env ? ['--offline'] : [])], env);
      assert.strictEqual(result.status, 2);
      assert.strictEqual(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, message);
    });
  }

  it('says how to get Trivy when it is missing, and never downloads it', () => {
    const result = runCli(['scan-image', 'shop/web:dev', '--trivy', path.join(dir, 'no-trivy-here')], { cwd: dir });
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /Trivy was not found.*never downloads/);
  });

  it('asks the local docker for the base image layers and maps with them', () => {
    const dockerLog = path.join(dir, 'docker-args.log');
    const result = scan(['shop/web:dev', '--format', 'json'], { SHIPSHAPE_DOCKER: path.join(TRIVY_FIXTURES, 'docker'), SHIPSHAPE_DOCKER_LOG: dockerLog });
    const inspected = fs.readFileSync(dockerLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l).argv.at(-1));
    assert.deepStrictEqual(inspected, ['shop/web:dev', 'debian:bookworm']);
    const lines = JSON.parse(result.stdout).files[0].findings.map((f: { range: { start: { line: number } } }) => f.range.start.line);
    assert.deepStrictEqual(lines, [5, 6, 6, 10, 10]);
  });

  it('needs a Dockerfile to place findings on', () => {
    fs.rmSync(path.join(dir, 'Dockerfile'));
    const result = scan(['shop/web:dev']);
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /Dockerfile.*--dockerfile PATH/);
  });
});

describe('Trivy runner', function () {
  this.timeout(20_000);

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('cancels a hanging scan and kills the process', async () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-runner-')), 'args.log');
    const controller = new AbortController();
    const phases: string[] = [];
    const scan = runTrivy({ trivyPath: STAND_IN, image: 'error/hang:1', signal: controller.signal, env: { SHIPSHAPE_TRIVY_LOG: log }, onPhase: (p) => phases.push(p) });
    while (!fs.existsSync(log)) await new Promise((r) => setTimeout(r, 50));
    const pid = JSON.parse(fs.readFileSync(log, 'utf8')).pid as number;
    assert.ok(alive(pid));
    controller.abort();
    await assert.rejects(scan, (e: TrivyError) => e.kind === 'cancelled');
    for (let i = 0; i < 20 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(!alive(pid), 'the trivy process must be gone after cancel');
    assert.deepStrictEqual(phases.slice(0, 1), ['starting']);
  });

  it('gives up after the timeout and kills the process', async () => {
    const started = Date.now();
    await assert.rejects(
      runTrivy({ trivyPath: STAND_IN, image: 'error/hang:1', timeoutMs: 500 }),
      (e: TrivyError) => e.kind === 'timeout' && /did not finish/.test(e.message),
    );
    assert.ok(Date.now() - started < 10_000);
  });

  it('reports the download phase when Trivy fetches its database', async () => {
    const phases: string[] = [];
    await runTrivy({ trivyPath: STAND_IN, image: 'shop/web:dev', env: { SHIPSHAPE_TRIVY_FIRST_RUN: '1' }, onPhase: (p) => phases.push(p) });
    assert.deepStrictEqual(phases, ['starting', 'downloading-db', 'scanning']);
  });
});
