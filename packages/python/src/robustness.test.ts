import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PythonSyntaxError, parse } from "./index.js";
import { VALID_SNIPPETS } from "./test-support/valid-snippets.js";

/** Parse and classify: an AST, or a PythonSyntaxError — anything else fails the test. */
function parseOrSyntaxError(source: string): "ast" | "syntax-error" {
  try {
    parse(source);
    return "ast";
  } catch (error) {
    if (error instanceof PythonSyntaxError) {
      expect(error.lineno).toBeGreaterThanOrEqual(1);
      expect(["SyntaxError", "IndentationError", "TabError"]).toContain(error.kind);
      return "syntax-error";
    }
    throw error;
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
    "nested f-strings": `${"f'{".repeat(DEPTH / 10)}1${"}'".repeat(DEPTH / 10)}`,
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
  });

  it("accepts long flat programs", () => {
    expect(parse("x = 1\n".repeat(20_000)).body).toHaveLength(20_000);
    expect(parseOrSyntaxError(`x = [${"1, ".repeat(50_000)}]`)).toBe("ast");
  });
});

/** Pieces programs are made of, so random strings look enough like Python to reach the parser. */
const FRAGMENTS = [
  "x",
  "y",
  "f",
  "1",
  "2.5",
  "'s'",
  '"t"',
  "f'{x}'",
  "'''",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ":",
  ",",
  ".",
  "=",
  "==",
  "+",
  "-",
  "*",
  "**",
  "/",
  "//",
  "%",
  "<",
  "not",
  "in",
  "is",
  "and",
  "or",
  "if",
  "else",
  "elif",
  "for",
  "while",
  "def",
  "class",
  "return",
  "lambda",
  "try",
  "except",
  "finally",
  "raise",
  "del",
  "pass",
  "break",
  "global",
  "nonlocal",
  "import",
  "from",
  "as",
  "\n",
  "    ",
  "\t",
  " ",
  "\\",
  "#",
  "!",
  "@",
  "$",
  "é",
  "\r",
  "\f",
  "0x",
  "_",
  "{x!r}",
  "{{",
  "}}",
  "j",
  "e",
];

type Mutation = {
  type: "delete" | "duplicate" | "swap";
  at: number;
  length: number;
  other: number;
};

function mutate(source: string, mutations: Mutation[], byToken: boolean): string {
  let units: string[] = byToken
    ? source.split(/(\s+|[()[\]{}:,.=+\-*/])/).filter((unit) => unit !== "")
    : [...source];
  for (const mutation of mutations) {
    if (units.length === 0) break;
    const at = mutation.at % units.length;
    const length = Math.min(mutation.length, units.length - at);
    const other = mutation.other % units.length;
    if (mutation.type === "delete") units.splice(at, length);
    else if (mutation.type === "duplicate") units.splice(at, 0, ...units.slice(at, at + length));
    else {
      const swapped = units[at] as string;
      units[at] = units[other] as string;
      units[other] = swapped;
    }
    units = units.slice(0, 5000);
  }
  return units.join("");
}

const mutationArbitrary = fc.record({
  type: fc.constantFrom("delete" as const, "duplicate" as const, "swap" as const),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 8 }),
  other: fc.nat(),
});

describe("fuzzing: parse returns an AST or throws PythonSyntaxError, nothing else", () => {
  it("random fragment soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), (fragments) => {
        parseOrSyntaxError(fragments.join(""));
      }),
      { numRuns: 1500, seed: 1234 },
    );
  });

  it("random unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (source) => {
        parseOrSyntaxError(source);
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
          parseOrSyntaxError(mutate(snippet, mutations, false));
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
          parseOrSyntaxError(mutate(snippet, mutations, true));
        },
      ),
      { numRuns: 1500, seed: 7 },
    );
  });

  it("unmutated snippets all parse", () => {
    for (const snippet of VALID_SNIPPETS) expect(parseOrSyntaxError(snippet)).toBe("ast");
  });
});
