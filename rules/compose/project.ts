import { posix } from 'path';
import type { Range, RelatedLocation, RuleContext, Workspace } from '../types';
import type { ComposeModel, ComposeService, Entry } from './model';
import { parseCompose } from './model';
import { listOf, mapOf } from './effective';
import { composeString } from './values';

// The effective Compose project around the analyzed file: what `docker compose` assembles from
// it before anything runs.
//
//   const project = projectOf(model, context);      // built once per model, on first use
//   project.services                                // every service: this file's, the override's, included ones
//   const web = project.service('web');
//   web.effective('image')  → ProjectEntry          // the value that wins: override > file > extends chain
//   web.all('ports')        → ProjectEntry[]        // every layer's value, highest precedence first (for
//                                                   //   keys Compose merges or concatenates: ports, environment…)
//   web.local                                       // the service as written in the analyzed file, if it is
//   web.profiles                                    // effective `profiles`
//   project.problems                                // missing `extends.file`/service, cycles, missing includes
//
// Files taken into account, all read through `context.workspace`:
// - the override file: with `compose.yaml` (or `.yml`, or the `docker-compose` names) analyzed,
//   the first of `compose.override.yml`, `compose.override.yaml`, `docker-compose.override.yml`,
//   `docker-compose.override.yaml` beside it is merged on top, as `docker compose` does with no
//   `-f`; with an override file analyzed, the default file beside it is its base;
// - `extends` (same file, or `file:` relative to the file that says it), followed transitively,
//   with cycles and missing files or services reported instead of followed;
// - `include` (string or long syntax, `path` as a string or a list), recursively, each included
//   file contributing its services as services of the project.
//
// Every `ProjectEntry` says which file writes it (`file.path`) and whether that is the analyzed
// file (`local`). Findings belong to the file that writes the offending value: a rule reports
// only entries with `local: true` and points at the others through `relatedIn()`.

export const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
export const OVERRIDE_FILES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

export type FileRole = 'main' | 'override' | 'base' | 'extends' | 'include';

export interface ProjectFile {
  path: string;
  model: ComposeModel;
  role: FileRole;
}

export interface ProjectEntry {
  entry: Entry;
  /** The service (in `file`) whose effective mapping holds the entry. */
  service: ComposeService;
  file: ProjectFile;
  /** Written in the analyzed file. */
  local: boolean;
}

export interface Layer {
  file: ProjectFile;
  service: ComposeService;
  /** How the layer joins: the service itself, the override file, or an `extends` base. */
  kind: 'self' | 'override' | 'base' | 'extends' | 'include';
}

export interface ProjectProblem {
  /** The file the problem is written in. */
  path: string;
  range: Range;
  message: string;
  /** An `include` that could not be read: the project's service list is incomplete. */
  missingInclude?: boolean;
}

export class ProjectService {
  constructor(
    readonly name: string,
    /** Highest precedence first. */
    readonly layers: Layer[],
    readonly mainPath: string,
  ) {}

  /** The service as written in the analyzed file (its first layer there). */
  get local(): ComposeService | undefined {
    return this.layers.find((layer) => layer.file.path === this.mainPath && layer.kind !== 'extends')?.service;
  }

  /** Where the service is primarily defined: the lowest-precedence non-extends layer. */
  get home(): Layer {
    const own = this.layers.filter((layer) => layer.kind !== 'extends');
    return own[own.length - 1] ?? this.layers[0];
  }

  /** The value of `key` that wins after overrides and `extends`. */
  effective(key: string): ProjectEntry | undefined {
    for (const layer of this.layers) {
      const entry = layer.service.get(key);
      if (entry) return this.entryOf(layer, entry);
    }
    return undefined;
  }

  /** Every layer's value of `key`, highest precedence first. */
  all(key: string): ProjectEntry[] {
    const out: ProjectEntry[] = [];
    for (const layer of this.layers) {
      const entry = layer.service.get(key);
      if (entry) out.push(this.entryOf(layer, entry));
    }
    return out;
  }

  get profiles(): string[] {
    const entry = this.effective('profiles');
    if (!entry) return [];
    const items = entry.service.list('profiles') ?? [];
    return items.map((item) => composeString(item)).filter((p): p is string => p !== undefined);
  }

  private entryOf(layer: Layer, entry: Entry): ProjectEntry {
    return { entry, service: layer.service, file: layer.file, local: layer.file.path === this.mainPath };
  }
}

export interface ComposeProject {
  main: ProjectFile;
  /** The files merged into one project, in merge order (base first, override last). */
  merged: ProjectFile[];
  /** Every file read, merged, extended or included. */
  files: ProjectFile[];
  services: ProjectService[];
  service(name: string): ProjectService | undefined;
  problems: ProjectProblem[];
}

const projects = new WeakMap<ComposeModel, ComposeProject>();

/** The project around `model` (the analyzed file), built on first use and kept with the model. */
export function projectOf(model: ComposeModel, context: RuleContext): ComposeProject {
  let project = projects.get(model);
  if (!project) {
    project = buildProject(model, context);
    projects.set(model, project);
  }
  return project;
}

/** Related information pointing at an entry, with the path when it is in another file. */
export function relatedAt(entry: ProjectEntry, message: string, mainPath: string): RelatedLocation {
  return entry.file.path === mainPath ? { range: entry.entry.range, message } : { path: entry.file.path, range: entry.entry.range, message };
}

/** `compose.yaml:12` style, relative to the analyzed file's folder. */
export function where(entry: ProjectEntry, mainPath: string): string {
  const file = entry.file.path === mainPath ? posix.basename(mainPath) : posix.relative(posix.dirname(mainPath), entry.file.path);
  return `${file}:${entry.entry.range.start.line + 1}`;
}

// ---------------------------------------------------------------- building

/** Parsed models of other files, per workspace, reused while their text is unchanged. */
const parsedFiles = new WeakMap<Workspace, Map<string, { text: string; model: ComposeModel }>>();

function loadModel(path: string, context: RuleContext): ComposeModel | undefined {
  let text: string | undefined;
  try {
    text = context.workspace.readFile(path);
  } catch {
    text = undefined;
  }
  if (text === undefined) return undefined;
  let cache = parsedFiles.get(context.workspace);
  if (!cache) {
    cache = new Map();
    parsedFiles.set(context.workspace, cache);
  }
  const hit = cache.get(path);
  if (hit && hit.text === text) return hit.model;
  const model = parseCompose(text, { ...context, path }).model;
  if (cache.size > 64) cache.clear();
  cache.set(path, { text, model });
  return model;
}

function buildProject(model: ComposeModel, context: RuleContext): ComposeProject {
  const mainPath = context.path;
  const main: ProjectFile = { path: mainPath, model, role: 'main' };
  const files = new Map<string, ProjectFile>([[mainPath, main]]);
  const problems: ProjectProblem[] = [];
  const dir = posix.dirname(mainPath);
  const base = posix.basename(mainPath);

  const open = (path: string, role: FileRole): ProjectFile | undefined => {
    const known = files.get(path);
    if (known) return known;
    const loaded = loadModel(path, context);
    if (!loaded) return undefined;
    const file: ProjectFile = { path, model: loaded, role };
    files.set(path, file);
    return file;
  };
  const firstExisting = (names: string[], role: FileRole) => {
    for (const name of names) {
      const file = open(posix.join(dir, name), role);
      if (file) return file;
    }
    return undefined;
  };

  let merged: ProjectFile[] = [main];
  if (DEFAULT_FILES.includes(base)) {
    const override = firstExisting(OVERRIDE_FILES, 'override');
    if (override) merged = [main, override];
  } else if (OVERRIDE_FILES.includes(base)) {
    const baseFile = firstExisting(DEFAULT_FILES, 'base');
    if (baseFile) merged = [baseFile, main];
  }

  // Layers of service `name` as file `file` defines it: the service, then its extends chain.
  const chainOf = (file: ProjectFile, service: ComposeService, kind: Layer['kind'], seen: Set<string>): Layer[] => {
    const layers: Layer[] = [{ file, service, kind }];
    const id = `${file.path}#${service.name}`;
    seen.add(id);
    const extendsEntry = service.get('extends');
    if (!extendsEntry) return layers;
    const report = (range: Range, message: string) => problems.push({ path: file.path, range, message });
    let targetName: string | undefined;
    let targetFile = file;
    let nameRange = extendsEntry.range;
    const map = service.map('extends');
    if (map) {
      const serviceEntry = map.get('service');
      targetName = composeString(serviceEntry);
      if (serviceEntry) nameRange = serviceEntry.range;
      const fileEntry = map.get('file');
      if (fileEntry) {
        const relative = composeString(fileEntry);
        if (relative === undefined) return layers; // an unknown variable: nothing to follow
        const path = posix.resolve(posix.dirname(file.path), relative);
        const opened = open(path, 'extends');
        if (!opened) {
          report(fileEntry.range, `\`extends\` names the file \`${relative}\`, which does not exist (looked for ${path}); Compose refuses the project.`);
          return layers;
        }
        targetFile = opened;
      }
    } else targetName = composeString(extendsEntry);
    if (targetName === undefined) return layers;
    const target = targetFile.model.service(targetName);
    if (!target) {
      const inFile = targetFile === file ? 'this file' : `\`${posix.relative(posix.dirname(file.path), targetFile.path)}\``;
      report(nameRange, `\`extends\` names the service \`${targetName}\`, which ${inFile} does not define; Compose refuses the project.`);
      return layers;
    }
    if (seen.has(`${targetFile.path}#${targetName}`)) {
      report(nameRange, `\`extends\` of service \`${service.name}\` leads back to itself (through \`${targetName}\`); Compose refuses circular extends.`);
      return layers;
    }
    return [...layers, ...chainOf(targetFile, target, 'extends', seen)];
  };

  const services = new Map<string, ProjectService>();
  const names: string[] = [];
  const layersByName = new Map<string, Layer[]>();
  // Highest precedence first: the last merged file's layers lead.
  for (let i = merged.length - 1; i >= 0; i--) {
    const file = merged[i];
    const kind: Layer['kind'] = file.role === 'override' ? 'override' : file.role === 'base' ? 'base' : 'self';
    for (const service of file.model.services) {
      if (!layersByName.has(service.name)) {
        layersByName.set(service.name, []);
      }
      layersByName.get(service.name)!.push(...chainOf(file, service, kind, new Set()));
    }
  }
  // Service order: as the merged files list them, base first.
  for (const file of merged) for (const service of file.model.services) if (!names.includes(service.name)) names.push(service.name);

  // Included sub-projects: their services join the project under their own names.
  const including = new Set<string>(merged.map((file) => file.path));
  const include = (file: ProjectFile): void => {
    const top = file.model.top;
    if (!top) return;
    for (const item of top.list('include') ?? []) {
      const paths: { text: string; range: Range }[] = [];
      const text = composeString(item);
      if (text !== undefined) paths.push({ text, range: item.range });
      const pathEntry = mapOf(top.context, item)?.get('path');
      if (pathEntry) {
        const single = composeString(pathEntry);
        if (single !== undefined) paths.push({ text: single, range: pathEntry.range });
        for (const sub of listOf(top.context, pathEntry) ?? []) {
          const value = composeString(sub);
          if (value !== undefined) paths.push({ text: value, range: sub.range });
        }
      }
      for (const { text: relative, range } of paths) {
        const path = posix.resolve(posix.dirname(file.path), relative);
        if (including.has(path)) continue; // already part of the project: Compose would loop
        including.add(path);
        const opened = open(path, 'include');
        if (!opened) {
          problems.push({ path: file.path, range, message: `\`include\` names \`${relative}\`, which does not exist (looked for ${path}); Compose refuses the project.`, missingInclude: true });
          continue;
        }
        for (const service of opened.model.services) {
          if (layersByName.has(service.name)) continue; // a conflict Compose reports; keep the including file's
          layersByName.set(service.name, chainOf(opened, service, 'include', new Set()));
          names.push(service.name);
        }
        include(opened);
      }
    }
  };
  for (const file of merged) include(file);

  for (const name of names) services.set(name, new ProjectService(name, layersByName.get(name)!, mainPath));
  return {
    main,
    merged,
    files: [...files.values()],
    services: [...services.values()],
    service: (name) => services.get(name),
    problems,
  };
}

/**
 * False when two services can only run in different invocations: both are limited to profiles
 * and share none (the usual way to offer alternatives, such as `app-dev` and `app-prod`).
 */
export function canRunTogether(a: ProjectService, b: ProjectService): boolean {
  const pa = a.profiles;
  const pb = b.profiles;
  if (!pa.length || !pb.length) return true;
  return pa.some((profile) => pb.includes(profile));
}
