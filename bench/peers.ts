import { writeFileSync } from 'fs';
import { join } from 'path';
import { edited, type CorpusFile } from './corpus';
import { sample, summarize, type Summary } from './stats';

// The linters people already use for each kind, run in this process through their own APIs,
// on the same texts the engine gets (a different number typed at the cursor each run):
// dockerfile-utils (rcjsuen's validator behind the Dockerfile language server), dclint
// (Compose), nginx-linter. They check different things than Shipshape, so the comparison is
// of cost per file, not of findings.

export interface PeerResult extends Summary {
  tool: string;
  findings: number;
  /** Set when the tool could not lint the file (it threw, or reported its own failure). */
  failure?: string;
}

interface Outcome {
  findings: number;
  failure?: string;
}

type Runner = { tool: string; run: (text: string, path: string) => Outcome };

function dockerfileUtils(): Runner {
  const { validate } = require('dockerfile-utils') as typeof import('dockerfile-utils');
  return { tool: 'dockerfile-utils', run: (text) => ({ findings: validate(text).length }) };
}

interface DclintMessage {
  rule: string;
  message: string;
}

function dclint(): Runner {
  // dclint's API takes paths and reads the file itself, as its CLI does: that is its unit of work.
  const { DCLinter } = require('dclint') as {
    DCLinter: new (config: unknown) => { lintFiles(paths: string[], recursive: boolean): Array<{ messages: DclintMessage[] }> };
  };
  const linter = new DCLinter({ rules: {}, quiet: true, debug: false, exclude: [] });
  return {
    tool: 'dclint',
    run: (text, path) => {
      writeFileSync(path, text);
      const messages = linter.lintFiles([path], false).flatMap((r) => r.messages);
      // Parse and schema failures come back as findings; they mean the file was not linted.
      const failed = messages.find((m) => ['invalid-yaml', 'invalid-schema', 'unknown-error'].includes(m.rule));
      return { findings: messages.length, failure: failed?.message };
    },
  };
}

function nginxLinter(): Runner {
  const { parser } = require('nginx-linter') as { parser: { parse(text: string): unknown } };
  const { runRules } = require('nginx-linter/lib/validator') as { runRules(root: unknown, rules: unknown[], options: unknown): unknown[] };
  const { builtins } = require('nginx-linter/lib/rules') as { builtins: unknown[] };
  return {
    tool: 'nginx-linter',
    run: (text, path) => ({ findings: runRules({ type: 'file', name: path, root: parser.parse(text) }, builtins, {}).length }),
  };
}

const RUNNERS: Record<CorpusFile['kind'], () => Runner> = { dockerfile: dockerfileUtils, compose: dclint, nginx: nginxLinter };

/** `dir` is where run.ts wrote the corpus (for tools that read from disk). */
export function measurePeer(file: CorpusFile, dir: string): PeerResult {
  const runner = RUNNERS[file.kind]();
  const path = join(dir, `${file.kind}-${file.lines}`, `peer-${file.name}`);
  let outcome: Outcome = { findings: 0 };
  try {
    const samples = sample((run) => (outcome = runner.run(edited(file, String(run)), path)));
    return { tool: runner.tool, ...summarize(samples), ...outcome };
  } catch (error) {
    // A peer that throws on a valid file is a result too; report it instead of aborting the run.
    const failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { tool: runner.tool, n: 0, p50: NaN, p95: NaN, max: NaN, findings: 0, failure };
  }
}
