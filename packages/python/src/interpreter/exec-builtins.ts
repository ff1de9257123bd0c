import type { Ptr } from "@pymem/core";
import { decodeSource, SourceEncodingError } from "../source-encoding.js";
import { astObjectToTree, PYCF_ONLY_AST, sourceToAstObject } from "./ast-compile.js";
import { bytesData, isBytesLike } from "./bytes-objects.js";
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
  // CPython: builtin_compile_impl — of the flags only PyCF_ONLY_AST changes what pymem compiles
  // (a tree of `ast` node objects instead of code); dont_inherit and optimize are accepted and
  // ignored. The source may be str, bytes or an `ast` tree (ast-compile.ts).
  define("compile", (_c, args, keywords) => {
    arity(m, "compile", args, 0, 6);
    const options = keyword(m, "compile", keywords, [
      "source",
      "filename",
      "mode",
      "flags",
      "dont_inherit",
      "optimize",
      "_feature_version",
    ]);
    const names = ["source", "filename", "mode"] as const;
    const [source, filename, mode] = names.map((name, index) => {
      const value = args[index] ?? options.get(name);
      if (value === undefined)
        m.raise("TypeError", `compile() missing required argument '${name}' (pos ${index + 1})`);
      return value;
    }) as [Ptr, Ptr, Ptr];
    const flags = args[3] ?? options.get("flags");
    const onlyAst =
      flags !== undefined && m.isInt(flags) && (m.heap.numberValue(flags) & PYCF_ONLY_AST) !== 0;
    if (!m.isStr(filename))
      m.raise(
        "TypeError",
        `compile() argument 'filename' must be str, not ${m.typeName(filename)}`,
      );
    const modeText = m.isStr(mode) ? m.heap.strValue(mode) : "";
    if (!m.isStr(mode))
      m.raise("TypeError", `compile() argument 'mode' must be str, not ${m.typeName(mode)}`);
    if (modeText !== "exec" && modeText !== "eval" && modeText !== "single")
      m.raise(
        "ValueError",
        onlyAst
          ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
          : "compile() mode must be 'exec', 'eval' or 'single'",
      );
    const filenameText = m.heap.strValue(filename);
    const sourceText = sourceArgumentText(m, source);
    if (sourceText === undefined) {
      const tree = astObjectToTree(m, source, modeText);
      if (tree === undefined)
        m.raise("TypeError", "compile() arg 1 must be a string, bytes or AST object");
      return onlyAst ? m.incref(source) : m.context.compileSource(tree, filenameText, modeText);
    }
    if (onlyAst) return sourceToAstObject(m, sourceText, filenameText, modeText);
    return m.context.compileSource(sourceText, filenameText, modeText);
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
  const isCode = m.typeIdOf(source) === m.types.code;
  const sourceText = isCode ? "" : sourceArgumentText(m, source);
  if (sourceText === undefined)
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
    return isCode
      ? m.context.runCodeObject(source, globals, locals, mode === "eval")
      : m.context.runSource(sourceText, "<string>", globals, locals, mode);
  } finally {
    if (ownedLocals !== 0) m.decref(ownedLocals);
  }
}

/**
 * The text of a str source, or of a bytes-like one decoded as its PEP 263 declaration says;
 * undefined for anything else. CPython: `_Py_SourceAsString`, then the tokenizer's decoding.
 */
function sourceArgumentText(m: Machine, source: Ptr): string | undefined {
  if (m.isStr(source)) return m.heap.strValue(source);
  if (!isBytesLike(m, source)) return undefined;
  try {
    return decodeSource(bytesData(m, source), "<string>");
  } catch (error) {
    if (!(error instanceof SourceEncodingError)) throw error;
    throw m.exception(m.newException("SyntaxError", error.msg));
  }
}
