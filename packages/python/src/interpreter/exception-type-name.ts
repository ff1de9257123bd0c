import type { Ptr } from "@pymem/core";
import type { Machine } from "./machine.js";
import { userTypeModule } from "./object-repr.js";

/**
 * The name an uncaught exception's last traceback line starts with: the class name, prefixed
 * by its `__module__` unless that is `__main__` or `builtins` (so `_csv.Error: …`, but
 * `ValueError: …`). CPython: `TracebackException._format_final_exc_line` and
 * `print_exception`'s `stype`/`smod`.
 *
 * @example
 * ```ts
 * qualifiedExceptionName(machine, error); // "_csv.Error"
 * ```
 */
export function qualifiedExceptionName(m: Machine, exception: Ptr): string {
  const record = m.recordOf(exception);
  if (!record.user) return m.typeName(exception);
  // CPython prints the class's __qualname__ (`Outer.Error`).
  const name = record.qualifiedName ?? m.typeName(exception);
  const module = userTypeModule(m, record.object);
  return module === "__main__" || module === "builtins" ? name : `${module}.${name}`;
}
