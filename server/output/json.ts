import type { Finding } from '../../rules/types';
import type { CheckReport } from './report';

// The machine format, public and versioned: `{"version":1,"files":[{"path","kind","findings":
// [{"rule","severity","message","range","fix?"}]}]}`. Ranges stay LSP-shaped (0-based lines,
// UTF-16 columns, end exclusive) so editors and bots can use them without conversion.
// Adding fields is fine within version 1; renaming or removing one needs version 2.

export const JSON_FORMAT_VERSION = 1;

export function formatJson(report: CheckReport): string {
  const files = report.files.map((file) => ({
    path: file.displayPath,
    kind: file.kind,
    findings: file.findings.map(findingJson),
  }));
  return `${JSON.stringify({ version: JSON_FORMAT_VERSION, files }, null, 2)}\n`;
}

function findingJson(finding: Finding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    range: finding.range,
    ...(finding.fix ? { fix: { title: finding.fix.title, safe: finding.fix.safe, edits: finding.fix.edits } } : {}),
    ...(finding.data ? { data: finding.data } : {}),
  };
}
