import type { Ptr, TypeId } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import type { Runtime } from "@pymem/runtime";
import type { Module } from "../ast.js";
import type { FoundModule } from "./path-finder.js";

/**
 * The boundary between the evaluator and code written in TypeScript that Python calls: built-in
 * functions, methods of built-in types and the native modules (`gc`, `sys`, `weakref`).
 *
 * Ownership follows CPython's calling convention: arguments are borrowed, the result is a new
 * reference (return `heap.none` increfed through {@link NativeContext.newReference} for "nothing").
 *
 * @module
 */

/**
 * A built-in function implemented in TypeScript (CPython: a `PyCFunction` with
 * `METH_FASTCALL | METH_KEYWORDS`).
 *
 * @param context - the interpreter services the function may use
 * @param args - positional arguments, borrowed (for a method, `args[0]` is `self`)
 * @param keywords - keyword arguments in call order, values borrowed
 * @returns a new reference
 *
 * @example
 * ```ts
 * const length: NativeFunction = (context, args) => context.newInt(context.length(args[0]!));
 * ```
 */
export type NativeFunction = (
  context: NativeContext,
  args: readonly Ptr[],
  keywords: ReadonlyArray<readonly [name: string, value: Ptr]>,
) => Ptr;

/**
 * The names of the built-in exception classes a native function may raise.
 *
 * @example
 * ```ts
 * const name: ExceptionName = "TypeError";
 * ```
 */
export type ExceptionName =
  | "Exception"
  | "TypeError"
  | "ValueError"
  | "KeyError"
  | "IndexError"
  | "AttributeError"
  | "NameError"
  | "ZeroDivisionError"
  | "RuntimeError"
  | "MemoryError"
  | "EOFError"
  | "RecursionError"
  | "StopIteration"
  | "AssertionError"
  | "OverflowError"
  | "BufferError"
  | "NotImplementedError"
  | "UnboundLocalError"
  | "UnicodeEncodeError"
  | "UnicodeDecodeError";

/**
 * A rich comparison operator, as {@link NativeContext.compare} takes it.
 *
 * @example
 * ```ts
 * const op: ComparisonSymbol = "<";
 * ```
 */
export type ComparisonSymbol = "<" | "<=" | "==" | "!=" | ">" | ">=";

/**
 * A binary arithmetic operator, as {@link NativeContext.binaryOperation} takes it.
 *
 * @example
 * ```ts
 * const op: ArithmeticSymbol = "+";
 * ```
 */
export type ArithmeticSymbol = "+" | "-" | "*" | "/" | "//" | "%" | "**";

/**
 * What a {@link NativeFunction} can ask of the running interpreter.
 *
 * @example
 * ```ts
 * const callTwice: NativeFunction = (context, args) => {
 *   context.release(context.call(args[0]!, []));
 *   return context.call(args[0]!, []);
 * };
 * ```
 */
export interface NativeContext {
  /** The runtime whose heap holds every value. */
  readonly runtime: Runtime;
  /** `runtime.heap`. */
  readonly heap: Heap;
  /** Raises a Python exception of a built-in class with `message` as its only argument. */
  raise(type: ExceptionName, message: string): never;
  /** Calls any Python callable (function, bound method, class, built-in) and returns a new reference. */
  call(
    callable: Ptr,
    args: readonly Ptr[],
    keywords?: ReadonlyArray<readonly [name: string, value: Ptr]>,
  ): Ptr;
  /** Iterates any Python iterable; `each` receives borrowed items and may return `false` to stop. */
  iterate(iterable: Ptr, each: (item: Ptr) => boolean | undefined): void;
  /** Python's `repr(obj)`. */
  repr(obj: Ptr): string;
  /** Python's `str(obj)`. */
  str(obj: Ptr): string;
  /** Python's truth test (`bool(obj)`). */
  isTrue(obj: Ptr): boolean;
  /** The name of the object's type as Python shows it (`"list"`, `"Node"`). */
  typeName(obj: Ptr): string;
  /** Python's `getattr(obj, name)` as a new reference, raising AttributeError when missing. */
  getAttribute(obj: Ptr, name: string): Ptr;
  /** Increfs `obj` and returns it (turns a borrowed reference into a new one). */
  newReference(obj: Ptr): Ptr;
  /** Decrefs `obj` (releases a new reference). */
  release(obj: Ptr): void;
  /** A new `builtin_function_or_method` object; with `self`, a bound built-in method holding a reference to it. */
  newBuiltinFunction(name: string, fn: NativeFunction, self?: Ptr): Ptr;
  /** The type object of a built-in type, by the name the machine registers (`"weakref.ReferenceType"`); borrowed. */
  builtinType(name: string): Ptr;
  /** A new bound method object binding the function `fn` to `self` (both borrowed), as `types.MethodType(fn, self)`. */
  newMethod(fn: Ptr, self: Ptr): Ptr;
  /** A new module object with the given members (values borrowed). */
  newModule(name: string, members: ReadonlyArray<readonly [name: string, value: Ptr]>): Ptr;
  /** Python's `len(obj)`. */
  length(obj: Ptr): number;
  /**
   * Calls the special method `name` a Python class (or a base of it) defines for `obj`, as a
   * new reference, or returns 0 when `obj`'s class is built in or defines none (CPython:
   * `_PyObject_LookupSpecial` + call).
   */
  callSpecial(obj: Ptr, name: string, args: readonly Ptr[]): Ptr;
  /**
   * A copy of the bytes of a `bytes`, `bytearray` or `memoryview` (CPython: `PyObject_GetBuffer`
   * + `PyBuffer_ToContiguous`), or undefined when `obj` exports no buffer.
   */
  bufferData(obj: Ptr): Uint8Array | undefined;
  /** A new `bytes` (or, with `mutable`, `bytearray`) holding a copy of `data`; a new reference. */
  newBytes(data: Uint8Array, mutable?: boolean): Ptr;
  /** Python's `obj[key]` as a new reference. */
  getItem(obj: Ptr, key: Ptr): Ptr;
  /** Python's `obj[key] = value` (value borrowed). */
  setItem(obj: Ptr, key: Ptr, value: Ptr): void;
  /** Python's `setattr(obj, name, value)` (value borrowed). */
  setAttribute(obj: Ptr, name: string, value: Ptr): void;
  /** Python's rich comparison `a op b`, as its truth value. */
  compare(op: ComparisonSymbol, a: Ptr, b: Ptr): boolean;
  /** Python's `a op b` for an arithmetic operator, as a new reference. */
  binaryOperation(op: ArithmeticSymbol, a: Ptr, b: Ptr): Ptr;
  /**
   * Runs Python `source` as the body of a new module named `name` whose globals start with
   * `members` (values borrowed) and returns the module (a new reference). Native modules use
   * it for the parts most naturally written in Python (a class whose methods are natives).
   */
  runModuleSource(
    name: string,
    source: string,
    members: ReadonlyArray<readonly [name: string, value: Ptr]>,
  ): Ptr;
  /**
   * Makes error messages name the class `type` as CPython names the C type it stands in for
   * (`tp_name`, e.g. `"datetime.date"`), for modules written in Python whose classes are C
   * types in CPython. `__name__`, `__qualname__` and the repr are unchanged.
   */
  setTypeName(type: Ptr, typeName: string): void;
  /**
   * Compiles `source` and runs it in `globals` with `locals` as its namespace (CPython:
   * `builtin_exec` / `builtin_eval`): `"exec"` runs statements and returns None, `"eval"` returns
   * the value of the single expression, `"single"` runs statements echoing the repr of each
   * expression statement (the REPL's and doctest's mode) and returns None. Invalid source raises
   * `SyntaxError`. With `capture`, what the code prints goes to it instead of stdout. Returns a
   * new reference.
   */
  runSource(
    source: string,
    filename: string,
    globals: Ptr,
    locals: Ptr,
    mode: "exec" | "eval" | "single",
    capture?: (text: string) => void,
  ): Ptr;
  /**
   * `compile(source, filename, mode)`: a new code object, or SyntaxError (with `filename`).
   * `source` is text or a parsed tree (what `compile()` makes of an `ast` object).
   * CPython: `builtin_compile_impl`.
   */
  compileSource(source: string | Module, filename: string, mode: "exec" | "eval" | "single"): Ptr;
  /**
   * Runs a code object `compileSource` made in `globals` and `locals`; `asEval` returns an
   * eval-mode code's value (`eval(code)`), else None. A new reference.
   */
  runCodeObject(codeObject: Ptr, globals: Ptr, locals: Ptr, asEval: boolean): Ptr;
  /** The `__main__` module's globals dict (borrowed): what doctest.testmod() tests by default. */
  mainGlobals(): Ptr;
  /** `sys.modules` (borrowed): the dict of loaded modules `import` consults and fills. */
  loadedModules(): Ptr;
  /**
   * Where the running Python code is, most recent frame first, at most `limit` frames: each
   * frame's file name, the line of the statement it runs (CPython: the frames tracemalloc
   * records) and its globals dict (borrowed; what `warnings.warn` reads `__name__` and
   * `__warningregistry__` from). Empty when no code runs.
   */
  pythonFrames(
    limit: number,
  ): ReadonlyArray<{ readonly filename: string; readonly lineno: number; readonly globals: Ptr }>;
  /**
   * The frame object `depth` calls up the running stack (0: the innermost Python frame), a new
   * reference; ValueError "call stack is not deep enough" past the outermost (CPython:
   * `sys._getframe`).
   */
  frameObject(depth: number): Ptr;
  /**
   * The exception the innermost running `except` block handles (borrowed), or 0 when none
   * (CPython: `sys.exception()`).
   */
  handledException(): Ptr;
  /**
   * The source range a frame's `f_lasti` or a traceback's `tb_lasti` stands for (1-based lines,
   * 0-based columns), or undefined when it names none.
   */
  sourcePosition(
    lasti: number,
  ): { line: number; column: number; endLine: number; endColumn: number } | undefined;
  /** Line `lineno` (1-based) of the source compiled as `filename`, or "" when unknown (CPython: `linecache.getline`). */
  sourceLine(filename: string, lineno: number): string;
  /**
   * What CPython 3.13's traceback printer appends to `str(exc)` for the exception `value` with
   * the traceback `tb` (both borrowed): "Did you mean" and "Did you forget to import" hints, or "".
   */
  suggestionHint(value: Ptr, tb: Ptr): string;
  /** Writes to the interpreter's standard output. */
  writeStdout(text: string): void;
  /** Writes to the interpreter's standard error. */
  writeStderr(text: string): void;
  /** Python's `iter(obj)` as a new reference (TypeError when `obj` is not iterable). */
  getIterator(obj: Ptr): Ptr;
  /**
   * One step of an iterator (CPython: `PyIter_Next`): the next item as a new reference, or 0 once
   * it is exhausted. Works for every iterator: built-in, generator, native, user class.
   */
  iteratorNext(iterator: Ptr): Ptr;
  /**
   * Defines (once per heap) a native iterator type named `name` (`"itertools.count"`) and returns
   * its type id, for {@link NativeContext.newIterator}.
   */
  iteratorType(name: string): TypeId;
  /**
   * A new iterator of a type from {@link NativeContext.iteratorType} whose items come from
   * `next(self)` (a new reference, or 0 when exhausted; it may raise). The `held` objects
   * (borrowed) are owned by the iterator and reported to collectors; read them back with
   * {@link NativeContext.iteratorHeld}. The iterator works everywhere: `for`, `next()`,
   * `list()`, unpacking, `yield from`.
   */
  newIterator(type: TypeId, held: readonly Ptr[], next: (self: Ptr) => Ptr): Ptr;
  /** The `index`-th object a native iterator holds (borrowed). */
  iteratorHeld(iterator: Ptr, index: number): Ptr;
  /**
   * The Python call depth at which `RecursionError` is raised (CPython's
   * `sys.getrecursionlimit()`); writable. The JavaScript stack may stop deep recursion earlier,
   * with the same `RecursionError`, never a crash.
   */
  recursionLimit: number;
  /** How many Python frames are running now (CPython: the thread's recursion depth). */
  readonly callDepth: number;
  /** The command-line arguments the interpreter was given (`sys.argv`). */
  readonly argv: readonly string[];
  /** The `-W` options and `PYTHONWARNINGS` entries the interpreter was given (`sys.warnoptions`). */
  readonly warnOptions: readonly string[];
  /** The environment variables the program sees (`os.environ`). */
  readonly environ: Readonly<Record<string, string>>;
  /** The working directory (`os.getcwd()`). */
  readonly cwd: string;
  /**
   * The next line of the interpreter's input source (the `stdin` option: what `input()` reads)
   * with its `\n` (none on a last line that has none), or undefined at its end.
   */
  readInputLine(): string | undefined;
  /** The `sys.path` the program starts with (see import-path.ts). */
  readonly importPath: readonly string[];
  /**
   * The path search `import` makes for the module `fullname` in `entries` (a `sys.path` or a
   * package's `__path__`; path-finder.ts); undefined when nothing is found.
   */
  findModule(fullname: string, entries: readonly string[]): FoundModule | undefined;
}

/**
 * Builds a native module's object the first time a script imports it (`import gc`).
 *
 * @example
 * ```ts
 * const mathModule: NativeModuleFactory = (context) => {
 *   const answer = context.heap.newInt(42);
 *   const module = context.newModule("mymath", [["answer", answer]]);
 *   context.release(answer); // the module holds its own reference
 *   return module;
 * };
 * ```
 */
export type NativeModuleFactory = (context: NativeContext) => Ptr;
