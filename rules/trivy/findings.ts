import type { Finding, Severity } from '../types';
import type { InstructionSummary, MappedReport, PlacedItem } from './map';
import { TRIVY_SEVERITIES, type SecretFinding, type TrivySeverity, type Vulnerability } from './report';

// Findings from a mapped Trivy report. Machine output (JSON, SARIF) gets one finding per
// vulnerability and secret; the editor gets one per instruction summarizing them, with the
// details in the hover.

import { IMAGE_SECRET_RULE as SECRET_RULE, IMAGE_VULNERABILITY_RULE as VULNERABILITY_RULE } from '../engine-rules';

export { SECRET_RULE, VULNERABILITY_RULE };

const LEVEL: Record<TrivySeverity, Severity> = { CRITICAL: 'error', HIGH: 'error', MEDIUM: 'warning', LOW: 'info', UNKNOWN: 'info' };

export function vulnerabilityFindings(mapped: MappedReport): Finding[] {
  return [
    ...mapped.vulnerabilities.map((placed) => vulnerabilityFinding(placed)),
    ...mapped.secrets.map((placed) => secretFinding(placed)),
  ];
}

function where(placed: PlacedItem<unknown>): string {
  if (placed.layer === 'base') return 'in the base image';
  if (placed.layer === 'instruction') return 'added by this instruction';
  return `placed on FROM: ${placed.note ?? 'layer unknown'}`;
}

function vulnerabilityFinding(placed: PlacedItem<Vulnerability>): Finding {
  const v = placed.item;
  const fix = v.fixedVersion ? `fixed in ${v.fixedVersion}` : 'no fixed version yet';
  return {
    rule: VULNERABILITY_RULE,
    severity: LEVEL[v.severity],
    message: `${v.id} (${v.severity}) in ${v.pkgName} ${v.installedVersion}, ${fix}; ${where(placed)}.${v.title ? ` ${v.title}` : ''}`,
    range: placed.range,
    data: {
      vulnerabilityId: v.id,
      package: v.pkgName,
      installedVersion: v.installedVersion,
      ...(v.fixedVersion ? { fixedVersion: v.fixedVersion } : {}),
      ...(v.pkgPath ? { packagePath: v.pkgPath } : {}),
      severity: v.severity,
      layer: placed.layer,
      target: v.target,
      ...(v.primaryUrl ? { url: v.primaryUrl } : {}),
    },
  };
}

function secretFinding(placed: PlacedItem<SecretFinding>): Finding {
  const s = placed.item;
  return {
    rule: SECRET_RULE,
    severity: LEVEL[s.severity] === 'info' ? 'warning' : LEVEL[s.severity],
    message: `${s.title} (${s.ruleId}) found in ${s.target}${s.startLine ? `:${s.startLine}` : ''} in the image; ${where(placed)}. Remove it from the build context and rotate it.`,
    range: placed.range,
    data: { secretRule: s.ruleId, severity: s.severity, target: s.target, layer: placed.layer },
  };
}

/** One finding per instruction for the editor: counts by severity, worst first. */
export function summaryFindings(mapped: MappedReport): Finding[] {
  return mapped.summaries.map((summary) => {
    const worst = TRIVY_SEVERITIES.find((s) => summary.counts[s] > 0);
    const counts = TRIVY_SEVERITIES.filter((s) => summary.counts[s] > 0).map((s) => `${summary.counts[s]} ${s.toLowerCase()}`);
    const parts: string[] = [];
    if (counts.length) parts.push(`${summary.vulnerabilities.length} vulnerabilit${summary.vulnerabilities.length === 1 ? 'y' : 'ies'} (${counts.join(', ')})`);
    if (summary.secrets.length) parts.push(`${summary.secrets.length} secret${summary.secrets.length === 1 ? '' : 's'}`);
    const origin = summary.layer === 'base' ? 'from the base image' : summary.layer === 'instruction' ? `added by this ${summary.keyword}` : 'whose layer could not be placed';
    const note = summary.notes.length ? ` (${summary.notes.join('; ')})` : '';
    return {
      rule: summary.secrets.length && !summary.vulnerabilities.length ? SECRET_RULE : VULNERABILITY_RULE,
      severity: summary.secrets.length ? 'error' : worst ? LEVEL[worst] : 'info',
      message: `Trivy: ${parts.join(' and ')} ${origin}${note}.`,
      range: summary.range,
      data: { line: summary.line, ...Object.fromEntries(TRIVY_SEVERITIES.map((s) => [s.toLowerCase(), summary.counts[s]])) },
    };
  });
}

export type { InstructionSummary };
