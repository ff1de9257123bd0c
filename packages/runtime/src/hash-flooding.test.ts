import { describe, expect, it } from "vitest";
import { createRuntime } from "./runtime.js";

/**
 * Issue 11, item 4: with a deterministic unkeyed string hash (pymem's former FNV-1a), an attacker
 * builds keys that all share one hash, and inserting n of them costs O(n²) probes (65,536 keys
 * took over 120 s). The keyed SipHash-1-3 spreads the same keys out, whatever the seed.
 */

/** FNV-1a over the char codes of `text` (ASCII), continuing from `state`: the former str hash. */
function fnv1a(state: number, text: string): number {
  let hash = state;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x0100_0193);
  return hash;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/**
 * 2^pairs distinct ASCII keys of one FNV-1a hash: for each position a pair of 4-character blocks
 * that collide from the state the previous blocks reach (a birthday search), so every choice of
 * one block per position ends in the same state.
 */
function fnvCollidingKeys(pairs: number): string[] {
  let state = 0x811c_9dc5 | 0;
  const chosen: [string, string][] = [];
  for (let position = 0; position < pairs; position++) {
    const seen = new Map<number, string>();
    for (let n = position * 7919; ; n++) {
      let block = "";
      for (let digit = 0, rest = n; digit < 4; digit++, rest = Math.floor(rest / 62))
        block += ALPHABET[rest % 62];
      const next = fnv1a(state, block);
      const other = seen.get(next);
      if (other !== undefined && other !== block) {
        chosen.push([other, block]);
        state = next;
        break;
      }
      seen.set(next, block);
    }
  }
  let keys = [""];
  for (const [a, b] of chosen) keys = keys.flatMap((prefix) => [prefix + a, prefix + b]);
  return keys;
}

describe("hash flooding (issue 11, item 4)", () => {
  const keys = fnvCollidingKeys(16);

  it("the attack keys do collide under the former unkeyed hash", () => {
    expect(keys.length).toBe(65_536);
    expect(new Set(keys).size).toBe(65_536);
    expect(new Set(keys.map((key) => fnv1a(0x811c_9dc5 | 0, key))).size).toBe(1);
  });

  for (const hashSeed of [undefined, 0]) {
    it(`65,536 of them insert into a dict in seconds, not minutes (hashSeed ${hashSeed})`, () => {
      const runtime = createRuntime({ hashSeed });
      const { heap, lifetime } = runtime;
      const dict = heap.newDict();
      const started = performance.now();
      for (const key of keys) {
        const str = heap.newStr(key);
        heap.dictSetItem(dict, str, heap.none);
        lifetime.decref(str);
      }
      const elapsed = performance.now() - started;
      expect(heap.dictLength(dict)).toBe(65_536);
      const hashes = new Set<number>();
      for (const key of keys.slice(0, 4096)) {
        const str = heap.newStr(key);
        hashes.add(heap.hash(str));
        lifetime.decref(str);
      }
      expect(hashes.size).toBeGreaterThan(4000);
      lifetime.decref(dict);
      runtime.verify();
      // Quadratic probing of 65,536 equal hashes takes minutes; spread keys take milliseconds.
      expect(elapsed).toBeLessThan(5_000);
    });
  }
});
