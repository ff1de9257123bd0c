import { describe, expect, it } from "vitest";
import {
  DoubleFreeError,
  HeapCorruptionError,
  InvalidPointerError,
  NegativeRefcountError,
  OutOfMemoryError,
  PymemError,
  UseAfterFreeError,
} from "./errors.js";
import { formatAddress } from "./ptr.js";

describe("typed errors", () => {
  it("name the address, type and code", () => {
    const cases: [PymemError, string, RegExp][] = [
      [
        new OutOfMemoryError(1024, 65536),
        "out-of-memory",
        /cannot allocate 1024 bytes \(memory cap 65536 bytes\)/,
      ],
      [
        new InvalidPointerError(0x1234, "not a block"),
        "invalid-pointer",
        /invalid pointer 0x1234: not a block/,
      ],
      [new DoubleFreeError(0x40), "double-free", /double free of 0x40/],
      [
        new HeapCorruptionError(0x80, "bad trailing pad byte"),
        "heap-corruption",
        /0x80: bad trailing pad byte/,
      ],
      [new UseAfterFreeError(0x90, "incref", "list"), "use-after-free", /0x90: incref/],
      [
        new NegativeRefcountError(0xa0, "list", -1),
        "negative-refcount",
        /'list' has negative ref count \(-1\)/,
      ],
    ];
    for (const [error, code, message] of cases) {
      expect(error).toBeInstanceOf(PymemError);
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.name).toBe(error.constructor.name);
    }
    expect(new NegativeRefcountError(0xa0, "list", -1).typeName).toBe("list");
  });

  it("formats addresses like CPython's %p", () => {
    expect(formatAddress(0)).toBe("0x0");
    expect(formatAddress(0xfffffff0)).toBe("0xfffffff0");
  });
});
