import type { Lifetime, Ptr } from "@pymem/core";
import { type Heap, ObjectKind } from "@pymem/heap";
import { TupleValue } from "./tuple-value.js";

/** Container kinds `fromJS` builds, by the JavaScript shape they come from. */
const LIST = 1;
const DICT = 2;
const TUPLE = 3;
/** Tuple construction states of the post-order walk. */
const VISITING = 1;
const BUILT = 2;

/** Which Python container a JavaScript value becomes, or 0 for a scalar. */
function containerKind(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  if (Array.isArray(value)) return LIST;
  if (value instanceof TupleValue) return TUPLE;
  if (value instanceof Map) return DICT;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return DICT;
  throw new TypeError(
    `cannot convert a ${value.constructor?.name ?? "object"} to a Python object: expected a number, bigint, string, boolean, null, array, tuple(), Map or plain object`,
  );
}

const KIND_NAMES = ["", "list", "dict", "tuple"];

/** Checks a scalar can be converted, so that nothing is allocated before bad input is found. */
function checkScalar(value: unknown): void {
  switch (typeof value) {
    case "number":
    case "string":
    case "boolean":
      return;
    case "bigint":
      if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER))
        throw new RangeError(`bigint ${value} is outside the ints pymem holds (|n| ≤ 2^53 − 1)`);
      return;
    default:
      if (value === null) return;
      throw new TypeError(`cannot convert ${String(value)} (${typeof value}) to a Python object`);
  }
}

/** The children of a container value, keys before values for dicts. */
function childrenOf(value: object, kind: number): unknown[] {
  if (kind === LIST) return value as unknown[];
  if (kind === TUPLE) return (value as TupleValue).items as unknown[];
  if (value instanceof Map) {
    const children: unknown[] = [];
    for (const [key, item] of value) children.push(key, item);
    return children;
  }
  const children: unknown[] = [];
  for (const key of Object.keys(value)) children.push(key, (value as Record<string, unknown>)[key]);
  return children;
}

/** A dict key must be hashable: a scalar, or a tuple of hashable values. Iterative. */
function checkHashable(key: unknown): void {
  if (containerKind(key) === 0) return; // the common case: no bookkeeping
  const pending: unknown[] = [key];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const value = pending.pop();
    const kind = containerKind(value);
    if (kind === 0) continue;
    if (kind !== TUPLE) throw new TypeError(`unhashable type: '${KIND_NAMES[kind]}'`);
    if (seen.has(value)) continue;
    seen.add(value);
    for (const item of (value as TupleValue).items) pending.push(item);
  }
}

/**
 * Converts a JavaScript scalar to a new reference.
 * @internal
 */
function scalarToPython(heap: Heap, value: unknown): Ptr {
  switch (typeof value) {
    case "number":
      // Negative zero and non-safe integers stay floats: pymem ints are safe integers only.
      return Number.isSafeInteger(value) && !Object.is(value, -0)
        ? heap.newInt(value)
        : heap.newFloat(value);
    case "bigint":
      return heap.newInt(Number(value));
    case "string":
      return heap.newStr(value);
    case "boolean":
      return heap.newBool(value);
    default:
      return heap.none;
  }
}

/**
 * Builds Python objects from a JavaScript value and returns a new reference: numbers become
 * `int` (safe integers) or `float`, bigints `int`, strings `str`, booleans and `null`
 * `True`/`False`/`None`, arrays `list`, {@link TupleValue}s `tuple`, `Map`s and plain objects
 * `dict`. Shared and cyclic arrays, maps and objects become shared and cyclic Python containers.
 *
 * @remarks
 * Iterative (no recursion, however deep the value). The whole value is checked before anything
 * is allocated, so unsupported values (`undefined`, functions, class instances, a tuple that
 * contains itself, an unhashable dict key) throw `TypeError` with nothing built; an
 * `OutOfMemoryError` half-way frees what was built (clearing containers first, so no cycle
 * leaks) and leaves the heap consistent.
 *
 * @example
 * ```ts
 * const obj = fromJS(heap, [1, "a", tuple(2), { k: null }]); // [1, 'a', (2,), {'k': None}]
 * ```
 */
export function fromJS(heap: Heap, lifetime: Lifetime, value: unknown): Ptr {
  const rootKind = containerKind(value);
  if (rootKind === 0) {
    checkScalar(value);
    return scalarToPython(heap, value);
  }

  // Phase 1: find every container and check every value, allocating nothing.
  const kinds = new Map<object, number>();
  const children = new Map<object, unknown[]>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    const kind = containerKind(item);
    if (kind === 0) {
      checkScalar(item);
      continue;
    }
    const container = item as object;
    if (kinds.has(container)) continue;
    kinds.set(container, kind);
    const items = childrenOf(container, kind);
    children.set(container, items);
    for (let i = items.length - 1; i >= 0; i--) {
      if (kind === DICT && i % 2 === 0) checkHashable(items[i]);
      pending.push(items[i]);
    }
  }

  // Tuples are built from their items, so they come in post-order; a tuple cycle is impossible.
  const tupleOrder: object[] = [];
  const states = new Map<object, number>();
  for (const [container, kind] of kinds) {
    if (kind !== TUPLE || states.has(container)) continue;
    const stack: object[] = [container];
    states.set(container, VISITING);
    const cursors: number[] = [0];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const items = children.get(top)!;
      const cursor = cursors[cursors.length - 1]!;
      if (cursor === items.length) {
        states.set(top, BUILT);
        tupleOrder.push(top);
        stack.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] = cursor + 1;
      const child = items[cursor];
      if (containerKind(child) !== TUPLE) continue;
      const state = states.get(child as object);
      if (state === VISITING) throw new TypeError("a tuple cannot contain itself");
      if (state === BUILT) continue;
      states.set(child as object, VISITING);
      stack.push(child as object);
      cursors.push(0);
    }
  }

  // Phase 2: allocate. `built` holds one reference to each container until the end.
  const built = new Map<object, Ptr>();
  const temporaries: Ptr[] = [];
  /** A borrowed reference to the Python form of `child` (scalars are kept in `temporaries`). */
  const borrow = (child: unknown): Ptr => {
    if (containerKind(child) !== 0) return built.get(child as object)!;
    const obj = scalarToPython(heap, child);
    temporaries.push(obj);
    return obj;
  };
  const dropTemporaries = (): void => {
    while (temporaries.length > 0) lifetime.decref(temporaries.pop()!);
  };
  try {
    for (const [container, kind] of kinds) {
      if (kind === LIST) built.set(container, heap.newList());
      else if (kind === DICT) built.set(container, heap.newDict());
    }
    for (const container of tupleOrder) {
      const items = children.get(container)!;
      const pointers = new Uint32Array(items.length);
      for (let i = 0; i < items.length; i++) pointers[i] = borrow(items[i]);
      built.set(container, heap.newTuple(pointers));
      dropTemporaries();
    }
    for (const [container, kind] of kinds) {
      const obj = built.get(container)!;
      const items = children.get(container)!;
      if (kind === LIST) {
        for (const item of items) {
          heap.listAppend(obj, borrow(item));
          dropTemporaries();
        }
      } else if (kind === DICT) {
        for (let i = 0; i < items.length; i += 2) {
          heap.dictSetItem(obj, borrow(items[i]), borrow(items[i + 1]));
          dropTemporaries();
        }
      }
    }
  } catch (error) {
    dropTemporaries();
    // Break every cycle among what was built before dropping the references to it.
    for (const [container, obj] of built) {
      const kind = kinds.get(container);
      if (kind === LIST) heap.listClear(obj);
      else if (kind === DICT) heap.dictClear(obj);
    }
    for (const obj of built.values()) lifetime.decref(obj);
    throw error;
  }
  const root = built.get(value as object)!;
  for (const obj of built.values()) if (obj !== root) lifetime.decref(obj);
  return root;
}

/**
 * What {@link toJS} returns: JavaScript values for Python's built-in types.
 *
 * @example
 * ```ts
 * const value: PythonValue = runtime.toJS(obj);
 * ```
 */
export type PythonValue =
  | number
  | string
  | boolean
  | null
  | PythonValue[]
  | TupleValue
  | Map<PythonValue, PythonValue>;

/**
 * Reads Python objects back as JavaScript values — the inverse of {@link fromJS}: `int` and
 * `float` become numbers, `str` strings, `True`/`False`/`None` booleans and `null`, `list` arrays,
 * `tuple` {@link TupleValue}s and `dict` `Map`s (keys keep their Python types). Shared and cyclic
 * containers stay shared and cyclic. Iterative; the heap is not changed.
 *
 * @remarks
 * Instances of user classes and weak references have no JavaScript form: `TypeError`.
 *
 * @example
 * ```ts
 * toJS(heap, obj); // [1, "a", TupleValue { items: [2] }, Map { "k" => null }]
 * ```
 */
export function toJS(heap: Heap, obj: Ptr): PythonValue {
  const converted = new Map<Ptr, PythonValue>();
  const pending: Ptr[] = [];
  const convert = (item: Ptr): PythonValue => {
    switch (heap.kindOf(item)) {
      case ObjectKind.NONE:
        return null;
      case ObjectKind.BOOL:
        return item === heap.true;
      case ObjectKind.INT:
      case ObjectKind.FLOAT:
        return heap.numberValue(item);
      case ObjectKind.STR:
        return heap.strValue(item);
      case ObjectKind.LIST:
      case ObjectKind.TUPLE:
      case ObjectKind.DICT: {
        const seen = converted.get(item);
        if (seen !== undefined) return seen;
        const kind = heap.kindOf(item);
        const container: PythonValue =
          kind === ObjectKind.LIST
            ? []
            : kind === ObjectKind.TUPLE
              ? new TupleValue([])
              : new Map<PythonValue, PythonValue>();
        converted.set(item, container);
        pending.push(item);
        return container;
      }
      default:
        throw new TypeError(
          `cannot convert a '${heap.typeName(item)}' object (${heap.describe(item)}) to a JavaScript value`,
        );
    }
  };
  heap.checkLive(obj);
  const root = convert(obj);
  while (pending.length > 0) {
    const item = pending.pop()!;
    const container = converted.get(item)!;
    const kind = heap.kindOf(item);
    if (kind === ObjectKind.LIST) {
      const array = container as PythonValue[];
      for (let i = 0; i < heap.listLength(item); i++)
        array.push(convert(heap.listGetItem(item, i)));
    } else if (kind === ObjectKind.TUPLE) {
      const items = (container as TupleValue).items as PythonValue[];
      for (let i = 0; i < heap.tupleLength(item); i++)
        items.push(convert(heap.tupleGetItem(item, i)));
    } else {
      const map = container as Map<PythonValue, PythonValue>;
      for (const [key, value] of heap.dictItems(item)) map.set(convert(key), convert(value));
    }
  }
  return root;
}
