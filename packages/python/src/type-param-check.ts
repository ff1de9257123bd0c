import type * as Ast from "./ast.js";
import type { ScopeProblem } from "./scope-check.js";

/**
 * The rules on a definition's type parameter list: a parameter without a default cannot follow
 * one with a default (PEP 696; CPython's grammar, `invalid_type_params`) and names are distinct
 * (PEP 695; CPython: `symtable_add_def_helper` raising "duplicate type parameter").
 *
 * @module
 */

/**
 * The SyntaxError for `statement`'s type parameters, or null.
 *
 * @example
 * ```ts
 * typeParameterProblem(parse("def f[T, T](): pass").body[0]!)?.msg; // "duplicate type parameter 'T'"
 * ```
 */
export function typeParameterProblem(statement: Ast.Statement): ScopeProblem | null {
  if (
    statement.kind !== "FunctionDef" &&
    statement.kind !== "AsyncFunctionDef" &&
    statement.kind !== "ClassDef" &&
    statement.kind !== "TypeAlias"
  )
    return null;
  let sawDefault = false;
  for (const param of statement.typeParams) {
    if (param.defaultValue !== null) sawDefault = true;
    else if (sawDefault)
      return {
        msg: `non-default type parameter '${param.name}' follows default type parameter`,
        at: param,
      };
  }
  const names = new Set<string>();
  for (const param of statement.typeParams) {
    if (names.has(param.name))
      return { msg: `duplicate type parameter '${param.name}'`, at: param };
    names.add(param.name);
  }
  return null;
}
