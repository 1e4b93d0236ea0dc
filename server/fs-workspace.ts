import * as fs from 'fs';
import * as path from 'path';
import type { Workspace } from '../rules/types';

// The engine speaks POSIX absolute paths on every platform (so globs, `posix.dirname` and
// config lookup behave the same everywhere). These helpers are the one place that converts
// between those and the paths Node's `fs` wants.

const IS_WINDOWS = process.platform === 'win32';

/** `C:\src\app\Dockerfile` → `/C:/src/app/Dockerfile`; POSIX paths pass through normalised. */
export function toWorkspacePath(nativePath: string): string {
  const absolute = path.resolve(nativePath);
  if (!IS_WINDOWS) return absolute;
  const slashed = absolute.replace(/\\/g, '/');
  return slashed.startsWith('/') ? slashed : `/${slashed}`;
}

/** The inverse of `toWorkspacePath`. */
export function toNativePath(workspacePath: string): string {
  if (!IS_WINDOWS) return workspacePath;
  const withoutLeadingSlash = /^\/[A-Za-z]:/.test(workspacePath) ? workspacePath.slice(1) : workspacePath;
  return withoutLeadingSlash.replace(/\//g, '\\');
}

export interface FsWorkspace extends Workspace {
  readFile(path: string): string | undefined;
  /** Like `readFile`, but says why a file could not be read (for the CLI's one-line errors). */
  readFileOrError(path: string): { text: string } | { error: string };
  /** Records text this run wrote (a `--fix`), so later reads see it without going to disk. */
  remember(path: string, text: string): void;
}

/**
 * A read-only view of the disk for one CLI run. Reads are synchronous because the engine's
 * Workspace is, and cached because config lookup asks for the same `.shipshape.yaml` once
 * per analyzed file. The cache lives as long as the run: nothing here watches for changes.
 */
export function fsWorkspace(): FsWorkspace {
  const texts = new Map<string, { text: string } | { error: string }>();
  const listings = new Map<string, string[] | undefined>();

  const readFileOrError = (workspacePath: string): { text: string } | { error: string } => {
    let cached = texts.get(workspacePath);
    if (!cached) {
      cached = readText(toNativePath(workspacePath));
      texts.set(workspacePath, cached);
    }
    return cached;
  };

  return {
    readFileOrError,
    remember: (workspacePath, text) => void texts.set(workspacePath, { text }),
    readFile: (workspacePath) => {
      const result = readFileOrError(workspacePath);
      return 'text' in result ? result.text : undefined;
    },
    listDir: (dir) => {
      if (!listings.has(dir)) {
        let names: string[] | undefined;
        try {
          names = fs.readdirSync(toNativePath(dir)).sort();
        } catch {
          names = undefined;
        }
        listings.set(dir, names);
      }
      return listings.get(dir);
    },
  };
}

const BYTE_ORDER_MARK = '\uFEFF';

function readText(nativePath: string): { text: string } | { error: string } {
  try {
    const text = fs.readFileSync(nativePath, 'utf8');
    // Editors hide the BOM; without stripping it, `FROM` on line 1 would not be recognised.
    return { text: text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text };
  } catch (error) {
    return { error: describeFsError(error) };
  }
}

/** "no such file", "permission denied", "is a directory": short enough for a one-line error. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

/** Whether the file on disk started with a BOM, so `--fix` can write it back the same way. */
export function hasByteOrderMark(workspacePath: string): boolean {
  try {
    const fd = fs.openSync(toNativePath(workspacePath), 'r');
    try {
      const head = Buffer.alloc(3);
      const read = fs.readSync(fd, head, 0, 3, 0);
      return read === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}
