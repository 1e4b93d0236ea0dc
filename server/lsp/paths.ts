import { fileURLToPath, pathToFileURL } from 'url';

// The engine speaks POSIX absolute paths; LSP speaks URIs. Untitled buffers and other schemes
// get a stable synthetic path so config lookup simply finds nothing for them.

export function uriToPath(uri: string): string {
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
