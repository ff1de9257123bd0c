import {
  type Allocator,
  type Collector,
  DerivedTypeFlags,
  GC_HEAD_SIZE,
  GC_NEXT_OFFSET,
  GC_PREV_OFFSET,
  HeapCorruptionError,
  IMMORTAL_REFCNT,
  InvalidPointerError,
  type Lifetime,
  type LinearMemory,
  OB_REFCNT_OFFSET,
  OB_TYPE_OFFSET,
  type Ptr,
  type ReferenceStack,
  TypeFlags,
  type TypeId,
  type TypeSpec,
  TypeTable,
  UseAfterFreeError,
} from "@pymem/core";
import type { ClassOptions, HeapOptions, LeakRecord, UnraisableHook } from "./api.js";
import { CallbackTable } from "./callback-table.js";
import { installOperations } from "./install-operations.js";
import { createDefaultAllocator } from "./default-allocator.js";
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
import {
  DICT_ENTRIES_OFFSET,
  DICT_KEYS_OFFSET,
  DICT_NENTRIES_OFFSET,
  DICT_SIZE,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
  FLOAT_SIZE,
  INSTANCE_FIELDS_OFFSET,
  INT_SIZE,
  INT_VALUE_OFFSET,
  KEYS_INDICES_OFFSET,
  KEYS_SIZE_OFFSET,
  LIST_ALLOCATED_OFFSET,
  LIST_ITEMS_OFFSET,
  LIST_SIZE,
  LIST_SIZE_OFFSET,
  NONE_SIZE,
  STR_DATA_OFFSET,
  TUPLE_ITEMS_OFFSET,
  TUPLE_SIZE_OFFSET,
  WEAKREF_CALLBACK_OFFSET,
  WEAKREF_HASH_OFFSET,
  WEAKREF_NEXT_OFFSET,
  WEAKREF_OBJECT_OFFSET,
  WEAKREF_PREV_OFFSET,
  WEAKREF_SIZE,
} from "./layouts.js";
import { type HashOperations, hashOperations } from "./object-hash.js";
import { numberOperations, type NumberOperations, SMALL_INT_MAX, SMALL_INT_MIN } from "./number-objects.js";
import { ObjectKind } from "./object-kind.js";
import { type DictOperations, dictOperations } from "./dict-objects.js";
import { type ListOperations, listOperations } from "./list-objects.js";
import { type StrOperations, strOperations } from "./str-objects.js";
import { type TupleOperations, tupleOperations } from "./tuple-objects.js";
import { defaultUnraisableSink, formatUnraisable } from "./unraisable.js";
import { verifyHeap } from "./verify-heap.js";

export { ObjectKind, SMALL_INT_MAX, SMALL_INT_MIN };

// Plain numbers for the hot paths (ObjectKind.X is a property load in unoptimised code).
const KIND_TUPLE = 6;
const KIND_LIST = 7;

/** Bytes of memory covered by one word of the live-object bitmap (32 bits × 8-byte granules). */
const BITMAP_WORD_BYTES = 256;

/** Per-class metadata that only construction and attribute access need (never hot paths). */
interface ClassInfo {
  readonly name: string;
  readonly slotOffsets: ReadonlyMap<string, number>;
  readonly dictOffset: number;
  readonly weaklistOffset: number;
  /** Reference offsets in CPython's decref order (subtype_dealloc: own slots, base slots, dict). */
  readonly deallocOrder: Uint32Array;
  readonly gc: boolean;
  readonly finalize: ((obj: Ptr) => void) | undefined;
}

// The built-in types' operations live in one file each and are installed on Heap.prototype at the
// end of this module; declaration merging gives them their types and TSDoc on `Heap`.
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: every merged member is installed below, and each operations object is type-checked against its interface.
export interface Heap extends NumberOperations, StrOperations, TupleOperations, ListOperations, DictOperations, HashOperations {}

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
  /** The type registry (built-in types are ids 1–9). */
  readonly types: TypeTable;
  /** Whether debug mode (use-after-free detection) is on. */
  readonly debug: boolean;
  /** The attached reference counting, set by `@pymem/refcount`. */
  lifetime: Lifetime | undefined = undefined;
  /** The attached cycle collector, if any. */
  collector: Collector | undefined = undefined;
  /**
   * One bit per 8-byte granule of memory: set ⇔ an object starts there and is alive. Public for
   * `@pymem/refcount`'s pointer checks; do not write.
   * @internal
   */
  liveBits: Uint32Array<ArrayBuffer>;
  /** Per type id: the {@link ObjectKind}. @internal */
  kinds = new Uint8Array(64);

  readonly noneType: TypeId;
  readonly intType: TypeId;
  readonly boolType: TypeId;
  readonly floatType: TypeId;
  readonly strType: TypeId;
  readonly tupleType: TypeId;
  readonly listType: TypeId;
  readonly dictType: TypeId;
  readonly weakrefType: TypeId;
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
  /** The weakref callbacks, by the id stored in a weakref's callback word. @internal */
  readonly callbacks = new CallbackTable();
  /** CPython's object free lists. @internal */
  readonly freeLists: FreeLists;
  private readonly unraisableHook: UnraisableHook;

  constructor(options: Partial<HeapOptions> = {}) {
    this.allocator = options.allocator ?? createDefaultAllocator();
    this.memory = this.allocator.memory;
    this.types = new TypeTable(this.memory);
    this.debug = options.debug ?? false;
    const sink = options.unraisableSink ?? defaultUnraisableSink;
    this.unraisableHook =
      options.unraisableHook ?? ((error, context) => sink(formatUnraisable(error, context)));
    const words = Math.ceil(this.memory.byteLength / BITMAP_WORD_BYTES);
    this.liveBits = new Uint32Array(words);
    this.freedBits = new Uint32Array(this.debug ? words : 0);
    this.freeLists = new FreeLists(options.freeLists ?? true);

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
    this.dictType = this.registerBuiltin(ObjectKind.DICT, {
      name: "dict",
      basicSize: DICT_SIZE,
      // CPython ≤ 3.13: untrack_dicts() in full collections only.
      flags: gc | base | TypeFlags.UNTRACK_WHEN_ATOMIC_ON_FULL,
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
    this.weakrefType = this.registerBuiltin(ObjectKind.WEAKREF, {
      name: "weakref.ReferenceType",
      basicSize: WEAKREF_SIZE,
      flags: gc,
    });

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
   * Defines a user class (a heap type with `__slots__`-style fields, an optional `__dict__` and
   * `__weakref__`, single inheritance and finalizers) and returns its type id.
   *
   * @example
   * ```ts
   * const Point = heap.defineClass({ name: "Point", slots: ["x", "y"] });
   * const p = heap.newInstance(Point);
   * heap.setSlot(p, "x", heap.newInt(3));
   * ```
   */
  defineClass(options: Partial<ClassOptions> & { name: string }): TypeId {
    const base = options.base !== undefined ? this.classes[options.base] : undefined;
    if (options.base !== undefined && base === undefined)
      throw new TypeError(`type '${options.name}': base ${options.base} is not a class`);
    const slots = options.slots ?? [];
    const plain = options.slots === undefined;
    const gc = options.gc ?? true;
    if (base !== undefined && base.gc !== gc)
      throw new TypeError(`type '${options.name}': gc must match the base class`);
    let offset = base !== undefined ? this.types.basicSize[options.base!]! : INSTANCE_FIELDS_OFFSET;
    const slotOffsets = new Map(base?.slotOffsets ?? []);
    let dictOffset = base?.dictOffset ?? 0;
    if (dictOffset === 0 && (options.dict ?? plain)) {
      dictOffset = offset;
      offset += 4;
    }
    let weaklistOffset = base?.weaklistOffset ?? 0;
    if (weaklistOffset === 0 && (options.weakrefable ?? plain)) {
      weaklistOffset = offset;
      offset += 4;
    }
    const ownSlots: number[] = [];
    for (const name of slots) {
      if (slotOffsets.has(name) || name === "__dict__" || name === "__weakref__")
        throw new TypeError(`type '${options.name}': duplicate slot '${name}'`);
      slotOffsets.set(name, offset);
      ownSlots.push(offset);
      offset += 4;
    }
    // CPython: subtype_dealloc clears the most derived slots first, then the bases', then the dict.
    const baseSlots = base !== undefined ? [...base.deallocOrder] : [];
    if (base !== undefined && base.dictOffset !== 0) baseSlots.pop();
    const order = [...ownSlots, ...baseSlots];
    if (dictOffset !== 0) order.push(dictOffset);
    const finalize = options.finalize ?? base?.finalize;
    const spec: TypeSpec = {
      name: options.name,
      basicSize: offset,
      flags: (gc ? TypeFlags.GC : 0) | TypeFlags.BASETYPE,
      references: { fixed: order },
      ...(weaklistOffset !== 0 ? { weaklistOffset } : {}),
      ...(options.base !== undefined ? { base: options.base } : {}),
      ...(finalize !== undefined ? { finalize } : {}),
      ...(options.legacyDel !== undefined ? { del: options.legacyDel } : {}),
    };
    const id = this.registerType(ObjectKind.INSTANCE, spec);
    this.classes[id] = {
      name: options.name,
      slotOffsets,
      dictOffset,
      weaklistOffset,
      deallocOrder: Uint32Array.from(order),
      gc,
      finalize,
    };
    return id;
  }

  /**
   * The byte offset of a named slot of a class, for fast field access with {@link loadField} /
   * {@link storeField}.
   *
   * @example
   * ```ts
   * const nextOffset = heap.slotOffset(Node, "next");
   * ```
   */
  slotOffset(typeId: TypeId, name: string): number {
    const offset = this.classes[typeId]?.slotOffsets.get(name);
    if (offset === undefined)
      throw new TypeError(`'${this.types.spec(typeId).name}' object has no slot '${name}'`);
    return offset;
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
   * Attaches (or detaches, with `undefined`) a cycle collector. Live objects that CPython would
   * have tracked are tracked with the new collector. `@pymem/refcount`'s `attachCollector` calls
   * this and also hands the collector its host.
   *
   * @example
   * ```ts
   * heap.setCollector(myCollector);
   * ```
   */
  setCollector(collector: Collector | undefined): void {
    this.collector = collector;
    if (collector === undefined) return;
    this.forEachLiveObject((obj) => {
      if (this.isImmortal(obj)) return;
      const kind = this.kinds[this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!]!;
      const flags = this.types.flags[this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!]!;
      if ((flags & TypeFlags.GC) === 0 || collector.isTracked(obj)) return;
      if (kind === ObjectKind.DICT && !dictHasTrackableItems(this, obj)) return;
      collector.track(obj);
    });
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
    this.memory.u8.fill(0, obj + 8, obj + size);
    if (flags & DerivedTypeFlags.VARIABLE_SIZE) this.memory.i32[(obj + 8) >> 2] = itemCount;
    if (gc) {
      this.collectorAllocated(obj);
      this.track(obj);
    }
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
      u32[block >>> 2] = 0;
      u32[(block + 4) >>> 2] = 0;
    } else {
      obj = this.allocator.malloc(size);
    }
    const u32 = this.memory.u32;
    u32[obj >>> 2] = 1;
    u32[(obj + OB_TYPE_OFFSET) >>> 2] = typeId;
    this.markLive(obj, typeId);
    return obj;
  }

  /** CPython: `_PyObject_GC_Link` — counts a GC allocation from the allocator. @internal */
  collectorAllocated(obj: Ptr): void {
    if (this.collector !== undefined) this.collector.onAllocate(obj);
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
    u32[(obj + GC_PREV_OFFSET) >>> 2] = 0;
    this.markLive(obj, typeId);
    return obj;
  }

  private markLive(obj: Ptr, typeId: TypeId): void {
    const word = obj >>> 8;
    if (word >= this.liveBits.length) this.growBitmaps(word + 1);
    const bit = 1 << ((obj >>> 3) & 31);
    this.liveBits[word]! |= bit;
    if (this.debug) this.freedBits[word]! &= ~bit;
    this.liveByType[typeId]!++;
  }

  private markDead(obj: Ptr, typeId: TypeId): void {
    const word = obj >>> 8;
    const bit = 1 << ((obj >>> 3) & 31);
    this.liveBits[word]! &= ~bit;
    if (this.debug) this.freedBits[word]! |= bit;
    this.liveByType[typeId]!--;
  }

  private growBitmaps(minimumWords: number): void {
    const words = Math.max(minimumWords, Math.ceil(this.memory.byteLength / BITMAP_WORD_BYTES));
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
    if ((obj & 7) !== 0 || obj <= 0) return false;
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
    if (
      this.debug &&
      (obj & 7) === 0 &&
      obj > 0 &&
      ((this.freedBits[obj >>> 8] ?? 0) & (1 << ((obj >>> 3) & 31))) !== 0
    ) {
      throw new UseAfterFreeError(obj, `${what} was freed`);
    }
    throw new InvalidPointerError(obj, `not a live ${what} of this heap`);
  }

  /** Whether the object is immortal (PEP 683). */
  isImmortal(obj: Ptr): boolean {
    return this.memory.u32[(obj + OB_REFCNT_OFFSET) >>> 2]! >= IMMORTAL_REFCNT;
  }

  // ────────────────────────────────────────────────────────────── instances

  /**
   * A new reference to an instance of a class from {@link defineClass}: every slot empty, no
   * `__dict__` yet. GC classes' instances are tracked at creation.
   *
   * @example
   * ```ts
   * const node = heap.newInstance(Node);
   * ```
   */
  newInstance(typeId: TypeId): Ptr {
    const info = this.classes[typeId];
    if (info === undefined) throw new TypeError(`type id ${typeId} is not a class`);
    return this.allocate(typeId);
  }

  /** A borrowed reference to a named slot's value, or 0 when unset. */
  getSlot(obj: Ptr, name: string): Ptr {
    return this.memory.u32[(obj + this.slotOffset(this.typeOf(obj), name)) >>> 2]!;
  }

  /**
   * Stores into a named slot (value borrowed; 0 empties the slot). The old value is released
   * after the store (`Py_SETREF`).
   *
   * @example
   * ```ts
   * heap.setSlot(node, "next", other);
   * ```
   */
  setSlot(obj: Ptr, name: string, value: Ptr): void {
    this.storeField(obj, this.slotOffset(this.typeOf(obj), name), value);
  }

  /** A borrowed reference stored at `offset` in `obj` (see {@link slotOffset}). */
  loadField(obj: Ptr, offset: number): Ptr {
    return this.memory.u32[(obj + offset) >>> 2]!;
  }

  /**
   * Stores a reference at `offset` in `obj` (value borrowed, 0 to clear), releasing the old one
   * after the store.
   *
   * @example
   * ```ts
   * heap.storeField(node, heap.slotOffset(Node, "next"), other);
   * ```
   */
  storeField(obj: Ptr, offset: number, value: Ptr): void {
    const lifetime = this.requireLifetime();
    if (value !== 0) {
      this.checkLive(value);
      lifetime.incref(value);
    }
    const slot = (obj + offset) >>> 2;
    const old = this.memory.u32[slot]!;
    this.memory.u32[slot] = value;
    if (old !== 0) lifetime.decref(old);
  }

  /**
   * Sets an attribute: a named slot if the class has one, else an entry of the instance's
   * `__dict__` (created on first use). CPython: `PyObject_GenericSetAttr`.
   *
   * @example
   * ```ts
   * heap.setAttr(obj, "color", heap.newStr("red"));
   * ```
   */
  setAttr(obj: Ptr, name: string, value: Ptr): void {
    const info = this.classes[this.typeOf(obj)];
    const slot = info?.slotOffsets.get(name);
    if (slot !== undefined) {
      this.storeField(obj, slot, value);
      return;
    }
    if (info === undefined || info.dictOffset === 0)
      throw new TypeError(`'${this.typeName(obj)}' object has no attribute '${name}'`);
    let dict = this.memory.u32[(obj + info.dictOffset) >>> 2]!;
    if (dict === 0) {
      dict = this.newDict();
      this.memory.u32[(obj + info.dictOffset) >>> 2] = dict;
    }
    const key = this.intern(name);
    try {
      this.dictSetItem(dict, key, value);
    } finally {
      this.requireLifetime().decref(key);
    }
  }

  /** Gets an attribute as a borrowed reference (slot or `__dict__`), or 0 when missing. */
  getAttr(obj: Ptr, name: string): Ptr {
    const info = this.classes[this.typeOf(obj)];
    const slot = info?.slotOffsets.get(name);
    if (slot !== undefined) return this.memory.u32[(obj + slot) >>> 2]!;
    if (info === undefined || info.dictOffset === 0) return 0;
    const dict = this.memory.u32[(obj + info.dictOffset) >>> 2]!;
    if (dict === 0) return 0;
    const key = this.intern(name);
    const value = this.dictGetItem(dict, key);
    this.requireLifetime().decref(key);
    return value;
  }

  // ────────────────────────────────────────────────────────────── weak references

  /**
   * A new reference to a weak reference to `obj`. Without a callback the canonical callback-less
   * ref is reused; refs with callbacks are inserted after it, so the newest callback comes first
   * (CPython: `weakref___new__`, `insert_after`). Throws `TypeError` if the type is not weakrefable.
   *
   * @example
   * ```ts
   * const wr = heap.newWeakref(obj, (ref) => console.log("gone", heap.weakrefGet(ref) === heap.none));
   * ```
   */
  newWeakref(obj: Ptr, callback?: (weakref: Ptr) => void): Ptr {
    const typeId = this.typeOf(obj);
    const listOffset = this.types.weaklistOffset[typeId]!;
    if (listOffset === 0)
      throw new TypeError(`cannot create weak reference to '${this.typeName(obj)}' object`);
    const lifetime = this.requireLifetime();
    const head = this.memory.u32[(obj + listOffset) >>> 2]!;
    const basic =
      head !== 0 && this.memory.u32[(head + WEAKREF_CALLBACK_OFFSET) >>> 2] === 0 ? head : 0;
    if (callback === undefined && basic !== 0) {
      lifetime.incref(basic);
      return basic;
    }
    const ref = this.allocateObject(this.weakrefType, WEAKREF_SIZE, true);
    let callbackId = 0;
    if (callback !== undefined) {
      callbackId = this.callbacks.add(callback);
    }
    const u32 = this.memory.u32;
    u32[(ref + WEAKREF_OBJECT_OFFSET) >>> 2] = obj;
    u32[(ref + WEAKREF_CALLBACK_OFFSET) >>> 2] = callbackId;
    this.memory.i32[(ref + WEAKREF_HASH_OFFSET) >> 2] = -1;
    const listHead = u32[(obj + listOffset) >>> 2]!;
    const prev = callback === undefined ? 0 : basic;
    const next = prev === 0 ? listHead : u32[(prev + WEAKREF_NEXT_OFFSET) >>> 2]!;
    u32[(ref + WEAKREF_PREV_OFFSET) >>> 2] = prev;
    u32[(ref + WEAKREF_NEXT_OFFSET) >>> 2] = next;
    if (next !== 0) u32[(next + WEAKREF_PREV_OFFSET) >>> 2] = ref;
    if (prev === 0) u32[(obj + listOffset) >>> 2] = ref;
    else u32[(prev + WEAKREF_NEXT_OFFSET) >>> 2] = ref;
    this.collectorAllocated(ref);
    this.track(ref);
    return ref;
  }

  /**
   * `wr()`: a borrowed reference to the referent, or `None` once it is dead (or dying with a zero
   * count). CPython: `_PyWeakref_GET_REF`.
   *
   * @example
   * ```ts
   * if (heap.weakrefGet(wr) === heap.none) console.log("dead");
   * ```
   */
  weakrefGet(ref: Ptr): Ptr {
    this.expectKind(ref, ObjectKind.WEAKREF, "weakref");
    const referent = this.memory.u32[(ref + WEAKREF_OBJECT_OFFSET) >>> 2]!;
    if (referent === 0 || this.memory.i32[referent >> 2]! <= 0) return this.none;
    return referent;
  }

  /** Whether `obj` is a weak reference object. CPython: `PyWeakref_Check`. */
  isWeakref(obj: Ptr): boolean {
    return this.kinds[this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!] === ObjectKind.WEAKREF;
  }

  /** The first weak reference to `obj` (0 if none or not weakrefable). */
  weakrefFirst(obj: Ptr): Ptr {
    const offset = this.types.weaklistOffset[this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!]!;
    return offset === 0 ? 0 : this.memory.u32[(obj + offset) >>> 2]!;
  }

  /** The next weak reference in the same referent's list, or 0. */
  weakrefNext(ref: Ptr): Ptr {
    return this.memory.u32[(ref + WEAKREF_NEXT_OFFSET) >>> 2]!;
  }

  /** Whether a weak reference still has a callback to call. */
  weakrefHasCallback(ref: Ptr): boolean {
    return this.memory.u32[(ref + WEAKREF_CALLBACK_OFFSET) >>> 2] !== 0;
  }

  /**
   * Makes a weak reference dead and unlinks it from its referent's list; its callback stays for
   * {@link weakrefCallCallback}. CPython: `_PyWeakref_ClearRef` / `clear_weakref`.
   */
  weakrefClear(ref: Ptr): void {
    const u32 = this.memory.u32;
    const referent = u32[(ref + WEAKREF_OBJECT_OFFSET) >>> 2]!;
    if (referent === 0) return;
    const prev = u32[(ref + WEAKREF_PREV_OFFSET) >>> 2]!;
    const next = u32[(ref + WEAKREF_NEXT_OFFSET) >>> 2]!;
    if (prev !== 0) u32[(prev + WEAKREF_NEXT_OFFSET) >>> 2] = next;
    else {
      const offset = this.types.weaklistOffset[u32[(referent + OB_TYPE_OFFSET) >>> 2]!]!;
      u32[(referent + offset) >>> 2] = next;
    }
    if (next !== 0) u32[(next + WEAKREF_PREV_OFFSET) >>> 2] = prev;
    u32[(ref + WEAKREF_OBJECT_OFFSET) >>> 2] = 0;
    u32[(ref + WEAKREF_PREV_OFFSET) >>> 2] = 0;
    u32[(ref + WEAKREF_NEXT_OFFSET) >>> 2] = 0;
  }

  /**
   * Takes a cleared weak reference's callback and calls it with the reference (held alive for the
   * call); an exception goes to the unraisable hook. CPython: `handle_callback`.
   */
  weakrefCallCallback(ref: Ptr): void {
    const callback = this.takeCallback(ref);
    if (callback === undefined) return;
    const lifetime = this.requireLifetime();
    lifetime.incref(ref);
    try {
      callback(ref);
    } catch (error) {
      this.reportUnraisable(error, `<function ${callback.name || "<lambda>"}>`, ref);
    } finally {
      lifetime.decref(ref);
    }
  }

  private takeCallback(ref: Ptr): ((weakref: Ptr) => void) | undefined {
    const id = this.memory.u32[(ref + WEAKREF_CALLBACK_OFFSET) >>> 2]!;
    if (id === 0) return undefined;
    this.memory.u32[(ref + WEAKREF_CALLBACK_OFFSET) >>> 2] = 0;
    return this.callbacks.take(id);
  }

  /**
   * Clears every weak reference to a dying object and calls the callbacks, newest first, each
   * seeing a dead reference. Callback-less refs are cleared first. CPython: `PyObject_ClearWeakRefs`.
   *
   * @example
   * ```ts
   * heap.clearWeakrefs(obj); // from a dealloc path
   * ```
   */
  clearWeakrefs(obj: Ptr): void {
    let head = this.weakrefFirst(obj);
    if (head === 0) return;
    // The canonical ref without a callback (CPython also clears a proxy here; pymem has none).
    if (!this.weakrefHasCallback(head)) {
      this.weakrefClear(head);
      head = this.weakrefFirst(obj);
    }
    if (head === 0) return;
    const lifetime = this.requireLifetime();
    const pending: Ptr[] = [];
    const callbacks: (((weakref: Ptr) => void) | undefined)[] = [];
    while (head !== 0) {
      // A ref with a zero count is being deallocated itself: clear it, never call its callback.
      const alive = this.memory.i32[head >> 2]! > 0;
      const callback = this.takeCallback(head);
      this.weakrefClear(head);
      if (alive && callback !== undefined) {
        lifetime.incref(head);
        pending.push(head);
        callbacks.push(callback);
      }
      head = this.weakrefFirst(obj);
    }
    for (let i = 0; i < pending.length; i++) {
      const ref = pending[i]!;
      const callback = callbacks[i]!;
      try {
        callback(ref);
      } catch (error) {
        this.reportUnraisable(error, `<function ${callback.name || "<lambda>"}>`, ref);
      }
    }
    for (const ref of pending) lifetime.decref(ref);
  }

  // ────────────────────────────────────────────────────────────── deallocation (used by refcount)

  /**
   * Pushes onto `stack` the references `obj` owns, in the reverse of CPython's decref order, so
   * that popping releases them in CPython's order (`list_dealloc`/`tupledealloc` last item first,
   * `free_keys_object` entry order key-then-value, `subtype_dealloc` slots then `__dict__`).
   * Immortal referents are pushed too. Used by `@pymem/refcount`'s cascade.
   *
   * @internal
   */
  pushOwnedReferences(obj: Ptr, typeId: TypeId, stack: ReferenceStack): void {
    const kind = this.kinds[typeId]!;
    const u32 = this.memory.u32;
    switch (kind) {
      case ObjectKind.TUPLE: {
        pushRun(
          stack,
          u32,
          (obj + TUPLE_ITEMS_OFFSET) >>> 2,
          u32[(obj + TUPLE_SIZE_OFFSET) >>> 2]!,
        );
        return;
      }
      case ObjectKind.LIST: {
        pushRun(
          stack,
          u32,
          u32[(obj + LIST_ITEMS_OFFSET) >>> 2]! >>> 2,
          u32[(obj + LIST_SIZE_OFFSET) >>> 2]!,
        );
        return;
      }
      case ObjectKind.DICT: {
        const entries = u32[(obj + DICT_ENTRIES_OFFSET) >>> 2]!;
        for (let i = u32[(obj + DICT_NENTRIES_OFFSET) >>> 2]! - 1; i >= 0; i--) {
          const entry = entries + i * ENTRY_SIZE;
          const value = u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!;
          const key = u32[(entry + ENTRY_KEY_OFFSET) >>> 2]!;
          if (value !== 0) stack.push(value);
          if (key !== 0) stack.push(key);
        }
        return;
      }
      case ObjectKind.INSTANCE: {
        const order = this.classes[typeId]!.deallocOrder;
        for (let i = order.length - 1; i >= 0; i--) {
          const referent = u32[(obj + order[i]!) >>> 2]!;
          if (referent !== 0) stack.push(referent);
        }
        return;
      }
      case ObjectKind.GENERIC:
        this.types.pushReferences(obj, stack);
        return;
      default:
        return;
    }
  }

  /**
   * A dying object's last step: pushes its references like {@link pushOwnedReferences}, then
   * releases it like {@link releaseObject}, with a fused fast path for lists and tuples (the
   * objects of the longest cascades). Used by `@pymem/refcount`'s cascade.
   *
   * @internal
   */
  disposeObject(obj: Ptr, typeId: TypeId, stack: ReferenceStack): void {
    const kind = this.kinds[typeId]!;
    if (kind === KIND_LIST || kind === KIND_TUPLE) {
      const u32 = this.memory.u32;
      if (kind === KIND_LIST)
        pushRun(
          stack,
          u32,
          u32[(obj + LIST_ITEMS_OFFSET) >>> 2]! >>> 2,
          u32[(obj + LIST_SIZE_OFFSET) >>> 2]!,
        );
      else
        pushRun(
          stack,
          u32,
          (obj + TUPLE_ITEMS_OFFSET) >>> 2,
          u32[(obj + TUPLE_SIZE_OFFSET) >>> 2]!,
        );
      this.releaseSequence(obj, typeId, kind);
      return;
    }
    this.pushOwnedReferences(obj, typeId, stack);
    this.releaseObject(obj, typeId);
  }

  /**
   * Releases a list or tuple whose references the caller has already taken (the cascade's fast
   * path): untracks it, frees a list's item block, then puts the object on its
   * free list or returns it to the allocator.
   *
   * @internal
   */
  releaseSequence(obj: Ptr, typeId: TypeId, kind: number): void {
    const u32 = this.memory.u32;
    const collector = this.collector;
    // CPython: PyObject_GC_UnTrack at the top of list_dealloc / tupledealloc.
    if (collector !== undefined && u32[(obj + GC_NEXT_OFFSET) >>> 2] !== 0) collector.untrack(obj);
    let free = FREE_LIST;
    if (kind === KIND_LIST) {
      const items = u32[(obj + LIST_ITEMS_OFFSET) >>> 2]!;
      if (items !== 0) this.allocator.free(items);
    } else {
      const size = u32[(obj + TUPLE_SIZE_OFFSET) >>> 2]!;
      free = size <= TUPLE_MAX_SAVE_SIZE ? FREE_TUPLE_BASE + size : -1;
    }
    if (free >= 0 && this.freeLists.hasRoom(free)) {
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
    if (collector !== undefined) collector.onDeallocate(obj); // CPython: PyObject_GC_Del
    this.allocator.free(obj - GC_HEAD_SIZE);
  }

  /**
   * Releases the memory of an object whose references were already dropped: type-specific blocks
   * (list items, dict keys), the intern table entry, the weakref list link, then a free list or
   * the allocator. GC objects are untracked; `onDeallocate` is called only when the memory goes
   * back to the allocator (CPython: `PyObject_GC_Del`). Used by `@pymem/refcount`.
   *
   * @internal
   */
  releaseObject(obj: Ptr, typeId: TypeId): void {
    const flags = this.types.flags[typeId]!;
    const gc = (flags & TypeFlags.GC) !== 0;
    const u32 = this.memory.u32;
    if (gc && this.collector !== undefined && u32[(obj + GC_NEXT_OFFSET) >>> 2] !== 0)
      this.collector.untrack(obj);
    switch (this.kinds[typeId]) {
      case ObjectKind.LIST: {
        const items = u32[(obj + LIST_ITEMS_OFFSET) >>> 2]!;
        if (items !== 0) this.allocator.free(items);
        if (this.pushFree(FREE_LIST, obj, typeId)) return;
        break;
      }
      case ObjectKind.DICT: {
        const keys = u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
        if (keys !== 0) this.allocator.free(keys);
        if (this.pushFree(FREE_DICT, obj, typeId)) return;
        break;
      }
      case ObjectKind.TUPLE: {
        const size = this.memory.i32[(obj + TUPLE_SIZE_OFFSET) >> 2]!;
        if (size <= TUPLE_MAX_SAVE_SIZE && this.pushFree(FREE_TUPLE_BASE + size, obj, typeId))
          return;
        break;
      }
      case ObjectKind.FLOAT:
        if (this.pushFree(FREE_FLOAT, obj, typeId)) return;
        break;
      case ObjectKind.STR:
        this.forgetInterned(obj);
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

  /** How many objects each free list holds, for debugging and tests. */
  freeListSizes(): { float: number; list: number; dict: number; tuple: number[] } {
    const tuple: number[] = [];
    for (let size = 1; size <= TUPLE_MAX_SAVE_SIZE; size++)
      tuple.push(this.freeLists.counts[FREE_TUPLE_BASE + size]!);
    return {
      float: this.freeLists.counts[FREE_FLOAT]!,
      list: this.freeLists.counts[FREE_LIST]!,
      dict: this.freeLists.counts[FREE_DICT]!,
      tuple,
    };
  }

  // ────────────────────────────────────────────────────────────── unraisable

  /**
   * Reports an exception no caller can receive (a finalizer's, a weakref callback's) through the
   * configured hook. CPython: `PyErr_WriteUnraisable`.
   *
   * @example
   * ```ts
   * heap.reportUnraisable(new Error("boom"), "<function C.__del__>", obj);
   * ```
   */
  reportUnraisable(error: unknown, context: string, obj: Ptr): void {
    this.unraisableHook(error, context, obj);
  }

  /**
   * A short description like CPython's default repr: `<list object at 0x1010>`.
   *
   * @example
   * ```ts
   * heap.describe(list); // "<list object at 0x1010>"
   * ```
   */
  describe(obj: Ptr): string {
    const typeId = this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    const name = typeId > 0 && typeId < this.types.count ? this.types.spec(typeId).name : "?";
    return `<${name} object at 0x${obj.toString(16)}>`;
  }

  // ────────────────────────────────────────────────────────────── introspection

  /**
   * `sys.getsizeof(obj)` in pymem's layout: the object's bytes, plus the GC head for GC types,
   * plus the blocks it owns (a list's item array, a dict's keys block). Sizes are the requested
   * ones (the pool rounds each block up to its size class): None 8, int/bool/float 16,
   * str 20 + UTF-8 bytes, tuple 20 + 4n, list 28 + 4·allocated, dict 32 + keys block
   * (8 + 4·size + 12·usable), weakref 36, instance (8 + 4·fields) + 8 when GC.
   *
   * @example
   * ```ts
   * heap.getsizeof(heap.newList([a, b])); // 36
   * ```
   */
  getsizeof(obj: Ptr): number {
    const typeId = this.typeOf(obj);
    const u32 = this.memory.u32;
    let size = this.types.basicSize[typeId]!;
    if (this.types.flags[typeId]! & DerivedTypeFlags.VARIABLE_SIZE)
      size += this.types.itemSize[typeId]! * u32[(obj + 8) >>> 2]!;
    if (this.types.flags[typeId]! & TypeFlags.GC) size += GC_HEAD_SIZE;
    const kind = this.kinds[typeId];
    if (kind === ObjectKind.LIST) size += 4 * u32[(obj + LIST_ALLOCATED_OFFSET) >>> 2]!;
    if (kind === ObjectKind.DICT) {
      const keys = u32[(obj + DICT_KEYS_OFFSET) >>> 2]!;
      if (keys !== 0) {
        const slots = u32[(keys + KEYS_SIZE_OFFSET) >>> 2]!;
        size += KEYS_INDICES_OFFSET + 4 * slots + ENTRY_SIZE * (((slots << 1) / 3) | 0);
      }
    }
    return size;
  }

  /**
   * Calls `visit` for every live object, in address order (debugging, leak reports, verify).
   * Objects created or freed by `visit` may or may not be visited.
   *
   * @example
   * ```ts
   * heap.forEachLiveObject((obj) => console.log(heap.describe(obj)));
   * ```
   */
  forEachLiveObject(visit: (obj: Ptr) => void): void {
    for (let word = 0; word < this.liveBits.length; word++) {
      let bits = this.liveBits[word]!;
      while (bits !== 0) {
        const bit = 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        visit(word * BITMAP_WORD_BYTES + bit * 8);
      }
    }
  }

  /**
   * How many objects of each type are alive (immortal singletons included), by type name.
   *
   * @example
   * ```ts
   * heap.liveObjectCounts().list; // number of live lists
   * ```
   */
  liveObjectCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (let typeId = 1; typeId < this.types.count; typeId++) {
      const count = this.liveByType[typeId]!;
      if (count > 0) counts[this.types.spec(typeId).name] = count;
    }
    return counts;
  }

  /** Number of live objects, immortals included. */
  get liveObjectCount(): number {
    let total = 0;
    for (let typeId = 1; typeId < this.types.count; typeId++) total += this.liveByType[typeId]!;
    return total;
  }

  /**
   * Sum of the reference counts of all mortal live objects — what `sys.gettotalrefcount()`
   * reports in a debug CPython build (immortals excluded, as in 3.12+).
   *
   * @example
   * ```ts
   * const before = heap.totalRefcount();
   * ```
   */
  totalRefcount(): number {
    let total = 0;
    const i32 = this.memory.i32;
    this.forEachLiveObject((obj) => {
      const count = i32[obj >> 2]!;
      if (count < IMMORTAL_REFCNT) total += count;
    });
    return total;
  }

  /**
   * A snapshot of which objects are alive, to compare against with {@link leaksSince}.
   *
   * @example
   * ```ts
   * const before = heap.snapshot();
   * runScope();
   * expect(heap.leaksSince(before)).toEqual([]);
   * ```
   */
  snapshot(): Uint32Array {
    return this.liveBits.slice();
  }

  /** Objects alive now that were not alive at `snapshot` (the leak report of a scope). */
  leaksSince(snapshot: Uint32Array): LeakRecord[] {
    const leaks: LeakRecord[] = [];
    this.forEachLiveObject((obj) => {
      const was = ((snapshot[obj >>> 8] ?? 0) & (1 << ((obj >>> 3) & 31))) !== 0;
      if (!was)
        leaks.push({
          address: obj,
          typeName: this.typeName(obj),
          refcount: this.memory.i32[obj >> 2]!,
        });
    });
    return leaks;
  }

  /**
   * Checks every live object (a registered type, a positive refcount, references to live objects,
   * consistent list/dict/weakref structures) and then the allocator; throws
   * {@link HeapCorruptionError} naming the first inconsistency.
   *
   * @example
   * ```ts
   * heap.verify();
   * ```
   */
  verify(): void {
    verifyHeap(this);
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

installOperations(Heap.prototype, numberOperations);
installOperations(Heap.prototype, strOperations);
installOperations(Heap.prototype, tupleOperations);
installOperations(Heap.prototype, listOperations);
installOperations(Heap.prototype, dictOperations);
installOperations(Heap.prototype, hashOperations);

/**
 * Pushes the non-NULL words `u32[first .. first + count)` onto `stack`, growing it once rather
 * than checking capacity per item (the hot loop of every list and tuple death).
 */
function pushRun(stack: ReferenceStack, u32: Uint32Array, first: number, count: number): void {
  let length = stack.length;
  if (length + count > stack.items.length) {
    const bigger = new Uint32Array(Math.max(stack.items.length * 2, length + count));
    bigger.set(stack.items.subarray(0, length));
    stack.items = bigger;
  }
  const items = stack.items;
  for (let i = 0; i < count; i++) {
    const item = u32[first + i]!;
    if (item !== 0) items[length++] = item;
  }
  stack.length = length;
}
