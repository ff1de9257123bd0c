import { type Ptr, TypeFlags, type TypeId } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import { internalHeap } from "@pymem/heap/internal";
import type { PyException } from "./exceptions.js";
import type { Frame } from "./frame.js";
import type { Machine, TypeRecord } from "./machine.js";
import { allocateOwning } from "./owned-allocation.js";

/**
 * Iterator objects in linear memory: their byte layouts, their heap types (with CPython's GC
 * flags) and the JavaScript-side tables heap objects point into — the `next` function of each
 * native iterator and (for generator-objects.ts) the continuation of each generator. The
 * iteration protocol over them is in iterator-protocol.ts.
 *
 * ```text
 *  seq iterator  GC │ refcnt │ type │ seq      │ index raw │                         16
 *  dict iterator GC │ refcnt │ type │ dict     │ used raw  │ pos raw │ result │        24
 *  range iter       │ refcnt │ type │ next f64 │ step f64  │ remaining f64 │          32
 *  callable iter GC │ refcnt │ type │ callable │ sentinel  │                          16
 *  enumerate     GC │ refcnt │ type │ iterator │ (unused)  │ index f64 │              24
 *  zip           GC │ refcnt │ type │ iterators│ strict raw│                          16
 *  map           GC │ refcnt │ type │ function │ iterators │                          16
 *  filter        GC │ refcnt │ type │ function │ iterator  │                          16
 *  native iter   GC │ refcnt │ type │ held     │ next raw  │                          16
 * ```
 *
 * A sequence iterator (`list_iterator`, `tuple_iterator`, `str_ascii_iterator`, `str_iterator`,
 * `list_reverseiterator`, `iterator` over `__getitem__`, `reversed`) drops its sequence when it is
 * exhausted, as CPython's do (`it_seq = NULL`), so an exhausted iterator keeps nothing alive.
 *
 * @module
 */

/** Sequence iterator: the sequence, or 0 once exhausted. CPython: `it_seq`. */
export const SEQ_ITERATOR_SEQ_OFFSET = 8;
/** Sequence iterator: the next index (raw; for str iterators a UTF-16 offset). CPython: `it_index`. */
export const SEQ_ITERATOR_INDEX_OFFSET = 12;
/** Size of a sequence iterator. */
export const SEQ_ITERATOR_SIZE = 16;

/** Dict iterator: the dict, or 0 once exhausted. CPython: `di_dict`. */
export const DICT_ITERATOR_DICT_OFFSET = 8;
/** Dict iterator: the dict's length when iteration began (raw). CPython: `di_used`. */
export const DICT_ITERATOR_USED_OFFSET = 12;
/** Dict iterator: the next entry position (raw). CPython: `di_pos`. */
export const DICT_ITERATOR_POSITION_OFFSET = 16;
/** Dict item iterator: the last `(key, value)` tuple, kept until the next step. CPython: `di_result`. */
export const DICT_ITERATOR_RESULT_OFFSET = 20;
/** Size of a dict iterator. */
export const DICT_ITERATOR_SIZE = 24;

/** Range iterator: the next value (float64 safe integer). */
export const RANGE_ITERATOR_NEXT_OFFSET = 8;
/** Range iterator: the step. */
export const RANGE_ITERATOR_STEP_OFFSET = 16;
/** Range iterator: how many values are left. CPython: `len`. */
export const RANGE_ITERATOR_REMAINING_OFFSET = 24;
/** Size of a range iterator. */
export const RANGE_ITERATOR_SIZE = 32;

/** Callable iterator (`iter(f, sentinel)`): the callable, 0 once exhausted. CPython: `it_callable`. */
export const CALLABLE_ITERATOR_CALLABLE_OFFSET = 8;
/** Callable iterator: the sentinel, 0 once exhausted. CPython: `it_sentinel`. */
export const CALLABLE_ITERATOR_SENTINEL_OFFSET = 12;
/** Size of a callable iterator. */
export const CALLABLE_ITERATOR_SIZE = 16;

/** enumerate: the underlying iterator. CPython: `en_sit`. */
export const ENUMERATE_ITERATOR_OFFSET = 8;
/**
 * enumerate: the result tuple, made `(None, None)` with the object and reused by the next step
 * while nothing else holds it. CPython: `en_result`.
 */
export const ENUMERATE_RESULT_OFFSET = 12;
/** enumerate: the next index (float64). CPython: `en_index`. */
export const ENUMERATE_INDEX_OFFSET = 16;
/** Size of an enumerate object. */
export const ENUMERATE_SIZE = 24;

/** zip: a tuple of the iterators. CPython: `ittuple`. */
export const ZIP_ITERATORS_OFFSET = 8;
/** zip: 1 for `strict=True` (raw). CPython: `strict`. */
export const ZIP_STRICT_OFFSET = 12;
/**
 * zip: the result tuple, made of Nones with the object and reused by the next step while
 * nothing else holds it. CPython: `result`.
 */
export const ZIP_RESULT_OFFSET = 16;
/** Size of a zip object. */
export const ZIP_SIZE = 20;

/** map: the function. CPython: `func`. */
export const MAP_FUNCTION_OFFSET = 8;
/** map: a tuple of the iterators. CPython: `iters`. */
export const MAP_ITERATORS_OFFSET = 12;
/** Size of a map object. */
export const MAP_SIZE = 16;

/** filter: the predicate (None keeps true items). CPython: `func`. */
export const FILTER_FUNCTION_OFFSET = 8;
/** filter: the underlying iterator. CPython: `it`. */
export const FILTER_ITERATOR_OFFSET = 12;
/** Size of a filter object. */
export const FILTER_SIZE = 16;

/** Native iterator: a tuple of the objects its `next` function uses, or 0. */
export const NATIVE_ITERATOR_HELD_OFFSET = 8;
/** Native iterator: index of its `next` function in the iterator table (raw). */
export const NATIVE_ITERATOR_NEXT_OFFSET = 12;
/** Size of a native iterator. */
export const NATIVE_ITERATOR_SIZE = 16;

/**
 * The next item of a native iterator: a new reference, or 0 when the iterator is exhausted.
 * `self` is the iterator object (borrowed), whose held objects {@link nativeIteratorHeld}
 * reads. It may raise like any native function.
 *
 * @example
 * ```ts
 * let n = 0;
 * const next: NativeIteratorNext = () => (n < 3 ? machine.newInt(n++) : 0);
 * ```
 */
export type NativeIteratorNext = (self: Ptr) => Ptr;

/**
 * A type's `tp_iternext`: the next item of iterator `it` as a new reference, or 0 when exhausted.
 *
 * @example
 * ```ts
 * const next: IteratorNextFunction = (m, it) => 0; // always exhausted
 * ```
 * @internal
 */
export type IteratorNextFunction = (m: Machine, it: Ptr) => Ptr;

/**
 * The JavaScript half of a suspended or running generator: its continuation (a JS generator
 * compiled from the body), the JS frame record the continuation runs with, and — while the
 * generator is suspended — the value-stack entries and handled exceptions it set aside. The
 * heap generator owns it; `saved` (up to `savedCount`) and `handling` are owned references the generator's traverse
 * reports and its clear releases.
 *
 * @internal
 */
export interface Continuation {
  iterator: Generator<Ptr, number, Ptr> | undefined;
  readonly frame: Frame;
  /** Set-aside value-stack entries: the first {@link Continuation.savedCount} are live. */
  readonly saved: Ptr[];
  /**
   * How many of `saved` are live: resuming resets this instead of the array's `length`, which V8
   * changes through a runtime call (every level of a `yield from` chain resumes with saved entries).
   */
  savedCount: number;
  readonly handling: PyException[];
}

/**
 * The type ids of the built-in iterator types.
 *
 * @example
 * ```ts
 * const types = iteratorTypes(machine);
 * machine.typeIdOf(obj) === types.listIterator;
 * ```
 */
export interface IteratorTypeIds {
  readonly listIterator: TypeId;
  readonly listReverseIterator: TypeId;
  readonly tupleIterator: TypeId;
  readonly strAsciiIterator: TypeId;
  readonly strIterator: TypeId;
  readonly sequenceIterator: TypeId;
  readonly reversed: TypeId;
  readonly rangeIterator: TypeId;
  readonly dictKeyIterator: TypeId;
  readonly dictValueIterator: TypeId;
  readonly dictItemIterator: TypeId;
  readonly callableIterator: TypeId;
  readonly enumerate: TypeId;
  readonly zip: TypeId;
  readonly map: TypeId;
  readonly filter: TypeId;
  /** Defined last: the built-in iterator type ids run from listIterator to this one. */
  readonly setIterator: TypeId;
}

/**
 * Per heap: the iterator types and the JavaScript tables their objects index, and the machine
 * running code on that heap (hooks such as a generator's finalizer run Python code).
 *
 * @internal
 */
export class IteratorRuntime {
  /** The machine whose code the hooks run (the latest interpreter on this heap). */
  machine!: Machine;
  /** The generator type (defined by generator-objects.ts on first use), or 0. */
  generatorType: TypeId = 0;
  /** The coroutine type (generator-objects.ts: the generator's layout and hooks), or 0. */
  coroutineType: TypeId = 0;
  /** The async generator type (async-generator-objects.ts, on the generator's layout), or 0. */
  asyncGeneratorType: TypeId = 0;
  /** A finished generator's return value, handed from `resumeGenerator` to its caller (owned). */
  generatorReturn: Ptr = 0;
  /** Continuations of generators by index (generator-objects.ts). */
  readonly continuations: Array<Continuation | undefined> = [];
  private readonly freeContinuations: number[] = [];
  /** Native iterator `next` functions by index (NATIVE_ITERATOR_NEXT_OFFSET). */
  readonly nativeNexts: Array<NativeIteratorNext | undefined> = [];
  private readonly freeNativeNexts: number[] = [];
  /** Native iterator type ids by name (`itertools.count`). */
  readonly nativeTypes = new Map<string, TypeId>();
  /** The same type ids, for membership tests. */
  readonly nativeTypeIds = new Set<TypeId>();
  /**
   * Per type id: its `tp_iternext` (iterator-protocol.ts fills the built-in ones; native iterator
   * types get one that calls their `next` function).
   */
  readonly nexts: Array<IteratorNextFunction | undefined> = [];
  /** Whether the built-in types' entries of {@link IteratorRuntime.nexts} are filled. */
  builtinNextsInstalled = false;

  constructor(readonly types: IteratorTypeIds) {}

  /** Stores a continuation; returns its index. */
  addContinuation(continuation: Continuation): number {
    const index = this.freeContinuations.pop() ?? this.continuations.length;
    this.continuations[index] = continuation;
    return index;
  }

  /** Forgets a continuation. */
  dropContinuation(index: number): void {
    this.continuations[index] = undefined;
    this.freeContinuations.push(index);
  }

  /** Stores a native `next` function; returns its index. */
  addNativeNext(next: NativeIteratorNext): number {
    const index = this.freeNativeNexts.pop() ?? this.nativeNexts.length;
    this.nativeNexts[index] = next;
    return index;
  }

  /** Forgets a native `next` function. */
  dropNativeNext(index: number): void {
    this.nativeNexts[index] = undefined;
    this.freeNativeNexts.push(index);
  }
}

const runtimes = new WeakMap<Heap, IteratorRuntime>();
/** The last machine asked about and its runtime (the lookup is on every iteration step). */
let lastMachine: Machine | undefined;
let lastRuntime: IteratorRuntime | undefined;

/**
 * The iterator runtime of `m`'s heap, made on first use (types registered once per heap, type
 * records and methods once per machine). Later machines on the same heap take it over.
 *
 * @example
 * ```ts
 * const runtime = iteratorRuntime(machine);
 * ```
 * @internal
 */
export function iteratorRuntime(m: Machine): IteratorRuntime {
  if (m === lastMachine) return lastRuntime!;
  let runtime = runtimes.get(m.heap);
  if (runtime === undefined) {
    runtime = new IteratorRuntime(defineIteratorTypes(m.heap));
    runtimes.set(m.heap, runtime);
  }
  runtime.machine = m;
  lastMachine = m;
  lastRuntime = runtime;
  return runtime;
}

/**
 * Registers the built-in type record of `id` once per machine (`__name__` is the part of `name`
 * after the module: `count` of `itertools.count`, as CPython's tp_name tail).
 *
 * @example
 * ```ts
 * registerBuiltinType(machine, "itertools.count", countTypeId);
 * ```
 * @internal
 */
export function registerBuiltinType(m: Machine, name: string, id: TypeId): TypeRecord {
  const existing = m.builtinTypes.get(name);
  if (existing !== undefined) return existing;
  const shortName = name.slice(name.lastIndexOf(".") + 1);
  return m.registerBuiltin(name, id, m.builtinType("object"), false, shortName);
}

/** The name Python shows for each iterator type, in {@link IteratorTypeIds} order. */
const TYPE_NAMES: Record<keyof IteratorTypeIds, string> = {
  listIterator: "list_iterator",
  listReverseIterator: "list_reverseiterator",
  tupleIterator: "tuple_iterator",
  strAsciiIterator: "str_ascii_iterator",
  strIterator: "str_iterator",
  sequenceIterator: "iterator",
  reversed: "reversed",
  rangeIterator: "range_iterator",
  dictKeyIterator: "dict_keyiterator",
  dictValueIterator: "dict_valueiterator",
  dictItemIterator: "dict_itemiterator",
  callableIterator: "callable_iterator",
  enumerate: "enumerate",
  zip: "zip",
  map: "map",
  filter: "filter",
  setIterator: "set_iterator",
};

/**
 * Registers the type records of the iterator types with `m` (so `type(it)` and `repr` name them).
 *
 * @example
 * ```ts
 * registerIteratorTypes(machine);
 * ```
 * @internal
 */
export function registerIteratorTypes(m: Machine): IteratorRuntime {
  const runtime = iteratorRuntime(m);
  for (const key of Object.keys(TYPE_NAMES) as Array<keyof IteratorTypeIds>)
    registerBuiltinType(m, TYPE_NAMES[key], runtime.types[key]);
  for (const [name, id] of runtime.nativeTypes) registerBuiltinType(m, name, id);
  return runtime;
}

/**
 * Defines (once per heap) and registers a native iterator type named `name` (`itertools.count`):
 * its objects are made by {@link newNativeIterator}.
 *
 * @example
 * ```ts
 * const countType = nativeIteratorType(machine, "itertools.count");
 * ```
 */
export function nativeIteratorType(m: Machine, name: string): TypeId {
  const runtime = iteratorRuntime(m);
  let id = runtime.nativeTypes.get(name);
  if (id === undefined) {
    id = defineNativeIteratorType(m.heap, name, runtime);
    runtime.nativeTypes.set(name, id);
    runtime.nativeTypeIds.add(id);
    runtime.nexts[id] = (_m, it) =>
      runtime.nativeNexts[m.heap.memory.u32[(it + NATIVE_ITERATOR_NEXT_OFFSET) >>> 2]!]!(it);
  }
  registerBuiltinType(m, name, id);
  return id;
}

/**
 * A new native iterator of type `typeId` (from {@link nativeIteratorType}): `next` produces its
 * items; `held` (borrowed, may be empty) are the objects it uses, owned by the iterator as a
 * tuple that collectors see (read them back with {@link nativeIteratorHeld}). The iterator works
 * everywhere an iterator does: `for`, `next()`, `list()`, unpacking, `yield from`.
 *
 * @example
 * ```ts
 * const type = nativeIteratorType(machine, "itertools.repeat");
 * const it = newNativeIterator(machine, type, [value], (self) =>
 *   machine.incref(nativeIteratorHeld(machine, self, 0)),
 * );
 * ```
 */
export function newNativeIterator(
  m: Machine,
  typeId: TypeId,
  held: readonly Ptr[],
  next: NativeIteratorNext,
): Ptr {
  const runtime = iteratorRuntime(m);
  const heldTuple = held.length > 0 ? m.newTuple(held) : 0;
  const it = allocateOwning(m, typeId, [heldTuple]);
  const u32 = m.heap.memory.u32;
  u32[(it + NATIVE_ITERATOR_HELD_OFFSET) >>> 2] = heldTuple;
  u32[(it + NATIVE_ITERATOR_NEXT_OFFSET) >>> 2] = runtime.addNativeNext(next);
  return it;
}

/**
 * The `index`-th object a native iterator holds (borrowed).
 *
 * @example
 * ```ts
 * const source = nativeIteratorHeld(machine, self, 0);
 * ```
 */
export function nativeIteratorHeld(m: Machine, self: Ptr, index: number): Ptr {
  const held = m.heap.memory.u32[(self + NATIVE_ITERATOR_HELD_OFFSET) >>> 2]!;
  return m.heap.tupleGetItem(held, index);
}

function defineNativeIteratorType(heap: Heap, name: string, runtime: IteratorRuntime): TypeId {
  let id = 0;
  id = heap.defineType({
    name,
    basicSize: NATIVE_ITERATOR_SIZE,
    flags: TypeFlags.GC,
    references: { fixed: [NATIVE_ITERATOR_HELD_OFFSET] },
    dealloc: (it) => {
      const u32 = heap.memory.u32;
      runtime.dropNativeNext(u32[(it + NATIVE_ITERATOR_NEXT_OFFSET) >>> 2]!);
      const held = u32[(it + NATIVE_ITERATOR_HELD_OFFSET) >>> 2]!;
      u32[(it + NATIVE_ITERATOR_HELD_OFFSET) >>> 2] = 0;
      if (held !== 0) internalHeap(heap).requireLifetime().decref(held);
      heap.releaseObject(it, id);
    },
  });
  return id;
}

/** Defines the iterator types in `heap`. */
function defineIteratorTypes(heap: Heap): IteratorTypeIds {
  const gc = TypeFlags.GC;
  const sequence = (name: string): TypeId =>
    heap.defineType({
      name,
      basicSize: SEQ_ITERATOR_SIZE,
      flags: gc,
      references: { fixed: [SEQ_ITERATOR_SEQ_OFFSET] },
    });
  const dict = (name: string): TypeId =>
    heap.defineType({
      name,
      basicSize: DICT_ITERATOR_SIZE,
      flags: gc,
      references: { fixed: [DICT_ITERATOR_DICT_OFFSET, DICT_ITERATOR_RESULT_OFFSET] },
    });
  const pair = (name: string, size: number, first: number, second: number): TypeId =>
    heap.defineType({ name, basicSize: size, flags: gc, references: { fixed: [first, second] } });
  return {
    listIterator: sequence("list_iterator"),
    listReverseIterator: sequence("list_reverseiterator"),
    tupleIterator: sequence("tuple_iterator"),
    strAsciiIterator: sequence("str_ascii_iterator"),
    strIterator: sequence("str_iterator"),
    sequenceIterator: sequence("iterator"),
    reversed: sequence("reversed"),
    // CPython's range iterator holds no references and is not GC-tracked.
    rangeIterator: heap.defineType({ name: "range_iterator", basicSize: RANGE_ITERATOR_SIZE }),
    dictKeyIterator: dict("dict_keyiterator"),
    dictValueIterator: dict("dict_valueiterator"),
    dictItemIterator: dict("dict_itemiterator"),
    callableIterator: pair(
      "callable_iterator",
      CALLABLE_ITERATOR_SIZE,
      CALLABLE_ITERATOR_CALLABLE_OFFSET,
      CALLABLE_ITERATOR_SENTINEL_OFFSET,
    ),
    enumerate: heap.defineType({
      name: "enumerate",
      basicSize: ENUMERATE_SIZE,
      flags: gc,
      // CPython: enum_traverse (en_sit, en_result), enum_dealloc in the same order.
      references: { fixed: [ENUMERATE_ITERATOR_OFFSET, ENUMERATE_RESULT_OFFSET] },
    }),
    zip: heap.defineType({
      name: "zip",
      basicSize: ZIP_SIZE,
      flags: gc,
      // CPython: zip_traverse (ittuple, result), zip_dealloc in the same order.
      references: { fixed: [ZIP_ITERATORS_OFFSET, ZIP_RESULT_OFFSET] },
    }),
    map: pair("map", MAP_SIZE, MAP_FUNCTION_OFFSET, MAP_ITERATORS_OFFSET),
    filter: pair("filter", FILTER_SIZE, FILTER_FUNCTION_OFFSET, FILTER_ITERATOR_OFFSET),
    // CPython's setiterobject: the set, its size when iteration began, the position (+1 here).
    setIterator: dict("set_iterator"),
  };
}
