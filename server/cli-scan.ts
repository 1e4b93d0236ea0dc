import * as nativePath from 'path';
import { posix } from 'path';
import { loadConfig } from '../rules/config';
import { vulnerabilityFindings } from '../rules/trivy/findings';
import { EXIT_FINDINGS, EXIT_OK, UsageError, parse, toolVersion, useColor, type CliIO } from './cli-common';
import { displayPath } from './files';
import { fsWorkspace, toNativePath, toWorkspacePath } from './fs-workspace';
import { formatJson } from './output/json';
import { SEVERITY_RANK, type CheckReport } from './output/report';
import { formatSarif } from './output/sarif';
import { formatText } from './output/text';
import { TrivyError } from './trivy/runner';
import { inspectImage } from './trivy/docker';
import { scanImage } from './trivy/scan';

// `shipshape scan-image IMAGE --dockerfile PATH`: Trivy's findings located on the Dockerfile
// lines that introduced them, in the same formats as `check`. With `--trivy-report FILE` it
// maps a report Trivy already wrote, so CI can run Trivy once and upload SARIF whose
// locations are Dockerfile lines rather than an image name.

const FORMATS = ['text', 'json', 'sarif'];

export async function runScanImage(args: string[], io: CliIO, help: string): Promise<number> {
  const { values, positionals } = parse(args, {
    dockerfile: { type: 'string' },
    trivy: { type: 'string' },
    'trivy-report': { type: 'string' },
    format: { type: 'string' },
    severity: { type: 'string' },
    'ignore-unfixed': { type: 'boolean' },
    ignorefile: { type: 'string' },
    offline: { type: 'boolean' },
    'db-repository': { type: 'string' },
    timeout: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(help);
    return EXIT_OK;
  }
  const format = (values.format as string | undefined) ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format \`${format}\` (use text, json or sarif)`);
  const reportFile = values['trivy-report'] as string | undefined;
  const image = positionals[0];
  if (!image && !reportFile) throw new UsageError('scan-image needs an IMAGE (or --trivy-report FILE)');
  if (positionals.length > 1) throw new UsageError(`scan-image takes one IMAGE (got \`${positionals[1]}\` too)`);
  const timeoutText = values.timeout as string | undefined;
  if (timeoutText !== undefined && !/^\d+$/.test(timeoutText)) throw new UsageError(`--timeout needs whole seconds, not \`${timeoutText}\``);

  const cwd = toWorkspacePath(io.cwd);
  const workspace = fsWorkspace();
  const resolve = (path: string) => toWorkspacePath(nativePath.resolve(toNativePath(cwd), path));
  const dockerfilePath = resolve((values.dockerfile as string | undefined) ?? 'Dockerfile');
  const read = workspace.readFileOrError(dockerfilePath);
  if ('error' in read) {
    const hint = values.dockerfile ? '' : ' (pass --dockerfile PATH)';
    throw new UsageError(`${displayPath(dockerfilePath, cwd)}: ${read.error}${hint}`);
  }
  const config = loadConfig(dockerfilePath, workspace);
  const severities = ((values.severity as string | undefined)?.split(',') ?? config.trivy.severity ?? []).map((s) => s.trim().toUpperCase()).filter(Boolean);
  const defaultIgnore = posix.join(posix.dirname(dockerfilePath), '.trivyignore');
  const ignoreFile = values.ignorefile ? resolve(values.ignorefile as string) : workspace.readFile(defaultIgnore) !== undefined ? defaultIgnore : undefined;

  let result;
  try {
    result = await scanImage({
      dockerfilePath,
      dockerfileText: read.text,
      workspace,
      config,
      inspect: (reference) => inspectImage(reference),
      reportFile: reportFile ? toNativePath(resolve(reportFile)) : undefined,
      trivy: reportFile
        ? undefined
        : {
            image: image!,
            trivyPath: executablePath((values.trivy as string | undefined) ?? io.env.SHIPSHAPE_TRIVY ?? 'trivy', io.cwd),
            severities,
            ignoreUnfixed: (values['ignore-unfixed'] as boolean | undefined) ?? config.trivy.ignoreUnfixed,
            ignoreFile: ignoreFile ? toNativePath(ignoreFile) : undefined,
            offline: !!values.offline,
            dbRepository: values['db-repository'] as string | undefined,
            timeoutMs: timeoutText ? Number(timeoutText) * 1000 : undefined,
          },
    });
  } catch (error) {
    if (error instanceof TrivyError) throw new UsageError(error.message);
    throw error;
  }

  // A report file was produced with its own filters; apply the configured severities here too.
  const findings = vulnerabilityFindings(result.mapped).filter(
    (f) => !severities.length || severities.includes(String(f.data?.severity ?? '')),
  );
  const report: CheckReport = {
    cwd,
    files: [{ path: dockerfilePath, displayPath: displayPath(dockerfilePath, cwd), kind: 'dockerfile', findings }],
  };
  const output =
    format === 'json'
      ? formatJson(report)
      : format === 'sarif'
        ? formatSarif(report, { toolVersion: toolVersion() })
        : formatText(report, { color: useColor(io) });
  io.stdout(output);
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning) ? EXIT_FINDINGS : EXIT_OK;
}

/** A path with a slash is relative to where the user typed it (Trivy runs in a scratch folder); a bare name is looked up on PATH. */
function executablePath(path: string, cwd: string): string {
  return /[\\/]/.test(path) ? nativePath.resolve(cwd, path) : path;
}
