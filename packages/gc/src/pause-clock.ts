/**
 * The clock collections time their pauses with (`gc.get_stats`-style pause figures, the
 * `DEBUG_STATS` "elapsed" line).
 *
 * @module
 */

/** Node's `process.hrtime.bigint`, when this runs on Node. */
const hrtime = (globalThis as { process?: { hrtime?: { bigint?: () => bigint } } }).process?.hrtime
  ?.bigint;

/**
 * Milliseconds from an arbitrary origin, monotonic. On Node it reads `process.hrtime`: the first
 * read of the `performance` global there loads Node's `perf_hooks` module, 1–10 ms added to the
 * first collection of every process (the one at `pymem` exit, for a short script). Elsewhere
 * (browsers, Deno) `performance.now()`.
 *
 * @internal
 */
export const pauseClockMs: () => number =
  hrtime !== undefined ? () => Number(hrtime()) / 1e6 : () => performance.now();
