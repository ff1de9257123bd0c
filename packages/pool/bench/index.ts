/**
 * @pymem/pool benchmarks: PoolAllocator (both profiles), its raw TLSF allocator, @thi.ng/malloc
 * and `new Uint8Array`, against CPython's pymalloc and glibc malloc called from C, all measured in
 * the same run on the same xorshift32 sequence. See bench/README.md.
 *
 *   npx tsx bench/index.ts [--quick] [--workload hot ...] [--subject pool-cpython64 ...]
 *                          [--runs 5] [--profile] [--out file.json]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { POOL_SUBJECTS, type PoolSubjectName, planFor } from "./pool-cases/subjects.js";
import { POOL_BENCH_SEED, POOL_WORKLOADS, scaledWorkload } from "./pool-cases/workloads.js";
import type { CaseResult } from "./run-case.js";
import {
  buildCAnchor,
  type CAllocatorName,
  disposeCAnchor,
  runCAnchor,
} from "./shared/c-anchor.js";
import { runCaseInChild } from "./shared/child-case.js";
import { summarizeCpuProfile } from "./shared/cpu-profile-summary.js";
import { describeMachine } from "./shared/machine.js";
import { formatNs, formatRatio, formatTable } from "./shared/table.js";
import { summarize } from "./shared/timing.js";
import { drawWorkloadSequence, type WorkloadSpec } from "./shared/workload-sequence.js";

const benchDirectory = dirname(fileURLToPath(import.meta.url));
const ANCHOR_SOURCE = join(benchDirectory, "anchors", "pymalloc-bench.c");
const CASE_SCRIPT = join(benchDirectory, "run-case.ts");
const ANCHOR_PYTHON_VERSION = "3.13.0";
const ANCHOR_SUBJECT: PoolSubjectName = "pymalloc-c";

/** One row of the report: a subject on a workload. */
interface CaseReport {
  subject: PoolSubjectName;
  label: string;
  workload: string;
  status: "ok" | "dnf" | "skipped";
  reason?: string;
  /** Steps (churn) or rounds (batch) run; fewer than the workload's when capped. */
  units?: number;
  capped?: boolean;
  operations?: number;
  nsPerOpRuns?: number[];
  warmupNsPerOp?: number;
  medianNsPerOp?: number;
  minNsPerOp?: number;
  maxNsPerOp?: number;
  ratioToPymalloc?: number;
}

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    workload: { type: "string", multiple: true },
    subject: { type: "string", multiple: true },
    runs: { type: "string" },
    profile: { type: "boolean", default: false },
    out: { type: "string" },
  },
});
const quick = values.quick === true;
const profile = values.profile === true;
const runs = Number(values.runs ?? (quick ? "2" : "5"));
if (!(Number.isInteger(runs) && runs >= 1)) throw new Error(`--runs must be a positive integer`);
// The brief's names (W-hot, W-churn, W-batch) work too.
const requestedWorkloads = values.workload?.map((name) => name.toLowerCase().replace(/^w-/, ""));
const workloads = POOL_WORKLOADS.filter(
  (workload) => requestedWorkloads === undefined || requestedWorkloads.includes(workload.name),
).map((workload) => scaledWorkload(workload, quick));
const subjects = POOL_SUBJECTS.filter(
  (subject) =>
    values.subject === undefined ||
    values.subject.includes(subject.name) ||
    subject.name === ANCHOR_SUBJECT, // the anchor always runs: every ratio is to it
);
for (const name of [...(requestedWorkloads ?? []), ...(values.subject ?? [])]) {
  if (
    !POOL_WORKLOADS.some((workload) => workload.name === name) &&
    !POOL_SUBJECTS.some((subject) => subject.name === name)
  ) {
    throw new Error(
      `unknown name "${name}". Workloads: ${POOL_WORKLOADS.map((w) => w.name).join(", ")}; ` +
        `subjects: ${POOL_SUBJECTS.map((s) => s.name).join(", ")}`,
    );
  }
}
const filtered = values.workload !== undefined || values.subject !== undefined;
const outFile =
  values.out ??
  join(
    benchDirectory,
    "results",
    profile
      ? "pool-profile.json"
      : quick
        ? "pool-quick.json"
        : filtered
          ? "pool-partial.json"
          : "pool-latest.json",
  );
const profileDirectory = join(benchDirectory, "results", "profiles");

const machine = describeMachine();
console.log(
  `@pymem/pool bench — ${machine.cpuModel} ×${machine.cpuCount}, ${machine.os}, node ${machine.node}, ` +
    `load ${machine.loadAverage1m.toFixed(2)}${quick ? " — QUICK (smoke test, not a measurement)" : ""}`,
);
console.log(
  `${profile ? "PROFILING (--no-turbo-inlining: timings are pessimistic)\n" : ""}method: 1 warm-up + ${runs} timed runs per case, each case in its own process; sequence drawn ` +
    `before the clock (xorshift32 seed 0x${POOL_BENCH_SEED.toString(16)}); one byte written per new block\n`,
);

const cAllocators: CAllocatorName[] = [];
if (subjects.some((subject) => subject.name === "pymalloc-c")) cAllocators.push("pymalloc");
if (subjects.some((subject) => subject.name === "glibc-c")) cAllocators.push("glibc");
const anchor = buildCAnchor({ source: ANCHOR_SOURCE, pythonVersion: ANCHOR_PYTHON_VERSION });
if (anchor.ok) {
  console.log(
    `anchor: CPython ${ANCHOR_PYTHON_VERSION} PyObject_Malloc/PyObject_Free and glibc malloc/free ` +
      `from C (${anchor.compiler}, -O2)\n`,
  );
} else {
  console.log(`anchor skipped: ${anchor.reason}\n`);
}
let anchorPython: string | undefined;

function summarizeRuns(
  report: CaseReport,
  operations: number,
  warmupNs: number,
  runsNs: number[],
): CaseReport {
  const nsPerOpRuns = runsNs.map((ns) => ns / operations);
  const { median, min, max } = summarize(nsPerOpRuns);
  return {
    ...report,
    status: "ok",
    operations,
    nsPerOpRuns,
    warmupNsPerOp: warmupNs / operations,
    medianNsPerOp: median,
    minNsPerOp: min,
    maxNsPerOp: max,
  };
}

function describeUnits(spec: WorkloadSpec, report: CaseReport): string {
  if (report.status !== "ok" || report.units === undefined) return "";
  const unit = spec.kind === "churn" ? "steps" : "rounds";
  const ran = `${report.units.toLocaleString("en-US")} ${unit}`;
  return report.capped === true ? `${ran} (capped, of ${spec.units.toLocaleString("en-US")})` : ran;
}

const reports: CaseReport[] = [];
const sequenceChecks: Record<string, { typescript: string; c: string | null }> = {};
const started = Date.now();

for (const spec of workloads) {
  const shape =
    spec.kind === "churn"
      ? `${spec.size.toLocaleString("en-US")} live, ${spec.units.toLocaleString("en-US")} steps`
      : `${spec.size.toLocaleString("en-US")} blocks × ${spec.units.toLocaleString("en-US")} rounds`;
  console.log(`== ${spec.name}: ${spec.description} [${shape}]`);
  const sequence = drawWorkloadSequence(spec, POOL_BENCH_SEED);
  const typescriptChecksum = sequence.checksum.toString(16).padStart(8, "0");
  const workloadReports: CaseReport[] = [];

  // The C anchor: pymalloc and glibc, same sequence, same run.
  const cSubjects = subjects.filter((subject) => subject.runtime === "c");
  if (anchor.ok && cAllocators.length > 0) {
    const output = runCAnchor(anchor, spec, {
      runs,
      seed: POOL_BENCH_SEED,
      allocators: cAllocators,
    });
    anchorPython = output.python;
    const cChecksum = output.checksum.toString(16).padStart(8, "0");
    sequenceChecks[spec.name] = { typescript: typescriptChecksum, c: cChecksum };
    if (output.checksum !== sequence.checksum) {
      throw new Error(
        `sequence mismatch on ${spec.name}: C drew ${cChecksum}, TypeScript ${typescriptChecksum}`,
      );
    }
    console.log(`   sequence checksum C ${cChecksum} = TS ${typescriptChecksum}`);
    for (const subject of cSubjects) {
      const allocator: CAllocatorName = subject.name === "pymalloc-c" ? "pymalloc" : "glibc";
      const timings = output.allocators[allocator];
      const base: CaseReport = {
        subject: subject.name,
        label: subject.label,
        workload: spec.name,
        status: "ok",
        units: spec.units,
        capped: false,
      };
      workloadReports.push(
        timings === undefined
          ? { ...base, status: "skipped", reason: "the C anchor printed no runs" }
          : summarizeRuns(base, timings.operations, timings.warmupNs, timings.runsNs),
      );
    }
  } else {
    sequenceChecks[spec.name] = { typescript: typescriptChecksum, c: null };
    for (const subject of cSubjects) {
      workloadReports.push({
        subject: subject.name,
        label: subject.label,
        workload: spec.name,
        status: "skipped",
        reason: anchor.ok ? "not selected" : `anchor skipped: ${anchor.reason}`,
      });
    }
  }

  for (const subject of subjects.filter((candidate) => candidate.runtime === "node")) {
    const base: CaseReport = {
      subject: subject.name,
      label: subject.label,
      workload: spec.name,
      status: "ok",
    };
    const plan = planFor(subject.name, spec);
    if ("dnf" in plan) {
      workloadReports.push({ ...base, status: "dnf", reason: plan.dnf });
      continue;
    }
    const profileName = `${subject.name}-${spec.name}.cpuprofile`;
    // Without inlining, malloc and free get rows of their own instead of vanishing into the loop.
    const nodeFlags = profile
      ? [
          "--cpu-prof",
          `--cpu-prof-dir=${profileDirectory}`,
          `--cpu-prof-name=${profileName}`,
          "--cpu-prof-interval=200",
          "--no-turbo-inlining",
        ]
      : [];
    const args = ["--subject", subject.name, "--workload", spec.name, "--runs", String(runs)];
    if (quick) args.push("--quick");
    const result = runCaseInChild<CaseResult>({ script: CASE_SCRIPT, args, nodeFlags });
    if (result.status !== "ok") {
      workloadReports.push({ ...base, status: result.status, reason: result.reason });
      continue;
    }
    if (result.checksum !== sequence.checksum) {
      throw new Error(`${subject.name} drew a different sequence on ${spec.name}`);
    }
    if (result.blocksInUseAfter !== null && result.blocksInUseAfter !== 0) {
      throw new Error(
        `${subject.name} still counts ${result.blocksInUseAfter} live blocks after ${spec.name}`,
      );
    }
    if (profile) {
      const rows = summarizeCpuProfile(join(profileDirectory, profileName), 10, (url) =>
        url.includes("/packages/"),
      );
      console.log(
        `   profile ${subject.name}: self time in project code (no inlining; setup included)`,
      );
      for (const row of rows) console.log(`   ${row.percent.toFixed(1).padStart(5)}%  ${row.name}`);
    }
    workloadReports.push(
      summarizeRuns(
        { ...base, units: result.units, capped: result.capped },
        result.operations,
        result.warmupNs,
        result.runsNs,
      ),
    );
  }

  const anchorMedian = workloadReports.find(
    (report) => report.subject === ANCHOR_SUBJECT,
  )?.medianNsPerOp;
  for (const report of workloadReports) {
    if (anchorMedian !== undefined && report.medianNsPerOp !== undefined) {
      report.ratioToPymalloc = report.medianNsPerOp / anchorMedian;
    }
  }
  console.log(
    formatTable(
      ["subject", "median ns/op", "min", "max", "× pymalloc", "ran"],
      workloadReports.map((report) =>
        report.status === "ok"
          ? [
              report.label,
              formatNs(report.medianNsPerOp ?? Number.NaN),
              formatNs(report.minNsPerOp ?? Number.NaN),
              formatNs(report.maxNsPerOp ?? Number.NaN),
              formatRatio(report.ratioToPymalloc),
              describeUnits(spec, report),
            ]
          : [
              report.label,
              report.status === "dnf" ? "DNF" : "skipped",
              "",
              "",
              "",
              report.reason ?? "",
            ],
      ),
    ),
  );
  console.log();
  reports.push(...workloadReports);
}

// Summary matrix: subjects × workloads, median ns/op and ratio to pymalloc.
const summaryRows = subjects.map((subject) => [
  subject.label,
  ...workloads.map((spec) => {
    const report = reports.find((r) => r.subject === subject.name && r.workload === spec.name);
    if (report === undefined || report.status === "skipped") return "skipped";
    if (report.status === "dnf") return "DNF (O(n) free)";
    const capped = report.capped === true ? "*" : "";
    return `${formatNs(report.medianNsPerOp ?? Number.NaN)}${capped} (${formatRatio(report.ratioToPymalloc)})`;
  }),
]);
console.log("== summary: median ns per free+malloc pair (ratio to CPython pymalloc in this run)");
console.log(formatTable(["subject", ...workloads.map((spec) => spec.name)], summaryRows));
console.log("   * capped: fewer steps/rounds than the others (see the per-workload tables)");

const json = {
  benchmark: "@pymem/pool",
  date: new Date().toISOString(),
  durationSeconds: Math.round((Date.now() - started) / 1000),
  quick,
  filtered,
  machine,
  loadAverage1mAtEnd: loadavg()[0] ?? 0,
  anchor: anchor.ok
    ? { python: anchorPython ?? null, compiler: anchor.compiler, command: anchor.command }
    : { skipped: anchor.reason },
  method: {
    runs,
    warmupRuns: 1,
    seed: `0x${POOL_BENCH_SEED.toString(16)}`,
    unit: "ns per free+malloc pair (median over timed runs)",
    isolation: "one process per (subject, workload); C anchor compiled with gcc -O2",
  },
  workloads: workloads.map((spec) => ({ ...spec, sequenceChecksum: sequenceChecks[spec.name] })),
  results: reports,
  summary: Object.fromEntries(
    subjects.map((subject) => [
      subject.name,
      Object.fromEntries(
        reports
          .filter((report) => report.subject === subject.name)
          .map((report) => [
            report.workload,
            report.status === "ok"
              ? {
                  medianNsPerOp: report.medianNsPerOp,
                  ratioToPymalloc: report.ratioToPymalloc ?? null,
                  capped: report.capped === true,
                }
              : { status: report.status, reason: report.reason },
          ]),
      ),
    ]),
  ),
};
if (anchor.ok) disposeCAnchor(anchor);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
console.log(`\nwrote ${relative(process.cwd(), outFile)}`);
