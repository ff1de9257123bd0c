// SCRATCH (H-gcperf). Deleted before the report.
import { Heap } from "@pymem/heap";

const heap = new Heap();
const a = heap.allocator;
const N = 1_000_000;
const ptrs = new Uint32Array(N),
  ptrs2 = new Uint32Array(N);
for (let k = 0; k < 5; k++) {
  for (let i = 0; i < N; i++) {
    ptrs[i] = a.malloc(32);
    ptrs2[i] = a.malloc(8);
  }
  const t0 = process.hrtime.bigint();
  for (let i = N - 1; i >= 0; i--) {
    a.free(ptrs[i]!);
    a.free(ptrs2[i]!);
  }
  const dt = Number(process.hrtime.bigint() - t0);
  console.log("free pair", (dt / N).toFixed(1), "ns");
}
