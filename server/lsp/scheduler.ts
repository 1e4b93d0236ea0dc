// Per-document scheduling of analysis while the user types. Each change replaces the pending
// run for that document (superseded work is cancelled before it starts), and the delay follows
// how long the document took last time: small files are analyzed at once, a file that takes
// 30 ms waits a little so a burst of keystrokes costs one analysis, not ten.

export interface SchedulerOptions {
  /** Fixed delay in ms; when undefined the delay adapts to the last analysis time. */
  debounceMs?: number;
}

const MAX_ADAPTIVE_DELAY_MS = 250;

export class AnalysisScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();

  constructor(private readonly options: SchedulerOptions = {}) {}

  schedule(key: string, lastDurationMs: number | undefined, run: () => void): void {
    this.cancel(key);
    const delay = this.options.debounceMs ?? Math.min(MAX_ADAPTIVE_DELAY_MS, Math.round((lastDurationMs ?? 0) * 4));
    const fire = () => {
      this.pending.delete(key);
      run();
    };
    // setImmediate still lets queued didChange messages arrive first, so a burst coalesces.
    this.pending.set(key, delay <= 0 ? setImmediate(fire) : setTimeout(fire, delay));
  }

  cancel(key: string): void {
    const handle = this.pending.get(key);
    if (!handle) return;
    clearTimeout(handle as NodeJS.Timeout);
    clearImmediate(handle as NodeJS.Immediate);
    this.pending.delete(key);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }
}
