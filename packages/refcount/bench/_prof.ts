import { Heap } from "@pymem/heap";
import { Refcounter } from "/work/main/packages/refcount/src/index.js";
for (let r = 0; r < 12; r++) {
  const heap = new Heap(); const rc = new Refcounter(heap);
  const pair = [heap.none, heap.none]; let head = heap.none;
  for (let i = 0; i < 1_000_000; i++) { pair[0] = head; const n = heap.newList(pair); rc.decref(head); head = n; }
  const t0 = performance.now(); rc.decref(head); console.log((performance.now() - t0).toFixed(1), "ms");
}
