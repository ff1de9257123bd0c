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
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Ptr } from "@pymem/core";
import { Heap } from "@pymem/heap";
import { Refcounter } from "../src/index.js";

const N = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 5);

function fresh() {
  const heap = new Heap();
  const rc = new Refcounter(heap);
  return { heap, rc };
}

function chain(heap: Heap, rc: Refcounter): { ns: number; bytesPerList: number } {
  const before = heap.allocator.stats().bytesInUse;
  const pair = [heap.none, heap.none];
  let head = heap.none;
  for (let i = 0; i < N; i++) {
    pair[0] = head;
    const node = heap.newList(pair);
    rc.decref(head);
    head = node;
  }
  const bytesPerList = (heap.allocator.stats().bytesInUse - before) / N;
  const t0 = process.hrtime.bigint();
  rc.decref(head);
  const ns = Number(process.hrtime.bigint() - t0);
  return { ns, bytesPerList };
}

type Maker = (heap: Heap, i: number, scratch: Ptr[]) => Ptr;

function churn(heap: Heap, rc: Refcounter, make: Maker): number {
  const objs = new Uint32Array(N);
  const scratch: Ptr[] = [0, 0];
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) objs[i] = make(heap, i, scratch);
  for (let i = 0; i < N; i++) rc.decref(objs[i]!);
  return Number(process.hrtime.bigint() - t0);
}

const strings = ["a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh"].map(
  (s) => `${s}x`,
);
interface Workload {
  setup?: (heap: Heap) => void;
  run: (heap: Heap, rc: Refcounter) => number;
}
let nodeType = 0;
let target = 0;
let key = 0;
function callback(): void {}
const workloads: Record<string, Workload> = {
  chain: { run: (heap, rc) => chain(heap, rc).ns },
  int: { run: (heap, rc) => churn(heap, rc, (h, i) => h.newInt(i + 1000)) },
  float: { run: (heap, rc) => churn(heap, rc, (h, i) => h.newFloat(i + 0.5)) },
  str: { run: (heap, rc) => churn(heap, rc, (h, i) => h.newStr(strings[i & 7]!)) },
  tuple: {
    run: (heap, rc) =>
      churn(heap, rc, (h, i, scratch) => {
        scratch[0] = h.newInt(i);
        scratch[1] = h.none;
        const t = h.newTuple(scratch);
        rc.decref(scratch[0]);
        return t;
      }),
  },
  list: {
    run: (heap, rc) =>
      churn(heap, rc, (h, i, scratch) => {
        scratch[0] = h.newInt(i);
        scratch[1] = h.none;
        const l = h.newList(scratch);
        rc.decref(scratch[0]);
        return l;
      }),
  },
  dict: {
    setup: (heap) => {
      key = heap.intern("k");
    },
    run: (heap, rc) =>
      churn(heap, rc, (h, i) => {
        const d = h.newDict();
        const v = h.newInt(i);
        h.dictSetItem(d, key, v);
        rc.decref(v);
        return d;
      }),
  },
  instance: {
    setup: (heap) => {
      nodeType = heap.defineClass({ name: "Node", slots: ["a", "b"], weakrefable: true });
    },
    run: (heap, rc) => churn(heap, rc, (h) => h.newInstance(nodeType)),
  },
  weakref: {
    setup: (heap) => {
      const type = heap.defineClass({ name: "Node", slots: ["a", "b"], weakrefable: true });
      target = heap.newInstance(type);
    },
    run: (heap, rc) => churn(heap, rc, (h) => h.newWeakref(target, callback)),
  },
};

function cpython(): Map<string, number> | undefined {
  const script = join(dirname(fileURLToPath(import.meta.url)), "workloads.py");
  const result = spawnSync("python3", [script, String(N), String(ROUNDS)], {
    env: { ...process.env, PYENV_VERSION: "3.13.0" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    console.log(`(CPython 3.13 not available: ${result.stderr.trim().split("\n").pop()})`);
    return undefined;
  }
  const times = new Map<string, number>();
  for (const line of result.stdout.trim().split("\n")) {
    const [name, ns] = line.split(" ");
    times.set(name!, Number(ns));
  }
  return times;
}

const anchor = cpython();
const sizing = fresh();
const { bytesPerList } = chain(sizing.heap, sizing.rc);
console.log(
  `N = ${N.toLocaleString("en")}, best of ${ROUNDS} (one heap per workload, reused across rounds)`,
);
console.log(
  `bytes per two-slot list in the pool: ${bytesPerList} (target ≤ 40; CPython 3.13 64-bit: 80)`,
);
console.log("workload     pymem ns/obj   CPython ns/obj   ratio");
for (const [name, workload] of Object.entries(workloads)) {
  const { heap, rc } = fresh();
  workload.setup?.(heap);
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < ROUNDS; r++) best = Math.min(best, workload.run(heap, rc));
  const ours = best / N;
  const theirs = anchor?.get(name);
  const theirsPerObject = theirs === undefined ? undefined : theirs / N;
  console.log(
    `${name.padEnd(12)} ${ours.toFixed(1).padStart(12)}   ${theirsPerObject === undefined ? "—".padStart(14) : theirsPerObject.toFixed(1).padStart(14)}   ${theirsPerObject === undefined ? "—" : `${(ours / theirsPerObject).toFixed(2)}×`}`,
  );
}
