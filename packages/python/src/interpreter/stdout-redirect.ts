import type { Ptr } from "@pymem/core";
import type { Machine } from "./machine.js";
import { MODULE_DICT_OFFSET } from "./object-layouts.js";

/**
 * Where `print()` without `file=` writes: CPython's print looks up `sys.stdout` on every call, so
 * a program (or `contextlib.redirect_stdout`) that replaces it captures the output. pymem's
 * print writes straight to the interpreter's stdout while `sys.stdout` is still the original
 * stream (`sys.__stdout__`), and to the replacement's `write` otherwise.
 *
 * @module
 */

/**
 * The object `sys.stdout` was replaced with (borrowed), or 0 while it is the original stream or
 * `sys` has not been imported (CPython: `_PySys_GetAttr(tstate, &_Py_ID(stdout))` in
 * builtin_print_impl).
 *
 * @example
 * ```ts
 * const file = redirectedStdout(machine); // 0: write to machine.stdout as usual
 * ```
 * @internal
 */
export function redirectedStdout(m: Machine): Ptr {
  const sys = m.importedModule("sys");
  if (sys === 0) return 0;
  const heap = m.heap;
  const dict = heap.memory.u32[(sys + MODULE_DICT_OFFSET) >>> 2]!;
  const stdout = heap.dictGetItem(dict, m.name("stdout"));
  if (stdout === 0 || stdout === heap.none) return 0;
  return stdout === heap.dictGetItem(dict, m.name("__stdout__")) ? 0 : stdout;
}
