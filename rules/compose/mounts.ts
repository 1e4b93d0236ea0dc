import { isScalar, type ParsedNode, type Scalar } from 'yaml';
import type { Range, TextEdit } from '../types';
import { mapOf, type NodeContext } from './effective';
import { volumesOfService } from './facts';
import { isWithin } from './images';
import { addEntryEdit, replaceScalarEdit, type YamlMap } from './insert';
import type { ComposeService } from './model';
import { composeString, subRange, valueStartOffset, type VolumeMount } from './values';

// Where a service's mounts come from and where they land: the written range of a mount's
// source (for findings), the container paths a service can write to despite `read_only`
// (volumes, binds, tmpfs), and the edit that makes a bind mount read-only.

/** Range of the mount's source as written: the `source:` value (long syntax) or the source part of `src:dst[:mode]`. */
export function mountSourceRange(context: NodeContext, mount: VolumeMount): Range {
  const item = mount.item;
  if (mount.form === 'long') return mapOf(context, item)?.get('source')?.range ?? item.range;
  if (typeof item.raw !== 'string' || item.raw !== item.value) return item.range;
  const start = item.raw.indexOf(mount.source);
  return start < 0 ? item.range : subRange(context, item, start, start + mount.source.length);
}

/** True for a bind mount of a host path (not a named or anonymous volume, not tmpfs). */
export function isBind(mount: VolumeMount): boolean {
  return mount.type === 'bind' && mount.source !== '';
}

/** Container paths a service can write to: volume and bind targets (read-write ones) and `tmpfs` entries. */
export function writableTargets(service: ComposeService): string[] {
  const targets: string[] = [];
  for (const mount of volumesOfService(service)) if (!mount.readOnly && mount.target) targets.push(mount.target);
  targets.push(...tmpfsPaths(service));
  return targets;
}

/** `tmpfs:` as a string or a list, options (`/run:size=64m`) stripped. Unresolved entries are left out. */
export function tmpfsPaths(service: ComposeService): string[] {
  const entry = service.get('tmpfs');
  if (!entry) return [];
  const items = service.list('tmpfs') ?? [entry];
  const paths: string[] = [];
  for (const item of items) {
    const text = composeString(item);
    if (text === undefined) continue;
    const path = text.split(':')[0].trim();
    if (path) paths.push(path);
  }
  return paths;
}

/** True when `path` lies inside one of `targets` (a mount at `/var/cache` covers `/var/cache/nginx`). */
export function isCovered(path: string, targets: readonly string[]): boolean {
  return targets.some((target) => isWithin(path, target));
}

/**
 * The edit that mounts a bind read-only: `:ro` appended to short syntax (or `rw` → `ro` in its
 * options), `read_only: true` in long syntax. Undefined when the text cannot be edited exactly.
 */
export function readOnlyMountEdit(context: NodeContext, mount: VolumeMount): TextEdit | undefined {
  const item = mount.item;
  if (mount.form === 'long') {
    const long = mapOf(context, item);
    if (!long) return undefined;
    const current = long.get('read_only');
    if (current) return replaceScalarEdit(context, current.node, 'true');
    return addEntryEdit(context, long.node as YamlMap, 'read_only', { scalar: 'true' });
  }
  if (typeof item.raw !== 'string' || !isScalar(item.node)) return undefined;
  const start = valueStartOffset(context, item.node as ParsedNode);
  if (start === undefined) return undefined;
  const raw = (item.node as Scalar<string>).value.trimEnd();
  if (!mount.mode) return { range: context.lines.rangeOf(start + raw.length, start + raw.length), newText: ':ro' };
  // The options are written literally at the end of the value: rewrite them there.
  if (!raw.endsWith(`:${mount.mode}`)) return undefined;
  const options = mount.mode.split(',');
  const next = options.includes('rw') ? options.map((option) => (option === 'rw' ? 'ro' : option)) : [...options, 'ro'];
  const from = start + raw.length - mount.mode.length;
  return { range: context.lines.rangeOf(from, start + raw.length), newText: next.join(',') };
}
