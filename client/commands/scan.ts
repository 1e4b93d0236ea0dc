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

export async function scanImage(
  client: LanguageClient | undefined,
  results: ScanResultsProvider,
  args?: { dockerfileUri?: string; image?: string },
): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      'Shipshape runs Trivy, an external program, to scan images, so scanning is disabled in an untrusted workspace. Trust the workspace to scan.',
    );
    return;
  }
  if (!client) return;
  const dockerfileUri = args?.dockerfileUri ?? (await pickDockerfile());
  if (!dockerfileUri) return;
  const image = args?.image ?? (await pickImage(client, dockerfileUri));
  if (!image) return;
  try {
    const summary = await client.sendRequest<ScanSummary | null>('workspace/executeCommand', {
      command: SERVER_SCAN_COMMAND,
      arguments: [{ dockerfileUri, image, trivy: trivySettings() }],
    });
    if (!summary) return; // cancelled
    results.show(summary);
    const counts = summary.vulnerabilities.length;
    void vscode.commands.executeCommand('shipshape.scanResults.focus');
    void vscode.window.showInformationMessage(
      `Shipshape: ${image} has ${counts} vulnerabilit${counts === 1 ? 'y' : 'ies'} and ${summary.secrets.length} secret${summary.secrets.length === 1 ? '' : 's'}, shown on the Dockerfile lines that introduced them.`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const choice = await vscode.window.showErrorMessage(`Shipshape scan failed: ${message}`, 'Open Settings');
    if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'shipshape.trivy');
  }
}

async function pickDockerfile(): Promise<string | undefined> {
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
  const typed = 'Type an image reference…';
  const items: vscode.QuickPickItem[] = [
    ...ordered.map((c) => ({ label: c.image, description: c.detail })),
    { label: typed, alwaysShow: true },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Scan which image?', placeHolder: 'Local images, images of your Compose files, recent scans', matchOnDescription: true });
  if (!picked) return undefined;
  if (picked.label !== typed) return picked.label;
  return vscode.window.showInputBox({ title: 'Image to scan', prompt: 'e.g. shop/web:dev or an image id', validateInput: (v) => (v.trim() ? undefined : 'Enter an image reference') });
}
