import { type Ptr, ReferenceStack } from "@pymem/core";
import type { GcCallback, GcCallbackInfo, GcPhase } from "@pymem/gc";
import type { Runtime } from "@pymem/runtime";
import { shortRepr } from "./short-repr.js";

/**
 * An object that a collection freed, with its references among the other freed objects, as it
 * was when the collection started.
 *
 * @example
 * ```ts
 * const label = `${ghost.typeName} ${ghost.repr}`;
 * ```
 */
export interface CollectedObject {
  /** Address it had. */
  readonly id: number;
  /** `type(obj).__name__`. */
  readonly typeName: string;
  /** One-line repr at the start of the collection. */
  readonly repr: string;
  /** Addresses of the other collected objects it referenced. */
  readonly references: readonly number[];
}

/**
 * One collection on the {@link GcTimelineRecorder}'s timeline.
 *
 * @example
 * ```ts
 * console.log(`gen ${event.generation}: ${event.collected} collected in ${event.pauseMilliseconds} ms`);
 * ```
 */
export interface GcEvent {
  /** Sequence number, from 0. */
  readonly index: number;
  /** The oldest generation collected (0 for single-generation collectors). */
  readonly generation: number;
  /** Objects freed (the `stop` callback's `collected`). */
  readonly collected: number;
  /** Objects found uncollectable (moved to `gc.garbage`). */
  readonly uncollectable: number;
  /**
   * Wall time from the `start` to the `stop` callback, in milliseconds. For the incremental
   * collector this spans all increments of the cycle, program time between them included.
   */
  readonly pauseMilliseconds: number;
  /** The statement running when the collection started (0-based; see {@link GcTimelineRecorder.step}). */
  readonly step: number;
  /** The source line then. */
  readonly line: number;
  /**
   * The freed objects (at most {@link GcTimelineOptions.maximumCollectedObjects}) with their
   * references, captured at `start`: the unreachable cycles the collection found.
   */
  readonly collectedObjects: readonly CollectedObject[];
}

/**
 * Options of a {@link GcTimelineRecorder}.
 *
 * @example
 * ```ts
 * new GcTimelineRecorder(runtime, { maximumCandidates: 2000 });
 * ```
 */
export interface GcTimelineOptions {
  /**
   * Most tracked objects inspected at `start` (those of the generations being collected); a
   * larger young generation is summarised by counts only.
   * @defaultValue 5000
   */
  maximumCandidates: number;
  /**
   * Most freed objects kept per event.
   * @defaultValue 40
   */
  maximumCollectedObjects: number;
  /**
   * Clock in milliseconds.
   * @defaultValue `performance.now`
   */
  now: () => number;
}

const DEFAULT_OPTIONS: GcTimelineOptions = {
  maximumCandidates: 5000,
  maximumCollectedObjects: 40,
  now: () => performance.now(),
};

/** What `start` saw of one candidate, to decide at `stop` whether it was freed. */
interface Candidate {
  obj: Ptr;
  typeId: number;
  typeName: string;
  repr: string;
  references: Ptr[];
}

/**
 * Records every collection of a runtime's cycle collector through `gc.callbacks`: generation,
 * objects collected, pause time, and — captured at `start`, before anything is freed — the objects
 * the collection is about to free and how they referenced each other, so a view can draw the
 * cycles that were collected.
 *
 * @remarks
 * At `start` it reads the tracked objects of the generations being collected (bounded by
 * {@link GcTimelineOptions.maximumCandidates}) and the {@link extraCandidates}; at `stop` the candidates that are no longer alive
 * (or whose address now holds another type) are the collected ones. Reading only: the callback
 * never touches a reference count. Call {@link dispose} to remove the callback.
 *
 * @example
 * ```ts
 * const timeline = new GcTimelineRecorder(runtime);
 * runtime.gc?.collect();
 * timeline.events[0]?.generation; // 2
 * ```
 */
export class GcTimelineRecorder {
  /** Every collection so far, oldest first. */
  readonly events: GcEvent[] = [];
  /** The statement counter stamped on events; the recorder's owner advances it. */
  step = 0;
  /** The source line stamped on events. */
  line = 0;
  /**
   * Objects to inspect at `start` besides the tracked objects of the collected generations —
   * the objects a view is drawing. Bacon–Rajan keeps no list of tracked objects, so for it these
   * are the only candidates.
   */
  extraCandidates: () => Iterable<Ptr> = () => [];
  private readonly runtime: Runtime;
  private readonly options: GcTimelineOptions;
  private readonly callback: GcCallback;
  private readonly stack = new ReferenceStack(16);
  private startedAt = 0;
  private startStep = 0;
  private startLine = 0;
  private candidates: Candidate[] = [];

  constructor(runtime: Runtime, options: Partial<GcTimelineOptions> = {}) {
    this.runtime = runtime;
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.callback = (phase: GcPhase, info: GcCallbackInfo) => this.onCallback(phase, info);
    runtime.gc?.callbacks.push(this.callback);
  }

  /** Collections per generation so far (index = generation). */
  collectionsPerGeneration(): number[] {
    const count = this.runtime.gc?.collector.generationCount ?? 1;
    const result = new Array<number>(count).fill(0);
    for (const event of this.events) result[event.generation] = (result[event.generation] ?? 0) + 1;
    return result;
  }

  /** Removes the `gc.callbacks` entry. */
  dispose(): void {
    const callbacks = this.runtime.gc?.callbacks;
    if (callbacks === undefined) return;
    const index = callbacks.indexOf(this.callback);
    if (index >= 0) callbacks.splice(index, 1);
  }

  private onCallback(phase: GcPhase, info: GcCallbackInfo): void {
    if (phase === "start") {
      this.startStep = this.step;
      this.startLine = this.line;
      this.candidates = this.captureCandidates(info.generation);
      this.startedAt = this.options.now();
      return;
    }
    const pauseMilliseconds = this.options.now() - this.startedAt;
    this.events.push({
      index: this.events.length,
      generation: info.generation,
      collected: info.collected,
      uncollectable: info.uncollectable,
      pauseMilliseconds,
      step: this.startStep,
      line: this.startLine,
      collectedObjects: this.collectedObjects(),
    });
    this.candidates = [];
  }

  private captureCandidates(generation: number): Candidate[] {
    const gc = this.runtime.gc;
    if (gc === undefined) return [];
    const { heap, lifetime } = this.runtime;
    const objects = new Set<Ptr>();
    const generations = gc.collector.generationCount;
    for (let g = 0; g <= Math.min(generation, generations - 1); g++) {
      for (const obj of gc.collector.objects(g)) objects.add(obj);
      if (objects.size > this.options.maximumCandidates) return [];
    }
    for (const obj of this.extraCandidates()) if (heap.isLive(obj)) objects.add(obj);
    const stack = this.stack;
    const candidates: Candidate[] = [];
    for (const obj of objects) {
      if (lifetime.isImmortal(obj)) continue;
      stack.length = 0;
      heap.types.pushReferences(obj, stack);
      const references = Array.from(stack.items.subarray(0, stack.length));
      candidates.push({
        obj,
        typeId: heap.typeOf(obj),
        typeName: heap.typeName(obj),
        repr: shortRepr(heap, obj),
        references,
      });
    }
    stack.length = 0;
    return candidates;
  }

  private collectedObjects(): CollectedObject[] {
    const heap = this.runtime.heap;
    const freed = this.candidates.filter(
      (candidate) => !heap.isLive(candidate.obj) || heap.typeOf(candidate.obj) !== candidate.typeId,
    );
    const kept = freed.slice(0, this.options.maximumCollectedObjects);
    const ids = new Set(kept.map((candidate) => candidate.obj));
    return kept.map((candidate) => ({
      id: candidate.obj,
      typeName: candidate.typeName,
      repr: candidate.repr,
      references: candidate.references.filter((to) => ids.has(to)),
    }));
  }
}
