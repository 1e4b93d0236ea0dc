import { posix } from 'path';
import type { RuleContext } from '../types';
import { contextFact } from './facts';
import type { ComposeService } from './model';
import { composeString } from './values';

// A service's `build:` followed to its Dockerfile, read through the workspace, and reduced to
// what Compose rules ask about the image it produces: does the shipped stage (the `target`, or
// the last one) define a HEALTHCHECK, and which USER does it end with. A light scan, not the
// Dockerfile model: it follows line continuations, the `escape` directive, heredoc bodies and
// `FROM <earlier stage>` inheritance, which is all these questions need.

export interface BuiltImage {
  /** Workspace path of the Dockerfile (or `dockerfile_inline` for inline text). */
  path: string;
  /** The stage that ships defines (or inherits) a HEALTHCHECK other than `NONE`. */
  healthcheck: boolean;
  /** The last USER in effect in that stage, own or inherited from an earlier stage; undefined when none. */
  user?: string;
  /** The stage's base when it is an image (not an earlier stage), after no substitution. */
  baseImage?: string;
}

interface StageScan {
  name?: string;
  base: string;
  /** true: HEALTHCHECK CMD, false: HEALTHCHECK NONE, undefined: not set in this stage. */
  healthcheck?: boolean;
  user?: string;
}

/**
 * What the service builds, when it can be known: undefined without `build:`, for a remote
 * context (git URL, tarball), or when the Dockerfile is not in the workspace.
 */
export function builtImage(service: ComposeService, context: RuleContext): BuiltImage | undefined {
  return contextFact(service, 'builtImage', context, readBuiltImage);
}

function readBuiltImage(service: ComposeService, context: RuleContext): BuiltImage | undefined {
  const build = service.get('build');
  if (!build) return undefined;
  const composeDir = posix.dirname(context.path);
  let contextDir: string | undefined;
  let dockerfile = 'Dockerfile';
  let target: string | undefined;
  let inline: string | undefined;
  const short = composeString(build);
  if (short !== undefined) contextDir = short;
  else {
    const map = service.map('build');
    if (!map) return undefined;
    const contextEntry = map.get('context');
    contextDir = contextEntry ? composeString(contextEntry) : '.';
    const file = map.get('dockerfile');
    if (file) {
      const text = composeString(file);
      if (text === undefined) return undefined;
      dockerfile = text;
    }
    const inlineEntry = map.get('dockerfile_inline');
    if (inlineEntry) inline = composeString(inlineEntry);
    const targetEntry = map.get('target');
    if (targetEntry) {
      target = composeString(targetEntry);
      if (target === undefined) return undefined;
    }
    if (inlineEntry && inline === undefined) return undefined;
  }
  if (contextDir === undefined) return undefined;
  let path: string;
  let text: string | undefined;
  if (inline !== undefined) {
    path = 'dockerfile_inline';
    text = inline;
  } else {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(contextDir) || /^git@|\.git(?:#.*)?$/.test(contextDir)) return undefined;
    const root = posix.resolve(composeDir, contextDir.replace(/\\/g, '/'));
    path = posix.resolve(root, dockerfile.replace(/\\/g, '/'));
    try {
      text = context.workspace.readFile(path);
    } catch {
      text = undefined;
    }
  }
  if (text === undefined) return undefined;
  const stages = scanStages(text);
  if (!stages.length) return undefined;
  const stage = target ? findStage(stages, target.toLowerCase(), stages.length) : stages[stages.length - 1];
  if (!stage) return undefined;
  return { path, ...inherited(stages, stage), ...(stageIsImage(stages, stage) ? { baseImage: stage.base } : {}) };
}

function findStage(stages: StageScan[], name: string, before: number): StageScan | undefined {
  for (let i = Math.min(before, stages.length) - 1; i >= 0; i--) if (stages[i].name === name) return stages[i];
  return undefined;
}

function stageIsImage(stages: StageScan[], stage: StageScan): boolean {
  return !findStage(stages, stage.base.toLowerCase(), stages.indexOf(stage));
}

/** The stage's HEALTHCHECK and USER, falling back to the earlier stage it is built `FROM`. */
function inherited(stages: StageScan[], stage: StageScan): { healthcheck: boolean; user?: string } {
  let healthcheck = stage.healthcheck;
  let user = stage.user;
  let current: StageScan | undefined = stage;
  for (let guard = 0; guard < stages.length && (healthcheck === undefined || user === undefined); guard++) {
    current = findStage(stages, current.base.toLowerCase(), stages.indexOf(current));
    if (!current) break;
    healthcheck ??= current.healthcheck;
    user ??= current.user;
  }
  return { healthcheck: healthcheck === true, ...(user !== undefined ? { user } : {}) };
}

/** Splits a Dockerfile into stages with their HEALTHCHECK and USER. */
export function scanStages(text: string): StageScan[] {
  const lines = text.split(/\r\n|\r|\n/);
  let escape = '\\';
  // Parser directives: only at the very top, before any instruction or other comment.
  for (const line of lines) {
    const directive = /^\s*#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(line);
    if (!directive) break;
    if (directive[1].toLowerCase() === 'escape') escape = directive[2];
  }
  const stages: StageScan[] = [];
  let i = 0;
  while (i < lines.length) {
    let line = lines[i++];
    if (/^\s*(?:#|$)/.test(line)) continue;
    // Join continuation lines (comment lines inside a continuation are skipped, as BuildKit does).
    while (line.trimEnd().endsWith(escape) && i < lines.length) {
      line = line.trimEnd().slice(0, -escape.length);
      const next = lines[i++];
      if (/^\s*#/.test(next)) {
        line += escape; // keep continuing
        continue;
      }
      line += ` ${next}`;
    }
    const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    const args = match[2].trim();
    // Heredocs (`RUN <<EOF` … `EOF`): skip their bodies so their lines are not read as instructions.
    const heredocs = [...args.matchAll(/<<-?\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g)].map((m) => m[2]);
    for (const end of heredocs) {
      while (i < lines.length && lines[i].trim() !== end) i++;
      i++;
    }
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const base = words[0] ?? '';
      const name = words.length >= 3 && words[1].toLowerCase() === 'as' ? words[2].toLowerCase() : undefined;
      stages.push({ base, ...(name ? { name } : {}) });
    } else if (stages.length) {
      const stage = stages[stages.length - 1];
      if (keyword === 'HEALTHCHECK') stage.healthcheck = !/^NONE\b/i.test(args);
      else if (keyword === 'USER' && args) stage.user = args;
    }
  }
  return stages;
}
