import { describe, expect, it } from "vitest";
import { parse } from "./parser.js";
import { syntaxTreeFromJson, syntaxTreeToJson } from "./syntax-tree-json.js";

describe("syntaxTreeToJson / syntaxTreeFromJson", () => {
  it("give back the parsed tree, constants JSON cannot hold included", () => {
    const source = [
      "big = 10 ** 40 + 123456789012345678901234567890",
      "raw = b'\\x00\\x7f\\x80\\x9f\\xff' + b''",
      "wide = 1e999, 1e999j, -1e999, 0.0, -0.0",
      "def f(x: int = 2 ** 64) -> 'str':",
      "    return f'{x!r:>{10}}'",
      "text = 'caf\\u00e9 \\U0001f600 \\ud800'",
    ].join("\n");
    const tree = parse(source);
    expect(syntaxTreeFromJson(syntaxTreeToJson(tree))).toStrictEqual(tree);
  });

  it("answers undefined for text it did not write", () => {
    const text = syntaxTreeToJson(parse("x = 1\n"));
    expect(syntaxTreeFromJson(text.slice(0, text.length >> 1))).toBeUndefined();
    expect(syntaxTreeFromJson(text.replace('"format":1', '"format":0'))).toBeUndefined();
    expect(syntaxTreeFromJson("null")).toBeUndefined();
    expect(syntaxTreeFromJson('{"format":1,"specials":[],"tree":{"kind":"Expr"}}')).toBeUndefined();
  });

  it("writes a deep tree without using the JavaScript stack", () => {
    const tree = parse(`x = ${"-".repeat(150)}1\n`);
    expect(syntaxTreeFromJson(syntaxTreeToJson(tree))).toStrictEqual(tree);
  });
});
