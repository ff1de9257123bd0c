import type { Ptr } from "@pymem/core";
import type { Machine } from "./machine.js";

/**
 * `obj` as an integer where Python wants one: an int as it is, another object through its
 * class's `__index__`, else CPython's TypeError. CPython: `PyNumber_Index`, `PyNumber_AsSsize_t`.
 *
 * @module
 */

/**
 * `obj` as an int (a new reference): itself when it is one, else its `__index__()`; TypeError
 * `'float' object cannot be interpreted as an integer` for an object without one, and
 * `__index__ returned non-int (type X)` for a bad result. CPython: `PyNumber_Index`.
 *
 * @example
 * ```ts
 * const index = asIndex(machine, obj); // …; machine.decref(index)
 * ```
 */
export function asIndex(m: Machine, obj: Ptr): Ptr {
  if (m.isInt(obj)) return m.incref(obj);
  const index = m.callSpecial(obj, "__index__", []);
  if (index === 0)
    m.raise("TypeError", `'${m.typeName(obj)}' object cannot be interpreted as an integer`);
  if (!m.isInt(index)) {
    const name = m.typeName(index);
    m.decref(index);
    m.raise("TypeError", `__index__ returned non-int (type ${name})`);
  }
  return index;
}

/**
 * `obj` as an index-sized number (see {@link asIndex}); an int past the C range is OverflowError
 * `cannot fit 'int' into an index-sized integer`. CPython: `PyNumber_AsSsize_t(obj, PyExc_OverflowError)`.
 *
 * @example
 * ```ts
 * indexSize(machine, obj); // 3 for the int 3 or an IntEnum member of value 3
 * ```
 */
export function indexSize(m: Machine, obj: Ptr): number {
  const index = asIndex(m, obj);
  const value = m.numberOf(index);
  m.decref(index);
  if (Number.isNaN(value)) m.raise("OverflowError", "cannot fit 'int' into an index-sized integer");
  return value;
}
