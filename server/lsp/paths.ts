import { fileURLToPath, pathToFileURL } from 'url';

// The engine speaks POSIX absolute paths; LSP speaks URIs. Untitled buffers and other schemes
// get a stable synthetic path so config lookup simply finds nothing for them.

// The server converts the same few document URIs on every keystroke (and `fileURLToPath`
// parses a whole URL each time): remember the answers, within a bound.
const PATHS = new Map<string, string>();
const MAX_CACHED_PATHS = 1000;

export function uriToPath(uri: string): string {
  let path = PATHS.get(uri);
  if (path === undefined) {
    if (PATHS.size >= MAX_CACHED_PATHS) PATHS.clear();
    PATHS.set(uri, (path = convertUri(uri)));
  }
  return path;
}

function convertUri(uri: string): string {
  if (uri.startsWith('file:')) {
    const path = fileURLToPath(uri);
    return process.platform === 'win32' ? `/${path.replace(/\\/g, '/')}` : path;
  }
  const name = decodeURIComponent(uri.replace(/^[a-z][\w+.-]*:\/*/i, ''));
  return `/__${uri.split(':')[0]}__/${name}`;
}

export function pathToUri(path: string): string {
  return pathToFileURL(process.platform === 'win32' ? path.replace(/^\//, '') : path).toString();
}
