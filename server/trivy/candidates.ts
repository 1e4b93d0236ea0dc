import { execFile } from 'child_process';
import { readdirSync } from 'fs';
import { posix } from 'path';
import { composeImages } from '../../rules/compose/image-names';
import { composeLanguage } from '../../rules/compose';
import { detectKind } from '../../rules/detect';
import { EMPTY_CONFIG, type Workspace } from '../../rules/types';

// Images a user may want to scan: local images from the container CLIs that exist here,
// images named (or built) by the workspace's Compose files, and recent scans. Listing local
// images runs an external program, so it happens only in a trusted workspace.

export interface ImageCandidate {
  image: string;
  source: 'recent' | 'compose' | 'local';
  /** Where it came from, for the picker's description. */
  detail?: string;
  /** The Dockerfile a Compose service builds this image from. */
  dockerfile?: string;
}

const SKIP = new Set(['node_modules', '.git', 'out', 'dist', 'vendor', '.venv']);

export async function imageCandidates(options: {
  folders: string[];
  workspace: Workspace;
  trusted: boolean;
  recent: string[];
}): Promise<ImageCandidate[]> {
  const candidates: ImageCandidate[] = options.recent.map((image) => ({ image, source: 'recent' as const, detail: 'scanned recently' }));
  for (const folder of options.folders) {
    for (const path of composeFiles(folder, 3)) {
      const text = options.workspace.readFile(path);
      if (text === undefined) continue;
      const context = { path, workspace: options.workspace, config: EMPTY_CONFIG, now: new Date() };
      const { model } = composeLanguage.parse(text, context);
      for (const found of composeImages(model, path)) {
        candidates.push({
          image: found.image,
          source: 'compose',
          detail: `${found.built ? 'built by' : 'used by'} service ${found.service} in ${posix.relative(folder, path)}`,
          dockerfile: found.dockerfile,
        });
      }
    }
  }
  if (options.trusted) {
    for (const cli of ['docker', 'podman']) {
      for (const image of await localImages(cli)) candidates.push({ image, source: 'local', detail: `local (${cli})` });
    }
  }
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.image) && seen.add(c.image));
}

function composeFiles(dir: string, depth: number): string[] {
  let entries: import('fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory() && depth > 0 && !SKIP.has(entry.name) && !entry.name.startsWith('.')) found.push(...composeFiles(path, depth - 1));
    else if (entry.isFile() && detectKind(path) === 'compose') found.push(path);
  }
  return found;
}

/** `docker image ls` without a shell, with a short timeout; nothing when the CLI is absent or its daemon is down. */
function localImages(cli: string): Promise<string[]> {
  return new Promise((resolve) => {
    execFile(cli, ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'], { timeout: 5_000, shell: false }, (error, stdout) => {
      if (error) return resolve([]);
      resolve(
        stdout
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line && !line.includes('<none>')),
      );
    });
  });
}

