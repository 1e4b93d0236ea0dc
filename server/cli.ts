import * as fs from 'fs';
import * as nativePath from 'path';
import { posix } from 'path';
import { checkConfigFile, configFromFile, loadConfig } from '../rules/config';
import { detectKind } from '../rules/detect';
import { CONFIG_RULE } from '../rules/engine-rules';
import { analyze, effectiveSeverity } from '../rules/engine';
import { fixText } from '../rules/fix';
import { compareRanges } from '../rules/position';
import { EMPTY_CONFIG, KINDS, type Finding, type Kind, type ResolvedConfig, type Severity } from '../rules/types';
import { collectTargets, displayPath, STDIN_DISPLAY, type Target } from './files';
import { fsWorkspace, hasByteOrderMark, toNativePath, toWorkspacePath, describeFsError, type FsWorkspace } from './fs-workspace';
import { SEVERITY_RANK, type CheckReport, type FileReport, type ReportKind } from './output/report';
import { formatJson } from './output/json';
import { formatRulesJson, formatRulesText, listRules } from './output/rules';
import { formatSarif } from './output/sarif';
import { formatText } from './output/text';

import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, oneLine, parse, toolVersion, useColor, type CliIO } from './cli-common';
import { runScanImage } from './cli-scan';

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, toolVersion, type CliIO };

// `shipshape`: the command-line host of the engine. It reads files, hands their text to the
// pure engine, writes fixes back and prints the findings. Everything goes through `io`, so
// tests can run `main` in-process as well as spawning the bundled `out/cli.js`.

const HELP = `Usage:
  shipshape check [paths...] [options]   Check Dockerfiles, Compose files and nginx configs
  shipshape rules [--format text|json]   List every rule id, its default severity and aliases
  shipshape scan-image IMAGE [options]   Scan a built image with Trivy and map each finding to
                                         the Dockerfile line that introduced it
  shipshape --help | --version

check options:
  --format text|json|sarif   Output format (default: text)
  --kind dockerfile|compose|nginx
                             Treat the named files (and stdin) as this kind; in folders,
                             check only files recognised as this kind
  --config FILE              Use this .shipshape.yaml or .hadolint.yaml for every file
                             instead of the nearest one
  --fix                      Apply safe fixes and write the files back
  --fix-unsafe               Also apply fixes that change behaviour
  --max-warnings N           Fail when there are more than N warnings

scan-image options:
  --dockerfile PATH          The Dockerfile the image was built from (default: ./Dockerfile)
  --trivy PATH               The trivy executable (default: trivy on PATH)
  --trivy-report FILE        Map an existing \`trivy image --format json\` report instead of
                             running Trivy (IMAGE may then be omitted)
  --format text|json|sarif   Output format (default: text)
  --severity LIST            Trivy severities to report, e.g. CRITICAL,HIGH
  --ignore-unfixed           Leave out vulnerabilities without a fixed version
  --ignorefile FILE          A .trivyignore file (default: .trivyignore beside the Dockerfile)
  --offline                  Do not update Trivy's vulnerability database
  --db-repository REPO       Download the vulnerability database from this mirror
  --timeout SECONDS          Give up after this long (default: 600)

Paths are files or folders (default: "."); "-" reads standard input, whose fixed text
--fix prints to stdout (the report then goes to stderr).

Exit status: 0 no findings at or above warning (or the failure-threshold of .hadolint.yaml),
1 findings, 2 usage or I/O error.
`;

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  try {
    return await route(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`shipshape: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    // A bug of ours: still one line and exit 2, never a stack trace in a CI log.
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`shipshape: internal error: ${oneLine(detail)} (please report this)\n`);
    return EXIT_USAGE;
  }
}

async function route(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check': {
      const options = parseCheckArgs(rest);
      if (options.help) {
        io.stdout(HELP);
        return EXIT_OK;
      }
      return runCheck(options, io);
    }
    case 'rules':
      return runRules(rest, io);
    case 'scan-image':
      return runScanImage(rest, io, HELP);
    case '--help':
    case '-h':
    case 'help':
      io.stdout(HELP);
      return EXIT_OK;
    case '--version':
    case '-v':
    case '-V':
      io.stdout(`${toolVersion()}\n`);
      return EXIT_OK;
    case undefined:
      throw new UsageError('missing command: use `shipshape check [paths...]` or `shipshape rules` (see --help)');
    default:
      throw new UsageError(`unknown command \`${command}\` (commands: check, rules, scan-image; see --help)`);
  }
}

const FORMATS = ['text', 'json', 'sarif'] as const;

function parseCheckArgs(args: string[]): CheckOptions & { help?: boolean } {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    kind: { type: 'string' },
    config: { type: 'string' },
    fix: { type: 'boolean' },
    'fix-unsafe': { type: 'boolean' },
    'max-warnings': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const format = (values.format as string | undefined) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format \`${format}\` (use text, json or sarif)`);
  }
  const kind = values.kind as string | undefined;
  if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`unknown --kind \`${kind}\` (use ${KINDS.join(', ')})`);
  }
  const maxWarningsText = values['max-warnings'] as string | undefined;
  if (maxWarningsText !== undefined && !/^\d+$/.test(maxWarningsText)) {
    throw new UsageError(`--max-warnings needs a whole number, not \`${maxWarningsText}\``);
  }
  if (values.config === '') throw new UsageError('--config needs a file name');
  return {
    help: values.help as boolean | undefined,
    paths: positionals,
    format: format as CheckOptions['format'],
    kind: kind as Kind | undefined,
    configFile: values.config as string | undefined,
    fix: !!values.fix || !!values['fix-unsafe'],
    fixUnsafe: !!values['fix-unsafe'],
    maxWarnings: maxWarningsText === undefined ? undefined : Number(maxWarningsText),
  };
}

export interface CheckOptions {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  kind?: Kind;
  configFile?: string;
  fix: boolean;
  fixUnsafe: boolean;
  maxWarnings?: number;
}

/** A file's findings plus the level at which they fail the run (hadolint's failure-threshold). */
interface CheckedFile extends FileReport {
  /** Findings at or above this fail the run; `none` (hadolint's failure-threshold) never does. */
  failAt: Severity | 'none';
}

/** A config file given with `--config`, already parsed and validated. */
interface ForcedConfig {
  path: string;
  config: ResolvedConfig;
  /** Warnings only (unknown keys...): errors stop the run before anything is checked. */
  problems: Finding[];
}

function runCheck(options: CheckOptions, io: CliIO): number {
  const cwd = toWorkspacePath(io.cwd);
  const workspace = fsWorkspace();
  const forced = options.configFile ? loadForcedConfig(options.configFile, cwd, workspace) : undefined;
  const collected = collectTargets(options.paths, { cwd, kind: options.kind, workspace });
  if ('error' in collected) throw new UsageError(collected.error);

  const files = new Map<string, CheckedFile>();
  const configFiles = new Set<string>(forced ? [forced.path] : []);
  let fixedStdin: string | undefined;
  const readStdin = stdinReader(io);

  for (const target of collected.targets) {
    if (target.isConfig) {
      configFiles.add(target.path);
      continue;
    }
    const text = target.isStdin ? readStdin() : readTarget(workspace, target);
    const config = forced?.config ?? loadConfig(target.path, workspace);
    for (const source of forced ? [] : config.sources) configFiles.add(source);
    const kind = target.kind ?? detectKind(target.path, text);
    if (!kind) {
      throw new UsageError(
        `${target.displayPath}: not recognised as a Dockerfile, Compose file or nginx config; pass --kind dockerfile|compose|nginx`,
      );
    }
    const engineOptions = { workspace, config, now: io.now };
    const analyzeText = (current: string) => analyze({ path: target.path, text: current, kind }, engineOptions);
    let analysis = analyzeText(text);
    if (!analysis) continue; // matched an `ignore` glob of its config

    let finalText = text;
    if (options.fix) {
      const fixed = fixText(text, (current) => analyzeText(current)?.findings ?? [], { unsafe: options.fixUnsafe });
      if (fixed.text !== text) {
        finalText = fixed.text;
        if (!target.isStdin) writeFixed(target, fixed.text, workspace);
        // Report what the fixes left, against the text that is now on disk.
        analysis = analyzeText(finalText) ?? analysis;
      }
    }
    if (target.isStdin && options.fix) fixedStdin = finalText;
    addFindings(files, target, kind, analysis.findings, config.failureThreshold ?? 'warning', cwd);
  }

  for (const path of configFiles) {
    const file = checkConfig(path, forced, workspace, cwd);
    if (!files.has(path)) files.set(path, file);
  }

  const report: CheckReport = { cwd, files: [...files.values()] };
  // With `-` and --fix, stdout carries the fixed text (for `> Dockerfile.fixed`), so the
  // report moves to stderr.
  const reportToStderr = fixedStdin !== undefined;
  if (fixedStdin !== undefined) io.stdout(fixedStdin);
  const color = !reportToStderr && useColor(io);
  const output =
    options.format === 'json'
      ? formatJson(report)
      : options.format === 'sarif'
        ? formatSarif(report, { toolVersion: toolVersion() })
        : formatText(report, { color });
  if (reportToStderr) io.stderr(output);
  else io.stdout(output);
  return exitCode([...files.values()], options.maxWarnings);
}

function exitCode(files: CheckedFile[], maxWarnings: number | undefined): number {
  const failing = files.some(
    (file) => file.failAt !== 'none' && file.findings.some((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[file.failAt as Severity]),
  );
  if (failing) return EXIT_FINDINGS;
  if (maxWarnings !== undefined) {
    const warnings = files.reduce((sum, file) => sum + file.findings.filter((finding) => finding.severity === 'warning').length, 0);
    if (warnings > maxWarnings) return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/**
 * Files findings under the file they belong to: usually the analyzed one, but a rule may
 * report into a file it followed (an nginx `include`), which then gets its own entry.
 */
function addFindings(files: Map<string, CheckedFile>, target: Target, kind: Kind, findings: Finding[], failAt: Severity | 'none', cwd: string): void {
  const entry = (path: string, entryKind: ReportKind, shown: string): CheckedFile => {
    let file = files.get(path);
    if (!file) {
      file = { path, displayPath: shown, kind: entryKind, findings: [], failAt };
      files.set(path, file);
    }
    return file;
  };
  entry(target.path, kind, target.displayPath);
  for (const finding of findings) {
    const owner = finding.path && finding.path !== target.path ? finding.path : target.path;
    const file = owner === target.path ? entry(owner, kind, target.displayPath) : entry(owner, detectKind(owner) ?? kind, displayPath(owner, cwd));
    const { path: _ownerPath, ...rest } = finding;
    file.findings.push(rest);
  }
}

/** A config file's own problems, at the levels its governing config gives `shipshape/config`. */
function checkConfig(path: string, forced: ForcedConfig | undefined, workspace: FsWorkspace, cwd: string): CheckedFile {
  const shown = displayPath(path, cwd);
  const governing = forced?.config ?? loadConfig(path, workspace);
  let problems: Finding[];
  if (forced && path === forced.path) {
    problems = forced.problems;
  } else {
    const read = workspace.readFileOrError(path);
    if ('error' in read) throw new UsageError(`${shown}: ${read.error}`);
    problems = checkConfigFile(path, read.text);
  }
  const findings: Finding[] = [];
  for (const problem of problems) {
    const severity = effectiveSeverity(problem.rule, governing, problem.severity);
    if (severity) findings.push({ ...problem, severity });
  }
  findings.sort((a, b) => compareRanges(a.range, b.range));
  return { path, displayPath: shown, kind: 'config', findings, failAt: governing.failureThreshold ?? 'warning' };
}

/**
 * `--config FILE`: one config for every file. It is parsed by the same functions as a found
 * one (hadolint's format when its name says so), but an invalid one stops the run: the user
 * asked for exactly this file, so checking with half of it would mislead.
 */
function loadForcedConfig(arg: string, cwd: string, workspace: FsWorkspace): ForcedConfig {
  const path = toWorkspacePath(nativePath.resolve(toNativePath(cwd), arg));
  const read = workspace.readFileOrError(path);
  if ('error' in read) throw new UsageError(`${arg}: ${read.error}`);
  const parsed = configFromFile(path, read.text);
  const fatal = parsed.problems.find((problem) => problem.severity === 'error');
  if (fatal) {
    const { line, character } = fatal.range.start;
    throw new UsageError(`${arg}:${line + 1}:${character + 1}: invalid configuration: ${fatal.message}`);
  }
  const config = parsed.config;
  return { path, config, problems: parsed.problems };
}

function readTarget(workspace: FsWorkspace, target: Target): string {
  const read = workspace.readFileOrError(target.path);
  if ('error' in read) throw new UsageError(`${target.displayPath}: ${read.error}`);
  return read.text;
}

/** Standard input, read at most once per run (`-` may be named twice). */
function stdinReader(io: CliIO): () => string {
  let text: string | undefined;
  return () => {
    if (text === undefined) {
      try {
        const raw = io.readStdin();
        text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
      } catch (error) {
        throw new UsageError(`${STDIN_DISPLAY}: ${describeFsError(error)}`);
      }
    }
    return text;
  };
}

function writeFixed(target: Target, text: string, workspace: FsWorkspace): void {
  const withBom = hasByteOrderMark(target.path) ? `\uFEFF${text}` : text;
  try {
    fs.writeFileSync(toNativePath(target.path), withBom, 'utf8');
  } catch (error) {
    throw new UsageError(`${target.displayPath}: cannot write the fixed file: ${describeFsError(error)}`);
  }
  // Other files of this run (a Compose file reading this Dockerfile) must see the new text.
  workspace.remember(target.path, text);
}

/** Colour on a terminal unless NO_COLOR is set (no-color.org); FORCE_COLOR wins both ways. */

function runRules(args: string[], io: CliIO): number {
  const { values, positionals } = parse(args, { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (positionals.length) throw new UsageError(`\`rules\` takes no arguments (got \`${positionals[0]}\`)`);
  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format \`${format}\` for rules (use text or json)`);
  const rules = listRules();
  io.stdout(format === 'json' ? formatRulesJson(rules) : formatRulesText(rules));
  return EXIT_OK;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    stdoutIsTTY: process.stdout.isTTY === true,
  };
}

/** Entry point for `bin/shipshape` and `node out/cli.js`. */
export function runFromProcess(): void {
  // `shipshape check | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    // exitCode, not exit(): output to a pipe is flushed before the process ends.
    process.exitCode = code;
  });
}

if (require.main === module) runFromProcess();
