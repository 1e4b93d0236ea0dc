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

/** The parts of a diagnostic that only depend on its rule, built once per rule (the href above all). */
const RULE_PARTS = new Map<string, { href: { href: string } }>();

function rulePartsOf(rule: string): { href: { href: string } } {
  let parts = RULE_PARTS.get(rule);
  if (!parts) RULE_PARTS.set(rule, (parts = { href: { href: ruleDocUrl(rule) } }));
  return parts;
}

export function toDiagnostic(finding: Finding, documentUri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    // Shared per rule: the object is only ever serialized, never mutated.
    codeDescription: rulePartsOf(finding.rule).href,
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
