import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Heap } from "./heap.js";
import { STR_HASH_OFFSET } from "./layouts.js";
import { fillRandomBytes, hashSecretFromSeed, parseHashSeed, siphash13 } from "./string-hash.js";

/** CPython 3.13's hashes, written by testing/cpython-str-hashes.py. */
const cpython = JSON.parse(
  readFileSync(new URL("./testing/cpython-str-hashes.json", import.meta.url), "utf8"),
) as {
  samples: string[];
  seeds: Record<string, { str: number[]; bytes: number[] }>;
};

function heapWithSeed(hashSeed: number | undefined): Heap {
  return new Heap({ hashSeed });
}

describe("keyed str hash (SipHash-1-3)", () => {
  it("equals CPython 3.13's hash() under the same PYTHONHASHSEED, for 1-, 2- and 4-byte strs", () => {
    for (const [seed, expected] of Object.entries(cpython.seeds)) {
      const heap = heapWithSeed(Number(seed));
      const hashes = cpython.samples.map((text) => heap.hash(heap.newStr(text)));
      expect(hashes, `PYTHONHASHSEED=${seed}`).toEqual(expected.str);
    }
  });

  it("hashes bytes with the same function (CPython: bytes_hash)", () => {
    const encoder = new TextEncoder();
    for (const [seed, expected] of Object.entries(cpython.seeds)) {
      const secret = hashSecretFromSeed(Number(seed));
      const hashes = cpython.samples.map((text) => {
        const bytes = encoder.encode(text);
        return siphash13(secret, bytes, 0, bytes.length);
      });
      expect(hashes, `PYTHONHASHSEED=${seed}`).toEqual(expected.bytes);
    }
  });

  it("hash('') is 0 whatever the seed", () => {
    for (const seed of [undefined, 0, 7]) {
      const heap = heapWithSeed(seed);
      expect(heap.hash(heap.newStr(""))).toBe(0);
    }
  });

  it("draws a random secret when no seed is given, so two runtimes disagree", () => {
    const texts = ["a", "b", "abc", "key", "hash flooding"];
    const first = heapWithSeed(undefined);
    const second = heapWithSeed(undefined);
    expect(texts.map((t) => first.hash(first.newStr(t)))).not.toEqual(
      texts.map((t) => second.hash(second.newStr(t))),
    );
  });

  it("caches the hash in the str object", () => {
    const heap = heapWithSeed(0);
    const s = heap.newStr("cached");
    expect(heap.hash(s)).toBe(heap.hash(s));
    expect(heap.memory.i32[(s + STR_HASH_OFFSET) >> 2]).toBe(heap.hash(s));
  });
});

describe("PYTHONHASHSEED parsing", () => {
  it("fills buffers of any length with fresh random bytes (os.urandom)", () => {
    const first = new Uint8Array(2496);
    const second = new Uint8Array(2496);
    fillRandomBytes(first);
    fillRandomBytes(second);
    expect(first.some((byte) => byte !== 0)).toBe(true);
    expect(first).not.toEqual(second);
  });

  it("accepts random, empty, and integers in 0..4294967295 as CPython does", () => {
    expect(parseHashSeed(undefined)).toBeUndefined();
    expect(parseHashSeed("")).toBeUndefined();
    expect(parseHashSeed("random")).toBeUndefined();
    expect(parseHashSeed("0")).toBe(0);
    expect(parseHashSeed("4294967295")).toBe(4_294_967_295);
  });

  it("rejects anything else with CPython's message", () => {
    for (const text of ["-1", "4294967296", "1.5", "abc", " 1"])
      expect(() => parseHashSeed(text), text).toThrow(/PYTHONHASHSEED must be "random"/);
    expect(() => hashSecretFromSeed(-1)).toThrow(RangeError);
  });
});
