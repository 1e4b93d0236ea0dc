import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Shared plumbing for the CLI tests: build the bundle the way users run it, copy the
// fixtures somewhere no `.shipshape.yaml` of this checkout can govern them, spawn, parse.

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI_BUNDLE = path.join(REPO_ROOT, 'out', 'cli.js');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');
export const SARIF_SCHEMA = path.join(REPO_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');

/**
 * Builds the CLI with the project's build script when it is missing or older than the
 * sources, so the tests exercise what users run (launcher, bundle and code cache), not the
 * tsc output, without a separate build step.
 */
export async function ensureBundle(): Promise<void> {
  const bundle = path.join(REPO_ROOT, 'out', 'cli-bundle.js');
  if (fs.existsSync(CLI_BUNDLE) && fs.existsSync(bundle) && !sourcesNewerThan(fs.statSync(bundle).mtimeMs)) return;
  const built = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
}

function sourcesNewerThan(mtimeMs: number): boolean {
  const newer = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return newer(full);
      return entry.name.endsWith('.ts') && fs.statSync(full).mtimeMs > mtimeMs;
    });
  return ['server', 'rules'].some((dir) => fs.existsSync(path.join(REPO_ROOT, dir)) && newer(path.join(REPO_ROOT, dir)));
}

/** A private copy of test/fixtures/cli, so --fix can write and no ancestor config applies. */
export function copyFixtures(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cli-'));
  fs.cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd: string; input?: string; env?: Record<string, string | undefined> }): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface JsonReport {
  version: number;
  files: Array<{
    path: string;
    kind: string;
    findings: Array<{
      rule: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
      fix?: { title: string; safe: boolean; edits: unknown[] };
    }>;
  }>;
}

export function runJson(args: string[], cwd: string): { status: number | null; report: JsonReport; stderr: string } {
  const result = runCli([...args, '--format', 'json'], { cwd });
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

export function rulesIn(report: JsonReport, filePath: string): string[] {
  const file = report.files.find((f) => f.path === filePath);
  return file ? file.findings.map((f) => f.rule) : [];
}
