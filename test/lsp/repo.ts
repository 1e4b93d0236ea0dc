import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { pathToFileURL } from 'url';

// Where the checkout is, whatever folder the compiled test runs from (out/test/lsp, or a
// bundle elsewhere): the first ancestor holding the project's package.json *and* tsconfig.json
// (out/ has a copy of package.json, but no tsconfig).

export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'tsconfig.json'))) {
      if (JSON.parse(readFileSync(manifest, 'utf8')).name === 'shipshape') return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no Shipshape checkout above ${from}`);
  }
}

/** The bundled language server; the suites need `npm run build` (or `node scripts/build.mjs`) first. */
export function serverScript(): string {
  const script = join(repoRoot(), 'out', 'server.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`node scripts/build.mjs\` first`);
  return script;
}

/** Text of a fixture under test/fixtures/lsp/. */
export function fixture(name: string): string {
  return readFileSync(join(repoRoot(), 'test', 'fixtures', 'lsp', name), 'utf8');
}

/** A fresh folder under the OS temp dir; the returned function removes it. */
export function tempFolder(prefix = 'shipshape-lsp-'): { dir: string; uri: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    uri: (name) => pathToFileURL(join(dir, name)).toString(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Rules that fire on almost any small Dockerfile whatever a test is about: a final stage
 * without HEALTHCHECK, and a pinned base image whose end of life has passed (which depends on
 * today's date, so a clean `alpine:3.20` of today is a finding tomorrow).
 */
export const AMBIENT_RULES = ['dockerfile/healthcheck-missing', 'dockerfile/image-eol', 'dockerfile/user-non-numeric'];

/**
 * A fresh temp folder whose `.shipshape.yaml` turns `off` the given rules (by default the
 * ambient ones), so a suite can keep asserting exact diagnostic lists about the rules it tests.
 * Every other rule keeps its default.
 */
export function quietFolder(prefix = 'shipshape-lsp-', off: string[] = AMBIENT_RULES): ReturnType<typeof tempFolder> {
  const folder = tempFolder(prefix);
  writeFileSync(join(folder.dir, '.shipshape.yaml'), `rules:\n${off.map((id) => `  ${id}: off\n`).join('')}`);
  return folder;
}
