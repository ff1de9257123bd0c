// SCRATCH (H-gcperf): per-pass timing of the generational collector. Deleted before the report.
import { Heap } from "@pymem/heap";
import { Refcounter } from "@pymem/refcount";
import { runCpythonWorkloads } from "../../refcount/bench/cpython-workloads.js";
import { buildListChain } from "../../refcount/bench/list-chain.js";
import { GenerationalCollector } from "../src/generational-collector.js";

const N = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const withPy = process.argv.includes("--py");
const passes = new Map<string, number>();
function wrap(c: any, name: string) {
  const orig = c[name];
  c[name] = function (...args: unknown[]) {
    const t0 = process.hrtime.bigint();
    const r = orig.apply(this, args);
    const dt = Number(process.hrtime.bigint() - t0);
    passes.set(name, (passes.get(name) ?? 0) + dt);
    return r;
  };
}
const instrument = process.argv.includes("--passes");
function fresh() {
  const heap = new Heap();
  const rc = new Refcounter(heap);
  const c = new GenerationalCollector({ allocator: heap.allocator });
  rc.attachCollector(c);
  c.enabled = false;
  if (instrument)
    for (const p of [
      "updateRefs",
      "subtractRefs",
      "moveUnreachable",
      "deleteGarbage",
      "moveLegacyFinalizers",
    ])
      wrap(c, p);
  return { heap, rc, c };
}
function report(label: string, best: number, bestPasses: Map<string, number>) {
  let s = `${label}: ${(best / N).toFixed(1)} ns/obj`;
  for (const [k, v] of bestPasses) s += `  ${k} ${(v / N).toFixed(1)}`;
  console.log(s);
}
const anchor = withPy
  ? runCpythonWorkloads(new URL("./index.ts", import.meta.url).href, N, ROUNDS)
  : undefined;
{
  const { heap, rc, c } = fresh();
  const leaf = heap.newList();
  const head = buildListChain(heap, rc, N, leaf);
  c.collect();
  let best = Infinity;
  let bp = new Map<string, number>();
  for (let r = 0; r < ROUNDS; r++) {
    passes.clear();
    const t0 = process.hrtime.bigint();
    c.collect();
    const ns = Number(process.hrtime.bigint() - t0);
    if (ns < best) {
      best = ns;
      bp = new Map(passes);
    }
  }
  report("G1", best, bp);
  rc.decref(head);
}
{
  const { heap, rc, c } = fresh();
  const pair = [heap.none, heap.none];
  let best = Infinity;
  let bp = new Map<string, number>();
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < N / 2; i++) {
      const a = heap.newList(pair);
      pair[0] = a;
      const b = heap.newList(pair);
      pair[0] = heap.none;
      heap.listSetItem(a, 0, b);
      rc.decref(a);
      rc.decref(b);
    }
    passes.clear();
    const t0 = process.hrtime.bigint();
    const found = c.collect();
    const ns = Number(process.hrtime.bigint() - t0);
    if (found < N - 2) throw new Error("G2 " + found);
    if (ns < best) {
      best = ns;
      bp = new Map(passes);
    }
  }
  report("G2", best, bp);
  heap.verify?.();
}
if (anchor)
  console.log(
    `CPython G1 ${(anchor.get("g1")! / N).toFixed(1)}  G2 ${(anchor.get("g2")! / N).toFixed(1)}`,
  );
