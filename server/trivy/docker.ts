import { execFile } from 'child_process';

// What the local container CLI knows about an image: its id (so a scan of an image that did
// not change is served from cache) and its layers' diff ids (so the base image's layers are
// known exactly instead of guessed from history). No shell, a short timeout, and any failure
// (no CLI, no daemon, unknown image) simply means "not known".

export interface LocalImage {
  id: string;
  diffIds: string[];
}

export async function inspectImage(reference: string, cli = process.env.SHIPSHAPE_DOCKER ?? 'docker'): Promise<LocalImage | undefined> {
  const output = await run(cli, ['image', 'inspect', '--format', '{{json .}}', reference]);
  if (!output) return undefined;
  try {
    const parsed = JSON.parse(output.trim().split('\n')[0]) as { Id?: unknown; RootFS?: { Layers?: unknown } };
    if (typeof parsed.Id !== 'string') return undefined;
    const layers = Array.isArray(parsed.RootFS?.Layers) ? parsed.RootFS!.Layers.filter((l): l is string => typeof l === 'string') : [];
    return { id: parsed.Id, diffIds: layers };
  } catch {
    return undefined;
  }
}

function run(cli: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(cli, args, { timeout: 10_000, shell: false, maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}
