/**
 * How much the CI fuzz runs and with which seeds: a fixed seed set plus one random seed per run
 * (printed for replay), scaled by environment variables.
 *
 * - `PYMEM_FUZZ_SEED=<n>`: replay — run only the episode with that seed (on every collector).
 * - `PYMEM_FUZZ_OPS=<n>`: total operations across all collectors (default 1,000,000).
 *
 * @internal
 * @module
 */
import { COLLECTOR_NAMES, type CollectorName } from "../api.js";
import { deriveSeed } from "./prng.js";

/** Operations per episode: long enough for deep graphs and many collections, short enough to replay fast. @internal */
export const OPERATIONS_PER_EPISODE = 2000;

/** The fixed base seed of the CI seed set. @internal */
export const FIXED_BASE_SEED = 0x5eed_2026;

/** One episode to run. @internal */
export interface PlannedEpisode {
  readonly collector: CollectorName;
  readonly seed: number;
  readonly random: boolean;
}

/** @internal */
export function readPositiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer, got ${text}`);
  return value;
}

/**
 * The episodes of one collector: the replay seed alone when `PYMEM_FUZZ_SEED` is set, else its
 * share of `PYMEM_FUZZ_OPS` as fixed seeds plus one random seed.
 *
 * @internal
 */
export function planEpisodes(collector: CollectorName, randomSeed: number): PlannedEpisode[] {
  const replay = process.env.PYMEM_FUZZ_SEED;
  if (replay !== undefined && replay !== "")
    return [{ collector, seed: readPositiveInteger("PYMEM_FUZZ_SEED", 0), random: false }];
  const total = readPositiveInteger("PYMEM_FUZZ_OPS", 1_000_000);
  const perCollector = Math.ceil(total / COLLECTOR_NAMES.length);
  const episodes = Math.max(1, Math.ceil(perCollector / OPERATIONS_PER_EPISODE) - 1);
  const collectorIndex = COLLECTOR_NAMES.indexOf(collector);
  const planned: PlannedEpisode[] = [];
  for (let i = 0; i < episodes; i++)
    planned.push({
      collector,
      seed: deriveSeed(FIXED_BASE_SEED + collectorIndex, i),
      random: false,
    });
  planned.push({ collector, seed: randomSeed, random: true });
  return planned;
}

/**
 * Every eighth seed runs over the debug allocator (guard bytes, use-after-free detection) and
 * every fourth (offset by one) without free lists, so both configurations are fuzzed too.
 *
 * @internal
 */
export function episodeVariant(seed: number): { debug: boolean; freeLists: boolean } {
  return { debug: seed % 8 === 0, freeLists: seed % 4 !== 1 };
}
