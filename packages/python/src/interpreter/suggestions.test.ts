import { describe, expect, it } from "vitest";
import { bestSuggestion, levenshteinDistance, MAX_CANDIDATE_ITEMS } from "./suggestions.js";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("levenshteinDistance (CPython: Python/suggestions.c)", () => {
  it("weighs an edit 2 and an ASCII case flip 1", () => {
    expect(levenshteinDistance(bytes("abc"), bytes("abc"), 10)).toBe(0);
    expect(levenshteinDistance(bytes("abc"), bytes("Abc"), 10)).toBe(1);
    expect(levenshteinDistance(bytes("abc"), bytes("abd"), 10)).toBe(2);
    expect(levenshteinDistance(bytes("abc"), bytes("ab"), 10)).toBe(2);
    expect(levenshteinDistance(bytes("items"), bytes("itmes"), 10)).toBe(4);
  });

  it("trims common affixes before the 40-byte limit applies", () => {
    const long = "x".repeat(45);
    expect(levenshteinDistance(bytes(`${long}a`), bytes(`${long}b`), 10)).toBe(2);
    expect(levenshteinDistance(bytes(`${"y".repeat(41)}a`), bytes(`${"z".repeat(41)}b`), 10)).toBe(
      11,
    );
  });

  it("gives up above the bound", () => {
    expect(levenshteinDistance(bytes("xa"), bytes("ybcdef"), 3)).toBe(4);
  });

  it("counts UTF-8 bytes, as CPython does", () => {
    expect(levenshteinDistance(bytes("e"), bytes("é"), 10)).toBe(4);
  });
});

describe("bestSuggestion (CPython: calculate_suggestions)", () => {
  it("finds the closest name within a third of the characters", () => {
    expect(bestSuggestion(["print", "property", "len"], "prnt")).toBe("print");
    expect(bestSuggestion(["lst"], "lts")).toBeUndefined();
    expect(bestSuggestion(["VALUE"], "value")).toBeUndefined();
    expect(bestSuggestion(["Value"], "value")).toBe("Value");
  });

  it("never suggests the wrong name itself and keeps the first of equals", () => {
    expect(bestSuggestion(["prnt"], "prnt")).toBeUndefined();
    expect(bestSuggestion(["ab", "ba", "xb"], "bb")).toBe("ab");
  });

  it("looks at fewer than 750 candidates only", () => {
    const names = Array.from({ length: MAX_CANDIDATE_ITEMS - 2 }, (_, i) => `a${i}`);
    expect(bestSuggestion([...names, "abcd"], "abce")).toBe("abcd");
    expect(bestSuggestion([...names, "a_", "abcd"], "abce")).toBeUndefined();
  });
});
