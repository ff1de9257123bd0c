import { GC_HEAD_SIZE, type Ptr, TypeFlags } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { asyncGeneratorHookFunctions } from "../async-generator-builtins.js";
import { BUILTIN_MODULE_NAMES } from "../import-path.js";
import { intMaxStrDigits, setIntMaxStrDigits } from "../int-text.js";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import { STDLIB_MODULE_NAMES } from "../stdlib-module-names.js";
import {
  bindArguments,
  expectNoArguments,
  expectOneArgument,
  integerArgument,
  isInteger,
} from "./arguments.js";
import { buildModule } from "./module-support.js";
import { SYS_SOURCE } from "./sys-python-part.js";

/**
 * `sys.getsizeof(obj)`: a Python class's own `__sizeof__()` plus the GC head when its instances
 * are GC objects (CPython: `_PySys_GetSizeOf`), else pymem's layout size.
 */
function sizeOf(context: NativeContext, obj: Ptr): number {
  const result = context.callSpecial(obj, "__sizeof__", []);
  if (result === 0) return context.runtime.getsizeof(obj);
  let size: number;
  try {
    if (!isInteger(context, result))
      context.raise(
        "TypeError",
        `'${context.typeName(result)}' object cannot be interpreted as an integer`,
      );
    size = context.heap.numberValue(result);
  } finally {
    context.release(result);
  }
  if (size < 0) context.raise("ValueError", "__sizeof__() should return >= 0");
  const heap = context.heap;
  const isGc = (heap.types.flags[heap.typeOf(obj)]! & TypeFlags.GC) !== 0;
  return size + (isGc ? GC_HEAD_SIZE : 0);
}

/**
 * Python's `sys` module: the memory-related part (`getrefcount`, `getsizeof`,
 * `_debugmallocstats`, `getallocatedblocks`), `sys.stdout.write` / `sys.stderr.write`,
 * `getrecursionlimit` / `setrecursionlimit`, `maxsize`, the version constants and the async
 * generator hooks (`set_asyncgen_hooks`, async-generator-builtins.ts), natively; and
 * `float_info`, `argv`, `exit` and `intern` in Python (sys-python-part.ts).
 *
 * @module
 */

/** What `sys.version_info` holds (sys-python-part.ts makes the named record of it). */
const VERSION_INFO: readonly [number, number, number, string, number] = [3, 13, 0, "final", 0];

/** `sys.platform`: CPython's for its WebAssembly build, whose layout pymem mirrors. */
const PLATFORM = "emscripten";

/** `sys.maxsize` of a 32-bit build, pymem's object layout. */
const MAX_SIZE = 2 ** 31 - 1;

/**
 * Builds the `sys` module the first time a script imports it.
 *
 * @remarks
 * - `sys.getrefcount(x)` is CPython 3.13's number: the count including the reference the call's
 *   argument holds (`x = []; sys.getrefcount(x)` is 2, `sys.getrefcount([])` is 1). Immortal
 *   objects report pymem's immortal count, `0x3fffffff` (CPython's value on 32-bit builds; 64-bit
 *   CPython prints 4294967295).
 * - `sys.getsizeof(x)` is the size in **pymem's 32-bit layout** (`Heap.getsizeof`: the object,
 *   its GC head and the blocks it owns), not CPython's 64-bit numbers: `sys.getsizeof([])` is 28
 *   here and 56 in 64-bit CPython.
 * - `sys._debugmallocstats()` writes `runtime.debugMallocStats()` to the interpreter's stderr, as
 *   CPython writes it to C's stderr.
 * - `sys.stdout` / `sys.stderr` are minimal objects with a `write(s)` method that returns the
 *   number of characters written.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { sys: sysModule } });
 * interpreter.run("import sys\nx = []\nprint(sys.getrefcount(x))"); // prints 2
 * ```
 */
export const sysModule: NativeModuleFactory = (context) => {
  const heap = context.heap;
  const values: [string, Ptr][] = [];
  try {
    const stdout = streamObject(context, "stdout", (text) => context.writeStdout(text));
    values.push(["stdout", stdout]);
    // CPython's sys.__stdout__: the original stream, which print() writes to directly.
    values.push(["__stdout__", context.newReference(stdout)]);
    const stderr = streamObject(context, "stderr", (text) => context.writeStderr(text));
    values.push(["stderr", stderr]);
    values.push(["__stderr__", context.newReference(stderr)]);
    values.push(["_version_info_tuple", versionInfo(context)]);
    values.push(["_argv_tuple", strTuple(context, context.argv)]);
    values.push(["_warnoptions_tuple", strTuple(context, context.warnOptions)]);
    values.push(["_stdlib_module_names_tuple", strTuple(context, STDLIB_MODULE_NAMES)]);
    values.push(["_path_tuple", strTuple(context, context.importPath)]);
    values.push([
      "_hash_randomization",
      heap.newInt(context.environ.PYTHONHASHSEED === "0" ? 0 : 1),
    ]);
    values.push(["builtin_module_names", strTuple(context, BUILTIN_MODULE_NAMES)]);
    values.push([
      "version",
      heap.newStr(`${VERSION_INFO[0]}.${VERSION_INFO[1]}.${VERSION_INFO[2]} (pymem)`),
    ]);
    values.push(["maxsize", heap.newInt(MAX_SIZE)]);
    values.push(["modules", context.newReference(context.loadedModules())]);
    values.push(["byteorder", heap.newStr("little")]);
    // pymem's layout is CPython's 32-bit WebAssembly build (Pyodide's: sys.maxsize 2**31 - 1),
    // on every host — the CLI and the browser alike — so it reports that build's platform, with
    // os.name 'posix' as CPython's emscripten build does.
    values.push(["platform", heap.newStr(PLATFORM)]);
    const functions = { ...sysFunctions, ...asyncGeneratorHookFunctions(context) };
    for (const [name, fn] of Object.entries(functions))
      values.push([name, context.newBuiltinFunction(name, fn)]);
    return context.runModuleSource("sys", SYS_SOURCE, values);
  } finally {
    for (const [, value] of values) context.release(value);
  }
};

/** A tuple of str, for the lists `sys.argv` and `sys.warnoptions` are made from. */
function strTuple(context: NativeContext, strings: readonly string[]): Ptr {
  // Built one by one: when an allocation fails, the strs already made are released below.
  const items: Ptr[] = [];
  try {
    for (const text of strings) items.push(context.heap.newStr(text));
    return context.heap.newTuple(items);
  } finally {
    for (const item of items) context.release(item);
  }
}

/** `sys.version_info` as a tuple `(3, 13, 0, 'final', 0)`. */
function versionInfo(context: NativeContext): Ptr {
  const heap = context.heap;
  const items = VERSION_INFO.map((value) =>
    typeof value === "number" ? heap.newInt(value) : heap.newStr(value),
  );
  try {
    return heap.newTuple(items);
  } finally {
    for (const item of items) context.release(item);
  }
}

/**
 * A module-like object whose `write(s)` sends `s` to `sink` and returns its length, standing in
 * for CPython's `io.TextIOWrapper` streams.
 */
function streamObject(
  context: NativeContext,
  stream: "stdout" | "stderr",
  sink: (text: string) => void,
): Ptr {
  const write: NativeFunction = (callContext, args, keywords) => {
    const text = expectOneArgument(callContext, "write", args, keywords);
    if (callContext.heap.kindOf(text) !== ObjectKind.STR)
      callContext.raise(
        "TypeError",
        `write() argument must be str, not ${callContext.typeName(text)}`,
      );
    const value = callContext.heap.strValue(text);
    sink(value);
    // len() counts code points, as Python's str does.
    let length = 0;
    for (const _ of value) length++;
    return callContext.heap.newInt(length);
  };
  const flush: NativeFunction = (callContext, args, keywords) => {
    expectNoArguments(callContext, "flush", args, keywords);
    return callContext.newReference(callContext.heap.none);
  };
  // CPython's streams are named "<stdout>"/"<stderr>" (logging's StreamHandler repr shows it).
  const displayName = context.heap.newStr(`<${stream}>`);
  try {
    return buildModule(context, `sys.${stream}`, { write, flush }, [["name", displayName]]);
  } finally {
    context.release(displayName);
  }
}

const SET_INT_MAX_STR_DIGITS = {
  name: "set_int_max_str_digits",
  positionalOnly: 0,
  positional: ["maxdigits"],
  required: 1,
  keywordOnly: [],
} as const;

const GETFRAME = {
  name: "_getframe",
  positionalOnly: 1,
  positional: ["depth"],
  required: 0,
  keywordOnly: [],
} as const;

/** The functions of `sys`. */
const sysFunctions: Record<string, NativeFunction> = {
  // The next line of the interpreter's input source with its line break, "" at its end (what
  // sys.stdin's readline reads; CPython: a TextIOWrapper over file descriptor 0).
  _stdin_line(context, args, keywords) {
    expectNoArguments(context, "sys._stdin_line", args, keywords);
    return context.heap.newStr(context.readInputLine() ?? "");
  },
  // CPython: sys_exception_impl — the exception being handled, or None.
  exception(context, args, keywords) {
    expectNoArguments(context, "sys.exception", args, keywords);
    return context.newReference(context.handledException() || context.heap.none);
  },
  // CPython: sys_exc_info_impl — (type, value, traceback) of the handled exception.
  exc_info(context, args, keywords) {
    expectNoArguments(context, "sys.exc_info", args, keywords);
    const value = context.handledException();
    const none = context.heap.none;
    if (value === 0) return context.heap.newTuple([none, none, none]);
    const type = context.getAttribute(value, "__class__");
    const traceback = context.getAttribute(value, "__traceback__");
    try {
      return context.heap.newTuple([type, value, traceback]);
    } finally {
      context.release(type);
      context.release(traceback);
    }
  },
  // CPython: sys__getframe_impl
  _getframe(context, args, keywords) {
    if (keywords.length > 0)
      context.raise("TypeError", "sys._getframe() takes no keyword arguments");
    const [depth] = bindArguments(context, GETFRAME, args, keywords);
    const levels = depth === undefined ? 0 : integerArgument(context, depth);
    // CPython: the argument is a C int.
    if (Math.abs(levels) > 2 ** 31 - 1)
      context.raise("OverflowError", "Python int too large to convert to C int");
    // A negative depth is the running frame, as CPython's loop never steps back.
    return context.frameObject(Math.max(0, levels));
  },
  // CPython: sys_get_int_max_str_digits_impl
  get_int_max_str_digits(context, args, keywords) {
    expectNoArguments(context, "sys.get_int_max_str_digits", args, keywords);
    return context.heap.newInt(intMaxStrDigits(context.heap));
  },
  // CPython: sys_set_int_max_str_digits_impl (maxdigits, also by keyword)
  set_int_max_str_digits(context, args, keywords) {
    const [maxdigits] = bindArguments(context, SET_INT_MAX_STR_DIGITS, args, keywords);
    setIntMaxStrDigits(context, integerArgument(context, maxdigits!));
    return context.newReference(context.heap.none);
  },
  // CPython: sys_getrefcount_impl — Py_REFCNT(object), the argument's reference included.
  getrefcount(context, args, keywords) {
    const obj = expectOneArgument(context, "sys.getrefcount", args, keywords);
    return context.heap.newInt(context.runtime.lifetime.refcount(obj));
  },
  // CPython: sys_getsizeof(object, default)
  getsizeof(context, args, keywords) {
    const given = args.length + keywords.length;
    if (given > 2)
      context.raise("TypeError", `getsizeof() takes at most 2 arguments (${given} given)`);
    // Argument clinic reports a missing required argument before unknown keywords.
    const obj = args[0] ?? keywords.find(([name]) => name === "object")?.[1];
    if (obj === undefined)
      return context.raise("TypeError", "getsizeof() missing required argument 'object' (pos 1)");
    for (const [name] of keywords) {
      const position = name === "object" ? 1 : name === "default" ? 2 : 0;
      if (position === 0)
        context.raise("TypeError", `getsizeof() got an unexpected keyword argument '${name}'`);
      if (position <= args.length)
        context.raise(
          "TypeError",
          `argument for getsizeof() given by name ('${name}') and position (${position})`,
        );
    }
    return context.heap.newInt(sizeOf(context, obj));
  },
  // CPython: sys_getrecursionlimit_impl
  getrecursionlimit(context, args, keywords) {
    expectNoArguments(context, "sys.getrecursionlimit", args, keywords);
    return context.heap.newInt(context.recursionLimit);
  },
  // CPython: sys_setrecursionlimit_impl — at least 1, and above the depth already reached.
  setrecursionlimit(context, args, keywords) {
    const value = expectOneArgument(context, "sys.setrecursionlimit", args, keywords);
    if (!context.heap.isInstance(value, context.heap.intType))
      context.raise(
        "TypeError",
        `'${context.typeName(value)}' object cannot be interpreted as an integer`,
      );
    const limit = context.heap.numberValue(value);
    if (limit > 2 ** 31 - 1)
      context.raise("OverflowError", "Python int too large to convert to C int");
    if (limit < 1) context.raise("ValueError", "recursion limit must be greater or equal than 1");
    const depth = context.callDepth;
    if (limit <= depth)
      context.raise(
        "RecursionError",
        `cannot set the recursion limit to ${limit} at the recursion depth ${depth}: the limit is too low`,
      );
    context.recursionLimit = limit;
    return context.newReference(context.heap.none);
  },
  // CPython: sys__debugmallocstats_impl — pymalloc and free-list statistics on stderr.
  _debugmallocstats(context, args, keywords) {
    expectNoArguments(context, "sys._debugmallocstats", args, keywords);
    context.writeStderr(context.runtime.debugMallocStats());
    return context.newReference(context.heap.none);
  },
  // CPython: sys_getallocatedblocks_impl
  getallocatedblocks(context, args, keywords) {
    expectNoArguments(context, "sys.getallocatedblocks", args, keywords);
    return context.heap.newInt(context.runtime.getallocatedblocks());
  },
};
