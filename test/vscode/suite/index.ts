// Entry point that VS Code's extension host calls (extensionTestsPath): runs every
// `*.test.js` beside this file with mocha, inside the real extension host.
//
// Env (inherited from the launcher, test/vscode/run.ts):
//   SHIPSHAPE_TEST_STATS  write {passes, failures, pending} JSON here when done
//   SHIPSHAPE_TEST_LOG    also append the reporter's output to this file (the launcher
//                         streams it; code-server does not forward the host's console)
//   SHIPSHAPE_TEST_GREP   only run tests whose full title matches this
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import type MochaType from 'mocha';

class TestFailures extends Error {}

/** mocha 11 is CommonJS; mocha 12's entry is ESM with a CommonJS build beside it. */
function loadMocha(): typeof MochaType {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const pkg = require('mocha/package.json') as { type?: string };
  return pkg.type === 'module' ? require('mocha/lib/mocha.cjs') : require('mocha');
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export async function run(): Promise<void> {
  const logFile = process.env.SHIPSHAPE_TEST_LOG;
  const statsFile = process.env.SHIPSHAPE_TEST_STATS;
  try {
    await runMocha(logFile, statsFile);
  } catch (err) {
    if (err instanceof TestFailures) throw err; // mocha already reported them
    // Make a broken setup visible: the launcher only sees the log file and the exit code.
    const msg = `extension-host suite failed: ${(err as Error)?.stack ?? err}\n`;
    if (logFile) fs.appendFileSync(logFile, msg);
    if (statsFile && !fs.existsSync(statsFile)) {
      fs.writeFileSync(statsFile, JSON.stringify({ passes: 0, failures: 1, pending: 0 }) + '\n');
    }
    throw err;
  }
}

function runMocha(logFile: string | undefined, statsFile: string | undefined): Promise<void> {
  const Mocha = loadMocha();
  const Base = Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void; useColors: boolean };
  const plainLog = console.log.bind(console);
  Base.useColors = false;
  Base.consoleLog = (...args: unknown[]) => {
    const line = util.format(...args);
    if (logFile) fs.appendFileSync(logFile, line + '\n');
    else plainLog(line);
  };

  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  if (process.env.SHIPSHAPE_TEST_GREP) mocha.grep(process.env.SHIPSHAPE_TEST_GREP);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        if (statsFile) {
          fs.writeFileSync(
            statsFile,
            JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending }) + '\n',
          );
        }
        if (files.length === 0) reject(new Error(`no *.test.js files in ${__dirname}`));
        else if (failures > 0) reject(new TestFailures(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
