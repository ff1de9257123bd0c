import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { call } from "./calls.js";
import { newCallableWrapper } from "./class-creation.js";
import { PyException } from "./exceptions.js";
import { collect, holdDictItems, iterate, releaseDictItems } from "./iteration.js";
import { getIterator } from "./iterator-protocol.js";
import type { Machine } from "./machine.js";
import { mappingItems } from "./mapping-protocol.js";
import { defineTypeMethod, type Keywords } from "./native-arguments.js";
import { keyError, setItem } from "./object-access.js";
import { checkHashable } from "./operators.js";

/**
 * Installs the methods of `dict` (`keys`, `values`, `items`, `get`, `setdefault`, `pop`,
 * `popitem`, `update`, `clear`, `copy`, the class method `fromkeys`) into its type dict, with CPython's argument checking and error
 * messages.
 *
 * @example
 * ```ts
 * installDictMethods(machine);
 * ```
 * @internal
 */
export function installDictMethods(m: Machine): void {
  const heap = m.heap;
  const none = (): Ptr => heap.none;
  const dict = (
    name: string,
    min: number,
    max: number,
    fn: (self: Ptr, args: readonly Ptr[], keywords: Keywords) => Ptr,
  ): void =>
    defineTypeMethod(
      m,
      "dict",
      (obj) => heap.kinds[m.typeIdOf(obj)] === ObjectKind.DICT,
      name,
      min,
      max,
      name === "update",
      fn,
    );

  installFromKeys(m);
  dict("keys", 0, 0, (self) => m.newView(m.types.dictKeys, self));
  dict("values", 0, 0, (self) => m.newView(m.types.dictValues, self));
  dict("items", 0, 0, (self) => m.newView(m.types.dictItems, self));
  dict("get", 1, 2, (self, [key, fallback]) => {
    checkHashable(m, key!);
    const value = heap.dictGetItem(self, key!);
    return m.incref(value !== 0 ? value : (fallback ?? heap.none));
  });
  dict("setdefault", 1, 2, (self, [key, fallback]) => {
    checkHashable(m, key!);
    const value = heap.dictGetItem(self, key!);
    if (value !== 0) return m.incref(value);
    heap.dictSetItem(self, key!, fallback ?? heap.none);
    return m.incref(fallback ?? heap.none);
  });
  dict("pop", 1, 2, (self, [key, fallback]) => {
    checkHashable(m, key!);
    const value = heap.dictGetItem(self, key!);
    if (value === 0) {
      if (fallback !== undefined) return m.incref(fallback);
      throw m.exception(keyError(m, key!));
    }
    m.incref(value);
    heap.dictDelItem(self, key!);
    return value;
  });
  dict("popitem", 0, 0, (self) => {
    // CPython: dict_popitem_impl — the last inserted item, as a (key, value) tuple.
    const item = heap.dictPopItem(self);
    if (item === undefined) m.raise("KeyError", "popitem(): dictionary is empty");
    return m.tupleSteal(item);
  });
  dict("update", 0, 1, (self, [other], keywords) => {
    if (other !== undefined) updateDict(m, self, other);
    for (const [key, value] of keywords) heap.dictSetItem(self, m.name(key), value);
    return none();
  });
  dict("clear", 0, 0, (self) => {
    heap.dictClear(self);
    return none();
  });
  dict("copy", 0, 0, (self) => {
    const copy = heap.newDict();
    const items = holdDictItems(m, self);
    try {
      for (const [key, value] of items) heap.dictSetItem(copy, key, value);
    } catch (error) {
      m.decref(copy);
      throw error;
    } finally {
      releaseDictItems(m, items);
    }
    return copy;
  });
}

/**
 * `dict.update(other)` and `dict(other)`: from another dict, or from an iterable of key/value
 * pairs (CPython: `dict_update_arg`).
 *
 * @example
 * ```ts
 * updateDict(machine, dict, otherDictOrPairs);
 * ```
 * @internal
 */
export function updateDict(m: Machine, dict: Ptr, other: Ptr): void {
  const heap = m.heap;
  if (m.typeIdOf(other) === heap.dictType) {
    // Held: a key's __hash__/__eq__, or the __del__ of a value replaced in `dict`, may clear
    // `other` (CPython: dict_merge's Py_INCREF of each key and value).
    const items = holdDictItems(m, other);
    try {
      for (const [key, value] of items) {
        heap.dictSetItem(dict, key, value);
        if (heap.dictLength(other) !== items.length)
          m.raise("RuntimeError", "dict mutated during update");
      }
    } finally {
      releaseDictItems(m, items);
    }
    return;
  }
  const mapped = mappingItems(m, other);
  if (mapped !== undefined) {
    try {
      for (const [key, value] of mapped) {
        checkHashable(m, key);
        heap.dictSetItem(dict, key, value);
      }
    } finally {
      releaseDictItems(m, mapped);
    }
    return;
  }
  const pairs = collect(m, other);
  try {
    pairs.forEach((pair, index) => {
      const items = pairItems(m, pair, index);
      try {
        if (items.length !== 2)
          m.raise(
            "ValueError",
            `dictionary update sequence element #${index} has length ${items.length}; 2 is required`,
          );
        checkHashable(m, items[0]!);
        heap.dictSetItem(dict, items[0]!, items[1]!);
      } finally {
        for (const item of items) m.decref(item);
      }
    });
  } finally {
    for (const pair of pairs) m.decref(pair);
  }
}

/**
 * The items of element `index` of a `dict.update` sequence (new references), with CPython's
 * TypeError for one that is not iterable (CPython: `PySequence_Fast` in `PyDict_MergeFromSeq2`).
 */
function pairItems(m: Machine, pair: Ptr, index: number): Ptr[] {
  let iterator: Ptr;
  try {
    iterator = getIterator(m, pair);
  } catch (error) {
    if (!(error instanceof PyException) || !isTypeError(m, error)) throw error;
    error.release(m);
    return m.raise(
      "TypeError",
      `cannot convert dictionary update sequence element #${index} to a sequence`,
    );
  }
  try {
    return collect(m, iterator);
  } finally {
    m.decref(iterator);
  }
}

/** Whether a Python exception is a TypeError. */
function isTypeError(m: Machine, error: PyException): boolean {
  return error.value !== 0 && m.isSubtype(m.recordOf(error.value), m.builtinType("TypeError"));
}

/**
 * `dict.fromkeys(iterable, value=None)`, a class method (CPython: `dict_fromkeys` →
 * `_PyDict_FromKeys`): `cls()` filled with each key mapped to the one value, through
 * `__setitem__` when `cls` is a subclass.
 */
function installFromKeys(m: Machine): void {
  const heap = m.heap;
  const fn = m.newBuiltin(
    m.addNative("fromkeys", (_context, args, keywords) => {
      if (keywords.length > 0) m.raise("TypeError", "dict.fromkeys() takes no keyword arguments");
      if (args.length < 2 || args.length > 3)
        m.raise(
          "TypeError",
          args.length < 2
            ? `fromkeys expected at least 1 argument, got ${args.length - 1}`
            : `fromkeys expected at most 2 arguments, got ${args.length - 1}`,
        );
      const [cls, iterable, value = heap.none] = args as [Ptr, Ptr, Ptr?];
      const result = call(m, cls, [], undefined);
      m.push(result);
      try {
        iterate(m, iterable, (key) => {
          setItem(m, result, key, value);
          return true;
        });
      } catch (error) {
        m.sp--;
        m.decref(result);
        throw error;
      }
      m.sp--;
      return result;
    }),
    0,
  );
  const method = newCallableWrapper(m, m.descriptorTypes.classmethod, fn);
  m.decref(fn);
  heap.dictSetItem(m.typeDict(m.builtinType("dict")), m.name("fromkeys"), method);
  m.decref(method);
}
