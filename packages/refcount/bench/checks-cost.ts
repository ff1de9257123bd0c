/**
 * What the release-mode pointer checks of `incref`/`decref` cost (issue 14: under 3%): the same
 * workloads with the `Refcounter` from source and from a copy of the source with the two checks
 * removed, in separate processes, interleaved A/B/A/B… for `rounds` rounds. Each child reports CPU
 * ns per operation (`process.cpuUsage`); the parent prints the medians, their ratio and the load.
 *
 * Workloads: `incref+decref` (a pair on a live list, 10M times: the checks' worst case, nothing
 * else to amortise them), `list chain` (build a 300,000-long chain of lists, one decref per node,
 * then free it by one decref: the cascade itself has no check).
 *
 * Run: `tsx bench/checks-cost.ts [rounds]` (default 7).
 */
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";

const CHECK = 'if (!isLiveObject(heap.liveBits, obj)) heap.throwNotLive(obj, "object");';
const WORKLOADS = ["incref+decref", "list chain"] as const;

if (process.argv[2] === "--child") {
  const { Heap } = await import("@pymem/heap");
  const { Refcounter } = await import(join(process.argv[3]!, "index.ts"));
  const { buildListChain } = await import("./list-chain.js");
  const heap = new Heap();
  const rc = new Refcounter(heap);
  const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) * 1000;
  };
  const result: Record<string, number> = {};
  const list = heap.newList();
  const pairs = 10_000_000;
  let started = cpu();
  for (let i = 0; i < pairs; i++) {
    rc.incref(list);
    rc.decref(list);
  }
  result["incref+decref"] = (cpu() - started) / pairs;
  const length = 300_000;
  started = cpu();
  rc.decref(buildListChain(heap, rc, length));
  result["list chain"] = (cpu() - started) / length;
  process.stdout.write(JSON.stringify(result));
} else {
  const rounds = Number(process.argv[2] ?? 7);
  const source = join(import.meta.dirname, "../src");
  // The variant lives under bench/ so that its bare imports resolve as the source's do.
  const variant = join(import.meta.dirname, ".no-checks");
  rmSync(variant, { recursive: true, force: true });
  cpSync(source, variant, { recursive: true });
  const refcounter = join(variant, "refcounter.ts");
  const text = readFileSync(refcounter, "utf8");
  const stripped = text.split(CHECK).join("");
  if (text.split(CHECK).length !== 3) throw new Error("expected the check in incref and decref");
  writeFileSync(
    refcounter,
    stripped.replace('import { isLiveObject } from "./live-object.js";\n', ""),
  );
  const samples: Record<string, Record<string, number[]>> = { checks: {}, "no checks": {} };
  const loads: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [name, directory] of [
        ["checks", source],
        ["no checks", variant],
      ] as const) {
        loads.push(loadavg()[0]!);
        const output = execFileSync(
          "npx",
          ["tsx", join(import.meta.dirname, "checks-cost.ts"), "--child", directory],
          { encoding: "utf8", cwd: join(import.meta.dirname, "..") },
        );
        for (const [workload, ns] of Object.entries(JSON.parse(output) as Record<string, number>)) {
          const series = samples[name]![workload] ?? [];
          series.push(ns);
          samples[name]![workload] = series;
        }
      }
    }
  } finally {
    rmSync(variant, { recursive: true, force: true });
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  console.log(
    `${rounds} rounds, A/B interleaved; 1-minute load ${median(loads).toFixed(1)} (median)`,
  );
  for (const workload of WORKLOADS) {
    const withChecks = median(samples.checks![workload]!);
    const without = median(samples["no checks"]![workload]!);
    console.log(
      `${workload.padEnd(14)} checks ${withChecks.toFixed(2)} ns/op, no checks ${without.toFixed(2)} ns/op, ratio ${(withChecks / without).toFixed(3)}`,
    );
  }
}
