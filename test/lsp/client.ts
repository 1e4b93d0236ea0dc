import { fork, spawn, type ChildProcess } from 'child_process';
import { pathToFileURL } from 'url';
import {
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-jsonrpc/node';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  createProtocolConnection,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
  NotificationType,
  ShowMessageRequest,
  ShowDocumentRequest,
  WorkDoneProgressCreateRequest,
  type MessageActionItem,
  type ShowMessageRequestParams,
  type ShowDocumentParams,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverScript } from './repo';

const ProgressNotification = '$/progress';

// A small but real LSP client for the protocol tests and the bench: it spawns the bundled
// server, speaks JSON-RPC over stdio or Node IPC, keeps its own copy of every open document
// (so edits the server proposes can be applied and sent back the way an editor would), and
// records every publishDiagnostics so tests can assert on the order of versions.

export type Transport = 'stdio' | 'ipc';

export interface StartOptions {
  transport?: Transport;
  /** Sent as initializationOptions (e.g. `{ debounceMs: 0 }`). */
  initializationOptions?: unknown;
  /** Workspace folder path (absolute), sent as rootUri and the one workspace folder. */
  rootPath?: string;
  /** How the client answers workspace/applyEdit; the default applies the edit to open documents. */
  onApplyEdit?: (params: ApplyWorkspaceEditParams) => ApplyWorkspaceEditResult;
  /** Capabilities added to CLIENT_CAPABILITIES (e.g. `window.workDoneProgress`). */
  capabilities?: ClientCapabilities;
  /** How the client answers window/showMessageRequest; the default picks the first action. */
  onMessageRequest?: (params: ShowMessageRequestParams) => MessageActionItem | null;
}

/** What a real editor (VS Code 1.100-like) announces, trimmed to what the server can use. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    executeCommand: { dynamicRegistration: false },
    workspaceFolders: true,
    configuration: false,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true, willSave: false, willSaveWaitUntil: false },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
      tagSupport: { valueSet: [1, 2] },
    },
    codeAction: {
      dynamicRegistration: false,
      isPreferredSupport: true,
      disabledSupport: true,
      dataSupport: true,
      codeActionLiteralSupport: {
        codeActionKind: {
          valueSet: ['', 'quickfix', 'refactor', 'source', 'source.organizeImports', 'source.fixAll'],
        },
      },
    },
    hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
  },
  window: { workDoneProgress: false },
  general: { positionEncodings: ['utf-16'] },
};

interface Waiter {
  uri: string;
  accept: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

export class LspTestClient {
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every workspace/applyEdit the server sent. */
  readonly applyEditRequests: ApplyWorkspaceEditParams[] = [];
  /** Capabilities the server registered dynamically. */
  readonly registrations: Registration[] = [];
  /** Every $/progress notification, and the tokens the server created. */
  readonly progress: Array<{ token: string | number; value: unknown }> = [];
  readonly progressTokens: Array<string | number> = [];
  /** Every window/showMessageRequest and window/showDocument the server sent. */
  readonly messageRequests: ShowMessageRequestParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly documents = new Map<string, TextDocument>();
  initializeResult!: InitializeResult;
  stderr = '';
  private exitCode: number | null | undefined;
  /** Resolves with the exit code once the server process ends, however it ends. */
  readonly exited: Promise<number | null>;
  private readonly waiters = new Set<Waiter>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    private readonly options: StartOptions,
  ) {
    process.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) =>
      process.on('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.delete(waiter);
          waiter.resolve(params);
        }
      }
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.progressTokens.push(params.token);
    });
    connection.onNotification(new NotificationType<{ token: string | number; value: unknown }>(ProgressNotification), (params) => {
      this.progress.push(params);
    });
    connection.onRequest(ShowMessageRequest.type, (params) => {
      this.messageRequests.push(params);
      return (this.options.onMessageRequest ?? ((p) => p.actions?.[0] ?? null))(params);
    });
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.applyEditRequests.push(params);
      return (this.options.onApplyEdit ?? ((p) => this.applyWorkspaceEdit(p.edit)))(params);
    });
    connection.listen();
  }

  /** Spawns the server and completes the initialize / initialized handshake. */
  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const script = serverScript();
    let child: ChildProcess;
    let reader: MessageReader;
    let writer: MessageWriter;
    if (options.transport === 'ipc') {
      child = fork(script, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      reader = new IPCMessageReader(child);
      writer = new IPCMessageWriter(child);
    } else {
      // SHIPSHAPE_SERVER_NODE_ARGS (e.g. `--cpu-prof`) profiles the server under the bench.
      const nodeArgs = process.env.SHIPSHAPE_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
      child = spawn(process.execPath, [...nodeArgs, script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      reader = new StreamMessageReader(child.stdout!);
      writer = new StreamMessageWriter(child.stdin!);
    }
    const client = new LspTestClient(child, createProtocolConnection(reader, writer), options);
    const rootUri = options.rootPath ? pathToFileURL(options.rootPath).toString() : null;
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'shipshape-lsp-tests', version: '1' },
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
      capabilities: { ...CLIENT_CAPABILITIES, ...options.capabilities, window: { ...CLIENT_CAPABILITIES.window, ...options.capabilities?.window } },
      initializationOptions: options.initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.exitCode === undefined;
  }

  async open(uri: string, languageId: string, text: string): Promise<TextDocument> {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return document;
  }

  /** Sends incremental changes (applied in order, as LSP says) and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const current = this.document(uri);
    const version = current.version + 1;
    this.documents.set(uri, TextDocument.update(current, changes, version));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  /** Types `text` at `position` one character per didChange; returns the last version. */
  async type(uri: string, position: Position, text: string): Promise<number> {
    let version = this.document(uri).version;
    let at = position;
    for (const ch of text) {
      version = await this.change(uri, [{ range: { start: at, end: at }, text: ch }]);
      at = { line: at.line, character: at.character + ch.length };
    }
    return version;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  /**
   * Resolves with the first publication for `uri` (already received or still to come) whose
   * version is `version`. Without a version: the current version of the open document.
   */
  diagnostics(uri: string, version = this.documents.get(uri)?.version, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const accept = (p: PublishDiagnosticsParams) => version === undefined || p.version === version;
    const seen = this.published.find((p) => p.uri === uri && accept(p));
    return seen ? Promise.resolve(seen) : this.waitFor(uri, accept, timeoutMs, `version ${version}`);
  }

  /**
   * The next publication for `uri` from now on that satisfies `until` (any, by default).
   * Create the promise *before* sending what triggers it. A server may re-publish the same
   * version (an open triggers an immediate and a scheduled analysis; a config change re-runs
   * every document), so tests that wait for an effect say which effect with `until`.
   */
  nextDiagnostics(
    uri: string,
    until: (params: PublishDiagnosticsParams) => boolean = () => true,
    what = 'the next publication',
    timeoutMs = 5000,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(uri, until, timeoutMs, what);
  }

  private waitFor(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        accept,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const got = this.published.filter((p) => p.uri === uri);
        const last = got.at(-1);
        const lastCodes = last ? `; the last (version ${last.version}) had [${last.diagnostics.map((d) => d.code)}]` : '';
        reject(
          new Error(
            `no diagnostics for ${uri} (${what}) within ${timeoutMs} ms; got versions [${got.map((p) => p.version)}]` +
              `${lastCodes}; server stderr: ${this.stderr.slice(-500)}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Quick fixes (and other actions) for `diagnostics`, as the editor's light bulb asks for them. */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}), triggerKind: 1 },
    });
    return (result ?? []).filter((item): item is CodeAction => !isCommand(item));
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /**
   * Applies a workspace edit the way an editor does: to our copy of each open document, then
   * tells the server with one didChange carrying the edits (last first, so ranges stay valid).
   */
  applyWorkspaceEdit(edit: WorkspaceEdit): ApplyWorkspaceEditResult {
    const perUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, [...edits]);
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) return { applied: false, failureReason: 'file operations are not supported' };
      perUri.set(change.textDocument.uri, change.edits.filter((e): e is TextEdit => 'range' in e));
    }
    for (const [uri, edits] of perUri) {
      if (!this.documents.has(uri)) return { applied: false, failureReason: `${uri} is not open` };
      const ordered = [...edits].sort((a, b) => comparePosition(b.range.start, a.range.start));
      void this.change(uri, ordered.map((e) => ({ range: e.range, text: e.newText })));
    }
    return { applied: true };
  }

  /** shutdown + exit, then waits for the process; resolves with its exit code. */
  async stop(): Promise<number | null> {
    if (this.alive) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    }
    const code = await Promise.race([this.exited, delay(3000).then(() => 'timeout' as const)]);
    this.connection.dispose();
    if (code === 'timeout') {
      this.process.kill();
      throw new Error('the server did not exit within 3 s of the exit notification');
    }
    return code;
  }

  /** Ends the process without the handshake (for after-each cleanup of a failed test). */
  kill(): void {
    if (this.alive) this.process.kill();
    this.connection.dispose();
  }
}

function isCommand(item: CodeAction | Command): item is Command {
  return typeof (item as Command).command === 'string';
}

function comparePosition(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A predicate for nextDiagnostics: the published rule ids, sorted, are exactly `codes`. */
export function codesAre(...codes: string[]): (params: PublishDiagnosticsParams) => boolean {
  const wanted = JSON.stringify([...codes].sort());
  return (params) => JSON.stringify(params.diagnostics.map((d) => String(d.code)).sort()) === wanted;
}

/** Diagnostics with the given rule id. */
export function withCode(params: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return params.diagnostics.filter((d) => d.code === code);
}

/** A diagnostic's message as plain text (LSP 3.18 also allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
