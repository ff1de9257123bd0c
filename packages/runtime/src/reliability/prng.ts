/**
 * A small seeded PRNG (mulberry32) for the fuzzers: the same seed gives the same program on every
 * machine, so a failure replays from the seed it prints.
 *
 * @internal
 * @module
 */

/** @internal */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A uniform integer in `[0, bound)` (`bound` ≥ 1). */
  below(bound: number): number {
    return this.nextUint32() % bound;
  }

  /** True with probability `numerator / denominator`. */
  chance(numerator: number, denominator: number): boolean {
    return this.below(denominator) < numerator;
  }

  /** A uniform element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}

/**
 * Derives an independent seed from a base seed and an index (splitmix32 finaliser), so that the
 * episodes of one run do not share streams.
 *
 * @internal
 */
export function deriveSeed(base: number, index: number): number {
  let z = (base + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
