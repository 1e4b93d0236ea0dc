import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ScanResultsProvider, ScanSummary } from '../views/scan-results';

// "Shipshape: Scan Image with Trivy…": pick the Dockerfile and the image, then ask the server
// to scan (it runs Trivy, shows progress and publishes the diagnostics). The client only
// gathers choices and shows results.

interface ImageCandidate {
  image: string;
  source: 'recent' | 'compose' | 'local';
  detail?: string;
  dockerfile?: string;
}

export const SERVER_SCAN_COMMAND = 'shipshape.runImageScan';

/** Trivy settings as the server expects them; the executable path only in a trusted workspace. */
export function trivySettings(): Record<string, unknown> {
  const settings = vscode.workspace.getConfiguration('shipshape.trivy');
  return {
    ...(vscode.workspace.isTrusted ? { path: settings.get<string>('path') || 'trivy' } : {}),
    severities: settings.get<string[]>('severities'),
    ignoreUnfixed: settings.get<boolean>('ignoreUnfixed'),
    offline: settings.get<boolean>('offline'),
    dbRepository: settings.get<string>('dbRepository') || undefined,
    ignoreFile: settings.get<string>('ignoreFile') || undefined,
    timeoutSeconds: settings.get<number>('timeoutSeconds'),
  };
}

/** What a scan needs from the extension; tests pass their own. */
export interface ScanContext {
  client: LanguageClient | undefined;
  results: ScanResultsProvider;
  /** Offered after a scan ("Open Report"). */
  showReport?: (summary: ScanSummary) => void;
  /** Defaults to `vscode.workspace.isTrusted`. */
  trusted?: boolean;
}

export interface ScanArguments {
  dockerfileUri?: string;
  image?: string;
}

const UNTRUSTED_MESSAGE =
  'Shipshape runs external programs (Trivy, docker) to build and scan images, so this is disabled in an untrusted workspace. Trust the workspace to use it.';

/** The guard every command that runs an external program goes through. */
export function refuseUntrusted(trusted: boolean = vscode.workspace.isTrusted): boolean {
  if (trusted) return false;
  void vscode.window.showWarningMessage(UNTRUSTED_MESSAGE);
  return true;
}

// Scans in flight, so they can be cancelled (the LanguageClient sends $/cancelRequest and the
// server kills Trivy).
const running = new Set<vscode.CancellationTokenSource>();

/** Cancels every scan in flight; each returns undefined and publishes nothing. */
export function cancelScans(): number {
  const count = running.size;
  for (const source of running) source.cancel();
  return count;
}

/** Runs a scan; resolves to the summary, or undefined when refused, cancelled or failed (after telling the user). */
export async function scanImage(context: ScanContext, args?: ScanArguments): Promise<ScanSummary | undefined> {
  const { client, results } = context;
  if (refuseUntrusted(context.trusted ?? vscode.workspace.isTrusted)) return undefined;
  if (!client) return undefined;
  const dockerfileUri = args?.dockerfileUri ?? (await pickDockerfile());
  if (!dockerfileUri) return undefined;
  const image = args?.image ?? (await pickImage(client, dockerfileUri));
  if (!image) return undefined;
  const source = new vscode.CancellationTokenSource();
  running.add(source);
  try {
    const summary = await client.sendRequest<ScanSummary | null>(
      'workspace/executeCommand',
      { command: SERVER_SCAN_COMMAND, arguments: [{ dockerfileUri, image, trivy: trivySettings() }] },
      source.token,
    );
    if (!summary || source.token.isCancellationRequested) return undefined; // cancelled
    results.show(summary);
    const counts = summary.vulnerabilities.length;
    void vscode.commands.executeCommand('shipshape.scanResults.focus');
    void vscode.window
      .showInformationMessage(
        `Shipshape: ${image} has ${counts} vulnerabilit${counts === 1 ? 'y' : 'ies'} and ${summary.secrets.length} secret${summary.secrets.length === 1 ? '' : 's'}, shown on the Dockerfile lines that introduced them.`,
        'Open Report',
      )
      .then((choice) => {
        if (choice === 'Open Report') context.showReport?.(summary);
      });
    return summary;
  } catch (error) {
    if (source.token.isCancellationRequested) return undefined;
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Shipshape scan failed: ${message}`, 'Open Settings').then((choice) => {
      if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'shipshape.trivy');
    });
    return undefined;
  } finally {
    running.delete(source);
    source.dispose();
  }
}

export async function pickDockerfile(): Promise<string | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'dockerfile') return active.uri.toString();
  const files = await vscode.workspace.findFiles('**/{Dockerfile,*.Dockerfile,Dockerfile.*,Containerfile}', '**/node_modules/**', 50);
  if (files.length === 1) return files[0].toString();
  const picked = await vscode.window.showQuickPick(
    files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: 'Scan image: which Dockerfile built it?', placeHolder: 'Findings are shown on the lines of this Dockerfile' },
  );
  return picked?.uri.toString();
}

async function pickImage(client: LanguageClient, dockerfileUri: string): Promise<string | undefined> {
  const candidates = await client.sendRequest<ImageCandidate[]>('shipshape/imageCandidates').catch(() => [] as ImageCandidate[]);
  const dockerfilePath = vscode.Uri.parse(dockerfileUri).fsPath;
  const ordered = [
    ...candidates.filter((c) => c.dockerfile && path.resolve(c.dockerfile) === dockerfilePath),
    ...candidates.filter((c) => !c.dockerfile || path.resolve(c.dockerfile) !== dockerfilePath),
  ];
  const fixed: vscode.QuickPickItem[] = ordered.map((c) => ({ label: c.image, description: c.detail }));
  // Whatever the user types is offered as an image reference of its own, first.
  const pick = vscode.window.createQuickPick();
  pick.title = 'Scan which image?';
  pick.placeholder = 'Type an image reference (e.g. shop/web:dev or an image id), or pick a local, Compose or recent image';
  pick.matchOnDescription = true;
  pick.items = fixed;
  pick.onDidChangeValue((value) => {
    const typed = value.trim();
    const exact = fixed.some((item) => item.label === typed);
    pick.items = typed && !exact ? [{ label: typed, description: 'scan this image reference', alwaysShow: true }, ...fixed] : fixed;
  });
  return new Promise<string | undefined>((resolve) => {
    let result: string | undefined;
    pick.onDidAccept(() => {
      result = pick.selectedItems[0]?.label ?? (pick.value.trim() || undefined);
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(result);
    });
    pick.show();
  });
}
