import { describe, expect, it } from "vitest";
import { decodeSource, encodeSource } from "./share-link.js";

describe("share links", () => {
  it("round-trips any program, including non-ASCII text, in URL-safe characters", () => {
    for (const source of [
      "",
      "print('hi')\n",
      "s = 'naïve → ✓ 𝔭'\nprint(s)\n",
      "x = 1 + 2 / 3 ** 4\n",
    ]) {
      const encoded = encodeSource(source);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeSource(encoded)).toBe(source);
    }
  });

  it("rejects text that is not base64url UTF-8", () => {
    expect(decodeSource("%%%")).toBeUndefined();
    expect(decodeSource("_w")).toBeUndefined(); // the byte 0xFF: not UTF-8
  });
});
