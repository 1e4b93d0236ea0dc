// Shared helpers for the extension-host tests (not a test file itself).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'shipshape.shipshape';
export const SOURCE = 'shipshape';

/** Repo root: this file is out/test/vscode/suite/helpers.js. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** The workspace the launcher opened: a temp copy of examples/, never the repo's own. */
export function workspaceRoot(): string {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'VS Code was started without a workspace folder');
  const root = folders[0].uri.fsPath;
  const repoExamples = path.join(REPO_ROOT, 'examples');
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };
  assert.notStrictEqual(real(root), real(repoExamples), 'tests must run on a copy of examples/, not the repo folder');
  assert.ok(fs.existsSync(path.join(root, 'Dockerfile')), `${root} does not look like a copy of examples/ (no Dockerfile)`);
  return root;
}

export function fileUri(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), rel));
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

export function shipshapeDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE && (code === undefined || codeOf(d) === code));
}

/** The language client's state, from the API the extension returns (for failure messages). */
export function clientState(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) return 'extension not loaded';
  if (!ext.isActive) return 'extension not active';
  const api = ext.exports as { client?: () => { state: number } | undefined } | undefined;
  if (!api) return 'activation failed (no API returned)';
  const state = typeof api.client === 'function' ? api.client()?.state : undefined;
  return `language client ${({ 1: 'stopped', 2: 'running', 3: 'starting' } as Record<number, string>)[state ?? 0] ?? 'unknown'}`;
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return `(none; ${clientState()})`;
  return all
    .map((d) => `${d.source}:${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)
    .join('; ');
}

export async function waitFor<T>(
  probe: () => T | undefined | false | null | Promise<T | undefined | false | null>,
  what: () => string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until a shipshape diagnostic with `code` is published for `uri`. */
export function waitForDiagnostic(uri: vscode.Uri, code: string, timeoutMs = 30_000): Promise<vscode.Diagnostic> {
  return waitFor(
    () => {
      const found = shipshapeDiagnostics(uri, code)[0];
      // No point waiting out the timeout when the extension failed to activate.
      if (!found && clientState().startsWith('activation failed')) {
        throw new Error(`no "${SOURCE}" diagnostic ${code} on ${uri.fsPath}: the extension's activation failed`);
      }
      return found;
    },
    () => `a "${SOURCE}" diagnostic ${code} on ${uri.fsPath}; present: ${describeDiagnostics(uri)}`,
    timeoutMs,
  );
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong, or package.json name/publisher changed)`);
  return ext;
}
