/**
 * Size benchmark of @pymem/heap: bytes each kind of small object costs in the pool (the allocator's
 * `bytesInUse` delta, blocks rounded to their size class), beside `sys.getsizeof` of the same object
 * in CPython 3.13 64-bit (spawned as `PYENV_VERSION=3.13.0 python3 bench/sizes.py`).
 *
 * Run: `pnpm --filter @pymem/heap bench`. Reference counting is not needed to measure sizes, so the
 * objects are created under a minimal counting {@link Lifetime} and never freed.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Lifetime, Ptr } from "@pymem/core";
import { Heap } from "../src/index.js";

const COUNT = 100_000;

/** Counts references and never frees: enough for objects that live to the end of the run. */
class CountingLifetime implements Lifetime {
  constructor(private readonly heap: Heap) {}
  incref(obj: Ptr): void {
    if (!this.heap.isImmortal(obj)) this.heap.memory.i32[obj >> 2]!++;
  }
  decref(obj: Ptr): void {
    if (!this.heap.isImmortal(obj)) this.heap.memory.i32[obj >> 2]!--;
  }
  refcount(obj: Ptr): number {
    return this.heap.memory.i32[obj >> 2]!;
  }
  isImmortal(obj: Ptr): boolean {
    return this.heap.isImmortal(obj);
  }
}

const heap = new Heap({ freeLists: false });
heap.lifetime = new CountingLifetime(heap);
const thousand = heap.newInt(1000);
const key = heap.intern("k");
const Node = heap.defineClass({ name: "Node", slots: ["a", "b"], weakrefable: true });
const target = heap.newInstance(Node);
const makers: Record<string, () => Ptr> = {
  int: () => heap.newInt(1000),
  float: () => heap.newFloat(0.5),
  str: () => heap.newStr("abcdefgh"),
  tuple: () => heap.newTuple([thousand, heap.none]),
  list: () => heap.newList([thousand, heap.none]),
  dict: () => {
    const d = heap.newDict();
    heap.dictSetItem(d, key, thousand);
    return d;
  },
  instance: () => heap.newInstance(Node),
  weakref: () => heap.newWeakref(target, () => {}),
};

const anchor = new Map<string, number>();
const python = spawnSync("python3", [join(dirname(fileURLToPath(import.meta.url)), "sizes.py")], {
  env: { ...process.env, PYENV_VERSION: "3.13.0" },
  encoding: "utf8",
});
if (python.status === 0) {
  for (const line of python.stdout.trim().split("\n")) {
    const [name, size] = line.split(" ");
    anchor.set(name!, Number(size));
  }
} else {
  console.log("(CPython 3.13 not available: sizes shown for pymem only)");
}

console.log("object      pymem bytes (pool)   getsizeof   CPython 3.13 getsizeof");
for (const [name, make] of Object.entries(makers)) {
  const before = heap.allocator.stats().bytesInUse;
  let last = 0;
  for (let i = 0; i < COUNT; i++) last = make();
  const perObject = (heap.allocator.stats().bytesInUse - before) / COUNT;
  console.log(
    `${name.padEnd(10)} ${perObject.toFixed(1).padStart(19)}   ${String(heap.getsizeof(last)).padStart(9)}   ${String(anchor.get(name) ?? "—").padStart(22)}`,
  );
}
