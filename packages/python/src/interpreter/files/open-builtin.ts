import { call } from "../calls.js";
import type { Machine } from "../machine.js";
import type { NativeFunction } from "../native.js";
import { getAttribute } from "../object-access.js";

/**
 * The `open` built-in, which is also `io.open` as in CPython: it imports `io` (the file classes
 * are written in Python there) and hands the call over unchanged to `io._open`.
 *
 * @module
 */

/**
 * Defines `open` among the built-ins.
 *
 * @example
 * ```ts
 * installOpenBuiltin(machine, define);
 * ```
 * @internal
 */
export function installOpenBuiltin(
  m: Machine,
  define: (name: string, fn: NativeFunction) => void,
): void {
  // CPython: _io_open_impl, reached through the builtins module's reference to io.open.
  define("open", (_c, args, keywords) => {
    const io = m.importModule("io");
    try {
      const open = getAttribute(m, io, m.name("_open"), "_open");
      try {
        return call(m, open, args, keywords.length === 0 ? undefined : keywords);
      } finally {
        m.decref(open);
      }
    } finally {
      m.decref(io);
    }
  });
}
