import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
import { StepLimitError } from "./exceptions.js";
import type { Machine } from "./machine.js";
import { getAttribute } from "./object-access.js";
import { repr } from "./object-repr.js";

/**
 * Warnings the interpreter itself issues, sent through the Python `warnings` module so that its
 * filters, registries and `catch_warnings` apply to them as in CPython (whose C code calls
 * `PyErr_WarnEx` and friends, backed by the same filter list).
 *
 * @module
 */

/**
 * CPython: `_PyErr_WarnUnawaitedCoroutine` — a coroutine dying before it ever ran warns
 * `RuntimeWarning: coroutine 'f' was never awaited`, attributed to the code that dropped it.
 * What the warning raises (an `error` filter) cannot reach any caller: it is reported as an
 * unraisable exception, as CPython's `PyErr_WriteUnraisable(coro)` does.
 *
 * @example
 * ```ts
 * if (state === GeneratorState.CREATED && isCoroutine) warnUnawaitedCoroutine(m, gen);
 * ```
 * @internal
 */
export function warnUnawaitedCoroutine(m: Machine, coroutine: Ptr): void {
  const level = m.sp;
  let module = 0;
  try {
    module = m.importModule("warnings");
    const hook = getAttribute(
      m,
      module,
      m.name("_warn_unawaited_coroutine"),
      "_warn_unawaited_coroutine",
    );
    try {
      m.decref(call(m, hook, [coroutine], []));
    } finally {
      m.decref(hook);
    }
  } catch (thrown) {
    m.unwindTo(level);
    if (thrown instanceof StepLimitError) return;
    const error = m.toPyException(thrown);
    try {
      // Without a warnings module (an interpreter made with its own module table) nothing is shown.
      if (module !== 0)
        m.stderr(`Exception ignored in: ${repr(m, coroutine)}\n${m.formatException(error)}`);
    } finally {
      error.release(m);
    }
  } finally {
    if (module !== 0) m.decref(module);
  }
}
