import type { PoolStats } from "@pymem/pool";
import { formatDebugMallocStats } from "@pymem/pool";
import { type FreeListSizes, formatFreeListStats } from "@pymem/runtime";
import type { GcEvent } from "../snapshot/gc-timeline.js";
import type { ObjectGraph, ValuesInPlace } from "../snapshot/object-graph.js";
import type { PoolMapSummary } from "../snapshot/pool-map.js";
import type { StatementTrace } from "./statement-trace.js";

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
 * One frame of the call stack in a {@link Snapshot}: which code, where, and its variables. The
 * variables' values are the snapshot's `graph.variables`, frame after frame in this order.
 *
 * @example
 * ```ts
 * const title = frame.kind === "module" ? "Global frame" : `${frame.qualifiedName}()`;
 * ```
 */
export interface FrameSnapshot {
  /** `"module"`, `"function"` or `"class"` (a class body). */
  readonly kind: "module" | "function" | "class";
  /** The code's qualified name (`"make_counter.<locals>.inc"`). */
  readonly qualifiedName: string;
  /** The line the frame is at (a caller: the line of its call). */
  readonly line: number;
  /** Its variables: plain locals, cells shared with inner functions, free variables from outer ones. */
  readonly variables: readonly {
    readonly name: string;
    readonly kind: "local" | "cell" | "free";
  }[];
}

/**
 * A function's frame after it returned (Python Tutor's "show exited frames"): its variables as
 * they were when it returned — written as text, since a returned frame holds no references and
 * the objects may be gone — and what it returned.
 *
 * @example
 * ```ts
 * const title = `${exited.qualifiedName}() returned ${exited.returnValue}`;
 * ```
 */
export interface ExitedFrame {
  /** The code's qualified name. */
  readonly qualifiedName: string;
  /** The line it returned from. */
  readonly line: number;
  /** Its variables when it returned, each with its value's short repr. */
  readonly variables: readonly {
    readonly name: string;
    readonly kind: "local" | "cell" | "free";
    readonly value: string;
  }[];
  /** The short repr of the value it returned. */
  readonly returnValue: string;
}

/**
 * Everything the views show at one recorded moment. Output and the GC timeline are
 * append-only, so a snapshot stores only how much of each existed then.
 *
 * @example
 * ```ts
 * const visibleOutput = outputUpTo(recording.output, snapshot.outputLength);
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
  /**
   * `"statement"`: before a statement runs; `"return"`: a function returning (its frame is still
   * the innermost, see {@link returnValue}); `"end"`: after the program finished or stopped.
   */
  readonly phase: "statement" | "return" | "end";
  /** The call stack, outermost (the module) first. */
  readonly frames: readonly FrameSnapshot[];
  /** At a `"return"` step: a short repr of the value being returned; else undefined. */
  readonly returnValue: string | undefined;
  /**
   * The function frames that returned before this moment, oldest first — the last
   * {@link RecorderOptions.exitedFrames} of them; empty when that option is 0.
   */
  readonly exitedFrames: readonly ExitedFrame[];
  /** Function frames that returned before those of {@link exitedFrames} (not kept). */
  readonly exitedEarlier: number;
  /** Every frame's variables and the objects they reach. */
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
  /** Characters of output written by then (see {@link outputUpTo}). */
  readonly outputLength: number;
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
 * A recorded run: every statement's position ({@link trace}), full snapshots of the first
 * statements and of the end, the complete output and GC timeline, and how it ended. Snapshots of
 * later statements are made on demand by running the program again up to them (the interpreter
 * is deterministic). Plain data, so it can cross a worker boundary.
 *
 * @example
 * ```ts
 * const last = recording.final; // what Run shows
 * ```
 */
export interface Recording {
  /** Where each statement was: every statement is reachable from it. */
  readonly trace: StatementTrace;
  /** Snapshots of the first {@link RecorderOptions.fullSnapshots} statements, in order. */
  readonly snapshots: readonly Snapshot[];
  /** The state after the program finished or stopped (`phase: "end"`, `statement` = {@link statements}). */
  readonly final: Snapshot;
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
   * The heap's linear memory at the end, in bytes: it never shrinks, so this is the most the
   * run used (what each paused replay of it may hold; see `CheckpointPool`).
   */
  readonly memoryBytes: number;
  /** The prompt of an `input()` that had no answer left (see `SessionSettings.inputs`), else undefined. */
  readonly inputPrompt: string | undefined;
}

/**
 * Options of a {@link SessionRecorder}.
 *
 * @example
 * ```ts
 * new SessionRecorder(runtime, { fullSnapshots: 400 });
 * ```
 */
export interface RecorderOptions {
  /**
   * Statements captured in full while the run is recorded; the snapshot of any later statement
   * is made on demand by running the program again.
   * @defaultValue 400
   */
  fullSnapshots: number;
  /**
   * Most objects in one object graph.
   * @defaultValue 400
   */
  maximumGraphNodes: number;
  /**
   * Most characters of program output kept (stdout and stderr together); the rest is dropped
   * with a note, so `print` in a long loop cannot exhaust the tab's memory.
   * @defaultValue 1000000
   */
  maximumOutputCharacters: number;
  /**
   * Which values the object graphs write in place instead of drawing as boxes (see
   * `ObjectGraphOptions.values`).
   * @defaultValue "immortal"
   */
  values: ValuesInPlace;
  /**
   * How many of the function frames that returned last each snapshot lists
   * ({@link Snapshot.exitedFrames}); 0 (off) spares reading the frames at every return.
   * @defaultValue 0
   */
  exitedFrames: number;
  /**
   * Whether every statement goes into the trace; `false` only counts them — for replays, which
   * take their snapshots and leave the trace to the recording (a checkpoint of a long run would
   * otherwise hold millions of entries).
   * @defaultValue true
   */
  trace: boolean;
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

/**
 * The output as it was when `length` characters had been written: whole chunks, the last one cut.
 *
 * @example
 * ```ts
 * outputView.render(outputUpTo(recording.output, snapshot.outputLength));
 * ```
 */
export function outputUpTo(output: readonly OutputChunk[], length: number): OutputChunk[] {
  const result: OutputChunk[] = [];
  let remaining = length;
  for (const chunk of output) {
    if (remaining <= 0) break;
    if (chunk.text.length <= remaining) result.push(chunk);
    else result.push({ stream: chunk.stream, text: chunk.text.slice(0, remaining) });
    remaining -= chunk.text.length;
  }
  return result;
}
