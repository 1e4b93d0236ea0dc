import * as path from 'path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { buildAndScan, type BuildArguments } from './commands/build';
import { cancelScans, scanImage, trivySettings, type ScanArguments, type ScanContext } from './commands/scan';
import { ScanReportPanels } from './views/scan-report';
import { ScanResultsProvider, type ScanSummary } from './views/scan-results';

// The VS Code adapter: starts the language server, forwards settings and workspace trust, and
// offers commands. It decides nothing about security; every finding comes from the server.

/** Compose files are recognised by name whatever language mode another extension gives them. */
export const COMPOSE_PATTERN = '**/{compose,compose.*,docker-compose,docker-compose*}.{yml,yaml}';
const CONFIG_PATTERN = '**/.{shipshape,hadolint}.{yml,yaml}';

export const DOCUMENT_SELECTOR: DocumentSelector = [
  { language: 'dockerfile' },
  { language: 'nginx' },
  { language: 'dockercompose' },
  { scheme: 'file', pattern: COMPOSE_PATTERN },
  { scheme: 'untitled', pattern: COMPOSE_PATTERN },
  { scheme: 'file', pattern: CONFIG_PATTERN },
];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ShipshapeApi> {
  const output = vscode.window.createOutputChannel('Shipshape', { log: true });
  context.subscriptions.push(output);

  const start = async () => {
    client = createClient(context, output);
    await client.start();
  };
  const restart = async () => {
    await client?.stop();
    await start();
  };

  const results = new ScanResultsProvider();
  const reports = new ScanReportPanels();
  const scanContext = (): ScanContext => ({ client, results, showReport: (summary) => reports.show(summary) });
  const showReport = async (args?: { dockerfileUri?: string } | { scan: ScanSummary }) => {
    const scan = pickScan(results, args);
    if (!scan) {
      void vscode.window.showInformationMessage('Shipshape: no image scan to report yet. Run "Shipshape: Scan Image with Trivy…" first.');
      return undefined;
    }
    return reports.show(scan);
  };
  context.subscriptions.push(
    reports,
    vscode.window.registerTreeDataProvider('shipshape.scanResults', results),
    vscode.commands.registerCommand('shipshape.scanImage', (args?: ScanArguments) => scanImage(scanContext(), args)),
    vscode.commands.registerCommand('shipshape.buildAndScan', (args?: BuildArguments) => buildAndScan(scanContext(), args)),
    vscode.commands.registerCommand('shipshape.showScanReport', showReport),
    vscode.commands.registerCommand('shipshape.showScanResults', () => vscode.commands.executeCommand('shipshape.scanResults.focus')),
    vscode.commands.registerCommand('shipshape.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendRequest('workspace/executeCommand', {
        command: 'shipshape.applySafeFixes',
        arguments: [editor.document.uri.toString()],
      });
    }),
    vscode.commands.registerCommand('shipshape.restartServer', restart),
    vscode.commands.registerCommand('shipshape.showOutput', () => output.show()),
    // Trust changes what the server may do (external programs), so it starts again with the new answer.
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('shipshape.debounceMs')) void restart();
    }),
    { dispose: () => void client?.stop() },
  );

  await start();
  return { client: () => client, scanResults: () => results, scanReports: () => reports, cancelScans };
}

/** The scan a report is for: the one given, the tree node's, the active Dockerfile's, or the latest. */
function pickScan(results: ScanResultsProvider, args?: { dockerfileUri?: string } | { scan: ScanSummary }): ScanSummary | undefined {
  if (args && 'scan' in args && args.scan) return args.scan;
  const uri = args && 'dockerfileUri' in args ? args.dockerfileUri : undefined;
  if (uri) return results.get(uri);
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  return (active && results.get(active)) || results.latest();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** What the extension hands to other extensions and to its own tests. */
export interface ShipshapeApi {
  client(): LanguageClient | undefined;
  scanResults(): ScanResultsProvider;
  scanReports(): ScanReportPanels;
  /** Cancels the scans in flight (as the progress notification's Cancel button does). */
  cancelScans(): number;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const settings = vscode.workspace.getConfiguration('shipshape');
  const debounceMs = settings.get<number | null>('debounceMs', null);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      clientScanCommand: true,
      trivy: trivySettings(),
      ...(typeof debounceMs === 'number' ? { debounceMs } : {}),
    },
  };
  return new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
}
