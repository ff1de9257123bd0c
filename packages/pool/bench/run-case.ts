/**
 * One (subject, workload) case of the pool benchmark, in its own process.
 *
 * Started by bench/index.ts; run it by hand to profile a single case, e.g.
 *   node --cpu-prof --import tsx bench/run-case.ts --subject pool-cpython64 --workload hot
 * Prints one `@@case-result {json}` line (see shared/child-case.ts).
 */
import { parseArgs } from "node:util";
import {
  createLinearSubject,
  type LinearSubjectInstance,
  SubjectUnavailableError,
} from "./pool-cases/create-subject.js";
import {
  fillLiveSet,
  timeBatchRounds,
  timeChurnSteps,
  timeTypedArrays,
  typedArraySlots,
} from "./pool-cases/loops.js";
import { POOL_SUBJECTS, type PoolSubjectName, planFor } from "./pool-cases/subjects.js";
import { POOL_BENCH_SEED, POOL_WORKLOADS, scaledWorkload } from "./pool-cases/workloads.js";
import { reportCaseResult } from "./shared/child-case.js";
import {
  drawWorkloadSequence,
  type WorkloadSequence,
  type WorkloadSpec,
} from "./shared/workload-sequence.js";
import { REQUEST_SIZE_MAX } from "./shared/xorshift32.js";

/**
 * What a case reports to the parent (bench/index.ts) on its `@@case-result` line.
 *
 * @example
 * ```ts
 * const result = runCaseInChild<CaseResult>({ script, args, nodeFlags: [] });
 * if (result.status === "ok") console.log(result.runsNs);
 * ```
 */
export type CaseResult =
  | {
      status: "ok";
      subject: PoolSubjectName;
      workload: string;
      /** Units actually run (steps or rounds); less than the workload's when capped. */
      units: number;
      capped: boolean;
      /** Free+malloc pairs per timed run. */
      operations: number;
      /** FNV-1a of the drawn sequence (compared with the C anchor's). */
      checksum: number;
      warmupNs: number;
      runsNs: number[];
      /** Live blocks the subject counted after the final teardown (0 expected), if it counts. */
      blocksInUseAfter: number | null;
    }
  | { status: "skipped" | "dnf"; subject: PoolSubjectName; workload: string; reason: string };

function runLinear(
  instance: LinearSubjectInstance,
  spec: WorkloadSpec,
  sequence: WorkloadSequence,
  units: number,
  runs: number,
): { warmupNs: number; runsNs: number[] } {
  const live = new Uint32Array(spec.size);
  const elapsed: number[] = [];
  for (let run = 0; run <= runs; run++) {
    if (spec.kind === "churn") {
      fillLiveSet(instance.allocator, instance.memory, sequence, live);
      elapsed.push(timeChurnSteps(instance.allocator, instance.memory, sequence, live, units));
      // The subject's own consistency walk, once, on the fullest heap (untimed).
      if (run === runs) instance.verify();
      instance.releaseAll(live, spec.size);
    } else {
      elapsed.push(timeBatchRounds(instance.allocator, instance.memory, sequence, live, units));
      if (run === runs) instance.verify();
    }
  }
  const [warmupNs = 0, ...runsNs] = elapsed;
  return { warmupNs, runsNs };
}

function runTypedArrays(
  spec: WorkloadSpec,
  sequence: WorkloadSequence,
  units: number,
  runs: number,
): { warmupNs: number; runsNs: number[] } {
  const live = typedArraySlots(spec.size);
  const elapsed: number[] = [];
  for (let run = 0; run <= runs; run++)
    elapsed.push(timeTypedArrays(spec.kind, sequence, live, units));
  const [warmupNs = 0, ...runsNs] = elapsed;
  return { warmupNs, runsNs };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      subject: { type: "string" },
      workload: { type: "string" },
      quick: { type: "boolean", default: false },
      runs: { type: "string", default: "5" },
    },
  });
  const subject = POOL_SUBJECTS.find((candidate) => candidate.name === values.subject);
  const workload = POOL_WORKLOADS.find((candidate) => candidate.name === values.workload);
  if (subject === undefined || subject.runtime !== "node" || workload === undefined) {
    throw new Error(`unknown node subject or workload: ${values.subject} / ${values.workload}`);
  }
  const spec = scaledWorkload(workload, values.quick === true);
  const runs = Number(values.runs);
  const plan = planFor(subject.name, spec);
  if ("dnf" in plan) {
    reportCaseResult({
      status: "dnf",
      subject: subject.name,
      workload: spec.name,
      reason: plan.dnf,
    });
    return;
  }
  const sequence = drawWorkloadSequence(spec, POOL_BENCH_SEED);
  let timings: { warmupNs: number; runsNs: number[] };
  let blocksInUseAfter: number | null = null;
  if (subject.name === "uint8array") {
    timings = runTypedArrays(spec, sequence, plan.units, runs);
  } else {
    let instance: LinearSubjectInstance;
    try {
      instance = createLinearSubject(subject.name, spec.size * (REQUEST_SIZE_MAX + 16));
    } catch (error) {
      if (!(error instanceof SubjectUnavailableError)) throw error;
      reportCaseResult({
        status: "skipped",
        subject: subject.name,
        workload: spec.name,
        reason: error.message,
      });
      return;
    }
    timings = runLinear(instance, spec, sequence, plan.units, runs);
    blocksInUseAfter = instance.blocksInUse() ?? null;
  }
  const operations = spec.kind === "churn" ? plan.units : spec.size * plan.units;
  const result: CaseResult = {
    status: "ok",
    subject: subject.name,
    workload: spec.name,
    units: plan.units,
    capped: plan.capped,
    operations,
    checksum: sequence.checksum,
    ...timings,
    blocksInUseAfter,
  };
  reportCaseResult(result);
}

await main();
