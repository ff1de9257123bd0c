import type * as Ast from "./ast.js";

/**
 * CPython's `_fields` for each node, as [python name, property name]; fields CPython has and
 * the subset never fills (decorators, annotations, type comments) are left out — `ast.dump`
 * omits them too when empty.
 */
const FIELDS: Record<string, ReadonlyArray<readonly [string, string]>> = {
  Module: [["body", "body"]],
  FunctionDef: [
    ["name", "name"],
    ["args", "args"],
    ["body", "body"],
  ],
  ClassDef: [
    ["name", "name"],
    ["bases", "bases"],
    ["body", "body"],
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
  For: [
    ["target", "target"],
    ["iter", "iter"],
    ["body", "body"],
    ["orelse", "orelse"],
  ],
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
  Try: [
    ["body", "body"],
    ["handlers", "handlers"],
    ["orelse", "orelse"],
    ["finalbody", "finalbody"],
  ],
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
    ["args", "args"],
    ["vararg", "vararg"],
    ["kwarg", "kwarg"],
    ["defaults", "defaults"],
  ],
  arg: [["arg", "arg"]],
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
    else if (code < 0x20 || code === 0x7f) result += `\\x${code.toString(16).padStart(2, "0")}`;
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
    case "bool":
      return node.value === true ? "True" : "False";
    case "int":
      return String(node.value);
    case "float":
      return pythonFloatRepr(node.value as number);
    case "complex": // repr(2j): the imaginary part without a trailing ".0"
      return `${pythonFloatRepr(node.value as number).replace(/\.0$/, "")}j`;
    case "str":
      return pythonStringRepr(node.value as string);
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
}

/**
 * Print an AST the way CPython 3.13's `ast.dump(node)` does (no indentation, `None` and
 * empty-list fields omitted), so shapes can be compared with CPython directly.
 *
 * Use it in tests and debugging; the output for the subset matches
 * `ast.dump(ast.parse(source))` except for the `kind='u'` flag of `u''` strings.
 *
 * @example
 * ```ts
 * dumpAst(parse("x = 1"));
 * // "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])"
 * ```
 */
export function dumpAst(root: Ast.AstNode, options: Partial<DumpOptions> = {}): string {
  const includeAttributes = options.includeAttributes ?? false;
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
    if (typeof node === "number" || typeof node === "boolean") {
      output.push(String(node));
      continue;
    }
    const record = node as { kind: string } & Record<string, unknown>;
    const attributes =
      includeAttributes && "line" in record && record.kind !== "Module"
        ? `lineno=${record.line}, col_offset=${record.column}, end_lineno=${record.endLine}, end_col_offset=${record.endColumn}`
        : "";
    if (record.kind === "Constant") {
      const constant = `value=${dumpConstant(record as unknown as Ast.Constant)}`;
      output.push(`Constant(${attributes === "" ? constant : `${constant}, ${attributes}`})`);
      continue;
    }
    const fields = FIELDS[record.kind] ?? [];
    const pending: Work[] = [{ text: `${record.kind}(` }];
    let first = true;
    for (const [pythonName, propertyName] of fields) {
      let value = record[propertyName];
      if (propertyName === "isAsync") value = 0;
      if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
        continue;
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
