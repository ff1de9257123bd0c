import { describe, expect, it } from "vitest";
import type { Assign, Constant, ExpressionStatement as Expr, FunctionDef, Module } from "./ast.js";
import { dumpAst, pythonFloatRepr, pythonStringRepr } from "./dump.js";
import { formatSyntaxError, PythonSyntaxError, parse } from "./index.js";
import { cpython, runCPython } from "./test-support/cpython.js";
import { VALID_SNIPPETS } from "./test-support/valid-snippets.js";

const DUMP_ALL = `
import ast, json, sys
sources = json.load(sys.stdin)
print(json.dumps([[ast.dump(ast.parse(s)), ast.dump(ast.parse(s), include_attributes=True)] for s in sources]))
`;

const title = cpython.available
  ? "AST shapes match CPython 3.13's ast.dump"
  : `AST shapes match CPython 3.13's ast.dump (SKIPPED: ${cpython.reason})`;

describe.skipIf(!cpython.available)(title, () => {
  it("dumps every valid snippet exactly as ast.dump(ast.parse(source))", () => {
    const expected = runCPython<[string, string][]>(DUMP_ALL, VALID_SNIPPETS);
    VALID_SNIPPETS.forEach((source, index) => {
      expect({ source, dump: dumpAst(parse(source)) }).toEqual({
        source,
        dump: expected[index]?.[0],
      });
    });
  });

  it("gives every node the same lineno, col_offset, end_lineno, end_col_offset", () => {
    const expected = runCPython<[string, string][]>(DUMP_ALL, VALID_SNIPPETS);
    VALID_SNIPPETS.forEach((source, index) => {
      const dump = dumpAst(parse(source), { includeAttributes: true });
      expect({ source, dump }).toEqual({ source, dump: expected[index]?.[1] });
    });
  });
});

function firstStatement<T>(source: string): T {
  return parse(source).body[0] as T;
}

describe("parse", () => {
  it("gives every node 1-based lines and 0-based columns like CPython", () => {
    const statement = firstStatement<Assign>("x = foo(1,\n  bar)");
    expect(statement).toMatchObject({ line: 1, column: 0, endLine: 2, endColumn: 6 });
    expect(statement.value).toMatchObject({
      kind: "Call",
      line: 1,
      column: 4,
      endLine: 2,
      endColumn: 6,
    });
    expect(statement.targets[0]).toMatchObject({
      kind: "Name",
      id: "x",
      ctx: "Store",
      line: 1,
      column: 0,
      endColumn: 1,
    });
  });

  it("tells int from float constants", () => {
    const value = firstStatement<Expr>("1.0").value as Constant;
    expect(value).toMatchObject({ constantType: "float", value: 1 });
    expect((firstStatement<Expr>("1").value as Constant).constantType).toBe("int");
    expect((firstStatement<Expr>("9007199254740991").value as Constant).value).toBe(2 ** 53 - 1);
  });

  it("keeps chained assignment targets in order", () => {
    const statement = firstStatement<Assign>("a = b = c = 1");
    expect(statement.targets.map((target) => (target.kind === "Name" ? target.id : ""))).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("concatenates adjacent strings and decodes escapes", () => {
    expect(
      firstStatement<Expr>("'a' \"b\" '''c''' r'\\n' '\\x41\\u00e9\\101'").value,
    ).toMatchObject({
      kind: "Constant",
      value: "abc\\nAé" + "A",
    });
  });

  it("parses the function body and defaults", () => {
    const definition = firstStatement<FunctionDef>("def f(a, b=2):\n    return a\n");
    expect(definition.args.args.map((arg) => arg.arg)).toEqual(["a", "b"]);
    expect(definition.args.defaults).toHaveLength(1);
    expect(definition.body[0]?.kind).toBe("Return");
  });

  it("accepts CRLF line endings and no final newline", () => {
    const module: Module = parse("if x:\r\n    y = 1\r\nz = 2");
    expect(module.body.map((statement) => statement.kind)).toEqual(["If", "Assign"]);
  });

  it("accepts 200 nested parentheses and 99 indentation levels (CPython's limits)", () => {
    expect(() => parse(`${"(".repeat(200)}1${")".repeat(200)}`)).not.toThrow();
    const deep = Array.from({ length: 99 }, (_, depth) => `${" ".repeat(depth)}if x:\n`).join("");
    expect(() => parse(`${deep}${" ".repeat(99)}pass\n`)).not.toThrow();
  });

  it("can skip the compile-time scope checks", () => {
    expect(() => parse("return 1")).toThrow(PythonSyntaxError);
    expect(parse("return 1", { checkScopes: false }).body[0]?.kind).toBe("Return");
  });
});

describe("dumpAst helpers", () => {
  it("prints floats like Python's repr", () => {
    expect([1, 1.5, 1e16, 1e-5, 0.0001, 123456789.125, -2.5, 1e300].map(pythonFloatRepr)).toEqual([
      "1.0",
      "1.5",
      "1e+16",
      "1e-05",
      "0.0001",
      "123456789.125",
      "-2.5",
      "1e+300",
    ]);
  });

  it("prints strings like Python's repr", () => {
    expect(pythonStringRepr("it's")).toBe(`"it's"`);
    expect(pythonStringRepr("a\nb'\"\\")).toBe(`'a\\nb\\'"\\\\'`);
  });
});

describe("formatSyntaxError", () => {
  it("prints CPython's shape, with carets over the error range", () => {
    let text = "";
    try {
      parse("x = [1 2]");
    } catch (error) {
      if (error instanceof PythonSyntaxError) text = formatSyntaxError(error, "demo.py");
    }
    expect(text).toBe(
      '  File "demo.py", line 1\n    x = [1 2]\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?',
    );
  });

  it("omits the source line when there is none", () => {
    expect(() => parse("x = '\0'")).toThrow(PythonSyntaxError);
    try {
      parse("\0");
    } catch (error) {
      if (!(error instanceof PythonSyntaxError)) throw error;
      expect(formatSyntaxError(error)).toBe(
        '  File "<string>", line 1\nSyntaxError: source code string cannot contain null bytes',
      );
    }
  });
});
