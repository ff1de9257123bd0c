import type * as Ast from "./ast.js";
import type { SyntaxErrorDetails } from "./syntax-error.js";

/**
 * CPython's compile-time `SyntaxWarning`s: an invalid escape sequence in a string or bytes
 * literal (reported by the tokenizer, so first) and `is` / `is not` with a literal (reported by
 * the compiler, in source order). The parser collects them; the interpreter shows them through
 * the `warnings` module before the code runs, as CPython's `PyErr_WarnExplicitObject` does.
 *
 * @module
 */

/**
 * One compile-time warning (`SyntaxWarning`) the parser found: its text and where CPython
 * locates it (1-based, as {@link SyntaxErrorDetails}). The interpreter shows them through
 * `warnings` before a script runs; one that a filter turns into an error is raised as the
 * `SyntaxError` at that place.
 *
 * @example
 * ```ts
 * const notes: SyntaxWarningNote[] = [];
 * parse("x = '\\d'\n", { syntaxWarnings: notes }); // notes[0].message: "invalid escape sequence '\\d'"
 * ```
 */
export interface SyntaxWarningNote {
  readonly message: string;
  readonly lineno: number;
  readonly offset: number;
  readonly endLineno: number;
  readonly endOffset: number;
}

/**
 * The comparisons of `module` that use `is` or `is not` with a literal (CPython:
 * `check_compare` in compile.c, after the AST optimizer folded `-1` and `(1, 2)` into
 * constants), in source order. Iterative: nesting depth is the user's.
 *
 * @example
 * ```ts
 * isLiteralWarnings(parse("x is 1\n"));
 * // [{ message: `"is" with 'int' literal. Did you mean "=="?`, lineno: 1, offset: 1, endLineno: 1, endOffset: 7 }]
 * ```
 */
export function isLiteralWarnings(module: Ast.Module): SyntaxWarningNote[] {
  const found: SyntaxWarningNote[] = [];
  const pending: unknown[] = [module];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    if (typeof node !== "object" || node === null || !("kind" in node)) continue;
    if ((node as { kind: string }).kind === "Compare") {
      const warning = compareWarning(node as Ast.Compare);
      if (warning !== undefined) found.push(warning);
    }
    for (const value of Object.values(node)) if (typeof value === "object") pending.push(value);
  }
  return found.sort((a, b) => a.lineno - b.lineno || a.offset - b.offset);
}

/** The first `is`/`is not` of a comparison chain that has a literal operand, if any. */
function compareWarning(node: Ast.Compare): SyntaxWarningNote | undefined {
  let left = node.left;
  for (let index = 0; index < node.ops.length; index++) {
    const right = node.comparators[index]!;
    const op = node.ops[index];
    if (op === "Is" || op === "IsNot") {
      const literal = literalType(left) !== undefined ? left : right;
      const type = literalType(literal);
      if (type !== undefined) {
        const message =
          op === "Is"
            ? `"is" with '${type}' literal. Did you mean "=="?`
            : `"is not" with '${type}' literal. Did you mean "!="?`;
        return {
          message,
          lineno: node.line,
          offset: node.column + 1,
          endLineno: node.endLine,
          endOffset: node.endColumn + 1,
        };
      }
    }
    left = right;
  }
  return undefined;
}

/**
 * The type name of a literal `is` should not compare with, or undefined for anything else —
 * including None, True, False and `...`, which are singletons (CPython: `check_is_arg`).
 */
function literalType(node: Ast.Expression): string | undefined {
  const folded = foldedType(node);
  return folded === "NoneType" || folded === "bool" || folded === "ellipsis" ? undefined : folded;
}

/** The type of the constant the AST optimizer folds `node` into, or undefined if it does not. */
function foldedType(node: Ast.Expression): string | undefined {
  if (node.kind === "Constant") {
    const type = node.constantType;
    return type === "None" ? "NoneType" : type === "Ellipsis" ? "ellipsis" : type;
  }
  if (node.kind === "UnaryOp" && node.op !== "Not") {
    const operand = foldedType(node.operand);
    if (operand === "int" || operand === "bool") return "int";
    if (operand === "float" || operand === "complex")
      return node.op === "Invert" ? undefined : operand;
    return undefined;
  }
  if (node.kind === "Tuple" && node.ctx === "Load")
    return node.elts.every((element) => foldedType(element) !== undefined) ? "tuple" : undefined;
  return undefined;
}
