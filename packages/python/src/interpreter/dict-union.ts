import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { updateDict } from "./dict-methods.js";
import type { Machine } from "./machine.js";
import { defineTypeMethod } from "./native-arguments.js";

/**
 * PEP 584's dict union: `a | b` (a new plain dict, `a`'s items updated with `b`'s; both must be
 * dicts, else NotImplemented) and `a |= b` (`a.update(b)` in place: any mapping or iterable of
 * pairs). CPython: `dict_or`, `dict_ior`.
 *
 * @module
 */

/**
 * `a | b` / `a |= b` when `a` is an exact dict (the operator's fast path, before any class
 * method): a new reference, or 0 when the operation is not the dict's (the caller goes on to
 * `b`'s reflected method and the TypeError).
 *
 * @example
 * ```ts
 * const result = dictUnion(machine, a, b, inplace); // {…a, …b}
 * ```
 */
export function dictUnion(m: Machine, a: Ptr, b: Ptr, inplace: boolean): Ptr {
  if (inplace) {
    updateDict(m, a, b);
    return m.incref(a);
  }
  return isDict(m, b) ? unionCopy(m, a, b) : 0;
}

/**
 * Installs `dict.__or__`, `__ror__` and `__ior__`, which a class deriving from dict reaches
 * (`MyDict(a) | b`, `d |= pairs` keeping `d`'s class).
 *
 * @example
 * ```ts
 * installDictUnion(machine);
 * ```
 * @internal
 */
export function installDictUnion(m: Machine): void {
  const isSelf = (obj: Ptr): boolean => isDict(m, obj);
  defineTypeMethod(m, "dict", isSelf, "__or__", 1, 1, false, (self, [other]) =>
    isDict(m, other!) ? unionCopy(m, self, other!) : m.incref(m.notImplemented),
  );
  defineTypeMethod(m, "dict", isSelf, "__ror__", 1, 1, false, (self, [other]) =>
    isDict(m, other!) ? unionCopy(m, other!, self) : m.incref(m.notImplemented),
  );
  defineTypeMethod(m, "dict", isSelf, "__ior__", 1, 1, false, (self, [other]) => {
    updateDict(m, self, other!);
    return m.incref(self);
  });
}

/** Whether `obj` is a dict or an instance of a class deriving from dict (CPython: `PyDict_Check`). */
function isDict(m: Machine, obj: Ptr): boolean {
  return (
    m.heap.kinds[m.typeIdOf(obj)] === ObjectKind.DICT && m.typeIdOf(obj) !== m.heap.managedDictType
  );
}

/** A new plain dict holding `a`'s items updated with `b`'s (CPython: `PyDict_Copy` then `dict_update_arg`). */
function unionCopy(m: Machine, a: Ptr, b: Ptr): Ptr {
  const copy = m.heap.newDict();
  try {
    updateDict(m, copy, a);
    updateDict(m, copy, b);
  } catch (error) {
    m.decref(copy);
    throw error;
  }
  return copy;
}
