import {
  type Allocator,
  type CollectorHost,
  DerivedTypeFlags,
  HeapCorruptionError,
  GC_NEXT_MASK_UNREACHABLE as IMPORTED_GC_NEXT_MASK_UNREACHABLE,
  GC_PREV_MASK as IMPORTED_GC_PREV_MASK,
  GC_PREV_MASK_COLLECTING as IMPORTED_GC_PREV_MASK_COLLECTING,
  GC_PREV_MASK_FINALIZED as IMPORTED_GC_PREV_MASK_FINALIZED,
  GC_PREV_SHIFT as IMPORTED_GC_PREV_SHIFT,
  IMMORTAL_REFCNT as IMPORTED_IMMORTAL_REFCNT,
  OB_REFCNT_OFFSET as IMPORTED_OB_REFCNT_OFFSET,
  OB_TYPE_OFFSET as IMPORTED_OB_TYPE_OFFSET,
  LayoutShape,
  type Ptr,
  ReferenceStack,
  ReferenceVisit,
  TypeFlags,
} from "@pymem/core";
import type { GenerationalCollectorOptions, ManagedCollector, ThresholdProfile } from "./api.js";
import { CollectorBase } from "./collector-base.js";
import { DebugFlags } from "./debug-flags.js";
import { GcValueError } from "./errors.js";
import {
  gcNext,
  NEXT_WORD as IMPORTED_NEXT_WORD,
  PREV_FLAGS as IMPORTED_PREV_FLAGS,
  PREV_WORD as IMPORTED_PREV_WORD,
  listAppend,
  listInit,
  listIsEmpty,
  listMerge,
  listMove,
  listSize,
} from "./gc-list.js";
import { pauseClockMs } from "./pause-clock.js";

// Hot-path copies of imported constants (see architecture/hot-path-constants.md).
const NEXT_WORD = IMPORTED_NEXT_WORD;
const PREV_WORD = IMPORTED_PREV_WORD;
const OB_TYPE_OFFSET = IMPORTED_OB_TYPE_OFFSET;
const OB_REFCNT_OFFSET = IMPORTED_OB_REFCNT_OFFSET;
const GC_PREV_MASK_COLLECTING = IMPORTED_GC_PREV_MASK_COLLECTING;
const GC_PREV_MASK_FINALIZED = IMPORTED_GC_PREV_MASK_FINALIZED;
const GC_NEXT_MASK_UNREACHABLE = IMPORTED_GC_NEXT_MASK_UNREACHABLE;
const GC_PREV_SHIFT = IMPORTED_GC_PREV_SHIFT;
const GC_PREV_MASK = IMPORTED_GC_PREV_MASK;
const PREV_FLAGS = IMPORTED_PREV_FLAGS;
const IMMORTAL_REFCNT = IMPORTED_IMMORTAL_REFCNT;
const IS_GC = TypeFlags.GC;
const LAYOUT_DENSE_INDIRECT = LayoutShape.DENSE_INDIRECT;
const LAYOUT_DENSE_INLINE = LayoutShape.DENSE_INLINE;
const LAYOUT_NONE = LayoutShape.NONE;
const HAS_DEL = DerivedTypeFlags.HAS_DEL;
const HAS_FINALIZE = DerivedTypeFlags.HAS_FINALIZE;
const WEAKREFABLE = DerivedTypeFlags.WEAKREFABLE;
const FIXED_REFERENCES_ONLY = DerivedTypeFlags.FIXED_REFERENCES_ONLY;

/** CPython: `NUM_GENERATIONS`. */
export const NUM_GENERATIONS = 3;

/**
 * Default thresholds per profile: CPython 3.13 raised threshold0 to 2000 (kept after the
 * incremental GC was reverted, python/cpython#124770); 3.11/3.12 use 700.
 */
const PROFILE_THRESHOLDS: Record<ThresholdProfile, readonly [number, number, number]> = {
  "3.13": [2000, 10, 10],
  "3.12": [700, 10, 10],
  "3.11": [700, 10, 10],
};

/** The collector-owned list heads, allocated together (8 bytes each) at attach time. */
const HEAD_PERMANENT = 3;
const HEAD_UNREACHABLE = 4;
const HEAD_FINALIZERS = 5;
const HEAD_WEAKREF_CALLBACKS = 6;
const HEAD_SEEN = 7;
const HEAD_FINAL_UNREACHABLE = 8;
const HEAD_COUNT = 9;
const HEAD_BYTES = 8;

/** A `gc_prev` word keeps only this when an object leaves the collector's lists. */
const KEEP_ON_UNTRACK = GC_PREV_MASK_FINALIZED;

/** Types a collection may untrack (CPython: tuples always, dicts in full collections). */
const UNTRACK_FLAGS = TypeFlags.UNTRACK_WHEN_ATOMIC | TypeFlags.UNTRACK_WHEN_ATOMIC_ON_FULL;

/** `gc_refs` of 1, as stored in `gc_prev`. */
const ONE_GC_REF = 1 << GC_PREV_SHIFT;

/** What `subtract_refs` reports when a referent's `gc_refs` would go below 0. */
const TOO_SMALL = "refcount is too small";

/** {@link GenerationalCollector}'s per-type cache: the host was asked whether the type is a weakref. */
const TYPE_KNOWN = 1;
/** … and the answer was yes (CPython: `PyWeakref_Check`). */
const TYPE_WEAKREF = 2;
/** Type flags that make `move_legacy_finalizers`, `handle_weakrefs` or `finalize_garbage` work. */
const NEEDS_UNREACHABLE_PASSES = HAS_DEL | HAS_FINALIZE | WEAKREFABLE;

/** Marker for "choose the generation from the counts". CPython: `GENERATION_AUTO`. */
const GENERATION_AUTO = -1;

/**
 * CPython 3.13's generational cyclic garbage collector (`Python/gc.c` as shipped in 3.13.0 and
 * forward-ported to 3.14.5+/3.15), operating on objects in linear memory.
 *
 * @remarks
 * - Three generations plus a permanent one, each a circular list threaded through the GC heads.
 * - An automatic collection runs synchronously inside `onAllocate` when `count0 > threshold0`
 *   (CPython 3.11's placement; 3.12+ defers it to the next bytecode boundary). The generation is
 *   chosen by `gc_select_generation()` including the `long_lived_pending < long_lived_total / 4`
 *   rule for full collections.
 * - A collection: `update_refs` → `subtract_refs` → `move_unreachable` (breadth-first, no
 *   recursion) → `untrack_tuples`/`untrack_dicts` → legacy finalizers aside → `handle_weakrefs` →
 *   `finalize_garbage` (PEP 442) → `handle_resurrected_objects` → `delete_garbage`.
 * - It requires `host.allocator` (for its 72 bytes of list heads).
 *
 * Use it as the default collector of a runtime, usually through {@link GcModule}.
 *
 * @example
 * ```ts
 * import { GenerationalCollector, GcModule } from "@pymem/gc";
 * const collector = new GenerationalCollector({ profile: "3.13" });
 * collector.attach(host);               // normally done by the runtime
 * const gc = new GcModule(collector);
 * gc.collect();                          // → number of unreachable objects found
 * ```
 */
export class GenerationalCollector extends CollectorBase implements ManagedCollector {
  /** @inheritDoc */
  readonly name: string = "generational";
  /** Generational collection needs no decref notifications. */
  readonly wantsDecrefNotifications = false;
  /** CPython: `NUM_GENERATIONS`. */
  readonly generationCount = NUM_GENERATIONS;
  /** Whether allocations may start automatic collections. CPython: `gcstate->enabled`. */
  enabled = true;

  private readonly allocator: Allocator | undefined;
  /** Address of list head 0; head `k` is at `headBase + 8k`. */
  private headBase = 0;
  /** CPython: `gcstate->generations[i].count`. */
  protected readonly counts = [0, 0, 0];
  protected readonly thresholds: number[];
  /** CPython: `gcstate->long_lived_total` / `long_lived_pending`. */
  /** CPython: `gcstate->long_lived_total`. */
  protected longLivedTotal = 0;
  /** CPython: `gcstate->long_lived_pending`. */
  protected longLivedPending = 0;
  private readonly stack = new ReferenceStack(1024);
  /** Survivors of the current collection whose type may untrack them (tuples, dicts). */
  private readonly untrackCandidates = new ReferenceStack(256);
  /** Objects left reachable by the current collection's first `move_unreachable`. */
  private survivorCount = 0;
  /** Objects the last `update_refs` prepared (the immortal ones moved away are not counted). */
  private preparedCount = 0;
  /** The type flags of every object the last `move_unreachable` parked in unreachable, or'ed. */
  private parkedTypeFlags = 0;
  /** Non-zero if the last `move_unreachable` parked a weakref or an object of an unknown type. */
  private parkedTypeDoubt = 0;
  /** Per type id: TYPE_KNOWN, plus TYPE_WEAKREF for weakref types (filled by move_legacy_finalizers). */
  private typeMarks = new Uint8Array(64);
  /** Whether objects in the unreachable list may still carry NEXT_MASK_UNREACHABLE. */
  private unreachableMasked = false;
  /** Weakrefs with callbacks that are not tracked (so cannot be parked on a list). */
  private readonly untrackedCallbacks = new ReferenceStack(16);
  /**
   * Whether host code (a weakref clear or callback, a finalizer) ran since the current
   * collection's first `deduce_unreachable`. If none did, nothing can have resurrected an
   * unreachable object and `handle_resurrected_objects` may skip its second deduction.
   */
  private hostCodeRan = false;
  /**
   * Whether the last collection ran to its end (or none ran yet): only then are the GC_PREV_MASK_COLLECTING
   * bits of every tracked object known to be clear, which {@link updateAndSubtractRefs} relies
   * on. A collection cut short by an exception may leave them set; the two-pass path rewrites
   * them all.
   */
  private lastCollectionFinished = true;
  /** Objects `move_legacy_finalizers` left in the unreachable list, minus those moved out since. */
  private unreachableCount = 0;
  /** The type flags of every object `move_legacy_finalizers` left in unreachable, or'ed. */
  private unreachableTypeFlags = 0;
  /** Whether `move_legacy_finalizers` left a weakref object in unreachable. */
  private unreachableHasWeakref = false;
  /** See {@link onCollectionScheduled}. */
  private scheduledHook: (() => void) | undefined = undefined;
  /** Whether automatic work waits for {@link runScheduledCollection}. CPython: `_PY_GC_SCHEDULED_BIT`. */
  protected collectionScheduled = false;

  constructor(options: Partial<GenerationalCollectorOptions> = {}) {
    super(NUM_GENERATIONS, options.debugSink);
    const profile = options.profile ?? "3.13";
    const base = PROFILE_THRESHOLDS[profile];
    if (base === undefined) throw new GcValueError(`unknown threshold profile '${profile}'`);
    this.thresholds = [...base];
    if (options.thresholds !== undefined) {
      const values = options.thresholds;
      if (values.length < 1 || values.length > 3)
        throw new GcValueError("thresholds requires 1 to 3 values");
      for (let i = 0; i < values.length; i++) {
        const value = values[i]!;
        if (!Number.isInteger(value)) throw new GcValueError("thresholds must be integers");
        this.thresholds[i] = value;
      }
    }
    this.allocator = options.allocator;
  }

  /** Checks the allocator and allocates the 72 bytes of list heads in the host's memory. */
  protected override prepareAttach(host: CollectorHost): void {
    const allocator = this.allocator ?? host.allocator;
    if (allocator === undefined) {
      throw new TypeError(
        "GenerationalCollector needs an allocator for its generation list heads: pass options.allocator or give the host one",
      );
    }
    if (allocator.memory !== host.memory)
      throw new TypeError("GenerationalCollector: the allocator must use the host's memory");
    this.headBase = allocator.malloc(HEAD_COUNT * HEAD_BYTES) + HEAD_BYTES;
    const u32 = host.memory.u32;
    for (let k = 0; k < HEAD_COUNT; k++) listInit(u32, this.head(k));
  }

  /** Frees the list heads (the heap resets every GC head next). */
  protected override releaseAttach(host: CollectorHost): void {
    (this.allocator ?? host.allocator)!.free(this.headBase - HEAD_BYTES);
    this.headBase = 0;
  }

  private head(k: number): Ptr {
    return this.headBase + k * HEAD_BYTES;
  }

  /** The list head of `generation` (0 … 2). */
  protected generationHead(generation: number): Ptr {
    return this.head(generation);
  }

  /** The list head of the permanent generation (`gc.freeze`). */
  protected permanentHead(): Ptr {
    return this.head(HEAD_PERMANENT);
  }

  // ───────────────────────────── tracking and notifications ─────────────────────────────

  /**
   * Starts tracking `obj` in generation 0. CPython: `PyObject_GC_Track` (throws where CPython
   * aborts with "object already tracked by the garbage collector").
   *
   * @example
   * ```ts
   * collector.track(list);
   * ```
   */
  track(obj: Ptr): void {
    this.checkTrackable(obj);
    // CPython: _PyObject_GC_TRACK() — append to the youngest generation.
    listAppend(this.memory.u32, obj, this.head(0));
  }

  /**
   * Stops tracking `obj` (a no-op if it is not tracked). CPython: `PyObject_GC_UnTrack`. The heap
   * calls it for every dying list and tuple, so the check and the unlink are inlined here.
   *
   * @example
   * ```ts
   * collector.untrack(tuple);
   * ```
   */
  override untrack(obj: Ptr): void {
    const u32 = this.memory.u32;
    const types = this.types;
    const typeId = u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    // (Type id 0 and ids past the table have no GC flag either.)
    if ((types.flags[typeId]! & IS_GC) === 0) this.checkGcObject(obj); // throws the typed error
    if (u32[(obj >>> 2) + NEXT_WORD] !== 0) this.untrackUnchecked(u32, obj);
  }

  /** Untracks `obj` if it is tracked. */
  protected forget(u32: Uint32Array, obj: Ptr): void {
    if (u32[(obj >>> 2) + NEXT_WORD] !== 0) this.untrackUnchecked(u32, obj);
  }

  /** CPython: `_PyObject_GC_UNTRACK` (`gc_list_remove`, keeping only the GC_PREV_MASK_FINALIZED bit). */
  private untrackUnchecked(u32: Uint32Array, obj: Ptr): void {
    const nextIndex = (obj >>> 2) + NEXT_WORD;
    const prevIndex = (obj >>> 2) + PREV_WORD;
    const prevWord = u32[prevIndex]!;
    const prev = (prevWord & GC_PREV_MASK) >>> 0;
    const next = (u32[nextIndex]! & ~GC_NEXT_MASK_UNREACHABLE) >>> 0;
    u32[(prev >>> 2) + NEXT_WORD] = next;
    const nextPrevIndex = (next >>> 2) + PREV_WORD;
    u32[nextPrevIndex] = (u32[nextPrevIndex]! & PREV_FLAGS) | prev;
    u32[nextIndex] = 0;
    u32[prevIndex] = prevWord & KEEP_ON_UNTRACK;
  }

  /**
   * A GC object came from the allocator: count it and maybe collect. CPython: `_PyObject_GC_Link`.
   *
   * @example
   * ```ts
   * collector.onAllocate(obj); // the heap calls this
   * ```
   */
  onAllocate(obj: Ptr): void {
    const u32 = this.memory.u32;
    u32[(obj >>> 2) + NEXT_WORD] = 0;
    u32[(obj >>> 2) + PREV_WORD] = 0;
    const count = ++this.counts[0]!;
    const threshold = this.thresholds[0]!;
    if (count > threshold && this.enabled && threshold !== 0 && !this.collectingNow) {
      if (this.scheduledHook === undefined) this.collectMain(GENERATION_AUTO);
      else this.scheduleCollection();
    }
  }

  /**
   * Where automatic collections run. Left `undefined` (the default), at the allocation that
   * crosses generation 0's threshold. Set to a function, that allocation only schedules the
   * collection and calls it (once until the collection runs); the host then calls
   * {@link runScheduledCollection} at its next safe point. CPython 3.12+ works the second way:
   * `_PyObject_GC_Link` calls `_Py_ScheduleGC`, and the eval loop runs the collection at its next
   * eval-breaker check (a function's `RESUME`, a loop's `JUMP_BACKWARD`, the end of a call into C),
   * so an interpreter needs it to collect when CPython does. Setting it drops a scheduled
   * collection. What the hook throws goes to the unraisable hook; the work stays scheduled.
   *
   * @example
   * ```ts
   * collector.onCollectionScheduled = () => { pending = true; };
   * // … later, at a safe point:
   * if (pending) { pending = false; collector.runScheduledCollection(); }
   * ```
   */
  get onCollectionScheduled(): (() => void) | undefined {
    return this.scheduledHook;
  }
  set onCollectionScheduled(hook: (() => void) | undefined) {
    this.scheduledHook = hook;
    this.collectionScheduled = false;
  }

  /**
   * Marks automatic work as scheduled and tells the host, once. CPython: `_Py_ScheduleGC`, which
   * cannot fail: what the hook throws goes to the unraisable hook, the allocation that crossed
   * the threshold succeeds, and the work stays scheduled for {@link runScheduledCollection}.
   */
  protected scheduleCollection(): void {
    if (this.collectionScheduled) return;
    this.collectionScheduled = true;
    try {
      this.scheduledHook!();
    } catch (error) {
      this.attachedHost().reportUnraisable(error, "in the collection scheduling hook", 0);
    }
  }

  /**
   * Runs the automatic collection scheduled since the last call, if any, choosing the generation
   * from the counts as they are now (which may be none). CPython: `_Py_RunGC`.
   *
   * @example
   * ```ts
   * collector.runScheduledCollection(); // at the interpreter's next safe point
   * ```
   */
  runScheduledCollection(): void {
    if (!this.collectionScheduled) return;
    this.collectionScheduled = false;
    if (this.enabled) this.runScheduledWork();
  }

  /** The work a scheduled automatic collection does. */
  protected runScheduledWork(): void {
    this.collectMain(GENERATION_AUTO);
  }

  /**
   * A GC object is about to be freed. CPython: `PyObject_GC_Del` (unlink if still tracked, then
   * `count0 -= 1`, floored at 0 as observed in 3.13.0).
   *
   * @example
   * ```ts
   * collector.onDeallocate(obj); // the heap calls this before free()
   * ```
   */
  onDeallocate(obj: Ptr): void {
    const u32 = this.memory.u32;
    if (u32[(obj >>> 2) + NEXT_WORD] !== 0) this.untrackUnchecked(u32, obj);
    if (this.counts[0]! > 0) this.counts[0]!--;
  }

  /** Not used by a generational collector. */
  onDecrefToNonZero(_obj: Ptr): void {}

  // ───────────────────────────── gc module surface ─────────────────────────────

  /**
   * Collects `generation` (default 2, a full collection) and returns the number of unreachable
   * objects found (collected + uncollectable); 0 if a collection is already running.
   * CPython: `gc.collect(generation)`.
   *
   * @example
   * ```ts
   * collector.collect();   // full
   * collector.collect(0);  // youngest only
   * ```
   */
  collect(generation = NUM_GENERATIONS - 1): number {
    if (!Number.isInteger(generation) || generation < 0 || generation >= NUM_GENERATIONS) {
      throw new GcValueError("invalid generation");
    }
    return this.collectMain(generation);
  }

  /** CPython: `gc.get_count()`. */
  getCount(): number[] {
    return [...this.counts];
  }

  /** CPython: `gc.get_threshold()`. */
  getThreshold(): number[] {
    return [...this.thresholds];
  }

  /** CPython: `gc.set_threshold(t0[, t1[, t2]])`. */
  setThreshold(values: readonly number[]): void {
    for (let i = 0; i < values.length && i < NUM_GENERATIONS; i++) this.thresholds[i] = values[i]!;
  }

  /** CPython: `gc.get_objects(generation)`; -1 = every generation (not the permanent one). */
  objects(generation: number): Ptr[] {
    this.attachedHost(); // the list heads are gone once detached
    const result: Ptr[] = [];
    const from = generation === -1 ? 0 : generation;
    const to = generation === -1 ? NUM_GENERATIONS - 1 : generation;
    const u32 = this.memory.u32;
    for (let g = from; g <= to; g++) {
      const head = this.head(g);
      for (let node = gcNext(u32, head); node !== head; node = gcNext(u32, node)) result.push(node);
    }
    return result;
  }

  /** CPython: `_PyGC_Freeze`. */
  override freeze(): void {
    this.attachedHost(); // the list heads are gone once detached
    const u32 = this.memory.u32;
    for (let g = 0; g < NUM_GENERATIONS; g++) {
      listMerge(u32, this.head(g), this.head(HEAD_PERMANENT));
      this.counts[g] = 0;
    }
  }

  /** CPython: `_PyGC_Unfreeze`. */
  override unfreeze(): void {
    this.attachedHost(); // the list heads are gone once detached
    listMerge(this.memory.u32, this.head(HEAD_PERMANENT), this.head(NUM_GENERATIONS - 1));
  }

  /** CPython: `gc.get_freeze_count()`. */
  override freezeCount(): number {
    this.attachedHost(); // the list heads are gone once detached
    return listSize(this.memory.u32, this.head(HEAD_PERMANENT));
  }

  /** Number of objects in each generation (debug/tests). */
  generationSizes(): number[] {
    this.attachedHost(); // the list heads are gone once detached
    const u32 = this.memory.u32;
    return [0, 1, 2].map((g) => listSize(u32, this.head(g)));
  }

  // ───────────────────────────── the collection ─────────────────────────────

  /** CPython: `gc_select_generation()` (3.13). */
  private selectGeneration(): number {
    for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
      if (this.counts[i]! > this.thresholds[i]!) {
        // Avoid quadratic behaviour: a full collection waits until a quarter of the long-lived
        // objects are new (issue #4074).
        if (
          i === NUM_GENERATIONS - 1 &&
          this.longLivedPending < Math.floor(this.longLivedTotal / 4)
        ) {
          continue;
        }
        return i;
      }
    }
    return -1;
  }

  /** CPython: `gc_collect_main()`. */
  protected collectMain(requested: number): number {
    // Don't start a garbage collection if one is already in progress.
    if (this.collectingNow) return 0;
    const host = this.attachedHost();
    this.collectingNow = true;
    try {
      const generation = requested === GENERATION_AUTO ? this.selectGeneration() : requested;
      if (generation < 0) return 0;
      if (requested === GENERATION_AUTO && generation === NUM_GENERATIONS - 1)
        return this.collectOldAutomatically(host);
      if (requested === GENERATION_AUTO && generation === NUM_GENERATIONS - 2)
        return this.collectMiddleAutomatically(host);
      return this.collectGeneration(host, generation);
    } finally {
      this.collectingNow = false;
    }
  }

  /**
   * An automatic collection chose the oldest generation: here a full collection, as CPython 3.13
   * does; {@link IncrementalCollector} runs it in increments instead.
   */
  protected collectOldAutomatically(host: CollectorHost): number {
    return this.collectGeneration(host, NUM_GENERATIONS - 1);
  }

  /**
   * An automatic collection chose the middle generation: here a middle collection, as CPython
   * 3.13 does; {@link IncrementalCollector} runs it in increments instead.
   */
  protected collectMiddleAutomatically(host: CollectorHost): number {
    return this.collectGeneration(host, NUM_GENERATIONS - 2);
  }

  /** CPython: `gc_collect_main()`'s body for one generation (and the younger ones merged into it). */
  protected collectGeneration(host: CollectorHost, generation: number): number {
    const state = this.state;
    const startedAt = state.startPause();
    this.beforeCollecting(host);
    state.invokeCallbacks(host, "start", generation, 0, 0);
    const debug = state.debug;
    if (debug & DebugFlags.DEBUG_STATS) {
      const sizes = this.generationSizes();
      state.writeDebug(
        `gc: collecting generation ${generation}...\n` +
          `gc: objects in each generation: ${sizes.join(" ")}\n` +
          `gc: objects in permanent generation: ${this.freezeCount()}\n`,
      );
    }
    const timerStart = pauseClockMs();

    // Update collection and allocation counters.
    if (generation + 1 < NUM_GENERATIONS) this.counts[generation + 1]!++;
    for (let i = 0; i <= generation; i++) this.counts[i] = 0;

    let u32 = this.memory.u32;
    // Merge younger generations with the one we are currently collecting.
    for (let i = 0; i < generation; i++) listMerge(u32, this.head(i), this.head(generation));
    const young = this.head(generation);
    const old = generation < NUM_GENERATIONS - 1 ? this.head(generation + 1) : young;
    const unreachable = this.head(HEAD_UNREACHABLE);
    const finalizers = this.head(HEAD_FINALIZERS);

    this.survivorCount = 0;
    this.untrackCandidates.length = 0;
    this.hostCodeRan = false;
    if (this.typeMarks.length < this.types.count) {
      const marks = new Uint8Array(Math.max(this.types.count, this.typeMarks.length * 2));
      marks.set(this.typeMarks);
      this.typeMarks = marks;
    }
    const bitsClear = this.lastCollectionFinished;
    this.lastCollectionFinished = false;
    // Valid (empty) from the start, so a collection abandoned at any point finds them so.
    listInit(u32, unreachable);
    listInit(u32, finalizers);
    listInit(u32, this.head(HEAD_FINAL_UNREACHABLE));
    let collected: number;
    try {
      collected = this.findGarbage(host, generation, young, old, bitsClear);
    } catch (error) {
      // A traverse hook threw (UserHookError) or a count contradicted the references found
      // (HeapCorruptionError): nothing has been freed yet, so everything goes back.
      this.abandonCollection(young);
      throw error;
    }
    this.deleteCollectedGarbage(host, this.head(HEAD_FINAL_UNREACHABLE), old, generation);

    u32 = this.memory.u32;
    let uncollectable = 0;
    for (let op = gcNext(u32, finalizers); op !== finalizers; op = gcNext(u32, op)) {
      uncollectable++;
      if (debug & DebugFlags.DEBUG_UNCOLLECTABLE) state.debugCycle(host, "uncollectable", op);
    }
    if (debug & DebugFlags.DEBUG_STATS) {
      const seconds = (pauseClockMs() - timerStart) / 1000;
      state.writeDebug(
        `gc: done, ${collected + uncollectable} unreachable, ${uncollectable} uncollectable, ${seconds.toFixed(4)}s elapsed\n`,
      );
    }
    this.handleLegacyFinalizers(host, finalizers, old);
    // Clear free lists only during the collection of the highest generation.
    if (generation === NUM_GENERATIONS - 1) this.clearFreeLists(host);

    this.lastCollectionFinished = true;
    state.record(host, generation, collected, uncollectable, state.elapsed(startedAt));
    state.invokeCallbacks(host, "stop", generation, collected, uncollectable);
    return collected + uncollectable;
  }

  /**
   * The part of a collection that frees nothing: deduce the unreachable set, move survivors to
   * `old`, set legacy finalizers apart, clear weakrefs, run finalizers and check for
   * resurrections. Leaves the garbage in the final-unreachable list and returns how many objects
   * it holds (plus weakrefs' count). Whatever it throws, {@link abandonCollection} can undo.
   */
  private findGarbage(
    host: CollectorHost,
    generation: number,
    young: Ptr,
    old: Ptr,
    bitsClear: boolean,
  ): number {
    const state = this.state;
    const debug = state.debug;
    const unreachable = this.head(HEAD_UNREACHABLE);
    const finalizers = this.head(HEAD_FINALIZERS);
    let u32 = this.memory.u32;
    this.deduceUnreachable(
      young,
      unreachable,
      true,
      bitsClear && generation === NUM_GENERATIONS - 1,
    );
    const unreachableFound = this.preparedCount - this.survivorCount;

    let survivors = this.survivorCount;
    survivors -= this.untrackAtomic(TypeFlags.UNTRACK_WHEN_ATOMIC); // CPython: untrack_tuples()
    u32 = this.memory.u32;
    if (young !== old) {
      if (generation === NUM_GENERATIONS - 2) this.longLivedPending += survivors;
      listMerge(u32, young, old);
    } else {
      // Dicts are only untracked in full collections, to avoid quadratic dict build-up (#14775).
      survivors -= this.untrackAtomic(TypeFlags.UNTRACK_WHEN_ATOMIC_ON_FULL); // CPython: untrack_dicts()
      this.longLivedPending = 0;
      this.longLivedTotal = survivors;
    }
    this.untrackCandidates.length = 0;

    // All objects in unreachable are trash, but objects reachable from legacy finalizers can't
    // safely be deleted.
    listInit(u32, finalizers);
    if ((this.parkedTypeFlags & NEEDS_UNREACHABLE_PASSES) === 0 && this.parkedTypeDoubt === 0) {
      // Nothing parked has a legacy finalizer, a finalizer or weakrefs, and nothing is a weakref:
      // move_legacy_finalizers would move nothing, and its other job — clearing
      // NEXT_MASK_UNREACHABLE — can wait, as every later step reads links through the mask
      // (handle_resurrected_objects clears it if it must deduce again).
      this.unreachableCount = unreachableFound;
      this.unreachableTypeFlags = this.parkedTypeFlags;
      this.unreachableHasWeakref = false;
      this.unreachableMasked = true;
    } else {
      this.moveLegacyFinalizers(host, unreachable, finalizers);
      this.moveLegacyFinalizerReachable(finalizers);
      this.unreachableMasked = false;
    }

    if (debug & DebugFlags.DEBUG_COLLECTABLE) {
      this.hostCodeRan = true; // the debug sink is user code
      for (let op = gcNext(u32, unreachable); op !== unreachable; op = gcNext(u32, op))
        state.debugCycle(host, "collectable", op);
    }

    // Clear weakrefs and invoke callbacks as necessary.
    // (Nothing weakrefable and no weakref in unreachable: handle_weakrefs would find nothing.)
    let collected =
      this.unreachableHasWeakref || this.unreachableTypeFlags & WEAKREFABLE
        ? this.handleWeakrefs(host, unreachable, old)
        : 0;
    // Call tp_finalize on objects which have one.
    // (No object with a finalizer: finalize_garbage would move each object to a list and back.)
    if (this.unreachableTypeFlags & HAS_FINALIZE) this.finalizeGarbage(host, unreachable);
    // Continue with the objects that are still unreachable after finalizers ran.
    const finalUnreachable = this.head(HEAD_FINAL_UNREACHABLE);
    this.handleResurrectedObjects(unreachable, finalUnreachable, old);
    u32 = this.memory.u32;
    // Without host code since move_legacy_finalizers the count is known; otherwise count.
    collected += this.hostCodeRan ? listSize(u32, finalUnreachable) : this.unreachableCount;
    return collected;
  }

  /**
   * Undoes a collection stopped before anything was freed (a throwing `traverse` hook, a count
   * that contradicts the references found): every object parked in the collection's own lists
   * goes back to `young`, the generation being collected, with its GC_NEXT_MASK_UNREACHABLE mask cleared,
   * and every `gc_prev` is a link again with only the GC_PREV_MASK_FINALIZED bit kept. The collector is then
   * as after a collection that found nothing; finalizers that already ran stay run (GC_PREV_MASK_FINALIZED).
   */
  private abandonCollection(young: Ptr): void {
    const u32 = this.memory.u32;
    // young's last object, by the next links: gc_prev words may hold gc_refs.
    let tail = young;
    for (let op = u32[(young >>> 2) + NEXT_WORD]!; op !== young; op = u32[(op >>> 2) + NEXT_WORD]!)
      tail = op;
    for (const which of [HEAD_UNREACHABLE, HEAD_FINALIZERS, HEAD_FINAL_UNREACHABLE]) {
      const list = this.head(which);
      let op = (u32[(list >>> 2) + NEXT_WORD]! & ~GC_NEXT_MASK_UNREACHABLE) >>> 0;
      while (op !== list) {
        const next = (u32[(op >>> 2) + NEXT_WORD]! & ~GC_NEXT_MASK_UNREACHABLE) >>> 0;
        u32[(tail >>> 2) + NEXT_WORD] = op;
        tail = op;
        op = next;
      }
      listInit(u32, list);
    }
    u32[(tail >>> 2) + NEXT_WORD] = young;
    this.restoreLinks(young);
  }

  /** CPython: `_PyGC_ClearAllFreeLists()` — through the host, errors reported as unraisable. */
  private clearFreeLists(host: CollectorHost): void {
    if (host.clearFreeLists === undefined) return;
    try {
      host.clearFreeLists();
    } catch (error) {
      host.reportUnraisable(error, "in garbage collection", 0);
    }
  }

  /**
   * CPython: `deduce_unreachable()`. Leaves `base` with the reachable objects. With
   * `noteSurvivors`, also counts them and remembers the untrack-when-atomic ones, so no extra pass
   * over the survivors is needed for `untrack_tuples` and the long-lived counters. With
   * `mayFuse` (a full collection after a finished one), `update_refs` and `subtract_refs` run as
   * one pass if {@link holdsEveryTracked}.
   */
  private deduceUnreachable(
    base: Ptr,
    unreachable: Ptr,
    noteSurvivors = false,
    mayFuse = false,
  ): void {
    if (mayFuse && this.holdsEveryTracked()) {
      this.updateAndSubtractRefs(base); // gc_prev is used for gc_refs
    } else {
      this.updateRefs(base); // gc_prev is used for gc_refs
      this.subtractRefs(base);
    }
    listInit(this.memory.u32, unreachable);
    this.moveUnreachable(base, unreachable, noteSurvivors); // gc_prev is a pointer again
  }

  /**
   * CPython: `update_refs()` — `gc_refs = ob_refcnt` and GC_PREV_MASK_COLLECTING for every object; immortal
   * objects move to the permanent generation (3.12+).
   */
  private updateRefs(containers: Ptr): void {
    const u32 = this.memory.u32;
    const permanent = this.head(HEAD_PERMANENT);
    let prepared = 0;
    let op = gcNext(u32, containers);
    while (op !== containers) {
      const next = u32[(op >>> 2) + NEXT_WORD]!;
      const refcnt = u32[(op + OB_REFCNT_OFFSET) >>> 2]!;
      if (refcnt >= IMMORTAL_REFCNT) {
        listMove(u32, op, permanent);
      } else {
        prepared++;
        if (refcnt === 0) throw this.abortDeduce(containers, op, "tracked object has refcount 0");
        const index = (op >>> 2) + PREV_WORD;
        u32[index] =
          (u32[index]! & GC_PREV_MASK_FINALIZED) |
          GC_PREV_MASK_COLLECTING |
          (refcnt << GC_PREV_SHIFT);
      }
      op = next;
    }
    this.preparedCount = prepared;
  }

  /**
   * CPython: `subtract_refs()` with `visit_decref()` — subtract every reference from inside the
   * set, so `gc_refs` ends as the number of references from outside it.
   */
  private subtractRefs(containers: Ptr): void {
    const types = this.types;
    const stack = this.stack;
    const memory = this.memory;
    const u32 = memory.u32;
    const i32 = memory.i32;
    const typeFlags = types.flags;
    const shapes = types.layoutShapes;
    const itemOffsets = types.itemOffsets;
    const countOffsets = types.itemCountOffsets;
    // The layout of the last type seen: heaps are long runs of one type (lists of lists…), so
    // the per-type lookups and the GC check are made once per run rather than once per object.
    let runType = -1;
    let shape = 0;
    let countOffset = 0;
    let itemOffset = 0;
    // The last GC and the last non-GC referent type seen: containers mostly hold a few types
    // (lists of lists and None…), so the type-flags lookup is rarely needed.
    let gcReferentType = -1;
    let atomReferentType = -1;
    for (let op = u32[(containers >>> 2) + NEXT_WORD]!; op !== containers; ) {
      const typeId = u32[(op + OB_TYPE_OFFSET) >>> 2]!;
      if (typeId !== runType) {
        // visitReferences trusts the type id it is given, and so do the later passes: check each
        // tracked object's here, where it is read anyway. It must name a registered GC type.
        if ((typeFlags[typeId]! & IS_GC) === 0) {
          throw this.abortDeduce(containers, op, "tracked object's header names no GC type");
        }
        runType = typeId;
        shape = shapes[typeId]!;
        countOffset = countOffsets[typeId]!;
        itemOffset = itemOffsets[typeId]!;
      }
      if (shape === LAYOUT_DENSE_INDIRECT || shape === LAYOUT_DENSE_INLINE) {
        // Lists and tuples, the bulk of every heap: visit_decref() inlined over the item run.
        const count = i32[(op + countOffset) >> 2]!;
        const itemsAt = op + itemOffset;
        const first = (shape === LAYOUT_DENSE_INLINE ? itemsAt : u32[itemsAt >>> 2]!) >>> 2;
        if (first !== 0) {
          for (let word = first, end = first + count; word < end; word++) {
            const referent = u32[word]!;
            if (referent === 0) continue;
            const referentTypeId = u32[(referent + OB_TYPE_OFFSET) >>> 2]!;
            if (referentTypeId !== gcReferentType) {
              if (referentTypeId === atomReferentType) continue;
              if ((typeFlags[referentTypeId]! & IS_GC) === 0) {
                atomReferentType = referentTypeId;
                continue;
              }
              gcReferentType = referentTypeId;
            }
            const index = (referent >>> 2) + PREV_WORD;
            const prev = u32[index]!;
            if ((prev & GC_PREV_MASK_COLLECTING) === 0) continue; // another generation
            if (prev >>> GC_PREV_SHIFT === 0)
              throw this.abortDeduce(containers, referent, TOO_SMALL);
            u32[index] = prev - ONE_GC_REF;
          }
        }
      } else if (shape !== LAYOUT_NONE) {
        const culprit = types.visitReferences(op, typeId, ReferenceVisit.DECREF_GC_REFS, 0, stack);
        if (culprit !== 0) throw this.abortDeduce(containers, culprit, TOO_SMALL);
      }
      op = u32[(op >>> 2) + NEXT_WORD]!;
    }
  }

  /**
   * Whether the oldest generation's list holds every tracked object: called at the start of a
   * full collection (the younger generations already merged into it), it is so when the
   * permanent generation and the collector's working lists are all empty.
   */
  private holdsEveryTracked(): boolean {
    const u32 = this.memory.u32;
    for (let k = HEAD_PERMANENT; k < HEAD_COUNT; k++) {
      const head = this.head(k);
      if (u32[(head >>> 2) + NEXT_WORD] !== head) return false;
    }
    return true;
  }

  /**
   * CPython: `update_refs()` then `subtract_refs()`, fused into one pass over the list, for a
   * list that holds every tracked object ({@link holdsEveryTracked}). There "tracked" means "in
   * this list", so a referent ahead of the scan (tracked, not yet GC_PREV_MASK_COLLECTING) can get its
   * `gc_refs = ob_refcnt` when it is first met, and the list is read once rather than twice.
   * Every object is prepared before its first decrement and the decrements come in the same
   * order, so `gc_refs` end exactly as the two passes leave them. Immortal objects still move to
   * the permanent generation when the scan reaches them (they are never prepared).
   */
  private updateAndSubtractRefs(containers: Ptr): void {
    const types = this.types;
    const memory = this.memory;
    const u32 = memory.u32;
    const i32 = memory.i32;
    const typeFlags = types.flags;
    const shapes = types.layoutShapes;
    const itemOffsets = types.itemOffsets;
    const countOffsets = types.itemCountOffsets;
    const permanent = this.head(HEAD_PERMANENT);
    let prepared = 0;
    // Per-run layout and referent-type caches: see subtractRefs.
    let runType = -1;
    let shape = 0;
    let countOffset = 0;
    let itemOffset = 0;
    // Where the run type's fixed reference offsets start, or -1: a FIXED_REFERENCES_ONLY type
    // (a user cons cell) is walked by the dense loop below, its slots standing for the items.
    let fixedFrom = -1;
    let fixedCount = 0;
    let fixedOffsets = types.fixedReferenceOffsets;
    let gcReferentType = -1;
    let atomReferentType = -1;
    for (let op = u32[(containers >>> 2) + NEXT_WORD]!; op !== containers; ) {
      const next = u32[(op >>> 2) + NEXT_WORD]!;
      const opPrevIndex = (op >>> 2) + PREV_WORD;
      const opPrev = u32[opPrevIndex]!;
      if ((opPrev & GC_PREV_MASK_COLLECTING) === 0) {
        // Not met as a referent yet: update_refs' work for op. (Its gc_prev is still a link.)
        const refcnt = u32[(op + OB_REFCNT_OFFSET) >>> 2]!;
        if (refcnt >= IMMORTAL_REFCNT) {
          // To the permanent generation (3.12+). The list is singly linked behind the scan but
          // still doubly linked ahead of it, except for objects already prepared as referents,
          // whose gc_prev holds gc_refs: move_unreachable relinks those.
          const before = (opPrev & GC_PREV_MASK) >>> 0;
          u32[(before >>> 2) + NEXT_WORD] = next;
          const nextPrevIndex = (next >>> 2) + PREV_WORD;
          const nextPrev = u32[nextPrevIndex]!;
          if ((nextPrev & GC_PREV_MASK_COLLECTING) === 0)
            u32[nextPrevIndex] = (nextPrev & PREV_FLAGS) | before;
          listAppend(u32, op, permanent);
          op = next;
          continue;
        }
        if (refcnt === 0) throw this.abortDeduce(containers, op, "tracked object has refcount 0");
        u32[opPrevIndex] =
          (opPrev & GC_PREV_MASK_FINALIZED) | GC_PREV_MASK_COLLECTING | (refcnt << GC_PREV_SHIFT);
      }
      prepared++;
      const typeId = u32[(op + OB_TYPE_OFFSET) >>> 2]!;
      if (typeId !== runType) {
        if ((typeFlags[typeId]! & IS_GC) === 0) {
          throw this.abortDeduce(containers, op, "tracked object's header names no GC type");
        }
        runType = typeId;
        shape = shapes[typeId]!;
        countOffset = countOffsets[typeId]!;
        itemOffset = itemOffsets[typeId]!;
        const fixedOnly = (typeFlags[typeId]! & FIXED_REFERENCES_ONLY) !== 0;
        fixedFrom = fixedOnly ? types.fixedReferenceStarts[typeId]! : -1;
        fixedCount = fixedOnly ? types.fixedReferenceCounts[typeId]! : 0;
        fixedOffsets = types.fixedReferenceOffsets;
      }
      if (shape === LAYOUT_DENSE_INDIRECT || shape === LAYOUT_DENSE_INLINE || fixedFrom >= 0) {
        const count = fixedFrom >= 0 ? fixedCount : i32[(op + countOffset) >> 2]!;
        const itemsAt = op + itemOffset;
        const first =
          fixedFrom >= 0
            ? 0
            : (shape === LAYOUT_DENSE_INLINE ? itemsAt : u32[itemsAt >>> 2]!) >>> 2;
        if (first !== 0 || fixedFrom >= 0) {
          for (let k = 0; k < count; k++) {
            const referent =
              fixedFrom < 0 ? u32[first + k]! : u32[(op + fixedOffsets[fixedFrom + k]!) >>> 2]!;
            if (referent === 0) continue;
            const referentTypeId = u32[(referent + OB_TYPE_OFFSET) >>> 2]!;
            if (referentTypeId !== gcReferentType) {
              if (referentTypeId === atomReferentType) continue;
              if ((typeFlags[referentTypeId]! & IS_GC) === 0) {
                atomReferentType = referentTypeId;
                continue;
              }
              gcReferentType = referentTypeId;
            }
            const index = (referent >>> 2) + PREV_WORD;
            let prev = u32[index]!;
            if ((prev & GC_PREV_MASK_COLLECTING) === 0) {
              // Untracked, immortal (moved away when the scan reaches it) or first met here.
              if (u32[(referent >>> 2) + NEXT_WORD] === 0) continue;
              const refcnt = u32[(referent + OB_REFCNT_OFFSET) >>> 2]!;
              if (refcnt >= IMMORTAL_REFCNT) continue;
              if (refcnt === 0)
                throw this.abortDeduce(containers, referent, "tracked object has refcount 0");
              prev =
                (prev & GC_PREV_MASK_FINALIZED) |
                GC_PREV_MASK_COLLECTING |
                (refcnt << GC_PREV_SHIFT);
            }
            if (prev >>> GC_PREV_SHIFT === 0)
              throw this.abortDeduce(containers, referent, TOO_SMALL);
            u32[index] = prev - ONE_GC_REF;
          }
        }
      } else if (shape !== LAYOUT_NONE) {
        this.subtractPushedReferences(containers, op, typeId);
      }
      op = next;
    }
    this.preparedCount = prepared;
  }

  /**
   * {@link updateAndSubtractRefs}' visit of an object that is not a list or tuple: its referents
   * are pushed (the ones `visit_decref` would see, in the same order), then each is prepared if
   * first met here and decremented. Throws the error {@link abortDeduce} returns, as the dense
   * loop does.
   */
  private subtractPushedReferences(containers: Ptr, op: Ptr, typeId: number): void {
    const stack = this.stack;
    const typeFlags = this.types.flags;
    stack.length = 0;
    try {
      this.types.visitReferences(op, typeId, ReferenceVisit.PUSH, 0, stack);
    } catch (error) {
      // A traverse hook threw. The two-pass path recovers on the next collection, whose
      // update_refs rewrites every gc_prev; this one would trust the GC_PREV_MASK_COLLECTING bits left
      // behind, so the links are restored before the error goes on.
      this.restoreLinks(containers);
      throw error;
    }
    const u32 = this.memory.u32;
    for (let i = 0, n = stack.length; i < n; i++) {
      const referent = stack.items[i]!;
      if ((typeFlags[u32[(referent + OB_TYPE_OFFSET) >>> 2]!]! & IS_GC) === 0) continue;
      const index = (referent >>> 2) + PREV_WORD;
      let prev = u32[index]!;
      if ((prev & GC_PREV_MASK_COLLECTING) === 0) {
        // Untracked, immortal (moved away when the scan reaches it) or first met here.
        if (u32[(referent >>> 2) + NEXT_WORD] === 0) continue;
        const refcnt = u32[(referent + OB_REFCNT_OFFSET) >>> 2]!;
        if (refcnt >= IMMORTAL_REFCNT) continue;
        if (refcnt === 0)
          throw this.abortDeduce(containers, referent, "tracked object has refcount 0");
        prev =
          (prev & GC_PREV_MASK_FINALIZED) | GC_PREV_MASK_COLLECTING | (refcnt << GC_PREV_SHIFT);
      }
      if (prev >>> GC_PREV_SHIFT === 0) throw this.abortDeduce(containers, referent, TOO_SMALL);
      u32[index] = prev - ONE_GC_REF;
    }
    stack.length = 0;
  }

  /**
   * Undoes a deduction stopped half-way: rebuilds the `gc_prev` links `update_refs` overwrote
   * with `gc_refs` and clears GC_PREV_MASK_COLLECTING, for every object in `containers`.
   */
  private restoreLinks(containers: Ptr): void {
    const u32 = this.memory.u32;
    let prev = containers;
    for (let op = u32[(containers >>> 2) + NEXT_WORD]!; op !== containers; ) {
      const index = (op >>> 2) + PREV_WORD;
      u32[index] = (u32[index]! & GC_PREV_MASK_FINALIZED) | prev;
      prev = op;
      op = u32[(op >>> 2) + NEXT_WORD]!;
    }
    u32[(containers >>> 2) + PREV_WORD] = prev;
    this.stack.length = 0;
  }

  /**
   * A reference count contradicts the references found (a host bug such as a missing incref):
   * restore the list `update_refs` turned singly linked, clear the collection bits, and return the
   * error for the caller to throw (a `throw` at the call site keeps the hot loops free of a call
   * that never returns). The collector stays usable and nothing is freed.
   */
  private abortDeduce(containers: Ptr, culprit: Ptr, reason: string): HeapCorruptionError {
    this.restoreLinks(containers);
    const u32 = this.memory.u32;
    // The culprit's header may be what is corrupt: name its type only if it has one.
    const typeId = u32[(culprit + OB_TYPE_OFFSET) >>> 2]!;
    if (typeId === 0 || typeId >= this.types.count) {
      return new HeapCorruptionError(culprit, `gc: ${reason} (ob_type = ${typeId})`);
    }
    return new HeapCorruptionError(
      culprit,
      `gc: ${reason} (${this.host!.describe(culprit)})`,
      this.types.spec(typeId).name,
    );
  }

  /**
   * CPython: `move_unreachable()` with `visit_reachable()` inlined. Objects with `gc_refs > 0` are
   * reachable from outside; everything they reach is too (moved back from `unreachable` if it was
   * tentatively put there). Breadth-first over the list itself: no recursion, O(1) extra memory
   * besides the per-object referent stack.
   */
  private moveUnreachable(young: Ptr, unreachable: Ptr, noteSurvivors: boolean): void {
    const types = this.types;
    const stack = this.stack;
    const candidates = this.untrackCandidates;
    let survivors = 0;
    const memory = this.memory;
    const u32 = memory.u32;
    const i32 = memory.i32;
    const typeFlags = types.flags;
    const shapes = types.layoutShapes;
    const itemOffsets = types.itemOffsets;
    const countOffsets = types.itemCountOffsets;
    const youngPrevIndex = (young >>> 2) + PREV_WORD;
    const unreachablePrevIndex = (unreachable >>> 2) + PREV_WORD;
    // The unreachable list's tail, kept here rather than re-read from its head for every object
    // parked; written back to the head around the generic visit and at the end.
    let unreachableTail = u32[unreachablePrevIndex]!;
    // Likewise young's tail, where objects found reachable after all are appended.
    let youngTail = u32[youngPrevIndex]!;
    const typeMarks = this.typeMarks;
    let parkedFlags = 0;
    let parkedDoubt = 0;
    // The layout of the last type scanned (see subtractRefs).
    let runType = -1;
    let shape = 0;
    let countOffset = 0;
    let itemOffset = 0;
    let untrackable = 0;
    // The last GC and the last non-GC referent type seen: containers mostly hold a few types
    // (lists of lists and None…), so the type-flags lookup is rarely needed.
    let gcReferentType = -1;
    let atomReferentType = -1;
    // Previous element in the young list, used to restore gc_prev.
    let prev = young;
    let gc = u32[(young >>> 2) + NEXT_WORD]!;
    while (gc !== young) {
      const gcPrevIndex = (gc >>> 2) + PREV_WORD;
      const gcPrevWord = u32[gcPrevIndex]!;
      if (gcPrevWord >>> GC_PREV_SHIFT !== 0) {
        // gc is reachable from outside: so is everything it references (CPython:
        // visit_reachable()). Traversal may append objects to young, so the next object is read
        // only afterwards.
        const gcType = u32[(gc + OB_TYPE_OFFSET) >>> 2]!;
        if (gcType !== runType) {
          runType = gcType;
          shape = shapes[gcType]!;
          countOffset = countOffsets[gcType]!;
          itemOffset = itemOffsets[gcType]!;
          untrackable = noteSurvivors ? typeFlags[gcType]! & UNTRACK_FLAGS : 0;
        }
        if (shape === LAYOUT_DENSE_INDIRECT || shape === LAYOUT_DENSE_INLINE) {
          // Lists and tuples: visit_reachable() inlined over the item run.
          const count = i32[(gc + countOffset) >> 2]!;
          const itemsAt = gc + itemOffset;
          const first = (shape === LAYOUT_DENSE_INLINE ? itemsAt : u32[itemsAt >>> 2]!) >>> 2;
          if (first !== 0) {
            // From the last item to the first, as CPython's list_traverse / tupletraverse visit:
            // the order rescued objects are appended to young in is observable later (the
            // order finalizers run in when they die in an older generation).
            for (let word = first + count - 1; word >= first; word--) {
              const op = u32[word]!;
              if (op === 0) continue;
              const opType = u32[(op + OB_TYPE_OFFSET) >>> 2]!;
              if (opType !== gcReferentType) {
                if (opType === atomReferentType) continue;
                if ((typeFlags[opType]! & IS_GC) === 0) {
                  atomReferentType = opType;
                  continue;
                }
                gcReferentType = opType;
              }
              const prevIndex = (op >>> 2) + PREV_WORD;
              const opPrev = u32[prevIndex]!;
              // Ignore objects in other generations and those already scanned.
              if ((opPrev & GC_PREV_MASK_COLLECTING) === 0) continue;
              const nextIndex = (op >>> 2) + NEXT_WORD;
              const opNext = u32[nextIndex]!;
              if (opNext & GC_NEXT_MASK_UNREACHABLE) {
                // Parked in unreachable with gc_refs 0 but reachable after all: unlink it by
                // hand (the mask must survive on its neighbour's link), append it to young,
                // where the scan will reach it again, with gc_refs = 1.
                const unreachablePrev = (opPrev & GC_PREV_MASK) >>> 0;
                const unreachableNext = (opNext & ~GC_NEXT_MASK_UNREACHABLE) >>> 0;
                u32[(unreachablePrev >>> 2) + NEXT_WORD] = opNext;
                if (unreachableNext === unreachable) unreachableTail = unreachablePrev;
                else {
                  const neighbourIndex = (unreachableNext >>> 2) + PREV_WORD;
                  u32[neighbourIndex] = (u32[neighbourIndex]! & PREV_FLAGS) | unreachablePrev;
                }
                u32[(youngTail >>> 2) + NEXT_WORD] = op;
                u32[nextIndex] = young;
                youngTail = op;
                u32[prevIndex] = (opPrev & PREV_FLAGS) | ONE_GC_REF;
              } else if (opPrev >>> GC_PREV_SHIFT === 0) {
                // Still ahead in young: just tell the scan it is reachable.
                u32[prevIndex] = (opPrev & PREV_FLAGS) | ONE_GC_REF;
              }
            }
          }
          // Relink gc_prev to the previous element; gc is no longer GC_PREV_MASK_COLLECTING. (The visit
          // above cannot have changed gc's own gc_prev: it is in young with gc_refs > 0.)
          u32[gcPrevIndex] = (gcPrevWord & GC_PREV_MASK_FINALIZED) | prev;
        } else {
          if (shape !== LAYOUT_NONE) {
            u32[unreachablePrevIndex] = unreachableTail;
            u32[youngPrevIndex] = youngTail;
            types.visitReferences(gc, gcType, ReferenceVisit.MARK_REACHABLE, young, stack);
            unreachableTail = u32[unreachablePrevIndex]!;
            youngTail = u32[youngPrevIndex]!;
          }
          u32[gcPrevIndex] = (u32[gcPrevIndex]! & GC_PREV_MASK_FINALIZED) | prev;
        }
        prev = gc;
        survivors++;
        if (untrackable !== 0) candidates.push(gc);
        // Read only now: the visit may have appended objects to young.
        gc = u32[(gc >>> 2) + NEXT_WORD]!;
      } else {
        // This may be unreachable: assume it is until something reachable references it.
        // Note what is parked (a superset of what stays: some come back), so that the passes
        // after move_unreachable can be skipped when none of them would find anything to do.
        const parkedType = u32[(gc + OB_TYPE_OFFSET) >>> 2]!;
        parkedFlags |= typeFlags[parkedType]!;
        parkedDoubt |= typeMarks[parkedType]! ^ TYPE_KNOWN; // unknown type or weakref
        const following = u32[(gc >>> 2) + NEXT_WORD]!;
        u32[(prev >>> 2) + NEXT_WORD] = following;
        // Every object in unreachable carries NEXT_MASK_UNREACHABLE; this also marks the head's
        // next pointer, which is repaired below.
        u32[(unreachableTail >>> 2) + NEXT_WORD] = (GC_NEXT_MASK_UNREACHABLE | gc) >>> 0;
        u32[gcPrevIndex] = (gcPrevWord & PREV_FLAGS) | unreachableTail;
        u32[(gc >>> 2) + NEXT_WORD] = (GC_NEXT_MASK_UNREACHABLE | unreachable) >>> 0;
        unreachableTail = gc;
        gc = following;
      }
    }
    if (noteSurvivors) this.survivorCount = survivors;
    this.parkedTypeFlags = parkedFlags;
    this.parkedTypeDoubt = parkedDoubt;
    // young's gc_prev must be the last element left in the list.
    u32[youngPrevIndex] = prev;
    u32[unreachablePrevIndex] = unreachableTail;
    // Don't let the marking of the list head's next pointer leak.
    u32[(unreachable >>> 2) + NEXT_WORD]! &= ~GC_NEXT_MASK_UNREACHABLE;
  }

  /**
   * CPython: `untrack_tuples()` / `untrack_dicts()` with `_PyTuple_MaybeUntrack` /
   * `_PyDict_MaybeUntrack`: stop tracking survivors of `flag` types whose references are all
   * atomic (`!_PyObject_GC_MAY_BE_TRACKED`). Walks the candidates `move_unreachable` noted, in
   * list order (so a nested atomic tuple is untracked before the tuple holding it). Returns how
   * many were untracked.
   */
  private untrackAtomic(flag: number): number {
    const types = this.types;
    const stack = this.stack;
    const candidates = this.untrackCandidates;
    const u32 = this.memory.u32;
    const typeFlags = types.flags;
    let untracked = 0;
    for (let c = 0; c < candidates.length; c++) {
      const op = candidates.items[c]!;
      if ((typeFlags[u32[(op + OB_TYPE_OFFSET) >>> 2]!]! & flag) === 0) continue;
      if (u32[(op >>> 2) + NEXT_WORD] === 0) continue; // already untracked
      stack.length = 0;
      types.visitReferences(op, u32[(op + OB_TYPE_OFFSET) >>> 2]!, ReferenceVisit.PUSH, 0, stack);
      let atomic = true;
      for (let i = 0, n = stack.length; i < n; i++) {
        const referent = stack.items[i]!;
        const referentFlags = typeFlags[u32[(referent + OB_TYPE_OFFSET) >>> 2]!]!;
        // CPython: _PyObject_GC_MAY_BE_TRACKED — a GC object that is tracked, or that is not an
        // untrack-when-atomic (tuple-like) type, so it may become tracked later.
        if (
          referentFlags & IS_GC &&
          ((referentFlags & TypeFlags.UNTRACK_WHEN_ATOMIC) === 0 ||
            u32[(referent >>> 2) + NEXT_WORD] !== 0)
        ) {
          atomic = false;
          break;
        }
      }
      stack.length = 0;
      if (atomic) {
        this.untrackUnchecked(u32, op);
        untracked++;
      }
    }
    return untracked;
  }

  /**
   * CPython: `move_legacy_finalizers()` — also clears NEXT_MASK_UNREACHABLE, and notes how many
   * objects stay unreachable, which type flags they have and whether one is a weakref (so later
   * passes that would find nothing to do can be skipped).
   */
  private moveLegacyFinalizers(host: CollectorHost, unreachable: Ptr, finalizers: Ptr): void {
    const weakrefs = host.weakrefs;
    const u32 = this.memory.u32;
    const typeFlags = this.types.flags;
    let count = 0;
    let flagsSeen = 0;
    let weakrefSeen = false;
    // Whether an object is a weakref depends on its type only (CPython: PyWeakref_Check), so the
    // host is asked once per run of objects of one type.
    let lastType = 0;
    const typeMarks = this.typeMarks;
    let op = u32[(unreachable >>> 2) + NEXT_WORD]!;
    while (op !== unreachable) {
      const nextIndex = (op >>> 2) + NEXT_WORD;
      const next = (u32[nextIndex]! & ~GC_NEXT_MASK_UNREACHABLE) >>> 0;
      u32[nextIndex] = next;
      const typeId = u32[(op + OB_TYPE_OFFSET) >>> 2]!;
      const flags = typeFlags[typeId]!;
      if (flags & HAS_DEL) {
        u32[(op >>> 2) + PREV_WORD]! &= ~GC_PREV_MASK_COLLECTING;
        listMove(u32, op, finalizers);
      } else {
        count++;
        flagsSeen |= flags;
        // A read-only query of the host, asked here to spare handle_weakrefs its own pass; the
        // answer is remembered for move_unreachable's next collections.
        if (typeId !== lastType) {
          lastType = typeId;
          const isWeakref = weakrefs.isWeakref?.(op) === true;
          if (isWeakref) weakrefSeen = true;
          if (typeId < typeMarks.length)
            typeMarks[typeId] = isWeakref ? TYPE_KNOWN | TYPE_WEAKREF : TYPE_KNOWN;
        }
      }
      op = next;
    }
    this.unreachableCount = count;
    this.unreachableTypeFlags = flagsSeen;
    this.unreachableHasWeakref = weakrefSeen;
  }

  /** CPython: `move_legacy_finalizer_reachable()` with `visit_move()`. */
  private moveLegacyFinalizerReachable(finalizers: Ptr): void {
    const types = this.types;
    const stack = this.stack;
    const u32 = this.memory.u32;
    const typeFlags = types.flags;
    let moved = 0;
    // The finalizers list grows while we walk it.
    for (let op = gcNext(u32, finalizers); op !== finalizers; op = gcNext(u32, op)) {
      stack.length = 0;
      types.visitReferences(op, u32[(op + OB_TYPE_OFFSET) >>> 2]!, ReferenceVisit.PUSH, 0, stack);
      for (let i = 0, n = stack.length; i < n; i++) {
        const referent = stack.items[i]!;
        if ((typeFlags[u32[(referent + OB_TYPE_OFFSET) >>> 2]!]! & IS_GC) === 0) continue;
        const index = (referent >>> 2) + PREV_WORD;
        // Only unreachable objects still have GC_PREV_MASK_COLLECTING set (survivors lost it in
        // move_unreachable, finalizers in move_legacy_finalizers).
        if (u32[index]! & GC_PREV_MASK_COLLECTING) {
          listMove(u32, referent, finalizers);
          u32[index]! &= ~GC_PREV_MASK_COLLECTING;
          moved++;
        }
      }
    }
    stack.length = 0;
    this.unreachableCount -= moved;
  }

  /**
   * CPython: `handle_weakrefs()` (≤ 3.13). Clears every weakref to an unreachable object (and
   * every unreachable weakref) before any finalizer runs; calls the callbacks of the cleared
   * weakrefs that are not themselves garbage. Returns the weakrefs those callbacks freed.
   */
  private handleWeakrefs(host: CollectorHost, unreachable: Ptr, old: Ptr): number {
    const weakrefs = host.weakrefs;
    const types = this.types;
    const toCall = this.head(HEAD_WEAKREF_CALLBACKS);
    const untrackedToCall = this.untrackedCallbacks;
    let u32 = this.memory.u32;
    listInit(u32, toCall);
    untrackedToCall.length = 0;
    for (let op = gcNext(u32, unreachable); op !== unreachable; ) {
      const next = gcNext(u32, op);
      // A weakref inside the unreachable set must be cleared: its callback could otherwise run
      // during delete_garbage and see cleared objects (bpo-38006).
      if (weakrefs.isWeakref?.(op)) {
        this.hostCodeRan = true;
        weakrefs.clear(op);
        u32 = this.memory.u32;
      }
      if (types.flags[u32[(op + OB_TYPE_OFFSET) >>> 2]!]! & WEAKREFABLE) {
        for (let wr = weakrefs.first(op); wr !== 0; wr = weakrefs.first(op)) {
          this.hostCodeRan = true;
          weakrefs.clear(wr);
          if (!weakrefs.hasCallback(wr)) continue;
          u32 = this.memory.u32;
          const wrType = types.flags[types.typeOf(wr)]!;
          const wrIsGc = (wrType & IS_GC) !== 0;
          // A weakref that is trash itself never has its callback called.
          if (wrIsGc && u32[(wr >>> 2) + PREV_WORD]! & GC_PREV_MASK_COLLECTING) continue;
          // Keep wr alive until its callback has been handled.
          host.lifetime.incref(wr);
          if (wrIsGc && u32[(wr >>> 2) + NEXT_WORD] !== 0) listMove(u32, wr, toCall);
          else untrackedToCall.push(wr);
        }
      }
      op = next;
      u32 = this.memory.u32;
    }

    // The callbacks can't reach unreachable objects any more, so running them is safe.
    const programStartedAt = this.state.clock();
    let freed = 0;
    while (!listIsEmpty(this.memory.u32, toCall)) {
      const wr = gcNext(this.memory.u32, toCall);
      this.callWeakrefCallback(host, wr);
      host.lifetime.decref(wr);
      u32 = this.memory.u32;
      if (gcNext(u32, toCall) === wr)
        listMove(u32, wr, old); // still alive
      else freed++;
    }
    while (untrackedToCall.length > 0) {
      const wr = untrackedToCall.pop();
      this.callWeakrefCallback(host, wr);
      host.lifetime.decref(wr);
    }
    this.state.endProgramCode(programStartedAt);
    return freed;
  }

  /**
   * CPython: `finalize_garbage()` — PEP 442 finalizers, once per object (GC_PREV_MASK_FINALIZED bit). Objects
   * move to a `seen` list first, because a finalizer may free anything in the list.
   */
  private finalizeGarbage(host: CollectorHost, collectable: Ptr): void {
    const seen = this.head(HEAD_SEEN);
    listInit(this.memory.u32, seen);
    const programStartedAt = this.state.clock();
    while (!listIsEmpty(this.memory.u32, collectable)) {
      const u32 = this.memory.u32;
      const op = gcNext(u32, collectable);
      listMove(u32, op, seen);
      if (this.finalizeOnce(host, op)) this.hostCodeRan = true;
    }
    this.state.endProgramCode(programStartedAt);
    listMerge(this.memory.u32, seen, collectable);
  }

  /**
   * CPython: `handle_resurrected_objects()` — rerun `deduce_unreachable` on the unreachable set:
   * what a finalizer made reachable again (and what that reaches) survives into `old`.
   */
  private handleResurrectedObjects(unreachable: Ptr, stillUnreachable: Ptr, old: Ptr): void {
    let u32 = this.memory.u32;
    if (!this.hostCodeRan) {
      // No weakref was cleared and no finalizer ran, so every reference count is what the first
      // deduction saw: it would find the same set, in the same order, with the same bits
      // (GC_PREV_MASK_COLLECTING set, no GC_NEXT_MASK_UNREACHABLE mask). Just hand the list over.
      listInit(u32, stillUnreachable);
      listMerge(u32, unreachable, stillUnreachable);
      return;
    }
    // CPython: gc_list_clear_collecting() — and, when move_legacy_finalizers was skipped, its
    // clearing of NEXT_MASK_UNREACHABLE, which the deduction below relies on.
    for (let op = gcNext(u32, unreachable); op !== unreachable; op = gcNext(u32, op)) {
      u32[(op >>> 2) + PREV_WORD]! &= ~GC_PREV_MASK_COLLECTING;
      if (this.unreachableMasked) u32[(op >>> 2) + NEXT_WORD]! &= ~GC_NEXT_MASK_UNREACHABLE;
    }
    this.unreachableMasked = false;
    this.deduceUnreachable(unreachable, stillUnreachable);
    u32 = this.memory.u32;
    // CPython: clear_unreachable_mask()
    for (let op = gcNext(u32, stillUnreachable); op !== stillUnreachable; op = gcNext(u32, op))
      u32[(op >>> 2) + NEXT_WORD]! &= ~GC_NEXT_MASK_UNREACHABLE;
    listMerge(u32, unreachable, old);
  }

  /**
   * Work a collection does first, inside its pause (before the "start" callbacks): nothing
   * here; {@link IncrementalCollector} finishes the previous collection's deletion.
   */
  protected beforeCollecting(_host: CollectorHost): void {}

  /**
   * The garbage of the collection of `generation`, finalized and checked for resurrection, is in
   * `collectable`: delete it now, as CPython does. {@link IncrementalCollector} may spread it
   * over later pauses.
   */
  protected deleteCollectedGarbage(
    host: CollectorHost,
    collectable: Ptr,
    old: Ptr,
    _generation: number,
  ): void {
    this.deleteGarbage(host, collectable, old, Number.POSITIVE_INFINITY);
  }

  /**
   * CPython: `delete_garbage()` — break the cycles with `tp_clear` (or, with `DEBUG_SAVEALL`,
   * keep everything in `garbage`); whatever survives its clear moves to `old`. Stops after
   * `limit` objects; returns whether `collectable` is empty. `saveAll` is `DEBUG_SAVEALL` as it
   * was when the collection found the garbage (a deferred deletion passes false: it was off).
   */
  protected deleteGarbage(
    host: CollectorHost,
    collectable: Ptr,
    old: Ptr,
    limit: number,
    saveAll = (this.state.debug & DebugFlags.DEBUG_SAVEALL) !== 0,
  ): boolean {
    const lifetime = host.lifetime;
    const fused = !saveAll && host.clearGarbage !== undefined;
    const headNext = (collectable >>> 2) + NEXT_WORD;
    for (let deleted = 0; ; deleted++) {
      // The first object left (links may carry NEXT_MASK_UNREACHABLE: see collectGeneration).
      let u32 = this.memory.u32;
      const op = (u32[headNext]! & ~GC_NEXT_MASK_UNREACHABLE) >>> 0;
      if (op === collectable) return true;
      if (deleted >= limit) return false;
      if (fused) {
        // The host holds op across tp_clear itself (CPython's Py_INCREF / Py_DECREF around it).
        const typeId = u32[(op + OB_TYPE_OFFSET) >>> 2]!;
        try {
          host.clearGarbage!(op);
        } catch (error) {
          // op may be gone by now: name its type from the id read before.
          host.reportUnraisable(error, `in tp_clear of ${this.types.spec(typeId).name}`, op);
        }
      } else {
        // Hold op across tp_clear, as CPython does (saving it takes the reference gc.garbage keeps).
        if (!saveAll) lifetime.incref(op);
        this.deleteGarbageObject(host, op, saveAll);
        if (!saveAll) lifetime.decref(op);
      }
      u32 = this.memory.u32;
      if ((u32[headNext]! & ~GC_NEXT_MASK_UNREACHABLE) >>> 0 === op) {
        // Still alive: move it, it may die later.
        u32[(op >>> 2) + PREV_WORD]! &= ~GC_PREV_MASK_COLLECTING;
        listMove(u32, op, old);
      }
    }
  }

  /** CPython: `handle_legacy_finalizers()` — uncollectable objects go to `gc.garbage`. */
  private handleLegacyFinalizers(host: CollectorHost, finalizers: Ptr, old: Ptr): void {
    const u32 = this.memory.u32;
    for (let op = gcNext(u32, finalizers); op !== finalizers; op = gcNext(u32, op))
      this.saveUncollectable(host, op);
    listMerge(this.memory.u32, finalizers, old);
  }
}
