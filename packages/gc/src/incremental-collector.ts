import {
  type Allocator,
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
import { CollectorBase } from "./collector-base.js";
import { DebugFlags } from "./debug-flags.js";
import { GcValueError } from "./errors.js";
import {
  gcNext,
  listAppend,
  listInit,
  listMerge,
  listMove,
  listRemove,
  listSize,
  NEXT_WORD,
  PREV_WORD,
} from "./gc-list.js";

/*
 * How a cycle runs, and why it is correct while the program mutates the heap between increments.
 *
 *   IDLE ─► SNAPSHOT ─► SUBTRACT ─► MARK ─► SWEEP ─► FINISH (one step) ─► RESTORE ─► IDLE
 *            (chunks)     (chunks)    (chunks)  (chunks)  validate + free      (chunks)
 *
 * SNAPSHOT moves every tracked object from the `pending` list into a snapshot array; its gc_next
 * then holds `index << 2 | SNAPSHOT_TAG` (still non-zero: tracked) so untrack/free is O(1)
 * (`snapshot[index] = 0`). SUBTRACT computes gc_refs = refcount − references from snapshot
 * objects, MARK propagates reachability from gc_refs > 0 — both on counts and edges read at
 * different times, so the result is only a *candidate* set. FINISH then validates the candidates
 * in one synchronous step, exactly (CPython's resurrection check, `handle_resurrected_objects`):
 * a candidate whose refcount exceeds the references from other candidates is referenced from
 * outside, so it and everything it reaches stay alive. What remains is a closed set nobody else
 * references: garbage at that instant (sound, whatever the program did between increments).
 * Garbage that existed when the cycle started is found (complete): the program cannot reach it,
 * so its counts and edges never change, and no live object references it.
 *
 * Pauses: each increment does at most its budget of work; FINISH is proportional to the
 * candidates (the garbage found), never to the live heap. Pacing (CPython 3.14's memory-growth lesson,
 * research §7): an increment runs every `threshold` allocations and does at least PACE = 16 units
 * per allocation, so a cycle over H objects (≈ 5H units) ends within H/3 allocations: garbage
 * cannot outgrow the heap, whatever the allocation rate.
 */
const SNAPSHOT_TAG = 2;
const TAG_MASK = 3;

const IDLE = 0;
const SNAPSHOT = 1;
const SUBTRACT = 2;
const MARK = 3;
const SWEEP = 4;
const RESTORE = 5;

const UNMARKED = 0;
const ALIVE = 1;
const GARBAGE = 2;

const HEAD_MAIN = 0;
const HEAD_PENDING = 1;
const HEAD_PERMANENT = 2;
const HEAD_COUNT = 3;
const HEAD_BYTES = 8;

const DEFAULTS = { budget: 5000, threshold: 500 };
/** Units of work per allocation between increments (see the design note). */
const PACE = 16;

/**
 * An incremental cycle collector: CPython's trial deletion split into bounded increments that
 * interleave with the program, made sound by an exact validation of the candidates at the end.
 *
 * @remarks
 * - No write barrier is needed: see the design note at the top of the source file (snapshot,
 *   stale-tolerant marking, exact synchronous validation of the candidates only).
 * - An increment runs from `onAllocate` every `threshold` GC allocations and processes
 *   `max(budget, 16 × allocations)` units of work (16 × 500 = 8000 by default). `collect()` abandons the
 *   cycle in progress and runs one complete fresh cycle synchronously, as CPython's single pass.
 * - Garbage gets CPython's treatment: legacy finalizers → `garbage`, weakrefs cleared and their
 *   callbacks called, PEP 442 finalizers once, resurrection, `tp_clear`.
 * - One generation (no generational statistics); `freeze` aborts a running cycle.
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
export class IncrementalCollector extends CollectorBase implements ManagedCollector {
  /** @inheritDoc */
  readonly name = "incremental";
  /** Not needed. */
  readonly wantsDecrefNotifications = false;
  /** One generation. */
  readonly generationCount = 1;
  /** Whether allocations run increments. */
  enabled = true;

  private readonly budget: number;
  private threshold: number;
  private readonly allocatorOption: Allocator | undefined;
  private headBase = 0;
  private allocations = 0;
  private phase = IDLE;
  private snapshot = new Uint32Array(1024);
  private refs = new Int32Array(1024);
  private marks = new Uint8Array(1024);
  private snapshotLength = 0;
  private cursor = 0;
  private readonly worklist = new ReferenceStack(1024);
  /** Snapshot indices of the unmarked objects (SWEEP → FINISH). */
  private readonly candidates = new ReferenceStack(1024);
  private lastCandidateCount = 0;
  private readonly referents = new ReferenceStack(256);

  constructor(options: Partial<IncrementalCollectorOptions> = {}) {
    super(1, options.debugSink);
    this.budget = options.budget ?? DEFAULTS.budget;
    this.threshold = options.threshold ?? DEFAULTS.threshold;
    if (!Number.isInteger(this.budget) || this.budget <= 0)
      throw new GcValueError("budget must be a positive integer");
    if (!Number.isInteger(this.threshold) || this.threshold < 0)
      throw new GcValueError("threshold must be a non-negative integer");
    this.allocatorOption = options.allocator;
  }

  /** Whether a cycle is in progress (between increments). */
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

  /** Allocates the list heads in the host's memory. */
  protected override prepareAttach(host: CollectorHost): void {
    const allocator = this.allocatorOption ?? host.allocator;
    if (allocator === undefined)
      throw new TypeError("IncrementalCollector needs an allocator for its list heads");
    this.headBase = allocator.malloc(HEAD_COUNT * HEAD_BYTES) + HEAD_BYTES;
    for (let k = 0; k < HEAD_COUNT; k++) listInit(host.memory.u32, this.head(k));
  }

  /** Ends the cycle in progress and frees the list heads (the heap resets every GC head next). */
  protected override releaseAttach(host: CollectorHost): void {
    this.abortCycle();
    (this.allocatorOption ?? host.allocator)!.free(this.headBase - HEAD_BYTES);
    this.headBase = 0;
  }

  private head(k: number): Ptr {
    return this.headBase + k * HEAD_BYTES;
  }

  // ───────────────────────────── tracking ─────────────────────────────

  /** @inheritDoc */
  track(obj: Ptr): void {
    this.checkTrackable(obj);
    const u32 = this.memory.u32;
    listAppend(u32, obj, this.head(HEAD_MAIN));
  }

  /** @inheritDoc */
  onAllocate(obj: Ptr): void {
    const u32 = this.memory.u32;
    u32[(obj >>> 2) + NEXT_WORD] = 0;
    u32[(obj >>> 2) + PREV_WORD] = 0;
    const count = ++this.allocations;
    if (count > this.threshold && this.enabled && this.threshold !== 0 && !this.collectingNow) {
      // Pace: PACE units of work per allocation, so a cycle over a heap of H objects (about 5H
      // units) completes within H/3 allocations and garbage cannot outgrow the heap.
      this.runIncrement(Math.max(this.budget, PACE * count));
    }
  }

  /** @inheritDoc */
  onDeallocate(obj: Ptr): void {
    this.forget(this.memory.u32, obj);
    if (this.allocations > 0) this.allocations--;
  }

  /** Not used. */
  onDecrefToNonZero(_obj: Ptr): void {}

  /** Untracks `obj`: clears its snapshot slot mid-cycle, else unlinks it from its list. */
  protected forget(u32: Uint32Array, obj: Ptr): void {
    const next = u32[(obj >>> 2) + NEXT_WORD]!;
    if (next === 0) return;
    if ((next & TAG_MASK) === SNAPSHOT_TAG) {
      this.snapshot[next >>> 2] = 0;
      u32[(obj >>> 2) + NEXT_WORD] = 0;
    } else {
      listRemove(u32, obj);
    }
    u32[(obj >>> 2) + PREV_WORD]! &= GC_PREV_MASK_FINALIZED;
  }

  // ───────────────────────────── gc module surface ─────────────────────────────

  /**
   * Abandons the cycle in progress, then runs a complete fresh one, synchronously; returns the
   * unreachable objects found (collected + uncollectable).
   */
  collect(generation = 0): number {
    if (generation !== 0) throw new GcValueError("invalid generation");
    this.attachedHost(); // refuse once detached
    if (this.collectingNow) return 0;
    this.collectingNow = true;
    try {
      // Not finished first: its stale snapshot may keep garbage alive (floating) that a legacy
      // object it sends to gc.garbage references; the fresh cycle would then find that garbage
      // reachable from gc.garbage and never list it. One pass over everything, like CPython's
      // gc_collect_main, sees the whole unreachable set at once. Garbage the abandoned cycle
      // would have found is found by the fresh one (it existed when the fresh snapshot began).
      this.abortCycle();
      this.startCycle();
      return this.runToIdle();
    } finally {
      this.collectingNow = false;
    }
  }

  /**
   * Runs one increment of at most `budget` objects of work (starting a cycle if none is running).
   * Returns the unreachable objects found if the increment completed a cycle's FINISH step, else 0.
   *
   * @example
   * ```ts
   * requestIdleCallback(() => collector.step());
   * ```
   */
  step(budget = this.budget): number {
    this.attachedHost(); // refuse once detached
    if (this.collectingNow) return 0;
    return this.runIncrement(budget);
  }

  /** `[GC allocations since the last increment]`. */
  getCount(): number[] {
    return [this.allocations];
  }

  /** `[allocations between increments]`. */
  getThreshold(): number[] {
    return [this.threshold];
  }

  /** Sets the allocations between increments (0 disables automatic increments). */
  setThreshold(values: readonly number[]): void {
    this.threshold = values[0]!;
  }

  /** Every tracked object (generation 0 or -1). */
  objects(_generation: number): Ptr[] {
    this.attachedHost(); // the list heads are gone once detached
    const result: Ptr[] = [];
    const u32 = this.memory.u32;
    for (const k of [HEAD_MAIN, HEAD_PENDING]) {
      const head = this.head(k);
      for (let node = gcNext(u32, head); node !== head; node = gcNext(u32, node)) result.push(node);
    }
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
    const u32 = this.memory.u32;
    listMerge(u32, this.head(HEAD_MAIN), this.head(HEAD_PERMANENT));
    this.allocations = 0;
  }

  /** Moves the permanent generation back. */
  override unfreeze(): void {
    this.attachedHost(); // the list heads are gone once detached
    listMerge(this.memory.u32, this.head(HEAD_PERMANENT), this.head(HEAD_MAIN));
  }

  /** @inheritDoc */
  override freezeCount(): number {
    this.attachedHost(); // the list heads are gone once detached
    return listSize(this.memory.u32, this.head(HEAD_PERMANENT));
  }

  // ───────────────────────────── the cycle ─────────────────────────────

  private runIncrement(budget: number): number {
    this.collectingNow = true;
    const startedAt = performance.now();
    try {
      this.allocations = 0;
      if (this.phase === IDLE) this.startCycle();
      return this.advance(budget);
    } finally {
      this.collectingNow = false;
      const pause = performance.now() - startedAt;
      const totals = this.state.totals;
      totals.totalPauseMs += pause;
      if (pause > totals.maxPauseMs) totals.maxPauseMs = pause;
    }
  }

  private runToIdle(): number {
    let found = 0;
    while (this.phase !== IDLE) found += this.advance(Number.POSITIVE_INFINITY);
    return found;
  }

  /** IDLE → SNAPSHOT: everything tracked now is this cycle's; new objects wait for the next. */
  private startCycle(): void {
    const u32 = this.memory.u32;
    listMerge(u32, this.head(HEAD_MAIN), this.head(HEAD_PENDING));
    this.snapshotLength = 0;
    this.cursor = 0;
    this.worklist.length = 0;
    this.phase = SNAPSHOT;
  }

  /** Does up to `budget` objects of work; returns what a FINISH step found. */
  private advance(budget: number): number {
    let work = 0;
    let found = 0;
    while (work < budget && this.phase !== IDLE) {
      if (this.phase === SNAPSHOT) work += this.snapshotSome(budget - work);
      else if (this.phase === SUBTRACT) work += this.subtractSome(budget - work);
      else if (this.phase === MARK) work += this.markSome(budget - work);
      else if (this.phase === SWEEP) {
        work += this.sweepSome(budget - work);
        // sweepSome moves to RESTORE when done; FINISH runs before any restoring.
        if ((this.phase as number) === RESTORE) found += this.finish();
      } else work += this.restoreSome(budget - work);
    }
    return found;
  }

  private ensureCapacity(minimum: number): void {
    if (this.snapshot.length >= minimum) return;
    const size = Math.max(minimum, this.snapshot.length * 2);
    const used = this.snapshotLength;
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
    const pending = this.head(HEAD_PENDING);
    const permanent = this.head(HEAD_PERMANENT);
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
      if (obj !== 0) this.markReferents(obj, UNMARKED);
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
    const main = this.head(HEAD_MAIN);
    let work = 0;
    for (; work < budget; work++) {
      if (this.cursor >= this.snapshotLength) {
        this.phase = IDLE;
        this.snapshotLength = 0;
        this.cursor = 0;
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
    }
    return work;
  }

  /** Stops a running cycle: every snapshot object goes back to the main list. */
  private abortCycle(): void {
    if (this.phase === IDLE) return;
    this.candidates.length = 0;
    this.worklist.length = 0;
    if (this.phase !== RESTORE) {
      listMerge(this.memory.u32, this.head(HEAD_PENDING), this.head(HEAD_MAIN));
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

  /** Marks ALIVE (and queues on the worklist) every snapshot referent of `obj` marked `from`. */
  private markReferents(obj: Ptr, from: number): void {
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
    referents.length = 0;
  }

  /** FINISH: validate the candidates and free the garbage, CPython's way. One synchronous step. */
  private finish(): number {
    const host = this.attachedHost();
    const state = this.state;
    const types = this.types;
    const lifetime = host.lifetime;
    const startedAt = performance.now();
    state.invokeCallbacks(host, "start", 0, 0, 0);
    if (state.debug & DebugFlags.DEBUG_STATS) {
      state.debugSink(
        `gc: collecting generation 0...\ngc: objects in each generation: ${this.snapshotLength}\n` +
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

    // CPython: handle_resurrected_objects (our temporary reference is the 1 extra).
    const garbageNow = members.filter((_, k) => isGarbage(memberIndices[k]!));
    const garbageIndices = memberIndices.filter(isGarbage);
    this.validate(garbageNow, garbageIndices, 1);

    // CPython: delete_garbage.
    let collected = 0;
    const saveAll = (state.debug & DebugFlags.DEBUG_SAVEALL) !== 0;
    for (let k = 0; k < garbageNow.length; k++) {
      if (!isGarbage(garbageIndices[k]!)) continue;
      const obj = garbageNow[k]!;
      collected++;
      this.deleteGarbageObject(host, obj, saveAll);
    }
    for (const obj of members) lifetime.decref(obj); // frees the garbage
    members = [];
    memberIndices = [];

    if (state.debug & DebugFlags.DEBUG_STATS) {
      const seconds = (performance.now() - startedAt) / 1000;
      state.debugSink(
        `gc: done, ${collected + uncollectable} unreachable, ${uncollectable} uncollectable, ${seconds.toFixed(4)}s elapsed\n`,
      );
    }
    // A cycle's "collection" for the statistics; pauses are recorded per increment.
    const stats = state.perGeneration[0]!;
    stats.collections++;
    stats.collected += collected;
    stats.uncollectable += uncollectable;
    state.totals.collections++;
    state.totals.collected += collected;
    state.totals.uncollectable += uncollectable;
    // Every cycle covers the whole heap: clear the free lists like a full collection does.
    if (host.clearFreeLists !== undefined) {
      try {
        host.clearFreeLists();
      } catch (error) {
        host.reportUnraisable(error, "in garbage collection", 0);
      }
    }
    state.invokeCallbacks(host, "stop", 0, collected, uncollectable);
    return collected + uncollectable;
  }
}
