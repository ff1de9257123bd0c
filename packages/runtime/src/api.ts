import type { Collector } from "@pymem/core";
import type { PoolProfileName, TracingAllocatorOptions } from "@pymem/pool";

/**
 * The collectors {@link createRuntime} can build by name.
 *
 * - `"generational"` — CPython 3.13's generational collector, thresholds (2000, 10, 10).
 * - `"generational-3.12"` — the same collector with CPython 3.11/3.12's thresholds (700, 10, 10).
 * - `"incremental"` — trial deletion in bounded increments interleaved with the program.
 * - `"bacon-rajan"` — synchronous cycle collection from candidate roots (decrefs to non-zero).
 * - `"none"` — reference counting only: cycles are never freed (like `gc.disable()` forever,
 *   except that objects are not even tracked).
 *
 * @example
 * ```ts
 * const name: CollectorName = "bacon-rajan";
 * createRuntime({ collector: name });
 * ```
 */
export type CollectorName =
  | "generational"
  | "generational-3.12"
  | "incremental"
  | "bacon-rajan"
  | "none";

/**
 * Every name {@link CollectorName} allows, in the order error messages list them.
 *
 * @example
 * ```ts
 * COLLECTOR_NAMES.includes("incremental"); // true
 * ```
 */
export const COLLECTOR_NAMES: readonly CollectorName[] = [
  "generational",
  "generational-3.12",
  "incremental",
  "bacon-rajan",
  "none",
];

/**
 * Receives text the runtime would otherwise write to standard error: unraisable-exception reports
 * (`Exception ignored in: …`) and the collector's `DEBUG_*` output. Called with whole lines
 * ending in `"\n"`.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const sink: TextSink = (text) => lines.push(text);
 * ```
 */
export type TextSink = (text: string) => void;

/**
 * Options of {@link createRuntime}. Pass any subset.
 *
 * @example
 * ```ts
 * import { createRuntime } from "@pymem/runtime";
 * const runtime = createRuntime({ collector: "generational-3.12", maximumBytes: 64 << 20, debug: true });
 * ```
 */
export interface RuntimeOptions {
  /**
   * pymalloc's constants. The default is `@pymem/heap`'s own default, `"cpython32"` (8-byte
   * alignment, 4 KiB pools, 256 KiB arenas): objects are laid out as on a 32-bit CPython build
   * (4-byte pointers, as Pyodide runs it), and 8-byte size classes keep a two-slot list at 40
   * bytes where the 16-byte classes of `"cpython64"` would round its blocks up to 48. Choose
   * `"cpython64"` for CPython's 64-bit pool geometry and the faster small-live-set churn measured
   * in `@pymem/pool`'s README.
   * @defaultValue "cpython32"
   */
  profile: PoolProfileName;
  /**
   * Cap on the linear memory, in bytes. An allocation beyond it throws `OutOfMemoryError` and
   * leaves the runtime consistent (`runtime.verify()` passes). At most 2 GiB: the heap reads
   * objects with signed 32-bit shifts, so a larger cap is refused with a `RangeError` at creation.
   * @defaultValue 2147483648 (2 GiB, the pool allocator's cap)
   */
  maximumBytes: number;
  /**
   * Size of the linear memory at creation, in bytes (rounded up to 64 KiB pages).
   * @defaultValue 65536
   */
  initialBytes: number;
  /**
   * Debug mode, like `PYTHONMALLOC=debug` plus a debug build's object checks: the pool is wrapped
   * in `@pymem/pool`'s `DebugAllocator` (guard bytes, dead-byte fill, serial numbers), and the
   * heap remembers freed objects so that `incref`/`decref` of one throws `UseAfterFreeError`.
   * @defaultValue false
   */
  debug: boolean;
  /**
   * Wrap the allocator in a `TracingAllocator` (tracemalloc): `true` starts tracing at once with
   * no stack capture; an options object is passed to the tracer as is.
   * @defaultValue false
   */
  tracing: boolean | Partial<TracingAllocatorOptions>;
  /**
   * The cycle collector: a {@link CollectorName}, or your own object implementing `@pymem/core`'s
   * `Collector` (implement `@pymem/gc`'s `ManagedCollector` as well to get `runtime.gc`).
   * @defaultValue "generational"
   */
  collector: CollectorName | Collector;
  /**
   * Where unraisable-exception reports (`Exception ignored in: …`, from finalizers and weakref
   * callbacks) go.
   * @defaultValue writes to `process.stderr` (`console.error` where there is no process)
   */
  unraisableSink: TextSink;
  /**
   * Where the collector's `DEBUG_*` output (`gc.set_debug`) goes. Applies to collectors built by
   * name; a collector you pass in keeps its own sink.
   * @defaultValue writes to `process.stderr` (`console.error` where there is no process)
   */
  debugSink: TextSink;
  /**
   * Keep CPython's free lists (float, list, dict, tuples of 1–20 items).
   * @defaultValue true
   */
  freeLists: boolean;
  /**
   * The seed of the `str` hash secret, as CPython's `PYTHONHASHSEED`: 0 for CPython's
   * deterministic `PYTHONHASHSEED=0` hashes (reproducible runs, differential tests), any other
   * integer up to 4294967295 for that seed's secret, `undefined` for a random secret (no program
   * can then choose keys that all collide). See `@pymem/heap`'s `hashSecretFromSeed`.
   * @defaultValue undefined (random, like CPython without `PYTHONHASHSEED`)
   */
  hashSeed: number | undefined;
}
