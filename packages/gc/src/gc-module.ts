import {
  GC_PREV_MASK_FINALIZED,
  GC_PREV_OFFSET,
  type Ptr,
  ReferenceStack,
  TypeFlags,
} from "@pymem/core";
import type { GcCallback, GenerationStats, ManagedCollector } from "./api.js";
import { DebugFlags } from "./debug-flags.js";
import { GcTypeError, GcValueError } from "./errors.js";

/**
 * Python's `gc` module over a {@link ManagedCollector}: the same functions, camelCased, with
 * CPython 3.13's argument checking and error messages.
 *
 * @remarks
 * Objects are addresses (`Ptr`). Functions that return objects in Python return addresses here;
 * `garbage` entries hold a reference each (drop it with `lifetime.decref` when you remove one).
 *
 * @example
 * ```ts
 * import { GcModule, GenerationalCollector } from "@pymem/gc";
 * const collector = new GenerationalCollector();
 * collector.attach(host);
 * const gc = new GcModule(collector);
 * gc.disable();
 * gc.collect();            // a full collection; returns unreachable objects found
 * gc.getThreshold();       // [2000, 10, 10]
 * ```
 */
export class GcModule {
  /** Print collection statistics. CPython: `gc.DEBUG_STATS`. */
  readonly DEBUG_STATS = DebugFlags.DEBUG_STATS;
  /** Print collectable objects. CPython: `gc.DEBUG_COLLECTABLE`. */
  readonly DEBUG_COLLECTABLE = DebugFlags.DEBUG_COLLECTABLE;
  /** Print uncollectable objects. CPython: `gc.DEBUG_UNCOLLECTABLE`. */
  readonly DEBUG_UNCOLLECTABLE = DebugFlags.DEBUG_UNCOLLECTABLE;
  /** Save unreachable objects in `garbage`. CPython: `gc.DEBUG_SAVEALL`. */
  readonly DEBUG_SAVEALL = DebugFlags.DEBUG_SAVEALL;
  /** `DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL`. CPython: `gc.DEBUG_LEAK`. */
  readonly DEBUG_LEAK = DebugFlags.DEBUG_LEAK;

  /** The collector this module drives. */
  readonly collector: ManagedCollector;
  private readonly stack = new ReferenceStack(64);

  constructor(collector: ManagedCollector) {
    this.collector = collector;
  }

  /**
   * Uncollectable objects found by collections (and every unreachable one under `DEBUG_SAVEALL`).
   * CPython: `gc.garbage`.
   */
  get garbage(): Ptr[] {
    return this.collector.garbage;
  }

  /** Callbacks run before and after every collection. CPython: `gc.callbacks`. */
  get callbacks(): GcCallback[] {
    return this.collector.callbacks;
  }

  /** Enables automatic collection. CPython: `gc.enable()`. */
  enable(): void {
    this.collector.enabled = true;
  }

  /** Disables automatic collection (explicit `collect` still works). CPython: `gc.disable()`. */
  disable(): void {
    this.collector.enabled = false;
  }

  /** CPython: `gc.isenabled()`. */
  isEnabled(): boolean {
    return this.collector.enabled;
  }

  /**
   * Runs a collection of `generation` (default: the oldest) and returns the number of unreachable
   * objects found. Returns 0 when called from inside a collection (a finalizer or callback).
   * CPython: `gc.collect(generation=2)`.
   *
   * @example
   * ```ts
   * gc.collect(0);   // youngest generation
   * gc.collect(5);   // throws GcValueError("invalid generation")
   * ```
   */
  collect(generation?: number): number {
    const count = this.collector.generationCount;
    const requested = generation ?? count - 1;
    if (typeof requested !== "number" || !Number.isInteger(requested))
      throw new GcTypeError(`'${typeof requested}' object cannot be interpreted as an integer`);
    if (requested < 0 || requested >= count) throw new GcValueError("invalid generation");
    return this.collector.collect(requested);
  }

  /** CPython: `gc.get_count()`. */
  getCount(): number[] {
    return this.collector.getCount();
  }

  /** CPython: `gc.get_threshold()`. */
  getThreshold(): number[] {
    return this.collector.getThreshold();
  }

  /**
   * Sets the collection thresholds; `setThreshold(0)` disables automatic collection.
   * CPython: `gc.set_threshold(threshold0[, threshold1[, threshold2]])`.
   *
   * @example
   * ```ts
   * gc.setThreshold(700, 10, 10);
   * ```
   */
  setThreshold(...thresholds: number[]): void {
    if (thresholds.length < 1 || thresholds.length > 3)
      throw new GcTypeError("gc.set_threshold requires 1 to 3 arguments");
    for (const value of thresholds) {
      if (typeof value !== "number" || !Number.isInteger(value))
        throw new GcTypeError(`'${typeof value}' object cannot be interpreted as an integer`);
    }
    this.collector.setThreshold(thresholds);
  }

  /** CPython: `gc.get_stats()`. */
  getStats(): GenerationStats[] {
    return this.collector.generationStats();
  }

  /**
   * Tracked objects of one generation, or of all (`undefined` or -1). CPython: `gc.get_objects`.
   *
   * @example
   * ```ts
   * gc.getObjects(0).includes(list);   // true for a list created since the last collection
   * ```
   */
  getObjects(generation?: number | null): Ptr[] {
    const count = this.collector.generationCount;
    if (generation === undefined || generation === null) return this.collector.objects(-1);
    if (typeof generation !== "number" || !Number.isInteger(generation))
      throw new GcTypeError(`argument should be integer or None, not '${typeof generation}'`);
    if (generation >= count) {
      throw new GcValueError(
        `generation parameter must be less than the number of available generations (${count})`,
      );
    }
    if (generation < -1) throw new GcValueError("generation parameter cannot be negative");
    return this.collector.objects(generation);
  }

  /**
   * Tracked objects that reference any of `objects`. CPython: `gc.get_referrers(*objs)`.
   *
   * @example
   * ```ts
   * gc.getReferrers(item).includes(list);   // true when list holds item
   * ```
   */
  getReferrers(...objects: Ptr[]): Ptr[] {
    const types = this.collector.attachedHost().types;
    const wanted = new Set(objects);
    const result: Ptr[] = [];
    const stack = this.stack;
    for (const candidate of this.collector.objects(-1)) {
      stack.length = 0;
      types.pushReferences(candidate, stack);
      for (let i = 0; i < stack.length; i++) {
        if (wanted.has(stack.items[i]!)) {
          result.push(candidate);
          break;
        }
      }
    }
    stack.length = 0;
    return result;
  }

  /**
   * Objects directly referenced by any of `objects` (non-GC objects contribute nothing, as in
   * CPython, whose `tp_traverse` only GC types have). CPython: `gc.get_referents(*objs)`.
   *
   * @example
   * ```ts
   * gc.getReferents(list);   // the list's items
   * ```
   */
  getReferents(...objects: Ptr[]): Ptr[] {
    const types = this.collector.attachedHost().types;
    const result: Ptr[] = [];
    const stack = this.stack;
    for (const obj of objects) {
      if ((types.flags[types.typeOf(obj)]! & TypeFlags.GC) === 0) continue;
      stack.length = 0;
      types.pushReferences(obj, stack);
      for (let i = 0; i < stack.length; i++) result.push(stack.items[i]!);
    }
    stack.length = 0;
    return result;
  }

  /** CPython: `gc.is_tracked(obj)`. */
  isTracked(obj: Ptr): boolean {
    return this.collector.isTracked(obj);
  }

  /** Whether a GC object's finalizer has run. CPython: `gc.is_finalized(obj)`. */
  isFinalized(obj: Ptr): boolean {
    const host = this.collector.attachedHost();
    const types = host.types;
    if ((types.flags[types.typeOf(obj)]! & TypeFlags.GC) === 0) return false;
    return (host.memory.u32[(obj + GC_PREV_OFFSET) >>> 2]! & GC_PREV_MASK_FINALIZED) !== 0;
  }

  /** Moves all tracked objects to the permanent generation (ignored by collections). CPython: `gc.freeze()`. */
  freeze(): void {
    this.collector.freeze();
  }

  /** Returns the permanent generation to the oldest generation. CPython: `gc.unfreeze()`. */
  unfreeze(): void {
    this.collector.unfreeze();
  }

  /** CPython: `gc.get_freeze_count()`. */
  getFreezeCount(): number {
    return this.collector.freezeCount();
  }

  /**
   * Sets the debug flags ({@link DebugFlags}); output goes to the collector's `debugSink`.
   * CPython: `gc.set_debug(flags)`.
   */
  setDebug(flags: number): void {
    if (typeof flags !== "number" || !Number.isInteger(flags))
      throw new GcTypeError(`'${typeof flags}' object cannot be interpreted as an integer`);
    this.collector.debug = flags;
  }

  /** CPython: `gc.get_debug()`. */
  getDebug(): number {
    return this.collector.debug;
  }
}
