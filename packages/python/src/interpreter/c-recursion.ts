import type { Machine } from "./machine.js";
import { hasStackHeadroom } from "./run-loop.js";

/**
 * The recursion guard of built-in operations that recurse into their operands — `repr` of a
 * nested container, `==` between nested lists. CPython 3.13 counts these on the C stack apart
 * from Python calls (`Py_C_RECURSION_LIMIT`, 10000), so a 9,000-deep list prints while a
 * 1,000-deep Python recursion fails, and the error names where it happened
 * ("maximum recursion depth exceeded while getting the repr of an object"). Each level costs
 * JavaScript stack too, so the guard also stops where the stack nears its end (earlier than
 * 10000 under a small stack), with the same error, never in the middle of heap work.
 *
 * @module
 */

/** CPython 3.13: `Py_C_RECURSION_LIMIT` (pycore_ceval.h). */
export const C_RECURSION_LIMIT = 10000;

/**
 * Enters one level of C recursion, raising RecursionError with CPython's `where` suffix past the
 * limit. Pair every call with {@link leaveCRecursion} in a `finally`.
 * CPython: `_Py_EnterRecursiveCallTstate`.
 *
 * @example
 * ```ts
 * enterCRecursion(m, " in comparison");
 * try { return compareSequences(m, op, a, b); } finally { leaveCRecursion(m); }
 * ```
 */
export function enterCRecursion(m: Machine, where: string): void {
  if (m.cRecursionDepth >= C_RECURSION_LIMIT || !hasStackHeadroom(m.cRecursionDepth))
    m.raise("RecursionError", `maximum recursion depth exceeded${where}`);
  m.cRecursionDepth++;
}

/** Leaves a level entered by {@link enterCRecursion}. CPython: `_Py_LeaveRecursiveCallTstate`. */
export function leaveCRecursion(m: Machine): void {
  m.cRecursionDepth--;
}
