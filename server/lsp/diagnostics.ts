import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { ruleDocUrl } from '../../rules/docs-url';
import type { Finding, Severity } from '../../rules/types';
import { pathToUri } from './paths';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export const SOURCE = 'shipshape';

export function toDiagnostic(finding: Finding, documentUri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocUrl(finding.rule) },
    source: SOURCE,
    message: finding.message,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: related.path ? pathToUri(related.path) : documentUri, range: related.range },
      message: related.message,
    }));
  }
  return diagnostic;
}
