import { isScalar, type ParsedNode, type Scalar } from 'yaml';
import type { Range } from '../types';
import { type EffectiveMap, type Entry, type Item, type NodeContext, listOf, mapOf } from './effective';
import { interpolate } from './interpolate';

// Compose's field syntaxes, normalized so rules need not care how a user spelled a value:
// booleans (YAML and string forms), `environment` as a list or a map, `ports` and `volumes`
// in short or long syntax. Each normalized value keeps the `Item`/`Entry` it came from, so a
// finding can still point at the written text.

// ---------------------------------------------------------------- booleans

const TRUE_WORDS = new Set(['y', 'yes', 'true', 'on']);
const FALSE_WORDS = new Set(['n', 'no', 'false', 'off']);

/**
 * A boolean field as Compose reads it: YAML `true`/`false`, or (after interpolation) the
 * strings `y`, `yes`, `true`, `on` / `n`, `no`, `false`, `off` in any case — the schema allows
 * strings so that `${VAR}` works. Undefined when unresolved or not a boolean at all.
 */
export function composeBoolean(item: Item | undefined): boolean | undefined {
  if (!item || !item.resolved) return undefined;
  if (typeof item.value === 'boolean') return item.value;
  if (typeof item.value !== 'string') return undefined;
  const word = item.value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** The text of a scalar value after interpolation (numbers as written); undefined when unresolved or not a scalar. */
export function composeString(item: Item | undefined): string | undefined {
  if (!item || !item.resolved || item.value === undefined || item.value === null) return undefined;
  return typeof item.value === 'object' ? undefined : String(item.value);
}

// ---------------------------------------------------------------- sub-ranges

/**
 * The range of characters `from`..`to` of a scalar's *raw* value (before interpolation), when
 * the value's characters map one-to-one onto the source (plain scalars, and quoted ones
 * without escapes or line folding). Otherwise the whole value's range: still correct, less precise.
 */
export function subRange(context: NodeContext, item: Item, from: number, to: number): Range {
  const start = valueStartOffset(context, item.node);
  if (start === undefined) return item.range;
  return context.lines.rangeOf(start + from, start + to);
}

/** File offset of character 0 of the scalar's value, when characters map one-to-one. */
export function valueStartOffset(context: NodeContext, node: ParsedNode | null): number | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const [start, end] = node.range;
  const source = context.text.slice(start, end);
  const value = (node as Scalar<string>).value;
  if (source === value) return start;
  const quoted = source.length >= 2 && (source[0] === '"' || source[0] === "'") && source[source.length - 1] === source[0];
  return quoted && source.slice(1, -1) === value ? start + 1 : undefined;
}

// ---------------------------------------------------------------- environment

export interface EnvironmentVariable {
  name: string;
  form: 'map' | 'list';
  /** The list item or map entry that defines the variable. */
  item: Item | Entry;
  nameRange: Range;
  /** Range of the value text, or of the whole entry when there is no value. */
  valueRange: Range;
  /** The value as written, before interpolation; undefined for `KEY` / `KEY:` (taken from the shell at run time). */
  raw: string | undefined;
  /** The value after interpolation; undefined when absent or unresolved. */
  value: string | undefined;
  resolved: boolean;
  /** True when the value is written out in the file rather than coming from `${VAR}`. */
  literal: boolean;
}

/** `environment:` in either form: `KEY: value` or `- KEY=value`. */
export function environmentOf(service: EffectiveMap): EnvironmentVariable[] {
  const entry = service.get('environment');
  if (!entry) return [];
  const context = service.context;
  const map = mapOf(context, entry);
  if (map) {
    return map.entries().map((variable) => {
      const present = variable.raw !== null && variable.raw !== undefined && typeof variable.raw !== 'object';
      const raw = present ? String(variable.raw) : undefined;
      return {
        name: variable.key,
        form: 'map' as const,
        item: variable,
        nameRange: variable.keyRange,
        valueRange: variable.range,
        raw,
        value: present && variable.resolved ? String(variable.value) : undefined,
        resolved: !present || variable.resolved,
        literal: present && !variable.interpolation,
      };
    });
  }
  const items = listOf(context, entry) ?? [];
  const variables: EnvironmentVariable[] = [];
  for (const item of items) {
    if (typeof item.raw !== 'string') continue;
    const equals = item.raw.indexOf('=');
    const name = (equals < 0 ? item.raw : item.raw.slice(0, equals)).trim();
    const raw = equals < 0 ? undefined : item.raw.slice(equals + 1);
    const interpolated = raw === undefined ? undefined : interpolate(raw, context.lookup);
    variables.push({
      name,
      form: 'list',
      item,
      nameRange: subRange(context, item, 0, equals < 0 ? item.raw.length : equals),
      valueRange: raw === undefined ? item.range : subRange(context, item, equals + 1, item.raw.length),
      raw,
      value: interpolated?.value,
      resolved: interpolated ? interpolated.resolved : true,
      literal: interpolated !== undefined && interpolated.variables.length === 0,
    });
  }
  return variables;
}

// ---------------------------------------------------------------- ports

export interface PortMapping {
  form: 'short' | 'long';
  item: Item;
  /** Host address as written (`127.0.0.1`, `::1` without brackets); '' when none is given (all interfaces). */
  hostIp: string;
  /** Host port or range (`8080`, `8000-8010`); '' when Compose picks a random host port. */
  published: string;
  /** Container port or range. */
  target: string;
  protocol: string;
  /** Where in the raw short-syntax string the host part would go (offset of the first character), for inserting `127.0.0.1:`. */
  insertHostIpAt?: number;
}

/** `ports:` entries, short (`"127.0.0.1:8080:80/tcp"`, `80`) and long (`{target, published, host_ip}`) syntax. Unresolved entries are left out. */
export function portsOf(service: EffectiveMap): PortMapping[] {
  const items = service.list('ports') ?? [];
  const ports: PortMapping[] = [];
  for (const item of items) {
    const long = mapOf(service.context, item);
    if (long) {
      const field = (key: string) => {
        const entry = long.get(key);
        return entry ? composeString(entry) : '';
      };
      const values = ['host_ip', 'published', 'target', 'protocol'].map(field);
      if (values.some((value) => value === undefined)) continue;
      const [hostIp, published, target, protocol] = values as string[];
      ports.push({ form: 'long', item, hostIp, published, target, protocol: protocol || 'tcp' });
      continue;
    }
    const text = composeString(item);
    if (text === undefined) continue;
    const parsed = parsePortSpec(text);
    if (parsed) ports.push({ form: 'short', item, ...parsed });
  }
  return ports;
}

/**
 * Short port syntax, split the way the Docker CLI does: the last `:` part is the container
 * port, the one before it the host port, everything before that the host IP (brackets around
 * IPv6 removed). Returns undefined for empty text.
 */
export function parsePortSpec(text: string): Omit<PortMapping, 'form' | 'item'> | undefined {
  const spec = text.trim();
  if (!spec) return undefined;
  const slash = spec.lastIndexOf('/');
  const protocol = slash < 0 ? 'tcp' : spec.slice(slash + 1).toLowerCase();
  const address = slash < 0 ? spec : spec.slice(0, slash);
  const parts = address.split(':');
  const target = parts[parts.length - 1];
  const published = parts.length >= 2 ? parts[parts.length - 2] : '';
  let hostIp = parts.length >= 3 ? parts.slice(0, parts.length - 2).join(':') : '';
  if (hostIp.startsWith('[') && hostIp.endsWith(']')) hostIp = hostIp.slice(1, -1);
  return { hostIp, published, target, protocol, insertHostIpAt: hostIp ? undefined : text.indexOf(spec[0]) };
}

// ---------------------------------------------------------------- volumes

export interface VolumeMount {
  form: 'short' | 'long';
  item: Item;
  /** `bind`, `volume`, `tmpfs`, `npipe`, `image`, `cluster` (long syntax may name others). */
  type: string;
  /** Host path or volume name; '' for an anonymous volume. */
  source: string;
  target: string;
  readOnly: boolean;
  /** Short-syntax options after the target (`ro`, `z`, `rw,nocopy`); '' when none. */
  mode: string;
}

/** `volumes:` entries of a service, short (`./data:/data:ro`) and long syntax. Unresolved entries are left out. */
export function volumesOf(service: EffectiveMap): VolumeMount[] {
  const items = service.list('volumes') ?? [];
  const mounts: VolumeMount[] = [];
  for (const item of items) {
    const long = mapOf(service.context, item);
    if (long) {
      const source = long.get('source');
      const target = long.get('target');
      const sourceText = source ? composeString(source) : '';
      const targetText = target ? composeString(target) : '';
      if (sourceText === undefined || targetText === undefined) continue;
      mounts.push({
        form: 'long',
        item,
        type: composeString(long.get('type')) ?? 'volume',
        source: sourceText,
        target: targetText,
        readOnly: composeBoolean(long.get('read_only')) === true,
        mode: '',
      });
      continue;
    }
    const text = composeString(item);
    if (text === undefined) continue;
    const parsed = parseVolumeSpec(text);
    if (parsed) mounts.push({ form: 'short', item, ...parsed });
  }
  return mounts;
}

const DRIVE = /^[A-Za-z]$/;

/** Short volume syntax `[SOURCE:]TARGET[:MODE]`, with Windows drive letters (`C:\data:/data`) kept whole. */
export function parseVolumeSpec(text: string): Omit<VolumeMount, 'form' | 'item'> | undefined {
  const spec = text.trim();
  if (!spec) return undefined;
  const raw = spec.split(':');
  const parts: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    // `C:\x` or `C:/x` is one path, not a source `C` and a target `\x`.
    if (DRIVE.test(raw[i]) && i + 1 < raw.length && /^[\\/]/.test(raw[i + 1])) {
      parts.push(`${raw[i]}:${raw[++i]}`);
    } else parts.push(raw[i]);
  }
  if (parts.length === 1) return { type: 'volume', source: '', target: parts[0], readOnly: false, mode: '' };
  const [source, target, mode = ''] = parts;
  const options = mode.split(',');
  return { type: isHostPath(source) ? 'bind' : 'volume', source, target, readOnly: options.includes('ro'), mode };
}

function isHostPath(source: string): boolean {
  return /^(?:[/.~\\]|[A-Za-z]:[\\/])/.test(source);
}
