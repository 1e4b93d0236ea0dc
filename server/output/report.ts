import type { Finding, Kind, Severity } from '../../rules/types';

// What a `shipshape check` run found, in the shape every output format starts from. The
// formats differ only in how they print it, so exit codes and counts are decided once.

/** Config files are reported like any other file, under a kind of their own. */
export type ReportKind = Kind | 'config';

export interface FileReport {
  /** POSIX absolute path (synthetic for stdin). */
  path: string;
  /** Relative to the working directory, POSIX separators; `<stdin>` for standard input. */
  displayPath: string;
  kind: ReportKind;
  findings: Finding[];
}

export interface CheckReport {
  /** Working directory (POSIX absolute): what relative paths are relative to. */
  cwd: string;
  files: FileReport[];
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface Counts {
  error: number;
  warning: number;
  info: number;
  /** Findings `--fix` would fix. */
  safeFixes: number;
  /** Findings only `--fix-unsafe` would fix. */
  unsafeFixes: number;
}

export function countFindings(files: FileReport[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, safeFixes: 0, unsafeFixes: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      counts[finding.severity]++;
      if (finding.fix?.safe) counts.safeFixes++;
      else if (finding.fix) counts.unsafeFixes++;
    }
  }
  return counts;
}

/** "1 warning", "2 errors": what summaries are made of. */
export function plural(count: number, noun: string): string {
  if (count === 1) return `${count} ${noun}`;
  return `${count} ${noun === 'info' ? 'info' : `${noun}s`}`;
}
