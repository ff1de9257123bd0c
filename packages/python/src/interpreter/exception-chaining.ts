import type { Ptr } from "@pymem/core";
import type { Machine } from "./machine.js";

/**
 * Exception chaining on the heap (CPython: `_PyErr_SetObject`'s `PyException_SetContext`, the
 * `RAISE_VARARGS` cause, `BaseException`'s `__context__` / `__cause__` / `__suppress_context__`
 * members): the chain is stored in the exception instances themselves, so it is visible to
 * Python code and to the collector (an exception, its traceback, the frame and the locals that
 * hold the exception form the cycle CPython's do).
 *
 * @module
 */

/**
 * Sets `value.__context__ = context` (both exception instances, borrowed), first cutting
 * `value` out of `context`'s own chain so no cycle forms (CPython: the loop in
 * `_PyErr_SetObject` that breaks cycles in the context chain).
 *
 * @example
 * ```ts
 * setExceptionContext(machine, newError, handledError);
 * ```
 */
export function setExceptionContext(m: Machine, value: Ptr, context: Ptr): void {
  const heap = m.heap;
  let link = context;
  const seen = new Set<Ptr>();
  while (link !== 0 && !seen.has(link)) {
    seen.add(link);
    const next = heap.getSlot(link, "__context__");
    if (next === value) {
      heap.setSlot(link, "__context__", 0);
      break;
    }
    link = next;
  }
  heap.setSlot(value, "__context__", context);
}

/**
 * `raise value from cause`: sets `value.__cause__` (0 for `from None`) and
 * `__suppress_context__ = True` (CPython: `PyException_SetCause`).
 *
 * @example
 * ```ts
 * setExceptionCause(machine, error, cause);
 * ```
 */
export function setExceptionCause(m: Machine, value: Ptr, cause: Ptr): void {
  m.heap.setSlot(value, "__cause__", cause);
  m.heap.setSlot(value, "__suppress_context__", m.heap.true);
}

/**
 * The chaining members of an exception instance as Python reads them: `__context__` and
 * `__cause__` and `__traceback__` (None when unset) and `__suppress_context__` (False when unset); a new reference,
 * or 0 for any other name.
 *
 * @example
 * ```ts
 * const cause = chainingAttribute(machine, error, "__cause__");
 * ```
 */
export function chainingAttribute(m: Machine, value: Ptr, name: string): Ptr {
  if (
    name !== "__context__" &&
    name !== "__cause__" &&
    name !== "__traceback__" &&
    name !== "__suppress_context__"
  )
    return 0;
  const stored = m.heap.getSlot(value, name);
  if (stored !== 0) return m.incref(stored);
  return name === "__suppress_context__" ? m.heap.false : m.heap.none;
}
