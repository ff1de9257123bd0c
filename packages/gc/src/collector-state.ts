import { type CollectorHost, type CollectorStats, formatAddress, type Ptr } from "@pymem/core";
import type {
  DebugSink,
  GcCallback,
  GcCallbackInfo,
  GenerationStats,
  PauseObserver,
} from "./api.js";
import { pauseClockMs } from "./pause-clock.js";

/**
 * The default debug sink: CPython writes `gc: …` lines to `sys.stderr`.
 *
 * @internal
 */
export const defaultDebugSink: DebugSink = (text) => {
  console.error(text.endsWith("\n") ? text.slice(0, -1) : text);
};

/**
 * The bookkeeping every shipped collector shares: CPython's `gcstate` fields outside the object
 * lists (callbacks, garbage, debug flags, statistics, pause timing).
 *
 * @internal
 */
export class CollectorState {
  readonly garbage: Ptr[] = [];
  readonly callbacks: GcCallback[] = [];
  debug = 0;
  debugSink: DebugSink;
  pauseObserver: PauseObserver | undefined = undefined;
  readonly perGeneration: GenerationStats[];
  /**
   * Milliseconds spent so far in program code a collection called (finalizers, weakref
   * callbacks, `gc.callbacks`): see {@link PauseObserver}'s `programMilliseconds`.
   */
  programMs = 0;
  /** The clock pauses are timed with, in milliseconds (see `ManagedCollector.pauseClock`). */
  clock: () => number = pauseClockMs;
  /** {@link programMs} when the current pause started. */
  private programMsAtStart = 0;
  readonly totals: CollectorStats = {
    collections: 0,
    collected: 0,
    uncollectable: 0,
    totalPauseMs: 0,
    maxPauseMs: 0,
  };

  constructor(generations: number, debugSink: DebugSink) {
    this.debugSink = debugSink;
    this.perGeneration = [];
    for (let i = 0; i < generations; i++)
      this.perGeneration.push({ collections: 0, collected: 0, uncollectable: 0 });
  }

  /** Starts timing a pause (a collection or an increment): returns its start on {@link clock}. */
  startPause(): number {
    this.programMsAtStart = this.programMs;
    return this.clock();
  }

  /** Milliseconds on {@link clock} since `startedAt`. */
  elapsed(startedAt: number): number {
    return this.clock() - startedAt;
  }

  /** Adds the time since `startedAt` ({@link clock}), spent in program code, to {@link programMs}. */
  endProgramCode(startedAt: number): void {
    this.programMs += this.clock() - startedAt;
  }

  /** CPython: `invoke_gc_callback()` — errors go to the unraisable hook. */
  invokeCallbacks(
    host: CollectorHost,
    phase: "start" | "stop",
    generation: number,
    collected: number,
    uncollectable: number,
  ): void {
    if (this.callbacks.length === 0) return;
    const startedAt = this.clock();
    const info: GcCallbackInfo = { generation, collected, uncollectable };
    // Index loop over the live array: CPython iterates `gcstate->callbacks` the same way, so a
    // callback that edits the list affects this very round.
    for (let i = 0; i < this.callbacks.length; i++) {
      const callback = this.callbacks[i]!;
      try {
        callback(phase, { ...info });
      } catch (error) {
        host.reportUnraisable(error, "while calling GC callback", 0);
      }
    }
    this.endProgramCode(startedAt);
  }

  /**
   * Records one pause (a collection or an increment) in the totals and tells the observer. The
   * pause is over when the observer runs: what it throws goes to the unraisable hook, as a
   * `gc.callbacks` error does, so a failing observer cannot fail the allocation that collected.
   */
  recordPause(host: CollectorHost, generation: number, pauseMs: number): void {
    const totals = this.totals;
    totals.totalPauseMs += pauseMs;
    if (pauseMs > totals.maxPauseMs) totals.maxPauseMs = pauseMs;
    if (this.pauseObserver === undefined) return;
    try {
      this.pauseObserver(generation, pauseMs, this.programMs - this.programMsAtStart);
    } catch (error) {
      host.reportUnraisable(error, "in the pause observer", 0);
    }
  }

  /** Records one finished collection (and its pause). */
  record(
    host: CollectorHost,
    generation: number,
    collected: number,
    uncollectable: number,
    pauseMs: number,
  ): void {
    const stats = this.perGeneration[generation]!;
    stats.collections++;
    stats.collected += collected;
    stats.uncollectable += uncollectable;
    const totals = this.totals;
    totals.collections++;
    totals.collected += collected;
    totals.uncollectable += uncollectable;
    this.recordPause(host, generation, pauseMs);
  }

  /**
   * Writes debug output to the sink, ignoring what the sink throws: CPython's
   * `PySys_WriteStderr` drops a failing `sys.stderr`'s error, so debug output never stops a
   * collection half-way.
   */
  writeDebug(text: string): void {
    try {
      this.debugSink(text);
    } catch {
      // CPython: PySys_WriteStderr — "if an error occurs, it is cleared and ignored".
    }
  }

  /** CPython: `debug_cycle()` — `"gc: %s <%s %p>\n"` with the type's name and the address. */
  debugCycle(host: CollectorHost, message: string, obj: Ptr): void {
    this.writeDebug(`gc: ${message} <${host.types.typeName(obj)} ${formatAddress(obj)}>\n`);
  }
}
