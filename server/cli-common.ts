import * as fs from 'fs';
import * as nativePath from 'path';
import { parseArgs } from 'util';

// What every `shipshape` subcommand shares: the I/O seam tests replace, exit codes, the
// one-line usage error, argument parsing, colour and the tool's version.

export interface CliIO {
  /** Working directory (native path): relative arguments and output paths start here. */
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input; throws when it cannot be read. */
  readStdin(): string;
  /** Colour is used only on a terminal. */
  stdoutIsTTY: boolean;
  /** Today, for date-based rules; tests pin it. */
  now?: Date;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A problem with how shipshape was called or with a file it had to read: exit 2, one line. */
export class UsageError extends Error {}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Node's parser, with its errors shortened to what a user needs on one line. */
export function parse(args: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    const quoted = /'([^']+)'/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option \`${quoted ?? '?'}\` (see --help)`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(oneLine(err.message).replace(/^Option /, 'option '));
    throw new UsageError(oneLine(err.message));
  }
}

export function oneLine(text: string): string {
  return text.split(/\r?\n/)[0].trim();
}

let cachedVersion: string | undefined;

/**
 * The version in package.json. Looked up on disk rather than imported: the bundle
 * (`out/cli.js`) and the compiled tests (`out/server/cli.js`) sit at different depths.
 */
export function toolVersion(): string {
  if (cachedVersion) return cachedVersion;
  let dir = __dirname;
  for (let depth = 0; depth < 5; depth++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(nativePath.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'shipshape' && pkg.version) return (cachedVersion = pkg.version);
    } catch {
      // not here: keep climbing
    }
    dir = nativePath.dirname(dir);
  }
  return (cachedVersion = '0.0.0');
}

export function useColor(io: CliIO): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTTY;
}
