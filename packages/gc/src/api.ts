import type { Allocator, Collector, CollectorHost, Ptr } from "@pymem/core";

/**
 * The phase a `gc.callbacks` entry is called for. CPython: `invoke_gc_callback(…, "start" | "stop", …)`.
 *
 * @example
 * ```ts
 * gc.callbacks.push((phase: GcPhase, info) => { if (phase === "stop") console.log(info.collected); });
 * ```
 */
export type GcPhase = "start" | "stop";

/**
 * The `info` argument of a `gc.callbacks` entry, with CPython 3.11–3.13's keys. At "start",
 * `collected` and `uncollectable` are 0.
 *
 * @example
 * ```ts
 * const info: GcCallbackInfo = { generation: 2, collected: 0, uncollectable: 0 };
 * ```
 */
export interface GcCallbackInfo {
  /** The oldest generation being collected. */
  generation: number;
  /** Objects freed (at "stop"). */
  collected: number;
  /** Objects found unreachable but kept in `garbage` (at "stop"). */
  uncollectable: number;
}

/**
 * A `gc.callbacks` entry. Exceptions it throws are reported as unraisable; the collection goes on.
 *
 * @example
 * ```ts
 * const logPauses: GcCallback = (phase, info) => console.log(phase, info.generation);
 * gc.callbacks.push(logPauses);
 * ```
 */
export type GcCallback = (phase: GcPhase, info: GcCallbackInfo) => void;

/**
 * Told the length of every pause a collector makes the program wait: each collection of a
 * stop-the-world collector, each increment of an incremental one (automatic or explicit). Unlike
 * `gc.callbacks` it costs nothing when unset and runs no Python; the GC lab uses it to measure
 * pause distributions. What it throws goes to the heap's unraisable hook ("in the pause
 * observer"); the collection's result stands.
 *
 * @param generation - the oldest generation the pause worked on (0 for single-generation collectors)
 * @param milliseconds - the pause's wall-clock length in this JavaScript engine
 * @param programMilliseconds - of that, the time spent in the program's own code the collection
 *   called: PEP 442 finalizers (`__del__`), weakref callbacks, `gc.callbacks`. CPython counts
 *   them inside a collection too (its "stop" callback comes after them); subtracting them gives
 *   the collector's own work. Finalizers of objects that die by reference counting while
 *   `tp_clear` breaks the cycles are not in it (their time stays in the pause, as in CPython).
 *
 * @example
 * ```ts
 * const pauses: number[] = [];
 * collector.pauseObserver = (_generation, milliseconds) => pauses.push(milliseconds);
 * ```
 */
export type PauseObserver = (
  generation: number,
  milliseconds: number,
  programMilliseconds: number,
) => void;

/**
 * One entry of `gc.get_stats()`: counters of one generation since the collector was created.
 *
 * @example
 * ```ts
 * const [young, middle, old] = gc.getStats();
 * console.log(old!.collections);
 * ```
 */
export interface GenerationStats {
  /** Collections of this generation (as the oldest collected). */
  collections: number;
  /** Objects freed by those collections. */
  collected: number;
  /** Objects found uncollectable by those collections. */
  uncollectable: number;
}

/**
 * Which CPython's generation-0 threshold a {@link GenerationalCollector} starts with: 3.13's
 * (2000, 10, 10) or 3.11/3.12's (700, 10, 10).
 *
 * @example
 * ```ts
 * const collector = new GenerationalCollector({ profile: "3.12" });
 * ```
 */
export type ThresholdProfile = "3.13" | "3.12" | "3.11";

/**
 * Where debug output (`gc.set_debug`) goes: called with whole lines ending in `"\n"`, as CPython
 * writes them to `sys.stderr`.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const sink: DebugSink = (text) => lines.push(text);
 * ```
 */
export type DebugSink = (text: string) => void;

/**
 * Options of a {@link GenerationalCollector}.
 *
 * @example
 * ```ts
 * new GenerationalCollector({ profile: "3.11", debugSink: (t) => process.stderr.write(t) });
 * ```
 */
export interface GenerationalCollectorOptions {
  /**
   * Default thresholds: `"3.13"` → (2000, 10, 10); `"3.12"` / `"3.11"` → (700, 10, 10).
   * @defaultValue "3.13"
   */
  profile: ThresholdProfile;
  /**
   * Thresholds overriding the profile's (1 to 3 values, like `gc.set_threshold`).
   * @defaultValue undefined (the profile's)
   */
  thresholds: readonly number[] | undefined;
  /**
   * Where `DEBUG_*` output goes.
   * @defaultValue writes to `console.error` (CPython: `sys.stderr`)
   */
  debugSink: DebugSink;
  /**
   * Where the collector allocates its generation list heads (72 bytes, once). Must allocate from
   * the memory the objects live in.
   * @defaultValue undefined (the host's `allocator`)
   */
  allocator: Allocator | undefined;
}

/**
 * Options of a {@link BaconRajanCollector}.
 *
 * @example
 * ```ts
 * new BaconRajanCollector({ threshold: 5000 });
 * ```
 */
export interface BaconRajanCollectorOptions {
  /**
   * Candidate roots buffered before an automatic collection. Adapts like PHP's `gc_adjust_threshold`:
   * a run that frees fewer than `thresholdTrigger` objects raises it by `thresholdStep`, a productive
   * run lowers it again (never below this initial value).
   * @defaultValue 10001 (PHP: `GC_THRESHOLD_DEFAULT`)
   */
  threshold: number;
  /**
   * How much the threshold moves per adjustment.
   * @defaultValue 10000 (PHP: `GC_THRESHOLD_STEP`)
   */
  thresholdStep: number;
  /**
   * The ceiling of the adaptive threshold.
   * @defaultValue 1000000000 (PHP: `GC_THRESHOLD_MAX`)
   */
  thresholdMax: number;
  /**
   * A run freeing fewer objects than this is "unproductive" and raises the threshold.
   * @defaultValue 100 (PHP: `GC_THRESHOLD_TRIGGER`)
   */
  thresholdTrigger: number;
  /**
   * Where `DEBUG_*` output goes.
   * @defaultValue writes to `console.error`
   */
  debugSink: DebugSink;
}

/**
 * Options of an {@link IncrementalCollector}.
 *
 * @example
 * ```ts
 * new IncrementalCollector({ budget: 2000, threshold: 1000 });
 * ```
 */
export interface IncrementalCollectorOptions extends GenerationalCollectorOptions {
  /**
   * The least work an increment does, in units (snapshotting, subtracting, marking, sweeping or
   * restoring one object is one unit, plus one per 4 references followed; 0.1–0.3 µs each on a
   * 2-core VM); `step()` does this much. Automatic increments of a phase whose code is still cold
   * (V8 interpreting it) do less: 250 units plus one per 8 that phase did before.
   * @defaultValue 2000
   */
  budget: number;
  /**
   * GC allocations between automatic increments while a middle or old-generation cycle runs,
   * and between the pauses that delete garbage found earlier (256 objects each); 0 disables both
   * (middle collections are then synchronous, garbage is deleted at once). An increment does
   * `max(budget, 16 × allocations since the previous one)` units, so collection keeps pace with
   * allocation (a cycle over H objects ends within H/3 allocations).
   * @defaultValue 128
   */
  threshold: number;
}

/**
 * The control surface the {@link GcModule} drives: a {@link Collector} plus the state CPython keeps
 * in `struct _gc_runtime_state` (enabled flag, thresholds, counts, callbacks, `garbage`, debug
 * flags, per-generation stats). Implemented by every collector this package ships; implement it
 * to put your own collector behind `GcModule`.
 *
 * @example
 * ```ts
 * const gc = new GcModule(collector satisfies ManagedCollector);
 * ```
 */
export interface ManagedCollector extends Collector {
  /** Number of generations `collect(generation)` and `getObjects(generation)` accept (1 for non-generational collectors). */
  readonly generationCount: number;
  /** Whether allocation may trigger automatic collections. CPython: `gcstate->enabled`. */
  enabled: boolean;
  /** Whether a collection is running (re-entrant `collect` returns 0). CPython: `gcstate->collecting`. */
  readonly collecting: boolean;
  /** `DebugFlags` bits. CPython: `gcstate->debug`. */
  debug: number;
  /** Where debug output goes; what it throws is ignored, as CPython ignores a failing `sys.stderr`. */
  debugSink: DebugSink;
  /** Uncollectable objects (and, with `DEBUG_SAVEALL`, all unreachable ones); each holds a reference. CPython: `gc.garbage`. */
  readonly garbage: Ptr[];
  /** Called at the start and stop of every collection; errors are unraisable. CPython: `gc.callbacks`. */
  readonly callbacks: GcCallback[];
  /** Told the length of every pause (collection or increment); `undefined` for none. */
  pauseObserver?: PauseObserver | undefined;
  /**
   * The clock pauses are timed with, in milliseconds (default: the wall clock). The GC lab sets
   * a CPU-time clock, so that a loaded machine's waits do not count as the collector's.
   */
  pauseClock?: (() => number) | undefined;
  /**
   * Set by a host with safe points (an interpreter's eval loop): automatic collections are then
   * only scheduled by allocation, this is called, and they run at {@link runScheduledCollection}.
   * Collectors that collect at the allocation itself leave it out.
   */
  onCollectionScheduled?: (() => void) | undefined;
  /** Runs the scheduled automatic collection, if any. CPython: `_Py_RunGC`. */
  runScheduledCollection?(): void;
  /** The host given to `attach`; throws if not attached yet. */
  attachedHost(): CollectorHost;
  /** Per-generation counters. CPython: `gc.get_count`. */
  getCount(): number[];
  /** Per-generation thresholds. CPython: `gc.get_threshold`. */
  getThreshold(): number[];
  /** Sets the first `values.length` thresholds (already validated). CPython: `gc.set_threshold`. */
  setThreshold(values: readonly number[]): void;
  /** Objects tracked in `generation`, or in all generations for -1. CPython: `gc.get_objects`. */
  objects(generation: number): Ptr[];
  /** Per-generation statistics. CPython: `gc.get_stats`. */
  generationStats(): GenerationStats[];
  /** Moves every tracked object to the permanent generation. CPython: `gc.freeze`. */
  freeze(): void;
  /** Moves the permanent generation back into the oldest. CPython: `gc.unfreeze`. */
  unfreeze(): void;
  /** Objects in the permanent generation. CPython: `gc.get_freeze_count`. */
  freezeCount(): number;
}
