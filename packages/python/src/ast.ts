/**
 * The abstract syntax tree produced by {@link parse}: plain data, one `kind` discriminant per node,
 * shaped after CPython's `ast` module (same node and field names, camelCased) so the evaluator and
 * `ast.dump`-style printers can follow CPython's structure one to one.
 *
 * Every node carries {@link SourceRange}: 1-based lines and 0-based columns, like CPython's
 * `lineno` / `col_offset` / `end_lineno` / `end_col_offset`. Columns count UTF-16 code units of the
 * source line (CPython counts UTF-8 bytes; the two agree on ASCII source).
 *
 * @example
 * ```ts
 * import { parse } from "@pymem/python";
 * const module = parse("x = 1");
 * const statement = module.body[0];
 * if (statement?.kind === "Assign") console.log(statement.targets[0]?.kind); // "Name"
 * ```
 * @packageDocumentation
 */

/**
 * Where a node sits in the source: 1-based lines, 0-based columns, end exclusive.
 *
 * @example
 * ```ts
 * const range: SourceRange = { line: 1, column: 0, endLine: 1, endColumn: 5 };
 * ```
 */
export interface SourceRange {
  /** 1-based line of the first character. */
  line: number;
  /** 0-based column of the first character. */
  column: number;
  /** 1-based line of the last character. */
  endLine: number;
  /** 0-based column just past the last character. */
  endColumn: number;
}

/**
 * How a name, attribute, subscript, list or tuple is used: read, assigned to, or deleted.
 *
 * @example
 * ```ts
 * const context: ExpressionContext = "Store"; // the `x` in `x = 1`
 * ```
 */
export type ExpressionContext = "Load" | "Store" | "Del";

/**
 * Binary arithmetic and bitwise operators, named as in CPython's `ast`.
 *
 * @example
 * ```ts
 * const operator: BinaryOperator = "FloorDiv"; // `//`
 * ```
 */
export type BinaryOperator =
  | "Add"
  | "Sub"
  | "Mult"
  | "MatMult"
  | "Div"
  | "FloorDiv"
  | "Mod"
  | "Pow"
  | "LShift"
  | "RShift"
  | "BitOr"
  | "BitXor"
  | "BitAnd";

/**
 * Unary operators: `~`, `not`, `+`, `-`.
 *
 * @example
 * ```ts
 * const operator: UnaryOperator = "USub"; // `-x`
 * ```
 */
export type UnaryOperator = "Invert" | "Not" | "UAdd" | "USub";

/**
 * Comparison operators, including identity and membership tests.
 *
 * @example
 * ```ts
 * const operator: ComparisonOperator = "NotIn"; // `not in`
 * ```
 */
export type ComparisonOperator =
  | "Eq"
  | "NotEq"
  | "Lt"
  | "LtE"
  | "Gt"
  | "GtE"
  | "Is"
  | "IsNot"
  | "In"
  | "NotIn";

/**
 * The Python type of a {@link Constant}. `int` values are JS numbers restricted to the safe-integer
 * range (|n| ≤ 2^53 − 1), the range the pymem heap stores; larger literals are a SyntaxError.
 * A `complex` constant holds the imaginary part of a literal like `2j` (its real part is 0).
 *
 * @example
 * ```ts
 * const type: ConstantType = "float"; // `1.0`, as opposed to `1`
 * ```
 */
export type ConstantType = "int" | "float" | "complex" | "str" | "bool" | "None";

/** A whole program: the statements of a module. @example `parse("pass").body.length === 1` */
export interface Module extends SourceRange {
  kind: "Module";
  body: Statement[];
}

// ─── statements ──────────────────────────────────────────────────────────────────────────────

/**
 * Any statement node.
 *
 * @example
 * ```ts
 * const statement: Statement = parse("pass").body[0]!;
 * ```
 */
export type Statement =
  | FunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | For
  | While
  | If
  | Raise
  | Try
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | ExpressionStatement
  | Pass
  | Break
  | Continue;

/** A parameter of a function or lambda. @example the `a` in `def f(a=1): pass` */
export interface Arg extends SourceRange {
  kind: "arg";
  arg: string;
}

/**
 * The parameter list of a function or lambda: positional parameters with trailing `defaults`
 * (aligned to the end of `args`, as in CPython), an optional `*vararg` and `**kwarg`.
 *
 * @example `def f(a, b=2, *rest, **options)` → args [a, b], defaults [2], vararg rest, kwarg options
 */
export interface Arguments {
  kind: "arguments";
  args: Arg[];
  vararg: Arg | null;
  kwarg: Arg | null;
  defaults: Expression[];
}

/** `def name(args): body`. @example `def f(x): return x` */
export interface FunctionDef extends SourceRange {
  kind: "FunctionDef";
  name: string;
  args: Arguments;
  body: Statement[];
}

/** `class Name(base): body` (at most one base in this subset). @example `class A(B): pass` */
export interface ClassDef extends SourceRange {
  kind: "ClassDef";
  name: string;
  bases: Expression[];
  body: Statement[];
}

/** `return [value]`. @example `return x` */
export interface Return extends SourceRange {
  kind: "Return";
  value: Expression | null;
}

/** `del a, b.c, d[0]`. @example `del x` */
export interface Delete extends SourceRange {
  kind: "Delete";
  targets: Expression[];
}

/** `t1 = t2 = value`; chained targets in source order. @example `a, b = b, a` */
export interface Assign extends SourceRange {
  kind: "Assign";
  targets: Expression[];
  value: Expression;
}

/** `target op= value` (target is a Name, Attribute or Subscript). @example `x += 1` */
export interface AugAssign extends SourceRange {
  kind: "AugAssign";
  target: Name | Attribute | Subscript;
  op: BinaryOperator;
  value: Expression;
}

/** `for target in iter: body else: orelse`. @example `for i in range(3): pass` */
export interface For extends SourceRange {
  kind: "For";
  target: Expression;
  iter: Expression;
  body: Statement[];
  orelse: Statement[];
}

/** `while test: body else: orelse`. @example `while x: x -= 1` */
export interface While extends SourceRange {
  kind: "While";
  test: Expression;
  body: Statement[];
  orelse: Statement[];
}

/** `if test: body` with `elif` chains nested in `orelse`, as CPython does. @example `if a: pass` */
export interface If extends SourceRange {
  kind: "If";
  test: Expression;
  body: Statement[];
  orelse: Statement[];
}

/** `raise [exc [from cause]]`. @example `raise ValueError("x") from None` */
export interface Raise extends SourceRange {
  kind: "Raise";
  exc: Expression | null;
  cause: Expression | null;
}

/** One `except [type [as name]]:` clause. @example `except KeyError as error: pass` */
export interface ExceptHandler extends SourceRange {
  kind: "ExceptHandler";
  type: Expression | null;
  name: string | null;
  body: Statement[];
}

/** `try/except/else/finally`. @example `try: f()\nexcept: pass` */
export interface Try extends SourceRange {
  kind: "Try";
  body: Statement[];
  handlers: ExceptHandler[];
  orelse: Statement[];
  finalbody: Statement[];
}

/** `assert test[, msg]`. @example `assert x > 0, "positive"` */
export interface Assert extends SourceRange {
  kind: "Assert";
  test: Expression;
  msg: Expression | null;
}

/** A dotted module or imported name with an optional `as` alias. @example `gc as collector` */
export interface Alias extends SourceRange {
  kind: "alias";
  name: string;
  asname: string | null;
}

/** `import a.b as c, d`. @example `import gc` */
export interface Import extends SourceRange {
  kind: "Import";
  names: Alias[];
}

/** `from module import a as b`; `level` counts leading dots. @example `from sys import getrefcount` */
export interface ImportFrom extends SourceRange {
  kind: "ImportFrom";
  module: string | null;
  names: Alias[];
  level: number;
}

/** `global a, b`. @example `global counter` */
export interface Global extends SourceRange {
  kind: "Global";
  names: string[];
}

/** `nonlocal a, b`. @example `nonlocal counter` */
export interface Nonlocal extends SourceRange {
  kind: "Nonlocal";
  names: string[];
}

/** An expression evaluated for its effect (CPython's `Expr`). @example `print(1)` */
export interface ExpressionStatement extends SourceRange {
  kind: "Expr";
  value: Expression;
}

/** `pass`. @example `pass` */
export interface Pass extends SourceRange {
  kind: "Pass";
}

/** `break`. @example `break` */
export interface Break extends SourceRange {
  kind: "Break";
}

/** `continue`. @example `continue` */
export interface Continue extends SourceRange {
  kind: "Continue";
}

// ─── expressions ─────────────────────────────────────────────────────────────────────────────

/**
 * Any expression node.
 *
 * @example
 * ```ts
 * const statement = parse("1 + 2").body[0];
 * if (statement?.kind === "Expr") console.log(statement.value.kind); // "BinOp"
 * ```
 */
export type Expression =
  | BoolOp
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | Set
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;

/** `a and b and c` / `a or b` (flattened, as CPython does). @example `x or y` */
export interface BoolOp extends SourceRange {
  kind: "BoolOp";
  op: "And" | "Or";
  values: Expression[];
}

/** `left op right`. @example `2 ** 10` */
export interface BinOp extends SourceRange {
  kind: "BinOp";
  left: Expression;
  op: BinaryOperator;
  right: Expression;
}

/** `op operand`. @example `not x` */
export interface UnaryOp extends SourceRange {
  kind: "UnaryOp";
  op: UnaryOperator;
  operand: Expression;
}

/** `lambda args: body`. @example `lambda x=1: x` */
export interface Lambda extends SourceRange {
  kind: "Lambda";
  args: Arguments;
  body: Expression;
}

/** `body if test else orelse`. @example `a if c else b` */
export interface IfExp extends SourceRange {
  kind: "IfExp";
  test: Expression;
  body: Expression;
  orelse: Expression;
}

/** `{k: v, ...}`; a `null` key is a `**mapping` entry. @example `{"a": 1}` */
export interface Dict extends SourceRange {
  kind: "Dict";
  keys: (Expression | null)[];
  values: Expression[];
}

/** `{a, b}`. @example `{1, 2}` */
export interface Set extends SourceRange {
  kind: "Set";
  elts: Expression[];
}

/** One `for target in iter if cond...` clause of a comprehension. @example `for x in xs if x` */
export interface Comprehension {
  kind: "comprehension";
  target: Expression;
  iter: Expression;
  ifs: Expression[];
}

/** `[elt for ...]`. @example `[x * 2 for x in xs if x]` */
export interface ListComp extends SourceRange {
  kind: "ListComp";
  elt: Expression;
  generators: Comprehension[];
}

/** `{elt for ...}`. @example `{x for x in xs}` */
export interface SetComp extends SourceRange {
  kind: "SetComp";
  elt: Expression;
  generators: Comprehension[];
}

/** `{key: value for ...}`. @example `{k: v for k, v in pairs}` */
export interface DictComp extends SourceRange {
  kind: "DictComp";
  key: Expression;
  value: Expression;
  generators: Comprehension[];
}

/** `(elt for ...)`. @example `sum(x for x in xs)` */
export interface GeneratorExp extends SourceRange {
  kind: "GeneratorExp";
  elt: Expression;
  generators: Comprehension[];
}

/** `left op1 c1 op2 c2 ...` (a chain). @example `a < b <= c` */
export interface Compare extends SourceRange {
  kind: "Compare";
  left: Expression;
  ops: ComparisonOperator[];
  comparators: Expression[];
}

/** `name=value` in a call; `arg` is `null` for `**mapping`. @example the `end=""` in `print(x, end="")` */
export interface Keyword extends SourceRange {
  kind: "keyword";
  arg: string | null;
  value: Expression;
}

/** `func(args, keywords)`. @example `f(1, key=2)` */
export interface Call extends SourceRange {
  kind: "Call";
  func: Expression;
  args: Expression[];
  keywords: Keyword[];
}

/**
 * One `{value!conversion:formatSpec}` field of an f-string. `conversion` is -1 (none) or the
 * character code of `s`, `r` or `a`, as in CPython.
 *
 * @example the `{x!r}` in `f"{x!r}"`
 */
export interface FormattedValue extends SourceRange {
  kind: "FormattedValue";
  value: Expression;
  conversion: number;
  formatSpec: JoinedStr | null;
}

/** An f-string: literal `Constant` parts and `FormattedValue` fields. @example `f"x={x}"` */
export interface JoinedStr extends SourceRange {
  kind: "JoinedStr";
  values: (Constant | FormattedValue)[];
}

/**
 * A literal: `constantType` tells `1` (int) from `1.0` (float) since both are JS numbers.
 *
 * @example `parse("'a' 'b'")` yields one Constant with value "ab" (implicit concatenation)
 */
export interface Constant extends SourceRange {
  kind: "Constant";
  constantType: ConstantType;
  value: number | string | boolean | null;
}

/** `value.attr`. @example `obj.field` */
export interface Attribute extends SourceRange {
  kind: "Attribute";
  value: Expression;
  attr: string;
  ctx: ExpressionContext;
}

/** `value[slice]`. @example `items[1:2]` */
export interface Subscript extends SourceRange {
  kind: "Subscript";
  value: Expression;
  slice: Expression;
  ctx: ExpressionContext;
}

/** `*value` (in call arguments). @example the `*args` in `f(*args)` */
export interface Starred extends SourceRange {
  kind: "Starred";
  value: Expression;
  ctx: ExpressionContext;
}

/** A variable reference. @example `x` */
export interface Name extends SourceRange {
  kind: "Name";
  id: string;
  ctx: ExpressionContext;
}

/** `[a, b]`. @example `[1, 2]` */
export interface List extends SourceRange {
  kind: "List";
  elts: Expression[];
  ctx: ExpressionContext;
}

/** `a, b` or `(a, b)`. @example `(1,)` */
export interface Tuple extends SourceRange {
  kind: "Tuple";
  elts: Expression[];
  ctx: ExpressionContext;
}

/** `lower:upper:step` inside a subscript. @example the `1:2` in `a[1:2]` */
export interface Slice extends SourceRange {
  kind: "Slice";
  lower: Expression | null;
  upper: Expression | null;
  step: Expression | null;
}

/**
 * Any node of the tree: what {@link dumpAst} and tree walkers accept.
 *
 * @example
 * ```ts
 * import { parse, type AstNode } from "@pymem/python";
 * const nodes: AstNode[] = [parse("x = 1\n")];
 * ```
 */
export type AstNode =
  | Module
  | Statement
  | Expression
  | Arguments
  | Arg
  | Keyword
  | Alias
  | ExceptHandler
  | Comprehension;
