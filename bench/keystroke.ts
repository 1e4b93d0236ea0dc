import { pathToFileURL } from 'url';
import { join } from 'path';
import { LspTestClient } from '../test/lsp/client';
import type { CorpusFile } from './corpus';
import { summarize, type Summary } from './stats';

// Per-keystroke latency as an editor sees it: the built server over stdio with the debounce
// forced to 0, one single-character incremental didChange at a time, timed from sending the
// change to receiving publishDiagnostics for exactly that version. The typist types ten
// letters into a value in the middle of the file, then backspaces them, and repeats.

const LANGUAGE_IDS = { dockerfile: 'dockerfile', compose: 'dockercompose', nginx: 'nginx' } as const;
const WORD = 'abcdefghij';

export interface KeystrokeResult extends Summary {
  diagnostics: number;
}

/** One server for the whole run, one document per file: what an editor session looks like. */
export class KeystrokeBench {
  private constructor(private readonly client: LspTestClient, private readonly dir: string) {}

  static async start(dir: string): Promise<KeystrokeBench> {
    return new KeystrokeBench(await LspTestClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } }), dir);
  }

  async measure(file: CorpusFile, keystrokes: number, warmup = 10): Promise<KeystrokeResult> {
    const uri = pathToFileURL(join(this.dir, `${file.kind}-${file.lines}`, file.name)).toString();
    await this.client.open(uri, LANGUAGE_IDS[file.kind], file.text);
    const opened = await this.client.diagnostics(uri, 1, 60000);
    const samples: number[] = [];
    const { line, character } = file.cursor;
    for (let i = 0; i < warmup + keystrokes; i++) {
      const step = i % (2 * WORD.length);
      const typing = step < WORD.length;
      // Typing inserts after the last typed letter; backspace removes the last one.
      const column = character + (typing ? step : 2 * WORD.length - step - 1);
      const range = typing
        ? { start: { line, character: column }, end: { line, character: column } }
        : { start: { line, character: column }, end: { line, character: column + 1 } };
      const t0 = performance.now();
      const version = await this.client.change(uri, [{ range, text: typing ? WORD[step] : '' }]);
      await this.client.diagnostics(uri, version, 60000);
      if (i >= warmup) samples.push(performance.now() - t0);
      // An editor keeps the latest diagnostics, not every publication: a log of hundreds of
      // 600-diagnostic messages would make the bench's own garbage collection part of the number.
      this.client.published.length = 0;
    }
    await this.client.close(uri);
    this.client.published.length = 0;
    return { ...summarize(samples), diagnostics: opened.diagnostics.length };
  }

  async stop(): Promise<void> {
    await this.client.stop();
  }
}
