import type * as Ast from "./ast.js";
import { parseStrings } from "./fstring-parser.js";
import { parseNumberLiteral } from "./literals.js";
import { markParenthesized, range } from "./node-range.js";
import type { Parser } from "./parser.js";
import type { Token } from "./tokenizer.js";

/**
 * The `case` blocks of a `match` statement (PEP 634): patterns as CPython 3.13's grammar reads
 * them (Grammar/python.gram, `case_block` … `keyword_pattern`).
 *
 * @module
 * @internal
 */

/**
 * Parse `case pattern [if guard]: block` clauses up to the end of the match block.
 *
 * @internal
 */
export function parseCaseBlocks(p: Parser): Ast.MatchCase[] {
  const cases: Ast.MatchCase[] = [];
  while (p.isKeyword("case")) {
    const start = p.advance();
    const pattern = patterns(p);
    const guard = p.acceptKeyword("if") ? p.namedExpression() : null;
    if (!p.acceptOp(":")) p.fail("expected ':'", p.peek());
    const body = p.block(`'case' statement on line ${start.line}`);
    cases.push({ kind: "match_case", pattern, guard, body });
  }
  if (cases.length === 0) p.invalidSyntax();
  return cases;
}

/** patterns: an open sequence (`case a, *b:`) or one pattern. */
function patterns(p: Parser): Ast.Pattern {
  const start = p.peek();
  const first = maybeStarPattern(p);
  if (!p.isOp(",")) {
    if (first.kind === "MatchStar") p.invalidSyntax();
    return first;
  }
  const elements = [first];
  while (p.acceptOp(",")) {
    if (p.isOp(":") || p.isKeyword("if")) break;
    elements.push(maybeStarPattern(p));
  }
  return { kind: "MatchSequence", patterns: elements, ...range(start, p.previous) };
}

function maybeStarPattern(p: Parser): Ast.Pattern {
  if (!p.isOp("*")) return pattern(p);
  const star = p.advance();
  const name = p.expectName();
  return {
    kind: "MatchStar",
    name: name.text === "_" ? null : name.text,
    ...range(star, name),
  };
}

/** pattern: `or_pattern as name` or an or_pattern. */
function pattern(p: Parser): Ast.Pattern {
  const alternatives = orPattern(p);
  if (!p.acceptKeyword("as")) return alternatives;
  const name = p.expectName();
  if (name.text === "_") p.fail("cannot use '_' as a target", name);
  return { kind: "MatchAs", pattern: alternatives, name: name.text, ...range(alternatives, name) };
}

function orPattern(p: Parser): Ast.Pattern {
  const first = closedPattern(p);
  if (!p.isOp("|")) return first;
  const alternatives = [first];
  while (p.acceptOp("|")) alternatives.push(closedPattern(p));
  const last = alternatives[alternatives.length - 1] as Ast.Pattern;
  return { kind: "MatchOr", patterns: alternatives, ...range(first, last) };
}

function closedPattern(p: Parser): Ast.Pattern {
  const token = p.peek();
  p.enter(token);
  try {
    if (token.type === "OP") {
      if (token.text === "(" || token.text === "[") return sequencePattern(p, token);
      if (token.text === "{") return mappingPattern(p, token);
    }
    if (token.type === "NAME" && !isLiteralName(token) && p.isName()) {
      const value = nameOrAttribute(p);
      if (p.isOp("(")) return classPattern(p, value);
      if (value.kind === "Attribute") return { kind: "MatchValue", value, ...range(value, value) };
      const name = (value as Ast.Name).id;
      return {
        kind: "MatchAs",
        pattern: null,
        name: name === "_" ? null : name,
        ...range(token, token),
      };
    }
    const value = literalExpression(p);
    if (
      value.kind === "Constant" &&
      (value.constantType === "None" || value.constantType === "bool")
    )
      return {
        kind: "MatchSingleton",
        value: value.value as boolean | null,
        ...range(value, value),
      };
    return { kind: "MatchValue", value, ...range(value, value) };
  } finally {
    p.leave();
  }
}

function isLiteralName(token: Token): boolean {
  return token.text === "None" || token.text === "True" || token.text === "False";
}

/** name_or_attr: `NAME ('.' NAME)*` as a Name or an Attribute chain. */
function nameOrAttribute(p: Parser): Ast.Name | Ast.Attribute {
  const token = p.expectName();
  let value: Ast.Name | Ast.Attribute = {
    kind: "Name",
    id: token.text,
    ctx: "Load",
    ...range(token, token),
  };
  while (p.acceptOp(".")) {
    const attribute = p.expectName();
    value = {
      kind: "Attribute",
      value,
      attr: attribute.text,
      ctx: "Load",
      ...range(value, attribute),
    };
  }
  return value;
}

/**
 * literal_expr: a signed number, a complex literal (`-1 + 2j`), strings, `None`, `True` or
 * `False`. f-strings are not literals here.
 */
function literalExpression(p: Parser): Ast.Expression {
  const token = p.peek();
  // f-strings parse here; CPython's compiler rejects them (as do we, at run time).
  if (token.type === "STRING" || token.type === "FSTRING") return parseStrings(p);
  if (token.type === "NAME" && isLiteralName(token)) {
    p.advance();
    if (token.text === "None")
      return { kind: "Constant", constantType: "None", value: null, ...range(token, token) };
    return {
      kind: "Constant",
      constantType: "bool",
      value: token.text === "True",
      ...range(token, token),
    };
  }
  const real = signedNumber(p);
  if (!p.isOp("+") && !p.isOp("-")) return real;
  const operator = p.advance();
  const imaginary = number(p);
  if (imaginary.constantType !== "complex")
    p.fail("imaginary number required in complex literal", imaginary);
  return {
    kind: "BinOp",
    left: real,
    op: operator.text === "+" ? "Add" : "Sub",
    right: imaginary,
    ...range(real, imaginary),
  };
}

function signedNumber(p: Parser): Ast.Expression {
  if (!p.isOp("-")) return number(p);
  const minus = p.advance();
  const operand = number(p);
  return { kind: "UnaryOp", op: "USub", operand, ...range(minus, operand) };
}

function number(p: Parser): Ast.Constant {
  const token = p.peek();
  if (token.type !== "NUMBER") p.invalidSyntax();
  p.advance();
  const literal = parseNumberLiteral(token.text);
  return {
    kind: "Constant",
    constantType: literal.type,
    value: literal.value,
    ...range(token, token),
  };
}

/** `[p, q]`, `(p, q)`, `()` or a parenthesized group `(p)`. */
function sequencePattern(p: Parser, open: Token): Ast.Pattern {
  const closer = open.text === "(" ? ")" : "]";
  p.openBracket();
  p.advance();
  const elements: Ast.Pattern[] = [];
  let sawComma = false;
  while (!p.isOp(closer)) {
    elements.push(maybeStarPattern(p));
    if (!p.acceptOp(",")) break;
    sawComma = true;
  }
  const close = p.expectOp(closer);
  p.closeBracket();
  const only = elements[0];
  if (closer === ")" && elements.length === 1 && !sawComma && only !== undefined) {
    if (only.kind === "MatchStar") p.invalidSyntax();
    markParenthesized(only, range(open, close));
    return only;
  }
  return { kind: "MatchSequence", patterns: elements, ...range(open, close) };
}

/** `{key: pattern, …, **rest}`. */
function mappingPattern(p: Parser, open: Token): Ast.MatchMapping {
  p.openBracket();
  p.advance();
  const keys: Ast.Expression[] = [];
  const values: Ast.Pattern[] = [];
  let rest: string | null = null;
  while (!p.isOp("}")) {
    if (p.acceptOp("**")) {
      const name = p.expectName();
      if (name.text === "_") p.fail("cannot use '_' as a target", name);
      rest = name.text;
      p.acceptOp(",");
      break;
    }
    const key = p.isName() ? nameOrAttribute(p) : literalExpression(p);
    if (key.kind === "Name") p.invalidSyntax();
    keys.push(key);
    p.expectOp(":");
    values.push(pattern(p));
    if (!p.acceptOp(",")) break;
  }
  const close = p.expectOp("}");
  p.closeBracket();
  return { kind: "MatchMapping", keys, patterns: values, rest, ...range(open, close) };
}

/** `Cls(positional…, name=pattern…)`. */
function classPattern(p: Parser, cls: Ast.Name | Ast.Attribute): Ast.MatchClass {
  p.openBracket();
  p.advance();
  const positional: Ast.Pattern[] = [];
  const kwdAttrs: string[] = [];
  const kwdPatterns: Ast.Pattern[] = [];
  while (!p.isOp(")")) {
    if (p.isName() && p.isOp("=", 1)) {
      kwdAttrs.push(p.advance().text);
      p.advance();
      kwdPatterns.push(pattern(p));
    } else {
      const positionalPattern = pattern(p);
      if (kwdAttrs.length > 0)
        p.fail("positional patterns follow keyword patterns", positionalPattern);
      positional.push(positionalPattern);
    }
    if (!p.acceptOp(",")) break;
  }
  const close = p.expectOp(")");
  p.closeBracket();
  return {
    kind: "MatchClass",
    cls,
    patterns: positional,
    kwdAttrs,
    kwdPatterns,
    ...range(cls, close),
  };
}
