// Trivy's JSON report (SchemaVersion 2) read into the few shapes the mapping needs. The
// report is large (10,000 vulnerabilities is ordinary for an old base image), so this is one
// JSON.parse and one linear pass that keeps only what is used.

export type TrivySeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN';
export const TRIVY_SEVERITIES: readonly TrivySeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];

export interface HistoryEntry {
  createdBy: string;
  emptyLayer: boolean;
}

export interface Vulnerability {
  id: string;
  pkgName: string;
  pkgPath?: string;
  installedVersion: string;
  fixedVersion?: string;
  status?: string;
  severity: TrivySeverity;
  title?: string;
  primaryUrl?: string;
  /** The layer the package was found in (DiffID; Digest may be absent). */
  diffId?: string;
  /** Result target and class (`debian 12.5` / `os-pkgs`, `Node.js` / `lang-pkgs`). */
  target: string;
  resultClass?: string;
}

export interface SecretFinding {
  ruleId: string;
  severity: TrivySeverity;
  title: string;
  target: string;
  startLine?: number;
  match?: string;
  diffId?: string;
  createdBy?: string;
}

export interface TrivyReport {
  artifactName: string;
  imageId?: string;
  repoTags: string[];
  repoDigests: string[];
  os?: { family: string; name: string; eosl?: boolean };
  /** Layer diff ids of the image, in order (rootfs.diff_ids, else Metadata.DiffIDs). */
  diffIds: string[];
  history: HistoryEntry[];
  vulnerabilities: Vulnerability[];
  secrets: SecretFinding[];
}

export class TrivyReportError extends Error {}

type Json = Record<string, unknown>;

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const asString = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

function severityOf(value: unknown): TrivySeverity {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  return (TRIVY_SEVERITIES as readonly string[]).includes(upper) ? (upper as TrivySeverity) : 'UNKNOWN';
}

/** Parses a report, or throws a TrivyReportError that says what is wrong with it. */
export function parseTrivyReport(text: string): TrivyReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const start = text.trimStart().slice(0, 60).replace(/\s+/g, ' ');
    throw new TrivyReportError(
      `The Trivy report is not JSON (${(error as Error).message}); it starts with "${start}". Run Trivy with --format json.`,
    );
  }
  const report = asObject(raw);
  if (report.SchemaVersion === undefined) {
    throw new TrivyReportError('The file is JSON but not a Trivy report: it has no SchemaVersion. Run `trivy image --format json`.');
  }
  if (report.SchemaVersion !== 2) {
    throw new TrivyReportError(`Trivy report SchemaVersion ${String(report.SchemaVersion)} is not supported; Shipshape reads SchemaVersion 2 (Trivy 0.20 and later).`);
  }
  const metadata = asObject(report.Metadata);
  const config = asObject(metadata.ImageConfig);
  const rootfs = asObject(config.rootfs);
  const diffIds = asArray(rootfs.diff_ids).length ? asArray(rootfs.diff_ids) : asArray(metadata.DiffIDs);
  const os = asObject(metadata.OS);

  const vulnerabilities: Vulnerability[] = [];
  const secrets: SecretFinding[] = [];
  // `Results` is omitted entirely when Trivy found nothing.
  for (const result of asArray(report.Results).map(asObject)) {
    const target = asString(result.Target) ?? '';
    const resultClass = asString(result.Class);
    for (const v of asArray(result.Vulnerabilities).map(asObject)) {
      vulnerabilities.push({
        id: asString(v.VulnerabilityID) ?? 'UNKNOWN-ID',
        pkgName: asString(v.PkgName) ?? '',
        pkgPath: asString(v.PkgPath),
        installedVersion: asString(v.InstalledVersion) ?? '',
        fixedVersion: asString(v.FixedVersion),
        status: asString(v.Status),
        severity: severityOf(v.Severity),
        title: asString(v.Title),
        primaryUrl: asString(v.PrimaryURL),
        diffId: asString(asObject(v.Layer).DiffID),
        target,
        resultClass,
      });
    }
    for (const s of asArray(result.Secrets).map(asObject)) {
      const layer = asObject(s.Layer);
      secrets.push({
        ruleId: asString(s.RuleID) ?? 'secret',
        severity: severityOf(s.Severity),
        title: asString(s.Title) ?? 'Secret',
        target,
        startLine: typeof s.StartLine === 'number' ? s.StartLine : undefined,
        match: asString(s.Match),
        diffId: asString(layer.DiffID),
        createdBy: asString(layer.CreatedBy),
      });
    }
  }

  return {
    artifactName: asString(report.ArtifactName) ?? '',
    imageId: asString(metadata.ImageID),
    repoTags: asArray(metadata.RepoTags).filter((t): t is string => typeof t === 'string'),
    repoDigests: asArray(metadata.RepoDigests).filter((t): t is string => typeof t === 'string'),
    os: os.Family ? { family: String(os.Family), name: String(os.Name ?? ''), eosl: os.EOSL === true } : undefined,
    diffIds: diffIds.filter((d): d is string => typeof d === 'string'),
    history: asArray(config.history).map((h) => {
      const entry = asObject(h);
      return { createdBy: asString(entry.created_by) ?? '', emptyLayer: entry.empty_layer === true };
    }),
    vulnerabilities,
    secrets,
  };
}
