/**
 * Benchmarks of @pymem/refcount + @pymem/heap against CPython 3.13 in the same run.
 *
 * - G3 chain: build a singly linked chain of N two-slot lists (`head = [head, None]`), drop the
 *   head, time the cascade. Also reports bytes per two-slot list in the pool.
 * - Churn: allocate N small objects of each built-in type into an array, then release them all.
 *
 * Run: `pnpm --filter @pymem/refcount bench` (or `tsx bench/index.ts [N] [rounds]`). CPython is
 * spawned as `PYENV_VERSION=3.13.0 python3 bench/workloads.py`; if it is missing, only pymem's
 * numbers are printed. Each figure is the best of `rounds`.
 */
import { Heap } from "@pymem/heap";
import { Refcounter } from "../src/index.js";
import { runCpythonWorkloads } from "./cpython-workloads.js";
import { buildListChain } from "./list-chain.js";

const N = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 5);

function fresh() {
  const heap = new Heap();
  const rc = new Refcounter(heap);
  return { heap, rc };
}

function chain(heap: Heap, rc: Refcounter): { ns: number; bytesPerList: number } {
  const before = heap.allocator.stats().bytesInUse;
  const head = buildListChain(heap, rc, N);
  const bytesPerList = (heap.allocator.stats().bytesInUse - before) / N;
  const t0 = process.hrtime.bigint();
  rc.decref(head);
  const ns = Number(process.hrtime.bigint() - t0);
  return { ns, bytesPerList };
}

/*
 * Churn workloads: allocate N objects into an array, then release them all. Each workload is its own
 * function with its own loops, so that every call site stays monomorphic (a shared loop calling a
 * per-workload closure would measure V8's megamorphic calls instead of the heap).
 */
const strings = ["a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh"].map(
  (s) => `${s}x`,
);
const objs = new Uint32Array(N);

function timed(heap: Heap, rc: Refcounter, fill: (heap: Heap, rc: Refcounter) => void): number {
  const t0 = process.hrtime.bigint();
  fill(heap, rc);
  for (let i = 0; i < N; i++) rc.decref(objs[i]!);
  return Number(process.hrtime.bigint() - t0);
}

function fillInt(heap: Heap): void {
  for (let i = 0; i < N; i++) objs[i] = heap.newInt(i + 1000);
}
function fillFloat(heap: Heap): void {
  for (let i = 0; i < N; i++) objs[i] = heap.newFloat(i + 0.5);
}
function fillStr(heap: Heap): void {
  for (let i = 0; i < N; i++) objs[i] = heap.newStr(strings[i & 7]!);
}
function fillTuple(heap: Heap, rc: Refcounter): void {
  const items = [0, heap.none];
  for (let i = 0; i < N; i++) {
    items[0] = heap.newInt(i + 1000);
    objs[i] = heap.newTuple(items);
    rc.decref(items[0]);
  }
}
function fillList(heap: Heap, rc: Refcounter): void {
  const items = [0, heap.none];
  for (let i = 0; i < N; i++) {
    items[0] = heap.newInt(i + 1000);
    objs[i] = heap.newList(items);
    rc.decref(items[0]);
  }
}
function fillDict(heap: Heap, rc: Refcounter): void {
  const key = heap.intern("k");
  for (let i = 0; i < N; i++) {
    const d = heap.newDict();
    const value = heap.newInt(i + 1000);
    heap.dictSetItem(d, key, value);
    rc.decref(value);
    objs[i] = d;
  }
  rc.decref(key);
}
function fillInstance(heap: Heap): void {
  const type = nodeType(heap);
  for (let i = 0; i < N; i++) objs[i] = heap.newInstance(type);
}
function fillWeakref(heap: Heap, rc: Refcounter): void {
  const target = heap.newInstance(nodeType(heap));
  for (let i = 0; i < N; i++) objs[i] = heap.newWeakref(target, callback);
  rc.decref(target);
}
const nodeTypes = new WeakMap<Heap, number>();
function nodeType(heap: Heap): number {
  let type = nodeTypes.get(heap);
  if (type === undefined) {
    type = heap.defineClass({ name: "Node", slots: ["a", "b"], weakrefable: true });
    nodeTypes.set(heap, type);
  }
  return type;
}
function callback(): void {}

const workloads: Record<string, (heap: Heap, rc: Refcounter) => number> = {
  // A fresh heap per round: CPython returns emptied arenas to the OS, so each of its chains is
  // built in fresh arenas too (sequential addresses); a reused pool would hand out blocks in
  // free-list order instead.
  chain: () => {
    const { heap, rc } = fresh();
    return chain(heap, rc).ns;
  },
  int: (heap, rc) => timed(heap, rc, fillInt),
  float: (heap, rc) => timed(heap, rc, fillFloat),
  str: (heap, rc) => timed(heap, rc, fillStr),
  tuple: (heap, rc) => timed(heap, rc, fillTuple),
  list: (heap, rc) => timed(heap, rc, fillList),
  dict: (heap, rc) => timed(heap, rc, fillDict),
  instance: (heap, rc) => timed(heap, rc, fillInstance),
  weakref: (heap, rc) => timed(heap, rc, fillWeakref),
};

const anchor = runCpythonWorkloads(import.meta.url, N, ROUNDS);
const sizing = fresh();
const { bytesPerList } = chain(sizing.heap, sizing.rc);
console.log(
  `N = ${N.toLocaleString("en")}, best of ${ROUNDS} (one heap per workload, reused across rounds)`,
);
console.log(
  `bytes per two-slot list in the pool: ${bytesPerList} (target ≤ 40; CPython 3.13 64-bit: 80)`,
);
console.log("workload     pymem ns/obj   CPython ns/obj   ratio");
for (const [name, run] of Object.entries(workloads)) {
  const { heap, rc } = fresh();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < ROUNDS; r++) best = Math.min(best, run(heap, rc));
  const ours = best / N;
  const theirs = anchor?.get(name);
  const theirsPerObject = theirs === undefined ? undefined : theirs / N;
  console.log(
    `${name.padEnd(12)} ${ours.toFixed(1).padStart(12)}   ${theirsPerObject === undefined ? "—".padStart(14) : theirsPerObject.toFixed(1).padStart(14)}   ${theirsPerObject === undefined ? "—" : `${(ours / theirsPerObject).toFixed(2)}×`}`,
  );
}
