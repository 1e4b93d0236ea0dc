import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../dockerfile/model';
import type { Range } from '../types';
import { mapLayers, type LayerMap, type LayerMapOptions, type PlacementKind } from './layers';
import { TRIVY_SEVERITIES, type SecretFinding, type TrivyReport, type TrivySeverity, type Vulnerability } from './report';

// A Trivy report laid onto a Dockerfile: each vulnerability and secret on the instruction
// that introduced it, and per instruction a summary an editor can show as one diagnostic.

export interface PlacedItem<T> {
  item: T;
  /** The instruction's first line (for FROM: the image reference). */
  range: Range;
  line: number;
  layer: PlacementKind;
  note?: string;
}

export interface InstructionSummary {
  range: Range;
  line: number;
  keyword: string;
  layer: PlacementKind;
  counts: Record<TrivySeverity, number>;
  vulnerabilities: Vulnerability[];
  secrets: SecretFinding[];
  notes: string[];
}

export interface MappedReport {
  vulnerabilities: PlacedItem<Vulnerability>[];
  secrets: PlacedItem<SecretFinding>[];
  /** One entry per instruction that received anything, in file order. */
  summaries: InstructionSummary[];
  layers?: LayerMap;
}

export function mapReport(report: TrivyReport, model: DockerfileModel, options: LayerMapOptions = {}): MappedReport {
  const layers = mapLayers(report, model, options);
  const place = <T extends { diffId?: string }>(item: T): PlacedItem<T> | undefined => {
    if (!layers) return undefined;
    const placement = (item.diffId && layers.byDiffId.get(item.diffId)) || layers.fallback;
    const range = instructionRange(placement.instruction, model);
    return { item, range, line: range.start.line, layer: placement.kind, note: placement.note };
  };
  const vulnerabilities = report.vulnerabilities.map(place).filter((p): p is PlacedItem<Vulnerability> => !!p);
  const secrets = report.secrets.map(place).filter((p): p is PlacedItem<SecretFinding> => !!p);
  return { vulnerabilities, secrets, summaries: summarize(vulnerabilities, secrets, model), layers };
}

/** FROM points at its image reference; other instructions at their first line. */
function instructionRange(instruction: Instruction, model: DockerfileModel): Range {
  if (instruction.getKeyword() === 'FROM') {
    const image = (instruction as Instruction & { getImageRange?: () => Range | null }).getImageRange?.();
    if (image) return image;
  }
  const start = instruction.getRange().start;
  return { start, end: { line: start.line, character: model.lines.lineText(start.line).length } };
}

function summarize(
  vulnerabilities: PlacedItem<Vulnerability>[],
  secrets: PlacedItem<SecretFinding>[],
  model: DockerfileModel,
): InstructionSummary[] {
  const byLine = new Map<number, InstructionSummary>();
  const summaryFor = (placed: PlacedItem<unknown>): InstructionSummary => {
    let summary = byLine.get(placed.line);
    if (!summary) {
      const keyword = model.lines.lineText(placed.line).trim().split(/\s+/)[0]?.toUpperCase() ?? '';
      summary = {
        range: placed.range,
        line: placed.line,
        keyword,
        layer: placed.layer,
        counts: Object.fromEntries(TRIVY_SEVERITIES.map((s) => [s, 0])) as Record<TrivySeverity, number>,
        vulnerabilities: [],
        secrets: [],
        notes: [],
      };
      byLine.set(placed.line, summary);
    }
    if (placed.note && !summary.notes.includes(placed.note)) summary.notes.push(placed.note);
    return summary;
  };
  for (const placed of vulnerabilities) {
    const summary = summaryFor(placed);
    summary.counts[placed.item.severity]++;
    summary.vulnerabilities.push(placed.item);
  }
  for (const placed of secrets) summaryFor(placed).secrets.push(placed.item);
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
