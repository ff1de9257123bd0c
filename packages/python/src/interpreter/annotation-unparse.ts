import { floatRepr, strRepr } from "@pymem/runtime";
import type { BinaryOperator, ComparisonOperator, Expression, UnaryOperator } from "../ast.js";

/**
 * The text `from __future__ import annotations` stores for an annotation (PEP 563): the
 * expression unparsed the way CPython 3.13's `ast_unparse.c` writes it — canonical spacing,
 * `repr` of constants, parentheses only where precedence needs them — for the expression forms
 * annotations use (names, attributes, subscripts, constants, operators, calls, displays).
 * Other forms return undefined and the caller raises NotImplementedError when the annotation is
 * evaluated.
 *
 * @module
 */

/** CPython's `_PyAST_ExprPrecedence` levels, lowest first. */
const Precedence = {
  TUPLE: 0,
  TEST: 1,
  OR: 2,
  AND: 3,
  NOT: 4,
  CMP: 5,
  BOR: 6,
  BXOR: 7,
  BAND: 8,
  SHIFT: 9,
  ARITH: 10,
  TERM: 11,
  FACTOR: 12,
  POWER: 13,
  AWAIT: 14,
  ATOM: 15,
} as const;

const BINARY: Record<BinaryOperator, readonly [string, number]> = {
  Add: ["+", Precedence.ARITH],
  Sub: ["-", Precedence.ARITH],
  Mult: ["*", Precedence.TERM],
  MatMult: ["@", Precedence.TERM],
  Div: ["/", Precedence.TERM],
  FloorDiv: ["//", Precedence.TERM],
  Mod: ["%", Precedence.TERM],
  Pow: ["**", Precedence.POWER],
  LShift: ["<<", Precedence.SHIFT],
  RShift: [">>", Precedence.SHIFT],
  BitOr: ["|", Precedence.BOR],
  BitXor: ["^", Precedence.BXOR],
  BitAnd: ["&", Precedence.BAND],
};

const UNARY: Record<UnaryOperator, readonly [string, number]> = {
  Invert: ["~", Precedence.FACTOR],
  Not: ["not ", Precedence.NOT],
  UAdd: ["+", Precedence.FACTOR],
  USub: ["-", Precedence.FACTOR],
};

const COMPARISON: Record<ComparisonOperator, string> = {
  Eq: "==",
  NotEq: "!=",
  Lt: "<",
  LtE: "<=",
  Gt: ">",
  GtE: ">=",
  Is: "is",
  IsNot: "is not",
  In: "in",
  NotIn: "not in",
};

/** Thrown inside the unparser for a form it does not write. */
class Unsupported extends Error {}

/**
 * The PEP 563 string of an annotation expression, or undefined for a form not handled.
 *
 * @example
 * ```ts
 * unparseAnnotation(parseExpression("dict[str,  'Node']")); // "dict[str, 'Node']"
 * ```
 */
export function unparseAnnotation(node: Expression): string | undefined {
  try {
    return unparse(node, Precedence.TEST);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** Writes `node` inside a context of precedence `level` (CPython: `append_ast_expr`). */
function unparse(node: Expression, level: number): string {
  const wrap = (own: number, text: string): string => (level > own ? `(${text})` : text);
  switch (node.kind) {
    case "Name":
      return node.id;
    case "Constant":
      return constant(node);
    case "Attribute": {
      const value = unparse(node.value, Precedence.ATOM);
      // An int literal needs a space before the dot (`1 .real`).
      const separator =
        node.value.kind === "Constant" && node.value.constantType === "int" ? " ." : ".";
      return `${value}${separator}${node.attr}`;
    }
    case "Subscript":
      return `${unparse(node.value, Precedence.ATOM)}[${subscript(node.slice)}]`;
    case "Starred":
      return `*${unparse(node.value, Precedence.BOR)}`;
    case "BinOp": {
      const [symbol, own] = BINARY[node.op];
      // `**` is right-associative: the left side binds one level tighter.
      const right = node.op === "Pow";
      const left = unparse(node.left, right ? own + 1 : own);
      const rightText = unparse(node.right, right ? own : own + 1);
      return wrap(own, `${left} ${symbol} ${rightText}`);
    }
    case "UnaryOp": {
      const [symbol, own] = UNARY[node.op];
      return wrap(own, `${symbol}${unparse(node.operand, own)}`);
    }
    case "BoolOp": {
      const own = node.op === "And" ? Precedence.AND : Precedence.OR;
      const word = node.op === "And" ? " and " : " or ";
      return wrap(own, node.values.map((value) => unparse(value, own + 1)).join(word));
    }
    case "Compare": {
      let text = unparse(node.left, Precedence.CMP + 1);
      node.ops.forEach((op, index) => {
        text += ` ${COMPARISON[op]} ${unparse(node.comparators[index]!, Precedence.CMP + 1)}`;
      });
      return wrap(Precedence.CMP, text);
    }
    case "IfExp":
      return wrap(
        Precedence.TEST,
        `${unparse(node.body, Precedence.TEST + 1)} if ${unparse(node.test, Precedence.TEST + 1)} else ${unparse(node.orelse, Precedence.TEST)}`,
      );
    case "Call": {
      const parts = node.args.map((arg) => unparse(arg, Precedence.TEST));
      for (const keyword of node.keywords)
        parts.push(
          keyword.arg === null
            ? `**${unparse(keyword.value, Precedence.TEST)}`
            : `${keyword.arg}=${unparse(keyword.value, Precedence.TEST)}`,
        );
      return `${unparse(node.func, Precedence.ATOM)}(${parts.join(", ")})`;
    }
    case "Tuple": {
      if (node.elts.length === 0) return "()";
      const items = node.elts.map((item) => unparse(item, Precedence.TEST));
      const text = items.length === 1 ? `${items[0]},` : items.join(", ");
      return wrap(Precedence.TUPLE, text);
    }
    case "List":
      return `[${node.elts.map((item) => unparse(item, Precedence.TEST)).join(", ")}]`;
    case "Set":
      return `{${node.elts.map((item) => unparse(item, Precedence.TEST)).join(", ")}}`;
    case "Dict": {
      const items = node.values.map((value, index) => {
        const key = node.keys[index];
        return key == null
          ? `**${unparse(value, Precedence.BOR)}`
          : `${unparse(key, Precedence.TEST)}: ${unparse(value, Precedence.TEST)}`;
      });
      return `{${items.join(", ")}}`;
    }
    default:
      throw new Unsupported(node.kind);
  }
}

/** A subscript's index: a tuple is written without parentheses (CPython: `append_ast_slice`). */
function subscript(node: Expression): string {
  if (node.kind === "Tuple" && node.elts.length > 0)
    return node.elts.length === 1
      ? `${sliceItem(node.elts[0]!)},`
      : node.elts.map(sliceItem).join(", ");
  return sliceItem(node);
}

function sliceItem(node: Expression): string {
  if (node.kind !== "Slice") return unparse(node, Precedence.TUPLE);
  let text = node.lower !== null ? unparse(node.lower, Precedence.TEST) : "";
  text += ":";
  if (node.upper !== null) text += unparse(node.upper, Precedence.TEST);
  if (node.step !== null) text += `:${unparse(node.step, Precedence.TEST)}`;
  return text;
}

/** A constant as `repr` writes it (CPython: `append_ast_constant`). */
function constant(node: Extract<Expression, { kind: "Constant" }>): string {
  switch (node.constantType) {
    case "str":
      return strRepr(node.value as string);
    case "int":
      return String(node.value);
    case "float":
      return floatRepr(node.value as number);
    case "bool":
      return node.value === true ? "True" : "False";
    case "None":
      return "None";
    case "Ellipsis":
      return "...";
    default:
      throw new Unsupported(node.constantType);
  }
}
