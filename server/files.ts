import * as fs from 'fs';
import * as nativePath from 'path';
import { posix } from 'path';
import { isConfigFile } from '../rules/config';
import { detectKind } from '../rules/detect';
import type { Kind } from '../rules/types';
import { describeFsError, toNativePath, toWorkspacePath, type FsWorkspace } from './fs-workspace';

// Turns the paths on the command line into the files to check. Folders are walked and their
// files recognised the way the editor recognises them (by name, then by a look at the
// content); files named explicitly are always checked, whatever their name.

export const STDIN_ARG = '-';
export const STDIN_DISPLAY = '<stdin>';

/** Folders that never hold the user's own Docker files and can be huge. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Content sniffing reads files; past this size a nameless file is not one of ours. */
const MAX_SNIFF_BYTES = 1024 * 1024;

export interface Target {
  /** POSIX absolute path the engine sees (synthetic for stdin). */
  path: string;
  /** What output shows: relative to the working directory, or `<stdin>`. */
  displayPath: string;
  /** The kind to force; undefined lets the engine recognise it. */
  kind?: Kind;
  /** A `.shipshape.yaml`/`.hadolint.yaml`: checked for config problems, not analyzed. */
  isConfig: boolean;
  isStdin: boolean;
}

export interface CollectOptions {
  /** Working directory as a workspace path. */
  cwd: string;
  kind?: Kind;
  workspace: FsWorkspace;
}

export type CollectResult = { targets: Target[] } | { error: string };

export function collectTargets(args: string[], options: CollectOptions): CollectResult {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (target: Target) => {
    if (seen.has(target.path)) return;
    seen.add(target.path);
    targets.push(target);
  };

  for (const arg of args.length ? args : ['.']) {
    if (arg === STDIN_ARG) {
      add({
        path: posix.join(options.cwd, STDIN_DISPLAY),
        displayPath: STDIN_DISPLAY,
        kind: options.kind,
        isConfig: false,
        isStdin: true,
      });
      continue;
    }
    const path = toWorkspacePath(nativePath.resolve(toNativePath(options.cwd), arg));
    let stats: fs.Stats;
    try {
      stats = fs.statSync(toNativePath(path));
    } catch (error) {
      return { error: `${arg}: ${describeFsError(error)}` };
    }
    if (stats.isDirectory()) {
      const error = walkFolder(path, options, add);
      if (error) return { error };
    } else {
      // Named on the command line: checked even when its name says nothing. When the kind
      // cannot be told, the CLI reports that (it needs the text, which it reads anyway).
      add({ path, displayPath: displayPath(path, options.cwd), kind: options.kind, isConfig: !options.kind && isConfigFile(path), isStdin: false });
    }
  }
  return { targets };
}

/** Walks a folder depth-first in name order (stable output), returning a one-line error if any. */
function walkFolder(folder: string, options: CollectOptions, add: (target: Target) => void): string | undefined {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(toNativePath(folder), { withFileTypes: true });
  } catch (error) {
    return `${displayPath(folder, options.cwd)}: ${describeFsError(error)}`;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = posix.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const error = walkFolder(path, options, add);
      if (error) return error;
    } else if (entry.isFile() || (entry.isSymbolicLink() && isFileBehindLink(path))) {
      // Symlinked folders are not followed: they are how walks end up in loops.
      const target = recognise(path, options);
      if (typeof target === 'string') return target;
      if (target) add(target);
    }
  }
  return undefined;
}

function isFileBehindLink(path: string): boolean {
  try {
    return fs.statSync(toNativePath(path)).isFile();
  } catch {
    return false; // a dangling link is nothing to check
  }
}

/** The target for a file found by walking, undefined when it is not one of ours, or an error. */
function recognise(path: string, options: CollectOptions): Target | undefined | string {
  const shown = displayPath(path, options.cwd);
  if (isConfigFile(path)) {
    return options.kind ? undefined : { path, displayPath: shown, isConfig: true, isStdin: false };
  }
  let kind = detectKind(path);
  if (!kind && mayBeRecognisedByContent(path)) {
    const read = options.workspace.readFileOrError(path);
    if ('error' in read) return `${shown}: ${read.error}`;
    kind = detectKind(path, read.text);
  }
  if (!kind || (options.kind && kind !== options.kind)) return undefined;
  return { path, displayPath: shown, kind, isConfig: false, isStdin: false };
}

/**
 * `detectKind` only looks at the content of extension-less names, YAML and `.conf` files;
 * reading anything else (images, archives, lockfiles) would be wasted I/O.
 */
function mayBeRecognisedByContent(path: string): boolean {
  const base = posix.basename(path);
  if (!/^[^.]+$|\.ya?ml$|\.conf$/i.test(base)) return false;
  try {
    return fs.statSync(toNativePath(path)).size <= MAX_SNIFF_BYTES;
  } catch {
    return true; // let the read report why it cannot be opened
  }
}

/** Relative to the working directory, POSIX separators, as every output format shows paths. */
export function displayPath(path: string, cwd: string): string {
  if (posix.basename(path) === STDIN_DISPLAY && posix.dirname(path) === cwd) return STDIN_DISPLAY;
  const relative = posix.relative(cwd, path);
  return relative || posix.basename(path);
}
