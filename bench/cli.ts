import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import type { CorpusFile } from './corpus';
import { summarize, type Summary } from './stats';

// Command-line cost per file as CI pays it: one process per file, wall time from spawn to
// exit, Node start-up included (the same for every tool, all run by this Node). Shipshape's
// CLI is measured when out/cli.js has been built.

export interface CliResult extends Summary {
  tool: string;
  exitCode: number | null;
}

function peerCommand(kind: CorpusFile['kind'], root: string, path: string): { tool: string; args: string[] } {
  const bin = (p: string) => join(root, 'node_modules', p);
  switch (kind) {
    case 'dockerfile':
      return { tool: 'dockerfile-utils', args: [bin('dockerfile-utils/bin/dockerfile-utils'), 'lint', path] };
    case 'compose':
      return { tool: 'dclint', args: [bin('dclint/bin/dclint.cjs'), '--color=false', path] };
    case 'nginx':
      return { tool: 'nginx-linter', args: [bin('nginx-linter/bin/nginx-linter.js'), '--no-follow-includes', '--include', path] };
  }
}

function time(args: string[], cwd: string, runs: number): { samples: number[]; exitCode: number | null } {
  const samples: number[] = [];
  let exitCode: number | null = null;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, args, { cwd, stdio: 'ignore', timeout: 60000 });
    samples.push(performance.now() - t0);
    exitCode = result.status;
  }
  return { samples, exitCode };
}

export function shipshapeCliPath(root: string): string | undefined {
  const cli = join(root, 'out', 'cli.js');
  return existsSync(cli) ? cli : undefined;
}

export function measureClis(file: CorpusFile, root: string, dir: string, runs = 3): CliResult[] {
  const path = join(dir, `${file.kind}-${file.lines}`, file.name);
  const results: CliResult[] = [];
  const cli = shipshapeCliPath(root);
  if (cli) {
    const { samples, exitCode } = time([cli, 'check', '--format', 'json', path], dir, runs);
    results.push({ tool: 'shipshape', exitCode, ...summarize(samples) });
  }
  const peer = peerCommand(file.kind, root, path);
  const { samples, exitCode } = time(peer.args, dir, runs);
  results.push({ tool: peer.tool, exitCode, ...summarize(samples) });
  return results;
}
