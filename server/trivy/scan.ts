import { readFileSync } from 'fs';
import { buildModel } from '../../rules/dockerfile/model';
import { mapReport, type MappedReport } from '../../rules/trivy/map';
import { parseTrivyReport, TrivyReportError, type TrivyReport } from '../../rules/trivy/report';
import { EMPTY_CONFIG, type ResolvedConfig, type Workspace } from '../../rules/types';
import type { LocalImage } from './docker';
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
  /** Asks the local container CLI about an image; absent where no program may run. */
  inspect?: (reference: string) => Promise<LocalImage | undefined>;
  /** Reports by image id and Trivy options, so an unchanged image is not scanned twice. */
  cache?: Map<string, string>;
}

export interface ScanResult {
  report: TrivyReport;
  mapped: MappedReport;
  /** The report came from the cache: the image id was the same as at the last scan. */
  fromCache: boolean;
}

export async function scanImage(request: ScanRequest): Promise<ScanResult> {
  const model = buildModel(request.dockerfileText, {
    path: request.dockerfilePath,
    workspace: request.workspace,
    config: request.config ?? EMPTY_CONFIG,
    now: new Date(),
  });
  let text: string;
  let fromCache = false;
  if (request.reportFile) {
    try {
      text = readFileSync(request.reportFile, 'utf8');
    } catch (error) {
      throw new TrivyError('bad-report', `Cannot read the Trivy report ${request.reportFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else if (request.trivy) {
    const local = await request.inspect?.(request.trivy.image);
    const ignoreText = request.trivy.ignoreFile ? request.workspace.readFile(request.trivy.ignoreFile) ?? '' : '';
    const key = local ? cacheKey(local.id, request.trivy, ignoreText) : undefined;
    const cached = key ? request.cache?.get(key) : undefined;
    if (cached !== undefined) {
      text = cached;
      fromCache = true;
    } else {
      text = await runTrivy(request.trivy);
      if (key) request.cache?.set(key, text);
    }
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
  // The base image's own layers, when it is available locally, say exactly where it ends.
  const baseImage = baseImageOf(model);
  const baseDiffIds = baseImage ? (await request.inspect?.(baseImage))?.diffIds : undefined;
  return { report, mapped: mapReport(report, model, { baseDiffIds }), fromCache };
}

/** The image the final stage's chain of stages starts from (`debian:bookworm`), if any. */
function baseImageOf(model: ReturnType<typeof buildModel>): string | undefined {
  let stage = model.finalStage;
  while (stage?.base.stage) stage = stage.base.stage;
  const image = stage?.base.image;
  return image && image.name !== 'scratch' ? image.raw : undefined;
}

/** Everything that changes Trivy's answer for one image: its id, the filters, the ignore list. */
function cacheKey(imageId: string, options: TrivyScanOptions, ignoreText: string): string {
  const { severities, ignoreUnfixed, offline, dbRepository } = options;
  return JSON.stringify([imageId, severities ?? [], !!ignoreUnfixed, ignoreText, !!offline, dbRepository ?? '']);
}
