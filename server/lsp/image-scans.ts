import { createHash } from 'crypto';
import { posix } from 'path';
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
  type Hover,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ComposeImage } from '../../rules/compose/image-names';
import type { ComposeModel } from '../../rules/compose/model';
import { ruleDocUrl } from '../../rules/docs-url';
import { IMAGE_SECRET_RULE, IMAGE_VULNERABILITY_RULE } from '../../rules/engine-rules';
import { comparePositions } from '../../rules/position';
import { summaryFindings, type InstructionSummary } from '../../rules/trivy/findings';
import type { MappedReport } from '../../rules/trivy/map';
import { TRIVY_SEVERITIES, type TrivyReport, type Vulnerability } from '../../rules/trivy/report';
import { SOURCE } from './diagnostics';
import { pathToUri, uriToPath } from './paths';

// Results of image scans, kept per Dockerfile: they become diagnostics on the instructions
// that introduced each finding (marked as possibly stale once the Dockerfile changes), a
// hover table, `.trivyignore` quick fixes, and the code lens that offers the scan.

export const COMMAND_SCAN_IMAGE = 'shipshape.scanImage';
export const COMMAND_OPEN_ADVISORY = 'shipshape.openAdvisory';
/** The VS Code client's report panel (other editors have no such command; the lens then does nothing). */
export const COMMAND_SHOW_REPORT = 'shipshape.showScanReport';

export interface ScanRecord {
  image: string;
  imageId?: string;
  scannedAt: string;
  /** Hash of the Dockerfile text the scan was mapped onto. */
  dockerfileHash: string;
  report: TrivyReport;
  mapped: MappedReport;
}

const SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class ImageScans {
  private readonly byDockerfile = new Map<string, ScanRecord>();

  record(uri: string, record: ScanRecord): void {
    this.byDockerfile.set(uri, record);
  }

  get(uri: string): ScanRecord | undefined {
    return this.byDockerfile.get(uri);
  }

  /** Summary diagnostics for a Dockerfile, one per instruction that received findings. */
  diagnostics(document: TextDocument): Diagnostic[] {
    const record = this.byDockerfile.get(document.uri);
    if (!record) return [];
    const stale = textHash(document.getText()) !== record.dockerfileHash;
    const lastLine = document.lineCount - 1;
    return summaryFindings(record.mapped)
      .filter((finding) => finding.range.start.line <= lastLine)
      .map((finding) => ({
        range: finding.range,
        severity: SEVERITY[finding.severity],
        code: finding.rule,
        codeDescription: { href: ruleDocUrl(finding.rule) },
        source: SOURCE,
        message: `${finding.message}${stale ? ' (may be stale: the Dockerfile changed since the scan; scan again)' : ''} [${record.image}]`,
        data: { line: finding.data?.line },
      }));
  }

  /** A table of what the scan found on the instruction under the cursor. */
  hover(document: TextDocument, position: Position): Hover | null {
    const record = this.byDockerfile.get(document.uri);
    const summary = record?.mapped.summaries.find(
      (s) => comparePositions(s.range.start, position) <= 0 && comparePositions(position, s.range.end) <= 0,
    );
    if (!record || !summary) return null;
    return { contents: { kind: 'markdown', value: hoverTable(record, summary) }, range: summary.range };
  }

  /** `.trivyignore` entries and advisory links for the scan diagnostics in a request. */
  codeActions(document: TextDocument, diagnostics: Diagnostic[], readFile: (path: string) => string | undefined): CodeAction[] {
    const record = this.byDockerfile.get(document.uri);
    if (!record) return [];
    const actions: CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      if (diagnostic.code !== IMAGE_VULNERABILITY_RULE && diagnostic.code !== IMAGE_SECRET_RULE) continue;
      const summary = record.mapped.summaries.find((s) => s.line === diagnostic.range.start.line);
      if (!summary) continue;
      const worstFirst = [...summary.vulnerabilities].sort(bySeverity);
      const ids = [...new Set(worstFirst.map((v) => v.id))];
      const ignoreFile = posix.join(posix.dirname(uriToPath(document.uri)), '.trivyignore');
      const target = { path: ignoreFile, text: readFile(ignoreFile), image: record.image };
      for (const id of ids.slice(0, 5)) {
        actions.push(ignoreAction(target, [id], diagnostic, `Add ${id} to .trivyignore`));
        actions.push(ignoreAction(target, [id], diagnostic, `Add ${id} to .trivyignore for 90 days`, expiry(90)));
      }
      if (ids.length > 1) actions.push(ignoreAction(target, ids, diagnostic, `Add all ${ids.length} vulnerabilities of this line to .trivyignore`));
      for (const vulnerability of worstFirst.filter((v) => v.primaryUrl).slice(0, 3)) {
        actions.push({
          title: `Open the advisory for ${vulnerability.id}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: 'Open advisory', command: COMMAND_OPEN_ADVISORY, arguments: [vulnerability.primaryUrl] },
        });
      }
    }
    return actions;
  }

  /** "Scan image with Trivy" on the final stage's FROM, and the last result when there is one. */
  codeLenses(document: TextDocument, finalFromLine: number | undefined): CodeLens[] {
    if (finalFromLine === undefined) return [];
    const range = { start: { line: finalFromLine, character: 0 }, end: { line: finalFromLine, character: 0 } };
    const lenses: CodeLens[] = [
      { range, command: { title: '$(shield) Scan image with Trivy', command: COMMAND_SCAN_IMAGE, arguments: [{ dockerfileUri: document.uri }] } },
    ];
    const record = this.byDockerfile.get(document.uri);
    if (record) {
      const counts = countBySeverity(record.report.vulnerabilities);
      const text = TRIVY_SEVERITIES.filter((s) => counts[s]).map((s) => `${counts[s]} ${s.toLowerCase()}`).join(', ') || 'no vulnerabilities';
      lenses.push({ range, command: { title: `${record.image}: ${text}`, command: COMMAND_SHOW_REPORT, arguments: [{ dockerfileUri: document.uri }] } });
    }
    return lenses;
  }

  /**
   * "Scan image with Trivy" on each Compose service that builds its image (`build:`), with
   * the service's Dockerfile and image name; only when that Dockerfile exists.
   */
  composeCodeLenses(model: ComposeModel, images: ComposeImage[], exists: (path: string) => boolean): CodeLens[] {
    const lenses: CodeLens[] = [];
    for (const found of images) {
      if (!found.built || !found.dockerfile || !exists(found.dockerfile)) continue;
      const service = model.services.find((s) => s.name === found.service);
      if (!service) continue;
      const start = service.keyRange.start;
      const range = { start, end: start };
      lenses.push({
        range,
        command: {
          title: '$(shield) Scan image with Trivy',
          tooltip: `Scan ${found.image} and show its vulnerabilities on ${posix.basename(found.dockerfile)}`,
          command: COMMAND_SCAN_IMAGE,
          arguments: [{ dockerfileUri: pathToUri(found.dockerfile), image: found.image }],
        },
      });
    }
    return lenses;
  }
}

function hoverTable(record: ScanRecord, summary: InstructionSummary): string {
  const rows = [...summary.vulnerabilities].sort(bySeverity).slice(0, 50).map((v) => {
    const id = v.primaryUrl ? `[${v.id}](${v.primaryUrl})` : v.id;
    const pkg = v.pkgPath ? `${v.pkgName} (${v.pkgPath})` : v.pkgName;
    return `| ${v.severity} | ${escapeCell(pkg)} | ${escapeCell(v.installedVersion)} → ${escapeCell(v.fixedVersion ?? 'no fix')} | ${id} |`;
  });
  const more = summary.vulnerabilities.length > 50 ? `\n\n…and ${summary.vulnerabilities.length - 50} more in the scan results view.` : '';
  const secrets = summary.secrets.map((s) => `- **${s.title}** (${s.ruleId}) in \`${s.target}\``).join('\n');
  const parts = [`**Trivy scan of \`${record.image}\`** (${record.scannedAt})`];
  if (rows.length) parts.push(['| Severity | Package | Installed → fixed | Vulnerability |', '|---|---|---|---|', ...rows].join('\n') + more);
  if (secrets) parts.push(`Secrets found in this layer:\n${secrets}`);
  if (summary.notes.length) parts.push(`_${summary.notes.join('; ')}_`);
  return parts.join('\n\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

const RANK = Object.fromEntries(TRIVY_SEVERITIES.map((s, i) => [s, i]));
function bySeverity(a: Vulnerability, b: Vulnerability): number {
  return RANK[a.severity] - RANK[b.severity] || a.id.localeCompare(b.id);
}

function countBySeverity(vulnerabilities: Vulnerability[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of vulnerabilities) counts[v.severity] = (counts[v.severity] ?? 0) + 1;
  return counts;
}

function expiry(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Creates `.trivyignore` beside the Dockerfile when needed and appends the ids at its end. */
function ignoreAction(
  target: { path: string; text: string | undefined; image: string },
  ids: string[],
  diagnostic: Diagnostic,
  title: string,
  until?: string,
): CodeAction {
  const uri = pathToUri(target.path);
  const existing = target.text ?? '';
  const lines = existing.split(/\r?\n/);
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  const entries = ids.map((id) => (until ? `${id} exp:${until}` : id)).join('\n');
  const newText = `${separator}# ${target.image}: accepted ${new Date().toISOString().slice(0, 10)}\n${entries}\n`;
  const edit: WorkspaceEdit = {
    documentChanges: [
      ...(target.text === undefined ? [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }] : []),
      { textDocument: { uri, version: null }, edits: [{ range: { start: end, end }, newText }] },
    ],
  };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
}
