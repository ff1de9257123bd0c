import type * as Ast from "./ast.js";

const FUNCTION_FIELDS = [
  ["name", "name"],
  ["args", "args"],
  ["body", "body"],
  ["decorator_list", "decoratorList"],
  ["returns", "returns"],
  ["type_params", "typeParams"],
] as const;

const FOR_FIELDS = [
  ["target", "target"],
  ["iter", "iter"],
  ["body", "body"],
  ["orelse", "orelse"],
] as const;

const WITH_FIELDS = [
  ["items", "items"],
  ["body", "body"],
] as const;

const TRY_FIELDS = [
  ["body", "body"],
  ["handlers", "handlers"],
  ["orelse", "orelse"],
  ["finalbody", "finalbody"],
] as const;

/**
 * CPython's `_fields` for each node, as [python name, property name]; type comments, which
 * `ast.parse` leaves empty without `type_comments=True`, are left out — `ast.dump` omits them
 * too when empty.
 */
const FIELDS: Record<string, ReadonlyArray<readonly [string, string]>> = {
  Module: [["body", "body"]],
  FunctionDef: FUNCTION_FIELDS,
  AsyncFunctionDef: FUNCTION_FIELDS,
  ClassDef: [
    ["name", "name"],
    ["bases", "bases"],
    ["keywords", "keywords"],
    ["body", "body"],
    ["decorator_list", "decoratorList"],
    ["type_params", "typeParams"],
  ],
  TypeAlias: [
    ["name", "name"],
    ["type_params", "typeParams"],
    ["value", "value"],
  ],
  AnnAssign: [
    ["target", "target"],
    ["annotation", "annotation"],
    ["value", "value"],
    ["simple", "simple"],
  ],
  AsyncFor: FOR_FIELDS,
  With: WITH_FIELDS,
  AsyncWith: WITH_FIELDS,
  withitem: [
    ["context_expr", "contextExpr"],
    ["optional_vars", "optionalVars"],
  ],
  Match: [
    ["subject", "subject"],
    ["cases", "cases"],
  ],
  match_case: [
    ["pattern", "pattern"],
    ["guard", "guard"],
    ["body", "body"],
  ],
  MatchValue: [["value", "value"]],
  MatchSingleton: [["value", "value"]],
  MatchSequence: [["patterns", "patterns"]],
  MatchMapping: [
    ["keys", "keys"],
    ["patterns", "patterns"],
    ["rest", "rest"],
  ],
  MatchClass: [
    ["cls", "cls"],
    ["patterns", "patterns"],
    ["kwd_attrs", "kwdAttrs"],
    ["kwd_patterns", "kwdPatterns"],
  ],
  MatchStar: [["name", "name"]],
  MatchAs: [
    ["pattern", "pattern"],
    ["name", "name"],
  ],
  MatchOr: [["patterns", "patterns"]],
  TryStar: TRY_FIELDS,
  NamedExpr: [
    ["target", "target"],
    ["value", "value"],
  ],
  Await: [["value", "value"]],
  Yield: [["value", "value"]],
  YieldFrom: [["value", "value"]],
  TypeVar: [
    ["name", "name"],
    ["bound", "bound"],
    ["default_value", "defaultValue"],
  ],
  ParamSpec: [
    ["name", "name"],
    ["default_value", "defaultValue"],
  ],
  TypeVarTuple: [
    ["name", "name"],
    ["default_value", "defaultValue"],
  ],
  Return: [["value", "value"]],
  Delete: [["targets", "targets"]],
  Assign: [
    ["targets", "targets"],
    ["value", "value"],
  ],
  AugAssign: [
    ["target", "target"],
    ["op", "op"],
    ["value", "value"],
  ],
  For: FOR_FIELDS,
  While: [
    ["test", "test"],
    ["body", "body"],
    ["orelse", "orelse"],
  ],
  If: [
    ["test", "test"],
    ["body", "body"],
    ["orelse", "orelse"],
  ],
  Raise: [
    ["exc", "exc"],
    ["cause", "cause"],
  ],
  Try: TRY_FIELDS,
  Assert: [
    ["test", "test"],
    ["msg", "msg"],
  ],
  Import: [["names", "names"]],
  ImportFrom: [
    ["module", "module"],
    ["names", "names"],
    ["level", "level"],
  ],
  Global: [["names", "names"]],
  Nonlocal: [["names", "names"]],
  Expr: [["value", "value"]],
  Pass: [],
  Break: [],
  Continue: [],
  ExceptHandler: [
    ["type", "type"],
    ["name", "name"],
    ["body", "body"],
  ],
  arguments: [
    ["posonlyargs", "posonlyargs"],
    ["args", "args"],
    ["vararg", "vararg"],
    ["kwonlyargs", "kwonlyargs"],
    ["kw_defaults", "kwDefaults"],
    ["kwarg", "kwarg"],
    ["defaults", "defaults"],
  ],
  arg: [
    ["arg", "arg"],
    ["annotation", "annotation"],
  ],
  keyword: [
    ["arg", "arg"],
    ["value", "value"],
  ],
  alias: [
    ["name", "name"],
    ["asname", "asname"],
  ],
  BoolOp: [
    ["op", "op"],
    ["values", "values"],
  ],
  BinOp: [
    ["left", "left"],
    ["op", "op"],
    ["right", "right"],
  ],
  UnaryOp: [
    ["op", "op"],
    ["operand", "operand"],
  ],
  Lambda: [
    ["args", "args"],
    ["body", "body"],
  ],
  IfExp: [
    ["test", "test"],
    ["body", "body"],
    ["orelse", "orelse"],
  ],
  Dict: [
    ["keys", "keys"],
    ["values", "values"],
  ],
  Set: [["elts", "elts"]],
  ListComp: [
    ["elt", "elt"],
    ["generators", "generators"],
  ],
  SetComp: [
    ["elt", "elt"],
    ["generators", "generators"],
  ],
  DictComp: [
    ["key", "key"],
    ["value", "value"],
    ["generators", "generators"],
  ],
  GeneratorExp: [
    ["elt", "elt"],
    ["generators", "generators"],
  ],
  comprehension: [
    ["target", "target"],
    ["iter", "iter"],
    ["ifs", "ifs"],
    ["is_async", "isAsync"],
  ],
  Compare: [
    ["left", "left"],
    ["ops", "ops"],
    ["comparators", "comparators"],
  ],
  Call: [
    ["func", "func"],
    ["args", "args"],
    ["keywords", "keywords"],
  ],
  FormattedValue: [
    ["value", "value"],
    ["conversion", "conversion"],
    ["format_spec", "formatSpec"],
  ],
  JoinedStr: [["values", "values"]],
  Constant: [["value", "value"]],
  Attribute: [
    ["value", "value"],
    ["attr", "attr"],
    ["ctx", "ctx"],
  ],
  Subscript: [
    ["value", "value"],
    ["slice", "slice"],
    ["ctx", "ctx"],
  ],
  Starred: [
    ["value", "value"],
    ["ctx", "ctx"],
  ],
  Name: [
    ["id", "id"],
    ["ctx", "ctx"],
  ],
  List: [
    ["elts", "elts"],
    ["ctx", "ctx"],
  ],
  Tuple: [
    ["elts", "elts"],
    ["ctx", "ctx"],
  ],
  Slice: [
    ["lower", "lower"],
    ["upper", "upper"],
    ["step", "step"],
  ],
};

/** Fields whose string values are operator or context names, printed as `Add()` / `Load()`. */
const OPERATOR_FIELDS = new Set(["op", "ops", "ctx"]);
/** Fields CPython stores as ints 0/1 that the AST holds as booleans. */
const FLAG_FIELDS = new Set(["simple", "is_async"]);
/** Nodes whose `value=None` ast.dump prints rather than omits. */
const NONE_VALUED = new Set(["Constant", "MatchSingleton"]);

/** Characters `str.isprintable()` rejects (the space excepted), which repr escapes. */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/**
 * Python's `repr()` of a str.
 *
 * @example
 * ```ts
 * pythonStringRepr("it's"); // "\"it's\""
 * ```
 * @internal
 */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let result = quote;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (character === quote || character === "\\") result += `\\${character}`;
    else if (character === "\n") result += "\\n";
    else if (character === "\r") result += "\\r";
    else if (character === "\t") result += "\\t";
    else if (character !== " " && NON_PRINTABLE.test(character)) result += escapeCodePoint(code);
    else result += character;
  }
  return result + quote;
}

/** CPython: unicode_repr()'s escapes for non-printable characters. */
function escapeCodePoint(code: number): string {
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}

/**
 * Python's `repr()` of a bytes object.
 *
 * @example
 * ```ts
 * pythonBytesRepr(new Uint8Array([97, 0])); // "b'a\\x00'"
 * ```
 * @internal
 */
export function pythonBytesRepr(bytes: Uint8Array): string {
  // CPython: PyBytes_Repr().
  const hasSingle = bytes.includes(39);
  const quote = hasSingle && !bytes.includes(34) ? '"' : "'";
  let result = `b${quote}`;
  for (const byte of bytes) {
    const character = String.fromCharCode(byte);
    if (character === quote || byte === 92) result += `\\${character}`;
    else if (byte === 9) result += "\\t";
    else if (byte === 10) result += "\\n";
    else if (byte === 13) result += "\\r";
    else if (byte < 0x20 || byte >= 0x7f) result += `\\x${byte.toString(16).padStart(2, "0")}`;
    else result += character;
  }
  return result + quote;
}

/**
 * Python's `repr()` of a float: shortest round-trip digits, exponent form outside 1e-4…1e16.
 *
 * @example
 * ```ts
 * pythonFloatRepr(1e16); // "1e+16"
 * pythonFloatRepr(2); // "2.0"
 * ```
 * @internal
 */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  // CPython: float_repr() uses format code 'r': repr-style with exponent when exp < -4 or >= 16.
  const [mantissa = "", exponentText = "0"] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent >= -4 && exponent < 16) {
    let text: string;
    if (exponent < 0) text = `0.${"0".repeat(-exponent - 1)}${digits}`;
    else if (digits.length <= exponent + 1)
      text = `${digits}${"0".repeat(exponent + 1 - digits.length)}.0`;
    else text = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
    return sign + text;
  }
  const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const exponentSign = exponent < 0 ? "-" : "+";
  return `${sign}${body}e${exponentSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
}

function dumpConstant(node: Ast.Constant): string {
  switch (node.constantType) {
    case "None":
      return "None";
    case "Ellipsis":
      return "Ellipsis";
    case "bool":
      return node.value === true ? "True" : "False";
    case "int":
      return String(node.value);
    case "float":
      return pythonFloatRepr(node.value as number);
    case "complex": {
      // CPython: complex_repr() of a zero real part prints the imaginary part alone, `2j`.
      const imaginary = pythonFloatRepr(node.value as number);
      return `${imaginary.endsWith(".0") ? imaginary.slice(0, -2) : imaginary}j`;
    }
    case "str":
      return pythonStringRepr(node.value as string);
    case "bytes":
      return pythonBytesRepr(node.value as Uint8Array);
  }
}

/**
 * Options for {@link dumpAst}.
 *
 * @example
 * ```ts
 * dumpAst(parse("x"), { includeAttributes: true });
 * ```
 */
export interface DumpOptions {
  /**
   * Append `lineno`, `col_offset`, `end_lineno`, `end_col_offset` to every positioned node, like
   * `ast.dump(node, include_attributes=True)`.
   * @defaultValue false
   */
  includeAttributes: boolean;
  /**
   * The parsed source: when given, attribute columns are counted in UTF-8 bytes of their line,
   * as CPython counts them, instead of UTF-16 code units.
   * @defaultValue undefined (columns as stored in the AST)
   */
  source: string | undefined;
}

/**
 * Converts UTF-16 columns of `source` (newlines normalized to `\n`) to CPython's UTF-8 byte
 * columns.
 *
 * @example
 * ```ts
 * utf8Columns("é = 1")(1, 1); // 2
 * ```
 * @internal
 */
export function utf8Columns(source: string): (line: number, column: number) => number {
  const lineStarts = [0];
  for (let index = source.indexOf("\n"); index >= 0; index = source.indexOf("\n", index + 1))
    lineStarts.push(index + 1);
  return (line, column) => {
    const start = lineStarts[line - 1] ?? 0;
    let bytes = 0;
    for (let index = start; index < start + column; index++) {
      const code = source.charCodeAt(index);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if (code >= 0xd800 && code < 0xdc00) bytes += 4;
      else if (code >= 0xdc00 && code < 0xe000) bytes += 0;
      else bytes += 3;
    }
    return bytes;
  };
}

/**
 * Print an AST the way CPython 3.13's `ast.dump(node)` does (no indentation, `None` and
 * empty-list fields omitted), so shapes can be compared with CPython directly.
 *
 * Use it in tests and debugging; the output matches `ast.dump(ast.parse(source))`, with columns
 * counted in UTF-16 code units where CPython counts UTF-8 bytes (they agree on ASCII source;
 * see {@link DumpOptions.source} to count bytes).
 *
 * @example
 * ```ts
 * dumpAst(parse("x = 1"));
 * // "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])"
 * ```
 */
export function dumpAst(root: Ast.AstNode, options: Partial<DumpOptions> = {}): string {
  const includeAttributes = options.includeAttributes ?? false;
  const column =
    options.source === undefined
      ? (_line: number, value: number) => value
      : utf8Columns(options.source.replace(/\r\n?/g, "\n"));
  // Iterative: an explicit stack of output fragments, so deep trees cost no JS stack.
  type Work = { node: unknown; field: string } | { text: string };
  const output: string[] = [];
  const stack: Work[] = [{ node: root, field: "" }];
  while (stack.length > 0) {
    const work = stack.pop() as Work;
    if ("text" in work) {
      output.push(work.text);
      continue;
    }
    const { node, field } = work;
    if (Array.isArray(node)) {
      const pending: Work[] = [{ text: "[" }];
      node.forEach((item, index) => {
        if (index > 0) pending.push({ text: ", " });
        pending.push({ node: item, field });
      });
      pending.push({ text: "]" });
      for (let index = pending.length - 1; index >= 0; index--) stack.push(pending[index] as Work);
      continue;
    }
    if (node === null) {
      output.push("None");
      continue;
    }
    if (typeof node === "string") {
      output.push(OPERATOR_FIELDS.has(field) ? `${node}()` : pythonStringRepr(node));
      continue;
    }
    if (typeof node === "boolean") {
      output.push(FLAG_FIELDS.has(field) ? (node ? "1" : "0") : node ? "True" : "False");
      continue;
    }
    if (typeof node === "number") {
      output.push(String(node));
      continue;
    }
    const record = node as { kind: string } & Record<string, unknown>;
    const attributes =
      includeAttributes && "line" in record && record.kind !== "Module"
        ? `lineno=${record.line}, col_offset=${column(record.line as number, record.column as number)}, end_lineno=${record.endLine}, end_col_offset=${column(record.endLine as number, record.endColumn as number)}`
        : "";
    if (record.kind === "Constant") {
      const node = record as unknown as Ast.Constant;
      const constant = `value=${dumpConstant(node)}${node.unicodePrefix === true ? ", kind='u'" : ""}`;
      output.push(`Constant(${attributes === "" ? constant : `${constant}, ${attributes}`})`);
      continue;
    }
    const fields = FIELDS[record.kind] ?? [];
    const pending: Work[] = [{ text: `${record.kind}(` }];
    let first = true;
    for (const [pythonName, propertyName] of fields) {
      const value = record[propertyName];
      const omitted =
        value === undefined ||
        (value === null && !NONE_VALUED.has(record.kind)) ||
        (Array.isArray(value) && value.length === 0);
      if (omitted) continue;
      pending.push({ text: `${first ? "" : ", "}${pythonName}=` });
      pending.push({ node: value, field: pythonName });
      first = false;
    }
    if (attributes !== "") pending.push({ text: `${first ? "" : ", "}${attributes}` });
    pending.push({ text: ")" });
    for (let index = pending.length - 1; index >= 0; index--) stack.push(pending[index] as Work);
  }
  return output.join("");
}
