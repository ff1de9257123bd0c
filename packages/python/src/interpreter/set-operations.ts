import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { iterate } from "./iteration.js";
import type { Machine } from "./machine.js";
import { repr } from "./object-repr.js";
import { Cmp, Op } from "./operator-codes.js";
import { checkHashable } from "./operators.js";

/**
 * `set` and `frozenset` in the evaluator: building them from iterables and displays, the
 * operators `| & - ^` (and their in-place forms on sets), the comparisons, iteration and `repr`,
 * each as CPython's `setobject.c` does it. The hash table and the set-with-set algorithms are the
 * heap's (`@pymem/heap` set-objects / set-algebra); these functions add Python's argument rules.
 *
 * @module
 */

/**
 * Whether `obj` is a set or frozenset. CPython: `PyAnySet_Check`.
 *
 * @example
 * ```ts
 * if (isAnySet(machine, other)) machine.heap.setMerge(s, other);
 * ```
 */
export function isAnySet(m: Machine, obj: Ptr): boolean {
  // By kind: instances of set and frozenset subclasses too (CPython: PyAnySet_Check).
  const kind = m.heap.kinds[m.typeIdOf(obj)];
  return kind === ObjectKind.SET || kind === ObjectKind.FROZENSET;
}

/**
 * A new set (or frozenset) holding the items of `iterable` (none when 0). CPython: `make_new_set`.
 *
 * @example
 * ```ts
 * const s = newSetFrom(machine, list, false); // set(list)
 * ```
 */
export function newSetFrom(m: Machine, iterable: Ptr, frozen: boolean): Ptr {
  const set = m.heap.newSet(frozen);
  if (iterable === 0) return set;
  m.push(set); // released with the value stack if the iteration raises
  updateSet(m, set, iterable);
  m.sp--;
  return set;
}

/**
 * Adds every item of `iterable` to `set`: a set is merged, a dict's keys are added with one
 * presize, anything else item by item. CPython: `set_update_internal`.
 *
 * @example
 * ```ts
 * updateSet(machine, s, other); // s.update(other)
 * ```
 */
export function updateSet(m: Machine, set: Ptr, iterable: Ptr): void {
  const heap = m.heap;
  if (isAnySet(m, iterable)) {
    heap.setMerge(set, iterable);
    return;
  }
  if (m.typeIdOf(iterable) === heap.dictType) {
    heap.setMergeDictKeys(set, iterable);
    return;
  }
  iterate(m, iterable, (item) => {
    addKey(m, set, item);
    return true;
  });
}

/**
 * Calls `use` with `key`, or — when `key` is a set, which cannot be hashed — with a temporary
 * frozenset of its keys, as `discard`, `remove` and `in` do. CPython: the retry in `set_discard`.
 *
 * @example
 * ```ts
 * withKey(machine, key, (k) => machine.heap.setContains(s, k)); // {1} in s
 * ```
 */
export function withKey<T>(m: Machine, key: Ptr, use: (key: Ptr) => T): T {
  if (m.typeIdOf(key) !== m.heap.setType) {
    checkHashable(m, key);
    return use(key);
  }
  const frozen = m.heap.setCopy(key, true);
  m.push(frozen);
  const value = use(frozen);
  m.sp--;
  m.decref(frozen);
  return value;
}

/**
 * `set.add(key)` with Python's TypeError for an unhashable key. CPython: `set_add_key`.
 *
 * @example
 * ```ts
 * addKey(machine, s, item); // raises TypeError: unhashable type: 'list' for a list
 * ```
 */
export function addKey(m: Machine, set: Ptr, key: Ptr): void {
  checkHashable(m, key);
  m.heap.setAdd(set, key);
}

/**
 * A set display `{a, b, c}` of the evaluated `items`. When every element is a constant and there
 * are more than two, CPython's compiler stores them as a frozenset constant — built from the
 * items, then rebuilt in that frozenset's order when constants are merged — and the display is
 * `BUILD_SET 0` + `SET_UPDATE` of it; otherwise `BUILD_SET n` adds the items in order. The two
 * paths give different table sizes and orders, which `sys.getsizeof` and iteration show.
 *
 * @example
 * ```ts
 * const s = buildSetDisplay(machine, items, true);
 * ```
 */
export function buildSetDisplay(m: Machine, items: ArrayLike<Ptr>, constant: boolean): Ptr {
  const heap = m.heap;
  if (!constant || items.length <= 2) {
    const set = heap.newSet();
    m.push(set);
    for (let i = 0; i < items.length; i++) addKey(m, set, items[i]!);
    m.sp--;
    return set;
  }
  const first = heap.newSet(true);
  try {
    for (let i = 0; i < items.length; i++) heap.setAdd(first, items[i]!);
    const merged = heap.newSet(true);
    try {
      for (const key of heap.setKeys(first)) heap.setAdd(merged, key);
      return heap.setCopy(merged, false);
    } finally {
      m.decref(merged);
    }
  } finally {
    m.decref(first);
  }
}

/**
 * `a op b` for `| & - ^` when both operands are sets or frozensets, as a new reference of `a`'s
 * kind; 0 when the operands or the operator are not the set's (CPython returns NotImplemented).
 * CPython: `set_or`, `set_and`, `set_sub`, `set_xor`.
 *
 * @example
 * ```ts
 * const union = setBinary(machine, Op.OR, a, b);
 * ```
 */
export function setBinary(m: Machine, op: number, a: Ptr, b: Ptr): Ptr {
  if (!isAnySet(m, a) || !isAnySet(m, b)) return 0;
  const heap = m.heap;
  const frozen = m.typeIdOf(a) === heap.frozensetType;
  switch (op) {
    case Op.OR: {
      const result = heap.setCopy(a, frozen);
      heap.setMerge(result, b);
      return result;
    }
    case Op.AND:
      return heap.setIntersection(a, b);
    case Op.SUB:
      return heap.setDifference(a, b);
    case Op.XOR:
      return heap.setSymmetricDifference(a, b);
    default:
      return 0;
  }
}

/**
 * `a op= b` for a (mutable) set `a` and a set or frozenset `b`: changes `a` and returns a new
 * reference to it; 0 when CPython would return NotImplemented (then `a op b` is used).
 * CPython: `set_ior`, `set_iand`, `set_isub`, `set_ixor`.
 *
 * @example
 * ```ts
 * const same = setInPlace(machine, Op.OR, s, other); // s |= other
 * ```
 */
export function setInPlace(m: Machine, op: number, a: Ptr, b: Ptr): Ptr {
  const heap = m.heap;
  if (heap.kinds[m.typeIdOf(a)] !== ObjectKind.SET || !isAnySet(m, b)) return 0;
  switch (op) {
    case Op.OR:
      heap.setMerge(a, b);
      break;
    case Op.AND:
      heap.setIntersectionUpdate(a, b);
      break;
    case Op.SUB:
      heap.setDifferenceUpdate(a, b);
      break;
    case Op.XOR:
      heap.setSymmetricDifferenceUpdate(a, b);
      break;
    default:
      return 0;
  }
  return m.incref(a);
}

/**
 * `a op b` for the six comparisons between two sets or frozensets (subset order, not a total
 * order); undefined when either is not a set (CPython returns NotImplemented).
 * CPython: `set_richcompare`.
 *
 * @example
 * ```ts
 * compareSets(machine, Cmp.LE, a, b); // a.issubset(b)
 * ```
 */
export function compareSets(m: Machine, op: number, a: Ptr, b: Ptr): boolean | undefined {
  if (!isAnySet(m, a) || !isAnySet(m, b)) return undefined;
  const heap = m.heap;
  switch (op) {
    case Cmp.EQ:
      return heap.setsEqual(a, b);
    case Cmp.NE:
      return !heap.setsEqual(a, b);
    case Cmp.LE:
      return heap.setIsSubset(a, b);
    case Cmp.GE:
      return heap.setIsSubset(b, a);
    case Cmp.LT:
      return heap.setLength(a) < heap.setLength(b) && heap.setIsSubset(a, b);
    case Cmp.GT:
      return heap.setLength(a) > heap.setLength(b) && heap.setIsSubset(b, a);
    default:
      return undefined;
  }
}

/**
 * Calls `each` with every key of a set as a new reference it takes over, by table position, and
 * raises CPython's RuntimeError when the set changes size meanwhile. CPython: `setiter_iternext`.
 *
 * @example
 * ```ts
 * iterateSet(machine, s, (key) => { machine.decref(key); return true; });
 * ```
 */
export function iterateSet(m: Machine, set: Ptr, each: (item: Ptr) => boolean | undefined): void {
  const heap = m.heap;
  const size = heap.setLength(set);
  let position = -1;
  for (;;) {
    if (heap.setLength(set) !== size) m.raise("RuntimeError", "Set changed size during iteration");
    position = heap.setNextPosition(set, position);
    if (position < 0) return;
    if (each(m.incref(heap.setKeyAt(set, position))) === false) return;
  }
}

/**
 * `repr(s)`: `set()`, `{1, 2}`, `frozenset()`, `frozenset({1, 2})`, and `set(...)` when the
 * set is already being shown (a key whose repr shows the set). CPython: `set_repr`.
 *
 * @example
 * ```ts
 * setRepr(machine, heap.newSet()); // "set()"
 * ```
 */
export function setRepr(m: Machine, set: Ptr): string {
  const heap = m.heap;
  const name = m.typeName(set);
  if (heap.setLength(set) === 0) return `${name}()`;
  if (m.reprActive.has(set)) return `${name}(...)`;
  m.reprActive.add(set);
  // CPython: PySequence_List(so) — the keys are held while their reprs run user code.
  const keys = heap.setKeys(set);
  for (const key of keys) m.incref(key);
  try {
    const inner = `{${keys.map((key) => repr(m, key)).join(", ")}}`;
    return heap.typeOf(set) === heap.setType ? inner : `${name}(${inner})`;
  } finally {
    m.reprActive.delete(set);
    for (const key of keys) m.decref(key);
  }
}
