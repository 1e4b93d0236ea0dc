import type * as Sarif from 'sarif';
import { posix } from 'path';
import { rulePage } from '../../rules/docs';
import { ruleDocUrl, REPOSITORY_URL } from '../../rules/docs-url';
import { ENGINE_RULES } from '../../rules/engine-rules';
import { ruleById } from '../../rules/registry';
import type { Fix, Finding, Range, RuleMeta, Severity } from '../../rules/types';
import { STDIN_DISPLAY } from '../files';
import type { CheckReport, FileReport } from './report';

// SARIF 2.1.0 for code-scanning dashboards: one run, the metadata of every rule that reported
// (so a dashboard can show the rule's page without knowing Shipshape), and one result per
// finding. Locations are relative to %SRCROOT% (the working directory), which is what CI
// uploaders resolve against the checkout.

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  toolVersion: string;
}

export function formatSarif(report: CheckReport, options: SarifOptions): string {
  return `${JSON.stringify(buildSarifLog(report, options), null, 2)}\n`;
}

export function buildSarifLog(report: CheckReport, options: SarifOptions): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (id: string) => {
    let index = ruleIndex.get(id);
    if (index === undefined) {
      index = rules.length;
      rules.push(ruleDescriptor(id));
      ruleIndex.set(id, index);
    }
    return index;
  };

  const results: Sarif.Result[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) results.push(result(file, finding, indexOf(finding.rule), report.cwd));
  }

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shipshape',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: REPOSITORY_URL,
            rules,
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(report.cwd) } },
        // Ranges come from the engine in UTF-16 code units, the same unit JavaScript strings
        // and LSP use; saying so spares consumers a guess.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function ruleDescriptor(id: string): Sarif.ReportingDescriptor {
  const meta = ruleById(id)?.meta;
  if (meta) return fileRuleDescriptor(meta);
  // The engine's own ids (config problems, unused suppressions, internal errors).
  const engine = ENGINE_RULES[id];
  const title = engine?.title ?? id;
  return {
    id,
    shortDescription: { text: title },
    fullDescription: { text: title },
    defaultConfiguration: { level: engine ? LEVEL[engine.severity] : 'warning' },
    properties: { tags: ['shipshape'], precision: 'very-high' },
  };
}

function fileRuleDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const docsUrl = ruleDocUrl(meta.id);
  return {
    id: meta.id,
    name: pascalName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.docs.what },
    help: {
      text: `${meta.docs.what}\n\n${meta.docs.why}\n\nDocumentation: ${docsUrl}`,
      markdown: rulePage(meta),
    },
    helpUri: docsUrl,
    // An `off` rule reports only when config turns it on; its default says it is disabled.
    defaultConfiguration: meta.severity === 'off' ? { enabled: false, level: 'warning' } : { level: LEVEL[meta.severity] },
    properties: {
      tags: tagsFor(meta),
      tier: meta.tier,
      aliases: meta.aliases,
      // Checks are syntactic and deterministic over the parsed file, not heuristic guesses.
      precision: 'high',
    },
  };
}

/** Code-scanning UIs filter by tags: the kind, and whether the rule is about security. */
function tagsFor(meta: RuleMeta): string[] {
  const tags: string[] = [meta.kind];
  if (meta.tier === 1) tags.push('security');
  else if (meta.tier === 2) tags.push('best-practice');
  else tags.push('style');
  return tags;
}

/** `dockerfile/image-latest` → `DockerfileImageLatest`, SARIF's suggested form for `name`. */
function pascalName(id: string): string {
  return id
    .split(/[/-]/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function result(file: FileReport, finding: Finding, ruleIndex: number, cwd: string): Sarif.Result {
  const sarifResult: Sarif.Result = {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.displayPath), region: region(finding.range) } }],
    ...(finding.data ? { properties: { ...finding.data } } : {}),
  };
  const fixes = [finding.fix, ...(finding.alternatives ?? [])].filter((fix): fix is Fix => !!fix);
  if (fixes.length) sarifResult.fixes = fixes.map((fix) => sarifFix(file.displayPath, fix));
  if (finding.related?.length) {
    sarifResult.relatedLocations = finding.related.map((related, index) => ({
      id: index,
      message: { text: related.message },
      physicalLocation: {
        artifactLocation: artifactLocation(related.path ? relativePath(related.path, cwd) : file.displayPath),
        region: region(related.range),
      },
    }));
  }
  return sarifResult;
}

function sarifFix(displayPath: string, fix: Fix): Sarif.Fix {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(displayPath),
        replacements: fix.edits.map((edit) => ({
          deletedRegion: region(edit.range),
          ...(edit.newText ? { insertedContent: { text: edit.newText } } : {}),
        })),
      },
    ],
    properties: { safe: fix.safe },
  };
}

/** LSP (0-based, end exclusive) → SARIF (1-based lines and columns, endColumn one past the end). */
export function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifactLocation(displayPath: string): Sarif.ArtifactLocation {
  // Standard input has no URI; a description keeps the result readable without inventing one.
  if (displayPath === STDIN_DISPLAY) return { description: { text: 'standard input' } };
  return { uri: encodePath(displayPath), uriBaseId: SOURCE_ROOT };
}

function relativePath(path: string, cwd: string): string {
  return posix.relative(cwd, path) || posix.basename(path);
}

/** `file:///work/app/` for `/work/app`; a trailing slash, as SARIF requires of a base. */
function directoryUri(dir: string): string {
  const withSlash = dir.endsWith('/') ? dir : `${dir}/`;
  // The colon of a Windows drive (`/C:/src`) stays literal, as in every file URI.
  return `file://${encodePath(withSlash).replace(/%3A/gi, ':')}`;
}

/** Percent-encodes each segment, so `#`, `?`, spaces and a leading `a:` stay part of the path. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
