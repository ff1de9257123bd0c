import type { Ptr } from "@pymem/core";
import type { Module, Statement } from "../ast.js";
import { parse } from "../parser.js";
import { PythonSyntaxError } from "../syntax-error.js";
import { astObjectsFromTree } from "./ast-node-objects.js";
import { treeFromAstObjects } from "./ast-node-tree.js";
import { newSyntaxError } from "./exception-fields.js";
import type { Machine } from "./machine.js";
import { raiseParserError } from "./run-source.js";

/**
 * What `compile()` does with the `ast` module (CPython: `builtin_compile_impl`): with
 * `PyCF_ONLY_AST` it returns the tree of node objects for the source instead of code, and it
 * accepts a tree of node objects in place of source.
 *
 * @module
 */

/**
 * `ast.PyCF_ONLY_AST`: compile to a tree, not to code.
 *
 * @example
 * ```ts
 * if ((flags & PYCF_ONLY_AST) !== 0) return sourceToAstObject(m, text, filename, mode);
 * ```
 */
export const PYCF_ONLY_AST = 0x400;

/**
 * `compile(source, filename, mode, PyCF_ONLY_AST)`: a new reference to the tree of `ast` node
 * objects for the source `text` (bytes already decoded, PEP 263) — `Module` (exec), `Expression` (eval) or `Interactive`
 * (single). Invalid source raises CPython's SyntaxError; no scope checks run (CPython runs them
 * when compiling the tree, so `ast.parse("return 1")` succeeds).
 *
 * @example
 * ```ts
 * const tree = sourceToAstObject(m, "x = 1", filename, "exec");
 * ```
 */
export function sourceToAstObject(
  m: Machine,
  text: string,
  filename: string,
  mode: "exec" | "eval" | "single",
): Ptr {
  let module: Module;
  try {
    module = parse(text, { checkScopes: false });
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) throw error;
    return raiseParserError(m, error, text, filename, mode);
  }
  const astModule = m.importModule("ast");
  try {
    if (mode === "exec") return astObjectsFromTree(m, astModule, module, text);
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    const [first, ...rest] = module.body;
    if (mode === "eval") {
      if (first === undefined || first.kind !== "Expr" || rest.length > 0)
        raiseInvalid(m, filename, lines, invalidEvalPosition(first, rest, lines));
      return astObjectsFromTree(m, astModule, { kind: "Expression", body: first.value }, text);
    }
    // CPython: single_input is one simple-statement line or one compound statement.
    const second = rest.find((statement) => statement.line > (first?.endLine ?? 0));
    if (first !== undefined && second !== undefined) {
      const line = lines[first.line - 1] ?? "";
      raiseSyntaxError(m, filename, {
        msg: "multiple statements found while compiling a single statement",
        lineno: first.line,
        offset: line.length + 1,
        endOffset: line.length + 2,
        text: `${line}\n`,
      });
    }
    return astObjectsFromTree(m, astModule, { kind: "Interactive", body: module.body }, text);
  } finally {
    m.decref(astModule);
  }
}

/**
 * The tree `compile()` compiles for `source` when it is an `ast` node object, or undefined when
 * it is not one (no `ast` module imported, or an object of another class).
 *
 * @example
 * ```ts
 * const tree = astObjectToTree(m, source, "exec");
 * if (tree !== undefined) return m.context.compileSource(tree, filename, "exec");
 * ```
 */
export function astObjectToTree(
  m: Machine,
  source: Ptr,
  mode: "exec" | "eval" | "single",
): Module | undefined {
  const astModule = m.heap.dictGetItem(m.context.loadedModules(), m.name("ast"));
  if (astModule === 0 || !isAstInstance(m, astModule, source)) return undefined;
  return treeFromAstObjects(m, astModule, source, mode);
}

/**
 * Whether `obj` is an instance of `astModule.AST`.
 *
 * @example
 * ```ts
 * isAstInstance(m, astModule, tree); // true
 * ```
 */
export function isAstInstance(m: Machine, astModule: Ptr, obj: Ptr): boolean {
  const base = m.context.getAttribute(astModule, "AST");
  try {
    return m.isType(base) && m.recordOf(obj).mro.some((record) => record.object === base);
  } finally {
    m.decref(base);
  }
}

/** Where CPython's eval-mode "invalid syntax" points: the first token no expression takes. */
function invalidEvalPosition(
  first: Statement | undefined,
  rest: readonly Statement[],
  lines: readonly string[],
): { line: number; column: number } {
  if (first === undefined) return { line: 1, column: 0 };
  let end: { line: number; column: number } | undefined;
  if (first.kind === "Expr") end = { line: first.endLine, column: first.endColumn };
  else if (first.kind === "Assign" || first.kind === "AugAssign" || first.kind === "AnnAssign") {
    const target = first.kind === "Assign" ? first.targets[0]! : first.target;
    end = { line: target.endLine, column: target.endColumn };
  }
  if (end === undefined) return { line: first.line, column: first.column };
  const text = lines[end.line - 1] ?? "";
  let column = end.column;
  while (text[column] === " " || text[column] === "\t") column++;
  if (column >= text.length && rest[0] !== undefined)
    return { line: rest[0].line, column: rest[0].column };
  return { line: end.line, column };
}

function raiseInvalid(
  m: Machine,
  filename: string,
  lines: readonly string[],
  at: { line: number; column: number },
): never {
  const text = lines[at.line - 1] ?? "";
  const word = /^\w+/u.exec(text.slice(at.column))?.[0].length ?? 1;
  return raiseSyntaxError(m, filename, {
    msg: "invalid syntax",
    lineno: at.line,
    offset: at.column + 1,
    endOffset: at.column + 1 + word,
    text,
  });
}

function raiseSyntaxError(
  m: Machine,
  filename: string,
  details: { msg: string; lineno: number; offset: number; endOffset: number; text: string },
): never {
  const error = newSyntaxError(
    m,
    { kind: "SyntaxError", ...details, endLineno: details.lineno },
    filename,
  );
  throw m.exception(error);
}
