/**
 * A seeded xorshift32 generator, so a demo run is reproducible from its seed.
 * @internal
 */
export function createXorshift32(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}
