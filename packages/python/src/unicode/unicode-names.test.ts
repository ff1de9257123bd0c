import { describe, expect, it } from "vitest";
import { cpython, runCPython } from "../test-support/cpython.js";
import { characterName, lookupCharacter } from "./unicode-names.js";

describe("Unicode character names", () => {
  it("round-trip: every named code point is found again by its name", () => {
    const failures: string[] = [];
    let named = 0;
    for (let code = 0; code < 0x110000; code++) {
      const name = characterName(code);
      if (name === null) continue;
      named++;
      if (lookupCharacter(name, false) !== String.fromCodePoint(code)) failures.push(name);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // CPython 3.13 (Unicode 15.1) names this many code points.
    expect(named).toBe(143_668);
    expect(lookupCharacter("latin small letter sharp s", false)).toBe("ß");
  });

  it.skipIf(!cpython.available)(
    `lookup agrees with CPython 3.13 on aliases, sequences and near misses${cpython.available ? "" : ` (skipped: ${cpython.reason})`}`,
    () => {
      const names = [
        "LF",
        "NBSP",
        "BYTE ORDER MARK",
        "LATIN CAPITAL LETTER GHA",
        "KANNADA LETTER LLLA",
        "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
        "TAMIL SYLLABLE KSSA",
        "hangul syllable gag",
        "HANGUL SYLLABLE GAG",
        "CJK UNIFIED IDEOGRAPH-04E00",
        "CJK UNIFIED IDEOGRAPH-4e00",
        "cjk compatibility ideograph-f900",
        "CJK COMPATIBILITY IDEOGRAPH-0F900",
        "TANGUT IDEOGRAPH-17000",
        "VARIATION SELECTOR-17",
        "NOT A NAME",
      ];
      const expected = runCPython<(string | null)[]>(
        "import json, sys, unicodedata\n" +
          "def find(name):\n    try:\n        return unicodedata.lookup(name)\n    except KeyError:\n        return None\n" +
          "print(json.dumps([find(name) for name in json.load(sys.stdin)]))",
        names,
      );
      expect(names.map((name) => lookupCharacter(name, true))).toEqual(expected);
    },
  );
});
