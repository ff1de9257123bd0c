import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { iterate } from "./iteration.js";
import type { Machine } from "./machine.js";
import { defineTypeMethod } from "./native-arguments.js";
import { keyError } from "./object-access.js";
import { checkHashable } from "./operators.js";
import { addKey, isAnySet, newSetFrom, updateSet, withKey } from "./set-operations.js";

/**
 * Installs the methods of `set` and `frozenset` into their type dicts, each following its
 * `setobject.c` function (named beside it) for which operand is walked, when a temporary set is
 * built, and the errors raised.
 *
 * @example
 * ```ts
 * installSetMethods(machine);
 * ```
 * @internal
 */
export function installSetMethods(m: Machine): void {
  const heap = m.heap;
  const none = (): Ptr => heap.none;
  const define = (
    typeName: "set" | "frozenset",
    name: string,
    min: number,
    max: number,
    fn: (self: Ptr, args: readonly Ptr[]) => Ptr,
  ): void => {
    const kind = typeName === "set" ? ObjectKind.SET : ObjectKind.FROZENSET;
    defineTypeMethod(
      m,
      typeName,
      (obj) => heap.kinds[m.typeIdOf(obj)] === kind,
      name,
      min,
      max,
      false,
      fn,
    );
  };
  const both = (
    name: string,
    min: number,
    max: number,
    fn: (self: Ptr, args: readonly Ptr[]) => Ptr,
  ) => {
    define("set", name, min, max, fn);
    define("frozenset", name, min, max, fn);
  };
  const many = Number.MAX_SAFE_INTEGER;

  // ─────────────────────────────────────────── set and frozenset

  // CPython: set_copy / frozenset_copy (an exact frozenset is its own copy).
  both("copy", 0, 0, (self) =>
    m.typeIdOf(self) === heap.frozensetType ? m.incref(self) : heap.setCopy(self, false),
  );
  // CPython: set_union — a copy, then set_update_internal with each argument.
  both("union", 0, many, (self, others) => {
    const result = heap.setCopy(self, m.typeIdOf(self) === heap.frozensetType);
    return filled(m, result, () => {
      for (const other of others) if (other !== self) updateSet(m, result, other);
    });
  });
  // CPython: set_intersection_multi — each step intersects the previous result.
  both("intersection", 0, many, (self, others) => {
    let result = heap.setCopy(self, m.typeIdOf(self) === heap.frozensetType);
    for (const other of others) {
      const next = intersection(m, result, other);
      m.decref(result);
      result = next;
    }
    return result;
  });
  // CPython: set_difference_multi — set_difference with the first, then difference updates.
  both("difference", 0, many, (self, others) => {
    if (others.length === 0) return heap.setCopy(self, m.typeIdOf(self) === heap.frozensetType);
    const result = difference(m, self, others[0]!);
    return filled(m, result, () => {
      for (const other of others.slice(1)) differenceUpdate(m, result, other);
    });
  });
  // CPython: set_symmetric_difference — set(other) of self's kind, updated with self.
  both("symmetric_difference", 1, 1, (self, [other]) => {
    const result = newSetFrom(m, other!, m.typeIdOf(self) === heap.frozensetType);
    return filled(m, result, () => heap.setSymmetricDifferenceUpdate(result, self));
  });
  // CPython: set_isdisjoint.
  both("isdisjoint", 1, 1, (self, [other]) => {
    if (isAnySet(m, other!)) return m.newBool(heap.setIsDisjoint(self, other!));
    let disjoint = true;
    iterate(m, other!, (key) => {
      checkHashable(m, key);
      if (heap.setContains(self, key)) disjoint = false;
      return disjoint;
    });
    return m.newBool(disjoint);
  });
  // CPython: set_issubset / set_issuperset — a non-set argument becomes a temporary set.
  both("issubset", 1, 1, (self, [other]) =>
    m.newBool(withSet(m, other!, (set) => heap.setIsSubset(self, set))),
  );
  both("issuperset", 1, 1, (self, [other]) =>
    m.newBool(withSet(m, other!, (set) => heap.setIsSubset(set, self))),
  );

  // ─────────────────────────────────────────── set only

  define("set", "add", 1, 1, (self, [key]) => {
    addKey(m, self, key!);
    return none();
  });
  define("set", "discard", 1, 1, (self, [key]) => {
    withKey(m, key!, (k) => heap.setDiscard(self, k));
    return none();
  });
  // CPython: set_remove — KeyError with the key (a set key is looked up as a frozenset).
  define("set", "remove", 1, 1, (self, [key]) => {
    if (!withKey(m, key!, (k) => heap.setDiscard(self, k))) throw m.exception(keyError(m, key!));
    return none();
  });
  define("set", "pop", 0, 0, (self) => {
    const key = heap.setPop(self);
    if (key === 0) m.raise("KeyError", "pop from an empty set");
    return key;
  });
  define("set", "clear", 0, 0, (self) => {
    heap.setClear(self);
    return none();
  });
  define("set", "update", 0, many, (self, others) => {
    for (const other of others) updateSet(m, self, other);
    return none();
  });
  // CPython: set_intersection_update_multi — the intersection's table is swapped in.
  define("set", "intersection_update", 0, many, (self, others) => {
    let result = heap.setCopy(self, false);
    for (const other of others) {
      const next = intersection(m, result, other);
      m.decref(result);
      result = next;
    }
    heap.setSwapBodies(self, result);
    m.decref(result);
    return none();
  });
  define("set", "difference_update", 0, many, (self, others) => {
    for (const other of others) differenceUpdate(m, self, other);
    return none();
  });
  // CPython: set_symmetric_difference_update — a dict's keys directly, other iterables as a set.
  define("set", "symmetric_difference_update", 1, 1, (self, [other]) => {
    withSet(m, other!, (set) => heap.setSymmetricDifferenceUpdate(self, set));
    return none();
  });
}

/**
 * Runs `fill` with a new `result` on the value stack — so an exception releases it with the
 * stack, as for every evaluator temporary — and returns it.
 */
function filled(m: Machine, result: Ptr, fill: () => unknown): Ptr {
  m.push(result);
  fill();
  m.sp--;
  return result;
}

/** Calls `use` with `other` if it is a set, else with a temporary set of its items. */
function withSet<T>(m: Machine, other: Ptr, use: (set: Ptr) => T): T {
  if (isAnySet(m, other)) return use(other);
  const set = newSetFrom(m, other, false);
  m.push(set);
  const value = use(set);
  m.sp--;
  m.decref(set);
  return value;
}

/** `so & other` for any iterable `other`. CPython: `set_intersection`. */
function intersection(m: Machine, so: Ptr, other: Ptr): Ptr {
  const heap = m.heap;
  if (isAnySet(m, other)) return heap.setIntersection(so, other);
  const result = heap.newSet(m.typeIdOf(so) === heap.frozensetType);
  return filled(m, result, () =>
    iterate(m, other, (key) => {
      checkHashable(m, key);
      if (heap.setContains(so, key)) heap.setAdd(result, key);
      return true;
    }),
  );
}

/** `so - other` for any iterable `other`. CPython: `set_difference`. */
function difference(m: Machine, so: Ptr, other: Ptr): Ptr {
  const heap = m.heap;
  const frozen = m.typeIdOf(so) === heap.frozensetType;
  if (isAnySet(m, other)) return heap.setDifference(so, other);
  const isDict = m.typeIdOf(other) === heap.dictType;
  if (!isDict || heap.setLength(so) >>> 2 > heap.dictLength(other)) {
    // CPython: set_copy_and_difference.
    const result = heap.setCopy(so, frozen);
    return filled(m, result, () => differenceUpdate(m, result, other));
  }
  const result = heap.newSet(frozen);
  for (const key of heap.setKeys(so))
    if (heap.dictGetItem(other, key) === 0) heap.setAdd(result, key);
  return result;
}

/** `so -= other` for any iterable `other`. CPython: `set_difference_update_internal`. */
function differenceUpdate(m: Machine, so: Ptr, other: Ptr): void {
  const heap = m.heap;
  if (isAnySet(m, other)) {
    heap.setDifferenceUpdate(so, other);
    return;
  }
  iterate(m, other, (key) => {
    // CPython: set_discard_key — no frozenset retry for a set item here (unlike s.discard).
    checkHashable(m, key);
    heap.setDiscard(so, key);
    return true;
  });
  heap.setPurgeDummies(so);
}
