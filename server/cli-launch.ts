import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';
import * as vm from 'vm';

// `out/cli.js`: loads the CLI bundle (`out/cli-bundle.js`) with V8's code cache.
//
// Compiling the ~900 KB bundle took a third of a short `shipshape check` run, paid again by
// every CI step that lints one file. The build runs the CLI once over examples/ and saves the
// compiled code next to the bundle (`cli-bundle.cache`); later runs start from it. A cache
// from another Node version is rejected by V8 and the bundle simply compiles as before.
// Nothing is ever written at run time: only the build sets SHIPSHAPE_WRITE_CODE_CACHE.

interface CliBundle {
  main(argv: string[]): Promise<number>;
  runFromProcess(): void;
}

const BUNDLE = path.join(__dirname, 'cli-bundle.js');
const CACHE = path.join(__dirname, 'cli-bundle.cache');

function load(): CliBundle {
  let source: string;
  try {
    source = fs.readFileSync(BUNDLE, 'utf8');
  } catch {
    process.stderr.write('shipshape: out/cli-bundle.js is missing; build it first (npm run build)\n');
    process.exit(2);
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(CACHE);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  compiled.call(bundle.exports, bundle.exports, ((id: string) => bundle.require(id)) as NodeJS.Require, bundle, BUNDLE, __dirname);
  const target = process.env.SHIPSHAPE_WRITE_CODE_CACHE;
  if (target) process.on('exit', () => fs.writeFileSync(target, script.createCachedData()));
  return bundle.exports as CliBundle;
}

const cli = load();
export const main = cli.main;
export const runFromProcess = cli.runFromProcess;

if (require.main === module) runFromProcess();
