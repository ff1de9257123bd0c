import { describe, expect, it } from "vitest";
import { parse } from "../parser.js";
import { analyzeModule } from "./scope-analysis.js";

describe("scope analysis", () => {
  it("walks 100,000 module-level names in linear time (issue 11, item 5: it searched arrays)", () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `name${i}`);
    const module = parse(`${names.map((name, i) => `${name} = ${i}`).join("\n")}\n`);
    const started = performance.now();
    const scope = analyzeModule(module);
    const seconds = (performance.now() - started) / 1000;
    expect(scope.bound.size).toBe(100_000);
    expect([...scope.seen].slice(0, 2)).toEqual(["name0", "name1"]);
    // Quadratic array searches took about 40 s here; sets take milliseconds.
    expect(seconds).toBeLessThan(2);
  }, 60_000);

  it("a function with 5,000 locals orders them as CPython's co_varnames", () => {
    const names = Array.from({ length: 5_000 }, (_, i) => `v${i}`);
    const module = parse(`def f(a, b):\n${names.map((name) => `    ${name} = a`).join("\n")}\n`);
    const scope = analyzeModule(module);
    const locals = scope.children[0]!.locals;
    expect(locals.length).toBe(5_002);
    expect(locals.slice(0, 4)).toEqual(["a", "b", "v0", "v1"]);
  }, 60_000);

  it("a lambda inside an inlined comprehension captures the comprehension's variable (PEP 709)", () => {
    const scope = analyzeModule(
      parse("def f(x):\n    return [lambda: x + y for y in range(3)], [z for z in x]\n"),
    );
    const f = scope.children[0]!;
    const lambda = f.children[0]!;
    // `y` is the comprehension's (a cell of f's hidden slot), `x` f's own parameter.
    expect([...lambda.frees].sort()).toEqual(["x", "y"]);
    expect([...f.capturedHidden]).toEqual(["y"]);
    expect([...f.cells]).toEqual(["x"]);
    expect(f.locals).not.toContain("y");
  });
});
