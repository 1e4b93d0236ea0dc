import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText } from '../../rules/fix';
import type { Finding, Fix } from '../../rules/types';
import type { DocumentAnalyzer } from './analyzer';
import { SOURCE } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/** Quick fixes for the diagnostics in the request, plus fix-all when asked for source actions. */
export function codeActions(params: CodeActionParams, document: TextDocument, analyzer: DocumentAnalyzer): CodeAction[] {
  const result = analyzer.resultFor(document.uri, document.version);
  if (!result) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = result.findings.find((f) => matches(f, diagnostic));
      if (!finding) continue;
      for (const fix of [finding.fix, ...(finding.alternatives ?? [])]) {
        if (fix) actions.push(quickFix(fix, document.uri, diagnostic, fix === finding.fix && fix.safe));
      }
      for (const fix of result.analysis?.suppressionFixes(finding) ?? []) {
        actions.push(quickFix(fix, document.uri, diagnostic, false));
      }
    }
  }

  if (wants(FIX_ALL_KIND)) {
    const edit = fixAllEdit(document, analyzer);
    if (edit) actions.push({ title: 'Fix all safely fixable Shipshape problems', kind: FIX_ALL_KIND, edit });
  }
  return actions;
}

function matches(finding: Finding, diagnostic: Diagnostic): boolean {
  const a = finding.range;
  const b = diagnostic.range;
  return (
    finding.rule === diagnostic.code &&
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function quickFix(fix: Fix, uri: string, diagnostic: Diagnostic, preferred: boolean): CodeAction {
  return {
    title: fix.safe ? fix.title : `${fix.title}${/^Suppress/.test(fix.title) ? '' : ' (changes behaviour)'}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred || undefined,
    edit: { changes: { [uri]: fix.edits } },
  };
}

/** One edit covering what the safe fixes change, computed by fixing and re-analyzing until stable. */
export function fixAllEdit(document: TextDocument, analyzer: DocumentAnalyzer): WorkspaceEdit | undefined {
  const result = analyzer.resultFor(document.uri);
  const path = result?.path;
  if (!path) return undefined;
  const original = document.getText();
  const fixed = fixText(original, (text) => analyzer.analyzeText(path, text, document.languageId).findings).text;
  if (fixed === original) return undefined;
  return { changes: { [document.uri]: [minimalEdit(document, original, fixed)] } };
}

/** Replaces only the span between the common prefix and suffix, so cursors and folds elsewhere stay put. */
function minimalEdit(document: TextDocument, before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return {
    range: { start: document.positionAt(start), end: document.positionAt(endBefore) },
    newText: after.slice(start, endAfter),
  };
}
