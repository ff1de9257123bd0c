import { Heap } from "@pymem/heap";
import { Refcounter } from "@pymem/refcount";
import { GenerationalCollector } from "../src/generational-collector.js";
const N = 1_000_000;
const proto = GenerationalCollector.prototype as any;
const times: Record<string, number> = {};
for (const name of ["updateRefs", "subtractRefs", "moveUnreachable", "moveLegacyFinalizers", "handleWeakrefs", "finalizeGarbage", "handleResurrectedObjects", "deleteGarbage"]) {
  const orig = proto[name];
  proto[name] = function (...args: any[]) { const t = process.hrtime.bigint(); const r = orig.apply(this, args); times[name] = (times[name] ?? 0) + Number(process.hrtime.bigint() - t); return r; };
}
const heap = new Heap(); const rc = new Refcounter(heap);
const collector = new GenerationalCollector({ allocator: heap.allocator });
rc.attachCollector(collector); collector.enabled = false;
const mode = process.argv[2] ?? "g1";
if (mode === "g1") {
  const leaf = heap.newList(); const pair = [heap.none, leaf]; let head = heap.none;
  for (let i = 0; i < N; i++) { pair[0] = head; const node = heap.newList(pair); rc.decref(head); head = node; }
  for (let r = 0; r < 4; r++) collector.collect(2);
  for (const k in times) times[k] = 0;
  for (let r = 0; r < 5; r++) collector.collect(2);
} else {
  const pair = [heap.none, heap.none];
  for (let r = 0; r < 6; r++) {
    if (r === 2) for (const k in times) times[k] = 0;
    for (let i = 0; i < N / 2; i++) { const a = heap.newList(pair); pair[0] = a; const b = heap.newList(pair); pair[0] = heap.none; heap.listSetItem(a, 0, b); rc.decref(a); rc.decref(b); }
    collector.collect(2);
  }
  for (const k in times) times[k] = times[k]! * 5 / 4;
}
for (const [k, v] of Object.entries(times)) console.log(k.padEnd(26), (v / 5 / N).toFixed(1), "ns/obj");
