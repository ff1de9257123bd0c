/**
 * User-defined types against built-in lists, freed and collected (issue: a runtime author's cons
 * cell must cost what a list costs). Every subject is a chain of N two-reference objects
 * (`node = T(next, None)`), measured side by side in one process and one run:
 *
 * - free: drop the head, the whole chain cascades away (reference counting);
 * - collect: the chain closed into one cycle, found and freed by one full collection
 *   (GenerationalCollector).
 *
 * Subjects: a two-slot `list`; a `defineType` cons cell (two fixed reference slots); the same
 * with a weakref slot no weak reference is ever made to; a `defineClass` class with
 * `__slots__ = ("car", "cdr")`; the same, weakrefable. Figures are the best of `rounds`, in CPU
 * ns per object (`process.cpuUsage`, steadier than wall time on a shared machine), with the ratio
 * to the list chain of the same round set.
 *
 * Run: `pnpm --filter @pymem/gc bench` (after the G1/G2 benchmark) or
 * `tsx bench/user-type-chains.ts [N] [rounds]` (defaults 1,000,000 and 5).
 */
import { type Ptr, TypeFlags } from "@pymem/core";
import { Heap } from "@pymem/heap";
import { Refcounter } from "@pymem/refcount";
import { GenerationalCollector } from "../src/generational-collector.js";

const N = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 5);

const SUBJECTS = ["list", "cons", "cons + weakref slot", "class", "class + weakref"] as const;
type Subject = (typeof SUBJECTS)[number];

/** A fresh heap with the subject's type, and how to make a node and to point a node's first reference elsewhere. */
function setUp(subject: Subject) {
  const heap = new Heap();
  const rc = new Refcounter(heap);
  const collector = new GenerationalCollector();
  rc.attachCollector(collector);
  collector.enabled = false;
  const cons = heap.defineType({
    name: "cons",
    basicSize: subject === "cons + weakref slot" ? 20 : 16,
    flags: TypeFlags.GC,
    references: { fixed: [8, 12] },
    ...(subject === "cons + weakref slot" ? { weaklistOffset: 16 } : {}),
  });
  const cls = heap.defineClass({
    name: "Cons",
    slots: ["car", "cdr"],
    weakrefable: subject === "class + weakref",
  });
  const pair = [heap.none, heap.none];
  /** A new node holding a new reference to `next` (and to None). */
  const node = (next: Ptr): Ptr => {
    if (subject === "list") {
      pair[0] = next;
      return heap.newList(pair);
    }
    if (subject === "class" || subject === "class + weakref") {
      const obj = heap.newInstance(cls);
      heap.setSlot(obj, "car", next);
      heap.setSlot(obj, "cdr", heap.none);
      return obj;
    }
    const obj = heap.allocate(cons);
    rc.incref(next);
    heap.memory.u32[(obj + 8) >>> 2] = next;
    heap.memory.u32[(obj + 12) >>> 2] = heap.none; // None is immortal: no count to take
    return obj;
  };
  /** Points `obj`'s first reference at `target` (a new reference), dropping the old one. */
  const setFirst = (obj: Ptr, target: Ptr): void => {
    if (subject === "list") heap.listSetItem(obj, 0, target);
    else if (subject === "class" || subject === "class + weakref") heap.setSlot(obj, "car", target);
    else {
      rc.incref(target);
      const old = heap.memory.u32[(obj + 8) >>> 2]!;
      heap.memory.u32[(obj + 8) >>> 2] = target;
      rc.decref(old);
    }
  };
  return { heap, rc, collector, node, setFirst };
}

/** Builds the chain; returns its head (one reference, the caller's) and its tail. */
function buildChain(subject: ReturnType<typeof setUp>): { head: Ptr; tail: Ptr } {
  const tail = subject.node(subject.heap.none);
  let head = tail;
  for (let i = 1; i < N; i++) {
    const next = subject.node(head);
    subject.rc.decref(head);
    head = next;
  }
  return { head, tail };
}

function cpuNs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) * 1000;
}

function freeChain(name: Subject): number {
  const subject = setUp(name);
  const { head } = buildChain(subject);
  const before = subject.heap.allocator.stats().blocksInUse;
  const t0 = process.cpuUsage();
  subject.rc.decref(head);
  const ns = cpuNs(t0);
  if (before - subject.heap.allocator.stats().blocksInUse < N)
    throw new Error(`${name}: the chain was not freed`);
  return ns / N;
}

function collectChain(name: Subject): number {
  const subject = setUp(name);
  const { head, tail } = buildChain(subject);
  subject.setFirst(tail, head); // close the cycle
  subject.rc.decref(head);
  const t0 = process.cpuUsage();
  const found = subject.collector.collect(2);
  const ns = cpuNs(t0);
  if (found !== N) throw new Error(`${name}: collected ${found} of ${N}`);
  return ns / N;
}

const best = new Map<string, number>();
for (let round = 0; round < ROUNDS; round++) {
  for (const name of SUBJECTS) {
    for (const [workload, run] of [
      ["free", freeChain],
      ["collect", collectChain],
    ] as const) {
      const key = `${workload} ${name}`;
      best.set(key, Math.min(best.get(key) ?? Number.POSITIVE_INFINITY, run(name)));
    }
  }
}

console.log(
  `user types vs lists: chains of ${N.toLocaleString()}, best of ${ROUNDS}, CPU ns/object`,
);
for (const workload of ["free", "collect"]) {
  const list = best.get(`${workload} list`)!;
  const row = SUBJECTS.map((name) => {
    const ns = best.get(`${workload} ${name}`)!;
    return `${name} ${ns.toFixed(1)} (${(ns / list).toFixed(2)}×)`;
  });
  console.log(`${workload.padEnd(8)} ${row.join("  ")}`);
}
