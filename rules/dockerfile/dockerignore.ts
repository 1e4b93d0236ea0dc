import { posix } from 'path';
import type { Workspace } from '../types';

// `.dockerignore` with the semantics of Docker's pattern matcher: one pattern a line, `#`
// comments, surrounding blanks trimmed, paths cleaned (`./a/` is `a`, a leading `/` is the
// context root), `*` and `?` never cross `/`, `**` spans any number of directories, `[a-z]`
// classes and `\` escapes, `!` re-includes, the last matching pattern wins, and a pattern that
// matches a directory excludes everything under it.

export interface IgnorePattern {
  /** The pattern as cleaned, without `!`. */
  pattern: string;
  exclusion: boolean;
  regex: RegExp;
  /** 0-based line in the file. */
  line: number;
}

export interface DockerIgnore {
  /** Absolute path of the file that was read. */
  path: string;
  patterns: IgnorePattern[];
}

export function parseDockerIgnore(text: string, path = '.dockerignore'): DockerIgnore {
  const patterns: IgnorePattern[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((rawLine, line) => {
    let pattern = line === 0 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
    if (pattern.startsWith('#')) return;
    pattern = pattern.trim();
    if (!pattern) return;
    let exclusion = false;
    if (pattern.startsWith('!')) {
      exclusion = true;
      pattern = pattern.slice(1).trim();
    }
    pattern = cleanPath(pattern);
    if (!pattern) return;
    const regex = compile(pattern);
    if (regex) patterns.push({ pattern, exclusion, regex, line });
  });
  return { path, patterns };
}

/** Go's `filepath.Clean` for a context-relative pattern, leading `/` dropped. */
function cleanPath(pattern: string): string {
  const cleaned = posix.normalize(pattern).replace(/\/+$/, '');
  const relative = cleaned.replace(/^\/+/, '');
  return relative === '.' ? '' : relative;
}

function compile(pattern: string): RegExp | undefined {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // `**/` matches zero or more leading directories; a bare `**` anything at all.
        if (pattern[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) out += escapeRegex(pattern[++i]);
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) return undefined; // Docker rejects the pattern; it matches nothing.
      // Go's filepath.Match negates a class with `^` only (`[!a]` is a class holding `!`).
      const body = pattern.slice(i + 1, close);
      const negated = body.startsWith('^');
      out += `[${negated ? '^' : ''}${(negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&').replace(/\//g, '')}]`;
      i = close;
    } else out += escapeRegex(c);
  }
  try {
    return new RegExp(`${out}$`);
  } catch {
    return undefined;
  }
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function matches(pattern: IgnorePattern, path: string): boolean {
  if (pattern.regex.test(path)) return true;
  // A pattern that matches a parent directory covers everything below it.
  let slash = path.indexOf('/');
  while (slash > 0) {
    if (pattern.regex.test(path.slice(0, slash))) return true;
    slash = path.indexOf('/', slash + 1);
  }
  return false;
}

/** The pattern that decides `path` (context-relative, `/`-separated), if any. */
export function decidingPattern(ignore: DockerIgnore, path: string): IgnorePattern | undefined {
  let decided: IgnorePattern | undefined;
  for (const pattern of ignore.patterns) if (matches(pattern, path)) decided = pattern;
  return decided;
}

/** Whether `path` (relative to the context root) is left out of the build context. */
export function isExcluded(ignore: DockerIgnore, path: string): boolean {
  const decided = decidingPattern(ignore, cleanPath(path));
  return decided !== undefined && !decided.exclusion;
}

/**
 * The ignore file BuildKit uses for `dockerfilePath` with `contextDir`: `<Dockerfile>.dockerignore`
 * beside the Dockerfile wins over `<context>/.dockerignore`. Undefined when there is none.
 */
export function readDockerIgnore(workspace: Workspace, dockerfilePath: string, contextDir: string): DockerIgnore | undefined {
  for (const candidate of [`${dockerfilePath}.dockerignore`, posix.join(contextDir, '.dockerignore')]) {
    const text = workspace.readFile(candidate);
    if (text !== undefined) return parseDockerIgnore(text, candidate);
  }
  return undefined;
}
