import { describe, expect, it } from "vitest";
import { decodeSource, SourceEncodingError } from "./source-encoding.js";

const latin = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
const failure = (bytes: Uint8Array): string => {
  try {
    decodeSource(bytes, "/abs/x.py");
  } catch (error) {
    if (error instanceof SourceEncodingError) return error.msg;
    throw error;
  }
  return "decoded";
};

describe("decodeSource (PEP 263, CPython 3.13's tokenizer)", () => {
  it("reads UTF-8 without a declaration, and after a byte order mark", () => {
    expect(decodeSource(new TextEncoder().encode("s = 'é'\n"), "x.py")).toBe("s = 'é'\n");
    expect(decodeSource(Uint8Array.of(0xef, 0xbb, 0xbf, 0x31), "x.py")).toBe("1");
  });

  it("honours a coding comment on the first line, or the second after a comment", () => {
    expect(decodeSource(latin("# -*- coding: latin-1 -*-\ns = '\xe9'\n"), "x.py")).toBe(
      "# -*- coding: latin-1 -*-\ns = 'é'\n",
    );
    expect(decodeSource(latin("#!/usr/bin/python\n# coding=cp1252\n'\x80'"), "x.py")).toContain(
      "'€'",
    );
    expect(decodeSource(latin("# coding: Latin_1\n'\xe9'"), "x.py")).toContain("'é'");
    // A declaration after a line of code is only a comment.
    expect(failure(latin("x = 1\n# coding: latin-1\n'\xe9'\n"))).toBe(
      "Non-UTF-8 code starting with '\\xe9' in file /abs/x.py on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
    );
  });

  it("gives CPython's messages for encodings it cannot use", () => {
    expect(failure(latin("# coding: foo\n"))).toBe("encoding problem: foo");
    expect(failure(latin("# coding: ascii\n'\xe9'"))).toBe("encoding problem: ascii");
    expect(failure(Uint8Array.of(0xef, 0xbb, 0xbf, ...latin("# coding: latin-1\n")))).toBe(
      "encoding problem: iso-8859-1 with BOM",
    );
    expect(failure(latin("x = '\xc3("))).toContain(
      "starting with '\\xc3' in file /abs/x.py on line 1",
    );
  });
});
