// SCRATCH (H-gcperf). Deleted before the report.
import { Heap } from "@pymem/heap";
import { Refcounter } from "@pymem/refcount";
import { buildListChain } from "../../refcount/bench/list-chain.js";
import { GenerationalCollector } from "../src/generational-collector.js";

const N = 1_000_000;
for (const withGc of [false, true, false, true]) {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const heap = new Heap();
    const rc = new Refcounter(heap);
    if (withGc) {
      const c = new GenerationalCollector({ allocator: heap.allocator });
      rc.attachCollector(c);
      c.enabled = false;
    }
    const head = buildListChain(heap, rc, N);
    const t0 = process.hrtime.bigint();
    rc.decref(head);
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
  }
  console.log(withGc ? "chain+gc" : "chain", (best / N).toFixed(1));
}
