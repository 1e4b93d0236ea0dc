// Summary statistics for timing samples (milliseconds).

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  // Nearest-rank: the smallest sample with at least p% of samples at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN };
}

/**
 * Runs `fn` repeatedly: at least `minRuns` times, then until `budgetMs` has passed or
 * `maxRuns` is reached. The first run is a warm-up and not recorded.
 */
export function sample(fn: (run: number) => void, { minRuns = 5, maxRuns = 200, budgetMs = 1500 } = {}): number[] {
  fn(0);
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < budgetMs)) {
    const t0 = performance.now();
    fn(samples.length + 1);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}
