import { describe, expect, it } from "vitest";
import { Interpreter } from "./interpreter.js";

/**
 * Issue 11, item 7: expressions as deep as CPython 3.13 compiles run without JavaScript recursion
 * (a chain of 9,996 binary operators), and deeper ones fail as CPython's compiler and parser do:
 * `RecursionError` / `MemoryError`, no location.
 */
function run(source: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const interpreter = new Interpreter({
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
  });
  const result = interpreter.run(source, "deep.py");
  interpreter.runtime.verify();
  interpreter.dispose();
  return { result, stdout: stdout.join(""), stderr: stderr.join("") };
}

const chain = (terms: number, term = "1", op = "+") => Array(terms).fill(term).join(op);

describe("deep expressions (issue 11, item 7)", () => {
  it("a 9,996-operator chain compiles and runs at module level, as in CPython", () => {
    const { result, stdout } = run(`x = ${chain(9997)}\nprint(x)\n`);
    expect(result.ok).toBe(true);
    expect(stdout).toBe("9997\n");
  }, 60_000);

  it("long chains run in functions, generators, lambdas, comprehensions and class bodies", () => {
    const long = chain(9900);
    const source = [
      `def f():\n    return ${long}`,
      `def g():\n    yield ${long}`,
      `class C:\n    x = ${long}`,
      `print(f(), list(g()), (lambda: ${long})(), [${long} for i in range(2)], C.x)`,
      `print(${chain(3000, "2", " * 1 - 1 + ")})`,
      "",
    ].join("\n");
    const { result, stdout } = run(source);
    expect(result.ok).toBe(true);
    expect(stdout).toBe("9900 [9900] 9900 [9900, 9900] 9900\n3001\n");
  }, 60_000);

  it("evaluates a chain left to right, stopping at the first error with its traceback", () => {
    const source = `def t(n):\n    print(n)\n    return n\nx = t(1) + t(2) - t(3) + ${chain(3000, "t(0)", " + ")} + None\n`;
    const { result, stdout, stderr } = run(source);
    expect(result.error?.typeName).toBe("TypeError");
    expect(stdout.startsWith("1\n2\n3\n0\n")).toBe(true);
    expect(stdout.split("\n").length).toBe(3004);
    expect(stderr).toMatch(
      /TypeError: unsupported operand type\(s\) for \+: 'int' and 'NoneType'\n$/,
    );
  }, 60_000);

  it("deeper than CPython's compiler goes: RecursionError during compilation, no location", () => {
    const { result, stderr } = run(`x = ${chain(10_001)}\n`);
    expect(result.error?.typeName).toBe("RecursionError");
    expect(stderr).toBe("RecursionError: maximum recursion depth exceeded during compilation\n");
  }, 60_000);

  it("more nesting than CPython's parser stack: MemoryError, no location", () => {
    const { result, stderr } = run(`x = ${"-".repeat(100_000)}1\n`);
    expect(result.error?.typeName).toBe("MemoryError");
    expect(stderr).toBe(
      "MemoryError: Parser stack overflowed - Python source too complex to parse\n",
    );
  }, 60_000);
});
