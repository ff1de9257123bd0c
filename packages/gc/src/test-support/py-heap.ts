/**
 * The object model the collector tests use: the real `@pymem/heap` + `@pymem/refcount`, behind a
 * compact test vocabulary (numbered slots, `set(obj, i, value)` for instances, lists and dict
 * values) so each test reads like its CPython original.
 *
 * Conventions: constructors return new references; values passed in are borrowed; `0` as a value
 * means "no reference" (an empty slot, or `None` in a list).
 *
 * @internal
 * @module
 */
import {
  type Allocator,
  GC_PREV_MASK_FINALIZED,
  GC_PREV_OFFSET,
  type Ptr,
  TypeFlags,
  type TypeId,
  type TypeSpec,
} from "@pymem/core";
import { Heap } from "@pymem/heap";
import { Refcounter } from "@pymem/refcount";
import type { ManagedCollector } from "../api.js";

/** Hooks of a test class. */
export interface PyClassHooks {
  /** PEP 442 `__del__`. */
  finalize?: (obj: Ptr) => void;
  /** Legacy `tp_del`. */
  del?: (obj: Ptr) => void;
  /** A custom `tp_clear` (the class then becomes a plain type with slots at 8, 12, …). */
  clear?: (obj: Ptr) => void;
}

/** One unraisable report. */
export interface UnraisableReport {
  error: unknown;
  context: string;
  obj: Ptr;
}

const FIRST_FIELD = 8;

/** @internal */
export class PyHeap {
  readonly heap: Heap;
  readonly rc: Refcounter;
  readonly unraisable: UnraisableReport[] = [];
  private readonly baseline: number;
  private readonly slotOffsets = new Map<TypeId, number[]>();

  /** The attached collector, if any. */
  readonly collector: ManagedCollector | undefined;

  constructor(createCollector?: (allocator: Allocator) => ManagedCollector) {
    this.heap = new Heap({
      unraisableHook: (error, context, obj) => this.unraisable.push({ error, context, obj }),
    });
    this.rc = new Refcounter(this.heap);
    this.collector = createCollector?.(this.heap.allocator);
    if (this.collector !== undefined) this.rc.attachCollector(this.collector);
    this.baseline = this.heap.liveObjectCount;
  }

  get types() {
    return this.heap.types;
  }

  get memory() {
    return this.heap.memory;
  }

  /** Live objects created by the test (the heap's own singletons excluded). */
  liveCount(): number {
    return this.heap.liveObjectCount - this.baseline;
  }

  /** A class with `slots` numbered reference slots, weakrefable unless told otherwise. */
  defineClass(
    name: string,
    slots: number,
    hooks: PyClassHooks = {},
    options: { gc?: boolean; weakrefable?: boolean } = {},
  ): TypeId {
    const gc = options.gc ?? true;
    if (hooks.clear !== undefined) {
      const fixed: number[] = [];
      for (let i = 0; i < slots; i++) fixed.push(FIRST_FIELD + 4 * i);
      const spec: TypeSpec = {
        name,
        basicSize: FIRST_FIELD + 4 * Math.max(slots, 1),
        flags: gc ? TypeFlags.GC : 0,
        references: { fixed },
        clear: hooks.clear,
        ...(hooks.finalize ? { finalize: hooks.finalize } : {}),
        ...(hooks.del ? { del: hooks.del } : {}),
      };
      const typeId = this.heap.defineType(spec);
      this.slotOffsets.set(typeId, fixed);
      return typeId;
    }
    const names = Array.from({ length: slots }, (_, i) => `s${i}`);
    const typeId = this.heap.defineClass({
      name,
      slots: names,
      dict: false,
      weakrefable: options.weakrefable ?? true,
      gc,
      finalize: hooks.finalize,
      legacyDel: hooks.del,
    });
    this.slotOffsets.set(
      typeId,
      names.map((slot) => this.heap.slotOffset(typeId, slot)),
    );
    return typeId;
  }

  /** A type with a custom spec (slots at 8, 12, … for `get`/`set`). */
  defineType(spec: TypeSpec, slots = 0): TypeId {
    const typeId = this.heap.defineType(spec);
    this.slotOffsets.set(
      typeId,
      Array.from({ length: slots }, (_, i) => FIRST_FIELD + 4 * i),
    );
    return typeId;
  }

  newInstance(typeId: TypeId, ...values: Ptr[]): Ptr {
    const obj = this.heap.allocate(typeId);
    values.forEach((value, i) => {
      if (value !== 0) this.set(obj, i, value);
    });
    return obj;
  }

  newInt(value: number): Ptr {
    return this.heap.newInt(value);
  }

  newList(...values: Ptr[]): Ptr {
    return this.heap.newList(values.map((value) => (value === 0 ? this.heap.none : value)));
  }

  /** A list of `length` `None`s. */
  newEmptyList(length: number): Ptr {
    return this.heap.newList(Array.from({ length }, () => this.heap.none));
  }

  newTuple(...values: Ptr[]): Ptr {
    return this.heap.newTuple(values.map((value) => (value === 0 ? this.heap.none : value)));
  }

  /** A dict from key/value pairs (a value of 0 is `None`). */
  newDict(...pairs: [Ptr, Ptr][]): Ptr {
    const dict = this.heap.newDict();
    for (const [key, value] of pairs)
      this.heap.dictSetItem(dict, key, value === 0 ? this.heap.none : value);
    return dict;
  }

  /** Slot `i` of an instance, item `i` of a list/tuple, or word `i` of a dict's key,value,… run. */
  get(obj: Ptr, index: number): Ptr {
    const heap = this.heap;
    const typeId = heap.typeOf(obj);
    if (typeId === heap.listType) return this.orZero(heap.listGetItem(obj, index));
    if (typeId === heap.tupleType) return this.orZero(heap.tupleGetItem(obj, index));
    if (typeId === heap.dictType) {
      const pair = heap.dictItems(obj)[index >> 1]!;
      return this.orZero(pair[index & 1]!);
    }
    return heap.loadField(obj, this.offset(typeId, index));
  }

  /** `obj.sN = value`, `list[i] = value`, or `dict[key_i] = value` for odd `index` (Py_SETREF). */
  set(obj: Ptr, index: number, value: Ptr): void {
    const heap = this.heap;
    const typeId = heap.typeOf(obj);
    if (typeId === heap.listType) {
      heap.listSetItem(obj, index, value === 0 ? heap.none : value);
    } else if (typeId === heap.dictType) {
      if ((index & 1) === 0) throw new TypeError("dict keys cannot be replaced");
      const key = heap.dictItems(obj)[index >> 1]![0];
      heap.dictSetItem(obj, key, value === 0 ? heap.none : value);
    } else {
      heap.storeField(obj, this.offset(typeId, index), value);
    }
  }

  private offset(typeId: TypeId, index: number): number {
    const offset = this.slotOffsets.get(typeId)?.[index];
    if (offset === undefined)
      throw new RangeError(`type '${this.types.spec(typeId).name}' has no slot ${index}`);
    return offset;
  }

  private orZero(obj: Ptr): Ptr {
    return obj === this.heap.none ? 0 : obj;
  }

  newWeakref(referent: Ptr, callback?: (wr: Ptr) => void): Ptr {
    return this.heap.newWeakref(referent, callback);
  }

  /** `wr()`, with 0 for `None`. */
  deref(wr: Ptr): Ptr {
    return this.orZero(this.heap.weakrefGet(wr));
  }

  incref(obj: Ptr): void {
    this.rc.incref(obj);
  }

  decref(obj: Ptr): void {
    this.rc.decref(obj);
  }

  refcount(obj: Ptr): number {
    return this.rc.refcount(obj);
  }

  isAlive(obj: Ptr): boolean {
    return this.heap.isLive(obj);
  }

  isFinalized(obj: Ptr): boolean {
    return (this.memory.u32[(obj + GC_PREV_OFFSET) >>> 2]! & GC_PREV_MASK_FINALIZED) !== 0;
  }

  verify(): void {
    this.heap.verify();
  }
}
