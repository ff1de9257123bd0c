import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
import { collect } from "./iteration.js";
import type { Machine } from "./machine.js";
import { findAttribute, getItem } from "./object-access.js";

/**
 * The mapping protocol for objects that are not dicts: anything with a `keys()` method counts
 * as a mapping for `dict(obj)`, `d.update(obj)`, `{**obj}` and `f(**obj)`, as in CPython
 * (`collections.Counter`, `OrderedDict`, user classes).
 *
 * @module
 */

/**
 * The `(key, value)` pairs of a non-dict mapping as new references (the caller releases both),
 * or `undefined` when `mapping` has no `keys` attribute. CPython: the non-dict branch of
 * `dict_merge()` (`PyMapping_Keys`, then `PyObject_GetItem` for each key).
 *
 * @example
 * ```ts
 * const pairs = mappingItems(m, counter);
 * if (pairs !== undefined) for (const [key, value] of pairs) { use(key, value); m.decref(key); m.decref(value); }
 * ```
 * @internal
 */
export function mappingItems(m: Machine, mapping: Ptr): [Ptr, Ptr][] | undefined {
  const keysMethod = findAttribute(m, mapping, m.name("keys"), "keys");
  if (keysMethod === 0) return undefined;
  let keysResult: Ptr;
  try {
    keysResult = call(m, keysMethod, [], undefined);
  } finally {
    m.decref(keysMethod);
  }
  let keys: Ptr[];
  try {
    keys = collect(m, keysResult);
  } finally {
    m.decref(keysResult);
  }
  const pairs: [Ptr, Ptr][] = [];
  try {
    for (const key of keys) {
      const value = getItem(m, mapping, key);
      pairs.push([m.incref(key), value]);
    }
  } catch (error) {
    for (const [key, value] of pairs) {
      m.decref(key);
      m.decref(value);
    }
    throw error;
  } finally {
    for (const key of keys) m.decref(key);
  }
  return pairs;
}
