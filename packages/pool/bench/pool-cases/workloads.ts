import type { WorkloadSpec } from "../shared/workload-sequence.js";

/** Seed of every pool workload (xorshift32; the C anchor gets the same). */
export const POOL_BENCH_SEED = 0x9e3779b9;

/**
 * The pool benchmark's named workloads. `units` is the full run; `quickUnits` is what `--quick`
 * runs (a smoke test of the script, not a measurement).
 *
 * @remarks
 * The headline workloads are `hot`, `churn`, `batch` (and `lifo`, the list allocators' best
 * case). The small ones exist so @thi.ng/malloc, whose `free` is O(live), has sizes it can
 * finish at, with every other subject and the C anchor measured on the very same sequence.
 *
 * @example
 * ```ts
 * const hot = POOL_WORKLOADS.find((workload) => workload.name === "hot");
 * ```
 */
export const POOL_WORKLOADS: readonly (WorkloadSpec & { quickUnits: number })[] = [
  {
    name: "hot",
    kind: "churn",
    size: 1024,
    units: 4_000_000,
    quickUnits: 200_000,
    description: "W-hot: 1,024 live blocks; free a random one, allocate 16–512 B (ns per pair)",
  },
  {
    name: "churn",
    kind: "churn",
    size: 100_000,
    units: 2_000_000,
    quickUnits: 200_000,
    description: "W-churn: 100,000 live blocks; free a random one, allocate 16–512 B (ns per pair)",
  },
  {
    name: "batch",
    kind: "batch",
    size: 1_000_000,
    units: 1,
    quickUnits: 1,
    description: "W-batch: allocate 1M blocks of 16–512 B, free them shuffled (ns per pair)",
  },
  {
    name: "lifo",
    kind: "lifo",
    size: 1_000_000,
    units: 1,
    quickUnits: 1,
    description: "W-lifo: allocate 1M blocks of 16–512 B, free newest-first (ns per pair)",
  },
  {
    name: "churn-64",
    kind: "churn",
    size: 64,
    units: 2_000_000,
    quickUnits: 100_000,
    description: "churn at 64 live blocks (ns per pair)",
  },
  {
    name: "churn-8192",
    kind: "churn",
    size: 8192,
    units: 2_000_000,
    quickUnits: 100_000,
    description: "churn at 8,192 live blocks (ns per pair)",
  },
  {
    name: "batch-1k",
    kind: "batch",
    size: 1000,
    units: 1000,
    quickUnits: 50,
    description: "batch of 1,000 blocks, shuffled free, repeated (ns per pair)",
  },
  {
    name: "batch-10k",
    kind: "batch",
    size: 10_000,
    units: 100,
    quickUnits: 5,
    description: "batch of 10,000 blocks, shuffled free, repeated (ns per pair)",
  },
];

/**
 * The workload's spec at the requested scale (`--quick` or full).
 *
 * @example
 * ```ts
 * const spec = scaledWorkload(POOL_WORKLOADS[0]!, true);
 * ```
 */
export function scaledWorkload(
  workload: WorkloadSpec & { quickUnits: number },
  quick: boolean,
): WorkloadSpec {
  const { quickUnits, ...spec } = workload;
  if (!quick) return spec;
  // Quick batch runs also shrink the batch itself, so the smoke test stays a few seconds.
  const size = spec.kind !== "churn" && spec.size > 100_000 ? 100_000 : spec.size;
  return { ...spec, size, units: quickUnits };
}
