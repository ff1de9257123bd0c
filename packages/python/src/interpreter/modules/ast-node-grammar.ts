/**
 * The node classes of Python 3.13's `ast` module, described once in the abstract grammar's own
 * notation (ASDL, as the language reference prints it and as each class's `__doc__` shows it),
 * and turned into the Python source that defines the classes at import.
 *
 * @module
 */

/**
 * Python 3.13's abstract grammar: each line `name = A(...) | B(...)` is a sum type (an abstract
 * class and one subclass per constructor), `name(...)` a product type (one concrete class);
 * `attributes (...)` lists the position attributes of the type above it. A field is `type name`,
 * with `?` after the type for an optional field and `*` for a list.
 */
const GRAMMAR = `
mod = Module(stmt* body, type_ignore* type_ignores)
    | Interactive(stmt* body)
    | Expression(expr body)
    | FunctionType(expr* argtypes, expr returns)

stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment, type_param* type_params)
     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment, type_param* type_params)
     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list, type_param* type_params)
     | Return(expr? value)
     | Delete(expr* targets)
     | Assign(expr* targets, expr value, string? type_comment)
     | TypeAlias(expr name, type_param* type_params, expr value)
     | AugAssign(expr target, operator op, expr value)
     | AnnAssign(expr target, expr annotation, expr? value, int simple)
     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | While(expr test, stmt* body, stmt* orelse)
     | If(expr test, stmt* body, stmt* orelse)
     | With(withitem* items, stmt* body, string? type_comment)
     | AsyncWith(withitem* items, stmt* body, string? type_comment)
     | Match(expr subject, match_case* cases)
     | Raise(expr? exc, expr? cause)
     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | Assert(expr test, expr? msg)
     | Import(alias* names)
     | ImportFrom(identifier? module, alias* names, int? level)
     | Global(identifier* names)
     | Nonlocal(identifier* names)
     | Expr(expr value)
     | Pass
     | Break
     | Continue
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr = BoolOp(boolop op, expr* values)
     | NamedExpr(expr target, expr value)
     | BinOp(expr left, operator op, expr right)
     | UnaryOp(unaryop op, expr operand)
     | Lambda(arguments args, expr body)
     | IfExp(expr test, expr body, expr orelse)
     | Dict(expr* keys, expr* values)
     | Set(expr* elts)
     | ListComp(expr elt, comprehension* generators)
     | SetComp(expr elt, comprehension* generators)
     | DictComp(expr key, expr value, comprehension* generators)
     | GeneratorExp(expr elt, comprehension* generators)
     | Await(expr value)
     | Yield(expr? value)
     | YieldFrom(expr value)
     | Compare(expr left, cmpop* ops, expr* comparators)
     | Call(expr func, expr* args, keyword* keywords)
     | FormattedValue(expr value, int conversion, expr? format_spec)
     | JoinedStr(expr* values)
     | Constant(constant value, string? kind)
     | Attribute(expr value, identifier attr, expr_context ctx)
     | Subscript(expr value, expr slice, expr_context ctx)
     | Starred(expr value, expr_context ctx)
     | Name(identifier id, expr_context ctx)
     | List(expr* elts, expr_context ctx)
     | Tuple(expr* elts, expr_context ctx)
     | Slice(expr? lower, expr? upper, expr? step)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr_context = Load | Store | Del

boolop = And | Or

operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv

unaryop = Invert | Not | UAdd | USub

cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn

comprehension(expr target, expr iter, expr* ifs, int is_async)

excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)

arg(identifier arg, expr? annotation, string? type_comment)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

keyword(identifier? arg, expr value)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

alias(identifier name, identifier? asname)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

withitem(expr context_expr, expr? optional_vars)

match_case(pattern pattern, expr? guard, stmt* body)

pattern = MatchValue(expr value)
        | MatchSingleton(constant value)
        | MatchSequence(pattern* patterns)
        | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
        | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
        | MatchStar(identifier? name)
        | MatchAs(pattern? pattern, identifier? name)
        | MatchOr(pattern* patterns)
        attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

type_ignore = TypeIgnore(int lineno, string tag)

type_param = TypeVar(identifier name, expr? bound, expr? default_value)
           | ParamSpec(identifier name, expr? default_value)
           | TypeVarTuple(identifier name, expr? default_value)
           attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)
`;

/** One field of a node class: its name, ASDL type and whether it is optional (`?`) or a list (`*`). */
export interface NodeField {
  /** The field's name (`left`). */
  readonly name: string;
  /** The ASDL type (`expr`, `identifier`, `int`, `constant`, …). */
  readonly type: string;
  /** `?`: None when absent. */
  readonly optional: boolean;
  /** `*`: a list. */
  readonly sequence: boolean;
}

/** One node class: its base (`AST` for the abstract classes), fields, position attributes, doc. */
export interface NodeClass {
  /** The class name (`BinOp`). */
  readonly name: string;
  /** The base class name (`expr`, or `AST`). */
  readonly base: string;
  /** `_fields` with their types, in order. */
  readonly fields: readonly NodeField[];
  /** `_attributes` with their types. */
  readonly attributes: readonly NodeField[];
  /** `__doc__`: the class's line of the grammar (a sum type's whole definition). */
  readonly doc: string;
  /** A sum type's class (`expr`): only its constructors are instantiated, it has no `_field_types`. */
  readonly abstract: boolean;
}

const BUILTIN_TYPES: Readonly<Record<string, string>> = {
  identifier: "str",
  string: "str",
  int: "int",
  constant: "object",
};

function parseFields(text: string): NodeField[] {
  if (text.trim() === "") return [];
  return text.split(",").map((part) => {
    const [typeText = "", name = ""] = part.trim().split(/\s+/);
    const optional = typeText.endsWith("?");
    const sequence = typeText.endsWith("*");
    return { name, type: typeText.replace(/[?*]$/, ""), optional, sequence };
  });
}

/** `A(int x) | B` split at the top-level bars. */
function constructors(text: string): Array<{ name: string; fields: NodeField[]; doc: string }> {
  const result: Array<{ name: string; fields: NodeField[]; doc: string }> = [];
  for (const part of text.split(/\s*\|\s*/)) {
    const match = /^(\w+)(?:\((.*)\))?$/.exec(part.trim());
    if (match === null) throw new Error(`bad ASDL constructor: ${part}`);
    result.push({ name: match[1]!, fields: parseFields(match[2] ?? ""), doc: part.trim() });
  }
  return result;
}

/**
 * Every node class of the grammar, abstract classes before their subclasses.
 *
 * @example
 * ```ts
 * nodeClasses().find((node) => node.name === "BinOp")?.base; // "expr"
 * ```
 */
export function nodeClasses(): NodeClass[] {
  const classes: NodeClass[] = [];
  for (const block of GRAMMAR.trim().split(/\n\s*\n/)) {
    const attributeMatch = /\n\s*attributes \((.*)\)\s*$/.exec(block);
    const attributes = attributeMatch === null ? [] : parseFields(attributeMatch[1]!);
    const definition = (attributeMatch === null ? block : block.slice(0, attributeMatch.index))
      .replace(/\n\s*/g, " ")
      .trim();
    const sum = /^(\w+) = (.*)$/.exec(definition);
    const docLines = (
      attributeMatch === null ? block : block.slice(0, attributeMatch.index)
    ).trim();
    if (sum === null) {
      const [product] = constructors(definition);
      classes.push({ ...product!, base: "AST", attributes, abstract: false });
      continue;
    }
    classes.push({
      name: sum[1]!,
      base: "AST",
      fields: [],
      attributes,
      doc: docLines,
      abstract: true,
    });
    for (const variant of constructors(sum[2]!))
      classes.push({ ...variant, base: sum[1]!, attributes, abstract: false });
  }
  return classes;
}

/** Python's spelling of a field's `_field_types` entry (`list[expr]`, `expr | None`). */
function fieldTypeSource(field: NodeField): string {
  const type = BUILTIN_TYPES[field.type] ?? field.type;
  if (field.sequence) return `list[${type}]`;
  return field.optional ? `${type} | None` : type;
}

const pythonTuple = (names: readonly string[]): string =>
  names.length === 0 ? "()" : `(${names.map((name) => `'${name}'`).join(", ")},)`;

/**
 * The Python source defining every node class on top of a base class `AST` already defined:
 * `_fields`, `__match_args__`, `_attributes`, `__doc__`, class-level None for optional fields
 * and attributes (CPython 3.13 gives them so), and `_field_types` once every class exists.
 *
 * @example
 * ```ts
 * const source = nodeClassesSource(); // "class mod(AST):\n    __doc__ = ..."
 * ```
 */
export function nodeClassesSource(): string {
  const lines: string[] = [];
  const fieldTypes: string[] = [];
  for (const node of nodeClasses()) {
    const names = node.fields.map((field) => field.name);
    lines.push(`class ${node.name}(${node.base}):`);
    lines.push(`    __doc__ = ${JSON.stringify(node.doc)}`);
    lines.push(`    _fields = ${pythonTuple(names)}`);
    lines.push(`    __match_args__ = ${pythonTuple(names)}`);
    lines.push(`    _attributes = ${pythonTuple(node.attributes.map((field) => field.name))}`);
    for (const field of [...node.fields, ...node.attributes])
      if (field.optional) lines.push(`    ${field.name} = None`);
    lines.push("");
    if (node.abstract) continue;
    const entries = node.fields.map((field) => `'${field.name}': ${fieldTypeSource(field)}`);
    fieldTypes.push(`${node.name}._field_types = {${entries.join(", ")}}`);
  }
  return `${lines.join("\n")}\n${fieldTypes.join("\n")}\n`;
}
