import { mkdirSync, writeFileSync } from 'fs';
import { cpus } from 'os';
import { dirname, join } from 'path';
import { repoRoot, tempFolder } from '../test/lsp/repo';
import { measureClis, shipshapeCliPath, type CliResult } from './cli';
import { corpus, SIZES, type CorpusFile } from './corpus';
import { measureEngine, type EngineResult } from './engine';
import { KeystrokeBench, type KeystrokeResult } from './keystroke';
import { measurePeer, type PeerResult } from './peers';
import { ms } from './stats';
import { measureTargets, type TargetResult } from './targets';

// `npm run bench`: generates the corpus, then measures per-keystroke latency through the
// language server, engine time in-process, the peers' time in-process, and CLI time per file.
// Prints markdown tables and writes bench/results/latest.json.
//
//   node out/bench/run.js [--quick] [--keystrokes N]
//     --quick         100- and 1,000-line files only, 50 keystrokes each
//     --keystrokes N  keystrokes per file (default 200; 10,000-line files get a quarter)

const KEYSTROKE_TARGET_MS = 10;
const TARGET_LINES = 1000;

interface Row {
  kind: CorpusFile['kind'];
  lines: number;
  actualLines: number;
  bytes: number;
  keystroke: KeystrokeResult;
  engine: EngineResult;
  peer: PeerResult;
  cli: CliResult[];
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const keystrokes = Number(option('--keystrokes') ?? (quick ? 50 : 200));
  const sizes = quick ? SIZES.filter((s) => s <= TARGET_LINES) : SIZES;
  const root = repoRoot();
  const folder = tempFolder('shipshape-bench-');
  const files = corpus(sizes);
  for (const file of files) {
    const path = join(folder.dir, `${file.kind}-${file.lines}`, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }

  const rows: Row[] = [];
  const started = performance.now();
  const server = await KeystrokeBench.start(folder.dir);
  try {
    for (const file of files) {
      const label = `${file.kind} ${file.lines}`;
      process.stderr.write(`bench: ${label}: engine…`);
      const engine = measureEngine(file);
      process.stderr.write(' peer…');
      const peer = measurePeer(file, folder.dir);
      process.stderr.write(' keystrokes…');
      const keystroke = await server.measure(file, file.lines >= 10000 ? Math.ceil(keystrokes / 4) : keystrokes);
      process.stderr.write(' cli…');
      const cli = measureClis(file, root, folder.dir);
      process.stderr.write(' done\n');
      rows.push({
        kind: file.kind,
        lines: file.lines,
        actualLines: file.text.split('\n').length - 1,
        bytes: Buffer.byteLength(file.text),
        keystroke,
        engine,
        peer,
        cli,
      });
    }
  } finally {
    await server.stop();
    folder.remove();
  }
  process.stderr.write('bench: issue targets…');
  const targets = measureTargets();
  process.stderr.write(' done\n');
  const seconds = (performance.now() - started) / 1000;
  const report = render(rows, root, seconds, targets);
  process.stdout.write(report);

  const out = join(root, 'bench', 'results', 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  const environment = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, platform: process.platform };
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), environment, seconds, keystrokeTargetMs: KEYSTROKE_TARGET_MS, rows, targets }, null, 2) + '\n');
  process.stdout.write(`\nJSON: ${out}\n`);
}

function render(rows: Row[], root: string, seconds: number, targets: TargetResult[]): string {
  const lines: string[] = [];
  lines.push(`## Shipshape benchmark (${process.version}, ${cpus().length} cores, ${seconds.toFixed(0)} s)`, '');
  lines.push('### Per-keystroke latency (didChange → publishDiagnostics of that version, stdio, debounce 0)', '');
  lines.push('| kind | lines | keystrokes | p50 ms | p95 ms | max ms | diagnostics | target p95 ≤ 10 ms |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const verdict = r.lines === TARGET_LINES ? (r.keystroke.p95 <= KEYSTROKE_TARGET_MS ? 'met' : '**missed**') : '';
    lines.push(`| ${r.kind} | ${r.actualLines} | ${r.keystroke.n} | ${ms(r.keystroke.p50)} | ${ms(r.keystroke.p95)} | ${ms(r.keystroke.max)} | ${r.keystroke.diagnostics} | ${verdict} |`);
  }
  lines.push('', '### Analysis in-process, p50 ms per file (Shipshape engine vs the peer for that kind)', '');
  lines.push('_Each run analyzes a freshly edited text, so parse caches keyed by text do not flatter anyone._', '');
  lines.push('| kind | lines | KiB | shipshape ms | findings | peer | peer ms | peer findings |');
  lines.push('|---|---:|---:|---:|---:|---|---:|---:|');
  for (const r of rows) {
    lines.push(
      `| ${r.kind} | ${r.actualLines} | ${(r.bytes / 1024).toFixed(0)} | ${ms(r.engine.p50)} | ${r.engine.findings} | ${r.peer.tool} | ${ms(r.peer.p50)} | ${r.peer.failure ? `failed: ${r.peer.failure.slice(0, 60)}` : r.peer.findings} |`,
    );
  }
  const hasCli = !!shipshapeCliPath(root);
  lines.push('', '### CLI, one process per file, median wall ms (Node start-up included)', '');
  if (!hasCli) lines.push('_out/cli.js is not built: the Shipshape CLI column is empty._', '');
  lines.push('| kind | lines | shipshape CLI ms | exit | peer CLI | peer ms | exit |');
  lines.push('|---|---:|---:|---:|---|---:|---:|');
  for (const r of rows) {
    const own = r.cli.find((c) => c.tool === 'shipshape');
    const peer = r.cli.find((c) => c.tool !== 'shipshape')!;
    lines.push(`| ${r.kind} | ${r.actualLines} | ${ms(own?.p50)} | ${own?.exitCode ?? '—'} | ${peer.tool} | ${ms(peer.p50)} | ${peer.exitCode} |`);
  }
  lines.push('', '### Issue targets, engine p50 in-process', '');
  lines.push('| what | p50 ms | target ms | |');
  lines.push('|---|---:|---:|---|');
  for (const t of targets) lines.push(`| ${t.what} | ${ms(t.p50)} | ${t.targetMs} | ${t.p50 <= t.targetMs ? 'met' : '**missed**'} |`);
  const keystrokeTargets = rows.filter((r) => r.lines === TARGET_LINES);
  const missed = keystrokeTargets.filter((r) => !(r.keystroke.p95 <= KEYSTROKE_TARGET_MS));
  lines.push(
    '',
    missed.length
      ? `Target p95 ≤ ${KEYSTROKE_TARGET_MS} ms per keystroke on ${TARGET_LINES}-line files: MISSED for ${missed.map((r) => r.kind).join(', ')}.`
      : `Target p95 ≤ ${KEYSTROKE_TARGET_MS} ms per keystroke on ${TARGET_LINES}-line files: met for ${keystrokeTargets.map((r) => r.kind).join(', ')}.`,
  );
  return lines.join('\n') + '\n';
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
