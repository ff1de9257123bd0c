import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type DigestAlgorithm, DigestState, digestOf } from "./digest-engine.js";
import { MD5 } from "./digest-md5.js";
import { SHA1 } from "./digest-sha1.js";
import { SHA224, SHA256 } from "./digest-sha256.js";
import { SHA384, SHA512 } from "./sha512.js";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** FIPS 180-4 / RFC 1321 vectors: "", "abc", and the 448-bit two-block message. */
const LONG = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
const VECTORS: ReadonlyArray<readonly [DigestAlgorithm, string, string, string]> = [
  [
    MD5,
    "d41d8cd98f00b204e9800998ecf8427e",
    "900150983cd24fb0d6963f7d28e17f72",
    "8215ef0796a20bcaaae116d3876c664a",
  ],
  [
    SHA1,
    "da39a3ee5e6b4b0d3255bfef95601890afd80709",
    "a9993e364706816aba3e25717850c26c9cd0d89d",
    "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
  ],
  [
    SHA224,
    "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f",
    "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
    "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525",
  ],
  [
    SHA256,
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
  ],
  [
    SHA384,
    "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b",
    "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
    "3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6b0455a8520bc4e6f5fe95b1fe3c8452b",
  ],
  [
    SHA512,
    "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445",
  ],
];

describe("digest engine", () => {
  for (const [algorithm, empty, abc, long] of VECTORS) {
    it(`${algorithm.name}: the standard vectors`, () => {
      expect(hex(digestOf(algorithm, text("")))).toBe(empty);
      expect(hex(digestOf(algorithm, text("abc")))).toBe(abc);
      expect(hex(digestOf(algorithm, text(LONG)))).toBe(long);
    });

    it(`${algorithm.name}: streamed in uneven pieces, encoded between them, equals node:crypto`, () => {
      const data = new Uint8Array(1000).map((_, i) => (i * 7 + 3) & 255);
      for (const length of [0, 1, 55, 56, 63, 64, 111, 112, 127, 128, 129, 1000]) {
        let state = new DigestState(algorithm);
        for (let at = 0; at < length; at += 37) {
          state.update(data.subarray(at, Math.min(length, at + 37)));
          state = DigestState.decode(algorithm, state.encode());
        }
        const expected = createHash(algorithm.name).update(data.subarray(0, length)).digest("hex");
        expect(hex(state.digest())).toBe(expected);
      }
    });
  }

  it("a million 'a's (FIPS 180-4's long vector) through SHA-256", () => {
    expect(hex(digestOf(SHA256, new Uint8Array(1_000_000).fill(97)))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });
});
