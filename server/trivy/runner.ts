import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// Runs `trivy image` on one image: no shell, a timeout, cancellation that kills the process,
// progress phases read from Trivy's log lines, and every known failure turned into a message
// that says what to do. Scans run one at a time: two Trivy processes sharing a cache fail
// with "cache may be in use by another process".

export interface TrivyScanOptions {
  /** Executable to run; a bare name is looked up on PATH. */
  trivyPath: string;
  image: string;
  /** `CRITICAL`, `HIGH`, ... (all when empty). */
  severities?: string[];
  ignoreUnfixed?: boolean;
  ignoreFile?: string;
  /** Skip the vulnerability DB download (needs a cached DB). */
  offline?: boolean;
  dbRepository?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  onPhase?: (phase: ScanPhase) => void;
  /** Extra environment for the process (tests point the stand-in at its scenarios). */
  env?: NodeJS.ProcessEnv;
}

export type ScanPhase = 'starting' | 'downloading-db' | 'scanning';

export type TrivyErrorKind =
  | 'not-found'
  | 'db-download'
  | 'db-missing-offline'
  | 'image-not-found'
  | 'timeout'
  | 'too-old'
  | 'cancelled'
  | 'bad-report'
  | 'failed';

export class TrivyError extends Error {
  constructor(
    readonly kind: TrivyErrorKind,
    message: string,
    readonly stderr = '',
  ) {
    super(message);
  }
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
let queue: Promise<unknown> = Promise.resolve();

/** Kill functions of the scans running now: Trivy runs in its own process group and would outlive us. */
const running = new Set<() => void>();

/** Ends every running scan; the server calls it on shutdown, and the process on exit. */
export function killRunningScans(): void {
  for (const kill of [...running]) kill();
}
process.on('exit', killRunningScans);

/** The raw JSON report text; throws TrivyError. */
export function runTrivy(options: TrivyScanOptions): Promise<string> {
  const run = queue.then(() => runOnce(options));
  queue = run.catch(() => undefined);
  return run;
}

export function trivyArgs(options: TrivyScanOptions, outputFile: string): string[] {
  const args = ['image', '--format', 'json', '--output', outputFile, '--scanners', 'vuln,secret'];
  // Naming the local sources keeps a missing local image from becoming a registry download.
  args.push('--image-src', 'docker,containerd,podman');
  if (options.severities?.length) args.push('--severity', options.severities.join(','));
  if (options.ignoreUnfixed) args.push('--ignore-unfixed');
  if (options.ignoreFile) args.push('--ignorefile', options.ignoreFile);
  if (options.offline) args.push('--skip-db-update');
  if (options.dbRepository) args.push('--db-repository', options.dbRepository);
  const timeoutSeconds = Math.ceil((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000);
  args.push('--timeout', `${timeoutSeconds}s`, '--skip-version-check');
  args.push(options.image);
  return args;
}

function runOnce(options: TrivyScanOptions): Promise<string> {
  if (options.signal?.aborted) return Promise.reject(new TrivyError('cancelled', 'The scan was cancelled.'));
  // A scratch working directory: Trivy loads ./trivy.yaml by default, and the workspace's
  // one must not change a scan silently.
  const workdir = mkdtempSync(join(tmpdir(), 'shipshape-trivy-'));
  const outputFile = join(workdir, 'report.json');
  const cleanup = () => rmSync(workdir, { recursive: true, force: true });

  return new Promise<string>((resolve, reject) => {
    let stderr = '';
    let settled = false;
    let phase: ScanPhase = 'starting';
    const setPhase = (next: ScanPhase) => {
      if (next !== phase) options.onPhase?.((phase = next));
    };
    options.onPhase?.('starting');

    const child = spawn(options.trivyPath, trivyArgs(options, outputFile), {
      cwd: workdir,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
      shell: false,
      detached: process.platform !== 'win32', // its own process group, so a kill reaches its children
    });

    const finish = (error: TrivyError | undefined, report?: string) => {
      if (settled) return;
      settled = true;
      running.delete(kill);
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      cleanup();
      if (error) reject(error);
      else resolve(report!);
    };
    const kill = () => {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    running.add(kill);
    const onAbort = () => {
      kill();
      finish(new TrivyError('cancelled', 'The scan was cancelled.', stderr));
    };
    const timeoutMs = (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 2_000; // Trivy's own --timeout fires first
    const timer = setTimeout(() => {
      kill();
      finish(new TrivyError('timeout', `Trivy did not finish within ${Math.round(timeoutMs / 1000)} s; raise the scan timeout or check that the image is available locally.`, stderr));
    }, timeoutMs);
    options.signal?.addEventListener('abort', onAbort);

    child.stderr!.setEncoding('utf8');
    let partial = '';
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.length > 1_000_000) stderr = stderr.slice(-500_000);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (/\[vulndb\]|Downloading (?:the )?vulnerability DB|Need to update DB/i.test(line)) setPhase('downloading-db');
        else if (/Detected OS|Detecting|Number of language-specific files|Scanning/i.test(line)) setPhase('scanning');
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EACCES') {
        finish(
          new TrivyError(
            'not-found',
            `Trivy was not found at "${options.trivyPath}". Install Trivy (a pinned release from your package manager), or set the Trivy path (setting shipshape.trivy.path, or --trivy). Shipshape never downloads it for you.`,
          ),
        );
      } else finish(new TrivyError('failed', `Could not start Trivy: ${error.message}`));
    });
    child.on('exit', (code) => {
      if (settled) return;
      if (code !== 0) {
        finish(classify(stderr, code));
        return;
      }
      let report: string;
      try {
        report = readFileSync(outputFile, 'utf8');
      } catch {
        finish(new TrivyError('bad-report', 'Trivy finished but wrote no report.', stderr));
        return;
      }
      finish(undefined, report);
    });
  });
}

/** Trivy's error chain varies by version, so failures are recognised by stable substrings. */
export function classify(stderr: string, code: number | null): TrivyError {
  const text = stripAnsi(stderr);
  const last = lastErrorLine(text);
  if (/cannot be specified on the first run/i.test(text)) {
    return new TrivyError('db-missing-offline', 'Offline mode needs a cached vulnerability database, and there is none yet: run one scan online first (or set a database mirror).', stderr);
  }
  if (/failed to download vulnerability DB|TOOMANYREQUESTS|db repository|OCI repository error/i.test(text)) {
    return new TrivyError(
      'db-download',
      'Trivy could not download its vulnerability database. Are you offline or rate-limited? Set a database mirror, or turn on offline mode to use the database already cached.',
      stderr,
    );
  }
  if (/unable to find the specified image|No such image|image not found/i.test(text)) {
    return new TrivyError('image-not-found', 'The image is not available locally. Build it first, or use "Build and Scan".', stderr);
  }
  if (/context deadline exceeded|timeout/i.test(text)) {
    return new TrivyError('timeout', 'Trivy timed out. Raise the scan timeout; the first scan also downloads the vulnerability database.', stderr);
  }
  if (/unknown flag|unknown shorthand flag|flag provided but not defined|Trivy version is old/i.test(text)) {
    return new TrivyError('too-old', `This Trivy is too old for the options Shipshape passes (${last || 'unknown flag'}). Upgrade Trivy to a current release.`, stderr);
  }
  return new TrivyError('failed', `Trivy failed (exit ${code ?? 'signal'}): ${last || 'no error message'}`, stderr);
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function lastErrorLine(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => /FATAL|ERROR|error:/i.test(l));
  const line = lines[lines.length - 1] ?? '';
  return line.replace(/^\S+\s+(?:FATAL|ERROR)\s+/, '').trim().slice(0, 300);
}
