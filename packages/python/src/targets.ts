import type * as Ast from "./ast.js";

/**
 * What CPython calls an expression in "cannot assign to …" messages.
 * CPython: _PyPegen_get_expr_name() in Parser/pegen_errors.c / action_helpers.c.
 *
 * @example
 * ```ts
 * describeExpression(parse("f()").body[0].value); // "function call"
 * ```
 * @internal
 */
export function describeExpression(expression: Ast.Expression): string {
  switch (expression.kind) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
      return "f-string expression";
    case "Constant":
      if (expression.constantType === "None") return "None";
      if (expression.constantType === "bool") return expression.value === true ? "True" : "False";
      if (expression.constantType === "Ellipsis") return "ellipsis";
      return "literal";
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "Slice":
      return "slice";
    case "NamedExpr":
      return "named expression";
    case "Await":
      return "await expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
  }
}

/**
 * The first sub-expression that cannot be assigned to (`mode` "assign") or deleted ("delete"),
 * or null when the whole target is valid. CPython: _PyPegen_get_invalid_target().
 *
 * @example
 * ```ts
 * findInvalidTarget(tupleOf(name, call), "assign"); // the call
 * ```
 * @internal
 */
export function findInvalidTarget(
  target: Ast.Expression,
  mode: "assign" | "delete",
): Ast.Expression | null {
  const stack: Ast.Expression[] = [target];
  while (stack.length > 0) {
    const current = stack.pop() as Ast.Expression;
    switch (current.kind) {
      case "Name":
      case "Attribute":
      case "Subscript":
        continue;
      case "Starred":
        if (mode === "delete") return current;
        stack.push(current.value);
        continue;
      case "List":
      case "Tuple":
        for (let index = current.elts.length - 1; index >= 0; index--)
          stack.push(current.elts[index] as Ast.Expression);
        continue;
      default:
        return current;
    }
  }
  return null;
}

/**
 * Mark a (validated) target and its nested names as stored or deleted.
 *
 * @example
 * ```ts
 * setContext(target, "Store");
 * ```
 * @internal
 */
export function setContext(target: Ast.Expression, context: Ast.ExpressionContext): void {
  const stack: Ast.Expression[] = [target];
  while (stack.length > 0) {
    const current = stack.pop() as Ast.Expression;
    switch (current.kind) {
      case "Name":
      case "Attribute":
      case "Subscript":
        current.ctx = context;
        break;
      case "Starred":
        current.ctx = context;
        stack.push(current.value);
        break;
      case "List":
      case "Tuple":
        current.ctx = context;
        for (const element of current.elts) stack.push(element);
        break;
      default:
        break;
    }
  }
}
