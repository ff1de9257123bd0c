import type { Ptr } from "@pymem/core";
import { PyException, StepLimitError } from "../exceptions.js";
import type { NativeModuleFactory } from "../native.js";
import { atInterpreterExit, writeUnraisable } from "./module-support.js";

/**
 * Python's `atexit` module: `register`, `unregister`, `_run_exitfuncs`, `_clear` and
 * `_ncallbacks` are Python (pymem's own source) over a list of `(func, args, kwargs)` entries;
 * at shutdown a native handler calls the entries last-registered first, before the interpreter
 * tears anything down, and reports a failing callback as CPython 3.13 does
 * (`Exception ignored in atexit callback <function f at 0x…>:` and the traceback).
 *
 * @module
 */

/** The module's Python part. */
const ATEXIT_SOURCE = `_callbacks = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    # CPython 3.13 empties the slots in place: _ncallbacks() still counts them.
    for index, entry in enumerate(_callbacks):
        if entry is not None and entry[0] == func:
            _callbacks[index] = None


def _clear():
    del _callbacks[:]


def _ncallbacks():
    return len(_callbacks)


def _run_exitfuncs():
    while _callbacks:
        entry = _callbacks.pop()
        if entry is not None:
            entry[0](*entry[1], **entry[2])
`;

/**
 * Builds the `atexit` module the first time a script imports it, and arranges for its callbacks
 * to run at shutdown.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { atexit: atexitModule } });
 * interpreter.run("import atexit\natexit.register(print, 'bye')");
 * interpreter.dispose(); // prints "bye"
 * ```
 */
export const atexitModule: NativeModuleFactory = (context) => {
  const module = context.runModuleSource("atexit", ATEXIT_SOURCE, []);
  const callbacks = context.getAttribute(module, "_callbacks");
  atInterpreterExit(context, () => {
    try {
      runCallbacks(context, callbacks);
    } finally {
      context.release(callbacks);
    }
  });
  return module;
};

/**
 * Pops and calls every registered callback, last first (CPython: `atexit_callfuncs`); a
 * callback's exception is reported and the next callback still runs.
 */
function runCallbacks(context: Parameters<NativeModuleFactory>[0], callbacks: Ptr): void {
  const heap = context.heap;
  while (heap.listLength(callbacks) > 0) {
    const index = heap.newInt(heap.listLength(callbacks) - 1);
    let entry: Ptr;
    try {
      const pop = context.getAttribute(callbacks, "pop");
      try {
        entry = context.call(pop, [index]);
      } finally {
        context.release(pop);
      }
    } finally {
      context.release(index);
    }
    try {
      if (entry === heap.none) continue;
      const func = heap.tupleGetItem(entry, 0);
      const args = heap.tupleGetItem(entry, 1);
      const kwargs = heap.tupleGetItem(entry, 2);
      const positional: Ptr[] = [];
      for (let i = 0; i < heap.tupleLength(args); i++) positional.push(heap.tupleGetItem(args, i));
      const keywords = heap
        .dictItems(kwargs)
        .map(([key, value]) => [heap.strValue(key), value] as const);
      try {
        context.release(context.call(func, positional, keywords));
      } catch (error) {
        if (error instanceof StepLimitError) {
          // The step limit bounds shutdown too: the callbacks left do not run, and dispose()
          // still releases everything.
          context.writeStderr(`StepLimitError: ${error.message} (in an atexit callback)\n`);
          return;
        }
        if (!(error instanceof PyException)) throw error;
        try {
          writeUnraisable(
            context,
            error,
            func,
            (where) => `Exception ignored in atexit callback ${where}:`,
          );
        } finally {
          error.release((value) => context.release(value));
        }
      }
    } finally {
      context.release(entry);
    }
  }
}
