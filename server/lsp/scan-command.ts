import { posix } from 'path';
import { ResponseError, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MappedReport } from '../../rules/trivy/map';
import type { Workspace } from '../../rules/types';
import { imageCandidates, type ImageCandidate } from '../trivy/candidates';
import { inspectImage } from '../trivy/docker';
import { TrivyError, type ScanPhase } from '../trivy/runner';
import { scanImage } from '../trivy/scan';
import type { DocumentAnalyzer } from './analyzer';
import { ImageScans, textHash } from './image-scans';
import { uriToPath } from './paths';

// The image scan as an LSP command, so every editor gets it: runs Trivy in the server with
// work-done progress ("Downloading vulnerability database", "Scanning"), cancellation that
// kills the process, and results that become diagnostics on the Dockerfile.

export const COMMAND_RUN_SCAN = 'shipshape.runImageScan';

/** Trivy settings: from initializationOptions, overridable per call by the client. */
export interface TrivySettings {
  path?: string;
  severities?: string[];
  ignoreUnfixed?: boolean;
  offline?: boolean;
  dbRepository?: string;
  ignoreFile?: string;
  timeoutSeconds?: number;
}

export interface RunScanArguments {
  dockerfileUri: string;
  /** Omitted: the server asks the user to pick one (window/showMessageRequest). */
  image?: string;
  trivy?: TrivySettings;
}

/** What the command returns, for results views: every finding with its Dockerfile line. */
export interface ScanSummary {
  image: string;
  imageId?: string;
  dockerfileUri: string;
  scannedAt: string;
  /** The image id was unchanged since the last scan, so Trivy was not run again. */
  fromCache: boolean;
  vulnerabilities: Array<{
    id: string;
    pkgName: string;
    pkgPath?: string;
    installedVersion: string;
    fixedVersion?: string;
    severity: string;
    title?: string;
    url?: string;
    line: number;
    layer: string;
  }>;
  secrets: Array<{ ruleId: string; title: string; severity: string; target: string; line: number }>;
}

const PHASE_MESSAGES: Record<ScanPhase, string> = {
  starting: 'Starting Trivy',
  'downloading-db': 'Downloading vulnerability database',
  scanning: 'Scanning',
};

export class ScanCommand {
  private readonly recent: string[] = [];
  /** Reports by image id (and Trivy options): rescanning an unchanged image does not run Trivy. */
  private readonly reports = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: DocumentAnalyzer,
    private readonly workspace: Workspace,
    readonly scans: ImageScans,
    private readonly settings: () => { trusted: boolean; trivy: TrivySettings; folders: string[] },
    private readonly republish: (uri: string) => void,
  ) {}

  candidates(): Promise<ImageCandidate[]> {
    const { trusted, folders } = this.settings();
    return imageCandidates({ folders, workspace: this.workspace, trusted, recent: this.recent });
  }

  async run(args: RunScanArguments, token: CancellationToken): Promise<ScanSummary | null> {
    const { trusted, trivy: defaults } = this.settings();
    if (!trusted) {
      throw new ResponseError(1, 'Image scans run Trivy, an external program, so they are disabled in an untrusted workspace. Trust the workspace to scan.');
    }
    const dockerfilePath = uriToPath(args.dockerfileUri);
    const dockerfileText = this.documents.get(args.dockerfileUri)?.getText() ?? this.workspace.readFile(dockerfilePath);
    if (dockerfileText === undefined) throw new ResponseError(1, `Cannot read ${dockerfilePath}.`);
    const image = args.image ?? (await this.askForImage(dockerfilePath));
    if (!image) return null;
    const trivy = { ...defaults, ...args.trivy };

    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin(`Shipshape: scanning ${image} with Trivy`, undefined, PHASE_MESSAGES.starting, true);
    const abort = new AbortController();
    progress.token.onCancellationRequested(() => abort.abort());
    token.onCancellationRequested(() => abort.abort());
    const ignoreFile = trivy.ignoreFile ?? posix.join(posix.dirname(dockerfilePath), '.trivyignore');
    try {
      const result = await scanImage({
        dockerfilePath,
        dockerfileText,
        workspace: this.workspace,
        config: this.analyzer.configFor(dockerfilePath),
        inspect: (reference) => inspectImage(reference),
        cache: this.reports,
        trivy: {
          image,
          trivyPath: trivy.path || 'trivy',
          severities: trivy.severities,
          ignoreUnfixed: trivy.ignoreUnfixed,
          offline: trivy.offline,
          dbRepository: trivy.dbRepository,
          ignoreFile: this.workspace.readFile(ignoreFile) !== undefined ? ignoreFile : undefined,
          timeoutMs: trivy.timeoutSeconds ? trivy.timeoutSeconds * 1000 : undefined,
          signal: abort.signal,
          onPhase: (phase) => progress.report(PHASE_MESSAGES[phase]),
        },
      });
      const scannedAt = new Date().toISOString().replace('T', ' ').slice(0, 16);
      this.scans.record(args.dockerfileUri, {
        image,
        imageId: result.report.imageId,
        scannedAt,
        dockerfileHash: textHash(dockerfileText),
        report: result.report,
        mapped: result.mapped,
      });
      this.remember(image);
      this.republish(args.dockerfileUri);
      return summarize(image, result.report.imageId, args.dockerfileUri, scannedAt, result.mapped, result.fromCache);
    } catch (error) {
      if (error instanceof TrivyError) {
        if (error.kind === 'cancelled') return null;
        throw new ResponseError(1, error.message, { kind: error.kind });
      }
      throw error;
    } finally {
      progress.done();
    }
  }

  /** Any LSP editor: offer the likeliest images as message actions. */
  private async askForImage(dockerfilePath: string): Promise<string | undefined> {
    const candidates = await this.candidates();
    const preferred = [
      ...candidates.filter((c) => c.dockerfile === dockerfilePath),
      ...candidates.filter((c) => c.dockerfile !== dockerfilePath),
    ].slice(0, 6);
    if (!preferred.length) {
      void this.connection.window.showWarningMessage('No image to scan: build one first, or pass the image name to the scan command.');
      return undefined;
    }
    const picked = await this.connection.window.showInformationMessage(
      `Scan which image for ${posix.basename(dockerfilePath)}?`,
      ...preferred.map((c) => ({ title: c.image })),
    );
    return picked?.title;
  }

  private remember(image: string): void {
    const at = this.recent.indexOf(image);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.unshift(image);
    this.recent.splice(10);
  }
}

function summarize(image: string, imageId: string | undefined, dockerfileUri: string, scannedAt: string, mapped: MappedReport, fromCache: boolean): ScanSummary {
  return {
    image,
    imageId,
    dockerfileUri,
    scannedAt,
    fromCache,
    vulnerabilities: mapped.vulnerabilities.map(({ item, line, layer }) => ({
      id: item.id,
      pkgName: item.pkgName,
      pkgPath: item.pkgPath,
      installedVersion: item.installedVersion,
      fixedVersion: item.fixedVersion,
      severity: item.severity,
      title: item.title,
      url: item.primaryUrl,
      line,
      layer,
    })),
    secrets: mapped.secrets.map(({ item, line }) => ({ ruleId: item.ruleId, title: item.title, severity: item.severity, target: item.target, line })),
  };
}
