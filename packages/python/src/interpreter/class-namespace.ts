import type { Ptr } from "@pymem/core";
import { PyException } from "./exceptions.js";
import type { Machine } from "./machine.js";
import { deleteItem, getItem, setItem } from "./object-access.js";

/**
 * Name access in a class body whose namespace came from a metaclass's `__prepare__`: a dict
 * takes the dict fast path, any other mapping is used through `__getitem__` / `__setitem__` /
 * `__delitem__`, a missing name being its KeyError (CPython: LOAD_NAME, STORE_NAME and
 * DELETE_NAME, which call `PyDict_*` only when `f_locals` is exactly a dict and
 * `PyObject_GetItem` / `PyObject_SetItem` / `PyObject_DelItem` otherwise). This is what
 * `enum`'s member-collecting namespace needs.
 *
 * @module
 */

/** Whether a thrown value is a Python KeyError (then released), for a mapping's "missing" answer. */
function isKeyError(m: Machine, thrown: unknown): boolean {
  if (!(thrown instanceof PyException)) return false;
  if (!m.isSubtype(m.recordOf(thrown.value), m.builtinType("KeyError"))) return false;
  thrown.release(m);
  return true;
}

/**
 * `namespace[key]` as a new reference, or 0 when the namespace has no such name.
 *
 * @example
 * ```ts
 * const value = namespaceLoad(machine, frame.namespace, key);
 * ```
 */
export function namespaceLoad(m: Machine, namespace: Ptr, key: Ptr): Ptr {
  if (m.typeIdOf(namespace) === m.heap.dictType) {
    const value = m.heap.dictGetItem(namespace, key);
    return value === 0 ? 0 : m.incref(value);
  }
  try {
    return getItem(m, namespace, key);
  } catch (thrown) {
    if (isKeyError(m, thrown)) return 0;
    throw thrown;
  }
}

/**
 * `namespace[key] = value` (value borrowed).
 *
 * @example
 * ```ts
 * namespaceStore(machine, frame.namespace, key, value);
 * ```
 */
export function namespaceStore(m: Machine, namespace: Ptr, key: Ptr, value: Ptr): void {
  if (m.typeIdOf(namespace) === m.heap.dictType) m.heap.dictSetItem(namespace, key, value);
  else setItem(m, namespace, key, value);
}

/**
 * `del namespace[key]`; false when the namespace has no such name.
 *
 * @example
 * ```ts
 * if (!namespaceDelete(machine, frame.namespace, key)) raiseNameError();
 * ```
 */
export function namespaceDelete(m: Machine, namespace: Ptr, key: Ptr): boolean {
  if (m.typeIdOf(namespace) === m.heap.dictType) return m.heap.dictDelItem(namespace, key);
  try {
    deleteItem(m, namespace, key);
    return true;
  } catch (thrown) {
    if (isKeyError(m, thrown)) return false;
    throw thrown;
  }
}
