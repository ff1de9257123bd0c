import type { Ptr } from "@pymem/core";
import type { SyntaxErrorDetails } from "../syntax-error.js";
import type { SyntaxWarningNote } from "../syntax-warnings.js";
import { call } from "./calls.js";
import { StepLimitError } from "./exceptions.js";
import { isInstance } from "./iterator-protocol.js";
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

/**
 * CPython: `PyErr_WarnExplicitObject` for the compiler's `SyntaxWarning`s — shown, through the
 * `warnings` module's filters, before the compiled code runs. A warning that a filter turns into
 * an error (`-W error`) stops the compilation: it is returned as the `SyntaxError` at the
 * warning's place, as `_PyErr_EmitSyntaxWarning` replaces it. Does nothing when the interpreter
 * was made without a `warnings` module.
 *
 * @example
 * ```ts
 * const error = warnAtCompileTime(machine, notes, "a.py", source);
 * if (error !== undefined) console.log(formatSyntaxError(error, "a.py"));
 * ```
 * @internal
 */
export function warnAtCompileTime(
  m: Machine,
  notes: readonly SyntaxWarningNote[],
  filename: string,
  source: string,
): SyntaxErrorDetails | undefined {
  if (notes.length === 0) return undefined;
  let module: Ptr;
  try {
    module = m.importModule("warnings");
  } catch (thrown) {
    m.toPyException(thrown).release(m);
    return undefined;
  }
  const category = m.builtinType("SyntaxWarning").object;
  const filenameObj = m.newStr(filename);
  try {
    const warnExplicit = getAttribute(m, module, m.name("warn_explicit"), "warn_explicit");
    m.push(warnExplicit);
    try {
      for (const note of notes) {
        const message = m.newStr(note.message);
        const lineno = m.heap.newInt(note.lineno);
        try {
          m.decref(call(m, warnExplicit, [message, category, filenameObj, lineno], []));
        } catch (thrown) {
          const error = m.toPyException(thrown);
          if (!isInstance(m, error.value, "SyntaxWarning")) throw error;
          error.release(m);
          const text = source.split(/\r\n?|\n/)[note.lineno - 1] ?? "";
          return { kind: "SyntaxError", msg: note.message, text, ...note };
        } finally {
          m.decref(message);
          m.decref(lineno);
        }
      }
      return undefined;
    } finally {
      m.sp--;
      m.decref(warnExplicit);
    }
  } finally {
    m.decref(filenameObj);
    m.decref(module);
  }
}

/**
 * CPython: `PyErr_WarnEx(PyExc_DeprecationWarning, message, 1)` — a DeprecationWarning from
 * native code, attributed to the Python code running it, through the `warnings` module (so a
 * filter may turn it into the exception this raises).
 *
 * @example
 * ```ts
 * warnDeprecated(machine, "Bitwise inversion '~' on bool is deprecated …");
 * ```
 * @internal
 */
export function warnDeprecated(m: Machine, message: string): void {
  const module = m.importModule("warnings");
  try {
    const warn = getAttribute(m, module, m.name("warn"), "warn");
    try {
      const text = m.newStr(message);
      try {
        const category = m.heap.dictGetItem(m.builtins, m.name("DeprecationWarning"));
        m.decref(call(m, warn, [text, category], []));
      } finally {
        m.decref(text);
      }
    } finally {
      m.decref(warn);
    }
  } finally {
    m.decref(module);
  }
}
