import type { Ptr } from "@pymem/core";
import type { ManagedCollector } from "@pymem/gc";
import { ObjectKind } from "@pymem/heap";
import { createRuntime, type Runtime, type RuntimeOptions } from "@pymem/runtime";
import type { Module } from "../ast.js";
import { parse } from "../parser.js";
import { formatSyntaxError, PythonSyntaxError, type SyntaxErrorDetails } from "../syntax-error.js";
import type { SyntaxWarningNote } from "../syntax-warnings.js";
import { installBuiltins, length } from "./builtins.js";
import { newByteArray, newBytes } from "./bytes-objects.js";
import { call } from "./calls.js";
import { Compiler } from "./compiler.js";
import { suggestionHint } from "./error-suggestions.js";
import { setImportErrorName, syntaxErrorDisplay } from "./exception-fields.js";
import { chainHasGroup, formatExceptionTree } from "./exception-group-traceback.js";
import { qualifiedExceptionName } from "./exception-type-name.js";
import { PyException, StepLimitError } from "./exceptions.js";
import type { FileSystem } from "./files/file-system.js";
import { fileSystemModule } from "./files/file-system-module.js";
import { MemoryFileSystem } from "./files/memory-file-system.js";
import { describeFrame, type FrameInfo } from "./frame-inspection.js";
import { getFrame, positionOf } from "./frame-objects.js";
import { foundBeforePath, initialImportPath, scriptFilename } from "./import-path.js";
import { iterate } from "./iteration.js";
import { nativeIteratorHeld, nativeIteratorType, newNativeIterator } from "./iterator-objects.js";
import { getIterator, iteratorNext } from "./iterator-protocol.js";
import { installKeyProtocol } from "./key-protocol.js";
import { type Frame, Machine } from "./machine.js";
import { bufferData } from "./memoryview-objects.js";
import { ModuleRegistry } from "./module-registry.js";
import {
  type ModuleSyntaxCache,
  moduleSyntaxTree,
  processModuleSyntaxCache,
} from "./module-syntax-cache.js";
import { nativeModules } from "./modules/index.js";
import { installQuitters } from "./modules/sitebuiltins-module.js";
import type {
  ExceptionName,
  NativeContext,
  NativeFunction,
  NativeModuleFactory,
} from "./native.js";
import { warnAtCompileTime } from "./native-warnings.js";
import { getAttribute, getItem, setAttribute, setItem, systemExitCode } from "./object-access.js";
import { MODULE_DICT_OFFSET, TYPE_BASE_OFFSET, TYPE_DICT_OFFSET } from "./object-layouts.js";
import { defaultRepr, repr, str } from "./object-repr.js";
import { BINARY_CODES, COMPARISON_CODES } from "./operator-codes.js";
import { binary, compare } from "./operators.js";
import { findModule } from "./path-finder.js";
import { runBlock } from "./run-loop.js";
import { compileToCodeObject, runCodeObject, runSource } from "./run-source.js";
import { loadFoundModule, type SourceModuleHost } from "./source-module-loader.js";
import { formatTraceback } from "./traceback.js";

/**
 * The public face of pymem's Python-subset evaluator.
 *
 * @module
 */

/** The built-in types whose objects {@link Interpreter.describe} names by their code. */
const GENERATOR_TYPE_NAMES = new Set(["generator", "coroutine", "async_generator"]);

/**
 * Options of an {@link Interpreter}. Pass any subset to the constructor.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ stepLimit: 1_000_000, stdout: (text) => output.push(text) });
 * ```
 */
export interface InterpreterOptions {
  /**
   * The runtime whose heap holds every value.
   * @defaultValue a new `createRuntime(runtimeOptions)`
   */
  runtime: Runtime | undefined;
  /**
   * Options for the runtime created when `runtime` is undefined.
   * @defaultValue {}
   */
  runtimeOptions: Partial<RuntimeOptions>;
  /**
   * Where `print` writes. A writer that throws an error whose `code` is `"EPIPE"` (its reader
   * has gone, as with `| head -1`) raises `BrokenPipeError` in the program, as CPython's does.
   * @defaultValue `process.stdout.write` (console.log where there is no process)
   */
  stdout: (text: string) => void;
  /**
   * Where tracebacks and `Exception ignored in` reports go.
   * @defaultValue `process.stderr.write` (console.error where there is no process)
   */
  stderr: (text: string) => void;
  /**
   * What `input()` and `sys.stdin` read: called with the prompt (already written to `stdout`),
   * it returns the line typed (without its line break, unless `stdinKeepsLineBreaks`), or
   * undefined for end of input (`input()` then raises `EOFError`, as CPython does when stdin is
   * closed).
   * @defaultValue () => undefined (no input: every `input()` raises EOFError)
   */
  stdin: (prompt: string) => string | undefined;
  /**
   * Whether `stdin` returns each line with its `\n` (so a last line without one reads back
   * without one from `sys.stdin`, as a stream's last line does), rather than without.
   * @defaultValue false
   */
  stdinKeepsLineBreaks: boolean;
  /**
   * Statements plus loop iterations a run may execute before it stops with `StepLimitError`
   * (not catchable by Python code).
   * @defaultValue 100_000_000
   */
  stepLimit: number;
  /**
   * Python call depth before `RecursionError: maximum recursion depth exceeded`.
   * @defaultValue 1000 (CPython's `sys.getrecursionlimit()`)
   */
  recursionLimit: number;
  /**
   * Called before each statement runs (for tracers and visualisers).
   * @defaultValue undefined
   */
  onStatement: ((event: StatementEvent) => void) | undefined;
  /**
   * Called as a Python function (or method, or lambda) returns, before its frame goes: the frame
   * is still the innermost of {@link Interpreter.frames} (for debuggers, tracers and visualisers;
   * CPython: `sys.settrace`'s `"return"` event).
   * @defaultValue undefined
   */
  onReturn: ((event: ReturnEvent) => void) | undefined;
  /**
   * `sys.argv`: the script's path (or `""` when there is none) then its arguments.
   * @defaultValue `[""]`
   */
  argv: readonly string[];
  /**
   * `sys.warnoptions`: the warning filters given on the command line, in CPython's order
   * (`PYTHONWARNINGS` entries, then each `-W` option), as `action:message:category:module:lineno`
   * strings. When there are any, `warnings` is imported before the program runs and applies them,
   * the later ones taking precedence; an invalid one prints `Invalid -W option ignored: …`.
   * @defaultValue `[]`
   */
  warnOptions: readonly string[];
  /**
   * `os.environ`: the environment variables the program sees (the CLI passes the process's).
   * @defaultValue `{}` (an empty environment, as under `env -i`)
   */
  environ: Readonly<Record<string, string>>;
  /**
   * `os.getcwd()`: the working directory relative paths start from (the CLI passes the
   * process's); `os.path.abspath` joins onto it.
   * @defaultValue `"/"`
   */
  cwd: string;
  /**
   * The file system `open()`, the `io` file classes and `os` functions (`listdir`, `remove`,
   * `os.path.exists`, …) use; relative paths start at `cwd`. The CLI passes `NodeFileSystem`
   * (from `@pymem/python/node`) for the real disk.
   * @defaultValue a new {@link MemoryFileSystem} bounded by the runtime's `maximumBytes` (files
   * the program writes it can read back during this interpreter's life; nothing reaches the host)
   */
  fileSystem: FileSystem;
  /**
   * `__main__.__file__`: the path of the script being run, made absolute against `cwd` (the CLI
   * passes the file `pymem run` runs, as CPython's `_PyRun_SimpleFileObject` sets it).
   * @defaultValue undefined (no `__file__`, as for `exec()` and `python -c`)
   */
  scriptPath: string | undefined;
  /**
   * The native modules `import` can find.
   * @defaultValue `nativeModules` (`gc`, `sys`, `weakref`)
   */
  modules: Readonly<Record<string, NativeModuleFactory>>;
  /**
   * Where the parsed trees of modules written in Python are kept between imports (the CLI keeps
   * them on disk, as CPython keeps `__pycache__`).
   * @defaultValue one in-memory cache shared by the process's interpreters
   */
  moduleSyntaxCache: ModuleSyntaxCache;
}

/**
 * What {@link InterpreterOptions.onStatement} receives.
 *
 * @example
 * ```ts
 * new Interpreter({ onStatement: (event) => console.log(event.line, event.functionName) });
 * ```
 */
export interface StatementEvent {
  /** 1-based line of the statement. */
  readonly line: number;
  /** 0-based column. */
  readonly column: number;
  /** Call depth: 0 at module level. */
  readonly depth: number;
  /** The running function's name (`"<module>"` at module level). */
  readonly functionName: string;
  /**
   * The file the statement is in (`co_filename`): the name given to `run`, or `<weakref>` and
   * the like for the Python source of a library module — which a debugger may step over.
   */
  readonly filename: string;
  /** Steps executed so far. */
  readonly steps: number;
}

/**
 * What {@link InterpreterOptions.onReturn} receives.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({
 *   onReturn: (event) =>
 *     console.log(`${event.qualifiedName}() returns ${interpreter.runtime.repr(event.value)}`),
 * });
 * interpreter.run("def f():\n    return [1]\nf()\n"); // f() returns [1]
 * ```
 */
export interface ReturnEvent {
  /** 1-based line of the statement that returned (the function's last line run). */
  readonly line: number;
  /** Call depth of the returning frame (1 for a function called from module level). */
  readonly depth: number;
  /** The function's name (`co_name`). */
  readonly functionName: string;
  /** Its qualified name (`co_qualname`: `"Node.__init__"`). */
  readonly qualifiedName: string;
  /** The file the function is in (`co_filename`; see {@link StatementEvent.filename}). */
  readonly filename: string;
  /** Steps executed so far. */
  readonly steps: number;
  /** The value returned (borrowed: valid during the call; None when the body ran off its end). */
  readonly value: Ptr;
}

/**
 * An uncaught error of a run.
 *
 * @example
 * ```ts
 * const { error } = interpreter.run("1/0");
 * error?.typeName; // "ZeroDivisionError"
 * ```
 */
export interface PythonError {
  /** The exception class (`"ValueError"`, `"SyntaxError"`, `"StepLimitError"`). */
  readonly typeName: string;
  /** `str(exception)`. */
  readonly message: string;
  /** The line it was raised on (innermost frame). */
  readonly line: number;
  /** CPython-format traceback text, already written to stderr. */
  readonly traceback: string;
}

/**
 * The outcome of {@link Interpreter.run}.
 *
 * @example
 * ```ts
 * const result = interpreter.run("print(1)");
 * if (!result.ok) console.log(result.error?.traceback);
 * ```
 */
export interface RunResult {
  /** Whether the code ran to the end. */
  readonly ok: boolean;
  /** The uncaught error, when not ok. */
  readonly error: PythonError | undefined;
  /** Steps executed by this run. */
  readonly steps: number;
  /**
   * The exit status CPython would end the process with: 0 after a normal end, the code of an
   * uncaught `SystemExit` (CPython: `handle_system_exit`), 1 for any other uncaught error.
   */
  readonly exitStatus: number;
}

function defaultWriter(stream: "stdout" | "stderr"): (text: string) => void {
  const proc = (
    globalThis as {
      process?: { stdout?: { write(text: string): void }; stderr?: { write(text: string): void } };
    }
  ).process;
  const target = proc?.[stream];
  if (target !== undefined) return (text) => target.write(text);
  return stream === "stdout"
    ? (text) => console.log(text.replace(/\n$/, ""))
    : (text) => console.error(text.replace(/\n$/, ""));
}

/**
 * A Python-subset interpreter whose every value is an object in a pymem heap: reference counts,
 * `__del__` timing, weak references and `gc.collect()` results follow CPython 3.13.
 *
 * @remarks
 * ints have any size (float64 safe integers, CPython's 30-bit digits beyond). Sets, generators,
 * `async`, decorators and `with` are not supported; `enumerate`, `zip`, `map`, `filter`,
 * `reversed` and generator expressions produce lists (the package README lists every difference).
 *
 * @example
 * ```ts
 * import { Interpreter } from "@pymem/python";
 * const interpreter = new Interpreter({ stdout: (text) => process.stdout.write(text) });
 * interpreter.run("class A:\n    def __del__(self):\n        print('bye')\na = A()\ndel a\n");
 * interpreter.dispose();
 * ```
 */
export class Interpreter {
  /** The runtime (heap, reference counting, collector) the interpreter runs on. */
  readonly runtime: Runtime;
  private readonly machine: Machine;
  private readonly compiler: Compiler;
  private readonly modules: Readonly<Record<string, NativeModuleFactory>>;
  /** `_pymem_files`, the file-system calls `io` and `os` make (always importable). */
  private readonly fileSystemModule: NativeModuleFactory;
  private readonly moduleSyntaxCache: ModuleSyntaxCache;
  private readonly argv: readonly string[];
  private readonly warnOptions: readonly string[];
  /** Whether the start-up work of the first run (importing `warnings` for `-W`) is done. */
  private started = false;
  private readonly environ: Readonly<Record<string, string>>;
  private readonly cwd: string;
  private readonly scriptPath: string | undefined;
  /** The files `open`, `os` and `import` see. */
  private readonly fileSystem: FileSystem;
  /** Whether the `stdin` option's lines keep their line breaks. */
  private readonly stdinKeepsLineBreaks: boolean;
  /** The `sys.path` the program starts with (import-path.ts). */
  private readonly importPath: readonly string[];
  /** `sys.modules`, which `import` consults and fills. */
  private readonly moduleRegistry: ModuleRegistry;
  /** Borrowed: owned by {@link Interpreter.mainModule}. */
  private readonly globalsDict: Ptr;
  private readonly mainModule: Ptr;
  private readonly builtinsModule: Ptr;
  private readonly disposers: Array<() => void> = [];
  /** Run first in finalize(), newest first, while Python can still run (CPython: atexit). */
  private readonly exitHandlers: Array<() => void> = [];
  private readonly onStatementHook: ((event: StatementEvent) => void) | undefined;
  private disposed = false;
  /** Whether {@link Interpreter.finalize} has begun (no run afterwards). */
  private finalized = false;
  /** Whether a run is under way (frames exist only then). */
  private running = false;
  /** The collector's safe-point hook: marks a scheduled collection for the next eval-breaker check. */
  private readonly collectionScheduled = (): void => {
    this.machine.collectionScheduled = true;
  };

  constructor(options: Partial<InterpreterOptions> = {}) {
    this.runtime = options.runtime ?? createRuntime(options.runtimeOptions ?? {});
    this.modules = options.modules ?? nativeModules;
    this.moduleSyntaxCache = options.moduleSyntaxCache ?? processModuleSyntaxCache;
    this.argv = [...(options.argv ?? [""])];
    this.warnOptions = [...(options.warnOptions ?? [])];
    this.environ = { ...(options.environ ?? {}) };
    this.cwd = options.cwd ?? "/";
    this.scriptPath = options.scriptPath;
    const machine = new Machine(this.runtime, {
      stdout: options.stdout ?? defaultWriter("stdout"),
      stderr: options.stderr ?? defaultWriter("stderr"),
      stepLimit: options.stepLimit ?? 100_000_000,
      recursionLimit: options.recursionLimit ?? 1000,
    });
    this.machine = machine;
    this.fileSystem =
      options.fileSystem ??
      new MemoryFileSystem({ capacityBytes: this.runtime.memory.maximumBytes });
    this.fileSystemModule = fileSystemModule(machine, this.fileSystem, this.cwd);
    this.importPath = initialImportPath(this.cwd, this.scriptPath, this.environ);
    if (options.stdin !== undefined) machine.stdin = options.stdin;
    this.stdinKeepsLineBreaks = options.stdinKeepsLineBreaks ?? false;
    this.compiler = new Compiler(machine);
    machine.formatException = (error) => this.format(error);
    machine.context = this.createContext();
    machine.builtins = this.runtime.heap.newDict();
    installBuiltins(machine, machine.builtins);
    installKeyProtocol(machine);
    // The `builtins` module owns the builtins dict (the machine keeps a borrowed pointer).
    this.builtinsModule = machine.newModule("builtins", machine.builtins);
    machine.importModule = (name) => this.importModule(name);
    this.moduleRegistry = new ModuleRegistry(machine);
    this.moduleRegistry.store("builtins", this.builtinsModule);
    machine.importedModule = (name) => this.moduleRegistry.loadedModule(name);
    // The globals dict is owned by a `__main__` module object made after it, as CPython's
    // module owns its dict: the interpreter's own reference is to the module, so a collection
    // reaches the dict through a GC object and orders what it finds the way CPython's does.
    this.globalsDict = this.runtime.heap.newDict();
    const mainName = machine.newStr("__main__");
    this.runtime.heap.dictSetItem(this.globalsDict, machine.name("__name__"), mainName);
    machine.decref(mainName);
    // CPython's __main__ namespace: no package, no spec (a script is not imported).
    for (const key of ["__doc__", "__package__", "__loader__", "__spec__"])
      this.runtime.heap.dictSetItem(this.globalsDict, machine.name(key), this.runtime.heap.none);
    // As in CPython, __main__'s dict holds the builtins module, which also keeps it tracked from
    // the start (before the module object, as in the collector's list order CPython has).
    this.runtime.heap.dictSetItem(
      this.globalsDict,
      machine.name("__builtins__"),
      this.builtinsModule,
    );
    this.mainModule = machine.newModule("__main__", this.globalsDict);
    this.moduleRegistry.store("__main__", this.mainModule);
    // CPython's site.setquit(): exit and quit become _sitebuiltins.Quitter objects (an
    // interpreter made with its own module table without _sitebuiltins keeps the plain ones).
    // Its statements are the interpreter's set-up, not the program's: no step limit, no steps.
    if (Object.hasOwn(this.modules, "_sitebuiltins")) {
      const stepLimit = machine.stepLimit;
      machine.stepLimit = Number.POSITIVE_INFINITY;
      const sitebuiltins = this.importModule("_sitebuiltins");
      try {
        installQuitters(machine, sitebuiltins);
      } finally {
        machine.decref(sitebuiltins);
        machine.stepLimit = stepLimit;
        machine.steps = 0;
      }
    }
    // CPython 3.12+: an allocation only schedules an automatic collection (_Py_ScheduleGC); the
    // eval loop runs it at its next eval-breaker check, and so does this interpreter.
    const collector = this.runtime.collector as ManagedCollector | undefined;
    if (collector !== undefined && "onCollectionScheduled" in collector)
      collector.onCollectionScheduled = this.collectionScheduled;
    this.onStatementHook = options.onStatement;
    if (this.onStatementHook !== undefined) {
      const hook = this.onStatementHook;
      machine.onStatement = (frame: Frame, node) =>
        hook({
          line: node.line,
          column: node.column,
          depth: frame.depth,
          functionName: frame.code.name,
          filename: frame.code.filename,
          steps: machine.steps,
        });
    }
    const onReturn = options.onReturn;
    if (onReturn !== undefined)
      machine.onReturn = (frame: Frame, value: Ptr) =>
        onReturn({
          line: frame.node.line,
          depth: frame.depth,
          functionName: frame.code.name,
          qualifiedName: frame.code.qualifiedName,
          filename: frame.code.filename,
          steps: machine.steps,
          value,
        });
  }

  /**
   * Runs `source` as the `__main__` module (globals persist across calls). Output goes to
   * `stdout`; an uncaught exception prints CPython's traceback to `stderr`.
   *
   * @example
   * ```ts
   * interpreter.run("x = [1, 2]\nprint(len(x))"); // prints 2
   * ```
   */
  run(source: string, filename = "<string>"): RunResult {
    return this.execute(source, filename, false);
  }

  /**
   * Runs REPL input: like {@link Interpreter.run}, but the value of each expression statement is
   * echoed with `repr` unless it is None.
   *
   * @example
   * ```ts
   * interpreter.runInteractive("1 + 1"); // prints 2
   * ```
   */
  runInteractive(source: string): RunResult {
    return this.execute(source, "<stdin>", true);
  }

  /**
   * The module's global names and values (borrowed references, valid until the next run), dunder
   * names excluded — for visualisers.
   *
   * @example
   * ```ts
   * for (const [name, value] of interpreter.globals()) console.log(name, interpreter.runtime.repr(value));
   * ```
   */
  globals(): Array<[name: string, value: Ptr]> {
    const heap = this.runtime.heap;
    const result: Array<[string, Ptr]> = [];
    for (const [key, value] of heap.dictItems(this.globalsDict)) {
      const name = heap.strValue(key);
      if (!(name.startsWith("__") && name.endsWith("__"))) result.push([name, value]);
    }
    return result;
  }

  /**
   * The frames running now, outermost first: the module frame, then each function, method or
   * class-body frame in call order, the innermost (the one about to run the statement) last.
   * Empty when no run is under way. Call it from {@link InterpreterOptions.onStatement} (or a
   * native function) to see the call stack with every frame's locals, cells and free
   * variables; the pointers are borrowed and valid until the program continues.
   *
   * @remarks
   * Reads the heap frames without changing anything (no reference count moves, no dict is
   * made), so a tracer that calls it at every statement cannot change what the program
   * observes. This is what the playground's frame view and a debugger's stack view use.
   *
   * @example
   * ```ts
   * const interpreter = new Interpreter({
   *   onStatement: (event) => {
   *     if (event.depth < 2) return;
   *     for (const frame of interpreter.frames())
   *       console.log(frame.qualifiedName, frame.line, frame.locals.map(([name]) => name));
   *   },
   * });
   * interpreter.run("def f(n):\n    if n == 0:\n        return 0\n    return f(n - 1)\nf(2)\n");
   * // <module> 5 ['f'] / f 4 ['n'] / f 2 ['n'], then the same with the third frame at line 3
   * ```
   */
  frames(): FrameInfo[] {
    if (!this.running) return [];
    const m = this.machine;
    const heap = this.runtime.heap;
    const result: FrameInfo[] = [];
    for (let depth = 0; depth <= m.depth; depth++) {
      const frame = m.framePool[depth];
      if (frame !== undefined) result.push(describeFrame(heap, frame));
    }
    return result;
  }

  /**
   * CPython's `repr` of a function, class, module, built-in function, cell, range or generator —
   * `<function make_counter.<locals>.inc at 0x…>`, `<class '__main__.Node'>`,
   * `<module 'gc' (built-in)>`, `<generator object gen at 0x…>` — made from the heap alone;
   * undefined for any other object.
   *
   * @remarks
   * Never runs Python code (no `__repr__` is called), so visualisers can label these objects by
   * name at every step without changing what the program observes; for other objects use a
   * bounded repr of their contents.
   *
   * @example
   * ```ts
   * interpreter.run("def f():\n    pass\n");
   * const [, f] = interpreter.globals().find(([name]) => name === "f")!;
   * interpreter.describe(f); // "<function f at 0x…>"
   * ```
   */
  describe(obj: Ptr): string | undefined {
    const m = this.machine;
    const t = m.typeIdOf(obj);
    const types = m.types;
    if (
      m.isTypeId(t) ||
      t === types.function ||
      t === types.builtin ||
      t === types.module ||
      t === types.cell ||
      t === types.range
    )
      return defaultRepr(m, obj, t);
    // A generator names its code (`<generator object gen at 0x…>`). Told by its built-in type's
    // name: asking whether an object is a generator would create the iterator types the first
    // time, and a read must not allocate.
    const record = m.recordOf(obj);
    if (!record.user && GENERATOR_TYPE_NAMES.has(record.name)) return defaultRepr(m, obj, t);
    return undefined;
  }

  /**
   * Ends the program the way CPython's `Py_FinalizeEx` does, as far as Python code can observe
   * it: the atexit handlers, the shutdown collections, `__main__`, the imported modules and the
   * builtins dict cleared (finalizers and weakref callbacks run in CPython's order). The built-in
   * types, their dicts and the interpreter's names stay on the heap: a process about to exit (the
   * CLI) calls this rather than {@link Interpreter.dispose}, whose release of thousands of built-in
   * objects one by one is work nobody sees. The interpreter cannot run afterwards; `dispose()`
   * still releases the rest.
   *
   * @example
   * ```ts
   * interpreter.run("import atexit\natexit.register(print, 'bye')");
   * interpreter.finalize(); // prints "bye"
   * process.exit(0);
   * ```
   */
  finalize(): void {
    if (this.finalized) return;
    const m = this.machine;
    const heap = this.runtime.heap;
    // CPython's Py_FinalizeEx runs the atexit callbacks first, with everything still alive.
    while (this.exitHandlers.length > 0) this.exitHandlers.pop()!();
    this.finalized = true;
    // Frozen objects must be collectable now, or they would outlive the types they point to.
    this.runtime.gc?.unfreeze();
    // What the shutdown collections park in the collector's garbage (DEBUG_SAVEALL still set by
    // the script, legacy finalizers) references this interpreter's types and builtins: it is
    // released before they are (CPython clears gc.garbage at finalization too).
    const garbageBefore = this.runtime.gc?.garbage.length ?? 0;
    // CPython's finalize_modules: __main__ leaves sys.modules, so its dict dies by refcount (entries
    // in order) or, when functions and classes tie it into a cycle, in the shutdown collection
    // (finalizers in the collector's order); a dict still alive after that is cleared in order.
    const globals = this.globalsDict;
    // CPython's Py_FinalizeEx collects once while __main__ is still alive (survivors move to the
    // old generation in the collector's traversal order, the order finalizers run in later).
    this.collectCycles();
    const inCycle = m.lifetime.refcount(globals) > 1;
    this.moduleRegistry.remove("__main__");
    m.decref(this.mainModule);
    if (inCycle) {
      this.collectCycles();
      if (heap.isLive(globals) && heap.kindOf(globals) === ObjectKind.DICT) this.clearDict(globals);
    }
    for (const [, module] of this.moduleRegistry.entries())
      if (module !== this.builtinsModule && m.typeIdOf(module) === m.types.module)
        this.clearDict(m.field(module, MODULE_DICT_OFFSET));
    for (const dispose of this.disposers.splice(0)) dispose();
    this.clearDict(this.moduleRegistry.dict);
    this.moduleRegistry.dispose();
    this.collectCycles();
    this.releaseShutdownGarbage(garbageBefore);
    this.clearDict(m.builtins);
    m.decref(this.builtinsModule);
  }

  /**
   * Releases everything the interpreter created — globals, imported modules, builtins, type
   * objects, compiled constants — and collects the cycles left, so the heap holds only what it
   * held before the interpreter was made (`heap.leaksSince` proves it). It first finalizes the
   * program ({@link Interpreter.finalize}) if that was not done. The interpreter cannot run
   * afterwards.
   *
   * @example
   * ```ts
   * const before = runtime.heap.snapshot();
   * const interpreter = new Interpreter({ runtime });
   * interpreter.run("x = [1]");
   * interpreter.dispose();
   * runtime.heap.leaksSince(before); // []
   * ```
   */
  dispose(): void {
    if (this.disposed) return;
    this.finalize();
    this.disposed = true;
    const m = this.machine;
    const heap = this.runtime.heap;
    this.compiler.dispose();
    // Built-in types were immortal: make them mortal again and drop them. Their dicts are
    // cleared while finalizers may still look attributes up: no cached entry may outlive them.
    m.attributeCache.disable();
    for (const record of m.builtinTypes.values()) {
      this.clearDict(m.field(record.object, TYPE_DICT_OFFSET));
    }
    this.collectCycles();
    for (const record of m.builtinTypes.values()) {
      // Their base links were never counted (the bases were immortal when they were made).
      heap.memory.u32[(record.object + TYPE_BASE_OFFSET) >>> 2] = 0;
      heap.memory.u32[record.object >>> 2] = 1;
      m.decref(record.object);
    }
    heap.memory.u32[m.notImplemented >>> 2] = 1;
    m.decref(m.notImplemented);
    heap.memory.u32[m.ellipsis >>> 2] = 1;
    m.decref(m.ellipsis);
    heap.keyProtocol = undefined;
    m.releaseNames();
    this.collectCycles();
    m.frameData.dispose();
    // The runtime outlives the interpreter: its collector collects at allocation again.
    const collector = this.runtime.collector as ManagedCollector | undefined;
    if (collector?.onCollectionScheduled === this.collectionScheduled)
      collector.onCollectionScheduled = undefined;
  }

  /** Releases what collections since finalize() began appended to the collector's garbage. */
  private releaseShutdownGarbage(keep: number): void {
    const gc = this.runtime.gc;
    if (gc === undefined || gc.garbage.length <= keep) return;
    // The gc module's disposer has put the debug flags back, so this collection frees them (Python
    // classes have no legacy finalizers, the only other way into the garbage).
    for (const obj of gc.garbage.splice(keep)) this.machine.decref(obj);
    this.collectCycles();
  }

  private clearDict(dict: Ptr): void {
    const heap = this.runtime.heap;
    // Delete entry by entry in insertion order, like CPython's module clearing.
    for (const [key] of heap.dictItems(dict)) {
      if (!heap.isLive(dict)) return;
      heap.dictDelItem(dict, key);
    }
  }

  private collectCycles(): void {
    const gc = this.runtime.gc;
    if (gc === undefined) return;
    // CPython's shutdown collections (_Py_GC_REASON_SHUTDOWN) do not invoke gc.callbacks.
    const callbacks = gc.callbacks.splice(0);
    try {
      gc.collect();
    } catch {
      // A finalizer failing during shutdown is reported through the unraisable hook already.
    } finally {
      gc.callbacks.push(...callbacks);
    }
  }

  /**
   * What CPython does before it runs the first program (pymain_run_python): with `-W` options,
   * `warnings` is imported so that they apply, and reports the invalid ones, before anything runs.
   */
  private startUp(): void {
    this.started = true;
    if (this.warnOptions.length === 0) return;
    const m = this.machine;
    this.running = true;
    try {
      m.decref(m.importModule("warnings"));
    } catch (thrown) {
      m.unwindTo(0);
      const error = m.toPyException(thrown);
      try {
        m.stderr(this.format(error));
      } finally {
        error.release(m);
      }
    } finally {
      this.running = false;
    }
  }

  /** A run that stopped at compile time: CPython's SyntaxError report on stderr, exit status 1. */
  private syntaxFailure(error: SyntaxErrorDetails, filename: string): RunResult {
    const text = `${formatSyntaxError(error, filename)}\n`;
    this.machine.stderr(text);
    return {
      ok: false,
      error: { typeName: error.kind, message: error.msg, line: error.lineno, traceback: text },
      steps: 0,
      exitStatus: 1,
    };
  }

  private execute(source: string, filename: string, interactive: boolean): RunResult {
    const m = this.machine;
    if (this.finalized) throw new Error("Interpreter.run after finalize() or dispose()");
    const stepsBefore = m.steps;
    if (!this.started) this.startUp();
    let module: Module;
    const syntaxWarnings: SyntaxWarningNote[] = [];
    try {
      module = parse(source, { syntaxWarnings });
    } catch (error) {
      if (!(error instanceof PythonSyntaxError)) throw error;
      return this.syntaxFailure(error, filename);
    }
    m.steps = 0;
    try {
      // CPython: _PyRun_SimpleFileObject — a script's __main__ gets its absolute path as
      // __file__. Here, so that a MemoryError making it ends the run as any other.
      if (this.scriptPath !== undefined && !interactive) this.setMainFile(this.scriptPath);
      const code = this.compiler.compileModule(module, filename, source, interactive);
      this.running = true;
      const warningAsError = warnAtCompileTime(m, syntaxWarnings, filename, source);
      if (warningAsError !== undefined) {
        this.running = false;
        return this.syntaxFailure(warningAsError, filename);
      }
      runBlock(m, code, this.globalsDict, this.globalsDict, 0);
      this.running = false;
      return { ok: true, error: undefined, steps: m.steps, exitStatus: 0 };
    } catch (thrown) {
      this.running = false;
      m.unwindTo(0);
      m.handling.length = 0;
      m.depth = 0;
      if (thrown instanceof StepLimitError) {
        const text = `StepLimitError: ${thrown.message}\n`;
        m.stderr(text);
        return {
          ok: false,
          error: {
            typeName: "StepLimitError",
            message: thrown.message,
            line: thrown.line,
            traceback: text,
          },
          steps: m.steps,
          exitStatus: 1,
        };
      }
      const error = m.toPyException(thrown);
      try {
        const exit = this.systemExit(error.value);
        const text = exit !== undefined ? exit.text : this.format(error);
        m.stderr(text);
        return {
          ok: false,
          error: {
            typeName: m.typeName(error.value),
            message: str(m, error.value),
            line: error.entries[0]?.range.line ?? 0,
            traceback: text,
          },
          steps: m.steps,
          exitStatus: exit !== undefined ? exit.status : 1,
        };
      } finally {
        error.release(m);
      }
    } finally {
      void stepsBefore;
    }
  }

  /** Sets `__main__.__file__` to the script's absolute path. */
  private setMainFile(filename: string): void {
    const path = this.machine.newStr(scriptFilename(this.cwd, filename));
    try {
      this.runtime.heap.dictSetItem(this.globalsDict, this.machine.name("__file__"), path);
    } finally {
      this.machine.decref(path);
    }
    const none = this.runtime.heap.none;
    this.runtime.heap.dictSetItem(this.globalsDict, this.machine.name("__cached__"), none);
  }

  /**
   * For an uncaught `SystemExit`: the exit status and what is printed instead of a traceback —
   * nothing for None or an int, else `str(code)` (CPython: `handle_system_exit`). Undefined for
   * any other exception.
   */
  private systemExit(value: Ptr): { status: number; text: string } | undefined {
    const m = this.machine;
    if (!m.isSubtype(m.recordOf(value), m.builtinType("SystemExit"))) return undefined;
    const code = systemExitCode(m, value);
    if (code === m.heap.none) return { status: 0, text: "" };
    if (m.isInt(code) && m.typeIdOf(code) !== m.heap.boolType)
      return { status: m.numberOf(code), text: "" };
    if (code === m.heap.true || code === m.heap.false)
      return { status: code === m.heap.true ? 1 : 0, text: "" };
    return { status: 1, text: `${str(m, code)}\n` };
  }

  private format(error: PyException): string {
    const m = this.machine;
    const describe = (value: Ptr): readonly [string, string, string?] => {
      const typeName = qualifiedExceptionName(m, value);
      let message: string;
      try {
        const syntax = syntaxErrorDisplay(m, value);
        if (syntax !== undefined) return [typeName, syntax.message, syntax.preamble];
        message = str(m, value);
      } catch (thrown) {
        if (thrown instanceof PyException) thrown.release(m);
        message = `<exception str() failed>`;
      }
      // CPython: TracebackException's "Did you mean" hints, from the exception's traceback.
      message += suggestionHint(m, value, m.heap.getSlot(value, "__traceback__"));
      return [typeName, message];
    };
    if (chainHasGroup(m, error)) return formatExceptionTree(m, error, describe);
    return formatTraceback(error, describe);
  }

  private importModule(name: string): Ptr {
    const m = this.machine;
    // CPython's message once finalization has dropped the import machinery.
    if (this.moduleRegistry.closed)
      return m.raise("ImportError", "sys.meta_path is None, Python is likely shutting down");
    // CPython: import_get_module — whatever sys.modules holds under the name, None stopping it.
    const existing = this.moduleRegistry.lookup(name);
    if (existing === m.heap.none)
      return m.raise("ModuleNotFoundError", `import of ${name} halted; None in sys.modules`);
    if (existing !== 0) return m.incref(existing);
    // CPython: _find_and_load — a submodule's package is imported first, and the submodule
    // becomes the package's attribute.
    const dot = name.lastIndexOf(".");
    const parent = dot < 0 ? 0 : this.importModule(name.slice(0, dot));
    try {
      // CPython: _find_and_load_unlocked — importing the package may have imported the module.
      const imported = parent === 0 ? 0 : this.moduleRegistry.lookup(name);
      if (imported !== 0) return m.incref(imported);
      const module = this.findAndLoad(name, parent);
      if (parent !== 0) {
        try {
          setAttribute(m, parent, m.name(name.slice(dot + 1)), name.slice(dot + 1), module);
        } catch (error) {
          m.decref(module); // sys.modules keeps the module; this reference was the caller's
          throw error;
        }
      }
      return module;
    } finally {
      if (parent !== 0) m.decref(parent);
    }
  }

  /**
   * Finds and loads the module `name` (not yet in sys.modules) as CPython's `sys.meta_path`
   * would: built-in and frozen modules first, then the path — `sys.path` for a top-level module,
   * the package's `__path__` for a submodule — where pymem's standard library sits at its entry.
   * A submodule of one of pymem's own packages (`os.path`, `collections.abc`) is built in.
   */
  private findAndLoad(name: string, parent: Ptr): Ptr {
    const m = this.machine;
    const native = this.nativeModule(name);
    const searchPath =
      parent === 0 ? (foundBeforePath(name) ? undefined : this.sysPath()) : packagePath(m, parent);
    if (searchPath === undefined) {
      if (native === undefined) return this.raiseNotFound(name, parent);
      return this.loadNative(name, native);
    }
    const found = findModule(
      this.fileSystem,
      this.cwd,
      name.slice(name.lastIndexOf(".") + 1),
      searchPath,
      native !== undefined,
    );
    if (found === undefined) return this.raiseNotFound(name, parent);
    if (found.kind === "library") return this.loadNative(name, native!);
    return loadFoundModule(this.sourceModuleHost(), name, found);
  }

  /** The factory of pymem's own module `name`, if it has one. */
  private nativeModule(name: string): NativeModuleFactory | undefined {
    if (Object.hasOwn(this.modules, name)) return this.modules[name];
    return name === "_pymem_files" ? this.fileSystemModule : undefined;
  }

  /** Makes one of pymem's own modules and stores it in sys.modules; a new reference. */
  private loadNative(name: string, factory: NativeModuleFactory): Ptr {
    const m = this.machine;
    const module = factory(m.context);
    try {
      this.moduleRegistry.store(name, module);
    } catch (error) {
      m.decref(module); // a MemoryError storing it: the new module is nobody's
      throw error;
    }
    return module;
  }

  /**
   * CPython: _find_and_load's ModuleNotFoundError, carrying the module's name (and, for a
   * submodule of a module that is not a package, saying so).
   */
  private raiseNotFound(name: string, parent: Ptr): never {
    const m = this.machine;
    const parentName = name.slice(0, Math.max(0, name.lastIndexOf(".")));
    const notPackage =
      parent !== 0 && isFileModule(m, parent) && packagePath(m, parent) === undefined;
    const message = notPackage
      ? `No module named '${name}'; '${parentName}' is not a package`
      : `No module named '${name}'`;
    const missing = m.newException("ModuleNotFoundError", message);
    setImportErrorName(m, missing, name);
    throw m.exception(missing);
  }

  /** `sys.path` as a list of strs (the start-up path until `sys` is imported). */
  private sysPath(): readonly string[] {
    const sys = this.moduleRegistry.loadedModule("sys");
    if (sys === 0) return this.importPath;
    const m = this.machine;
    const key = m.existingName("path");
    const path = key === 0 ? 0 : m.heap.dictGetItem(m.field(sys, MODULE_DICT_OFFSET), key);
    // CPython: PathFinder reads sys.path; without one it finds nothing on the path.
    return path !== 0 && m.typeIdOf(path) === m.heap.listType ? strItems(m, path) : [];
  }

  /** What loading a module from a file needs (source-module-loader.ts). */
  private sourceModuleHost(): SourceModuleHost {
    return {
      machine: this.machine,
      compiler: this.compiler,
      fileSystem: this.fileSystem,
      registry: this.moduleRegistry,
      builtinsModule: this.builtinsModule,
    };
  }

  /** The running frames' file names and lines, most recent first (see NativeContext). */
  private pythonFrames(limit: number): Array<{ filename: string; lineno: number; globals: Ptr }> {
    const frames: Array<{ filename: string; lineno: number; globals: Ptr }> = [];
    if (!this.running) return frames;
    const m = this.machine;
    for (let depth = m.depth; depth >= 0 && frames.length < limit; depth--) {
      const frame = m.framePool[depth];
      if (frame !== undefined)
        frames.push({
          filename: frame.code.filename,
          lineno: frame.node.line,
          globals: frame.globals,
        });
    }
    return frames;
  }

  /** A line of a compiled source by file name (see NativeContext). */
  private sourceLine(filename: string, lineno: number): string {
    const code = this.machine.codes.find((candidate) => candidate.filename === filename);
    if (code === undefined || lineno < 1) return "";
    return code.source.split("\n")[lineno - 1] ?? "";
  }

  /** Runs a native module's Python part in a fresh module namespace (see NativeContext). */
  private runModuleSource(
    name: string,
    source: string,
    members: ReadonlyArray<readonly [name: string, value: Ptr]>,
  ): Ptr {
    const m = this.machine;
    const heap = this.runtime.heap;
    const dict = heap.newDict();
    const module = m.newModule(name, dict);
    try {
      const nameObj = m.newStr(name);
      try {
        heap.dictSetItem(dict, m.name("__name__"), nameObj);
      } finally {
        m.decref(nameObj);
      }
      heap.dictSetItem(dict, m.name("__builtins__"), this.builtinsModule);
      for (const [member, value] of members) heap.dictSetItem(dict, m.name(member), value);
      const tree = moduleSyntaxTree(this.moduleSyntaxCache, name, source);
      const code = this.compiler.compileModule(tree, `<${name}>`, source, false);
      // Module code runs in the frame at the current depth: step one deeper, as an import's
      // module body gets its own frame in CPython, so the importing frame is left intact.
      m.depth++;
      try {
        runBlock(m, code, dict, dict, 0);
      } finally {
        m.depth--;
      }
      return module;
    } catch (error) {
      m.decref(module);
      throw error;
    }
  }

  private createContext(): NativeContext & {
    onDispose(cleanup: () => void): void;
    onExit(handler: () => void): void;
  } {
    const m = this.machine;
    const runtime = this.runtime;
    return {
      runtime,
      heap: runtime.heap,
      raise: (type: ExceptionName, message: string): never => m.raise(type, message),
      call: (callable, args, keywords) => call(m, callable, args, keywords),
      iterate: (iterable, each) => iterate(m, iterable, each),
      repr: (obj) => repr(m, obj),
      str: (obj) => str(m, obj),
      isTrue: (obj) => m.isTrue(obj),
      typeName: (obj) => m.typeName(obj),
      getAttribute: (obj, name) => getAttribute(m, obj, m.name(name), name),
      newReference: (obj) => m.incref(obj),
      release: (obj) => m.decref(obj),
      newBuiltinFunction: (name: string, fn: NativeFunction, self?: Ptr) =>
        m.newBuiltin(m.addNative(name, fn), self ?? 0),
      builtinType: (name) => m.builtinType(name).object,
      newMethod: (fn, self) => m.newMethod(fn, self),
      newModule: (name, members) => {
        const dict = runtime.heap.newDict();
        try {
          for (const [member, value] of members)
            runtime.heap.dictSetItem(dict, m.name(member), value);
          const nameObj = m.newStr(name);
          try {
            runtime.heap.dictSetItem(dict, m.name("__name__"), nameObj);
          } finally {
            m.decref(nameObj);
          }
        } catch (error) {
          m.decref(dict); // a MemoryError part-way: what the dict holds goes with it
          throw error;
        }
        return m.newModule(name, dict);
      },
      length: (obj) => length(m, obj),
      callSpecial: (obj, name, args) => m.callSpecial(obj, name, args),
      bufferData: (obj) => bufferData(m, obj),
      newBytes: (data, mutable) => (mutable === true ? newByteArray(m, data) : newBytes(m, data)),
      getItem: (obj, key) => getItem(m, obj, key),
      setItem: (obj, key, value) => setItem(m, obj, key, value),
      setAttribute: (obj, name, value) => setAttribute(m, obj, m.name(name), name, value),
      compare: (op, a, b) => compare(m, COMPARISON_CODES[op], a, b),
      binaryOperation: (op, a, b) => binary(m, BINARY_CODES[op], a, b),
      runModuleSource: (name, source, members) => this.runModuleSource(name, source, members),
      setTypeName: (type, typeName) => {
        if (!m.isType(type)) throw new TypeError("setTypeName: not a class");
        m.recordOfType(type).typeName = typeName;
      },
      runSource: (source, filename, globals, locals, mode, capture) =>
        runSource(m, this.compiler, this.builtinsModule, { source, filename, mode, capture }, [
          globals,
          locals,
        ]),
      compileSource: (source, filename, mode) =>
        compileToCodeObject(m, this.compiler, source, filename, mode),
      runCodeObject: (codeObject, globals, locals, asEval) =>
        runCodeObject(m, this.builtinsModule, codeObject, asEval, [globals, locals]),
      mainGlobals: () => this.globalsDict,
      loadedModules: () => this.moduleRegistry.dict,
      pythonFrames: (limit) => this.pythonFrames(limit),
      frameObject: (depth) => getFrame(m, depth),
      handledException: () => m.handling[m.handling.length - 1]?.value ?? 0,
      sourcePosition: (lasti) => positionOf(m, lasti),
      sourceLine: (filename, lineno) => this.sourceLine(filename, lineno),
      suggestionHint: (value, tb) => suggestionHint(m, value, tb),
      writeStdout: (text) => m.stdout(text),
      writeStderr: (text) => m.stderr(text),
      getIterator: (obj) => getIterator(m, obj),
      iteratorNext: (iterator) => iteratorNext(m, iterator),
      iteratorType: (name) => nativeIteratorType(m, name),
      newIterator: (type, held, next) => newNativeIterator(m, type, held, next),
      iteratorHeld: (iterator, index) => nativeIteratorHeld(m, iterator, index),
      get recursionLimit() {
        return m.recursionLimit;
      },
      set recursionLimit(limit: number) {
        m.recursionLimit = limit;
      },
      get callDepth() {
        return m.depth + 1; // the module's frame counts, as in CPython
      },
      argv: this.argv,
      warnOptions: this.warnOptions,
      environ: this.environ,
      cwd: this.cwd,
      importPath: this.importPath,
      readInputLine: () => {
        const line = m.stdin("");
        if (line === undefined || this.stdinKeepsLineBreaks) return line;
        return `${line}\n`;
      },
      findModule: (fullname, entries) =>
        findModule(
          this.fileSystem,
          this.cwd,
          fullname.slice(fullname.lastIndexOf(".") + 1),
          entries,
          this.nativeModule(fullname) !== undefined,
        ),
      onDispose: (cleanup) => {
        this.disposers.push(cleanup);
      },
      onExit: (handler) => {
        this.exitHandlers.push(handler);
      },
    };
  }
}

/**
 * A package's `__path__` as strs (a module found in a file or a namespace package); undefined
 * for a module that is not such a package, whose submodules are pymem's own.
 */
function packagePath(m: Machine, module: Ptr): readonly string[] | undefined {
  if (m.typeIdOf(module) !== m.types.module) return undefined;
  const key = m.existingName("__path__");
  const path = key === 0 ? 0 : m.heap.dictGetItem(m.field(module, MODULE_DICT_OFFSET), key);
  if (path === 0 || m.typeIdOf(path) !== m.heap.listType) return undefined;
  return strItems(m, path);
}

/** Whether `module` was loaded from a file (it has a `__file__` str). */
function isFileModule(m: Machine, module: Ptr): boolean {
  if (m.typeIdOf(module) !== m.types.module) return false;
  const key = m.existingName("__file__");
  const file = key === 0 ? 0 : m.heap.dictGetItem(m.field(module, MODULE_DICT_OFFSET), key);
  return file !== 0 && m.isStr(file);
}

/** The str items of a list (CPython's path finder skips entries that are not str). */
function strItems(m: Machine, list: Ptr): string[] {
  const entries: string[] = [];
  const heap = m.heap;
  for (let index = 0; index < heap.listLength(list); index++) {
    const item = heap.listGetItem(list, index);
    if (m.isStr(item)) entries.push(heap.strValue(item));
  }
  return entries;
}
