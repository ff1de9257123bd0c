import { describe, expect, it } from "vitest";
import { parse } from "../parser.js";
import { unparseAnnotation } from "./annotation-unparse.js";

/** The annotation of `x: <source>` unparsed. */
function unparsed(source: string): string | undefined {
  const statement = parse(`x: ${source}\n`).body[0]!;
  if (statement.kind !== "AnnAssign") throw new Error("not an annotated assignment");
  return unparseAnnotation(statement.annotation);
}

// Expected texts are what CPython 3.13 stores under `from __future__ import annotations`
// (checked with `PYENV_VERSION=3.13.0 python3`; the differential corpus checks more).
describe("unparseAnnotation", () => {
  it.each([
    ["dict[ str,int ]", "dict[str, int]"],
    ['"quoted"', "'quoted'"],
    ["tuple[int, ...]", "tuple[int, ...]"],
    ["tuple[()]", "tuple[()]"],
    ["tuple[int,]", "tuple[int,]"],
    ["a|b|None", "a | b | None"],
    ["-x**2", "-x ** 2"],
    ["(-x)**2", "(-x) ** 2"],
    ["(a+b)*c", "(a + b) * c"],
    ["a - (b - c)", "a - (b - c)"],
    ["2**3**4", "2 ** 3 ** 4"],
    ["(2**3)**4", "(2 ** 3) ** 4"],
    ["not a and b", "not a and b"],
    ["(a or b) and c", "(a or b) and c"],
    ["x if y else z", "x if y else z"],
    ["f(1, *a, k=2, **kw)", "f(1, *a, k=2, **kw)"],
    ["m[1:2, ::3]", "m[1:2, ::3]"],
    ["1 .real", "1 .real"],
    ["a < b <= c", "a < b <= c"],
    ["{1: 2, **d}", "{1: 2, **d}"],
    ["1.5e300", "1.5e+300"],
  ])("%s is written %s", (source, expected) => {
    expect(unparsed(source)).toBe(expected);
  });

  it("returns undefined for a form it does not write", () => {
    expect(unparsed("[x for x in y]")).toBeUndefined();
  });
});
