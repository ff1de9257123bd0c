/**
 * The vitest suite of the whole-stack fuzzer for a set of collectors (split over two files so
 * that vitest runs them on both cores).
 *
 * @internal
 * @module
 */
import { describe, expect, it } from "vitest";
import type { CollectorName } from "../api.js";
import { episodeVariant, OPERATIONS_PER_EPISODE, planEpisodes } from "./fuzz-budget.js";
import {
  emptyFuzzEpisodeResult,
  type FuzzEpisodeResult,
  runFuzzEpisode,
} from "./whole-stack-fuzzer.js";

/** One random seed per process, printed so that a failure replays with `PYMEM_FUZZ_SEED`. */
const randomSeed = (Math.random() * 2 ** 32) >>> 0;

/** @internal */
export function defineFuzzSuite(collectors: readonly CollectorName[]): void {
  describe.each(collectors)("whole-stack fuzz on the %s collector", (collector) => {
    it("keeps every invariant of the reference model, episode after episode", () => {
      const episodes = planEpisodes(collector, randomSeed);
      const totals = emptyFuzzEpisodeResult();
      const started = performance.now();
      for (const episode of episodes) {
        if (episode.random)
          process.stdout.write(
            `[whole-stack fuzz] ${collector}: random seed ${episode.seed} (replay: PYMEM_FUZZ_SEED=${episode.seed})\n`,
          );
        const result = runFuzzEpisode({
          collector,
          seed: episode.seed,
          operations: OPERATIONS_PER_EPISODE,
          ...episodeVariant(episode.seed),
        });
        for (const key of Object.keys(totals) as (keyof FuzzEpisodeResult)[])
          totals[key] += result[key];
      }
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `[whole-stack fuzz] ${collector}: ${totals.operations} operations in ${episodes.length} episodes, ` +
          `${seconds.toFixed(1)} s (${Math.round(totals.operations / seconds)} ops/s); ` +
          `${totals.objectsCreated} objects, ${totals.collections} collections, ${totals.finalizersRun} finalizers, ` +
          `${totals.callbacksRun} weakref callbacks, ${totals.gcCallbacksThrown} throwing gc callbacks, ${totals.traversesThrown} throwing traverse hooks, ${totals.clearsThrown} throwing clear hooks, ${totals.unraisableReports} unraisable, ${totals.badInputsRejected} bad inputs rejected\n`,
      );
      expect(totals.operations).toBe(episodes.length * OPERATIONS_PER_EPISODE);
      expect(totals.finalizersRun).toBeGreaterThan(0);
      if (collector !== "none") {
        expect(totals.collections).toBeGreaterThan(0);
        expect(totals.traversesThrown).toBeGreaterThan(0);
        expect(totals.clearsThrown).toBeGreaterThan(0);
      }
    }, 600_000);
  });
}
