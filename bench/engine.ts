import { analyze } from '../rules/engine';
import { memoryWorkspace } from '../rules/workspace';
import { edited, type CorpusFile } from './corpus';
import { sample, summarize, type Summary } from './stats';

// The engine alone, in this process: parse + every rule + suppressions, no LSP and no I/O.
// Each run analyzes the file with a different number typed at the cursor (see `edited`).

export interface EngineResult extends Summary {
  findings: number;
}

export function measureEngine(file: CorpusFile): EngineResult {
  const path = `/bench/${file.kind}-${file.lines}/${file.name}`;
  const workspace = memoryWorkspace({ [path]: file.text });
  let findings = 0;
  const samples = sample((run) => {
    const text = edited(file, String(run));
    findings = analyze({ path, text, kind: file.kind }, { workspace })?.findings.length ?? 0;
  });
  return { ...summarize(samples), findings };
}
