import {
  type CollectorHost,
  DerivedTypeFlags,
  GC_PREV_MASK_FINALIZED,
  IMMORTAL_REFCNT,
  OB_TYPE_OFFSET,
  type Ptr,
  ReferenceStack,
  TypeFlags,
} from "@pymem/core";
import type { IncrementalCollectorOptions, ManagedCollector } from "./api.js";
import { DebugFlags } from "./debug-flags.js";
import { GcValueError } from "./errors.js";
import {
  gcNext,
  NEXT_WORD as IMPORTED_NEXT_WORD,
  listAppend,
  listInit,
  listMerge,
  listMove,
  listRemove,
  listSize,
  PREV_WORD,
} from "./gc-list.js";
import { GenerationalCollector, NUM_GENERATIONS } from "./generational-collector.js";
import { pauseClockMs } from "./pause-clock.js";

/** Whether `obj` (a GC object) sits in a cycle's snapshot: its gc_next holds the tag. */
function isSnapshotted(u32: Uint32Array, obj: Ptr): boolean {
  return (u32[(obj >>> 2) + NEXT_WORD]! & TAG_MASK) === SNAPSHOT_TAG;
}

/*
 * Generations, and where the increments come in.
 *
 * The young generation is collected exactly as GenerationalCollector (CPython 3.13) collects
 * it: synchronously, its pause bounded by its threshold (2,000 new objects). Most cyclic garbage
 * dies young, so it is found as promptly as CPython 3.13 finds it — the lesson of CPython 3.14's
 * incremental collector, reverted in 3.14.5 because garbage waited for increments of the old
 * generation and piled up. The older generations, whose collections grow with what survives
 * (up to ten young collections' survivors for the middle one, the whole heap for the oldest),
 * are collected in increments: when CPython would collect the middle generation, the young one
 * is collected in that pause and a cycle over the middle generation starts, its survivors
 * promoted to the oldest; when CPython would run a full collection (count2 > threshold2 and
 * long_lived_pending > long_lived_total / 4), the same happens, then a cycle over everything.
 * While a cycle runs, every `threshold` allocations advance it by max(budget, 16 × allocations)
 * units. `gc.collect()` is a full synchronous collection, as in CPython 3.14.
 *
 * How an old-generation cycle runs, and why it is correct while the program mutates the heap
 * between increments:
 *
 *   IDLE ─► SNAPSHOT ─► SUBTRACT ─► MARK ─► SWEEP ─► FINISH (one step) ─► DELETE ─► RESTORE ─► IDLE
 *            (chunks)     (chunks)    (chunks)  (chunks)  validate, finalize  (chunks)   (chunks)
 *
 * An old cycle starts by merging every generation into the oldest and moving that list to
 * `pending` (a middle cycle moves the middle generation's list only).
 * SNAPSHOT moves the pending objects into a snapshot array; each one's gc_next then holds
 * `index << 2 | SNAPSHOT_TAG` (still non-zero: tracked) so untrack/free is O(1)
 * (`snapshot[index] = 0`). SUBTRACT computes gc_refs = refcount − references from snapshot
 * objects, MARK propagates reachability from gc_refs > 0 — both on counts and edges read at
 * different times, so the result is only a *candidate* set. FINISH then validates the candidates
 * in one synchronous step, exactly (CPython's resurrection check, `handle_resurrected_objects`):
 * a candidate whose refcount exceeds the references from other candidates is referenced from
 * outside, so it and everything it reaches stay alive. What remains is a closed set nobody else
 * references: garbage at that instant (sound, whatever the program did between increments).
 * Garbage that existed when the cycle started is found (complete): the program cannot reach it,
 * so its counts and edges never change, and no live object references it. Young collections
 * between increments never look inside the snapshot: its objects are not COLLECTING, so to a
 * young collection they are outside references, as any older generation is.
 * FINISH then runs CPython's garbage handling up to `delete_garbage` (legacy finalizers,
 * weakrefs, PEP 442 finalizers, the resurrection check) and moves what is still garbage to a list
 * of its own; DELETE clears and frees it in the next pauses, as a young collection's garbage is
 * (see deleteCollectedGarbage): nothing can reach it any more, so only the timing of its
 * deletion is seen.
 *
 * Pauses: each increment does at most its budget of work, a unit being an object visited plus
 * one per 4 references it has (one object's references are still followed in one increment);
 * while a phase's code is cold the budget ramps up from RAMP_START; FINISH is proportional to
 * the candidates (the old garbage found), never to the live heap.
 */
const SNAPSHOT_TAG = 2;
const TAG_MASK = 3;
// Hot-path copies of imported constants (see architecture/hot-path-constants.md).
const NEXT_WORD = IMPORTED_NEXT_WORD;
const IS_GC = TypeFlags.GC;

const IDLE = 0;
const SNAPSHOT = 1;
const SUBTRACT = 2;
const MARK = 3;
const SWEEP = 4;
const RESTORE = 5;

const UNMARKED = 0;
const ALIVE = 1;
const GARBAGE = 2;

const OLDEST = NUM_GENERATIONS - 1;
const HEAD_BYTES = 8;

// Measured on steady_garbage (2-vCPU VM, warm run, collector's own work): 5,000 units every 256
// allocations gave increments up to 2.1 ms; 2,000 every 128 (the same pace) up to 1.1–1.7 ms.
const DEFAULTS = { budget: 2000, threshold: 128 };
/** Units of work per allocation between increments (see the design note). */
const PACE = 16;
/**
 * Objects of a collection's garbage deleted (`tp_clear`, then the deallocation cascade) per
 * pause: the rest waits for the next pauses, one every `threshold` allocations. (64 every
 * `threshold / 4` made cold chunks half as long, 1.3–1.6 ms instead of 2.6–3, but each chunk
 * refills the list and tuple free lists, and allocations served from a free list do not count
 * toward count0, as in CPython: refilled four times as often, they delayed young collections,
 * 167 where CPython's schedule makes 288 on the gc bench's pause program at 200,000.)
 */
const DELETE_CHUNK = 256;
/**
 * A unit of an increment's work is one object snapshotted, subtracted, marked, swept or restored,
 * plus one for every 4 references followed: a dict of 25,000 entries (50,000 references) is
 * 12,500 units, not 1, so the increment that meets it ends there. One object's references are
 * still followed in one increment.
 */
const REFERENCES_PER_UNIT_SHIFT = 2;
/**
 * While a phase's code is cold, an automatic increment does at most `RAMP_START` units of that
 * phase plus one for every `RAMP_DIVISOR` units the phase did before (each phase it enters has
 * its own cap), up to its budget: V8 runs a path slowly (unoptimised, its inline caches empty)
 * until enough work has gone through it. It counts work, not time, so the same program makes
 * the same increments.
 */
const RAMP_START = 250;
const RAMP_DIVISOR = 8;

/**
 * A generational collector whose middle and full collections run incrementally: the young
 * generation collected as CPython 3.13 collects it, the older ones by trial deletion split into
 * bounded increments, made sound by an exact validation of the candidates at the end.
 *
 * @remarks
 * - No write barrier is needed: see the design note at the top of the source file (snapshot,
 *   stale-tolerant marking, exact synchronous validation of the candidates only).
 * - Generations, thresholds, counts and `gc.get_objects(generation)` are
 *   GenerationalCollector's (CPython 3.13's); automatic middle and full collections become a
 *   young collection plus cycles of increments, each `max(budget, 16 × allocations)` units long,
 *   run every `threshold` allocations while a cycle is in progress (the statistics count that
 *   young collection, and the cycle's collection when it ends). `collect()` abandons the cycle in progress and
 *   runs one complete synchronous full collection, as CPython's single pass.
 * - Old garbage gets CPython's treatment: legacy finalizers → `garbage`, weakrefs cleared and
 *   their callbacks called, PEP 442 finalizers once, resurrection, then `tp_clear` in the next
 *   pauses, 256 objects each (at once with `DEBUG_SAVEALL`, or when `collect()` is called).
 * - `freeze` aborts a running cycle.
 *
 * Use it when full collections over a large live heap must not pause the program.
 *
 * @example
 * ```ts
 * import { GcModule, IncrementalCollector } from "@pymem/gc";
 * const collector = new IncrementalCollector({ budget: 5000 });
 * refcounter.attachCollector(collector);
 * collector.step();          // one bounded increment, e.g. from an idle callback
 * ```
 */
export class IncrementalCollector extends GenerationalCollector implements ManagedCollector {
  /** @inheritDoc */
  override readonly name: string = "incremental";

  private readonly budget: number;
  private readonly incrementEvery: number;
  private sinceIncrement = 0;
  /** Units of work done in each phase since the collector was made (the ramp: RAMP_START). */
  private readonly phaseWork = new Float64Array(RESTORE + 1);
  private pendingHead = 0;
  /** A cycle's garbage, finalized and checked for resurrection, waiting to be deleted. */
  private cycleGarbageHead = 0;
  private phase = IDLE;
  private snapshot = new Uint32Array(1024);
  private refs = new Int32Array(1024);
  private marks = new Uint8Array(1024);
  private snapshotLength = 0;
  private cursor = 0;
  /** The generation the running cycle collects: the oldest, or the middle one (see startCycle). */
  private cycleGeneration = OLDEST;
  /** An old-generation cycle waits for the running middle cycle to end. */
  private oldCycleQueued = false;
  /** Objects of this cycle's snapshot put back into the oldest generation (RESTORE). */
  private restored = 0;
  private readonly worklist = new ReferenceStack(1024);
  /** Snapshot indices of the unmarked objects (SWEEP → FINISH). */
  private readonly candidates = new ReferenceStack(1024);
  private lastCandidateCount = 0;
  private readonly referents = new ReferenceStack(256);
  /** The list whose garbage is still being deleted (0: none), and where its survivors go. */
  private deletionList = 0;
  private deletionOld = 0;
  private deletionGeneration = 0;
  /**
   * A deferred deletion is running, and how many of its deallocations still take one from
   * count0: as many as count0 held when the collection deleted (CPython's delete_garbage
   * decrements it from there, floored at 0); the rest leave it alone.
   */
  private deletingDeferred = false;
  private deletionCountCredit = 0;
  /** A `collect()` call is running: its garbage is deleted before it returns, as in CPython. */
  private explicitCollection = false;

  constructor(options: Partial<IncrementalCollectorOptions> = {}) {
    const { budget, threshold, ...generational } = options;
    super(generational);
    this.budget = budget ?? DEFAULTS.budget;
    this.incrementEvery = threshold ?? DEFAULTS.threshold;
    if (!Number.isInteger(this.budget) || this.budget <= 0)
      throw new GcValueError("budget must be a positive integer");
    if (!Number.isInteger(this.incrementEvery) || this.incrementEvery < 0)
      throw new GcValueError("threshold must be a non-negative integer");
  }

  /** Whether a middle or old-generation cycle is in progress (between increments). */
  get cycleInProgress(): boolean {
    return this.phase !== IDLE;
  }

  /**
   * How many candidates the last FINISH step had to validate: the garbage, plus live objects the
   * increments missed because the program moved references (for tuning and tests).
   */
  get lastCandidates(): number {
    return this.lastCandidateCount;
  }

  /** The phase of the cycle in progress (for tests and debugging). */
  get phaseName(): "idle" | "snapshot" | "subtract" | "mark" | "sweep" | "restore" {
    return (["idle", "snapshot", "subtract", "mark", "sweep", "restore"] as const)[this.phase]!;
  }

  /** Allocates the generations' list heads, then the cycle's `pending` list head. */
  protected override prepareAttach(host: CollectorHost): void {
    super.prepareAttach(host);
    const allocator = host.allocator;
    if (allocator === undefined)
      throw new TypeError("IncrementalCollector needs an allocator for its list heads");
    this.pendingHead = allocator.malloc(2 * HEAD_BYTES) + HEAD_BYTES;
    this.cycleGarbageHead = allocator.malloc(2 * HEAD_BYTES) + HEAD_BYTES;
    listInit(host.memory.u32, this.pendingHead);
    listInit(host.memory.u32, this.cycleGarbageHead);
  }

  /** Ends the cycle in progress, frees the `pending` head, then the generations' heads. */
  protected override releaseAttach(host: CollectorHost): void {
    this.deleteDeferred(host, Number.POSITIVE_INFINITY);
    this.abortCycle();
    host.allocator!.free(this.pendingHead - HEAD_BYTES);
    host.allocator!.free(this.cycleGarbageHead - HEAD_BYTES);
    this.pendingHead = 0;
    this.cycleGarbageHead = 0;
    super.releaseAttach(host);
  }

  // ───────────────────────────── tracking ─────────────────────────────

  /** A GC object came from the allocator: GenerationalCollector's counting, then pacing. */
  override onAllocate(obj: Ptr): void {
    super.onAllocate(obj);
    if (
      (this.phase !== IDLE || this.deletionList !== 0) &&
      ++this.sinceIncrement >= this.incrementEvery
    ) {
      if (this.enabled && this.incrementEvery !== 0 && !this.collectingNow) {
        if (this.onCollectionScheduled === undefined) this.runDueIncrement();
        else this.scheduleCollection();
      }
    }
  }

  /** A scheduled collection, then the increment that is due, if one is. */
  protected override runScheduledWork(): void {
    // A collection only if one is due: increments and deletion chunks are scheduled too, and an
    // automatic collection runs only once count0 passes its threshold (CPython schedules
    // _Py_RunGC then and only then), whatever the older counts say.
    const threshold = this.thresholds[0]!;
    if (threshold !== 0 && this.counts[0]! > threshold) super.runScheduledWork();
    if (
      (this.phase !== IDLE || this.deletionList !== 0) &&
      this.sinceIncrement >= this.incrementEvery &&
      this.incrementEvery !== 0
    )
      this.runDueIncrement();
  }

  /**
   * One automatic increment, sized to keep pace with the allocations since the previous one: a
   * chunk of the last collection's garbage if some waits, else a step of the cycle.
   */
  private runDueIncrement(): void {
    if (this.deletionList !== 0) this.runDeletionChunk(DELETE_CHUNK);
    else this.runIncrement(Math.max(this.budget, PACE * this.sinceIncrement), true);
  }

  // ───────────────────────────── deferred deletion ─────────────────────────────

  /**
   * An automatic collection's garbage — finalized, its weakrefs cleared and callbacks called,
   * checked for resurrection: CPython's order up to here — is deleted in the next pauses,
   * `DELETE_CHUNK` (256) objects each, one every `threshold` allocations, instead of at once. Nothing can reach it, so the program sees only
   * that memory comes back later (and that referents outside it keep their references, and any
   * finalizer the cascade reaches runs, later). `gc.collect()` and `DEBUG_SAVEALL` delete at once.
   */
  protected override deleteCollectedGarbage(
    host: CollectorHost,
    collectable: Ptr,
    old: Ptr,
    generation: number,
  ): void {
    const deferrable =
      !this.explicitCollection &&
      this.incrementEvery !== 0 &&
      (this.state.debug & DebugFlags.DEBUG_SAVEALL) === 0;
    if (!deferrable) {
      this.deleteGarbage(host, collectable, old, Number.POSITIVE_INFINITY);
      return;
    }
    if (this.deleteGarbage(host, collectable, old, 0)) return; // nothing to delete
    this.deletionCountCredit = this.counts[0]!;
    this.deletionList = collectable;
    this.deletionOld = old;
    this.deletionGeneration = generation;
    this.sinceIncrement = 0;
  }

  /** A collection starts (in its pause): the previous one's garbage is deleted first. */
  protected override beforeCollecting(host: CollectorHost): void {
    this.deleteDeferred(host, Number.POSITIVE_INFINITY);
  }

  /** One pause deleting up to `limit` objects of the waiting garbage. */
  private runDeletionChunk(limit: number): void {
    const host = this.attachedHost();
    const wasCollecting = this.collectingNow;
    this.collectingNow = true;
    const startedAt = this.state.startPause();
    try {
      this.sinceIncrement = 0;
      this.deleteDeferred(host, limit);
    } finally {
      this.collectingNow = wasCollecting;
      this.state.recordPause(host, this.deletionGeneration, this.state.elapsed(startedAt));
    }
  }

  /** Deletes up to `limit` objects of the waiting garbage. */
  private deleteDeferred(host: CollectorHost, limit: number): void {
    if (this.deletionList === 0) return;
    this.deletingDeferred = true;
    try {
      // Deferred only with DEBUG_SAVEALL off: turned on since, it does not save this garbage.
      if (this.deleteGarbage(host, this.deletionList, this.deletionOld, limit, false))
        this.deletionList = 0;
    } finally {
      this.deletingDeferred = false;
    }
  }

  /** @inheritDoc */
  override untrack(obj: Ptr): void {
    const u32 = this.memory.u32;
    const typeId = u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    if ((this.types.flags[typeId]! & IS_GC) !== 0 && isSnapshotted(u32, obj))
      this.forgetSnapshotted(u32, obj);
    else super.untrack(obj);
  }

  /** @inheritDoc */
  override onDeallocate(obj: Ptr): void {
    const u32 = this.memory.u32;
    const count0 = this.counts[0]!;
    if (isSnapshotted(u32, obj)) {
      this.forgetSnapshotted(u32, obj);
      if (this.counts[0]! > 0) this.counts[0]!--;
    } else super.onDeallocate(obj);
    if (this.deletingDeferred) {
      // CPython: gcstate->young.count -= 1 (floored), at the time it deleted: see the credit.
      if (this.deletionCountCredit > 0 && count0 > 0) {
        this.deletionCountCredit--;
        this.counts[0] = count0 - 1;
      } else this.counts[0] = count0;
    }
  }

  /** Untracks `obj`: clears its snapshot slot mid-cycle, else unlinks it from its list. */
  protected override forget(u32: Uint32Array, obj: Ptr): void {
    if (isSnapshotted(u32, obj)) this.forgetSnapshotted(u32, obj);
    else super.forget(u32, obj);
  }

  private forgetSnapshotted(u32: Uint32Array, obj: Ptr): void {
    this.snapshot[u32[(obj >>> 2) + NEXT_WORD]! >>> 2] = 0;
    u32[(obj >>> 2) + NEXT_WORD] = 0;
    u32[(obj >>> 2) + PREV_WORD]! &= GC_PREV_MASK_FINALIZED;
  }

  // ───────────────────────────── gc module surface ─────────────────────────────

  /**
   * Collects `generation`; a full collection (the default) first abandons the cycle in
   * progress, then runs synchronously, as CPython 3.14's `gc.collect()` does.
   */
  override collect(generation = OLDEST): number {
    if (generation === OLDEST && !this.collectingNow) this.abortCycle();
    const wasExplicit = this.explicitCollection;
    this.explicitCollection = true;
    try {
      return super.collect(generation);
    } finally {
      this.explicitCollection = wasExplicit;
    }
  }

  /**
   * Runs one increment of at most `budget` objects of work, starting an old-generation cycle if
   * none is running; while garbage found earlier waits to be deleted, deletes up to
   * min(`budget`, 256) objects of it instead. Returns the unreachable objects found if the
   * increment completed a cycle's FINISH step, else 0.
   *
   * @example
   * ```ts
   * requestIdleCallback(() => collector.step());
   * ```
   */
  step(budget = this.budget): number {
    if (this.collectingNow) return 0;
    this.attachedHost();
    if (this.deletionList !== 0) {
      this.runDeletionChunk(Math.min(budget, DELETE_CHUNK));
      return 0;
    }
    if (this.phase === IDLE) this.startCycle(OLDEST);
    return this.runIncrement(budget);
  }

  /** Every tracked object of `generation` (-1: all), the snapshot's counted as the oldest's. */
  override objects(generation: number): Ptr[] {
    const result = super.objects(generation);
    if (generation !== OLDEST && generation !== -1) return result;
    const u32 = this.memory.u32;
    for (
      let node = gcNext(u32, this.pendingHead);
      node !== this.pendingHead;
      node = gcNext(u32, node)
    )
      result.push(node);
    for (let i = 0; i < this.snapshotLength; i++) {
      const obj = this.snapshot[i]!;
      // Garbage being finalized is in no generation (as in CPython's unreachable list).
      if (obj !== 0 && this.marks[i] !== GARBAGE) result.push(obj);
    }
    return result;
  }

  /** Aborts a running cycle, then moves every tracked object to the permanent generation. */
  override freeze(): void {
    this.attachedHost(); // the list heads are gone once detached
    this.abortCycle();
    super.freeze();
  }

  /** Objects in each generation, the cycle's counted as the oldest's. */
  override generationSizes(): number[] {
    const sizes = super.generationSizes();
    let inCycle = listSize(this.memory.u32, this.pendingHead);
    for (let i = 0; i < this.snapshotLength; i++) if (this.snapshot[i] !== 0) inCycle++;
    sizes[OLDEST]! += inCycle;
    return sizes;
  }

  // ───────────────────────────── the cycle ─────────────────────────────

  /**
   * An automatic collection chose the oldest generation: collect the middle generation (the
   * young garbage must not wait for a whole cycle), then start a cycle over the oldest unless
   * one is running.
   */
  protected override collectOldAutomatically(host: CollectorHost): number {
    if (this.phase !== IDLE || this.incrementEvery === 0) {
      const found = this.collectGeneration(host, OLDEST - 1);
      if (this.phase === IDLE) this.startCycle(OLDEST);
      else if (this.cycleGeneration !== OLDEST) this.oldCycleQueued = true;
      return found;
    }
    const found = this.collectMiddleAutomatically(host);
    // The old cycle starts when the middle one ends: young garbage never waits for it.
    this.oldCycleQueued = this.phase !== IDLE;
    if (this.phase === IDLE) this.startCycle(OLDEST);
    return found;
  }

  /**
   * An automatic collection chose the middle generation (up to ten young collections' survivors,
   * the pause that grows with a structure being built): a young collection now, in this pause,
   * then a cycle over the middle generation in increments, its survivors promoted to the oldest
   * as a middle collection's are. The counts move as CPython's middle collection moves them, so
   * later collections are chosen as in CPython. With a cycle already running, or increments
   * turned off, the middle collection runs synchronously.
   */
  protected override collectMiddleAutomatically(host: CollectorHost): number {
    if (this.phase !== IDLE || this.incrementEvery === 0)
      return this.collectGeneration(host, OLDEST - 1);
    const found = this.collectGeneration(host, 0);
    // CPython's gc_collect_main for generation 1: count2 += 1, count0 = count1 = 0 (the young
    // collection just added one to count1).
    this.counts[OLDEST - 1] = 0;
    this.counts[OLDEST]!++;
    this.startCycle(OLDEST - 1);
    return found;
  }

  /** The most units an automatic increment of the current phase may do (the ramp). */
  private rampLimit(): number {
    return RAMP_START + Math.floor(this.phaseWork[this.phase]! / RAMP_DIVISOR);
  }

  private runIncrement(budget: number, automatic = false): number {
    const wasCollecting = this.collectingNow;
    this.collectingNow = true;
    const startedAt = this.state.startPause();
    const generation = this.cycleGeneration;
    try {
      this.deleteDeferred(this.attachedHost(), Number.POSITIVE_INFINITY);
      this.sinceIncrement = 0;
      return this.advance(budget, automatic);
    } finally {
      this.collectingNow = wasCollecting;
      this.state.recordPause(this.attachedHost(), generation, this.state.elapsed(startedAt));
    }
  }

  /**
   * IDLE → SNAPSHOT: every generation merged into the oldest (after an automatic start the
   * younger ones were just collected, so they are nearly empty), as a full collection starts;
   * the lot becomes this cycle's; objects tracked from now on wait for the next cycle.
   */
  private startCycle(generation: number): void {
    const u32 = this.memory.u32;
    // The snapshot's arrays are sized now, while empty: grown mid-cycle they would be copied in
    // one pause (2.6 ms at 1M objects). What may be tracked: the oldest generation's survivors
    // and what was promoted since (CPython's long_lived counts), plus ten young generations.
    const young = this.thresholds[0]! * (this.thresholds[1]! + 1);
    const expected = generation === OLDEST ? this.longLivedTotal + this.longLivedPending : 0;
    this.ensureCapacity(Math.ceil((expected + young) * 1.25));
    if (generation === OLDEST) {
      for (let g = 0; g < OLDEST; g++) {
        listMerge(u32, this.generationHead(g), this.generationHead(OLDEST));
        this.counts[g] = 0;
      }
      this.counts[OLDEST] = 0;
      this.longLivedPending = 0;
    }
    // A middle cycle takes the middle generation only (the young one was just collected into it).
    listMerge(u32, this.generationHead(generation), this.pendingHead);
    this.cycleGeneration = generation;
    this.snapshotLength = 0;
    this.restored = 0;
    this.cursor = 0;
    this.worklist.length = 0;
    this.candidates.length = 0;
    this.sinceIncrement = 0;
    this.phase = SNAPSHOT;
  }

  /**
   * Does up to `budget` units of work; returns what a FINISH step found. An `automatic`
   * increment does at most the ramp's limit (`RAMP_START`) of each phase it runs.
   */
  private advance(budget: number, automatic = false): number {
    let work = 0;
    let found = 0;
    while (work < budget && this.phase !== IDLE) {
      const phase = this.phase;
      const room = automatic ? Math.min(budget - work, this.rampLimit()) : budget - work;
      let done: number;
      if (phase === SNAPSHOT) done = this.snapshotSome(room);
      else if (phase === SUBTRACT) done = this.subtractSome(room);
      else if (phase === MARK) done = this.markSome(room);
      else if (phase === SWEEP) {
        done = this.sweepSome(room);
        // sweepSome moves to RESTORE when done; FINISH runs before any restoring.
        if ((this.phase as number) === RESTORE) found += this.finish();
      } else done = this.restoreSome(room);
      work += done;
      this.phaseWork[phase]! += done;
      if (this.phase === phase && done >= room) break; // this phase's share is used up
    }
    return found;
  }

  private ensureCapacity(minimum: number): void {
    if (this.snapshot.length >= minimum) return;
    const used = this.snapshotLength;
    // Empty (a cycle starting), just what was asked for; else double.
    const size = used === 0 ? minimum : Math.max(minimum, this.snapshot.length * 2);
    const snapshot = new Uint32Array(size);
    snapshot.set(this.snapshot.subarray(0, used));
    this.snapshot = snapshot;
    const refs = new Int32Array(size);
    refs.set(this.refs.subarray(0, used));
    this.refs = refs;
    const marks = new Uint8Array(size);
    marks.set(this.marks.subarray(0, used));
    this.marks = marks;
  }

  /** Index of `obj` in the snapshot, or -1 (non-GC, untracked, or not in this cycle). */
  private indexOf(u32: Uint32Array, flags: Uint32Array, obj: Ptr): number {
    if ((flags[u32[(obj + OB_TYPE_OFFSET) >>> 2]!]! & TypeFlags.GC) === 0) return -1;
    const next = u32[(obj >>> 2) + NEXT_WORD]!;
    return (next & TAG_MASK) === SNAPSHOT_TAG ? next >>> 2 : -1;
  }

  /** SNAPSHOT (CPython: the list walk of `update_refs`): gc_refs = refcount. */
  private snapshotSome(budget: number): number {
    const pending = this.pendingHead;
    const permanent = this.permanentHead();
    let work = 0;
    for (; work < budget; work++) {
      const u32 = this.memory.u32;
      const obj = gcNext(u32, pending);
      if (obj === pending) {
        this.phase = SUBTRACT;
        this.cursor = 0;
        break;
      }
      const refcount = u32[obj >>> 2]!;
      if (refcount >= IMMORTAL_REFCNT) {
        listMove(u32, obj, permanent);
        continue;
      }
      listRemove(u32, obj);
      const index = this.snapshotLength++;
      this.ensureCapacity(this.snapshotLength);
      this.snapshot[index] = obj;
      this.refs[index] = refcount;
      this.marks[index] = UNMARKED;
      u32[(obj >>> 2) + NEXT_WORD] = (index << 2) | SNAPSHOT_TAG;
      u32[(obj >>> 2) + PREV_WORD]! &= GC_PREV_MASK_FINALIZED;
    }
    return work;
  }

  /** SUBTRACT (CPython: `subtract_refs`). */
  private subtractSome(budget: number): number {
    const referents = this.referents;
    let work = 0;
    while (work < budget) {
      if (this.cursor >= this.snapshotLength) {
        this.phase = MARK;
        this.cursor = 0;
        break;
      }
      const obj = this.snapshot[this.cursor++]!;
      work++;
      if (obj === 0) continue;
      referents.length = 0;
      this.types.pushReferences(obj, referents);
      const u32 = this.memory.u32;
      const flags = this.types.flags;
      for (let i = 0; i < referents.length; i++) {
        const index = this.indexOf(u32, flags, referents.items[i]!);
        if (index >= 0) this.refs[index]!--;
      }
      work += referents.length >>> REFERENCES_PER_UNIT_SHIFT;
    }
    referents.length = 0;
    return work;
  }

  /** MARK (CPython: `move_unreachable`): reachable from objects with gc_refs > 0. */
  private markSome(budget: number): number {
    const worklist = this.worklist;
    let work = 0;
    while (work < budget) {
      if (worklist.length === 0) {
        // Seed from the next object referenced from outside (each entry looked at is work too).
        while (this.cursor < this.snapshotLength && work < budget) {
          const i = this.cursor++;
          work++;
          if (this.snapshot[i] !== 0 && this.refs[i]! > 0 && this.marks[i] === UNMARKED) {
            this.marks[i] = ALIVE;
            worklist.push(i);
            break;
          }
        }
        if (worklist.length === 0) {
          if (this.cursor < this.snapshotLength) break; // out of budget
          this.phase = SWEEP;
          this.cursor = 0;
          this.candidates.length = 0;
          break;
        }
      }
      const obj = this.snapshot[worklist.pop()]!;
      work++;
      if (obj !== 0) work += this.markReferents(obj, UNMARKED) >>> REFERENCES_PER_UNIT_SHIFT;
    }
    return work;
  }

  /** SWEEP: the unmarked objects become the candidates FINISH validates. */
  private sweepSome(budget: number): number {
    let work = 0;
    for (; work < budget; work++) {
      if (this.cursor >= this.snapshotLength) {
        this.phase = RESTORE; // the caller runs FINISH before any restoring
        this.cursor = 0;
        break;
      }
      const i = this.cursor++;
      if (this.snapshot[i] !== 0 && this.marks[i] === UNMARKED) this.candidates.push(i);
    }
    return work;
  }

  /** RESTORE: survivors back into the main list. */
  private restoreSome(budget: number): number {
    const main = this.generationHead(OLDEST);
    let work = 0;
    for (; work < budget; work++) {
      if (this.cursor >= this.snapshotLength) {
        this.phase = IDLE;
        this.snapshotLength = 0;
        this.cursor = 0;
        if (this.cycleGeneration === OLDEST) {
          // CPython: long_lived_total after a full collection — the survivors, and what was
          // promoted while the cycle ran.
          this.longLivedTotal = this.restored + this.longLivedPending;
        } else {
          // CPython: a middle collection's survivors are promoted, pending a full collection.
          this.longLivedPending += this.restored;
          if (this.oldCycleQueued) {
            this.oldCycleQueued = false;
            this.startCycle(OLDEST);
          }
        }
        break;
      }
      const index = this.cursor++;
      const obj = this.snapshot[index]!;
      if (obj === 0) continue;
      // Back in a list, obj is untracked by listRemove from now on, not by clearing its slot:
      // clear the slot here, or `objects()` between increments would list obj twice, and after
      // obj is freed, a dead address.
      this.snapshot[index] = 0;
      const u32 = this.memory.u32;
      u32[(obj >>> 2) + NEXT_WORD] = 0;
      listAppend(u32, obj, main);
      this.restored++;
    }
    return work;
  }

  /** Stops a running cycle: every snapshot object goes back to the main list. */
  private abortCycle(): void {
    this.oldCycleQueued = false;
    if (this.phase === IDLE) return;
    this.candidates.length = 0;
    this.worklist.length = 0;
    if (this.phase !== RESTORE) {
      listMerge(this.memory.u32, this.pendingHead, this.generationHead(OLDEST));
      this.phase = RESTORE;
      this.cursor = 0;
    }
    while (this.phase !== IDLE) this.restoreSome(Number.POSITIVE_INFINITY);
  }

  /**
   * Keeps alive every candidate (`marks == GARBAGE`) referenced from outside the candidates:
   * refcount − references from candidates − `extra` > 0; then everything they reach. CPython:
   * `handle_resurrected_objects` (a second `deduce_unreachable` over the unreachable set).
   */
  private validate(candidates: Ptr[], indices: number[], extra: number): void {
    const refs = this.refs;
    const marks = this.marks;
    const referents = this.referents;
    const u32 = this.memory.u32;
    const flags = this.types.flags;
    for (let k = 0; k < candidates.length; k++) {
      if (marks[indices[k]!] === GARBAGE) refs[indices[k]!] = u32[candidates[k]! >>> 2]! - extra;
    }
    for (let k = 0; k < candidates.length; k++) {
      if (marks[indices[k]!] !== GARBAGE) continue;
      referents.length = 0;
      this.types.pushReferences(candidates[k]!, referents);
      for (let i = 0; i < referents.length; i++) {
        const index = this.indexOf(u32, flags, referents.items[i]!);
        if (index >= 0 && marks[index] === GARBAGE) refs[index]!--;
      }
    }
    const worklist = this.worklist;
    worklist.length = 0;
    for (let k = 0; k < candidates.length; k++) {
      const index = indices[k]!;
      if (marks[index] === GARBAGE && refs[index]! > 0) {
        marks[index] = ALIVE;
        worklist.push(index);
      }
    }
    this.keepAlive();
  }

  /** Marks ALIVE every GARBAGE candidate reachable from the worklist. */
  private keepAlive(): void {
    const worklist = this.worklist;
    while (worklist.length > 0) {
      const obj = this.snapshot[worklist.pop()]!;
      if (obj !== 0) this.markReferents(obj, GARBAGE);
    }
  }

  /**
   * Marks ALIVE (and queues on the worklist) every snapshot referent of `obj` marked `from`;
   * returns how many references `obj` has.
   */
  private markReferents(obj: Ptr, from: number): number {
    const referents = this.referents;
    const worklist = this.worklist;
    const marks = this.marks;
    referents.length = 0;
    this.types.pushReferences(obj, referents);
    const u32 = this.memory.u32;
    const flags = this.types.flags;
    for (let i = 0; i < referents.length; i++) {
      const index = this.indexOf(u32, flags, referents.items[i]!);
      if (index >= 0 && marks[index] === from) {
        marks[index] = ALIVE;
        worklist.push(index);
      }
    }
    const count = referents.length;
    referents.length = 0;
    return count;
  }

  /** FINISH: validate the candidates and free the garbage, CPython's way. One synchronous step. */
  private finish(): number {
    const host = this.attachedHost();
    const state = this.state;
    const types = this.types;
    const lifetime = host.lifetime;
    const startedAt = pauseClockMs();
    const generation = this.cycleGeneration;
    state.invokeCallbacks(host, "start", generation, 0, 0);
    if (state.debug & DebugFlags.DEBUG_STATS) {
      state.writeDebug(
        `gc: collecting generation ${generation}...\n` +
          `gc: objects in each generation: ${this.generationSizes().join(" ")}\n` +
          `gc: objects in permanent generation: ${this.freezeCount()}\n`,
      );
    }
    const candidates: Ptr[] = [];
    const indices: number[] = [];
    for (let k = 0; k < this.candidates.length; k++) {
      const i = this.candidates.items[k]!;
      const obj = this.snapshot[i]!;
      if (obj !== 0 && this.marks[i] === UNMARKED) {
        this.marks[i] = GARBAGE;
        candidates.push(obj);
        indices.push(i);
      }
    }
    this.candidates.length = 0;
    this.lastCandidateCount = candidates.length;
    // Exact check at this instant: the increments may have seen stale counts and edges.
    this.validate(candidates, indices, 0);
    let members = candidates.filter((_, k) => this.marks[indices[k]!] === GARBAGE);
    let memberIndices = indices.filter((index) => this.marks[index] === GARBAGE);
    for (const obj of members) lifetime.incref(obj); // nothing can free them under our feet

    // CPython: move_legacy_finalizers + move_legacy_finalizer_reachable.
    const worklist = this.worklist;
    worklist.length = 0;
    for (let k = 0; k < members.length; k++) {
      if (types.flags[types.typeOf(members[k]!)]! & DerivedTypeFlags.HAS_DEL) {
        this.marks[memberIndices[k]!] = ALIVE;
        worklist.push(memberIndices[k]!);
      }
    }
    this.keepAlive();
    let uncollectable = 0;
    for (let k = 0; k < members.length; k++) {
      const index = memberIndices[k]!;
      // Every member was GARBAGE before this step: ALIVE now means "reachable from tp_del".
      if (this.marks[index] !== ALIVE) continue;
      const obj = members[k]!;
      uncollectable++;
      if (state.debug & DebugFlags.DEBUG_UNCOLLECTABLE)
        state.debugCycle(host, "uncollectable", obj);
      this.saveUncollectable(host, obj);
    }
    const isGarbage = (index: number) => this.marks[index] === GARBAGE;
    if (state.debug & DebugFlags.DEBUG_COLLECTABLE) {
      for (let k = 0; k < members.length; k++)
        if (isGarbage(memberIndices[k]!)) state.debugCycle(host, "collectable", members[k]!);
    }

    // CPython: handle_weakrefs.
    const weakrefs = host.weakrefs;
    const toCall: Ptr[] = [];
    for (let k = 0; k < members.length; k++) {
      if (!isGarbage(memberIndices[k]!)) continue;
      const obj = members[k]!;
      if (weakrefs.isWeakref?.(obj)) weakrefs.clear(obj);
      if ((types.flags[types.typeOf(obj)]! & DerivedTypeFlags.WEAKREFABLE) === 0) continue;
      for (let wr = weakrefs.first(obj); wr !== 0; wr = weakrefs.first(obj)) {
        weakrefs.clear(wr);
        if (!weakrefs.hasCallback(wr)) continue;
        const index = this.indexOf(this.memory.u32, types.flags, wr);
        if (index >= 0 && isGarbage(index)) continue; // trash weakrefs never call back
        lifetime.incref(wr);
        toCall.push(wr);
      }
    }
    const programStartedAt = state.clock();
    for (const wr of toCall) {
      this.callWeakrefCallback(host, wr);
      lifetime.decref(wr);
    }

    // CPython: finalize_garbage.
    for (let k = 0; k < members.length; k++) {
      if (!isGarbage(memberIndices[k]!)) continue;
      const obj = members[k]!;
      this.finalizeOnce(host, obj);
    }
    state.endProgramCode(programStartedAt);

    // CPython: handle_resurrected_objects (our temporary reference is the 1 extra).
    const garbageNow = members.filter((_, k) => isGarbage(memberIndices[k]!));
    const garbageIndices = memberIndices.filter(isGarbage);
    this.validate(garbageNow, garbageIndices, 1);

    // The garbage leaves the snapshot for a list of its own, as a collection's final
    // unreachable list, then our references go: each garbage object is still referenced by
    // the others (the check just made), so none is freed unless no other garbage references it.
    const u32 = this.memory.u32;
    const garbageList = this.cycleGarbageHead;
    let collected = 0;
    for (let k = 0; k < garbageNow.length; k++) {
      const index = garbageIndices[k]!;
      if (!isGarbage(index)) continue;
      const obj = garbageNow[k]!;
      collected++;
      this.snapshot[index] = 0;
      u32[(obj >>> 2) + PREV_WORD]! &= GC_PREV_MASK_FINALIZED;
      listAppend(u32, obj, garbageList);
    }
    for (const obj of members) lifetime.decref(obj);
    members = [];
    memberIndices = [];
    // CPython: delete_garbage — at once with DEBUG_SAVEALL, else in the next pauses (as a young
    // collection's garbage: see deleteCollectedGarbage).
    this.deleteCollectedGarbage(host, garbageList, this.generationHead(OLDEST), generation);

    if (state.debug & DebugFlags.DEBUG_STATS) {
      const seconds = (pauseClockMs() - startedAt) / 1000;
      state.writeDebug(
        `gc: done, ${collected + uncollectable} unreachable, ${uncollectable} uncollectable, ${seconds.toFixed(4)}s elapsed\n`,
      );
    }
    // A cycle's "collection" for the statistics; pauses are recorded per increment.
    const stats = state.perGeneration[generation]!;
    stats.collections++;
    stats.collected += collected;
    stats.uncollectable += uncollectable;
    state.totals.collections++;
    state.totals.collected += collected;
    state.totals.uncollectable += uncollectable;
    // An old cycle covers the whole heap: clear the free lists like a full collection does.
    if (generation === OLDEST && host.clearFreeLists !== undefined) {
      try {
        host.clearFreeLists();
      } catch (error) {
        host.reportUnraisable(error, "in garbage collection", 0);
      }
    }
    state.invokeCallbacks(host, "stop", generation, collected, uncollectable);
    return collected + uncollectable;
  }
}
