import type { Ptr } from "@pymem/core";
import { PyException } from "../exceptions.js";
import type { NativeContext, NativeFunction } from "../native.js";
import { formatTraceback } from "../traceback.js";

/**
 * Plumbing shared by the native modules: building a module from a table of functions, calling
 * Python code whose exceptions nobody can receive, and undoing what a module installed when the
 * interpreter is disposed.
 *
 * @module
 */

/**
 * A {@link NativeContext} that may offer a disposal hook. The hook is optional so that the
 * modules work with any context; without it, state a module keeps (the `gc.callbacks` and
 * `gc.garbage` lists, the collector hooks) lives as long as the runtime.
 *
 * @internal
 */
interface DisposableContext extends NativeContext {
  onDispose?(cleanup: () => void): void;
  onExit?(handler: () => void): void;
}

/**
 * Registers `cleanup` to run when the interpreter owning `context` is disposed (when the context
 * offers `onDispose`). Modules use it to drop the references they keep, as CPython's
 * interpreter finalization clears `gcstate->callbacks` and `gcstate->garbage`.
 *
 * @example
 * ```ts
 * whenDisposed(context, () => context.release(callbacksList));
 * ```
 */
export function whenDisposed(context: NativeContext, cleanup: () => void): void {
  const disposable = context as DisposableContext;
  if (typeof disposable.onDispose === "function") disposable.onDispose(cleanup);
}

/**
 * Registers `handler` to run when the interpreter owning `context` shuts down, before anything is
 * released, newest first (when the context offers `onExit`): CPython's `atexit` phase of
 * `Py_FinalizeEx`, where `weakref.finalize` objects still alive are called. The handler must
 * report Python exceptions itself ({@link callReportingErrors}).
 *
 * @example
 * ```ts
 * atInterpreterExit(context, () => callReportingErrors(context, exitFunction, []));
 * ```
 */
export function atInterpreterExit(context: NativeContext, handler: () => void): void {
  const exiting = context as DisposableContext;
  if (typeof exiting.onExit === "function") exiting.onExit(handler);
}

/**
 * Builds a module object from native functions and other members (values borrowed). Each
 * function becomes a `builtin_function_or_method` named after its key.
 *
 * @example
 * ```ts
 * const module = buildModule(context, "gc", { collect, enable }, [["garbage", garbageList]]);
 * ```
 */
export function buildModule(
  context: NativeContext,
  name: string,
  functions: Readonly<Record<string, NativeFunction>>,
  values: ReadonlyArray<readonly [name: string, value: Ptr]>,
): Ptr {
  const members: [string, Ptr][] = [];
  try {
    for (const [functionName, fn] of Object.entries(functions))
      members.push([functionName, context.newBuiltinFunction(functionName, fn)]);
    return context.newModule(name, [...members, ...values]);
  } finally {
    // The module holds its own references to the functions.
    for (const [, fn] of members) context.release(fn);
  }
}

/**
 * Makes several new objects (owned) together: when one of them fails — a MemoryError part-way
 * through a module's set-up — the ones already made are released before the error goes on, so
 * a failed import leaks nothing.
 *
 * @example
 * ```ts
 * const [callbacks, garbage] = makeAll(context, [() => heap.newList(), () => heap.newList()]);
 * ```
 */
export function makeAll(context: NativeContext, makers: ReadonlyArray<() => Ptr>): Ptr[] {
  const made: Ptr[] = [];
  try {
    for (const make of makers) made.push(make());
    return made;
  } catch (error) {
    for (const obj of made) context.release(obj);
    throw error;
  }
}

/**
 * Writes an exception no caller can receive the way CPython's default `sys.unraisablehook` does
 * (`Exception ignored in: <function cb at 0x…>`, the traceback, `ValueError: boom`), to the
 * interpreter's stderr. CPython: `PyErr_WriteUnraisable(obj)`; `heading` gives the first line
 * from the object's repr for the callers that use `PyErr_FormatUnraisable` (atexit).
 *
 * @example
 * ```ts
 * try { context.call(callback, [ref]); } catch (error) {
 *   if (error instanceof PyException) writeUnraisable(context, error, callback);
 * }
 * ```
 */
export function writeUnraisable(
  context: NativeContext,
  error: PyException,
  obj: Ptr,
  heading: (where: string) => string = (where) => `Exception ignored in: ${where}`,
): void {
  let where: string;
  try {
    where = context.repr(obj);
  } catch (reprError) {
    if (reprError instanceof PyException) reprError.release((value) => context.release(value));
    where = `<${context.typeName(obj)} object>`;
  }
  context.writeStderr(`${heading(where)}\n${formatException(context, error)}`);
}

/** A line of `~`/`^` markers under a quoted source line. */
const CARET_LINE = /^\s+[~^]+\s*$/;

/**
 * CPython's traceback text for an unraisable exception: the interpreter's formatter without the
 * caret lines, because the default `sys.unraisablehook` prints through the C traceback printer,
 * which has none in 3.13.
 */
function formatException(context: NativeContext, error: PyException): string {
  const text = formatTraceback(error, (value) => {
    let message: string;
    try {
      message = context.str(value);
    } catch (strError) {
      if (strError instanceof PyException) strError.release((obj) => context.release(obj));
      message = "<exception str() failed>";
    }
    return [context.typeName(value), message];
  });
  return text
    .split("\n")
    .filter((line) => !CARET_LINE.test(line))
    .join("\n");
}

/**
 * Calls a Python callable for its side effect, reporting a Python exception as unraisable
 * instead of propagating it (gc callbacks, weakref callbacks). The result is released. The step
 * limit and internal errors still propagate: they are not Python exceptions.
 *
 * @example
 * ```ts
 * callReportingErrors(context, callback, [phase, info]);
 * ```
 */
export function callReportingErrors(
  context: NativeContext,
  callable: Ptr,
  args: readonly Ptr[],
): void {
  // CPython holds a reference to the callable for the call (it may drop itself from its list).
  context.newReference(callable);
  try {
    context.release(context.call(callable, args));
  } catch (error) {
    if (!(error instanceof PyException)) throw error;
    try {
      writeUnraisable(context, error, callable);
    } finally {
      error.release((value) => context.release(value));
    }
  } finally {
    context.release(callable);
  }
}

/**
 * New references to the items of any iterable, in order (the caller releases them); nothing
 * leaks when iteration raises.
 *
 * @example
 * ```ts
 * const items = collectItems(context, iterable);
 * try { use(items); } finally { for (const item of items) context.release(item); }
 * ```
 */
export function collectItems(context: NativeContext, iterable: Ptr): Ptr[] {
  const items: Ptr[] = [];
  try {
    context.iterate(iterable, (item) => {
      items.push(context.newReference(item));
      return true;
    });
  } catch (error) {
    for (const item of items) context.release(item);
    throw error;
  }
  return items;
}
