/**
 * Marsaglia's xorshift32 (shifts 13, 17, 5): the one pseudo-random source of every pymem benchmark.
 *
 * @remarks
 * The C anchor (`bench/anchors/pymalloc-bench.c`) implements the same generator and the same draw
 * order, so a TypeScript subject and CPython's pymalloc replay exactly the same operations; the
 * harness checks that by comparing the checksums both sides print.
 *
 * @example
 * ```ts
 * const random = new Xorshift32(0x9e3779b9);
 * const slot = random.below(1024);
 * ```
 */
export class Xorshift32 {
  // A typed-array cell, not a number field: states above 2^30 would otherwise be boxed as heap
  // numbers on every store, which made drawing a 4M-step sequence take longer than timing it.
  private readonly state = new Uint32Array(1);

  constructor(seed: number) {
    if (seed >>> 0 === 0) throw new RangeError("xorshift32 needs a non-zero seed");
    this.state[0] = seed;
  }

  /** The next 32-bit output, as an unsigned integer. */
  next(): number {
    let x = this.state[0] as number;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state[0] = x;
    return x >>> 0;
  }

  /** `next() % bound`: the C side's `rng_next() % bound`, modulo bias included, on purpose. */
  below(bound: number): number {
    return (this.next() % (bound >>> 0)) >>> 0;
  }
}

/** Smallest request size the workloads draw. */
export const REQUEST_SIZE_MIN = 16;
/** Largest request size the workloads draw (CPython's `SMALL_REQUEST_THRESHOLD`). */
export const REQUEST_SIZE_MAX = 512;

/**
 * Draws one request size, uniform in [{@link REQUEST_SIZE_MIN}, {@link REQUEST_SIZE_MAX}].
 *
 * @example
 * ```ts
 * const size = drawRequestSize(new Xorshift32(1));
 * ```
 */
export function drawRequestSize(random: Xorshift32): number {
  return REQUEST_SIZE_MIN + random.below(REQUEST_SIZE_MAX - REQUEST_SIZE_MIN + 1);
}

/**
 * Folds 32-bit values into a running FNV-1a hash (the C anchor's `fnv1a_update`).
 *
 * @example
 * ```ts
 * const hash = fnv1a(FNV1A_OFFSET_BASIS, new Uint32Array([1, 2, 3]));
 * ```
 */
export function fnv1a(hash: number, values: Uint32Array): number {
  let h = hash >>> 0;
  for (let i = 0; i < values.length; i++) {
    h = Math.imul(h ^ (values[i] as number), 16_777_619) >>> 0;
  }
  return h;
}

/** The FNV-1a 32-bit offset basis: the starting value of {@link fnv1a}. */
export const FNV1A_OFFSET_BASIS = 2_166_136_261;
