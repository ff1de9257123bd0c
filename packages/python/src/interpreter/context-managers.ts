import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
import type { PyException } from "./exceptions.js";
import type { Frame, Machine } from "./machine.js";
import { isMemoryview } from "./memoryview-objects.js";

/**
 * The context manager protocol behind `with` (PEP 343), as plain functions: look up `__enter__`
 * and `__exit__` on the manager's type, call `__enter__`, and call `__exit__` with `(None, None,
 * None)` or with the exception's `(type, value, traceback)`, a true result suppressing it.
 *
 * @module
 */

/**
 * `__enter__` and `__exit__` of `manager`'s type, as new references, raising CPython 3.13's
 * TypeError when either is missing. CPython: `BEFORE_WITH` (`_PyObject_LookupSpecial`).
 */
function contextMethods(m: Machine, manager: Ptr): { enter: Ptr; exit: Ptr } {
  const record = m.recordOf(manager);
  // A memoryview is the one built-in context manager (its __enter__ in its type's dict).
  const enter =
    record.user || isMemoryview(m, manager) ? m.lookupType(record, m.name("__enter__")) : 0;
  const name = m.typeName(manager);
  if (enter === 0)
    m.raise("TypeError", `'${name}' object does not support the context manager protocol`);
  const exit = m.lookupType(record, m.name("__exit__"));
  if (exit === 0) {
    m.raise(
      "TypeError",
      `'${name}' object does not support the context manager protocol (missed __exit__ method)`,
    );
  }
  return { enter: m.incref(enter), exit: m.incref(exit) };
}

/**
 * Entering a `with` item whose manager is on top of the value stack. CPython: `BEFORE_WITH` —
 * looks up `__enter__` and `__exit__`, keeps `__exit__` on the stack above the manager, calls
 * `manager.__enter__()` and binds its result with `store` (or drops it). Returns `__exit__`
 * (borrowed: the stack owns it). Shared by the ordinary and the generator form of `with`.
 */
export function beforeWith(
  m: Machine,
  f: Frame,
  manager: Ptr,
  store: ((f: Frame, value: Ptr) => void) | undefined,
): Ptr {
  const { enter, exit } = contextMethods(m, manager);
  m.push(exit);
  m.push(enter);
  const value = call(m, enter, [manager], undefined);
  m.sp--;
  m.decref(enter);
  if (store !== undefined) store(f, value);
  else m.decref(value);
  return exit;
}

/**
 * `manager.__exit__(type, value, traceback)` for `error`, or with three Nones when the block
 * ended normally (or by return/break/continue). Returns whether the exception is suppressed.
 * CPython: the `WITH_EXCEPT_START` path and the normal-exit call of `compiler_with`.
 */
export function exitContext(
  m: Machine,
  exit: Ptr,
  manager: Ptr,
  error: PyException | null,
): boolean {
  const result = call(m, exit, exitArguments(m, manager, error), undefined);
  m.push(result);
  const suppress = error !== null && m.isTrue(result);
  m.sp--;
  m.decref(result);
  return suppress;
}

/**
 * The arguments of `__exit__` / `__aexit__` (borrowed): the manager, then `(type, value,
 * traceback)` of `error`, or three Nones.
 *
 * @example
 * ```ts
 * call(machine, exit, exitArguments(machine, manager, null), undefined);
 * ```
 */
export function exitArguments(m: Machine, manager: Ptr, error: PyException | null): Ptr[] {
  const heap = m.heap;
  if (error === null) return [manager, heap.none, heap.none, heap.none];
  const traceback = heap.getSlot(error.value, "__traceback__");
  return [
    manager,
    m.recordOf(error.value).object,
    error.value,
    traceback === 0 ? heap.none : traceback,
  ];
}
