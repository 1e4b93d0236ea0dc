import { posix } from 'path';
import type { Kind } from './types';

// File kinds are recognised by name first (what editors and users expect), then, for names
// that say nothing (`app.yaml`, `site.conf`, `build/Img`), by a look at the content.

const DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:\..+)?|.+\.(?:docker|container)file)$/i;
const COMPOSE_NAME = /^(?:docker-compose.*|compose(?:\..+)?)\.ya?ml$/i;
const NGINX_NAME = /^(?:nginx\.conf|.+\.nginx)$/i;
const NGINX_FOLDER = /^(?:nginx|conf\.d|sites-(?:available|enabled)|snippets|templates)$/i;

/** `Dockerfile.prod` is a Dockerfile; `dockerfile.test.ts` and `Dockerfile.md` are not. */
const NOT_A_DOCKERFILE = /\.(?:[cm]?[jt]sx?|map|json|md|markdown|txt|rst|html?|py|go|rs|java|rb|sh|ya?ml|toml|lock|orig|rej|swp)$/i;

export function detectKind(path: string, text?: string): Kind | undefined {
  const base = posix.basename(path);
  if (DOCKERFILE_NAME.test(base) && !NOT_A_DOCKERFILE.test(base)) return 'dockerfile';
  if (COMPOSE_NAME.test(base)) return 'compose';
  if (NGINX_NAME.test(base)) return 'nginx';
  if (/\.conf(?:\.template)?$|\.template$/i.test(base) && inNginxFolder(path)) return 'nginx';
  return text === undefined ? undefined : detectByContent(base, text);
}

function inNginxFolder(path: string): boolean {
  const folders = posix.dirname(path).split('/');
  return folders.some((folder) => /nginx/i.test(folder)) || NGINX_FOLDER.test(folders[folders.length - 1] ?? '');
}

function detectByContent(base: string, text: string): Kind | undefined {
  const head = text.slice(0, 4096);
  if (/\.ya?ml$/i.test(base)) {
    return /^services:\s*(?:#.*)?$/m.test(head) && /^\s+(?:image|build):/m.test(text) ? 'compose' : undefined;
  }
  if (/\.conf$/i.test(base)) {
    return /^\s*(?:http|server|events|upstream|location\s+\S+)\s*\{/m.test(head) ? 'nginx' : undefined;
  }
  if (!base.includes('.')) {
    const firstInstruction = head.split(/\r?\n/).find((line) => line.trim() && !line.trim().startsWith('#'));
    return firstInstruction && /^\s*(?:FROM|ARG)\s+\S+\s*$/.test(firstInstruction.replace(/\s+AS\s+\S+$/i, '')) && /^\s*FROM\s+\S/m.test(head)
      ? 'dockerfile'
      : undefined;
  }
  return undefined;
}
