import { posix } from 'path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { LineIndex } from './position';
import { resolveRuleName } from './registry';
import type { Finding, LabelFormat, Range, ResolvedConfig, Severity, SeverityLevel, Workspace } from './types';

// `.shipshape.yaml` (nearest ancestor of the analyzed file) and a `.hadolint.yaml` beside it.
// Validation problems are findings in the config file itself, so the editor underlines the
// bad key and the CLI reports it like any other finding.

import { CONFIG_RULE } from './engine-rules';

export { CONFIG_RULE };
export const SHIPSHAPE_CONFIG_NAMES = ['.shipshape.yaml', '.shipshape.yml'];
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];
const LEVELS: SeverityLevel[] = ['error', 'warning', 'info', 'off'];
const TRIVY_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];

export interface ParsedConfig {
  config: Partial<ResolvedConfig>;
  problems: Finding[];
}

export function isConfigFile(path: string): boolean {
  const base = posix.basename(path);
  return SHIPSHAPE_CONFIG_NAMES.includes(base) || HADOLINT_CONFIG_NAMES.includes(base);
}

/** Config problems for a config file, by its name. */
export function checkConfigFile(path: string, text: string): Finding[] {
  const base = posix.basename(path);
  if (SHIPSHAPE_CONFIG_NAMES.includes(base)) return parseShipshapeConfig(text).problems;
  if (HADOLINT_CONFIG_NAMES.includes(base)) return parseHadolintConfig(text).problems;
  return [];
}

/**
 * One named config file on its own (the CLI's `--config FILE`): hadolint's format when its
 * name says so, Shipshape's otherwise.
 */
export function configFromFile(path: string, text: string): { config: ResolvedConfig; problems: Finding[] } {
  const isHadolint = HADOLINT_CONFIG_NAMES.includes(posix.basename(path)) || /hadolint/i.test(posix.basename(path));
  const parsed = isHadolint ? parseHadolintConfig(text) : parseShipshapeConfig(text);
  const config = isHadolint
    ? mergeConfig(posix.dirname(path), [path], parsed.config, {})
    : mergeConfig(posix.dirname(path), [path], {}, parsed.config);
  return { config, problems: parsed.problems };
}

/** Config problems for any config file, choosing the format as `configFromFile` does. */
export function checkAnyConfigFile(path: string, text: string): Finding[] {
  return configFromFile(path, text).problems;
}

/** The config that governs `filePath`: the nearest folder holding a Shipshape or hadolint config. */
export function loadConfig(filePath: string, workspace: Workspace): ResolvedConfig {
  for (let dir = posix.dirname(filePath); ; dir = posix.dirname(dir)) {
    const shipshape = readFirst(dir, SHIPSHAPE_CONFIG_NAMES, workspace);
    const hadolint = readFirst(dir, HADOLINT_CONFIG_NAMES, workspace);
    if (shipshape || hadolint) {
      const fromHadolint = hadolint ? parseHadolintConfig(hadolint.text).config : {};
      const fromShipshape = shipshape ? parseShipshapeConfig(shipshape.text).config : {};
      return mergeConfig(dir, [hadolint?.path, shipshape?.path].filter((p): p is string => !!p), fromHadolint, fromShipshape);
    }
    if (dir === '/' || dir === '.' || posix.dirname(dir) === dir) break;
  }
  return mergeConfig(undefined, [], {}, {});
}

function readFirst(dir: string, names: string[], workspace: Workspace): { path: string; text: string } | undefined {
  for (const name of names) {
    const path = posix.join(dir, name);
    const text = workspace.readFile(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

/** Rules that are off until a setting gives them something to check, and the level they get then. */
const ENABLED_BY_SETTING: Array<{ rule: string; level: SeverityLevel; when: (config: ResolvedConfig) => boolean }> = [
  { rule: 'dockerfile/registry-not-trusted', level: 'error', when: (config) => config.trustedRegistries.length > 0 },
];

function mergeConfig(
  root: string | undefined,
  sources: string[],
  base: Partial<ResolvedConfig>,
  over: Partial<ResolvedConfig>,
): ResolvedConfig {
  const config = mergeSettings(root, sources, base, over);
  for (const { rule, level, when } of ENABLED_BY_SETTING) {
    if (config.rules[rule] === undefined && when(config)) config.rules[rule] = level;
  }
  return config;
}

function mergeSettings(
  root: string | undefined,
  sources: string[],
  base: Partial<ResolvedConfig>,
  over: Partial<ResolvedConfig>,
): ResolvedConfig {
  return {
    rules: { ...base.rules, ...over.rules },
    trustedRegistries: over.trustedRegistries ?? base.trustedRegistries ?? [],
    nonRootImages: over.nonRootImages ?? [],
    ignore: over.ignore ?? [],
    trivy: over.trivy ?? {},
    labelSchema: over.labelSchema ?? base.labelSchema ?? {},
    strictLabels: over.strictLabels ?? base.strictLabels ?? false,
    root,
    sources,
    failureThreshold: base.failureThreshold,
  };
}

/** Reads YAML into a document, turning syntax errors into findings. */
class ConfigReader {
  readonly problems: Finding[] = [];
  readonly doc: Document;
  private readonly lines: LineIndex;

  constructor(text: string) {
    this.lines = new LineIndex(text);
    this.doc = parseDocument(text, { prettyErrors: false });
    for (const error of this.doc.errors) {
      const [start, end] = error.pos;
      this.report(this.lines.rangeOf(start, Math.max(end, start + 1)), `YAML syntax error: ${error.message.split('\n')[0]}`);
    }
  }

  rangeOf(node: Node | null | undefined): Range {
    const r = node?.range;
    return r ? this.lines.rangeOf(r[0], r[1]) : this.lines.rangeOf(0, 0);
  }

  report(range: Range, message: string, severity: Severity = 'error'): void {
    this.problems.push({ rule: CONFIG_RULE, severity, message, range });
  }

  /** The top-level mapping's entries, or none (reporting a non-mapping document). */
  entries(): Array<{ key: string; keyNode: Node; value: Node | null }> {
    const contents = this.doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) return [];
    if (!isMap(contents)) {
      this.report(this.rangeOf(contents), 'The configuration must be a mapping of keys to values.');
      return [];
    }
    return contents.items.map((pair) => ({
      key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
      keyNode: pair.key as Node,
      value: (pair.value as Node | null) ?? null,
    }));
  }

  stringList(node: Node | null, what: string): string[] | undefined {
    if (isSeq(node)) {
      const out: string[] = [];
      for (const item of node.items) {
        if (isScalar(item) && typeof item.value === 'string' && item.value) out.push(item.value);
        else this.report(this.rangeOf(item as Node), `Each entry of \`${what}\` must be a non-empty string.`);
      }
      return out;
    }
    if (isScalar(node) && typeof node.value === 'string') return [node.value];
    this.report(this.rangeOf(node), `\`${what}\` must be a list of strings.`);
    return undefined;
  }
}

export function parseShipshapeConfig(text: string): ParsedConfig {
  const reader = new ConfigReader(text);
  const config: Partial<ResolvedConfig> = {};
  for (const { key, keyNode, value } of reader.entries()) {
    switch (key) {
      case 'rules':
        config.rules = readRuleLevels(reader, value);
        break;
      case 'trustedRegistries':
      case 'nonRootImages':
      case 'ignore':
        config[key] = reader.stringList(value, key);
        break;
      case 'trivy':
        config.trivy = readTrivy(reader, value);
        break;
      case 'labelSchema':
        config.labelSchema = readLabelSchema(reader, value, key);
        break;
      case 'strictLabels':
        config.strictLabels = readBoolean(reader, value, key);
        break;
      default:
        reader.report(
          reader.rangeOf(keyNode),
          `Unknown key \`${key}\`. Known keys: rules, trustedRegistries, nonRootImages, ignore, trivy, labelSchema, strictLabels.`,
          'warning',
        );
    }
  }
  return { config, problems: reader.problems };
}

function readRuleLevels(reader: ConfigReader, node: Node | null): Record<string, SeverityLevel> {
  const levels: Record<string, SeverityLevel> = {};
  if (node === null || (isScalar(node) && node.value === null)) return levels;
  if (!isMap(node)) {
    reader.report(reader.rangeOf(node), '`rules` must map rule ids to error, warning, info or off.');
    return levels;
  }
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    const level = isScalar(value) ? String(value.value) : '';
    const ids = resolveRuleName(name);
    if (!ids.length) {
      reader.report(reader.rangeOf(pair.key as Node), `Unknown rule \`${name}\`. \`shipshape rules\` lists the ids.`, 'warning');
    } else if (!LEVELS.includes(level as SeverityLevel)) {
      reader.report(reader.rangeOf(value), `\`${level}\` is not a level: use error, warning, info or off.`);
    } else {
      for (const id of ids) levels[id] = level as SeverityLevel;
    }
  }
  return levels;
}

function readTrivy(reader: ConfigReader, node: Node | null): ResolvedConfig['trivy'] {
  const trivy: ResolvedConfig['trivy'] = {};
  if (!isMap(node)) {
    reader.report(reader.rangeOf(node), '`trivy` must be a mapping (severity, ignoreUnfixed).');
    return trivy;
  }
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === 'severity') {
      const list = reader.stringList(value, 'trivy.severity') ?? [];
      const bad = list.filter((s) => !TRIVY_SEVERITIES.includes(s.toUpperCase()));
      if (bad.length) reader.report(reader.rangeOf(value), `Unknown Trivy severity ${bad.join(', ')}: use ${TRIVY_SEVERITIES.join(', ')}.`);
      trivy.severity = list.map((s) => s.toUpperCase()).filter((s) => TRIVY_SEVERITIES.includes(s));
    } else if (key === 'ignoreUnfixed') {
      if (isScalar(value) && typeof value.value === 'boolean') trivy.ignoreUnfixed = value.value;
      else reader.report(reader.rangeOf(value), '`trivy.ignoreUnfixed` must be true or false.');
    } else {
      reader.report(reader.rangeOf(pair.key as Node), `Unknown key \`trivy.${key}\`. Known: severity, ignoreUnfixed.`, 'warning');
    }
  }
  return trivy;
}

const LABEL_FORMATS: LabelFormat[] = ['text', 'url', 'hash', 'rfc3339', 'semver', 'spdx', 'email'];

function readLabelSchema(reader: ConfigReader, node: Node | null, key: string): Record<string, LabelFormat> {
  const schema: Record<string, LabelFormat> = {};
  if (!isMap(node)) {
    reader.report(reader.rangeOf(node), `\`${key}\` must map label names to a format (${LABEL_FORMATS.join(', ')}).`);
    return schema;
  }
  for (const pair of node.items) {
    const label = isScalar(pair.key) ? String(pair.key.value) : '';
    const format = isScalar(pair.value) ? String(pair.value.value) : '';
    if (LABEL_FORMATS.includes(format as LabelFormat)) schema[label] = format as LabelFormat;
    else reader.report(reader.rangeOf(pair.value as Node), `Unknown label format \`${format}\`: use ${LABEL_FORMATS.join(', ')}.`);
  }
  return schema;
}

function readBoolean(reader: ConfigReader, node: Node | null, key: string): boolean | undefined {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  reader.report(reader.rangeOf(node), `\`${key}\` must be true or false.`);
  return undefined;
}

const HADOLINT_LEVELS: Record<string, SeverityLevel> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
const HADOLINT_THRESHOLDS: Record<string, Severity | 'none'> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'info',
  ignore: 'none',
  none: 'none',
};

/**
 * hadolint's own config: we honour `ignored`, `override` and `trustedRegistries`, and read
 * `failure-threshold` for the CLI. Its other keys belong to hadolint and are left alone.
 */
export function parseHadolintConfig(text: string): ParsedConfig {
  const reader = new ConfigReader(text);
  const rules: Record<string, SeverityLevel> = {};
  const config: Partial<ResolvedConfig> = { rules };
  const apply = (names: string[], level: SeverityLevel) => {
    for (const name of names) for (const id of resolveRuleName(`hadolint:${name}`)) rules[id] = level;
  };
  for (const { key, value } of reader.entries()) {
    if (key === 'ignored') apply(reader.stringList(value, 'ignored') ?? [], 'off');
    else if (key === 'trustedRegistries') config.trustedRegistries = reader.stringList(value, key);
    else if (key === 'label-schema') config.labelSchema = readLabelSchema(reader, value, key);
    else if (key === 'strict-labels') config.strictLabels = readBoolean(reader, value, key);
    else if (key === 'failure-threshold') {
      const level = isScalar(value) ? String(value.value) : '';
      if (level in HADOLINT_THRESHOLDS) config.failureThreshold = HADOLINT_THRESHOLDS[level];
      else reader.report(reader.rangeOf(value), '`failure-threshold` must be error, warning, info, style, ignore or none.');
    } else if (key === 'override') {
      if (!isMap(value)) {
        reader.report(reader.rangeOf(value), '`override` must map error/warning/info/style to lists of rule codes.');
        continue;
      }
      for (const pair of value.items) {
        const level = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!(level in HADOLINT_LEVELS)) {
          reader.report(reader.rangeOf(pair.key as Node), `Unknown override level \`${level}\`: use error, warning, info or style.`);
          continue;
        }
        apply(reader.stringList(pair.value as Node | null, `override.${level}`) ?? [], HADOLINT_LEVELS[level]);
      }
    }
  }
  return { config, problems: reader.problems };
}
