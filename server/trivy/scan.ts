import { readFileSync } from 'fs';
import { buildModel } from '../../rules/dockerfile/model';
import { mapReport, type MappedReport } from '../../rules/trivy/map';
import { parseTrivyReport, TrivyReportError, type TrivyReport } from '../../rules/trivy/report';
import { EMPTY_CONFIG, type ResolvedConfig, type Workspace } from '../../rules/types';
import { runTrivy, TrivyError, type TrivyScanOptions } from './runner';

// One image scan, shared by the CLI (`scan-image`) and the language server (the scan
// command): run Trivy (or read a report it already wrote), then lay the report onto the
// Dockerfile with the pure mapping in rules/trivy.

export interface ScanRequest {
  /** Run Trivy with these options… */
  trivy?: Omit<TrivyScanOptions, 'image'> & { image: string };
  /** …or read an existing JSON report instead. */
  reportFile?: string;
  dockerfilePath: string;
  dockerfileText: string;
  workspace: Workspace;
  config?: ResolvedConfig;
}

export interface ScanResult {
  report: TrivyReport;
  mapped: MappedReport;
}

export async function scanImage(request: ScanRequest): Promise<ScanResult> {
  let text: string;
  if (request.reportFile) {
    try {
      text = readFileSync(request.reportFile, 'utf8');
    } catch (error) {
      throw new TrivyError('bad-report', `Cannot read the Trivy report ${request.reportFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else if (request.trivy) {
    text = await runTrivy(request.trivy);
  } else {
    throw new TrivyError('failed', 'Nothing to scan: give an image or a report.');
  }
  let report: TrivyReport;
  try {
    report = parseTrivyReport(text);
  } catch (error) {
    if (error instanceof TrivyReportError) throw new TrivyError('bad-report', error.message);
    throw error;
  }
  const model = buildModel(request.dockerfileText, {
    path: request.dockerfilePath,
    workspace: request.workspace,
    config: request.config ?? EMPTY_CONFIG,
    now: new Date(),
  });
  return { report, mapped: mapReport(report, model) };
}
