import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type { NativeFunction, NativeModuleFactory } from "../native.js";
import { expectNoArguments, expectPositional, integerArgument } from "./arguments.js";
import { WARNINGS_SOURCE } from "./warnings-python-part.js";

/**
 * Python's `warnings` module. Native (TypeScript): the two things Python cannot see in pymem —
 * where the caller of `warn()` is (file, line and globals of a running frame, CPython's
 * `setup_context` in `_warnings.c`) and a compiled source line (CPython: `linecache.getline`).
 * Python source run at import (warnings-python-part.ts): the filters, the registries, `warn`,
 * `warn_explicit`, `showwarning`, `formatwarning`, `catch_warnings` and `deprecated`.
 *
 * The interpreter's own warnings (a coroutine never awaited, see native-warnings.ts) go through
 * the same Python functions, so filters and `catch_warnings` apply to them as in CPython.
 *
 * @module
 */

/**
 * The natives the Python part starts with: `_frame(level)` → `(filename, lineno, globals)` of the
 * `level`-th running frame counted from the innermost (0 is the frame that calls `_frame`),
 * or None past the outermost; `_source_line(filename, lineno)` → the line or "";
 * `_finalizing()` → True once no Python frame runs (the interpreter's shutdown, where CPython's
 * `import tracemalloc` inside the formatter fails).
 */
const warningsNatives: Record<string, NativeFunction> = {
  // CPython: setup_context() — walks `stacklevel` frames up from the caller of warn().
  _frame(context, args, keywords) {
    expectPositional(context, "_frame", "_frame", args, keywords, 1, 1);
    const level = integerArgument(context, args[0]!);
    if (level < 0) return context.newReference(context.heap.none);
    const frames = context.pythonFrames(level + 1);
    const frame = frames[level];
    if (frame === undefined) return context.newReference(context.heap.none);
    const heap = context.heap;
    const filename = heap.newStr(frame.filename);
    const lineno = heap.newInt(frame.lineno);
    try {
      return heap.newTuple([filename, lineno, frame.globals]);
    } finally {
      context.release(filename);
      context.release(lineno);
    }
  },
  // CPython: linecache.getline() for a file pymem compiled.
  _source_line(context, args, keywords) {
    expectPositional(context, "_source_line", "_source_line", args, keywords, 2, 2);
    const heap = context.heap;
    const [filename, lineno] = [args[0]!, args[1]!];
    if (heap.kindOf(filename) !== ObjectKind.STR) return heap.newStr("");
    return heap.newStr(
      context.sourceLine(heap.strValue(filename), integerArgument(context, lineno)),
    );
  },
  _finalizing(context, args, keywords) {
    expectNoArguments(context, "_finalizing", args, keywords);
    return context.newReference(
      context.pythonFrames(1).length === 0 ? context.heap.true : context.heap.false,
    );
  },
};

/**
 * `import warnings`: the natives above, then the Python part run in the module's namespace.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter();
 * interpreter.run("import warnings\nwarnings.warn('careful')"); // <string>:2: UserWarning: careful
 * ```
 */
export const warningsModule: NativeModuleFactory = (context) => {
  const members: [string, Ptr][] = [];
  try {
    for (const [name, fn] of Object.entries(warningsNatives))
      members.push([name, context.newBuiltinFunction(name, fn)]);
    return context.runModuleSource("warnings", WARNINGS_SOURCE, members);
  } finally {
    for (const [, value] of members) context.release(value);
  }
};
