import {
  type Allocator,
  type Collector,
  DerivedTypeFlags,
  GC_PREV_MASK_FINALIZED,
  GC_PREV_OFFSET,
  IMMORTAL_REFCNT,
  GC_HEAD_SIZE as IMPORTED_GC_HEAD_SIZE,
  GC_NEXT_OFFSET as IMPORTED_GC_NEXT_OFFSET,
  InvalidPointerError,
  type Lifetime,
  type LinearMemory,
  OB_REFCNT_OFFSET,
  OB_SIZE_OFFSET,
  OB_TYPE_OFFSET,
  OBJECT_HEAD_SIZE,
  type Ptr,
  TypeFlags,
  type TypeId,
  type TypeSpec,
  TypeTable,
  UseAfterFreeError,
} from "@pymem/core";
import type { HeapOptions, KeyProtocol, UnraisableHook } from "./api.js";
import { type BigIntOperations, bigIntOperations } from "./big-int-objects.js";
import { CallbackTable } from "./callback-table.js";
import { type ComplexOperations, complexOperations } from "./complex-objects.js";
import { createDefaultAllocator } from "./default-allocator.js";
import { type DictOperations, dictOperations } from "./dict-objects.js";
import { dictHasTrackableItems } from "./dict-table.js";
import {
  FREE_DICT,
  FREE_FLOAT,
  FREE_LIST,
  FREE_LIST_COUNT,
  FREE_TUPLE_BASE,
  FreeLists,
  TUPLE_MAX_SAVE_SIZE,
} from "./free-lists.js";
import { type DebugOperations, debugOperations } from "./heap-debug.js";
import { installOperations } from "./install-operations.js";
import { type ClassInfo, type InstanceOperations, instanceOperations } from "./instance-objects.js";
import {
  COMPLEX_SIZE,
  DICT_ENTRIES_OFFSET,
  DICT_KEYS_OFFSET,
  DICT_NENTRIES_OFFSET,
  DICT_SIZE,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
  FLOAT_SIZE,
  INT_SIZE,
  INT_VALUE_OFFSET,
  LIST_ITEMS_OFFSET,
  LIST_SIZE,
  LIST_SIZE_OFFSET,
  NONE_SIZE,
  SET_ENTRY_KEY_OFFSET,
  SET_ENTRY_SIZE,
  SET_MASK_OFFSET,
  SET_SIZE,
  SET_SMALLTABLE_OFFSET,
  SET_TABLE_OFFSET,
  SET_WEAKLIST_OFFSET,
  STR_DATA_OFFSET,
  TUPLE_ITEMS_OFFSET,
  TUPLE_SIZE_OFFSET,
  WEAKREF_SIZE,
} from "./layouts.js";
import { type ListOperations, listOperations } from "./list-objects.js";
import { BITMAP_WORD_BYTES } from "./live-bitmap.js";
import {
  type NumberOperations,
  numberOperations,
  SMALL_INT_MAX,
  SMALL_INT_MIN,
} from "./number-objects.js";
import { type DeallocOperations, deallocOperations } from "./object-dealloc.js";
import { type HashOperations, hashOperations } from "./object-hash.js";
import { KIND_GENERIC, KIND_INSTANCE, KIND_LIST, ObjectKind } from "./object-kind.js";
import { type SetAlgebraOperations, setAlgebraOperations } from "./set-algebra.js";
import { type SetOperations, setOperations } from "./set-objects.js";
import { StrIndexCache } from "./str-index-cache.js";
import { type StrOperations, strOperations } from "./str-objects.js";
import { type HashSecret, hashSecretFromSeed } from "./string-hash.js";
import { type TupleOperations, tupleOperations } from "./tuple-objects.js";
import { defaultUnraisableSink, formatUnraisable } from "./unraisable.js";
import { type WeakrefOperations, weakrefOperations } from "./weakref-objects.js";

export { ObjectKind, SMALL_INT_MAX, SMALL_INT_MIN };

/** The largest memory a heap can use: object addresses must stay below 2^31 (signed shifts). */
const MAX_HEAP_BYTES = 2 ** 31;

// Hot-path copies of imported constants for the release fast path (see
// architecture/hot-path-constants.md).
const GC_NEXT_OFFSET = IMPORTED_GC_NEXT_OFFSET;
const GC_HEAD_SIZE = IMPORTED_GC_HEAD_SIZE;

/**
 * A Python object heap in linear memory: the type registry, CPython's built-in types, user classes,
 * weak references and the bookkeeping of which objects are alive.
 *
 * @remarks
 * Objects live in the allocator's {@link LinearMemory} with core's header layout; no JavaScript
 * object exists per heap object. Reference counting itself is a {@link Lifetime} attached by
 * `@pymem/refcount` (`new Refcounter(heap)`); a cycle collector is attached with
 * {@link Heap.setCollector}. Ownership convention (CPython's): `new*` and `intern` return a new
 * reference; getters return borrowed ones; container stores borrow (and incref) what they store.
 * `int` holds safe integers (|n| ≤ 2^53 − 1) as float64.
 *
 * @example
 * ```ts
 * import { Heap } from "@pymem/heap";
 * import { Refcounter } from "@pymem/refcount";
 * const heap = new Heap();
 * const rc = new Refcounter(heap);
 * const list = heap.newList([heap.newInt(1), heap.none]);
 * rc.decref(list); // freed at once
 * ```
 */
export class Heap {
  /** The allocator every object comes from. */
  readonly allocator: Allocator;
  /** The linear memory objects live in. */
  readonly memory: LinearMemory;
  /** The type registry (built-in types are ids 1–12). */
  readonly types: TypeTable;
  /** Whether debug mode (use-after-free detection) is on. */
  readonly debug: boolean;
  /** The attached reference counting, set by `@pymem/refcount`. */
  lifetime: Lifetime | undefined = undefined;
  /** The attached cycle collector, if any. */
  collector: Collector | undefined = undefined;
  /**
   * Hashing and equality for objects of types the heap does not know (user classes, types from
   * {@link Heap.defineType}); without it they hash by address and compare by identity.
   */
  keyProtocol: KeyProtocol | undefined = undefined;
  /**
   * Classes deriving from a hashable built-in (`class Key(str)`) whose `__hash__` or `__eq__` is
   * not the built-in's: their instances hash and compare through {@link Heap.keyProtocol}, not by
   * value (CPython: such a class's `tp_hash`/`tp_richcompare` are `slot_tp_hash`/
   * `slot_tp_richcompare`). The interpreter keeps the set current.
   */
  readonly keyProtocolTypes = new Set<TypeId>();
  /**
   * One bit per 8-byte granule of memory: set ⇔ an object starts there and is alive. Public for
   * `@pymem/refcount`'s pointer checks; do not write.
   * @internal
   */
  liveBits: Uint32Array<ArrayBuffer>;
  /** Per type id: the {@link ObjectKind} (read only: the heap owns it). */
  kinds = new Uint8Array(64);

  readonly noneType: TypeId;
  readonly intType: TypeId;
  readonly boolType: TypeId;
  readonly floatType: TypeId;
  readonly strType: TypeId;
  readonly tupleType: TypeId;
  readonly listType: TypeId;
  readonly dictType: TypeId;
  /**
   * The type of an instance's attributes dict while CPython 3.13 would keep them as inline
   * values (no dict object): laid out and behaving as a dict, but never counted by the
   * collector, never free-listed, never tracked. See `newManagedDict`.
   */
  readonly managedDictType: TypeId;
  readonly weakrefType: TypeId;
  readonly setType: TypeId;
  readonly frozensetType: TypeId;
  readonly complexType: TypeId;
  /** The immortal `None`. */
  readonly none: Ptr;
  /** The immortal `True`. */
  readonly true: Ptr;
  /** The immortal `False`. */
  readonly false: Ptr;
  /** The immortal empty tuple. */
  readonly emptyTuple: Ptr;

  private freedBits: Uint32Array<ArrayBuffer>;
  /** Per type id: how many objects of that type are alive. @internal */
  liveByType = new Int32Array(64);
  /** Per type id: the class metadata of {@link Heap.defineClass} classes. @internal */
  readonly classes: (ClassInfo | undefined)[] = [];
  /** The immortal small ints, indexed by `value - SMALL_INT_MIN`. @internal */
  readonly smallInts = new Uint32Array(SMALL_INT_MAX - SMALL_INT_MIN + 1);
  /** The intern table: text → its interned `str` (not an owned reference). @internal */
  readonly interned = new Map<string, Ptr>();
  /** Code-point offsets of recently indexed non-ASCII strs (see `str-index-cache.ts`). @internal */
  readonly strIndex = new StrIndexCache();
  /** The weakref callbacks, by the id stored in a weakref's callback word. @internal */
  readonly callbacks = new CallbackTable();
  /** CPython's object free lists. @internal */
  readonly freeLists: FreeLists;
  private readonly unraisableHook: UnraisableHook;
  /** The key of the `str` hash (SipHash-1-3), from {@link HeapOptions.hashSeed}. @internal */
  readonly hashSecret: HashSecret;
  // Declared last: fields are laid out in declaration order, and the hot paths' fields above
  // keep the slots they had before these were added.
  private readonly unraisableSink: (text: string) => void;
  /** Debug mode: the type of each freed object, so a later use of it can say what it was. */
  private readonly freedTypes = new Map<Ptr, TypeId>();

  /**
   * Routes every later allocation and free through `allocator`, which must wrap the current one
   * over the same memory (a `TracingAllocator` installed when tracing starts, as
   * `tracemalloc.start()` does on a running interpreter). Blocks allocated before go back through
   * the new allocator, which forwards them.
   *
   * @example
   * ```ts
   * heap.replaceAllocator(new TracingAllocator(heap.allocator, { startTracing: true }));
   * ```
   */
  replaceAllocator(allocator: Allocator): void {
    if (allocator.memory !== this.memory)
      throw new Error("the replacement allocator must use the heap's memory");
    (this as { allocator: Allocator }).allocator = allocator;
  }

  constructor(options: Partial<HeapOptions> = {}) {
    this.allocator = options.allocator ?? createDefaultAllocator();
    this.memory = this.allocator.memory;
    if (this.memory.maximumBytes > MAX_HEAP_BYTES) {
      // Objects above 2 GiB would alias negative indexes: the hot paths read `i32[obj >> 2]`.
      throw new RangeError(
        `the heap's memory may grow to ${this.memory.maximumBytes} bytes, above ${MAX_HEAP_BYTES} (2 GiB), the most a Heap can address (object addresses are read with signed 32-bit shifts): cap the memory at 2 GiB`,
      );
    }
    this.types = new TypeTable(this.memory);
    this.debug = options.debug ?? false;
    const sink = options.unraisableSink ?? defaultUnraisableSink;
    this.unraisableSink = sink;
    this.unraisableHook =
      options.unraisableHook ?? ((error, context) => sink(formatUnraisable(error, context)));
    const words = Math.ceil(this.memory.byteLength / BITMAP_WORD_BYTES);
    this.liveBits = new Uint32Array(words);
    this.freedBits = new Uint32Array(this.debug ? words : 0);
    this.freeLists = new FreeLists(options.freeLists ?? true);
    this.hashSecret = hashSecretFromSeed(options.hashSeed);

    const immutable = TypeFlags.IMMUTABLE;
    const gc = TypeFlags.GC;
    const base = TypeFlags.BASETYPE;
    this.noneType = this.registerBuiltin(ObjectKind.NONE, {
      name: "NoneType",
      basicSize: NONE_SIZE,
      flags: immutable,
    });
    this.intType = this.registerBuiltin(ObjectKind.INT, {
      name: "int",
      basicSize: INT_SIZE,
      flags: immutable | base,
    });
    this.boolType = this.registerBuiltin(ObjectKind.BOOL, {
      name: "bool",
      basicSize: INT_SIZE,
      flags: immutable,
      base: this.intType,
    });
    this.floatType = this.registerBuiltin(ObjectKind.FLOAT, {
      name: "float",
      basicSize: FLOAT_SIZE,
      flags: immutable | base,
    });
    this.strType = this.registerBuiltin(ObjectKind.STR, {
      name: "str",
      basicSize: STR_DATA_OFFSET,
      itemSize: 1,
      flags: immutable | base,
    });
    this.tupleType = this.registerBuiltin(ObjectKind.TUPLE, {
      name: "tuple",
      basicSize: TUPLE_ITEMS_OFFSET,
      itemSize: 4,
      // CPython: untrack_tuples() in every collection.
      flags: gc | immutable | base | TypeFlags.UNTRACK_WHEN_ATOMIC,
      references: {
        items: {
          storage: "inline",
          offset: TUPLE_ITEMS_OFFSET,
          countOffset: TUPLE_SIZE_OFFSET,
          stride: 4,
          referenceOffsets: [0],
        },
      },
    });
    this.listType = this.registerBuiltin(ObjectKind.LIST, {
      name: "list",
      basicSize: LIST_SIZE,
      flags: gc | base,
      references: {
        items: {
          storage: "indirect",
          offset: LIST_ITEMS_OFFSET,
          countOffset: LIST_SIZE_OFFSET,
          stride: 4,
          referenceOffsets: [0],
        },
      },
      clear: (obj) => this.listClear(obj),
    });
    const dictSpec = (flags: number): TypeSpec => ({
      name: "dict",
      basicSize: DICT_SIZE,
      flags,
      references: {
        items: {
          storage: "indirect",
          offset: DICT_ENTRIES_OFFSET,
          countOffset: DICT_NENTRIES_OFFSET,
          stride: ENTRY_SIZE,
          referenceOffsets: [ENTRY_KEY_OFFSET, ENTRY_VALUE_OFFSET],
        },
      },
      clear: (obj) => this.dictClear(obj),
    });
    // CPython ≤ 3.13: untrack_dicts() in full collections only.
    this.dictType = this.registerBuiltin(
      ObjectKind.DICT,
      dictSpec(gc | base | TypeFlags.UNTRACK_WHEN_ATOMIC_ON_FULL),
    );
    this.weakrefType = this.registerBuiltin(ObjectKind.WEAKREF, {
      name: "weakref.ReferenceType",
      basicSize: WEAKREF_SIZE,
      flags: gc | base,
      // A callback that is a heap object is a strong reference in wr_callback (tagged word, so a hook).
      traverse: (obj, visit) => this.weakrefTraverse(obj, visit),
      clear: (obj) => this.weakrefGcClear(obj),
    });
    const setSpec = (name: string, extraFlags: number): TypeSpec => ({
      name,
      basicSize: SET_SIZE,
      flags: gc | base | extraFlags,
      weaklistOffset: SET_WEAKLIST_OFFSET,
      // The table's size is its mask + 1, which the declarative item layout cannot express.
      traverse: (obj, visit) => this.setTraverse(obj, visit),
      clear: (obj) => this.setClear(obj),
    });
    this.setType = this.registerBuiltin(ObjectKind.SET, setSpec("set", 0));
    this.frozensetType = this.registerBuiltin(
      ObjectKind.FROZENSET,
      setSpec("frozenset", immutable),
    );
    this.complexType = this.registerBuiltin(ObjectKind.COMPLEX, {
      name: "complex",
      basicSize: COMPLEX_SIZE,
      flags: immutable | base,
    });

    // Registered last, so the other built-ins keep their type ids.
    this.managedDictType = this.registerBuiltin(ObjectKind.DICT, dictSpec(gc));
    this.none = this.allocateImmortal(this.noneType, NONE_SIZE, false);
    this.true = this.allocateImmortal(this.boolType, INT_SIZE, false);
    this.memory.f64[(this.true + INT_VALUE_OFFSET) >>> 3] = 1;
    this.false = this.allocateImmortal(this.boolType, INT_SIZE, false);
    this.memory.f64[(this.false + INT_VALUE_OFFSET) >>> 3] = 0;
    this.emptyTuple = this.allocateImmortal(this.tupleType, TUPLE_ITEMS_OFFSET, true);
    this.memory.i32[(this.emptyTuple + TUPLE_SIZE_OFFSET) >> 2] = 0;
    for (let value = SMALL_INT_MIN; value <= SMALL_INT_MAX; value++) {
      const obj = this.allocateImmortal(this.intType, INT_SIZE, false);
      this.memory.f64[(obj + INT_VALUE_OFFSET) >>> 3] = value;
      this.smallInts[value - SMALL_INT_MIN] = obj;
    }
  }

  // ────────────────────────────────────────────────────────────── types

  /**
   * Registers a type with a raw {@link TypeSpec} (declarative layout, hooks). Instances come from
   * {@link allocate}; their default deallocation drops every declared reference and frees them.
   *
   * @example
   * ```ts
   * const pair = heap.defineType({ name: "pair", basicSize: 16, flags: TypeFlags.GC, references: { fixed: [8, 12] } });
   * ```
   */
  defineType(spec: TypeSpec): TypeId {
    return this.registerType(ObjectKind.GENERIC, spec);
  }

  /**
   * The type id of a live object (throws {@link InvalidPointerError} for anything else).
   *
   * @example
   * ```ts
   * heap.typeOf(heap.none) === heap.noneType; // true
   * ```
   */
  typeOf(obj: Ptr): TypeId {
    this.checkLive(obj);
    return this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
  }

  /** The type name of a live object. */
  typeName(obj: Ptr): string {
    return this.types.spec(this.typeOf(obj)).name;
  }

  /** The {@link ObjectKind} of a live object. */
  kindOf(obj: Ptr): number {
    return this.kinds[this.typeOf(obj)]!;
  }

  /**
   * Whether `obj`'s type is `typeId` or derives from it (single inheritance).
   *
   * @example
   * ```ts
   * heap.isInstance(heap.true, heap.intType); // true: bool derives from int
   * ```
   */
  isInstance(obj: Ptr, typeId: TypeId): boolean {
    for (let t = this.typeOf(obj); t !== 0; t = this.types.baseType[t]!)
      if (t === typeId) return true;
    return false;
  }

  // ────────────────────────────────────────────────────────────── collector

  /**
   * Attaches, replaces or detaches (with `undefined`) the cycle collector, on a live heap.
   *
   * @remarks
   * The collector must already be attached to its host: use `@pymem/refcount`'s
   * `rc.attachCollector(collector)` (or `runtime.setCollector`), which calls this. Replacing a
   * collector:
   * 1. decides which live objects the new collector tracks — those the old collector tracked
   *    (`isTracked`), or, with no collector before, those CPython would track (every GC object
   *    but dicts holding only atomic items);
   * 2. calls the old collector's `detach` and resets the GC head of every live GC object (the
   *    old collector's links, colours and counts are gone; only the FINALIZED bit, which belongs
   *    to the object, stays);
   * 3. tracks the objects of step 1 with the new collector and, when it wants decref
   *    notifications (Bacon–Rajan), offers each one as a possible cycle root — so its next
   *    collection finds garbage made before the swap.
   *
   * Refused with an `Error` while the old collector is collecting (from a finalizer or callback).
   * If the new collector's `track` throws, the error propagates and the heap is left with no
   * collector (every GC head reset); attaching a working one recovers.
   *
   * @example
   * ```ts
   * rc.attachCollector(new IncrementalCollector()); // calls heap.setCollector
   * ```
   */
  setCollector(collector: Collector | undefined): void {
    const old = this.collector;
    if (old === collector) return;
    if (old?.collecting === true)
      throw new Error("cannot replace the collector while it is collecting");
    const u32 = this.memory.u32;
    const track: Ptr[] = [];
    const gcObjects: Ptr[] = [];
    this.forEachLiveObject((obj) => {
      const typeId = u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
      if ((this.types.flags[typeId]! & TypeFlags.GC) === 0) return;
      gcObjects.push(obj);
      if (old === undefined && this.isImmortal(obj)) return;
      const tracked =
        old !== undefined
          ? old.isTracked(obj)
          : this.kinds[typeId] !== ObjectKind.DICT || dictHasTrackableItems(this, obj);
      if (tracked) track.push(obj);
    });
    old?.detach?.();
    this.collector = undefined;
    for (const obj of gcObjects) {
      u32[(obj + GC_NEXT_OFFSET) >>> 2] = 0;
      u32[(obj + GC_PREV_OFFSET) >>> 2]! &= GC_PREV_MASK_FINALIZED;
    }
    if (collector === undefined) return;
    for (const obj of track) {
      try {
        collector.track(obj);
      } catch (error) {
        for (const done of gcObjects) {
          this.memory.u32[(done + GC_NEXT_OFFSET) >>> 2] = 0;
          this.memory.u32[(done + GC_PREV_OFFSET) >>> 2]! &= GC_PREV_MASK_FINALIZED;
        }
        throw error;
      }
    }
    this.collector = collector;
    if (collector.wantsDecrefNotifications)
      for (const obj of track) collector.onDecrefToNonZero(obj);
  }

  /**
   * Whether an object may currently be part of a cycle as far as tracking goes: false for
   * non-GC objects and untracked tuples. CPython: `_PyObject_GC_MAY_BE_TRACKED`.
   *
   * @example
   * ```ts
   * heap.mayBeTracked(heap.newInt(5)); // false
   * ```
   */
  mayBeTracked(obj: Ptr): boolean {
    const typeId = this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    if ((this.types.flags[typeId]! & TypeFlags.GC) === 0) return false;
    if (this.kinds[typeId] === ObjectKind.TUPLE) {
      if (obj === this.emptyTuple) return false;
      return this.collector === undefined || this.memory.u32[(obj + GC_NEXT_OFFSET) >>> 2] !== 0;
    }
    return true;
  }

  /**
   * Whether a collector may untrack this tuple or dict because nothing in it can be part of a
   * cycle. CPython: `_PyTuple_MaybeUntrack` (all items atomic or untracked) and
   * `_PyDict_MaybeUntrack` (every key and value). Other objects: false.
   *
   * @example
   * ```ts
   * if (host.canUntrack(obj)) collector.untrack(obj); // in untrack_tuples / untrack_dicts
   * ```
   */
  canUntrack(obj: Ptr): boolean {
    const typeId = this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    const kind = this.kinds[typeId];
    if (kind === ObjectKind.TUPLE) {
      const u32 = this.memory.u32;
      const size = this.memory.i32[(obj + TUPLE_SIZE_OFFSET) >> 2]!;
      for (let i = 0; i < size; i++) {
        const item = u32[(obj + TUPLE_ITEMS_OFFSET + 4 * i) >>> 2]!;
        if (item !== 0 && this.mayBeTracked(item)) return false;
      }
      return true;
    }
    if (kind === ObjectKind.DICT) return !dictHasTrackableItems(this, obj);
    return false;
  }

  /** Tracks `obj` with the attached collector, if any. @internal */
  track(obj: Ptr): void {
    if (this.collector !== undefined) this.collector.track(obj);
  }

  // ────────────────────────────────────────────────────────────── allocation

  /**
   * Allocates a zero-filled object of a type registered with {@link defineType} (or a class),
   * with `itemCount` inline items for variable-size types, and returns a new reference. GC
   * instances are tracked.
   *
   * @example
   * ```ts
   * const p = heap.allocate(pairType);
   * ```
   */
  allocate(typeId: TypeId, itemCount = 0): Ptr {
    this.types.spec(typeId);
    const flags = this.types.flags[typeId]!;
    const gc = (flags & TypeFlags.GC) !== 0;
    const size = this.types.basicSize[typeId]! + this.types.itemSize[typeId]! * itemCount;
    const obj = this.allocateObject(typeId, size, gc);
    this.memory.u8.fill(0, obj + OBJECT_HEAD_SIZE, obj + size);
    if (flags & DerivedTypeFlags.VARIABLE_SIZE)
      this.memory.i32[(obj + OB_SIZE_OFFSET) >> 2] = itemCount;
    if (gc) this.linkNew(obj, true);
    return obj;
  }

  /**
   * Allocates the block for a new object, writes its header (refcount 1) and marks it alive. The
   * caller initialises the body, then calls {@link collectorAllocated} for GC objects.
   *
   * @internal
   */
  allocateObject(typeId: TypeId, size: number, gc: boolean): Ptr {
    let obj: Ptr;
    if (gc) {
      const block = this.allocator.malloc(size + GC_HEAD_SIZE);
      obj = block + GC_HEAD_SIZE;
      const u32 = this.memory.u32;
      u32[(obj + GC_NEXT_OFFSET) >>> 2] = 0;
      u32[(obj + GC_PREV_OFFSET) >>> 2] = 0;
    } else {
      obj = this.allocator.malloc(size);
    }
    const u32 = this.memory.u32;
    u32[obj >>> 2] = 1;
    u32[(obj + OB_TYPE_OFFSET) >>> 2] = typeId;
    this.markLive(obj, typeId);
    return obj;
  }

  /**
   * CPython: `_PyObject_GC_Link` — counts a GC allocation from the allocator. `onAllocate` may
   * run an automatic collection, and a user collector may throw: then the new object, which no
   * caller will receive, is discarded (see {@link discardNew}) and the error goes on.
   *
   * @internal
   */
  collectorAllocated(obj: Ptr): void {
    const collector = this.collector;
    if (collector === undefined) return;
    try {
      collector.onAllocate(obj);
    } catch (error) {
      this.discardNew(obj);
      throw error;
    }
  }

  /**
   * A new GC object is built: counts it as an allocation (when `counted`: free-list reuse is not
   * one) and tracks it. If the collector throws, the object is discarded rather than leaked, and
   * the error goes on. CPython: `_PyObject_GC_Link` + `_PyObject_GC_TRACK`.
   *
   * @internal
   */
  linkNew(obj: Ptr, counted: boolean): void {
    const collector = this.collector;
    if (collector === undefined) return;
    if (counted) this.collectorAllocated(obj);
    try {
      collector.track(obj);
    } catch (error) {
      this.discardNew(obj);
      throw error;
    }
  }

  /**
   * Drops the only reference to an object whose construction failed in the collector, so it dies
   * (releasing the references it holds) instead of leaking half-built. Its finalizer is marked
   * as run: the object never reached user code. A failure while discarding is dropped, as the
   * construction's error is the one the caller must see.
   */
  private discardNew(obj: Ptr): void {
    const lifetime = this.lifetime;
    if (lifetime === undefined || !this.isLive(obj) || this.memory.i32[obj >> 2] !== 1) return;
    this.memory.u32[(obj + GC_PREV_OFFSET) >>> 2]! |= GC_PREV_MASK_FINALIZED;
    try {
      lifetime.decref(obj);
    } catch {
      // The collector that failed may fail again in onDeallocate: the first error wins.
    }
  }

  private allocateImmortal(typeId: TypeId, size: number, gc: boolean): Ptr {
    const obj = this.allocateObject(typeId, size, gc);
    this.memory.u32[obj >>> 2] = IMMORTAL_REFCNT;
    return obj;
  }

  /**
   * Takes an object from a free list (0 if empty) and revives it: refcount 1, its type, untracked,
   * alive. The caller rewrites the body.
   *
   * @internal
   */
  popFree(list: number, typeId: TypeId): Ptr {
    const u32 = this.memory.u32;
    const obj = this.freeLists.pop(u32, list);
    if (obj === 0) return 0;
    u32[obj >>> 2] = 1;
    u32[(obj + OB_TYPE_OFFSET) >>> 2] = typeId;
    // Only GC objects have a GC head: a float's gc_prev word would be the last 4 bytes of
    // whatever block precedes it (found by the whole-stack fuzzer: it zeroed a live float).
    if (list !== FREE_FLOAT) u32[(obj + GC_PREV_OFFSET) >>> 2] = 0;
    this.markLive(obj, typeId);
    return obj;
  }

  private markLive(obj: Ptr, typeId: TypeId): void {
    const word = obj >>> 8;
    if (word >= this.liveBits.length) this.growBitmaps(word + 1);
    const bit = 1 << ((obj >>> 3) & 31);
    this.liveBits[word]! |= bit;
    if (this.debug) this.forgetFreed(word, bit, obj);
    this.liveByType[typeId]!++;
  }

  private markDead(obj: Ptr, typeId: TypeId): void {
    const word = obj >>> 8;
    const bit = 1 << ((obj >>> 3) & 31);
    this.liveBits[word]! &= ~bit;
    if (this.debug) this.rememberFreed(word, bit, obj, typeId);
    this.liveByType[typeId]!--;
  }

  // Debug mode's bookkeeping, out of line: markLive and markDead stay as small as they were, so
  // V8 still inlines them into the allocation and release paths.
  private rememberFreed(word: number, bit: number, obj: Ptr, typeId: TypeId): void {
    this.freedBits[word]! |= bit;
    this.freedTypes.set(obj, typeId);
  }

  private forgetFreed(word: number, bit: number, obj: Ptr): void {
    this.freedBits[word]! &= ~bit;
    this.freedTypes.delete(obj);
  }

  private growBitmaps(minimumWords: number): void {
    // Geometric growth (bounded by the memory's cap): near the cap the memory grows a little at a
    // time, and copying the bitmaps at every step would make each allocation O(memory).
    const doubled = Math.min(
      2 * this.liveBits.length,
      Math.ceil(this.memory.maximumBytes / BITMAP_WORD_BYTES),
    );
    const words = Math.max(
      minimumWords,
      doubled,
      Math.ceil(this.memory.byteLength / BITMAP_WORD_BYTES),
    );
    const live = new Uint32Array(words);
    live.set(this.liveBits);
    this.liveBits = live;
    if (this.debug) {
      const freed = new Uint32Array(words);
      freed.set(this.freedBits);
      this.freedBits = freed;
    }
  }

  // ────────────────────────────────────────────────────────────── liveness checks

  /**
   * Whether `obj` is the address of a live object of this heap.
   *
   * @example
   * ```ts
   * heap.isLive(heap.none); // true
   * ```
   */
  isLive(obj: Ptr): boolean {
    if ((obj & 7) !== 0 || obj <= 0 || obj !== obj >>> 0) return false;
    return ((this.liveBits[obj >>> 8] ?? 0) & (1 << ((obj >>> 3) & 31))) !== 0;
  }

  /**
   * Throws unless `obj` is a live object: {@link UseAfterFreeError} for a freed one (debug mode),
   * {@link InvalidPointerError} for anything else.
   *
   * @example
   * ```ts
   * heap.checkLive(ptr);
   * ```
   */
  checkLive(obj: Ptr): void {
    if (!this.isLive(obj)) this.throwNotLive(obj, "object");
  }

  /** @internal Builds and throws the error for a pointer that is not a live object. */
  throwNotLive(obj: Ptr, what: string): never {
    const freedType = this.freedTypeName(obj);
    if (freedType !== undefined)
      throw new UseAfterFreeError(obj, `${what} was freed (it was a '${freedType}')`, freedType);
    if (this.debug && this.wasFreed(obj)) throw new UseAfterFreeError(obj, `${what} was freed`);
    if (obj !== obj >>> 0)
      throw new InvalidPointerError(
        obj,
        `not an address (an integer in [0, 2**32)), so not a live ${what}`,
      );
    throw new InvalidPointerError(obj, `not a live ${what} of this heap`);
  }

  /**
   * Debug mode: whether `obj` is the address of an object that was freed (and not reused).
   *
   * @internal
   */
  wasFreed(obj: Ptr): boolean {
    return (
      this.debug &&
      obj === obj >>> 0 &&
      (obj & 7) === 0 &&
      obj > 0 &&
      ((this.freedBits[obj >>> 8] ?? 0) & (1 << ((obj >>> 3) & 31))) !== 0
    );
  }

  /**
   * Debug mode: the type name a freed object had, or `undefined` (not a freed object).
   *
   * @internal
   */
  freedTypeName(obj: Ptr): string | undefined {
    if (!this.wasFreed(obj)) return undefined;
    const typeId = this.freedTypes.get(obj);
    return typeId === undefined ? undefined : this.types.spec(typeId).name;
  }

  /** Whether the object is immortal (PEP 683). */
  isImmortal(obj: Ptr): boolean {
    return this.memory.u32[(obj + OB_REFCNT_OFFSET) >>> 2]! >= IMMORTAL_REFCNT;
  }

  // ────────────────────────────────────────────────────────────── release (used by refcount)

  /**
   * Releases a list or tuple whose references the caller has already taken (the cascade's fast
   * path): frees a list's item block, then puts the object on its free list (untracked) or
   * returns it to the allocator. On the allocator path the collector's `onDeallocate` unlinks a
   * still-tracked object itself (the `Collector` contract; CPython's `PyObject_GC_Del` does too),
   * so each death costs one collector call, not two. CPython's `list_dealloc` untracks first; no
   * code runs in between, so the order cannot be observed.
   *
   * @internal
   */
  releaseSequence(obj: Ptr, typeId: TypeId, kind: number): void {
    const u32 = this.memory.u32;
    const collector = this.collector;
    let free = FREE_LIST;
    if (kind === KIND_LIST) {
      const items = u32[(obj + LIST_ITEMS_OFFSET) >>> 2]!;
      if (items !== 0) this.allocator.free(items);
    } else {
      const size = u32[(obj + TUPLE_SIZE_OFFSET) >>> 2]!;
      free = size <= TUPLE_MAX_SAVE_SIZE ? FREE_TUPLE_BASE + size : -1;
    }
    if (free >= 0 && this.freeLists.hasRoom(free)) {
      // CPython: PyObject_GC_UnTrack in list_dealloc / tupledealloc (free-listed objects are
      // untracked).
      if (collector !== undefined && u32[(obj + GC_NEXT_OFFSET) >>> 2] !== 0)
        collector.untrack(obj);
      this.pushFree(free, obj, typeId);
      return;
    }
    if (this.debug) {
      this.markDead(obj, typeId);
      u32[(obj + OB_TYPE_OFFSET) >>> 2] = 0;
    } else {
      // Inlined markDead; the type word is left as is (the live bitmap is what says "freed").
      this.liveBits[obj >>> 8]! &= ~(1 << ((obj >>> 3) & 31));
      this.liveByType[typeId]!--;
    }
    // CPython: PyObject_GC_Del — which also unlinks the object if it is still tracked.
    if (collector !== undefined) collector.onDeallocate(obj);
    this.allocator.free(obj - GC_HEAD_SIZE);
  }

  /**
   * Releases an exact `int` or `float` whose count just reached zero: such an object holds no
   * references, has no hooks and is not GC-tracked, so a float goes straight onto its free list
   * (when it has room) and anything else straight back to the allocator, without the general
   * release's type dispatch. The refcounter's fast path for the numbers arithmetic makes and
   * drops by the million. CPython: `_PyFloat_ExactDealloc`, and `_Py_DECREF_SPECIALIZED(x,
   * PyObject_Free)` for ints (the `BINARY_OP_*_INT` / `*_FLOAT` specializations).
   *
   * @internal
   */
  releaseNumber(obj: Ptr, typeId: TypeId): void {
    if (typeId === this.floatType && this.pushFree(FREE_FLOAT, obj, typeId)) return;
    this.markDead(obj, typeId);
    this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2] = 0;
    this.allocator.free(obj);
  }

  /**
   * Releases the memory of an object whose references were already dropped: type-specific blocks
   * (list items, dict keys), the intern table entry, the weakref list link, then a free list or
   * the allocator. GC objects are untracked; `onDeallocate` is called only when the memory goes
   * back to the allocator (CPython: `PyObject_GC_Del`). Used by `@pymem/refcount`, and by a
   * type's own `dealloc` hook once it has dropped the object's references.
   */
  releaseObject(obj: Ptr, typeId: TypeId): void {
    const flags = this.types.flags[typeId]!;
    const gc = (flags & TypeFlags.GC) !== 0;
    const u32 = this.memory.u32;
    const kind = this.kinds[typeId]!;
    if (kind === KIND_GENERIC || kind === KIND_INSTANCE) {
      // No free list and nothing to release first: straight to the allocator, where the
      // collector's onDeallocate unlinks a still-tracked object (CPython: PyObject_GC_Del), one
      // collector call per death as for lists (see releaseSequence).
      this.markDead(obj, typeId);
      u32[(obj + OB_TYPE_OFFSET) >>> 2] = 0;
      if (!gc) {
        this.allocator.free(obj);
        return;
      }
      if (this.collector !== undefined) this.collector.onDeallocate(obj);
      this.allocator.free(obj - GC_HEAD_SIZE);
      return;
    }
    if (gc && this.collector !== undefined && u32[(obj + GC_NEXT_OFFSET) >>> 2] !== 0)
      this.collector.untrack(obj);
    switch (kind) {
      // Free lists hold exact built-ins only (CPython: a subclass's instance never reaches
      // list_dealloc's free list, subtype_dealloc frees it).
      case ObjectKind.LIST: {
        const items = u32[(obj + LIST_ITEMS_OFFSET) >>> 2]!;
        if (items !== 0) this.allocator.free(items);
        if (typeId === this.listType && this.pushFree(FREE_LIST, obj, typeId)) return;
        break;
      }
      case ObjectKind.DICT: {
        const keys = u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
        if (keys !== 0) this.allocator.free(keys);
        if (typeId === this.managedDictType) {
          // Inline values in CPython 3.13: no dict object died, so no count and no free list.
          this.markDead(obj, typeId);
          u32[(obj + OB_TYPE_OFFSET) >>> 2] = 0;
          this.allocator.free(obj - GC_HEAD_SIZE);
          return;
        }
        if (typeId === this.dictType && this.pushFree(FREE_DICT, obj, typeId)) return;
        break;
      }
      case ObjectKind.TUPLE: {
        const size = this.memory.i32[(obj + TUPLE_SIZE_OFFSET) >> 2]!;
        if (
          typeId === this.tupleType &&
          size <= TUPLE_MAX_SAVE_SIZE &&
          this.pushFree(FREE_TUPLE_BASE + size, obj, typeId)
        )
          return;
        break;
      }
      case ObjectKind.FLOAT:
        if (typeId === this.floatType && this.pushFree(FREE_FLOAT, obj, typeId)) return;
        break;
      case ObjectKind.SET:
      case ObjectKind.FROZENSET: {
        const table = u32[(obj + SET_TABLE_OFFSET) >>> 2]!;
        if (table !== obj + SET_SMALLTABLE_OFFSET) this.allocator.free(table);
        break;
      }
      case ObjectKind.STR:
        this.forgetInterned(obj);
        this.strIndex.forget(obj);
        break;
      case ObjectKind.WEAKREF:
        this.weakrefClear(obj);
        this.takeCallback(obj);
        break;
      default:
        break;
    }
    this.markDead(obj, typeId);
    u32[(obj + OB_TYPE_OFFSET) >>> 2] = 0;
    if (gc) {
      if (this.collector !== undefined) this.collector.onDeallocate(obj);
      this.allocator.free(obj - GC_HEAD_SIZE);
    } else {
      this.allocator.free(obj);
    }
  }

  /** Reports every key of a set or frozenset in table order. CPython: `set_traverse`. @internal */
  setTraverse(obj: Ptr, visit: (referent: Ptr) => void): void {
    const u32 = this.memory.u32;
    const table = u32[(obj + SET_TABLE_OFFSET) >>> 2]!;
    const mask = u32[(obj + SET_MASK_OFFSET) >>> 2]!;
    for (let i = 0; i <= mask; i++) {
      const key = u32[(table + i * SET_ENTRY_SIZE + SET_ENTRY_KEY_OFFSET) >>> 2]!;
      if (key !== 0) visit(key);
    }
  }

  private pushFree(list: number, obj: Ptr, typeId: TypeId): boolean {
    if (!this.freeLists.hasRoom(list)) return false;
    this.markDead(obj, typeId);
    const u32 = this.memory.u32;
    u32[(obj + OB_TYPE_OFFSET) >>> 2] = 0;
    this.freeLists.push(u32, list, obj);
    return true;
  }

  /**
   * Returns every free-listed object to the allocator (GC ones with `onDeallocate`). CPython does
   * this on every full collection (`_PyGC_ClearAllFreeLists`).
   *
   * @example
   * ```ts
   * heap.clearFreeLists();
   * ```
   */
  clearFreeLists(): void {
    for (let list = 0; list < FREE_LIST_COUNT; list++) {
      for (
        let obj = this.freeLists.pop(this.memory.u32, list);
        obj !== 0;
        obj = this.freeLists.pop(this.memory.u32, list)
      ) {
        if (list === FREE_FLOAT) this.allocator.free(obj);
        else {
          if (this.collector !== undefined) this.collector.onDeallocate(obj);
          this.allocator.free(obj - GC_HEAD_SIZE);
        }
      }
    }
  }

  // ────────────────────────────────────────────────────────────── unraisable

  /**
   * Reports an exception no caller can receive (a finalizer's, a weakref callback's) through the
   * configured hook. Never throws: the callers are deallocations and collections that must
   * finish. If the hook throws, its own error is written to `unraisableSink` as CPython's
   * default hook writes it ("Exception ignored in sys.unraisablehook: …"), and an error of the
   * sink is dropped. CPython: `PyErr_WriteUnraisable` (`_PyErr_WriteUnraisableMsg`).
   *
   * @example
   * ```ts
   * heap.reportUnraisable(new Error("boom"), "<function C.__del__>", obj);
   * ```
   */
  reportUnraisable(error: unknown, context: string, obj: Ptr): void {
    try {
      this.unraisableHook(error, context, obj);
    } catch (hookError) {
      const hookName = this.unraisableHook.name === "" ? "<lambda>" : this.unraisableHook.name;
      try {
        this.unraisableSink(
          formatUnraisable(
            hookError,
            `<function ${hookName}>`,
            "Exception ignored in sys.unraisablehook",
          ),
        );
      } catch {
        // CPython: "Call the default unraisable hook (ignore failure)".
      }
    }
  }

  // ────────────────────────────────────────────────────────────── helpers

  /** @internal The attached lifetime, or an error explaining that `@pymem/refcount` must be attached. */
  requireLifetime(): Lifetime {
    if (this.lifetime === undefined)
      throw new Error(
        "no Lifetime attached: create a Refcounter (from @pymem/refcount) for this heap",
      );
    return this.lifetime;
  }

  /** @internal Throws `TypeError` unless `obj` is a live object of `kind`. */
  expectKind(obj: Ptr, kind: number, what: string): void {
    if (this.kindOf(obj) !== kind)
      throw new TypeError(`expected a ${what}, got '${this.typeName(obj)}'`);
  }

  /** @internal Throws unless every item is a live object (before anything is stored). */
  checkItems(items: ArrayLike<Ptr>): void {
    for (let i = 0; i < items.length; i++) this.checkLive(items[i]!);
  }

  private registerBuiltin(kind: number, spec: TypeSpec): TypeId {
    return this.registerType(kind, spec);
  }

  /** @internal Registers a type and records its {@link ObjectKind}. */
  registerType(kind: number, spec: TypeSpec): TypeId {
    const id = this.types.define(spec);
    if (id >= this.kinds.length) {
      const kinds = new Uint8Array(this.kinds.length * 2);
      kinds.set(this.kinds);
      this.kinds = kinds;
      const live = new Int32Array(this.liveByType.length * 2);
      live.set(this.liveByType);
      this.liveByType = live;
    }
    this.kinds[id] = kind;
    return id;
  }
}

// ────────────────────────────────────────────────────────────── operations of the built-in types

// Each built-in type's operations live in their own file (number-objects.ts, str-objects.ts, …) as
// an interface plus an object implementing it. Declaration merging gives `Heap` those members with
// their TSDoc; installOperations copies the implementations onto Heap.prototype as ordinary
// non-enumerable methods, so calls stay monomorphic prototype calls. Installed here, explicitly,
// because the package is "sideEffects": false.
export interface Heap
  extends NumberOperations,
    BigIntOperations,
    ComplexOperations,
    StrOperations,
    TupleOperations,
    ListOperations,
    DictOperations,
    SetOperations,
    SetAlgebraOperations,
    HashOperations,
    InstanceOperations,
    WeakrefOperations,
    DeallocOperations,
    DebugOperations {}

installOperations(Heap.prototype, numberOperations);
installOperations(Heap.prototype, bigIntOperations);
installOperations(Heap.prototype, complexOperations);
installOperations(Heap.prototype, strOperations);
installOperations(Heap.prototype, tupleOperations);
installOperations(Heap.prototype, listOperations);
installOperations(Heap.prototype, dictOperations);
installOperations(Heap.prototype, setOperations);
installOperations(Heap.prototype, setAlgebraOperations);
installOperations(Heap.prototype, hashOperations);
installOperations(Heap.prototype, instanceOperations);
installOperations(Heap.prototype, weakrefOperations);
installOperations(Heap.prototype, debugOperations);
installOperations(Heap.prototype, deallocOperations);
