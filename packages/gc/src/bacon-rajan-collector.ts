import {
  type CollectorHost,
  DerivedTypeFlags,
  GC_PREV_MASK_FINALIZED,
  GC_PREV_SHIFT,
  IMMORTAL_REFCNT,
  OB_TYPE_OFFSET,
  type Ptr,
  ReferenceStack,
  TypeFlags,
} from "@pymem/core";
import type { BaconRajanCollectorOptions, ManagedCollector } from "./api.js";
import { CollectorBase } from "./collector-base.js";
import { DebugFlags } from "./debug-flags.js";
import { GcValueError } from "./errors.js";
import { NEXT_WORD, PREV_WORD } from "./gc-list.js";

/*
 * GC head use (the collector owns it; bit 0 of gc_prev is the shared FINALIZED flag):
 *
 *   gc_next  ┌──────────────────────────── 0 ⇔ untracked ────────────────┬──────────┬───────┐
 *            │ 0 … 0                                                     │ TRACKED  │ color │
 *            └───────────────────────────────────────────────────────────┴──bit 2───┴─1─0───┘
 *   gc_prev  ┌──────────── root-buffer index + 1 (0 = not buffered) ────┬───────┬───────────┐
 *            │                                                          │ SAVED │ FINALIZED │
 *            └──────────────────────────────────────────────────────────┴─bit 1─┴───bit 0───┘
 *
 * SAVED (only inside a trial deletion): the object's reference count before the trial is in the
 * trial log, a flat array of (object, count) pairs:
 *
 *   trialLog  ┌────────┬─────────────┬────────┬─────────────┬─────┐
 *             │ obj 0  │ ob_refcnt 0 │ obj 1  │ ob_refcnt 1 │ …   │
 *             └────────┴─────────────┴────────┴─────────────┴─────┘
 *
 * Restoring from the log rather than by a second traversal keeps the counts exact when a
 * `traverse` hook throws half-way, or reports different referents the second time.
 *
 * Bacon–Rajan keeps no list of tracked objects (only candidate roots), so `get_objects` and
 * `get_referrers` cannot enumerate anything and there are no generations to freeze.
 */
const COLOR_MASK = 3;
const BLACK = 0; // in use (or free)
const GRAY = 1; // possible member of a garbage cycle; during finalization: "in the garbage set"
const WHITE = 2; // member of a garbage cycle
const PURPLE = 3; // possible root of a garbage cycle
const TRACKED = 4;
/** `gc_prev` bit 1: the count before the running trial deletion is saved in the trial log. */
const SAVED = 2;
/** Words per trial-log entry: the object, then its saved reference count. */
const TRIAL_ENTRY_WORDS = 2;

const DEFAULTS: Omit<BaconRajanCollectorOptions, "debugSink"> = {
  threshold: 10_001,
  thresholdStep: 10_000,
  thresholdMax: 1_000_000_000,
  thresholdTrigger: 100,
};

/**
 * A synchronous Bacon–Rajan cycle collector ("Concurrent Cycle Collection in Reference Counted
 * Systems", ECOOP 2001, Fig. 2) with PHP's adaptive root-buffer threshold (`zend_gc.c`).
 *
 * @remarks
 * - Candidate roots come from `onDecrefToNonZero` (purple, buffered once, O(1) removal through an
 *   index kept in `gc_prev`); an automatic collection runs when the buffer reaches the threshold.
 * - MarkRoots / ScanRoots / CollectRoots use explicit stacks, never recursion. Trial deletion
 *   decrements and restores the objects' real reference counts in memory, as PHP does; no code
 *   outside the collector runs while they are altered. The counts before the trial are saved, so a
 *   `traverse` hook that throws mid-collection leaves every count and colour as it was and the
 *   candidates buffered again: its error propagates and the next collection finds everything.
 * - The white set then gets CPython's treatment: legacy finalizers make it uncollectable
 *   (`garbage`), weakrefs are cleared and their callbacks called, PEP 442 finalizers run once, a
 *   second trial deletion finds what the finalizers resurrected, and the rest is cleared.
 * - Work is proportional to the subgraph reachable from the candidates, not to the heap.
 *
 * Use it where pauses must not grow with the number of live objects and most garbage cycles are
 * small and recent.
 *
 * @example
 * ```ts
 * import { BaconRajanCollector, GcModule } from "@pymem/gc";
 * const collector = new BaconRajanCollector({ threshold: 5000 });
 * refcounter.attachCollector(collector);
 * new GcModule(collector).collect();
 * ```
 */
export class BaconRajanCollector extends CollectorBase implements ManagedCollector {
  /** @inheritDoc */
  readonly name = "bacon-rajan";
  /** Candidate roots come from decrefs that leave an object alive. */
  readonly wantsDecrefNotifications = true;
  /** One "generation": the candidate roots. */
  readonly generationCount = 1;
  /** Whether a full root buffer starts a collection. */
  enabled = true;

  private readonly options: Omit<BaconRajanCollectorOptions, "debugSink">;
  private threshold: number;
  private roots = new Uint32Array(1024);
  private rootCount = 0;
  private readonly stack = new ReferenceStack(1024);
  private readonly children = new ReferenceStack(256);
  private readonly garbageSet = new ReferenceStack(256);
  private readonly blackStack = new ReferenceStack(256);
  /** Saved counts of the running trial deletion (see the diagram above). */
  private trialLog = new Uint32Array(512);
  private trialLogLength = 0;

  constructor(options: Partial<BaconRajanCollectorOptions> = {}) {
    super(1, options.debugSink);
    const { debugSink: _debugSink, ...numeric } = options;
    this.options = { ...DEFAULTS, ...numeric };
    for (const [key, value] of Object.entries(this.options)) {
      if (!Number.isInteger(value) || value <= 0)
        throw new GcValueError(`${key} must be a positive integer`);
    }
    this.threshold = this.options.threshold;
  }

  // ───────────────────────────── tracking and notifications ─────────────────────────────

  /** Starts tracking (black, not buffered). */
  track(obj: Ptr): void {
    this.checkTrackable(obj);
    const u32 = this.memory.u32;
    u32[(obj >>> 2) + NEXT_WORD] = TRACKED | BLACK;
  }

  /** @inheritDoc */
  onAllocate(obj: Ptr): void {
    const u32 = this.memory.u32;
    u32[(obj >>> 2) + NEXT_WORD] = 0;
    u32[(obj >>> 2) + PREV_WORD] = 0;
  }

  /** @inheritDoc */
  onDeallocate(obj: Ptr): void {
    this.forget(this.memory.u32, obj);
  }

  /** Bacon–Rajan `PossibleRoot(S)`: purple, buffered once; a full buffer starts a collection. */
  onDecrefToNonZero(obj: Ptr): void {
    const u32 = this.memory.u32;
    const nextIndex = (obj >>> 2) + NEXT_WORD;
    const next = u32[nextIndex]!;
    // GRAY only exists inside a collection (the garbage set while finalizers run): leave those
    // to the collection's own resurrection check.
    if (next === 0 || (next & COLOR_MASK) === PURPLE || (next & COLOR_MASK) === GRAY) return;
    if (!this.buffer(u32, obj)) return; // already buffered
    if (this.rootCount >= this.threshold && this.enabled && !this.collectingNow)
      this.collectMain(0);
  }

  /** Colours `obj` purple and appends it to the root buffer unless it is there; returns whether added. */
  private buffer(u32: Uint32Array, obj: Ptr): boolean {
    u32[(obj >>> 2) + NEXT_WORD] = TRACKED | PURPLE;
    const prevIndex = (obj >>> 2) + PREV_WORD;
    if (u32[prevIndex]! >>> GC_PREV_SHIFT !== 0) return false;
    if (this.rootCount === this.roots.length) {
      const bigger = new Uint32Array(this.roots.length * 2);
      bigger.set(this.roots);
      this.roots = bigger;
    }
    this.roots[this.rootCount++] = obj;
    u32[prevIndex] = (u32[prevIndex]! & GC_PREV_MASK_FINALIZED) | (this.rootCount << GC_PREV_SHIFT);
    return true;
  }

  /** Untracks and removes from the root buffer in O(1) (swap with the last root). */
  protected forget(u32: Uint32Array, obj: Ptr): void {
    const prevIndex = (obj >>> 2) + PREV_WORD;
    const slot = u32[prevIndex]! >>> GC_PREV_SHIFT;
    if (slot !== 0) {
      const last = this.roots[--this.rootCount]!;
      if (last !== obj) {
        this.roots[slot - 1] = last;
        const lastPrev = (last >>> 2) + PREV_WORD;
        u32[lastPrev] = (u32[lastPrev]! & GC_PREV_MASK_FINALIZED) | (slot << GC_PREV_SHIFT);
      }
    }
    u32[prevIndex]! &= GC_PREV_MASK_FINALIZED;
    u32[(obj >>> 2) + NEXT_WORD] = 0;
  }

  /** Empties the root buffer (the heap resets every GC head next). */
  protected override releaseAttach(_host: CollectorHost): void {
    this.rootCount = 0;
  }

  // ───────────────────────────── gc module surface ─────────────────────────────

  /** Collects the cycles reachable from the buffered candidate roots (`generation` must be 0). */
  collect(generation = 0): number {
    if (generation !== 0) throw new GcValueError("invalid generation");
    return this.collectMain(0);
  }

  /** `[buffered candidate roots]`. */
  getCount(): number[] {
    return [this.rootCount];
  }

  /** `[current adaptive threshold]`. */
  getThreshold(): number[] {
    return [this.threshold];
  }

  /** Sets the root-buffer threshold (0 disables automatic collection). */
  setThreshold(values: readonly number[]): void {
    this.threshold = values[0] === 0 ? Number.POSITIVE_INFINITY : values[0]!;
  }

  /** Bacon–Rajan keeps no list of tracked objects: nothing to enumerate. */
  objects(_generation: number): Ptr[] {
    return [];
  }

  // ───────────────────────────── the collection ─────────────────────────────

  private collectMain(generation: number): number {
    if (this.collectingNow) return 0;
    const host = this.attachedHost();
    this.collectingNow = true;
    try {
      return this.collectCycles(host, generation);
    } finally {
      this.collectingNow = false;
    }
  }

  /** Pushes the tracked, mortal GC children of `obj` onto `children`. */
  private pushChildren(obj: Ptr): void {
    const children = this.children;
    const base = children.length;
    this.types.pushReferences(obj, children);
    const u32 = this.memory.u32;
    const flags = this.types.flags;
    let kept = base;
    for (let i = base; i < children.length; i++) {
      const child = children.items[i]!;
      if (
        flags[u32[(child + OB_TYPE_OFFSET) >>> 2]!]! & TypeFlags.GC &&
        u32[(child >>> 2) + NEXT_WORD] !== 0 &&
        u32[child >>> 2]! < IMMORTAL_REFCNT
      ) {
        children.items[kept++] = child;
      }
    }
    children.length = kept;
  }

  private color(u32: Uint32Array, obj: Ptr): number {
    return u32[(obj >>> 2) + NEXT_WORD]! & COLOR_MASK;
  }

  private setColor(u32: Uint32Array, obj: Ptr, color: number): void {
    u32[(obj >>> 2) + NEXT_WORD] = TRACKED | color;
  }

  /** Bacon–Rajan `CollectCycles()` followed by CPython-style finalization of the white set. */
  private collectCycles(host: CollectorHost, generation: number): number {
    const state = this.state;
    const startedAt = state.startPause();
    state.invokeCallbacks(host, "start", generation, 0, 0);
    if (state.debug & DebugFlags.DEBUG_STATS) {
      state.writeDebug(
        `gc: collecting generation ${generation}...\n` +
          `gc: objects in each generation: ${this.rootCount}\n` +
          "gc: objects in permanent generation: 0\n",
      );
    }
    const roots = this.takeRoots();
    const white = this.garbageSet;
    white.length = 0;
    this.trialLogLength = 0;
    try {
      this.markRoots(roots);
      this.scanRoots(roots);
      this.collectRoots(roots, white);
    } catch (error) {
      // A traverse hook threw: nothing has been freed, so undo the trial deletion and keep the
      // candidates for the next collection.
      this.abandonTrial(roots);
      throw error;
    }
    const { collected, uncollectable } = this.finalizeWhite(host, white);
    this.adjustThreshold(collected);
    if (state.debug & DebugFlags.DEBUG_STATS) {
      const seconds = state.elapsed(startedAt) / 1000;
      state.writeDebug(
        `gc: done, ${collected + uncollectable} unreachable, ${uncollectable} uncollectable, ${seconds.toFixed(4)}s elapsed\n`,
      );
    }
    state.record(host, generation, collected, uncollectable, state.elapsed(startedAt));
    state.invokeCallbacks(host, "stop", generation, collected, uncollectable);
    return collected + uncollectable;
  }

  /** Empties the buffer (buffered = false for all) and returns the purple ones. */
  private takeRoots(): Uint32Array {
    const u32 = this.memory.u32;
    const taken = new Uint32Array(this.rootCount);
    let n = 0;
    for (let i = 0; i < this.rootCount; i++) {
      const obj = this.roots[i]!;
      u32[(obj >>> 2) + PREV_WORD]! &= GC_PREV_MASK_FINALIZED;
      if (this.color(u32, obj) === PURPLE) taken[n++] = obj;
    }
    this.rootCount = 0;
    return taken.subarray(0, n);
  }

  /** `MarkRoots` / `MarkGray`: trial-delete internal references below the roots. */
  private markRoots(roots: Uint32Array): void {
    const stack = this.stack;
    const children = this.children;
    for (const root of roots) {
      stack.length = 0;
      stack.push(root);
      while (stack.length > 0) {
        const obj = stack.pop();
        const u32 = this.memory.u32;
        if (this.color(u32, obj) === GRAY) continue;
        this.setColor(u32, obj, GRAY);
        children.length = 0;
        this.pushChildren(obj);
        for (let i = 0; i < children.length; i++) {
          const child = children.items[i]!;
          this.trialDecrement(u32, child);
          if (this.color(u32, child) !== GRAY) stack.push(child);
        }
      }
    }
  }

  /** `ScanRoots` / `Scan`: gray with a count left → `ScanBlack`; otherwise white. */
  private scanRoots(roots: Uint32Array): void {
    const stack = this.stack;
    const children = this.children;
    for (const root of roots) {
      stack.length = 0;
      stack.push(root);
      while (stack.length > 0) {
        const obj = stack.pop();
        const u32 = this.memory.u32;
        if (this.color(u32, obj) !== GRAY) continue;
        if ((u32[obj >>> 2]! | 0) > 0) {
          this.scanBlack(obj);
          continue;
        }
        this.setColor(u32, obj, WHITE);
        children.length = 0;
        this.pushChildren(obj);
        for (let i = 0; i < children.length; i++) stack.push(children.items[i]!);
      }
    }
  }

  /** `ScanBlack`: restore the counts of an externally reachable subgraph. */
  private scanBlack(start: Ptr): void {
    const blackStack = this.blackStack;
    blackStack.length = 0;
    const children = this.children;
    const u32 = this.memory.u32;
    this.setColor(u32, start, BLACK);
    blackStack.push(start);
    while (blackStack.length > 0) {
      const obj = blackStack.pop();
      children.length = 0;
      this.pushChildren(obj);
      for (let i = 0; i < children.length; i++) {
        const child = children.items[i]!;
        u32[child >>> 2]!++;
        if (this.color(u32, child) !== BLACK) {
          this.setColor(u32, child, BLACK);
          blackStack.push(child);
        }
      }
    }
  }

  /** `CollectRoots` / `CollectWhite`: gather the white set; restore its members' counts. */
  private collectRoots(roots: Uint32Array, white: ReferenceStack): void {
    const stack = this.stack;
    const children = this.children;
    for (const root of roots) {
      stack.length = 0;
      stack.push(root);
      while (stack.length > 0) {
        const obj = stack.pop();
        const u32 = this.memory.u32;
        if (this.color(u32, obj) !== WHITE) continue;
        this.setColor(u32, obj, GRAY); // GRAY now means "in the garbage set"
        white.push(obj);
        children.length = 0;
        this.pushChildren(obj);
        for (let i = 0; i < children.length; i++) stack.push(children.items[i]!);
      }
    }
    // MarkGray decremented every edge out of a white object and nothing restored it (ScanBlack
    // restored the black ones): every count is back to its saved value.
    children.length = 0;
    this.restoreTrial();
  }

  /** Trial deletion of one reference to `obj`, saving its count first (see the diagram above). */
  private trialDecrement(u32: Uint32Array, obj: Ptr): void {
    const prevIndex = (obj >>> 2) + PREV_WORD;
    if ((u32[prevIndex]! & SAVED) === 0) {
      u32[prevIndex]! |= SAVED;
      let log = this.trialLog;
      if (this.trialLogLength === log.length) {
        log = new Uint32Array(log.length * 2);
        log.set(this.trialLog);
        this.trialLog = log;
      }
      log[this.trialLogLength] = obj;
      log[this.trialLogLength + 1] = u32[obj >>> 2]!;
      this.trialLogLength += TRIAL_ENTRY_WORDS;
    }
    u32[obj >>> 2]!--;
  }

  /** Puts back every count the running trial deletion saved, and clears SAVED. */
  private restoreTrial(): void {
    const u32 = this.memory.u32;
    const log = this.trialLog;
    for (let i = 0; i < this.trialLogLength; i += TRIAL_ENTRY_WORDS) {
      const obj = log[i]!;
      u32[obj >>> 2] = log[i + 1]!;
      u32[(obj >>> 2) + PREV_WORD]! &= ~SAVED;
    }
    this.trialLogLength = 0;
  }

  /**
   * Error path of MarkRoots / ScanRoots / CollectRoots: restores the counts, colours everything the
   * trial reached black again and buffers the roots once more, so the next collection starts
   * from the same candidates.
   */
  private abandonTrial(roots: Uint32Array): void {
    const u32 = this.memory.u32;
    const log = this.trialLog;
    // Every object the trial coloured is a root or had a reference trial-deleted (it was
    // reached through an edge), so it is in the log.
    for (let i = 0; i < this.trialLogLength; i += TRIAL_ENTRY_WORDS) {
      const obj = log[i]!;
      if (u32[(obj >>> 2) + NEXT_WORD] !== 0) this.setColor(u32, obj, BLACK);
    }
    this.restoreTrial();
    for (const root of roots) if (u32[(root >>> 2) + NEXT_WORD] !== 0) this.buffer(u32, root);
    this.stack.length = 0;
    this.children.length = 0;
    this.blackStack.length = 0;
    this.garbageSet.length = 0;
  }

  /**
   * CPython's handling of the unreachable set, applied to the white set: legacy finalizers aside,
   * weakrefs, PEP 442 finalizers, resurrection, `tp_clear`. Every member is held by a temporary
   * reference throughout, so a finalizer can free nothing under our feet.
   */
  private finalizeWhite(
    host: CollectorHost,
    white: ReferenceStack,
  ): { collected: number; uncollectable: number } {
    const members = Array.from(white.items.subarray(0, white.length));
    if (members.length === 0) return { collected: 0, uncollectable: 0 };
    const lifetime = host.lifetime;
    for (const obj of members) lifetime.incref(obj);
    try {
      return this.finalizeMembers(host, members);
    } finally {
      // Normally every member is black by now; after a throwing traverse hook some are still
      // GRAY ("in the garbage set"). Black again, the decref below buffers the survivors as
      // candidate roots, so the next collection looks at them again.
      const u32 = this.memory.u32;
      for (const obj of members)
        if (u32[(obj >>> 2) + NEXT_WORD] !== 0) this.setColor(u32, obj, BLACK);
      for (const obj of members) lifetime.decref(obj); // frees the garbage
    }
  }

  /** The body of {@link finalizeWhite}: `members` are held by a temporary reference each. */
  private finalizeMembers(
    host: CollectorHost,
    members: Ptr[],
  ): { collected: number; uncollectable: number } {
    const lifetime = host.lifetime;
    const types = this.types;
    const state = this.state;
    // CPython: move_legacy_finalizers + move_legacy_finalizer_reachable — uncollectable.
    const legacy = this.keepReachableFrom(
      members.filter((obj) => types.flags[types.typeOf(obj)]! & DerivedTypeFlags.HAS_DEL),
    );
    let uncollectable = 0;
    for (const obj of legacy) {
      uncollectable++;
      if (state.debug & DebugFlags.DEBUG_UNCOLLECTABLE)
        state.debugCycle(host, "uncollectable", obj);
      this.saveUncollectable(host, obj);
    }
    let candidates = members.filter((obj) => this.color(this.memory.u32, obj) === GRAY);
    if (state.debug & DebugFlags.DEBUG_COLLECTABLE)
      for (const obj of candidates) state.debugCycle(host, "collectable", obj);

    // CPython: handle_weakrefs — clear first, then call callbacks of weakrefs that are not trash.
    const weakrefs = host.weakrefs;
    const callbacks: Ptr[] = [];
    for (const obj of candidates) {
      if (weakrefs.isWeakref?.(obj)) weakrefs.clear(obj);
      if ((types.flags[types.typeOf(obj)]! & DerivedTypeFlags.WEAKREFABLE) === 0) continue;
      for (let wr = weakrefs.first(obj); wr !== 0; wr = weakrefs.first(obj)) {
        weakrefs.clear(wr);
        if (!weakrefs.hasCallback(wr)) continue;
        const u32 = this.memory.u32;
        const wrIsGc = (types.flags[types.typeOf(wr)]! & TypeFlags.GC) !== 0;
        if (wrIsGc && u32[(wr >>> 2) + NEXT_WORD] !== 0 && this.color(u32, wr) === GRAY) continue;
        lifetime.incref(wr);
        callbacks.push(wr);
      }
    }
    const programStartedAt = this.state.clock();
    for (const wr of callbacks) {
      this.callWeakrefCallback(host, wr);
      lifetime.decref(wr);
    }

    // CPython: finalize_garbage — once per object.
    for (const obj of candidates) {
      this.finalizeOnce(host, obj);
    }
    this.state.endProgramCode(programStartedAt);

    // CPython: handle_resurrected_objects — a second trial deletion inside the garbage set.
    this.keepReachableFrom(this.externallyReferenced(candidates));
    candidates = candidates.filter((obj) => this.color(this.memory.u32, obj) === GRAY);
    const collected = candidates.length;

    // CPython: delete_garbage.
    const saveAll = (state.debug & DebugFlags.DEBUG_SAVEALL) !== 0;
    for (const obj of candidates) {
      this.setColor(this.memory.u32, obj, BLACK);
      this.deleteGarbageObject(host, obj, saveAll);
    }
    return { collected, uncollectable };
  }

  /** Garbage-set members (GRAY) referenced from outside the set (besides our temporary reference). */
  private externallyReferenced(set: Ptr[]): Ptr[] {
    const children = this.children;
    this.trialLogLength = 0;
    try {
      for (const obj of set) {
        children.length = 0;
        this.pushChildren(obj);
        const u32 = this.memory.u32;
        for (let i = 0; i < children.length; i++) {
          const child = children.items[i]!;
          if (this.color(u32, child) === GRAY) this.trialDecrement(u32, child);
        }
      }
      const u32 = this.memory.u32;
      return set.filter((obj) => (u32[obj >>> 2]! | 0) > 1);
    } finally {
      // Also when a traverse hook threw: the counts must not stay trial-decremented.
      children.length = 0;
      this.restoreTrial();
    }
  }

  /** Marks `starts` and every garbage-set member they reach BLACK (kept alive); returns them. */
  private keepReachableFrom(starts: Ptr[]): Ptr[] {
    const kept: Ptr[] = [];
    const stack = this.stack;
    const children = this.children;
    stack.length = 0;
    for (const obj of starts) stack.push(obj);
    while (stack.length > 0) {
      const obj = stack.pop();
      const u32 = this.memory.u32;
      if (this.color(u32, obj) !== GRAY) continue;
      this.setColor(u32, obj, BLACK);
      kept.push(obj);
      children.length = 0;
      this.pushChildren(obj);
      for (let i = 0; i < children.length; i++) stack.push(children.items[i]!);
    }
    children.length = 0;
    return kept;
  }

  /** PHP: `gc_adjust_threshold` — unproductive runs raise the threshold, productive ones lower it. */
  private adjustThreshold(collected: number): void {
    if (!Number.isFinite(this.threshold)) return;
    const { threshold, thresholdStep, thresholdMax, thresholdTrigger } = this.options;
    if (collected < thresholdTrigger) {
      this.threshold = Math.min(this.threshold + thresholdStep, thresholdMax);
    } else if (this.threshold > threshold) {
      this.threshold = Math.max(this.threshold - thresholdStep, threshold);
    }
  }
}
