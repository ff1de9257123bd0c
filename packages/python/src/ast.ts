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
 * The Python type of a {@link Constant}, which decides how its `value` is read:
 *
 * - `int`: a JS number within the safe-integer range (|n| ≤ 2^53 − 1), a `bigint` beyond it;
 * - `float`: a number; `complex`: the imaginary part as a number (a literal like `2j` has a zero
 *   real part, as in CPython's AST);
 * - `str`: a string; `bytes`: a `Uint8Array`; `bool`: a boolean; `None` and `Ellipsis`: `null`.
 *
 * @example
 * ```ts
 * const type: ConstantType = "float"; // `1.0`, as opposed to `1`
 * ```
 */
export type ConstantType =
  | "int"
  | "float"
  | "complex"
  | "str"
  | "bytes"
  | "bool"
  | "None"
  | "Ellipsis";

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
  | AsyncFunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | TypeAlias
  | AugAssign
  | AnnAssign
  | For
  | AsyncFor
  | While
  | If
  | With
  | AsyncWith
  | Match
  | Raise
  | Try
  | TryStar
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | ExpressionStatement
  | Pass
  | Break
  | Continue;

/** A parameter of a function or lambda. @example the `a: int` in `def f(a: int = 1): pass` */
export interface Arg extends SourceRange {
  kind: "arg";
  arg: string;
  /** The annotation after `:` (a `Starred` for `*args: *Ts`), or null. */
  annotation: Expression | null;
}

/**
 * The parameter list of a function or lambda, as CPython's `arguments`: positional-only
 * parameters (before `/`), positional-or-keyword `args`, `defaults` aligned to the end of
 * `posonlyargs + args`, an optional `*vararg`, keyword-only parameters with `kwDefaults` (one
 * entry per keyword-only parameter, null where it has no default) and an optional `**kwarg`.
 *
 * @example `def f(a, /, b=2, *rest, c, **options)` → posonlyargs [a], args [b], defaults [2], vararg rest, kwonlyargs [c], kwDefaults [null], kwarg options
 */
export interface Arguments {
  kind: "arguments";
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  kwDefaults: (Expression | null)[];
  kwarg: Arg | null;
  defaults: Expression[];
}

/**
 * A PEP 695 type parameter: `T`, `T: bound`, `*Ts`, `**P`, each with an optional PEP 696
 * default (`T = int`).
 *
 * @example the `T: int` in `def f[T: int](x: T): pass`
 */
export type TypeParam = TypeVar | ParamSpec | TypeVarTuple;

/** `T` or `T: bound` (a bound may be a tuple of constraints). @example `class C[T: (int, str)]: pass` */
export interface TypeVar extends SourceRange {
  kind: "TypeVar";
  name: string;
  bound: Expression | null;
  defaultValue: Expression | null;
}

/** `**P`. @example `def f[**P](g: Callable[P, int]): pass` */
export interface ParamSpec extends SourceRange {
  kind: "ParamSpec";
  name: string;
  defaultValue: Expression | null;
}

/** `*Ts`. @example `class C[*Ts]: pass` */
export interface TypeVarTuple extends SourceRange {
  kind: "TypeVarTuple";
  name: string;
  defaultValue: Expression | null;
}

/** The fields shared by `def` and `async def`. */
interface FunctionDefinitionFields extends SourceRange {
  name: string;
  args: Arguments;
  body: Statement[];
  /** Decorator expressions, outermost first. */
  decoratorList: Expression[];
  /** The return annotation after `->`, or null. */
  returns: Expression | null;
  typeParams: TypeParam[];
}

/** `def name(args) -> returns: body`, with decorators and type parameters. @example `def f(x): return x` */
export interface FunctionDef extends FunctionDefinitionFields {
  kind: "FunctionDef";
}

/** `async def name(args): body`. @example `async def main(): await g()` */
export interface AsyncFunctionDef extends FunctionDefinitionFields {
  kind: "AsyncFunctionDef";
}

/** `class Name[T](bases, keywords): body` with decorators. @example `class A(B, metaclass=M): pass` */
export interface ClassDef extends SourceRange {
  kind: "ClassDef";
  name: string;
  bases: Expression[];
  keywords: Keyword[];
  body: Statement[];
  decoratorList: Expression[];
  typeParams: TypeParam[];
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

/** `type name[params] = value` (PEP 695). @example `type Pair[T] = tuple[T, T]` */
export interface TypeAlias extends SourceRange {
  kind: "TypeAlias";
  name: Name;
  typeParams: TypeParam[];
  value: Expression;
}

/**
 * `target: annotation [= value]`; `simple` is true for a bare (unparenthesized) name, the only
 * targets CPython records in `__annotations__`.
 *
 * @example `x: int = 1`
 */
export interface AnnAssign extends SourceRange {
  kind: "AnnAssign";
  target: Name | Attribute | Subscript;
  annotation: Expression;
  value: Expression | null;
  simple: boolean;
}

/** `target op= value` (target is a Name, Attribute or Subscript). @example `x += 1` */
export interface AugAssign extends SourceRange {
  kind: "AugAssign";
  target: Name | Attribute | Subscript;
  op: BinaryOperator;
  value: Expression;
}

/** The fields shared by `for` and `async for`. */
interface ForFields extends SourceRange {
  target: Expression;
  iter: Expression;
  body: Statement[];
  orelse: Statement[];
}

/** `for target in iter: body else: orelse`. @example `for i in range(3): pass` */
export interface For extends ForFields {
  kind: "For";
}

/** `async for target in iter: body`. @example `async for line in stream: print(line)` */
export interface AsyncFor extends ForFields {
  kind: "AsyncFor";
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

/** One `context_expr [as optional_vars]` item of a `with`. @example the `open(p) as f` in `with open(p) as f: pass` */
export interface WithItem {
  kind: "withitem";
  contextExpr: Expression;
  optionalVars: Expression | null;
}

/** `with a as b, c: body`. @example `with lock: pass` */
export interface With extends SourceRange {
  kind: "With";
  items: WithItem[];
  body: Statement[];
}

/** `async with a as b: body`. @example `async with session as s: pass` */
export interface AsyncWith extends SourceRange {
  kind: "AsyncWith";
  items: WithItem[];
  body: Statement[];
}

/** `match subject:` with its `case` blocks. @example `match x:\n    case 1: pass` */
export interface Match extends SourceRange {
  kind: "Match";
  subject: Expression;
  cases: MatchCase[];
}

/** `case pattern [if guard]: body`. @example `case [x, *_] if x: pass` */
export interface MatchCase {
  kind: "match_case";
  pattern: Pattern;
  guard: Expression | null;
  body: Statement[];
}

/**
 * A `match` pattern, as CPython's `pattern` nodes.
 *
 * @example the `Point(x=0) | None` in `case Point(x=0) | None: pass`
 */
export type Pattern =
  | MatchValue
  | MatchSingleton
  | MatchSequence
  | MatchMapping
  | MatchClass
  | MatchStar
  | MatchAs
  | MatchOr;

/** A literal or dotted-name value compared with `==`. @example `case 1 | -2.5 | Color.RED:` */
export interface MatchValue extends SourceRange {
  kind: "MatchValue";
  value: Expression;
}

/** `None`, `True` or `False`, compared with `is`. @example `case None:` */
export interface MatchSingleton extends SourceRange {
  kind: "MatchSingleton";
  value: boolean | null;
}

/** `[p, q, *rest]` or `(p, q)`. @example `case [first, *rest]:` */
export interface MatchSequence extends SourceRange {
  kind: "MatchSequence";
  patterns: Pattern[];
}

/** `{key: pattern, **rest}`. @example `case {"x": x, **others}:` */
export interface MatchMapping extends SourceRange {
  kind: "MatchMapping";
  keys: Expression[];
  patterns: Pattern[];
  rest: string | null;
}

/** `Cls(p, q, attr=r)`. @example `case Point(0, y=y):` */
export interface MatchClass extends SourceRange {
  kind: "MatchClass";
  cls: Expression;
  patterns: Pattern[];
  kwdAttrs: string[];
  kwdPatterns: Pattern[];
}

/** `*name` (or `*_`, name null) inside a sequence pattern. @example the `*rest` in `case [a, *rest]:` */
export interface MatchStar extends SourceRange {
  kind: "MatchStar";
  name: string | null;
}

/** `pattern as name`, a capture `name`, or the wildcard `_` (both null). @example `case [x] as whole:` */
export interface MatchAs extends SourceRange {
  kind: "MatchAs";
  pattern: Pattern | null;
  name: string | null;
}

/** `p | q | …`. @example `case 1 | 2:` */
export interface MatchOr extends SourceRange {
  kind: "MatchOr";
  patterns: Pattern[];
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

/** The fields shared by `try` and `try`/`except*`. */
interface TryFields extends SourceRange {
  body: Statement[];
  handlers: ExceptHandler[];
  orelse: Statement[];
  finalbody: Statement[];
}

/** `try/except/else/finally`. @example `try: f()\nexcept: pass` */
export interface Try extends TryFields {
  kind: "Try";
}

/** `try` with `except*` handlers (PEP 654). @example `try: f()\nexcept* ValueError: pass` */
export interface TryStar extends TryFields {
  kind: "TryStar";
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
  | NamedExpr
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
  | Await
  | Yield
  | YieldFrom
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

/** `target := value` (PEP 572). @example `(n := len(items))` */
export interface NamedExpr extends SourceRange {
  kind: "NamedExpr";
  target: Name;
  value: Expression;
}

/** `await value`. @example `await asyncio.sleep(1)` */
export interface Await extends SourceRange {
  kind: "Await";
  value: Expression;
}

/** `yield [value]`. @example `x = yield 1` */
export interface Yield extends SourceRange {
  kind: "Yield";
  value: Expression | null;
}

/** `yield from value`. @example `yield from range(3)` */
export interface YieldFrom extends SourceRange {
  kind: "YieldFrom";
  value: Expression;
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

/** One `[async] for target in iter if cond...` clause of a comprehension. @example `for x in xs if x` */
export interface Comprehension {
  kind: "comprehension";
  target: Expression;
  iter: Expression;
  ifs: Expression[];
  isAsync: boolean;
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
 * A literal: `constantType` tells how to read `value` (see {@link ConstantType}), e.g. `1` (int)
 * from `1.0` (float) although both are JS numbers.
 *
 * @example `parse("'a' 'b'")` yields one Constant with value "ab" (implicit concatenation)
 */
export interface Constant extends SourceRange {
  kind: "Constant";
  constantType: ConstantType;
  value: number | bigint | string | Uint8Array | boolean | null;
  /** True for a string whose first piece has the `u` prefix (CPython's `kind='u'`). */
  unicodePrefix?: true;
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

/** `*value` (call arguments, displays, assignment targets). @example the `*args` in `f(*args)` */
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
  | Comprehension
  | WithItem
  | MatchCase
  | Pattern
  | TypeParam;
