import type { PoolStats } from "@pymem/pool";
import { formatDebugMallocStats } from "@pymem/pool";
import { type FreeListSizes, formatFreeListStats } from "@pymem/runtime";
import type { GcEvent } from "../snapshot/gc-timeline.js";
import type { ObjectGraph } from "../snapshot/object-graph.js";
import type { PoolMapSummary } from "../snapshot/pool-map.js";

/**
 * A piece of program output, in the order it was written.
 *
 * @example
 * ```ts
 * const chunk: OutputChunk = { stream: "stdout", text: "hello\n" };
 * ```
 */
export interface OutputChunk {
  /** `"stdout"`, `"stderr"` (tracebacks, `Exception ignored in`, gc debug output) or `"note"` (the playground's own messages). */
  readonly stream: "stdout" | "stderr" | "note";
  /** The text written. */
  readonly text: string;
}

/**
 * Everything the views show at one recorded moment. Output and the GC timeline are
 * append-only, so a snapshot stores only how much of each existed then.
 *
 * @example
 * ```ts
 * const visibleOutput = recording.output.slice(0, snapshot.outputCount);
 * ```
 */
export interface Snapshot {
  /** Statements executed before this one (0 for the first). */
  readonly statement: number;
  /** The interpreter's step counter (statements and loop iterations). */
  readonly steps: number;
  /** The line about to run, or the last line that ran for the final snapshot. */
  readonly line: number;
  /** The function running (`"<module>"` at module level). */
  readonly functionName: string;
  /** Call depth (0 = module level). */
  readonly depth: number;
  /** `"statement"`: before a statement runs; `"end"`: after the program finished or stopped. */
  readonly phase: "statement" | "end";
  /** The variables and the objects they reach. */
  readonly graph: ObjectGraph;
  /** The arena → pool → block map. */
  readonly poolMap: PoolMapSummary;
  /** The pool's statistics (what `sys._debugmallocstats()` prints first; see {@link formatMallocStats}). */
  readonly poolStats: PoolStats;
  /** The free lists' sizes (what `sys._debugmallocstats()` prints last). */
  readonly freeListSizes: FreeListSizes;
  /** `gc.get_count()` (empty without a managed collector). */
  readonly gcCounts: readonly number[];
  /** Collections that had finished by then (a prefix of {@link Recording.gcEvents}). */
  readonly gcEventCount: number;
  /** Output chunks written by then (a prefix of {@link Recording.output}). */
  readonly outputCount: number;
}

/**
 * How a run ended.
 *
 * @example
 * ```ts
 * if (!recording.outcome.ok) console.log(recording.outcome.errorType);
 * ```
 */
export interface RunOutcome {
  /** Whether the program ran to the end without an uncaught exception. */
  readonly ok: boolean;
  /** The uncaught exception's type (`"StepLimitError"` when the step limit stopped it). */
  readonly errorType: string | undefined;
  /** Its message. */
  readonly message: string | undefined;
  /** Statements plus loop iterations executed. */
  readonly steps: number;
  /** Milliseconds the run took, recording included. */
  readonly milliseconds: number;
}

/**
 * A recorded run: the snapshots Step walks through, the complete output and GC timeline, and how
 * it ended. Plain data, so it can cross a worker boundary or be saved as JSON.
 *
 * @example
 * ```ts
 * const last = recording.snapshots.at(-1); // what Run shows
 * ```
 */
export interface Recording {
  /** The recorded moments, in order; the last is the final state (`phase: "end"`). */
  readonly snapshots: readonly Snapshot[];
  /** Every collection of the run. */
  readonly gcEvents: readonly GcEvent[];
  /** Every output chunk of the run. */
  readonly output: readonly OutputChunk[];
  /** How the run ended. */
  readonly outcome: RunOutcome;
  /** The collector's name (`"generational"`, `"incremental"`, …; `"none"` without one). */
  readonly collector: string;
  /** Its number of generations (1 for the non-generational collectors). */
  readonly generationCount: number;
  /** Statements executed (onStatement calls). */
  readonly statements: number;
  /**
   * After the first {@link RecorderOptions.fullSnapshots} statements only every `stride`-th one
   * is kept; 1 when every statement was recorded.
   */
  readonly stride: number;
}

/**
 * Options of a {@link SessionRecorder}.
 *
 * @example
 * ```ts
 * new SessionRecorder(runtime, { fullSnapshots: 1000, maximumSnapshots: 2000 });
 * ```
 */
export interface RecorderOptions {
  /**
   * Statements recorded one by one from the start of the run.
   * @defaultValue 1000
   */
  fullSnapshots: number;
  /**
   * Most snapshots kept. Past {@link fullSnapshots}, statements are sampled every `stride`-th;
   * whenever the bound is reached every other sampled snapshot is dropped and the stride doubles.
   * @defaultValue 2000
   */
  maximumSnapshots: number;
  /**
   * Most objects in one object graph.
   * @defaultValue 80
   */
  maximumGraphNodes: number;
  /**
   * Most characters of program output kept (stdout and stderr together); the rest is dropped
   * with a note, so `print` in a long loop cannot exhaust the tab's memory.
   * @defaultValue 1000000
   */
  maximumOutputCharacters: number;
}

/**
 * `sys._debugmallocstats()` text of a snapshot, exactly as `runtime.debugMallocStats()` printed
 * it then. Snapshots keep the statistics as data and format them only when shown: formatting at
 * every recorded statement cost more than everything else recorded.
 *
 * @example
 * ```ts
 * pre.textContent = formatMallocStats(snapshot);
 * ```
 */
export function formatMallocStats(snapshot: Pick<Snapshot, "poolStats" | "freeListSizes">): string {
  // CPython: sys__debugmallocstats_impl() — pymalloc stats, '\n', _PyObject_DebugTypeStats().
  return `${formatDebugMallocStats(snapshot.poolStats)}\n${formatFreeListStats(snapshot.freeListSizes)}`;
}
