import type { WorkloadSpec } from "../shared/workload-sequence.js";

/**
 * Every subject the pool benchmark knows, C anchors included (the `--subject` values).
 *
 * @example
 * ```ts
 * const name: PoolSubjectName = "pool-cpython64";
 * ```
 */
export type PoolSubjectName =
  | "pymalloc-c"
  | "glibc-c"
  | "pool-cpython64"
  | "pool-cpython32"
  | "raw-tlsf"
  | "thing-mempool"
  | "uint8array"
  | "floor-freelist";

/**
 * How much of a workload a subject runs: all of it, a capped number of units, or nothing.
 *
 * @example
 * ```ts
 * const plan = planFor("thing-mempool", spec);
 * if ("dnf" in plan) console.log(plan.dnf);
 * ```
 */
export type SubjectPlan = { units: number; capped: boolean } | { dnf: string };

/**
 * A subject of the pool benchmark.
 *
 * @example
 * ```ts
 * for (const subject of POOL_SUBJECTS) console.log(subject.name, subject.label);
 * ```
 */
export interface PoolSubject {
  /** Name used on the command line (`--subject pool-cpython64`) and in the JSON. */
  name: PoolSubjectName;
  /** Label in the printed table. */
  label: string;
  /** Where it runs: the compiled C anchor, or a Node child process. */
  runtime: "c" | "node";
}

/**
 * The subjects, in table order (the anchor first).
 *
 * @example
 * ```ts
 * const nodeSubjects = POOL_SUBJECTS.filter((subject) => subject.runtime === "node");
 * ```
 */
export const POOL_SUBJECTS: readonly PoolSubject[] = [
  { name: "pymalloc-c", label: "CPython pymalloc (C, anchor)", runtime: "c" },
  { name: "glibc-c", label: "glibc malloc (C)", runtime: "c" },
  { name: "pool-cpython64", label: "PoolAllocator cpython64", runtime: "node" },
  { name: "pool-cpython32", label: "PoolAllocator cpython32", runtime: "node" },
  { name: "raw-tlsf", label: "RawAllocator (TLSF) alone", runtime: "node" },
  { name: "thing-mempool", label: "@thi.ng/malloc MemPool", runtime: "node" },
  { name: "uint8array", label: "new Uint8Array(size)", runtime: "node" },
  { name: "floor-freelist", label: "floor: bare class free lists (ref.)", runtime: "node" },
];

/**
 * Budget for one timed @thi.ng/malloc run. Its `free` walks the used list and its `malloc` the
 * free list, so the cost per operation grows with the live set; runs are capped
 * to about this many nanoseconds instead of taking minutes.
 */
const MEMPOOL_RUN_BUDGET_NS = 1.5e9;
/** Measured ≈ 10–13 ns per live block per churn step (64 / 1,024 / 8,192 live). */
const MEMPOOL_CHURN_NS_PER_LIVE_BLOCK = 12;
/** Measured ≈ 3.4 ns per block of the batch per allocate+free pair (n = 1,000 / 10,000). */
const MEMPOOL_BATCH_NS_PER_BLOCK = 3.4;
/** Largest live set / batch MemPool is run at; beyond it a run would take minutes to hours. */
const MEMPOOL_MAX_CHURN_LIVE = 8192;
const MEMPOOL_MAX_BATCH = 10_000;

/**
 * How much of `spec` a subject runs. Everything runs in full except @thi.ng/malloc on large
 * live sets, which is capped or reported as DNF with its reason.
 *
 * @example
 * ```ts
 * planFor("thing-mempool", { name: "churn", kind: "churn", size: 100_000, units: 2e6, description: "" });
 * // { dnf: "DNF (O(n) free): ..." }
 * ```
 */
export function planFor(subject: PoolSubjectName, spec: WorkloadSpec): SubjectPlan {
  if (subject !== "thing-mempool") return { units: spec.units, capped: false };
  if (spec.kind === "lifo") return { units: spec.units, capped: false };
  if (spec.kind === "churn") {
    if (spec.size > MEMPOOL_MAX_CHURN_LIVE) {
      const minutes = (spec.units * spec.size * MEMPOOL_CHURN_NS_PER_LIVE_BLOCK) / 6e10;
      return { dnf: `DNF (O(n) free): ~${minutes.toFixed(0)} min per run estimated` };
    }
    const units = Math.floor(MEMPOOL_RUN_BUDGET_NS / (spec.size * MEMPOOL_CHURN_NS_PER_LIVE_BLOCK));
    return units >= spec.units ? { units: spec.units, capped: false } : { units, capped: true };
  }
  if (spec.size > MEMPOOL_MAX_BATCH) {
    const minutes = (spec.size * spec.size * MEMPOOL_BATCH_NS_PER_BLOCK * spec.units) / 6e10;
    return { dnf: `DNF (O(n) free): ~${minutes.toFixed(0)} min per run estimated` };
  }
  const units = Math.max(
    1,
    Math.floor(MEMPOOL_RUN_BUDGET_NS / (spec.size * spec.size * MEMPOOL_BATCH_NS_PER_BLOCK)),
  );
  return units >= spec.units ? { units: spec.units, capped: false } : { units, capped: true };
}
