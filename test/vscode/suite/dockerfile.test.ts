import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, fileUri, open, shipshapeDiagnostics, waitFor, waitForDiagnostic } from './helpers';

describe('Dockerfile diagnostics and quick fix', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await open('Dockerfile');
  });

  after(async () => {
    // Leave the copy as it was on disk so later files see a clean workspace.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reports dockerfile/image-latest on the FROM image', async () => {
    const d = await waitForDiagnostic(editor.document.uri, 'dockerfile/image-latest');
    const line = editor.document.lineAt(d.range.start.line).text;
    assert.match(line, /^\s*FROM\s/i, `diagnostic is not on a FROM line: ${line}`);
    assert.match(editor.document.getText(d.range), /latest|node/, 'range should cover the image reference');
    assert.ok(d.message.length > 0);
  });

  it('reports dockerfile/user-missing', async () => {
    const d = await waitForDiagnostic(editor.document.uri, 'dockerfile/user-missing');
    assert.ok(
      d.severity === vscode.DiagnosticSeverity.Warning || d.severity === vscode.DiagnosticSeverity.Error,
      `unexpected severity ${d.severity}`,
    );
    assert.ok(!/^\s*USER\s/im.test(editor.document.getText()), 'the example Dockerfile already has a USER line');
  });

  it('offers a quick fix for user-missing that removes the diagnostic when applied', async () => {
    const uri = editor.document.uri;
    const diag = await waitForDiagnostic(uri, 'dockerfile/user-missing');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // executeCodeActionProvider does not hand back `diagnostics`, so recognise the fix by
    // what it does: a non-suppression quick fix whose edit introduces a USER instruction.
    const addsUser = (a: vscode.CodeAction) =>
      !!a.edit && a.edit.entries().some(([, edits]) => edits.some((e) => /^\s*USER\s+\S+/m.test(e.newText)));
    const fixes = (actions ?? []).filter(
      (a): a is vscode.CodeAction =>
        'edit' in a &&
        !!a.edit &&
        !/suppress|ignore/i.test(a.title) &&
        ((a.diagnostics ?? []).some((d) => codeOf(d) === 'dockerfile/user-missing') || addsUser(a)),
    );
    assert.ok(
      fixes.length > 0,
      `no quick fix adding a USER for dockerfile/user-missing; offered: ${(actions ?? []).map((a) => a.title).join(' | ') || '(none)'}`,
    );
    const fix = fixes.find((a) => a.isPreferred) ?? fixes[0];
    const before = editor.document.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), `applyEdit failed for "${fix.title}"`);
    const after = editor.document.getText();
    assert.notStrictEqual(after, before, 'the fix changed nothing');
    assert.match(after, /^\s*USER\s+\S+/im, 'the fixed Dockerfile has no USER instruction');
    await waitFor(
      () => shipshapeDiagnostics(uri, 'dockerfile/user-missing').length === 0,
      () => `user-missing to go away after "${fix.title}"; still: ${describeDiagnostics(uri)}`,
    );
    // The other finding must survive: the fix is targeted, not a reset of all diagnostics.
    assert.ok(shipshapeDiagnostics(fileUri('Dockerfile'), 'dockerfile/image-latest').length > 0, 'image-latest vanished too');
  });
});
