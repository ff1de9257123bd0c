/**
 * The long soak of the whole-stack model-based fuzzer (src/reliability/whole-stack-fuzzer.ts):
 * episodes of random Python-level operations checked against the reference model, round-robin
 * over every shipped collector, until stopped (Ctrl-C) or for `--minutes N`. Prints its base seed
 * at the start, a progress line every few seconds (operations, episodes, ops/s), and on a failure
 * the episode's seed and collector so that it replays:
 *
 *   pnpm --filter @pymem/runtime soak                     # until Ctrl-C
 *   pnpm --filter @pymem/runtime soak -- --minutes 60      # one hour
 *   pnpm --filter @pymem/runtime soak -- --seed 1234 --collector bacon-rajan
 *   PYMEM_FUZZ_SEED=<episode seed> npx vitest run --project @pymem/runtime whole-stack   # replay one
 *
 * Options: `--minutes N` (default: unlimited), `--seed S` (base seed; default random),
 * `--collector NAME` (default: all), `--operations N` (per episode; default 2000).
 * Exits with status 1 on the first failure.
 */
import { COLLECTOR_NAMES, type CollectorName } from "../src/api.js";
import { episodeVariant } from "../src/reliability/fuzz-budget.js";
import { deriveSeed } from "../src/reliability/prng.js";
import { FuzzFailure, runFuzzEpisode } from "../src/reliability/whole-stack-fuzzer.js";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function numberOption(name: string, fallback: number): number {
  const text = option(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`--${name} must be a non-negative number, got ${text}`);
  return value;
}

const minutes = numberOption("minutes", Number.POSITIVE_INFINITY);
const baseSeed = numberOption("seed", (Math.random() * 2 ** 32) >>> 0) >>> 0;
const operations = numberOption("operations", 2000);
const only = option("collector");
if (only !== undefined && !COLLECTOR_NAMES.includes(only as CollectorName))
  throw new RangeError(`--collector must be one of ${COLLECTOR_NAMES.join(", ")}, got ${only}`);
const collectors: readonly CollectorName[] =
  only !== undefined ? [only as CollectorName] : COLLECTOR_NAMES;

const started = performance.now();
const deadline = started + minutes * 60_000;
let stopping = false;
process.on("SIGINT", () => {
  stopping = true;
});

console.log(
  `soak: base seed ${baseSeed}, collectors ${collectors.join(", ")}, ${operations} operations per episode, ` +
    `${Number.isFinite(minutes) ? `${minutes} minutes` : "until Ctrl-C"}`,
);

let totalOperations = 0;
let episodes = 0;
let collections = 0;
let finalizers = 0;
let lastReport = started;
let index = 0;

function report(final: boolean): void {
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${final ? "done" : "soak"}: ${totalOperations.toLocaleString("en")} operations, ${episodes} episodes, ` +
      `${collections} collections, ${finalizers} finalizers, ${seconds.toFixed(0)} s, ` +
      `${Math.round(totalOperations / Math.max(seconds, 1e-3)).toLocaleString("en")} ops/s`,
  );
}

/** Runs episodes in slices, yielding to the event loop between them so Ctrl-C is seen. */
function slice(): void {
  const sliceEnd = performance.now() + 250;
  while (!stopping && performance.now() < deadline && performance.now() < sliceEnd) {
    const collector = collectors[index % collectors.length]!;
    const seed = deriveSeed(baseSeed, index);
    index++;
    try {
      const result = runFuzzEpisode({ collector, seed, operations, ...episodeVariant(seed) });
      totalOperations += result.operations;
      collections += result.collections;
      finalizers += result.finalizersRun;
      episodes++;
    } catch (error) {
      report(true);
      if (error instanceof FuzzFailure) console.error(error.message);
      else console.error(`episode seed ${seed} on ${collector} threw:`, error);
      console.error(
        `replay: PYMEM_FUZZ_SEED=${seed} (collector ${collector}, operations ${operations})`,
      );
      process.exit(1);
    }
  }
  if (performance.now() - lastReport >= 5000) {
    lastReport = performance.now();
    report(false);
  }
  if (stopping || performance.now() >= deadline) {
    report(true);
    return;
  }
  setImmediate(slice);
}

slice();
