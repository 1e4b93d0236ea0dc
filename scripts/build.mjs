// Bundles the three entry points with esbuild, so the packaged extension needs no node_modules:
//   out/extension.js (VS Code host), out/server.js (language server), out/cli.js (CLI: a small
//   launcher that loads out/cli-bundle.js with the V8 code cache written here, see
//   server/cli-launch.ts).
import { spawnSync } from 'child_process';
import { build } from 'esbuild';
import { existsSync, rmSync } from 'fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const entries = [
  { entryPoints: ['client/extension.ts'], outfile: 'out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/main.ts'], outfile: 'out/server.js' },
  { entryPoints: ['server/cli.ts'], outfile: 'out/cli-bundle.js' },
  { entryPoints: ['server/cli-launch.ts'], outfile: 'out/cli.js' },
];

await Promise.all(
  entries.filter((entry) => existsSync(entry.entryPoints[0])).map((entry) => build({ ...common, ...entry })),
);

// The CLI's code cache: one run over the bundled examples compiles what a check needs; the
// launcher saves it. A failed run leaves no cache, and the CLI then compiles as usual.
const CODE_CACHE = 'out/cli-bundle.cache';
rmSync(CODE_CACHE, { force: true });
if (existsSync('out/cli.js') && existsSync('examples')) {
  spawnSync(process.execPath, ['out/cli.js', 'check', 'examples', '--format', 'json'], {
    stdio: 'ignore',
    timeout: 60_000,
    env: { ...process.env, SHIPSHAPE_WRITE_CODE_CACHE: CODE_CACHE },
  });
}
