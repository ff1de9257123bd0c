import { Heap } from "@pymem/heap";
import { Refcounter } from "@pymem/refcount";
import { GenerationalCollector } from "../src/generational-collector.js";
const N = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 5);
function fresh() {
  const heap = new Heap();
  const rc = new Refcounter(heap);
  const collector = new GenerationalCollector({ allocator: heap.allocator });
  rc.attachCollector(collector);
  collector.enabled = false;
  return { heap, rc, collector };
}
function g1(): number {
  const { heap, rc, collector } = fresh();
  const leaf = heap.newList();
  const pair = [heap.none, leaf];
  let head = heap.none;
  for (let i = 0; i < N; i++) { pair[0] = head; const node = heap.newList(pair); rc.decref(head); head = node; }
  collector.collect(2);
  let best = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint(); const found = collector.collect(2); const ns = Number(process.hrtime.bigint() - t0);
    if (found !== 0) throw new Error("G1 freed"); best = Math.min(best, ns);
  }
  return best;
}
function g2(): number {
  const { heap, rc, collector } = fresh();
  let best = Infinity;
  const pair = [heap.none, heap.none];
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < N / 2; i++) {
      const a = heap.newList(pair); pair[0] = a; const b = heap.newList(pair); pair[0] = heap.none;
      heap.listSetItem(a, 0, b); rc.decref(a); rc.decref(b);
    }
    const t0 = process.hrtime.bigint(); const found = collector.collect(2); const ns = Number(process.hrtime.bigint() - t0);
    if (found < N - 2) throw new Error("G2 found " + found); best = Math.min(best, ns);
  }
  return best;
}
const mode = process.argv[4] ?? "both"; const a = mode === "g2" ? 0 : g1(); const b = mode === "g1" ? 0 : g2();
console.log(`G1 ${(a / N).toFixed(1)} ns/obj  G2 ${(b / N).toFixed(1)} ns/obj`);
