import { posix } from 'path';
import type { Workspace } from './types';

/** A workspace held in memory: what tests, stdin and unsaved editor buffers analyze against. */
export function memoryWorkspace(files: Record<string, string> = {}, fallback?: Workspace): Workspace {
  return {
    readFile: (path) => files[path] ?? fallback?.readFile(path),
    listDir: (dir) => {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const own = Object.keys(files)
        .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
        .map((path) => posix.basename(path));
      const theirs = fallback?.listDir?.(dir) ?? [];
      return own.length || theirs.length ? [...new Set([...own, ...theirs])] : undefined;
    },
  };
}

/** Overlays open documents on another workspace, so rules see unsaved text. */
export function overlayWorkspace(base: Workspace, overlay: () => Map<string, string>): Workspace {
  return {
    readFile: (path) => overlay().get(path) ?? base.readFile(path),
    listDir: (dir) => base.listDir?.(dir),
  };
}
