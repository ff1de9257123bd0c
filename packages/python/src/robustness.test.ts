import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PythonSyntaxError, parse } from "./index.js";
import { FRAGMENTS, mutate, mutationArbitrary } from "./test-support/fuzz-inputs.js";
import { VALID_SNIPPETS } from "./test-support/valid-snippets.js";

/**
 * Parse and classify: an AST, or a PythonSyntaxError — anything else fails the test. Fuzz inputs
 * are tiny, so one parse taking a second means a hang, not a slow machine.
 */
function parseOrSyntaxError(
  source: string,
  budgetMilliseconds = Number.POSITIVE_INFINITY,
): "ast" | "syntax-error" {
  const started = performance.now();
  try {
    parse(source);
    return "ast";
  } catch (error) {
    if (error instanceof PythonSyntaxError) {
      // CPython's compile limits (too complex to parse or compile) carry no location.
      const limit = error.kind === "MemoryError" || error.kind === "RecursionError";
      if (limit) expect(error.lineno).toBe(0);
      else expect(error.lineno).toBeGreaterThanOrEqual(1);
      expect([
        "SyntaxError",
        "IndentationError",
        "TabError",
        "MemoryError",
        "RecursionError",
      ]).toContain(error.kind);
      return "syntax-error";
    }
    throw error;
  } finally {
    expect(performance.now() - started).toBeLessThan(budgetMilliseconds);
  }
}

const DEPTH = 100_000;

describe("deep input never overflows the JS stack", () => {
  const cases: Record<string, string> = {
    "nested parentheses": `${"(".repeat(DEPTH)}1${")".repeat(DEPTH)}`,
    "unclosed brackets": "[".repeat(DEPTH),
    "unary minus": `${"-".repeat(DEPTH)}1`,
    "not chain": `${"not ".repeat(DEPTH)}x`,
    "power chain": `${"x**".repeat(DEPTH)}1`,
    "lambda chain": `${"lambda: ".repeat(DEPTH)}1`,
    "conditional chain": `${"1 if 1 else ".repeat(DEPTH)}1`,
    "attribute chain": `x${".y".repeat(DEPTH)}`,
    "call chain": `f${"()".repeat(DEPTH)}`,
    "addition chain": `1${"+1".repeat(DEPTH)}`,
    "nested f-strings": `${"f'{".repeat(DEPTH)}1${"}'".repeat(DEPTH)}`,
    indentation: `${Array.from({ length: 1000 }, (_, depth) => `${" ".repeat(depth)}if x:\n`).join("")}${" ".repeat(1000)}pass\n`,
  };
  it.each(Object.entries(cases))("%s (100,000 deep)", (_, source) => {
    expect(parseOrSyntaxError(source)).toBe("syntax-error");
  });

  it("reports CPython's limits by name", () => {
    expect(() => parse(`${"(".repeat(201)}`)).toThrow(/too many nested parentheses/);
    const deep = Array.from({ length: 100 }, (_, depth) => `${" ".repeat(depth)}if x:\n`).join("");
    expect(() => parse(`${deep}${" ".repeat(100)}pass\n`)).toThrow(
      /too many levels of indentation/,
    );
    expect(() => parse(`${"f'{".repeat(150)}1${"}'".repeat(150)}`)).toThrow(
      /too many nested f-strings/,
    );
    expect(() => parse(`${"f'{".repeat(149)}1${"}'".repeat(149)}`)).not.toThrow();
  });

  it("accepts long flat programs", () => {
    expect(parse("x = 1\n".repeat(20_000)).body).toHaveLength(20_000);
    expect(parseOrSyntaxError(`x = [${"1, ".repeat(50_000)}]`)).toBe("ast");
  });
});

describe("fuzzing: parse returns an AST or throws PythonSyntaxError, nothing else", () => {
  it("random fragment soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), (fragments) => {
        parseOrSyntaxError(fragments.join(""), 1000);
      }),
      { numRuns: 1500, seed: 1234 },
    );
  });

  it("random unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (source) => {
        parseOrSyntaxError(source, 1000);
      }),
      { numRuns: 800, seed: 99 },
    );
  });

  it("valid snippets mutated by deleting, duplicating and swapping characters", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_SNIPPETS),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
        (snippet, mutations) => {
          parseOrSyntaxError(mutate(snippet, mutations, false), 1000);
        },
      ),
      { numRuns: 1500, seed: 42 },
    );
  });

  it("valid snippets mutated by deleting, duplicating and swapping tokens", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_SNIPPETS),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
        (snippet, mutations) => {
          parseOrSyntaxError(mutate(snippet, mutations, true), 1000);
        },
      ),
      { numRuns: 1500, seed: 7 },
    );
  });

  it("unmutated snippets all parse", () => {
    for (const snippet of VALID_SNIPPETS) expect(parseOrSyntaxError(snippet)).toBe("ast");
  });
});
