import { countFindings, plural, type CheckReport } from './report';
import type { Finding, Severity } from '../../rules/types';

// The human format: one `path:line:col: severity rule message` line per finding (the shape
// terminals and editors turn into links), files separated by a blank line, then a summary.

export interface TextOptions {
  color: boolean;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  green: '\u001b[32m',
};

const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue };

export function formatText(report: CheckReport, options: TextOptions): string {
  const paint = (codes: string, text: string) => (options.color ? `${codes}${text}${ANSI.reset}` : text);
  const blocks: string[] = [];
  for (const file of report.files) {
    if (!file.findings.length) continue;
    blocks.push(file.findings.map((finding) => findingLine(file.displayPath, finding, paint)).join('\n'));
  }
  const summary = summaryLine(report, paint);
  return (blocks.length ? `${blocks.join('\n\n')}\n\n` : '') + `${summary}\n`;
}

function findingLine(path: string, finding: Finding, paint: (codes: string, text: string) => string): string {
  const { line, character } = finding.range.start;
  const location = paint(ANSI.bold, `${path}:${line + 1}:${character + 1}:`);
  const severity = paint(SEVERITY_COLOR[finding.severity], finding.severity);
  const rule = paint(ANSI.dim, finding.rule);
  // One finding per line, whatever the message holds, so `grep` and problem matchers work.
  const message = finding.message.replace(/\s*\r?\n\s*/g, ' ');
  return `${location} ${severity} ${rule} ${message}`;
}

function summaryLine(report: CheckReport, paint: (codes: string, text: string) => string): string {
  const checked = plural(report.files.length, 'file');
  if (!report.files.length) return 'No files to check.';
  const counts = countFindings(report.files);
  const total = counts.error + counts.warning + counts.info;
  if (!total) return paint(ANSI.green, `No problems found (${checked} checked).`);
  const withFindings = report.files.filter((file) => file.findings.length).length;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')];
  let line = `${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(withFindings, 'file')}, ${checked} checked.`;
  const fixable: string[] = [];
  if (counts.safeFixes) fixable.push(`${counts.safeFixes} fixable with --fix`);
  if (counts.unsafeFixes) fixable.push(`${counts.unsafeFixes} ${counts.safeFixes ? 'more ' : 'fixable '}with --fix-unsafe`);
  if (fixable.length) line += ` ${fixable.join(', ')}.`;
  const color = counts.error ? ANSI.red : counts.warning ? ANSI.yellow : ANSI.blue;
  return paint(ANSI.bold + color, line);
}
