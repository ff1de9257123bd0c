/**
 * Monotonic wall clock in nanoseconds, as a number (exact up to 2^53 ns ≈ 104 days).
 *
 * @remarks
 * Read it once before and once after a whole timed loop, never per operation: for sub-µs
 * operations the timer's own cost would dominate (see TOOLCHAIN.md, benchmark notes).
 *
 * @example
 * ```ts
 * const start = nowNs();
 * for (let i = 0; i < n; i++) work(i);
 * const nsPerOp = (nowNs() - start) / n;
 * ```
 */
export function nowNs(): number {
  return Number(process.hrtime.bigint());
}

/**
 * Median, minimum and maximum of a set of per-run measurements.
 *
 * @example
 * ```ts
 * summarize([3, 1, 2]); // { median: 2, min: 1, max: 3 }
 * ```
 */
export interface SampleSummary {
  /** The middle value (mean of the two middle values for an even count). */
  median: number;
  /** The smallest value. */
  min: number;
  /** The largest value. */
  max: number;
}

/**
 * Summarises timed runs (warm-up runs must already be excluded).
 *
 * @example
 * ```ts
 * const { median, min } = summarize(nsPerOpOfEachRun);
 * ```
 */
export function summarize(samples: readonly number[]): SampleSummary {
  if (samples.length === 0) throw new RangeError("no samples to summarise");
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}
