import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../package.json';
import { composeLanguage } from '../rules/compose';
import { composeImages } from '../rules/compose/image-names';
import { isConfigFile } from '../rules/config';
import { ImageScans, COMMAND_OPEN_ADVISORY } from './lsp/image-scans';
import { killRunningScans } from './trivy/runner';
import { COMMAND_RUN_SCAN, ScanCommand, type RunScanArguments, type TrivySettings } from './lsp/scan-command';
import { DocumentAnalyzer } from './lsp/analyzer';
import { FIX_ALL_KIND, codeActions, fixAllEdit } from './lsp/code-actions';
import { toDiagnostic } from './lsp/diagnostics';
import { hoverAt } from './lsp/hover';
import { uriToPath } from './lsp/paths';
import { AnalysisScheduler } from './lsp/scheduler';
import { editorWorkspace } from './lsp/workspace';

// The language server only wires LSP events to the engine: documents in, diagnostics, code
// actions and hovers out. It runs over stdio or Node IPC (chosen by the launch arguments).

export interface InitializationOptions {
  /** Fixed analysis delay in ms; by default it adapts to the document's analysis time. */
  debounceMs?: number;
  /** Whether the workspace is trusted; an untrusted one never runs external programs. */
  trusted?: boolean;
  /** Trivy settings for image scans (the VS Code client also sends them with each scan). */
  trivy?: TrivySettings;
  /** The client registers `shipshape.scanImage` itself (VS Code): code lenses call it. */
  clientScanCommand?: boolean;
}

// Not `shipshape.fixAll`: vscode-languageclient registers every server command as a VS Code
// command, and that id is the extension's own palette command (which calls this one).
export const COMMAND_FIX_ALL = 'shipshape.applySafeFixes';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = editorWorkspace(documents);
const analyzer = new DocumentAnalyzer(workspace);
let scheduler = new AnalysisScheduler();
let canWatchFiles = false;
let options: InitializationOptions = {};
let folders: string[] = [];
const scans = new ScanCommand(
  connection,
  documents,
  analyzer,
  workspace,
  new ImageScans(),
  // Editors other than VS Code have no trust model: the user started the server on purpose.
  () => ({ trusted: options.trusted !== false, trivy: options.trivy ?? {}, folders }),
  (uri) => {
    const document = documents.get(uri);
    if (document) publish(document);
  },
);

connection.onInitialize((params): InitializeResult => {
  options = (params.initializationOptions ?? {}) as InitializationOptions;
  folders = (params.workspaceFolders ?? []).map((folder) => uriToPath(folder.uri));
  if (!folders.length && params.rootUri) folders = [uriToPath(params.rootUri)];
  scheduler = new AnalysisScheduler({ debounceMs: options.debounceMs });
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [COMMAND_FIX_ALL, COMMAND_RUN_SCAN, COMMAND_OPEN_ADVISORY] },
    },
    serverInfo: { name: 'shipshape', version },
  };
});

connection.onInitialized(() => {
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/.{shipshape,hadolint}.{yaml,yml}' }],
    });
  }
});

function publish(document: TextDocument): void {
  const current = documents.get(document.uri);
  if (!current || current.version !== document.version) return; // superseded while waiting
  const result = analyzer.analyzeDocument(current);
  const diagnostics = new Array<Diagnostic>(result.findings.length);
  for (let i = 0; i < result.findings.length; i++) diagnostics[i] = toDiagnostic(result.findings[i], current.uri);
  for (const diagnostic of scans.scans.diagnostics(current)) diagnostics.push(diagnostic);
  void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
}

function schedule(document: TextDocument): void {
  const last = analyzer.resultFor(document.uri)?.durationMs;
  scheduler.schedule(document.uri, last, () => publish(document));
}

function reanalyzeAll(): void {
  analyzer.invalidateConfigs();
  for (const document of documents.all()) schedule(document);
}

documents.onDidOpen(({ document }) => publish(document));
documents.onDidChangeContent(({ document }) => {
  if (isConfigFile(uriToPath(document.uri))) {
    // Unsaved config edits already govern the other open files.
    publish(document);
    reanalyzeAll();
  } else {
    schedule(document);
  }
});
documents.onDidClose(({ document }) => {
  scheduler.cancel(document.uri);
  analyzer.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  if (isConfigFile(uriToPath(document.uri))) reanalyzeAll();
});

connection.onDidChangeWatchedFiles(() => reanalyzeAll());

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  // The diagnostics the client sends belong to the latest version; make sure we have it.
  if (!analyzer.resultFor(document.uri, document.version)) analyzer.analyzeDocument(document);
  return [...codeActions(params, document, analyzer), ...scans.scans.codeActions(document, params.context.diagnostics, workspace.readFile)];
});

connection.onCodeLens(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  const result = document && (analyzer.resultFor(document.uri, document.version) ?? analyzer.analyzeDocument(document));
  if (!document || !result?.analysis) return [];
  let lenses;
  if (result.analysis.kind === 'dockerfile') {
    lenses = scans.scans.codeLenses(document, result.analysis.finalStageLine);
  } else if (result.analysis.kind === 'compose') {
    // Compose services that build an image: scan it onto their Dockerfile.
    const path = uriToPath(document.uri);
    const { model } = composeLanguage.parse(document.getText(), { path, workspace, config: analyzer.configFor(path), now: new Date() });
    lenses = scans.scans.composeCodeLenses(model, composeImages(model, path), (file) => workspace.readFile(file) !== undefined);
  } else {
    return [];
  }
  // Editors without Shipshape's own client run the server command directly.
  if (!options.clientScanCommand) for (const lens of lenses) if (lens.command?.command === 'shipshape.scanImage') lens.command.command = COMMAND_RUN_SCAN;
  return lenses;
});

connection.onRequest('shipshape/imageCandidates', () => scans.candidates());

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  const result = document && (analyzer.resultFor(document.uri, document.version) ?? analyzer.analyzeDocument(document));
  if (!document || !result) return null;
  return hoverAt(result, params.position) ?? scans.scans.hover(document, params.position);
});

connection.onExecuteCommand(async (params, token) => {
  if (params.command === COMMAND_RUN_SCAN) return scans.run(params.arguments?.[0] as RunScanArguments, token);
  if (params.command === COMMAND_OPEN_ADVISORY) {
    const url = String(params.arguments?.[0] ?? '');
    if (/^https?:\/\//.test(url)) await connection.window.showDocument({ uri: url, external: true });
    return;
  }
  if (params.command !== COMMAND_FIX_ALL) return;
  const uri = String(params.arguments?.[0] ?? '');
  const document = documents.get(uri);
  if (!document) return;
  if (!analyzer.resultFor(document.uri, document.version)) analyzer.analyzeDocument(document);
  const edit = fixAllEdit(document, analyzer);
  if (edit) await connection.workspace.applyEdit({ label: 'Shipshape: fix all', edit });
});

connection.onShutdown(() => {
  scheduler.dispose();
  killRunningScans();
});

documents.listen(connection);
connection.listen();
