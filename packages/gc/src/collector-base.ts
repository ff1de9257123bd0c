import {
  type CollectorHost,
  type CollectorStats,
  DerivedTypeFlags,
  GC_PREV_MASK_FINALIZED,
  OB_TYPE_OFFSET as IMPORTED_OB_TYPE_OFFSET,
  InvalidPointerError,
  type LinearMemory,
  type Ptr,
  TypeFlags,
  type TypeTable,
} from "@pymem/core";
import type { DebugSink, GcCallback, GenerationStats, PauseObserver } from "./api.js";
import { CollectorState, defaultDebugSink } from "./collector-state.js";
import { DebugFlags } from "./debug-flags.js";
import { NEXT_WORD, PREV_WORD } from "./gc-list.js";
import { pauseClockMs } from "./pause-clock.js";

// Hot-path copies of imported constants (see architecture/hot-path-constants.md): `untrack` runs
// for every dying list and tuple.
const OB_TYPE_OFFSET = IMPORTED_OB_TYPE_OFFSET;
const IS_GC = TypeFlags.GC;

/**
 * The base of every shipped collector, and of yours: extend it, implement the tracking scheme
 * and the algorithm, and `runtime.gc` (Python's `gc` module, {@link GcModule}) works for your
 * collector. It provides the `gcstate` bookkeeping behind the `ManagedCollector` accessors
 * (`debug`, `garbage`, `callbacks`, `stats`, `generationStats`), host binding and detaching,
 * `isTracked`/`untrack` with CPython's GC-capability checks, {@link runCollection} (re-entry
 * guard, `gc.callbacks`, statistics), a "no permanent generation" `freeze`, and CPython's
 * per-object steps on an unreachable set (legacy finalizers, weakref callbacks, PEP 442
 * finalizers, `tp_clear`).
 *
 * @remarks
 * A subclass implements `name`, `wantsDecrefNotifications`, `generationCount`, `enabled`,
 * `track`, {@link forget}, `onAllocate`, `onDeallocate`, `onDecrefToNonZero`, `collect`,
 * `getCount`, `getThreshold`, `setThreshold` and `objects`. The GC head's `gc_next` is the
 * collector's, and `gc_next === 0` must mean "untracked" (the {@link isTracked} test); `gc_prev`
 * is the collector's above its FINALIZED bit. The guide "Write your own collector" builds a
 * mark-sweep collector on it.
 *
 * @example
 * ```ts
 * class MyCollector extends CollectorBase implements ManagedCollector {
 *   readonly name = "mine";
 *   readonly wantsDecrefNotifications = false;
 *   readonly generationCount = 1;
 *   enabled = true;
 *   constructor() {
 *     super(1, undefined);
 *   }
 *   protected forget(u32: Uint32Array, obj: Ptr): void {
 *     u32[(obj + GC_NEXT_OFFSET) >>> 2] = 0;
 *   }
 *   // track, collect, … over this.memory and this.types
 * }
 * ```
 */
export abstract class CollectorBase {
  /** The `gcstate` fields outside the object lists. @internal */
  protected readonly state: CollectorState;
  /** Set by {@link attach}. */
  protected host: CollectorHost | undefined;
  /** The host's memory (valid once attached). */
  protected memory!: LinearMemory;
  /** The host's type table (valid once attached). */
  protected types!: TypeTable;
  /** CPython: `gcstate->collecting`. */
  protected collectingNow = false;
  /** Set by {@link detach}: the collector was replaced and is done. */
  private detached = false;

  /**
   * @param generations - how many per-generation statistics to keep
   * @param debugSink - where debug output goes (default: `console.error`, like CPython's stderr)
   */
  protected constructor(generations: number, debugSink: DebugSink | undefined) {
    this.state = new CollectorState(generations, debugSink ?? defaultDebugSink);
  }

  /** `DebugFlags` bits. CPython: `gc.get_debug` / `gc.set_debug`. */
  get debug(): number {
    return this.state.debug;
  }
  set debug(flags: number) {
    this.state.debug = flags;
  }
  /** Where debug output goes. */
  get debugSink(): DebugSink {
    return this.state.debugSink;
  }
  set debugSink(sink: DebugSink) {
    this.state.debugSink = sink;
  }
  /** CPython: `gc.garbage`. Each entry holds a reference. */
  get garbage(): Ptr[] {
    return this.state.garbage;
  }
  /** CPython: `gc.callbacks`. */
  get callbacks(): GcCallback[] {
    return this.state.callbacks;
  }
  /** Told the length of every pause (collection or increment). */
  get pauseObserver(): PauseObserver | undefined {
    return this.state.pauseObserver;
  }
  set pauseObserver(observer: PauseObserver | undefined) {
    this.state.pauseObserver = observer;
  }
  /**
   * The clock pauses (and the program code they run) are timed with, in milliseconds: by
   * default the wall clock (`process.hrtime` on Node, else `performance.now()`). A host on a
   * loaded machine may set a CPU-time clock; `undefined` restores the default.
   */
  get pauseClock(): () => number {
    return this.state.clock;
  }
  set pauseClock(clock: (() => number) | undefined) {
    this.state.clock = clock ?? pauseClockMs;
  }
  /** Whether a collection (or an increment) is running. CPython: `gcstate->collecting`. */
  get collecting(): boolean {
    return this.collectingNow;
  }

  /**
   * The host this collector is attached to; throws if {@link attach} was not called.
   *
   * @example
   * ```ts
   * collector.attachedHost().reportUnraisable(error, "while collecting", 0);
   * ```
   */
  attachedHost(): CollectorHost {
    if (this.host === undefined) {
      throw new Error(
        this.detached
          ? "collector was detached: another collector replaced it on its heap"
          : "collector is not attached to a host",
      );
    }
    return this.host;
  }

  /**
   * Attaches the collector to its host (and lets it allocate its list heads). Call once.
   *
   * @example
   * ```ts
   * collector.attach(host); // normally done by the runtime
   * ```
   */
  attach(host: CollectorHost): void {
    if (this.host !== undefined || this.detached)
      throw new Error("collector is already attached (a collector is attached once)");
    // Before binding: if preparation throws (no allocator…), the collector stays detached.
    this.prepareAttach(host);
    this.host = host;
    this.memory = host.memory;
    this.types = host.types;
  }

  /**
   * Called by {@link attach} before the host is bound: validate the host, allocate list heads.
   * Throwing leaves the collector detached.
   */
  protected prepareAttach(_host: CollectorHost): void {}

  /**
   * Called when the collector is replaced on its heap (`runtime.setCollector`): ends any
   * cycle in progress and gives back the memory taken at attach time. Afterwards the heap resets
   * every GC head, and the collector is done: {@link attachedHost}, `collect` and the `gc`
   * module functions throw, and it cannot be attached again.
   *
   * @example
   * ```ts
   * oldCollector.detach(); // normally done by the heap when a new collector is attached
   * ```
   */
  detach(): void {
    const host = this.attachedHost();
    this.releaseAttach(host);
    this.host = undefined;
    this.detached = true;
  }

  /** Called by {@link detach}: end a running cycle, free list heads. */
  protected releaseAttach(_host: CollectorHost): void {}

  /**
   * Stops tracking `obj` (a no-op if it is not tracked). CPython: `PyObject_GC_UnTrack`.
   *
   * @example
   * ```ts
   * collector.untrack(tuple);
   * ```
   */
  untrack(obj: Ptr): void {
    this.checkGcObject(obj);
    this.forget(this.memory.u32, obj);
  }

  /** Takes `obj` (known GC-capable) out of the collector's structures, if it is tracked. */
  protected abstract forget(u32: Uint32Array, obj: Ptr): void;

  /**
   * Whether `obj` is tracked: GC-capable and `gc_next !== 0`. CPython: `gc.is_tracked`.
   *
   * @example
   * ```ts
   * collector.isTracked(obj); // true for a fresh list
   * ```
   */
  isTracked(obj: Ptr): boolean {
    const types = this.types;
    if ((types.flags[types.typeOf(obj)]! & TypeFlags.GC) === 0) return false;
    return this.memory.u32[(obj >>> 2) + NEXT_WORD] !== 0;
  }

  /**
   * Runs one collection of `generation` as every collector must: returns 0 at once when a
   * collection is already running (a finalizer or callback called `collect`), else sets
   * {@link collecting}, calls the `gc.callbacks` with `"start"` and `"stop"`, runs `work`
   * (which returns how many unreachable objects it freed and how many it left uncollectable),
   * records the statistics and returns their sum. CPython: `gc_collect_main`'s frame.
   *
   * @example
   * ```ts
   * collect(): number {
   *   return this.runCollection(0, (host) => this.markAndSweep(host));
   * }
   * ```
   */
  protected runCollection(
    generation: number,
    work: (host: CollectorHost) => { collected: number; uncollectable: number },
  ): number {
    const host = this.attachedHost();
    if (this.collectingNow) return 0;
    this.collectingNow = true;
    try {
      const state = this.state;
      const startedAt = state.startPause();
      state.invokeCallbacks(host, "start", generation, 0, 0);
      const { collected, uncollectable } = work(host);
      state.record(host, generation, collected, uncollectable, state.elapsed(startedAt));
      state.invokeCallbacks(host, "stop", generation, collected, uncollectable);
      return collected + uncollectable;
    } finally {
      this.collectingNow = false;
    }
  }

  /**
   * No permanent generation by default: a no-op (Bacon–Rajan, user collectors). CPython:
   * `gc.freeze()`.
   *
   * @example
   * ```ts
   * collector.freeze();
   * ```
   */
  freeze(): void {
    this.attachedHost();
  }

  /** No permanent generation by default: a no-op. CPython: `gc.unfreeze()`. */
  unfreeze(): void {
    this.attachedHost();
  }

  /** No permanent generation by default: always 0. CPython: `gc.get_freeze_count()`. */
  freezeCount(): number {
    this.attachedHost();
    return 0;
  }

  /**
   * Totals over every collection so far (a copy).
   *
   * @example
   * ```ts
   * collector.stats().collected;
   * ```
   */
  stats(): CollectorStats {
    return { ...this.state.totals };
  }

  /**
   * CPython: `gc.get_stats()` — one entry per generation (copies).
   *
   * @example
   * ```ts
   * collector.generationStats()[0]!.collections;
   * ```
   */
  generationStats(): GenerationStats[] {
    return this.state.perGeneration.map((stats) => ({ ...stats }));
  }

  /** Throws unless `obj`'s type is GC-capable (`track`/`untrack` of a non-container). */
  protected checkGcObject(obj: Ptr): void {
    const types = this.types;
    // Every dying list and tuple comes through here: read the header directly, and leave the
    // checked `typeOf` (and its error) to the rare failure. Type id 0 and ids past the table have
    // no flags (0, or undefined past the array), so they fail the GC test too.
    const typeId = this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    if ((types.flags[typeId]! & IS_GC) !== 0) return;
    const name = types.spec(types.typeOf(obj)).name;
    throw new InvalidPointerError(obj, `type '${name}' is not GC-capable`, name);
  }

  /**
   * The `track` prologue: GC-capable and not yet tracked (CPython: `_PyObject_GC_TRACK` fails
   * with the same message; here it is a typed error and nothing changes).
   */
  protected checkTrackable(obj: Ptr): void {
    this.checkGcObject(obj);
    if (this.memory.u32[(obj >>> 2) + NEXT_WORD] !== 0) {
      throw new InvalidPointerError(
        obj,
        "object already tracked by the garbage collector",
        this.types.typeName(obj),
      );
    }
  }

  // ─────────────── CPython's per-object steps on an unreachable set (shared by every collector) ───────────────

  /**
   * CPython: `handle_legacy_finalizers()` for one object — an uncollectable object (reachable from
   * a `tp_del`) goes to `gc.garbage` if it has `tp_del` itself or `DEBUG_SAVEALL` is set.
   */
  protected saveUncollectable(host: CollectorHost, obj: Ptr): void {
    const types = this.types;
    if (
      this.state.debug & DebugFlags.DEBUG_SAVEALL ||
      types.flags[types.typeOf(obj)]! & DerivedTypeFlags.HAS_DEL
    ) {
      host.lifetime.incref(obj);
      this.state.garbage.push(obj);
    }
  }

  /**
   * CPython: the callback call of `handle_weakrefs()` — errors go to the unraisable hook. Callers
   * time their loop of calls as program code (`state.clock()` … `state.endProgramCode`): one
   * pair of clock reads per loop, not per call, which would cost microseconds per finalizer.
   */
  protected callWeakrefCallback(host: CollectorHost, wr: Ptr): void {
    try {
      host.weakrefs.callCallback(wr);
    } catch (error) {
      host.reportUnraisable(error, "on calling weakref callback", wr);
    }
  }

  /**
   * CPython: `finalize_garbage()` for one object — runs its PEP 442 finalizer unless it already
   * ran (the FINALIZED bit of `gc_prev`); returns whether it ran (host code may have run). Callers
   * time their loop as program code, as for {@link callWeakrefCallback}.
   */
  protected finalizeOnce(host: CollectorHost, obj: Ptr): boolean {
    const u32 = this.memory.u32;
    const prevIndex = (obj >>> 2) + PREV_WORD;
    const types = this.types;
    if (
      (u32[prevIndex]! & GC_PREV_MASK_FINALIZED) !== 0 ||
      (types.flags[types.typeOf(obj)]! & DerivedTypeFlags.HAS_FINALIZE) === 0
    )
      return false;
    u32[prevIndex]! |= GC_PREV_MASK_FINALIZED;
    // The host reports finalizer exceptions itself; anything escaping it must not abandon the
    // collection half-way.
    try {
      host.callFinalizer(obj);
    } catch (error) {
      host.reportUnraisable(error, "in finalizer", obj);
    }
    return true;
  }

  /**
   * CPython: `delete_garbage()` for one object — with `saveAll` (`DEBUG_SAVEALL`) keep it in
   * `gc.garbage` (taking a reference), else break its cycles with `tp_clear`. The caller must hold
   * a reference to `obj` across the call.
   */
  protected deleteGarbageObject(host: CollectorHost, obj: Ptr, saveAll: boolean): void {
    if (saveAll) {
      host.lifetime.incref(obj);
      this.state.garbage.push(obj);
      return;
    }
    try {
      host.clearReferences(obj);
    } catch (error) {
      host.reportUnraisable(error, `in tp_clear of ${this.types.typeName(obj)}`, obj);
    }
  }
}
