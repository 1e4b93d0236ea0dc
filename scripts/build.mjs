// Bundles the three entry points with esbuild, so the packaged extension needs no node_modules:
//   out/extension.js (VS Code host), out/server.js (language server), out/cli.js (CLI).
import { build } from 'esbuild';
import { existsSync } from 'fs';

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
  { entryPoints: ['server/cli.ts'], outfile: 'out/cli.js' },
];

await Promise.all(
  entries.filter((entry) => existsSync(entry.entryPoints[0])).map((entry) => build({ ...common, ...entry })),
);
