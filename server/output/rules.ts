import { ENGINE_RULES } from '../../rules/engine-rules';
import { allRuleMeta } from '../../rules/registry';
import type { FixKind, SeverityLevel } from '../../rules/types';

// `shipshape rules`: every id a user can write in config, suppressions or CI filters,
// including the engine's own (`shipshape/config`, ...), which have kind "shipshape".

export interface RuleListing {
  id: string;
  kind: string;
  severity: SeverityLevel;
  tier: number;
  title: string;
  aliases: string[];
  /** Which fix `--fix` (safe) or `--fix-unsafe` (unsafe) applies; "none" when there is none. */
  fixable: FixKind;
}

export function listRules(): RuleListing[] {
  const fileRules: RuleListing[] = allRuleMeta().map((meta) => ({
    id: meta.id,
    kind: meta.kind,
    severity: meta.severity,
    tier: meta.tier,
    title: meta.title,
    aliases: [...meta.aliases],
    fixable: meta.fix,
  }));
  const engineRules: RuleListing[] = Object.entries(ENGINE_RULES).map(([id, rule]) => ({
    id,
    kind: 'shipshape',
    severity: rule.severity,
    // Not a rule of a file kind, but part of the core product: tier 1.
    tier: 1,
    title: rule.title,
    aliases: [],
    fixable: 'none',
  }));
  return [...fileRules, ...engineRules].sort((a, b) => a.id.localeCompare(b.id));
}

export function formatRulesJson(rules: RuleListing[]): string {
  return `${JSON.stringify(rules, null, 2)}\n`;
}

/** A plain table: columns padded to their widest cell, aliases last because they run long. */
export function formatRulesText(rules: RuleListing[]): string {
  const header = ['ID', 'SEVERITY', 'TIER', 'FIX', 'TITLE', 'ALIASES'];
  const rows = rules.map((rule) => [
    rule.id,
    rule.severity,
    String(rule.tier),
    rule.fixable,
    // Titles are Markdown (`latest`); a terminal shows backticks as noise.
    rule.title.replace(/`/g, ''),
    rule.aliases.join(', '),
  ]);
  const widths = header.map((_, column) => Math.max(header[column].length, ...rows.map((row) => row[column].length)));
  const render = (row: string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(render).join('\n')}\n${rules.length} rules.\n`;
}
