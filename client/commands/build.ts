import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ScanSummary } from '../views/scan-results';
import { pickDockerfile, refuseUntrusted, scanImage, type ScanContext } from './scan';

// "Shipshape: Build and Scan Image…": `docker build` as a visible task (a process with an
// argument array, never a shell command line), then a scan of the image id it wrote to the
// iidfile. The findings land on the lines of the Dockerfile that was built.

export const BUILD_TASK_TYPE = 'shipshape-build';

export interface BuildArguments {
  dockerfileUri?: string;
  /** The build context; defaults to the Dockerfile's folder. */
  context?: string;
}

export type BuildOutcome =
  | { ok: true; imageId: string; summary?: ScanSummary }
  | { ok: false; message: string; exitCode?: number };

/** The task that builds a Dockerfile, writing the image id to `iidfile`. */
export function buildTask(dockerfile: string, context: string, iidfile: string, folder?: vscode.WorkspaceFolder): vscode.Task {
  const execution = new vscode.ProcessExecution('docker', ['build', '--iidfile', iidfile, '-f', dockerfile, context], { cwd: context });
  const label = folder ? path.relative(folder.uri.fsPath, dockerfile) || path.basename(dockerfile) : dockerfile;
  const task = new vscode.Task(
    { type: BUILD_TASK_TYPE, dockerfile, context, iidfile },
    folder ?? vscode.TaskScope.Workspace,
    `build ${label}`,
    'shipshape',
    execution,
    [],
  );
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
  task.group = vscode.TaskGroup.Build;
  return task;
}

/** Runs a task and resolves with its process's exit code (undefined when it never started or was terminated). */
function runTask(task: vscode.Task): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    let exitCode: number | undefined;
    const disposables: vscode.Disposable[] = [];
    const finish = (code: number | undefined) => {
      disposables.forEach((d) => d.dispose());
      resolve(code);
    };
    // Matched by definition (the iidfile is unique), which also works when the task ends
    // before executeTask's promise resolves.
    const mine = (e: { execution: vscode.TaskExecution }) =>
      e.execution.task.definition.type === BUILD_TASK_TYPE && e.execution.task.definition.iidfile === task.definition.iidfile;
    disposables.push(
      vscode.tasks.onDidEndTaskProcess((e) => {
        if (mine(e)) exitCode = e.exitCode;
      }),
      vscode.tasks.onDidEndTask((e) => {
        if (mine(e)) finish(exitCode);
      }),
    );
    vscode.tasks.executeTask(task).then(
      () => undefined,
      (error) => {
        disposables.forEach((d) => d.dispose());
        reject(error);
      },
    );
  });
}

export async function buildAndScan(context: ScanContext, args?: BuildArguments): Promise<BuildOutcome | undefined> {
  if (refuseUntrusted(context.trusted ?? vscode.workspace.isTrusted)) return undefined;
  const dockerfileUri = args?.dockerfileUri ?? (await pickDockerfile());
  if (!dockerfileUri) return undefined;
  const uri = vscode.Uri.parse(dockerfileUri);
  if (uri.scheme !== 'file') return fail(`Shipshape can build only Dockerfiles on disk, not ${uri.scheme}: documents.`);
  const dockerfile = uri.fsPath;
  const buildContext = args?.context ?? path.dirname(dockerfile);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-build-'));
  const iidfile = path.join(tmp, 'image-id');
  const task = buildTask(dockerfile, buildContext, iidfile, vscode.workspace.getWorkspaceFolder(uri));
  try {
    let exitCode: number | undefined;
    try {
      exitCode = await runTask(task);
    } catch (error) {
      return fail(`Shipshape could not start docker build: ${error instanceof Error ? error.message : String(error)}`);
    }
    const imageId = readIid(iidfile);
    if (exitCode !== 0 || !imageId) {
      const why =
        exitCode === undefined
          ? 'docker could not be started (is Docker installed and on the PATH?)'
          : exitCode === 0
            ? 'docker wrote no image id'
            : `docker build exited with code ${exitCode}`;
      return fail(`Shipshape: building ${path.basename(dockerfile)} failed: ${why}. See the "${task.name}" terminal; nothing was scanned.`, exitCode);
    }
    const summary = await scanImage(context, { dockerfileUri, image: imageId });
    return { ok: true, imageId, summary };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function readIid(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function fail(message: string, exitCode?: number): BuildOutcome {
  void vscode.window.showErrorMessage(message);
  return { ok: false, message, exitCode };
}
