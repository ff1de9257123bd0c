import type { Ptr } from "@pymem/core";
import { frameLocals } from "./introspection-builtins.js";
import type { Machine } from "./machine.js";
import type { NativeFunction } from "./native.js";
import { arity, keyword } from "./native-arguments.js";
import { currentFrame } from "./run-loop.js";

/**
 * The built-ins that run source text: `exec(source, globals=None, locals=None)` and
 * `eval(source, globals=None, locals=None)` for str sources (CPython: `builtin_exec_impl`,
 * `builtin_eval_impl`). Without namespaces they run in the caller's globals and locals (in a
 * function, PEP 667's snapshot of them, as CPython 3.13).
 *
 * @module
 */

/**
 * Defines `exec` and `eval` through `define` (the built-ins installer's).
 *
 * @example
 * ```ts
 * installExecBuiltins(machine, define);
 * ```
 * @internal
 */
export function installExecBuiltins(
  m: Machine,
  define: (name: string, fn: NativeFunction) => void,
): void {
  define("exec", (_c, args, keywords) => {
    keyword(m, "exec", keywords, ["globals", "locals"]);
    arity(m, "exec", args, 1, 3);
    return runWithNamespaces(m, "exec", args, keywords);
  });
  define("eval", (_c, args, keywords) => {
    keyword(m, "eval", keywords, ["globals", "locals"]);
    arity(m, "eval", args, 1, 3);
    return runWithNamespaces(m, "eval", args, keywords);
  });
}

/** Checks the arguments, picks the namespaces and runs the source in them. */
function runWithNamespaces(
  m: Machine,
  mode: "exec" | "eval",
  args: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): Ptr {
  const heap = m.heap;
  const named = new Map(keywords);
  const source = args[0]!;
  let globals = args[1] ?? named.get("globals") ?? heap.none;
  let locals = args[2] ?? named.get("locals") ?? heap.none;
  if (!m.isStr(source))
    m.raise("TypeError", `${mode}() arg 1 must be a string, bytes or code object`);
  if (globals !== heap.none && m.typeIdOf(globals) !== heap.dictType)
    m.raise(
      "TypeError",
      mode === "exec"
        ? `exec() globals must be a dict, not ${m.typeName(globals)}`
        : "globals must be a real dict; try eval(expr, {}, mapping)",
    );
  if (locals !== heap.none && m.typeIdOf(locals) !== heap.dictType)
    m.raise("TypeError", "locals must be a mapping");
  let ownedLocals = 0;
  if (globals === heap.none) {
    const frame = currentFrame(m);
    if (frame === undefined) return m.raise("RuntimeError", "no current frame");
    globals = frame.globals;
    if (locals === heap.none) {
      ownedLocals = frameLocals(m);
      locals = ownedLocals;
    }
  } else if (locals === heap.none) locals = globals;
  try {
    return m.context.runSource(heap.strValue(source), "<string>", globals, locals, mode);
  } finally {
    if (ownedLocals !== 0) m.decref(ownedLocals);
  }
}
