import { posix } from 'path';
import { isSeq } from 'yaml';
import type { RuleContext, TextEdit } from '../types';
import { volumesOfService } from './facts';
import { isWithin, type KnownImage, type WritablePath } from './images';
import { addEntryEdit, appendItemsEdit, scalarToListEdit, type ListStyle, type YamlMap, type YamlSeq } from './insert';
import type { ComposeService } from './model';
import { isCovered, writableTargets } from './mounts';

// What a known image must be able to write when its root filesystem is read-only, and which of
// those paths a service leaves uncovered. nginx is special: a config mounted from the workspace
// can move the pid file and temp paths (typically to /tmp), which changes what it needs.

const NGINX_TEMP_PATHS = ['client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path'];

/** The image's writable paths that no volume, bind or tmpfs of the service covers (image `VOLUME`s excluded: Docker mounts those writable). */
export function uncoveredPaths(service: ComposeService, image: KnownImage, context: RuleContext): WritablePath[] {
  let paths = image.family.writable ?? [];
  if (!paths.length) return [];
  const moved = image.family.family === 'nginx' ? nginxMovedPaths(service, context) : undefined;
  if (moved) {
    paths = paths.flatMap((path): WritablePath[] => {
      if (path.kind === 'run' && moved.pid && !isWithin(moved.pid, '/var/run')) {
        return [{ path: posix.dirname(moved.pid), kind: 'tmp', why: 'the pid file nginx.conf moved there' }];
      }
      if (path.kind === 'cache' && moved.temp.length === NGINX_TEMP_PATHS.length && moved.temp.every((p) => !isWithin(p, '/var/cache/nginx'))) {
        return moved.temp.map((p) => ({ path: posix.dirname(p), kind: 'tmp', why: 'the temp paths nginx.conf moved there' }));
      }
      return [path];
    });
  }
  const targets = writableTargets(service);
  const seen = new Set<string>();
  return paths.filter((path) => {
    if (path.imageVolume || isCovered(path.path, targets) || seen.has(path.path)) return false;
    seen.add(path.path);
    return true;
  });
}

/** The edit that adds `paths` to the service's `tmpfs` (list, scalar or new key). */
export function addTmpfsEdit(service: ComposeService, paths: string[], style: ListStyle): TextEdit | undefined {
  if (!paths.length || !service.body) return undefined;
  const entry = service.get('tmpfs');
  if (!entry) return addEntryEdit(service.context, service.body.node as YamlMap, 'tmpfs', { list: paths }, style);
  if (isSeq(entry.node)) return appendItemsEdit(service.context, entry.node as YamlSeq, paths);
  return entry.node ? scalarToListEdit(service.context, entry.node, paths) : undefined;
}

/** `pid` and `*_temp_path` from an nginx.conf bind-mounted at /etc/nginx/nginx.conf, when it is in the workspace. */
function nginxMovedPaths(service: ComposeService, context: RuleContext): { pid?: string; temp: string[] } | undefined {
  const mount = volumesOfService(service).find((m) => m.type === 'bind' && posix.normalize(m.target) === '/etc/nginx/nginx.conf');
  if (!mount) return undefined;
  const path = posix.resolve(posix.dirname(context.path), mount.source.replace(/\\/g, '/'));
  let text: string | undefined;
  try {
    text = context.workspace.readFile(path);
  } catch {
    text = undefined;
  }
  if (text === undefined) return undefined;
  const code = text.replace(/#.*$/gm, '');
  const pid = /(?:^|[;{}\s])pid\s+([^;\s]+)\s*;/.exec(code)?.[1];
  const temp: string[] = [];
  for (const directive of NGINX_TEMP_PATHS) {
    const value = new RegExp(`(?:^|[;{}\\s])${directive}\\s+([^;\\s]+)`).exec(code)?.[1];
    if (value) temp.push(value);
  }
  return { ...(pid ? { pid } : {}), temp };
}
