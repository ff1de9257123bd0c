import type * as Ast from "./ast.js";

/**
 * `from __future__ import …` as CPython 3.13's compiler reads it (Python/future.c): the leading
 * block of future imports, the features they may name, and the errors for the rest.
 *
 * @module
 */

/** The features `__future__` defines (future.c: `future_check_features`). */
const FUTURE_FEATURES = new Set([
  "nested_scopes",
  "generators",
  "division",
  "absolute_import",
  "with_statement",
  "print_function",
  "unicode_literals",
  "barry_as_FLUFL",
  "generator_stop",
  "annotations",
]);

/**
 * The module's leading `from __future__ import …` statements: after an optional docstring,
 * before any other statement (future.c: `future_parse`).
 *
 * @example
 * ```ts
 * leadingFutureImports(parse('"doc"\nfrom __future__ import annotations\nx = 1\n').body).length; // 1
 * ```
 * @internal
 */
export function leadingFutureImports(body: readonly Ast.Statement[]): Ast.ImportFrom[] {
  const imports: Ast.ImportFrom[] = [];
  const first = body[0];
  let index =
    first?.kind === "Expr" && first.value.kind === "Constant" && first.value.constantType === "str"
      ? 1
      : 0;
  for (; index < body.length; index++) {
    const statement = body[index]!;
    if (!isFutureImport(statement)) break;
    imports.push(statement);
  }
  return imports;
}

/** Whether `statement` is `from __future__ import …` (absolute: `from .__future__` is not). */
export function isFutureImport(statement: Ast.Statement): statement is Ast.ImportFrom {
  return (
    statement.kind === "ImportFrom" && statement.module === "__future__" && statement.level === 0
  );
}

/**
 * The SyntaxError a leading future import raises for a feature `__future__` does not define
 * ("not a chance" for `braces`), located at the statement's start; null when all are known.
 * CPython reports it before any symtable or compiler error.
 *
 * @example
 * ```ts
 * futureFeatureProblem(parse("from __future__ import braces\n").body)?.msg; // "not a chance"
 * ```
 * @internal
 */
export function futureFeatureProblem(
  body: readonly Ast.Statement[],
): { msg: string; at: Ast.SourceRange } | null {
  for (const statement of leadingFutureImports(body))
    for (const alias of statement.names) {
      if (FUTURE_FEATURES.has(alias.name)) continue;
      const msg =
        alias.name === "braces" ? "not a chance" : `future feature ${alias.name} is not defined`;
      // future.c: RAISE_SYNTAX_ERROR at the statement with no end position.
      const at = {
        line: statement.line,
        column: statement.column,
        endLine: statement.line,
        endColumn: statement.column,
      };
      return { msg, at };
    }
  return null;
}
