import type { Hover, Position } from 'vscode-languageserver';
import { ruleHover } from '../../rules/docs';
import { comparePositions } from '../../rules/position';
import { ruleById } from '../../rules/registry';
import type { DocumentResult } from './analyzer';

/** Documentation of the rules whose findings cover `position`. */
export function hoverAt(result: DocumentResult, position: Position): Hover | null {
  const here = result.findings.filter(
    (f) => comparePositions(f.range.start, position) <= 0 && comparePositions(position, f.range.end) <= 0,
  );
  const seen = new Set<string>();
  const sections: string[] = [];
  for (const finding of here) {
    const rule = ruleById(finding.rule);
    if (!rule || seen.has(rule.meta.id)) continue;
    seen.add(rule.meta.id);
    sections.push(ruleHover(rule.meta));
  }
  if (!sections.length) return null;
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: here[0].range };
}
