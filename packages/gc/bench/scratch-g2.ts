// SCRATCH (H-gcperf): G2 only, for profiling. Deleted before the report.
import { Heap } from "@pymem/heap";
import { Refcounter } from "@pymem/refcount";
import { GenerationalCollector } from "../src/generational-collector.js";

const N = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const heap = new Heap();
const rc = new Refcounter(heap);
const c = new GenerationalCollector({ allocator: heap.allocator });
rc.attachCollector(c);
c.enabled = false;
const pair = [heap.none, heap.none];
let total = 0;
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
  const t0 = process.hrtime.bigint();
  c.collect();
  total += Number(process.hrtime.bigint() - t0);
}
console.log(
  `collect total ${(total / 1e6).toFixed(0)} ms, ${(total / N / ROUNDS).toFixed(1)} ns/obj avg`,
);
