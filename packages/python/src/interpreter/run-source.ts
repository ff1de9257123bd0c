import type { Ptr } from "@pymem/core";
import type { Expression, Module } from "../ast.js";
import { parse } from "../parser.js";
import { PythonSyntaxError } from "../syntax-error.js";
import type { Compiler } from "./compiler.js";
import type { Code, Machine } from "./machine.js";
import { runBlock } from "./run-loop.js";

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
    const heap = m.heap;
    const module = parseOrRaise(m, mode === "eval" ? source.trim() : source);
    if (mode === "eval") module.body = [evalAssignment(m, module)];
    if (heap.dictGetItem(globals, m.name("__builtins__")) === 0)
      heap.dictSetItem(globals, m.name("__builtins__"), builtinsModule);
    const code = compiler.compileModule(module, filename, source, mode === "single");
    if (locals === globals) return runCode(m, code, globals, mode === "eval");
    // Module code reads and writes its globals directly, so separate locals are merged into a
    // scratch namespace, and what the code bound is copied back into the locals afterwards (where
    // CPython's STORE_NAME puts it). Functions it defines see the scratch namespace as globals.
    const scratch = heap.newDict();
    try {
      for (const [key, value] of heap.dictItems(globals)) heap.dictSetItem(scratch, key, value);
      for (const [key, value] of heap.dictItems(locals)) heap.dictSetItem(scratch, key, value);
      const result = runCode(m, code, scratch, mode === "eval");
      for (const [key, value] of heap.dictItems(scratch))
        if (heap.dictGetItem(locals, key) !== value && heap.dictGetItem(globals, key) !== value)
          heap.dictSetItem(locals, key, value);
      return result;
    } finally {
      m.decref(scratch);
    }
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

/** The module's AST, or SyntaxError raised in Python with the parser's message. */
function parseOrRaise(m: Machine, source: string): Module {
  try {
    return parse(source);
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) throw error;
    throw m.exception(m.newException(error.kind, error.msg));
  }
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
