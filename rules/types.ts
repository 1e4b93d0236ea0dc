// The engine's public shapes. Everything here is plain data so the same findings can be
// turned into LSP diagnostics, CLI text, JSON and SARIF without the engine knowing about any
// of them. Ranges are LSP-shaped: 0-based lines, UTF-16 columns, end exclusive.

export type Kind = 'dockerfile' | 'compose' | 'nginx';
export const KINDS: readonly Kind[] = ['dockerfile', 'compose', 'nginx'];

/** What a user may set a rule to. */
export type SeverityLevel = 'error' | 'warning' | 'info' | 'off';
/** What a reported finding carries (an `off` rule never reports). */
export type Severity = Exclude<SeverityLevel, 'off'>;

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** Imperative, shown as the quick-fix title: "Add `USER app` before CMD". */
  title: string;
  /** Non-overlapping edits against the analyzed text. */
  edits: TextEdit[];
  /** Safe fixes keep behaviour: preferred quick fix, applied by fix-all and `--fix`. */
  safe: boolean;
}

/** A place in another file (or elsewhere in this one) that explains a finding. */
export interface RelatedLocation {
  /** Workspace path; omitted when it is the analyzed file itself. */
  path?: string;
  range: Range;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  /** Further fixes (e.g. alternative pinning strategies); the first `fix` is the primary one. */
  alternatives?: Fix[];
  related?: RelatedLocation[];
  /** The file the finding belongs to when a rule reports into an included file. */
  path?: string;
  /** Structured facts for machine output (JSON `data`, SARIF `properties`), e.g. a CVE's package. */
  data?: Record<string, string | number | boolean>;
}

/** What a rule's `check` returns: the engine stamps `rule` and the configured severity. */
export interface Report {
  message: string;
  range: Range;
  fix?: Fix;
  alternatives?: Fix[];
  related?: RelatedLocation[];
  /** Overrides the default severity for this one report (e.g. info for a build stage). */
  severity?: Severity;
  path?: string;
}

export type FixKind = 'safe' | 'unsafe' | 'none';

export interface RuleDocs {
  /** One paragraph: what the rule detects. Markdown. */
  what: string;
  /** Why it matters. Markdown. */
  why: string;
  /** A snippet that triggers the rule. */
  example: string;
  /** The same snippet, fixed. */
  fixed: string;
  /** Optional notes: deliberate differences from other tools, configuration. */
  notes?: string;
}

export interface RuleMeta {
  /** `<kind>/<name>`, public and final. */
  id: string;
  kind: Kind;
  severity: SeverityLevel;
  tier: 1 | 2 | 3;
  title: string;
  /** Other tools' ids for the same check, as `tool:ID` (hadolint:DL3006, trivy:DS-0001...). */
  aliases: string[];
  fix: FixKind;
  docs: RuleDocs;
}

export interface Rule<M = unknown> {
  meta: RuleMeta;
  check(model: M, context: RuleContext): Report[];
}

/**
 * Read-only access to other files, so rules can follow `include`, `.dockerignore` and
 * Compose → Dockerfile links without touching the disk themselves. Paths are absolute
 * (POSIX-style on every platform) and the interface is synchronous: hosts cache.
 */
export interface Workspace {
  readFile(path: string): string | undefined;
  /** Paths in `dir` (absolute) whose base names match the glob `pattern`. */
  listDir?(dir: string): string[] | undefined;
}

export interface RuleContext {
  /** Absolute path of the analyzed file (or a synthetic one for stdin/untitled). */
  path: string;
  workspace: Workspace;
  config: ResolvedConfig;
  /** Today's date; tests inject it so date-based rules (EOL tables) are deterministic. */
  now: Date;
}

export interface TrivyOptions {
  severity?: string[];
  ignoreUnfixed?: boolean;
}

/** hadolint's label schema: which labels an image must carry and the format of each. */
export type LabelFormat = 'text' | 'url' | 'hash' | 'rfc3339' | 'semver' | 'spdx' | 'email';

/** `.shipshape.yaml` (plus a `.hadolint.yaml` beside it) after validation. */
export interface ResolvedConfig {
  /** Per-rule level by canonical rule id. */
  rules: Record<string, SeverityLevel>;
  trustedRegistries: string[];
  nonRootImages: string[];
  /** Globs relative to `root`. */
  ignore: string[];
  trivy: TrivyOptions;
  /** Required labels and their formats (`labelSchema` / hadolint's `label-schema`). */
  labelSchema: Record<string, LabelFormat>;
  /** Labels outside the schema are reported (`strictLabels` / hadolint's `strict-labels`). */
  strictLabels: boolean;
  /** Folder the config file sits in (globs are relative to it); undefined without a file. */
  root?: string;
  /** The config files that contributed, for messages and watching. */
  sources: string[];
  /** hadolint's `failure-threshold`: the CLI fails only on findings at or above it; `none` never fails. */
  failureThreshold?: Severity | 'none';
}

export const EMPTY_CONFIG: ResolvedConfig = {
  rules: {},
  trustedRegistries: [],
  nonRootImages: [],
  ignore: [],
  trivy: {},
  labelSchema: {},
  strictLabels: false,
  sources: [],
};
