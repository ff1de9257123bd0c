import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPython } from "./run-python.js";

/** Random context operations and CPython 3.13's results (fixtures/generate-decimal-fixture.py). */
const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/decimal-cpython313.json", import.meta.url), "utf8"),
) as { cases: unknown[]; expected: string[] };

const casesScript = readFileSync(new URL("./fixtures/decimal-cases.py", import.meta.url), "utf8");

describe("decimal: random context operations equal CPython 3.13's (libmpdec)", () => {
  // The cases as a Python literal: JSON's lists, strings and ints read the same in Python.
  const run = runPython(
    casesScript.replace("CASES = []", `CASES = ${JSON.stringify(fixture.cases)}`),
  );
  const produced = run.stdout.split("\n").slice(0, -1);
  run.interpreter.dispose();

  it("runs every case", () => {
    expect(run.stderr).toBe("");
    expect(produced.length).toBe(fixture.expected.length);
  });

  it("gives CPython's result and flags for every case", () => {
    const differing = produced
      .map((line, index) => ({
        case: fixture.cases[index],
        pymem: line,
        cpython: fixture.expected[index],
      }))
      .filter((entry) => entry.pymem !== entry.cpython);
    expect(differing).toEqual([]);
  });
});
