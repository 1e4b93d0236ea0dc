import { posix } from 'path';
import type { ComposeModel, ComposeService } from './model';

// The images a Compose project runs, by the names Docker gives them: `image:` as written, or
// for a service that only has `build:`, `<project>-<service>` (Compose v2), where the project
// is `name:` or the folder's name, lower-cased with what Compose refuses removed. Used to
// offer images to scan.

export interface ComposeImage {
  service: string;
  image: string;
  /** Built from this project (so a scan maps onto its Dockerfile). */
  built: boolean;
  /** The Dockerfile a built service uses, relative paths resolved against the Compose file. */
  dockerfile?: string;
}

export function composeImages(model: ComposeModel, composePath: string): ComposeImage[] {
  const folder = posix.dirname(composePath);
  const named = model.top?.get('name');
  const project = projectName(typeof named?.value === 'string' ? named.value : posix.basename(folder));
  const images: ComposeImage[] = [];
  for (const service of model.services) {
    const image = service.get('image');
    const build = service.get('build');
    const imageName = typeof image?.value === 'string' ? image.value : undefined;
    if (!build && !imageName) continue;
    images.push({
      service: service.name,
      image: imageName ?? `${project}-${service.name}`,
      built: !!build,
      dockerfile: build ? dockerfileOf(service, folder) : undefined,
    });
  }
  return images;
}

/** `build: ./dir` or `build: {context, dockerfile}` → the Dockerfile's path. */
function dockerfileOf(service: ComposeService, folder: string): string | undefined {
  const build = service.get('build');
  if (typeof build?.value === 'string') return posix.join(folder, build.value, 'Dockerfile');
  const options = service.map('build');
  if (!options) return undefined;
  const context = options.get('context')?.value;
  const dockerfile = options.get('dockerfile')?.value;
  const contextDir = posix.join(folder, typeof context === 'string' ? context : '.');
  return posix.join(contextDir, typeof dockerfile === 'string' ? dockerfile : 'Dockerfile');
}

export function projectName(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '');
}
