import type { Allocator, Collector, LinearMemory, Ptr } from "@pymem/core";
import { GcModule, type ManagedCollector } from "@pymem/gc";
import { defaultUnraisableSink, Heap } from "@pymem/heap";
import {
  DebugAllocator,
  PoolAllocator,
  TracingAllocator,
  type TracingAllocatorOptions,
} from "@pymem/pool";
import { Refcounter } from "@pymem/refcount";
import type { CollectorName, RuntimeOptions, TextSink } from "./api.js";
import { frozenObjects, refreeze } from "./collector-swap.js";
import { fromJS, type PythonValue, toJS } from "./convert.js";
import { collectorByName, isManagedCollector } from "./create-collector.js";
import { formatFreeListStats } from "./free-list-stats.js";
import { repr } from "./repr.js";

/** Writes to standard error, the default of every sink (CPython writes these to `sys.stderr`). */
const stderrSink: TextSink = defaultUnraisableSink;

/**
 * A wired pymem runtime: the pool allocator, the heap of Python objects, reference counting and a
 * cycle collector, with `sys`- and `gc`-like helpers. Build one with {@link createRuntime}.
 *
 * @example
 * ```ts
 * const runtime = createRuntime();
 * const l = runtime.fromJS([1, 2]);
 * runtime.repr(l); // "[1, 2]"
 * runtime.lifetime.decref(l);
 * ```
 */
export class Runtime {
  /** The linear memory every object lives in. Read its views at each use: they change on growth. */
  readonly memory: LinearMemory;
  /** The pymalloc allocator underneath, whatever wraps it (its `stats()`, `snapshot()`, …). */
  readonly pool: PoolAllocator;
  /** The allocator the heap allocates through: the pool, wrapped by the debug and tracing allocators when enabled. */
  get allocator(): Allocator {
    return this.heap.allocator;
  }
  /** The debug hooks (`options.debug`), or `undefined`. */
  readonly debugAllocator: DebugAllocator<PoolAllocator> | undefined;
  /** The tracer (`options.tracing`, or installed by {@link installTracer}), or `undefined`. */
  get tracer(): TracingAllocator | undefined {
    return this.currentTracer;
  }
  private currentTracer: TracingAllocator | undefined;
  /** The objects: built-in types, classes, free lists. */
  readonly heap: Heap;
  /** Reference counting (`incref`, `decref`, `refcount`), attached to the heap. */
  readonly lifetime: Refcounter;
  /** The cycle collector, or `undefined` with `collector: "none"`. Changed by {@link setCollector}. */
  get collector(): Collector | undefined {
    return this.currentCollector;
  }
  /**
   * Python's `gc` module over the collector, or `undefined` when there is none or it does not
   * implement `@pymem/gc`'s `ManagedCollector` (extend `@pymem/gc`'s `CollectorBase` to get it).
   * Follows {@link setCollector}.
   */
  get gc(): GcModule | undefined {
    return this.currentGc;
  }
  private currentCollector: Collector | undefined;
  private currentGc: GcModule | undefined;
  private readonly debugSink: TextSink;

  /** @internal Use {@link createRuntime}. */
  constructor(options: Partial<RuntimeOptions> = {}) {
    const unraisableSink = options.unraisableSink ?? stderrSink;
    const debugSink = options.debugSink ?? stderrSink;
    // Resolve the collector first: an unknown name must fail before anything is built.
    const collector =
      typeof options.collector === "object"
        ? options.collector
        : collectorByName(options.collector ?? "generational", debugSink);
    this.pool = new PoolAllocator({
      profile: options.profile ?? "cpython32",
      ...(options.maximumBytes !== undefined ? { maximumBytes: options.maximumBytes } : {}),
      ...(options.initialBytes !== undefined ? { initialBytes: options.initialBytes } : {}),
    });
    this.memory = this.pool.memory;
    let allocator: Allocator = this.pool;
    this.debugAllocator = options.debug === true ? new DebugAllocator(this.pool) : undefined;
    if (this.debugAllocator !== undefined) allocator = this.debugAllocator;
    const tracing = options.tracing ?? false;
    this.currentTracer =
      tracing === false
        ? undefined
        : new TracingAllocator(allocator, tracing === true ? { startTracing: true } : tracing);
    if (this.currentTracer !== undefined) allocator = this.currentTracer;
    this.heap = new Heap({
      allocator,
      debug: options.debug ?? false,
      freeLists: options.freeLists ?? true,
      hashSeed: options.hashSeed,
      unraisableSink,
    });
    this.lifetime = new Refcounter(this.heap);
    this.debugSink = debugSink;
    if (collector !== undefined) this.lifetime.attachCollector(collector);
    this.currentCollector = collector;
    this.currentGc =
      collector !== undefined && isManagedCollector(collector)
        ? new GcModule(collector)
        : undefined;
  }

  /**
   * The runtime's tracer, made on first use when the runtime was created without one: a
   * `TracingAllocator` with `options` over the current allocator, through which the heap
   * allocates from then on. Python's `tracemalloc.start()` calls it, so that tracing costs nothing
   * until a program asks for it. An existing tracer is returned as is (`options` ignored).
   *
   * @example
   * ```ts
   * const tracer = runtime.installTracer();
   * tracer.start(1);
   * ```
   */
  installTracer(options: Partial<TracingAllocatorOptions> = {}): TracingAllocator {
    if (this.currentTracer === undefined) {
      this.currentTracer = new TracingAllocator(this.heap.allocator, options);
      this.heap.replaceAllocator(this.currentTracer);
    }
    return this.currentTracer;
  }

  /**
   * Replaces the cycle collector on the live heap: a {@link CollectorName} (`"none"` detaches
   * it) or your own `Collector`. Returns the new collector.
   *
   * @remarks
   * Every object the old collector tracked is tracked by the new one, so its next full
   * collection finds the garbage made before the swap (see `heap.setCollector`). When both
   * collectors implement `ManagedCollector`, the `gc` module state carries over: the debug
   * flags, `enabled` (`gc.disable()` stays in force), `gc.callbacks`, the safe-point hook
   * (`onCollectionScheduled`, an interpreter's), `gc.garbage` (with the
   * references its entries hold) and the frozen objects (`gc.freeze()`), which go to the new
   * collector's permanent generation — Bacon–Rajan has none, so there they become ordinary
   * tracked objects. Thresholds and counts do not carry over: their meaning differs between
   * collectors, and the new one starts from its own. When the new collector has no `gc` module
   * (`"none"`, a plain `Collector`), `gc.garbage`'s references are dropped. The old collector is
   * finished: it cannot be attached again, and a `GcModule` kept from before refuses to run.
   * Refused with an `Error` during a collection (from a finalizer or a `gc` callback); throws
   * {@link UnknownCollectorError} for an unknown name, before anything changes.
   *
   * @example
   * ```ts
   * const runtime = createRuntime({ collector: "generational" });
   * runtime.setCollector("bacon-rajan");
   * runtime.gc?.collect(); // Bacon–Rajan finds cycles made under the generational collector
   * ```
   */
  setCollector(nameOrCollector: CollectorName | Collector): Collector | undefined {
    const next =
      typeof nameOrCollector === "object"
        ? nameOrCollector
        : collectorByName(nameOrCollector, this.debugSink);
    const old = this.currentCollector;
    if (next === old) return next;
    if (old?.collecting === true)
      throw new Error("cannot replace the collector while it is collecting");
    const oldManaged = old !== undefined && isManagedCollector(old) ? old : undefined;
    const nextManaged = next !== undefined && isManagedCollector(next) ? next : undefined;
    // Read before the swap: the old collector's lists are gone afterwards.
    const frozen = oldManaged !== undefined ? frozenObjects(this.heap, oldManaged) : [];
    try {
      if (next === undefined) this.lifetime.detachCollector();
      else this.lifetime.attachCollector(next);
    } catch (error) {
      // Refused (the old collector stays), or the new one failed half-way: then no collector.
      if (this.heap.collector === undefined) this.settleWithoutCollector(oldManaged);
      throw error;
    }
    const garbage = oldManaged?.garbage.splice(0) ?? [];
    this.currentCollector = next;
    this.currentGc = nextManaged !== undefined ? new GcModule(nextManaged) : undefined;
    if (nextManaged === undefined) {
      for (const obj of garbage) this.lifetime.decref(obj);
      return next;
    }
    if (oldManaged !== undefined) {
      nextManaged.debug = oldManaged.debug;
      nextManaged.enabled = oldManaged.enabled;
      nextManaged.callbacks.push(...oldManaged.callbacks);
      // A host with safe points keeps them (a collection scheduled on the old one is dropped).
      if ("onCollectionScheduled" in nextManaged)
        nextManaged.onCollectionScheduled = oldManaged.onCollectionScheduled;
    }
    nextManaged.garbage.push(...garbage);
    if (frozen.length > 0) refreeze(nextManaged, frozen);
    return next;
  }

  /** After a failed swap left the heap with no collector: no `gc`, `gc.garbage`'s references dropped. */
  private settleWithoutCollector(oldManaged: ManagedCollector | undefined): void {
    this.currentCollector = undefined;
    this.currentGc = undefined;
    for (const obj of oldManaged?.garbage.splice(0) ?? []) this.lifetime.decref(obj);
  }

  /**
   * `sys.getrefcount(obj)`: the reference count **plus one**, because in CPython the call's own
   * argument binding holds a reference while the count is read — `x = object();
   * sys.getrefcount(x)` is 2. Immortal objects (None, True, small ints…) report the immortal
   * count unchanged, as CPython 3.12+ does. For the count itself use `lifetime.refcount(obj)`.
   *
   * @example
   * ```ts
   * const x = runtime.fromJS([]);
   * runtime.getrefcount(x); // 2 — as sys.getrefcount(x) after x = []
   * ```
   */
  getrefcount(obj: Ptr): number {
    const count = this.lifetime.refcount(obj);
    return this.lifetime.isImmortal(obj) ? count : count + 1;
  }

  /**
   * `sys.getsizeof(obj)` in pymem's 32-bit layout: the object, its GC head for GC types and the
   * blocks it owns (a list's item array, a dict's keys).
   *
   * @example
   * ```ts
   * runtime.getsizeof(runtime.heap.none); // 8
   * ```
   */
  getsizeof(obj: Ptr): number {
    return this.heap.getsizeof(obj);
  }

  /**
   * `sys._debugmallocstats()` as CPython 3.13 prints it: the pymalloc statistics of the pool
   * (size classes, arenas, byte accounting, arena map), a blank line, then the free lists
   * (`free PyDictObjects`, `free PyDictKeysObjects`, `free PyFloatObjects`, `free PyListObjects`,
   * `free N-sized PyTupleObjects` for N = 1…20).
   *
   * @example
   * ```ts
   * process.stderr.write(runtime.debugMallocStats());
   * ```
   */
  debugMallocStats(): string {
    // CPython: sys__debugmallocstats_impl() — pymalloc stats, '\n', _PyObject_DebugTypeStats().
    return `${this.pool.debugMallocStats()}\n${formatFreeListStats(this.heap.freeListSizes())}`;
  }

  /**
   * `sys.gettotalrefcount()` (debug builds of CPython): the sum of the reference counts of all
   * live mortal objects.
   *
   * @example
   * ```ts
   * const before = runtime.gettotalrefcount();
   * ```
   */
  gettotalrefcount(): number {
    return this.heap.totalRefcount();
  }

  /**
   * `sys.getallocatedblocks()`: blocks the pool allocator has handed out and not taken back —
   * pymalloc blocks plus large (raw) blocks, as CPython counts them.
   *
   * @example
   * ```ts
   * runtime.getallocatedblocks() > 0; // true: the singletons and small ints
   * ```
   */
  getallocatedblocks(): number {
    return this.pool.stats().blocksInUse;
  }

  /**
   * Builds Python objects from a JavaScript value and returns a **new reference** (drop it with
   * `runtime.lifetime.decref`). Numbers become int or float, strings str, booleans and null
   * True/False/None, arrays lists, {@link tuple}(…) tuples, Maps and plain objects dicts;
   * cyclic input gives cyclic containers. See {@link fromJS} for the details and error cases.
   *
   * @example
   * ```ts
   * const obj = runtime.fromJS([1, "a", tuple(2), { k: null }]);
   * runtime.repr(obj); // "[1, 'a', (2,), {'k': None}]"
   * ```
   */
  fromJS(value: unknown): Ptr {
    return fromJS(this.heap, this.lifetime, value);
  }

  /**
   * Reads an object back as a JavaScript value (lists → arrays, tuples → {@link TupleValue},
   * dicts → Maps). Iterative; see {@link toJS}.
   *
   * @example
   * ```ts
   * runtime.toJS(runtime.fromJS({ k: [1.5] })); // Map { "k" => [1.5] }
   * ```
   */
  toJS(obj: Ptr): PythonValue {
    return toJS(this.heap, obj);
  }

  /**
   * `repr(obj)` as CPython prints it, including `[...]` for recursive containers.
   *
   * @example
   * ```ts
   * runtime.repr(runtime.fromJS(1)); // "1"
   * ```
   */
  repr(obj: Ptr): string {
    return repr(this.heap, obj);
  }

  /**
   * Checks every structure — object headers and references, heap bookkeeping, the debug
   * allocator's guard bytes, the pool's arenas and free lists — and throws
   * `HeapCorruptionError` at the first inconsistency.
   *
   * @example
   * ```ts
   * runtime.verify();
   * ```
   */
  verify(): void {
    // heap.verify() ends with allocator.verify(), which walks the wrappers down to the pool.
    this.heap.verify();
  }
}

/**
 * Creates a runtime: a `PoolAllocator` (wrapped in `DebugAllocator` / `TracingAllocator` when
 * asked), a `Heap`, a `Refcounter` and the chosen cycle collector with its `gc` module.
 *
 * @remarks
 * Throws {@link UnknownCollectorError} for a collector name it does not know. Nothing needs
 * disposing: the runtime holds only JavaScript objects and its linear memory, which the
 * JavaScript engine reclaims with it.
 *
 * @example
 * ```ts
 * import { createRuntime } from "@pymem/runtime";
 * const runtime = createRuntime({ collector: "generational", maximumBytes: 64 << 20 });
 * const l = runtime.fromJS([]);
 * runtime.heap.listAppend(l, l); // l.append(l)
 * runtime.lifetime.decref(l);
 * runtime.gc?.collect(); // 1
 * ```
 */
export function createRuntime(options: Partial<RuntimeOptions> = {}): Runtime {
  return new Runtime(options);
}
