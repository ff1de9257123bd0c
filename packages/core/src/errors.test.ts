import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  DoubleFreeError,
  HeapCorruptionError,
  InvalidPointerError,
  isPymemError,
  NegativeRefcountError,
  OutOfMemoryError,
  PymemError,
  UseAfterFreeError,
  UserHookError,
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
      [
        new UserHookError("traverse", 0xb0, "Node", new Error("boom")),
        "hook-failed",
        /traverse hook of 'Node' object at 0xb0 threw: boom/,
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
    const cause = new Error("boom");
    const hookError = new UserHookError("traverse", 0xb0, "Node", cause);
    expect([hookError.hook, hookError.typeName, hookError.cause]).toEqual([
      "traverse",
      "Node",
      cause,
    ]);
  });

  it("formats addresses like CPython's %p", () => {
    expect(formatAddress(0)).toBe("0x0");
    expect(formatAddress(0xfffffff0)).toBe("0xfffffff0");
  });
});

describe("errors across copies of @pymem/core", () => {
  // The CommonJS build: another copy of every class, as when one file imports and another requires.
  const other = createRequire(import.meta.url)("../dist/index.cjs") as typeof import("./errors.js");

  it("instanceof and isPymemError recognise an error thrown by the other copy, by class", () => {
    const foreign = new other.OutOfMemoryError(64, 32);
    expect(other.OutOfMemoryError).not.toBe(OutOfMemoryError);
    expect(foreign instanceof OutOfMemoryError).toBe(true);
    expect(foreign instanceof PymemError).toBe(true);
    expect(foreign instanceof InvalidPointerError).toBe(false);
    expect(isPymemError(foreign)).toBe(true);
    expect(new InvalidPointerError(8, "x") instanceof other.PymemError).toBe(true);
    expect(new InvalidPointerError(8, "x") instanceof other.DoubleFreeError).toBe(false);
  });

  it("is still the prototype check for anything without the brand", () => {
    expect(isPymemError(new Error("plain"))).toBe(false);
    expect(isPymemError({ code: "out-of-memory" })).toBe(false);
    expect(isPymemError(null)).toBe(false);
    expect(Object.create(PymemError.prototype) instanceof PymemError).toBe(true);
    class MyError extends PymemError {}
    const mine = new MyError("invalid-pointer", "mine", 0);
    expect(mine instanceof MyError && mine instanceof PymemError).toBe(true);
    expect(new PymemError("invalid-pointer", "base", 0) instanceof MyError).toBe(false);
  });
});
