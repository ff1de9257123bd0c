import { describe, expect, it } from "vitest";
import { PYTHON_WHITESPACE_CLASS, stripWhitespace } from "./python-whitespace.js";
import { hasUnicodeFlag, UnicodeFlag } from "./unicode-database.js";

describe("Python whitespace", () => {
  it("is exactly the code points CPython's str.isspace() accepts (the Unicode tables' space flag)", () => {
    const pattern = new RegExp(`^${PYTHON_WHITESPACE_CLASS}$`, "u");
    const mismatches: string[] = [];
    for (let code = 0; code < 0x110000; code++)
      if (pattern.test(String.fromCodePoint(code)) !== hasUnicodeFlag(code, UnicodeFlag.space))
        mismatches.push(`U+${code.toString(16)}`);
    expect(mismatches).toEqual([]);
  });

  it("strips what CPython strips and keeps the byte order mark", () => {
    expect(stripWhitespace("\x1c\x85 a \ufeff\u3000", true, true)).toBe("a \ufeff");
    expect(stripWhitespace(" a ", true, false)).toBe("a ");
  });
});
