import type { Ptr } from "@pymem/core";
import type { Expression, Module } from "../ast.js";
import { parse } from "../parser.js";
import { checkScopes } from "../scope-check.js";
import { PythonSyntaxError } from "../syntax-error.js";
import type { Compiler } from "./compiler.js";
import { newSyntaxError } from "./exception-fields.js";
import type { Code, Machine } from "./machine.js";
import { CODE_INDEX_OFFSET } from "./object-layouts.js";
import { runBlock } from "./run-loop.js";
import { singleStatementError } from "./single-statement.js";
import { sourceSyntaxError } from "./source-syntax-error.js";

/**
 * Running source text given at run time — what `exec`, `eval` and doctest need (CPython:
 * `builtin_exec_impl`, `builtin_eval_impl`, `run_eval_code_obj`).
 *
 * @module
 */

/**
 * The namespace key an `eval` stores its value under while the code runs. It holds a space, so
 * no Python name can be it (CPython's eval mode returns the value instead; pymem compiles the
 * expression as an assignment, then takes the value out).
 */
const EVAL_RESULT = "<eval result>";

/**
 * Compiles `source` in `mode` and runs it with `globals` and `locals` (see
 * `NativeContext.runSource`); `builtinsModule` goes into `globals` as `__builtins__` when it has
 * none, as CPython's exec does. Returns a new reference: the expression's value for `"eval"`,
 * else None.
 *
 * @example
 * ```ts
 * const value = runSource(m, compiler, builtins, { source: "1 + 2", filename: "<string>", mode: "eval" }, [globals, globals]);
 * ```
 */
export function runSource(
  m: Machine,
  compiler: Compiler,
  builtinsModule: Ptr,
  what: {
    readonly source: string;
    readonly filename: string;
    readonly mode: "exec" | "eval" | "single";
    readonly capture?: ((text: string) => void) | undefined;
  },
  [globals, locals]: readonly [globals: Ptr, locals: Ptr],
): Ptr {
  const { source, filename, mode, capture } = what;
  if (capture === undefined) return compileAndRun();
  const stdout = m.stdout;
  m.stdout = capture;
  try {
    return compileAndRun();
  } finally {
    m.stdout = stdout;
  }

  function compileAndRun(): Ptr {
    const code = compileSourceCode(m, compiler, source, filename, mode);
    return runInNamespaces(m, builtinsModule, code, mode === "eval", [globals, locals]);
  }
}

/** The mode each code object `compile()` made was compiled in (`exec` and `eval` read it). */
const compiledModes = new WeakMap<Code, "exec" | "eval" | "single">();

/**
 * Parses and compiles `source` as module code in `mode`, remembering the mode. A tree (what
 * `compile()` makes of an `ast` object) gets the compiler's scope checks the parser would have
 * run, and compiles with no source text.
 */
function compileSourceCode(
  m: Machine,
  compiler: Compiler,
  source: string | Module,
  filename: string,
  mode: "exec" | "eval" | "single",
): Code {
  // CPython: builtin_eval_impl skips leading spaces and tabs only.
  const module =
    typeof source === "string"
      ? parseOrRaise(m, mode === "eval" ? source.replace(/^[ \t]+/, "") : source, filename, mode)
      : checkedTree(m, source, filename);
  if (mode === "eval") module.body = [evalAssignment(m, module)];
  const single = mode === "single" && typeof source === "string";
  const problem = single ? singleStatementError(module, source) : undefined;
  if (problem !== undefined) throw m.exception(newSyntaxError(m, problem, filename));
  const code = compiler.compileModule(
    module,
    filename,
    typeof source === "string" ? source : "",
    mode === "single",
  );
  compiledModes.set(code, mode);
  return code;
}

/**
 * `compile(source, filename, mode)`: a new code object for `source` (text, or the tree `compile()`
 * made of an `ast` object) compiled in `mode`, which `exec` and `eval` run
 * ({@link runCodeObject}). Invalid source raises SyntaxError carrying `filename`. CPython:
 * `builtin_compile_impl`.
 *
 * @example
 * ```ts
 * const codeObject = compileToCodeObject(m, compiler, "x = 1", "f.py", "exec");
 * ```
 */
export function compileToCodeObject(
  m: Machine,
  compiler: Compiler,
  source: string | Module,
  filename: string,
  mode: "exec" | "eval" | "single",
): Ptr {
  const code = compileSourceCode(m, compiler, source, filename, mode);
  const codeObject = m.heap.allocate(m.types.code);
  m.heap.memory.u32[(codeObject + CODE_INDEX_OFFSET) >>> 2] = m.codes.indexOf(code);
  return codeObject;
}

/**
 * Runs a code object `compile()` made in `globals` and `locals` (see {@link runSource}): the
 * value of an `eval`-mode code when `asEval` (`eval(code)`), else None (a new reference).
 * NotImplementedError for a function's code object, which pymem cannot run on its own.
 * CPython: `PyEval_EvalCode`.
 *
 * @example
 * ```ts
 * const value = runCodeObject(m, builtins, codeObject, true, [globals, globals]);
 * ```
 */
export function runCodeObject(
  m: Machine,
  builtinsModule: Ptr,
  codeObject: Ptr,
  asEval: boolean,
  namespaces: readonly [globals: Ptr, locals: Ptr],
): Ptr {
  const code = m.codes[m.field(codeObject, CODE_INDEX_OFFSET)]!;
  const mode = compiledModes.get(code);
  if (mode === undefined)
    m.raise("NotImplementedError", "pymem: only code objects made by compile() can be run");
  const value = runInNamespaces(m, builtinsModule, code, mode === "eval", namespaces);
  if (asEval) return value;
  m.decref(value);
  return m.incref(m.heap.none);
}

/** Runs compiled module code with `globals` and `locals`; the eval value, or None. */
function runInNamespaces(
  m: Machine,
  builtinsModule: Ptr,
  code: Code,
  isEval: boolean,
  [globals, locals]: readonly [globals: Ptr, locals: Ptr],
): Ptr {
  const heap = m.heap;
  if (heap.dictGetItem(globals, m.name("__builtins__")) === 0)
    heap.dictSetItem(globals, m.name("__builtins__"), builtinsModule);
  if (locals === globals) return runCode(m, code, globals, isEval);
  // Module code reads and writes its globals directly, so separate locals are merged into a
  // scratch namespace, and what the code bound is copied back into the locals afterwards (where
  // CPython's STORE_NAME puts it). Functions it defines see the scratch namespace as globals.
  const scratch = heap.newDict();
  try {
    for (const [key, value] of heap.dictItems(globals)) heap.dictSetItem(scratch, key, value);
    for (const [key, value] of heap.dictItems(locals)) heap.dictSetItem(scratch, key, value);
    const result = runCode(m, code, scratch, isEval);
    for (const [key, value] of heap.dictItems(scratch))
      if (heap.dictGetItem(locals, key) !== value && heap.dictGetItem(globals, key) !== value)
        heap.dictSetItem(locals, key, value);
    return result;
  } finally {
    m.decref(scratch);
  }
}

/** Runs module code in `namespace`; returns the eval value taken out of it, or None. */
function runCode(m: Machine, code: Code, namespace: Ptr, isEval: boolean): Ptr {
  const heap = m.heap;
  // The code gets a frame of its own, one deeper than the caller's (as a call's would).
  m.depth++;
  try {
    runBlock(m, code, namespace, namespace, 0);
  } finally {
    m.depth--;
  }
  if (!isEval) return m.incref(heap.none);
  const key = m.name(EVAL_RESULT);
  const value = m.incref(heap.dictGetItem(namespace, key));
  heap.dictDelItem(namespace, key);
  return value;
}

/**
 * The module's AST, or the parser's SyntaxError raised in Python with its location in
 * `filename` (the source line ends with a newline, as CPython's tokenizer gives it outside eval).
 */
function parseOrRaise(
  m: Machine,
  source: string,
  filename: string,
  mode: "exec" | "eval" | "single",
): Module {
  try {
    return parse(source);
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) throw error;
    return raiseParserError(m, error, source, filename, mode);
  }
}

/**
 * Raises the parser's error in Python: SyntaxError (IndentationError, TabError) located in
 * `filename`, with the text and offsets CPython gives for `source` in `mode`
 * (source-syntax-error.ts); the parser's RecursionError and MemoryError as themselves.
 *
 * @example
 * ```ts
 * try { parse(source); } catch (error) { if (error instanceof PythonSyntaxError) raiseParserError(m, error, source, "<string>", "exec"); }
 * ```
 */
export function raiseParserError(
  m: Machine,
  error: PythonSyntaxError,
  source: string,
  filename: string,
  mode: "exec" | "eval" | "single",
): never {
  if (error.kind === "RecursionError" || error.kind === "MemoryError")
    throw m.exception(m.newException(error.kind, error.msg));
  const { details, text } = sourceSyntaxError(error, source, mode);
  throw m.exception(newSyntaxError(m, { ...details, kind: error.kind }, filename, text));
}

/** A tree made from `ast` objects, after the scope checks `parse` runs on source (CPython: symtable). */
function checkedTree(m: Machine, module: Module, filename: string): Module {
  const problem = checkScopes(module);
  if (problem === null) return module;
  const { msg, at } = problem;
  const details = { msg, lineno: at.line, offset: at.column + 1, text: "" };
  const location = { endLineno: at.endLine, endOffset: at.endColumn + 1 };
  throw m.exception(newSyntaxError(m, { kind: "SyntaxError", ...details, ...location }, filename));
}

/** `<eval result> = expression` for an eval source that is exactly one expression. */
function evalAssignment(m: Machine, module: Module): Module["body"][number] {
  const [only, ...rest] = module.body;
  if (only === undefined || only.kind !== "Expr" || rest.length > 0)
    throw m.exception(m.newException("SyntaxError", "invalid syntax"));
  const value: Expression = only.value;
  return {
    ...only,
    kind: "Assign",
    targets: [{ ...only, kind: "Name", id: EVAL_RESULT, ctx: "Store" }],
    value,
  } as Module["body"][number];
}
