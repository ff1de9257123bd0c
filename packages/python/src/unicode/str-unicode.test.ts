import { describe, expect, it } from "vitest";
import { cpython, runCPython } from "../test-support/cpython.js";
import {
  convertCase,
  type StrCaseConversion,
  type StrPredicate,
  strPredicate,
} from "./str-unicode.js";

/**
 * Issue 12/13: `str`'s predicates and case conversions against CPython 3.13 on every code point
 * of the planes Unicode 15.1 assigns characters in (0–3 and 14's tags and variation selectors;
 * the rest is unassigned or private use in both): predicates as ranges of code points where they
 * hold, conversions wherever a character is not its own image. Then on mixed strings where
 * context matters (final sigma, title case).
 */
const CODE_POINTS = [
  ...Array.from({ length: 0x40000 }, (_unused, code) => code),
  ...Array.from({ length: 0x200 }, (_unused, offset) => 0xe0000 + offset),
];
const PREDICATES: readonly StrPredicate[] = [
  "isalpha",
  "isdecimal",
  "isdigit",
  "isnumeric",
  "isspace",
  "isalnum",
  "isprintable",
  "isidentifier",
  "isupper",
  "islower",
  "istitle",
];
const CONVERSIONS: readonly StrCaseConversion[] = [
  "upper",
  "lower",
  "casefold",
  "title",
  "capitalize",
  "swapcase",
];

const EVERY_CODE_POINT = `
import json, sys
predicates, conversions, codes = json.load(sys.stdin)
ranges = {}
for name in predicates:
    found = []
    for code in codes:
        if getattr(chr(code), name)():
            if found and found[-1][1] == code - 1:
                found[-1][1] = code
            else:
                found.append([code, code])
    ranges[name] = found
images = {}
for name in conversions:
    images[name] = {str(code): getattr(chr(code), name)() for code in codes
                    if not 0xD800 <= code < 0xE000 and getattr(chr(code), name)() != chr(code)}
print(json.dumps([ranges, images]))
`;

const ON_STRINGS = `
import json, sys
texts, predicates, conversions = json.load(sys.stdin)
print(json.dumps([[getattr(t, n)() for n in predicates] + [getattr(t, n)() for n in conversions] for t in texts]))
`;

/** Characters whose case or class depends on context or differs between Unicode versions. */
const INTERESTING =
  "ΣσςΑαΌόἈᾈᾀİıiIßẞﬁǅǄǆ\u0345\u0307\u0301\u00ad'.:1 \u1c89\u1c8a\u2c2f\ua7cb\ua7cd\u{1e030}ǰŉΐ\u{10400}\u{10428}Ꭰꭰ";

function sampleTexts(): string[] {
  const characters = [...INTERESTING];
  const texts: string[] = [...characters];
  // A fixed linear congruential sequence: the same mixed strings every run.
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  for (let count = 0; count < 3000; count++) {
    let text = "";
    const length = 1 + (next() % 6);
    for (let index = 0; index < length; index++) text += characters[next() % characters.length];
    texts.push(text);
  }
  return texts;
}

describe.skipIf(!cpython.available)(
  `str predicates and case conversions equal CPython 3.13's${cpython.available ? "" : ` (skipped: ${cpython.reason})`}`,
  () => {
    it("on every assigned plane's code points", () => {
      const [ranges, images] = runCPython<
        [Record<string, [number, number][]>, Record<string, Record<string, string>>]
      >(EVERY_CODE_POINT, [PREDICATES, CONVERSIONS, CODE_POINTS]);
      const mismatches: string[] = [];
      for (const predicate of PREDICATES) {
        const expected = new Uint8Array(0x110000);
        for (const [first, last] of ranges[predicate] ?? []) expected.fill(1, first, last + 1);
        for (const code of CODE_POINTS)
          if (strPredicate(predicate, String.fromCodePoint(code)) !== (expected[code] === 1))
            mismatches.push(`${predicate} U+${code.toString(16)}`);
      }
      for (const conversion of CONVERSIONS) {
        const expected = images[conversion] ?? {};
        for (const code of CODE_POINTS) {
          if (code >= 0xd800 && code < 0xe000) continue;
          const character = String.fromCodePoint(code);
          if (convertCase(conversion, character) !== (expected[code] ?? character))
            mismatches.push(`${conversion} U+${code.toString(16)}`);
        }
      }
      expect(mismatches.slice(0, 20)).toEqual([]);
    }, 120_000);

    it("on mixed strings (final sigma, title case, special casing)", () => {
      const texts = sampleTexts();
      const expected = runCPython<(boolean | string)[][]>(ON_STRINGS, [
        texts,
        PREDICATES,
        CONVERSIONS,
      ]);
      const mismatches: string[] = [];
      texts.forEach((text, index) => {
        const ours = [
          ...PREDICATES.map((predicate) => strPredicate(predicate, text)),
          ...CONVERSIONS.map((conversion) => convertCase(conversion, text)),
        ];
        if (JSON.stringify(ours) !== JSON.stringify(expected[index]))
          mismatches.push(
            `${JSON.stringify(text)}: ${JSON.stringify(ours)} != ${JSON.stringify(expected[index])}`,
          );
      });
      expect(mismatches.slice(0, 10)).toEqual([]);
    });
  },
);
