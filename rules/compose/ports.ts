import { isScalar, type Scalar } from 'yaml';
import type { Range, TextEdit } from '../types';
import { mapOf, type NodeContext } from './effective';
import { addEntryEdit, insertInScalarEdit, replaceScalarEdit, type YamlMap } from './insert';
import { portsOfService } from './facts';
import type { ComposeService } from './model';
import { composeString, type PortMapping, valueStartOffset } from './values';

// Published ports: which ones listen on every host interface, how to describe them, where to
// point a finding, and the edit that binds one to the loopback interface instead.

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]']);

/** Ports of a service that Docker actually publishes (none with `network_mode: host`, which ignores `ports:`). */
export function publishedPorts(service: ComposeService): PortMapping[] {
  const mode = composeString(service.get('network_mode'));
  if (mode !== undefined && mode.trim().toLowerCase() === 'host') return [];
  return portsOfService(service);
}

/** True when the mapping listens on every host interface (no host IP, `0.0.0.0` or `::`). */
export function onAllInterfaces(port: PortMapping): boolean {
  return ALL_INTERFACES.has(port.hostIp.trim());
}

/** "8080→80/tcp", "a random port→80/tcp", "8000-8010→8000-8010/udp". */
export function describePort(port: PortMapping): string {
  const host = port.published ? port.published : 'a random port';
  return `${host}→${port.target}/${port.protocol || 'tcp'}`;
}

/** The container ports of a mapping (`80`, `8000-8010` expanded to its bounds). */
export function targetRange(port: PortMapping): [number, number] | undefined {
  const match = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(port.target);
  if (!match) return undefined;
  const low = Number(match[1]);
  return [low, match[2] ? Number(match[2]) : low];
}

/** Where a finding about the mapping goes: the short-syntax string, or the long syntax's `host_ip`/`published`/`target` value. */
export function portRange(context: NodeContext, port: PortMapping, prefer: 'host' | 'target' = 'host'): Range {
  if (port.form === 'short') return port.item.range;
  const long = mapOf(context, port.item);
  const keys = prefer === 'host' ? ['host_ip', 'published', 'target'] : ['target', 'published'];
  for (const key of keys) {
    const entry = long?.get(key);
    if (entry) return entry.range;
  }
  return port.item.range;
}

/**
 * Binds the mapping to the loopback interface: `127.0.0.1:` before a short spec (`127.0.0.1::`
 * when the host port is random), `0.0.0.0` → `127.0.0.1` and `[::]` → `[::1]` where written,
 * `host_ip` set or added in long syntax. Undefined when the text cannot be edited exactly.
 */
export function bindLoopbackEdit(context: NodeContext, port: PortMapping): TextEdit | undefined {
  const item = port.item;
  const hostIp = port.hostIp.trim();
  const loopback = hostIp.includes(':') ? '::1' : '127.0.0.1';
  if (port.form === 'long') {
    const long = mapOf(context, item);
    if (!long) return undefined;
    const entry = long.get('host_ip');
    if (entry) return replaceScalarEdit(context, entry.node, loopback);
    return addEntryEdit(context, long.node as YamlMap, 'host_ip', { scalar: loopback });
  }
  const node = item.node;
  if (!isScalar(node)) return undefined;
  const raw = (node as Scalar).value;
  if (typeof raw === 'number') {
    return { range: context.lines.rangeOf(node.range[0], node.range[0]), newText: `${loopback}::` };
  }
  if (typeof raw !== 'string' || valueStartOffset(context, node) === undefined) return undefined;
  const lead = raw.length - raw.trimStart().length;
  if (!hostIp) {
    // An empty host part written out (`:8080:80`): fill it in where it is literal. When an
    // interpolation produced it (`${PORT-:8080:80}`), no prefix gives a valid spec for every value.
    if (composeString(item)?.trim().startsWith(':')) {
      return raw.slice(lead).startsWith(':') ? insertInScalarEdit(context, node, lead, loopback) : undefined;
    }
    return insertInScalarEdit(context, node, lead, port.published ? `${loopback}:` : `${loopback}::`);
  }
  // An explicit all-interfaces address: replace it where it is written literally.
  const written = raw.slice(lead);
  for (const [text, replacement] of [
    ['0.0.0.0:', '127.0.0.1:'],
    ['[::]:', '[::1]:'],
  ] as const) {
    if (written.startsWith(text)) {
      const start = valueStartOffset(context, node)! + lead;
      return { range: context.lines.rangeOf(start, start + text.length), newText: replacement };
    }
  }
  return undefined;
}
