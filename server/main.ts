import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../package.json';
import { isConfigFile } from '../rules/config';
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
}

// Not `shipshape.fixAll`: vscode-languageclient registers every server command as a VS Code
// command, and that id is the extension's own palette command (which calls this one).
export const COMMAND_FIX_ALL = 'shipshape.applySafeFixes';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyzer = new DocumentAnalyzer(editorWorkspace(documents));
let scheduler = new AnalysisScheduler();
let canWatchFiles = false;

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  scheduler = new AnalysisScheduler({ debounceMs: options.debounceMs });
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      executeCommandProvider: { commands: [COMMAND_FIX_ALL] },
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
  void connection.sendDiagnostics({
    uri: current.uri,
    version: current.version,
    diagnostics: result.findings.map((finding) => toDiagnostic(finding, current.uri)),
  });
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
  return codeActions(params, document, analyzer);
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  const result = document && (analyzer.resultFor(document.uri, document.version) ?? analyzer.analyzeDocument(document));
  return result ? hoverAt(result, params.position) : null;
});

connection.onExecuteCommand(async (params) => {
  if (params.command !== COMMAND_FIX_ALL) return;
  const uri = String(params.arguments?.[0] ?? '');
  const document = documents.get(uri);
  if (!document) return;
  if (!analyzer.resultFor(document.uri, document.version)) analyzer.analyzeDocument(document);
  const edit = fixAllEdit(document, analyzer);
  if (edit) await connection.workspace.applyEdit({ label: 'Shipshape: fix all', edit });
});

connection.onShutdown(() => scheduler.dispose());

documents.listen(connection);
connection.listen();
