import {
  HeapCorruptionError,
  IMMORTAL_REFCNT,
  InvalidPointerError,
  OB_TYPE_OFFSET,
  type Ptr,
  TypeFlags,
} from "@pymem/core";
import { describe, expect, it } from "vitest";
import { GcModule } from "./gc-module.js";
import { GenerationalCollector } from "./generational-collector.js";
import { PyHeap } from "./test-support/py-heap.js";

function makeHeap(options: ConstructorParameters<typeof GenerationalCollector>[0] = {}) {
  const heap = new PyHeap((allocator) => new GenerationalCollector({ allocator, ...options }));
  const collector = heap.collector as GenerationalCollector;
  const gc = new GcModule(collector);
  gc.disable();
  return { heap, collector, gc };
}

describe("GenerationalCollector", () => {
  it("uses 3.13's thresholds by default and 3.11/3.12's with a profile", () => {
    expect(new GenerationalCollector().getThreshold()).toEqual([2000, 10, 10]);
    expect(new GenerationalCollector({ profile: "3.12" }).getThreshold()).toEqual([700, 10, 10]);
    expect(new GenerationalCollector({ thresholds: [5] }).getThreshold()).toEqual([5, 10, 10]);
    expect(() => new GenerationalCollector({ thresholds: [1, 2, 3, 4] })).toThrow(RangeError);
  });

  it("refuses to attach without an allocator, or twice", () => {
    const { heap: other, collector: attached } = makeHeap();
    const host = other.rc.collectorHost!;
    const withoutAllocator = { memory: host.memory, types: host.types, allocator: undefined };
    expect(() =>
      new GenerationalCollector().attach(withoutAllocator as unknown as typeof host),
    ).toThrow(/allocator/);
    expect(() => attached.attach(other.rc.collectorHost!)).toThrow(/already attached/);
  });

  it("tracking errors name the object and change nothing", () => {
    const { heap, collector, gc } = makeHeap();
    const list = heap.newList();
    expect(() => collector.track(list)).toThrow(InvalidPointerError);
    expect(() => collector.track(list)).toThrow(/already tracked/);
    const one = heap.newInt(1000);
    expect(() => collector.track(one)).toThrow(/not GC-capable/);
    expect(() => collector.untrack(one)).toThrow(InvalidPointerError);
    expect(collector.isTracked(one)).toBe(false);
    collector.untrack(list);
    collector.untrack(list); // idempotent, like PyObject_GC_UnTrack
    expect(collector.isTracked(list)).toBe(false);
    collector.track(list);
    expect(gc.getObjects(0)).toContain(list);
    heap.decref(list);
    heap.decref(one);
    heap.verify();
  });

  it("a refcount smaller than the references found throws HeapCorruptionError and leaves the lists intact", () => {
    const { heap, collector, gc } = makeHeap();
    const a = heap.newList();
    const b = heap.newList(a, a); // b holds two references to a
    const before = gc.getObjects();
    heap.memory.u32[a >>> 2] = 1; // a host bug: one reference too few
    expect(() => gc.collect()).toThrow(HeapCorruptionError);
    expect(() => gc.collect()).toThrow(/refcount is too small/);
    expect(collector.collecting).toBe(false);
    heap.memory.u32[a >>> 2] = 3;
    expect(new Set(gc.getObjects())).toEqual(new Set(before));
    expect(gc.collect()).toBe(0);
    expect(gc.getObjects(2)).toEqual(expect.arrayContaining([a, b]));
    heap.decref(b);
    heap.decref(a);
    heap.verify();
  });

  it("a tracked object whose header names no GC type throws HeapCorruptionError and leaves the lists intact", () => {
    const { heap, collector, gc } = makeHeap();
    const a = heap.newList();
    const b = heap.newList(a);
    const before = gc.getObjects();
    const typeWord = (a + OB_TYPE_OFFSET) >>> 2;
    const listType = heap.memory.u32[typeWord]!;
    const int = heap.newInt(1000);
    const intType = heap.memory.u32[(int + OB_TYPE_OFFSET) >>> 2]!;
    for (const bad of [0, 0xffff, intType]) {
      heap.memory.u32[typeWord] = bad; // a host bug: a smashed header
      expect(() => gc.collect()).toThrow(HeapCorruptionError);
      expect(() => gc.collect()).toThrow(/names no GC type/);
      expect(collector.collecting).toBe(false);
    }
    heap.memory.u32[typeWord] = listType;
    expect(new Set(gc.getObjects())).toEqual(new Set(before));
    expect(gc.collect()).toBe(0);
    heap.decref(int);
    heap.decref(b);
    heap.decref(a);
    heap.verify();
  });

  it("a full collection's one-pass update_refs + subtract_refs matches the two passes", () => {
    // The same heap twice: once as it is (a full collection sees every tracked object and fuses
    // the passes), once with a frozen object in the permanent generation (two passes).
    function run(freezeFirst: boolean) {
      const { heap, collector, gc } = makeHeap();
      const frozenList = freezeFirst ? heap.newList() : 0;
      if (freezeFirst) gc.freeze(); // frozenList stays in the permanent generation
      const frozen = gc.getFreezeCount();
      const pair = heap.defineClass("Pair", 2);
      const made: Ptr[] = [];
      const keep = (obj: Ptr) => {
        made.push(obj);
        return obj;
      };
      // Containers that reference objects made after them (ahead in the list).
      const early = keep(heap.newEmptyList(1));
      const later = keep(heap.newList());
      heap.set(early, 0, later);
      // A garbage cycle through an instance (generic layout) and a list, forward and back.
      const node = keep(heap.newInstance(pair));
      const tail = keep(heap.newList(node));
      heap.decref(node); // tail's reference is node's only one
      heap.set(node, 0, tail);
      heap.set(node, 1, later);
      // An immortal tracked list in the middle, referencing a live object and a garbage one;
      // around it a garbage 2-cycle whose second object, right after it, is met ahead of the scan.
      const beforeImmortal = heap.newEmptyList(1);
      const immortal = keep(heap.newList(early, node));
      heap.memory.u32[immortal >>> 2] = IMMORTAL_REFCNT;
      const afterImmortal = heap.newList(beforeImmortal);
      heap.set(beforeImmortal, 0, afterImmortal);
      heap.decref(beforeImmortal);
      heap.decref(afterImmortal);
      // Garbage whose first object references the second, ahead of it.
      const garbageFirst = heap.newEmptyList(1);
      const garbageSecond = heap.newList(garbageFirst);
      heap.set(garbageFirst, 0, garbageSecond);
      heap.decref(garbageFirst);
      heap.decref(garbageSecond);
      const chainEnd = keep(heap.newList());
      const chain = keep(heap.newList(chainEnd));
      heap.decref(tail);
      heap.decref(later);
      const found = gc.collect();
      const alive = made.map((obj) => heap.isAlive(obj));
      const order = gc.getObjects(2).map((obj) => made.indexOf(obj));
      const counts = made.map((obj) => (heap.isAlive(obj) ? heap.refcount(obj) : -1));
      const permanent = gc.getFreezeCount() - frozen;
      // Cleanup: the immortal list back to mortal, then everything dropped and verified.
      heap.memory.u32[immortal >>> 2] = 1;
      gc.unfreeze();
      for (const obj of [immortal, chain, chainEnd, early]) heap.decref(obj);
      if (frozenList !== 0) heap.decref(frozenList);
      const cycleFound = gc.collect(); // node, tail and later, which only node holds now
      expect(collector.collecting).toBe(false);
      return { found, alive, order, counts, permanent, cycleFound, heap };
    }
    const fused = run(false);
    const twoPass = run(true);
    expect(fused.found).toBe(4); // the two forward 2-cycles; the immortal list keeps the other alive
    expect(fused.permanent).toBe(1);
    expect(fused.cycleFound).toBe(3);
    expect(fused.alive.every(Boolean)).toBe(true);
    expect(fused).toEqual({ ...twoPass, heap: fused.heap });
    fused.heap.verify();
    twoPass.heap.verify();
  });

  it("a full collection reports a bad refcount found ahead of the scan and leaves the lists intact", () => {
    const { heap, collector, gc } = makeHeap();
    const pair = heap.defineClass("Pair", 2);
    const early = heap.newEmptyList(1);
    const viaInstance = heap.newInstance(pair);
    const later = heap.newList();
    heap.set(early, 0, later);
    heap.set(viaInstance, 0, later);
    const before = gc.getObjects();
    for (const [count, message] of [
      [1, /refcount is too small/],
      [0, /tracked object has refcount 0/],
    ] as const) {
      heap.memory.u32[later >>> 2] = count; // a host bug: references missing
      expect(() => gc.collect()).toThrow(HeapCorruptionError);
      expect(() => gc.collect()).toThrow(message);
      expect(collector.collecting).toBe(false);
      expect(gc.getObjects()).toEqual(before);
    }
    heap.memory.u32[later >>> 2] = 3;
    expect(gc.collect()).toBe(0);
    heap.decref(later);
    heap.decref(viaInstance);
    heap.decref(early);
    expect(gc.collect()).toBe(0);
    heap.verify();
  });

  it("a full collection after one cut short by a throwing traverse hook still finds the right set", () => {
    const { heap, collector, gc } = makeHeap();
    let broken = false;
    const hooked = heap.defineType(
      {
        name: "Hooked",
        basicSize: 12,
        flags: TypeFlags.GC,
        references: { fixed: [8] },
        traverse: () => {
          if (broken) throw new Error("traverse failed");
        },
      },
      1,
    );
    // In generation 0, in this order: a list that only leads (merging generations rewrites
    // the first object's gc_prev), x (held only by y), y (held from outside), the hooked object.
    // The broken collection subtracts y's reference to x, then throws: a full collection
    // trusting what it left would subtract it again.
    const leading = heap.newList();
    const x = heap.newList();
    const y = heap.newList(x);
    heap.decref(x);
    const obj = heap.newInstance(hooked);
    broken = true;
    expect(() => gc.collect(0)).toThrow("traverse failed");
    expect(collector.collecting).toBe(false);
    broken = false;
    expect(gc.collect()).toBe(0);
    expect(gc.getObjects(2)).toEqual(expect.arrayContaining([x, y, obj]));
    heap.decref(obj);
    heap.decref(y);
    heap.decref(leading);
    expect(heap.isAlive(x)).toBe(false);
    heap.verify();
  });

  it("counts collected and uncollectable apart when a legacy finalizer keeps trash alive", () => {
    const { heap, gc } = makeHeap();
    const Legacy = heap.defineClass("Legacy", 1, { del: () => {} });
    const stops: { collected: number; uncollectable: number }[] = [];
    gc.callbacks.push((phase, info) => phase === "stop" && stops.push(info));
    // x (legacy) → a → b → x: all three uncollectable; c ⇄ d is plain trash.
    const a = heap.newEmptyList(1);
    const x = heap.newInstance(Legacy, a);
    const b = heap.newList(x);
    heap.set(a, 0, b);
    heap.decref(a);
    heap.decref(b);
    const c = heap.newEmptyList(1);
    const d = heap.newList(c);
    heap.set(c, 0, d);
    heap.decref(c);
    heap.decref(d);
    heap.decref(x);
    expect(gc.collect()).toBe(5);
    expect(stops.at(-1)).toMatchObject({ collected: 2, uncollectable: 3 });
    expect(heap.isAlive(c)).toBe(false);
    expect(heap.isAlive(a)).toBe(true);
    expect(gc.garbage).toEqual([x]);
    heap.set(x, 0, 0); // breaks the cycle: dropping gc.garbage's reference frees all three
    heap.decref(gc.garbage.pop()!);
    expect(heap.isAlive(a)).toBe(false);
    expect(gc.collect()).toBe(0);
    heap.verify();
  });

  it("clears a weakref in the trash even when nothing in the trash is weakrefable (bpo-38006)", () => {
    const { heap, gc } = makeHeap();
    let callbackCalls = 0;
    const A = heap.defineClass("A", 1);
    // Opaque holds a reference it does not report: its referent is not trash, but dies when
    // delete_garbage clears the Opaque — after which an uncleared weakref would call back.
    const memory = heap.memory;
    const Opaque = heap.defineType({
      name: "Opaque",
      basicSize: 12,
      flags: TypeFlags.GC,
      clear: (obj) => {
        const hidden = memory.u32[(obj + 8) >>> 2]!;
        memory.u32[(obj + 8) >>> 2] = 0;
        if (hidden !== 0) heap.decref(hidden);
      },
    });
    const referent = heap.newInstance(A);
    const opaque = heap.newInstance(Opaque);
    memory.u32[(opaque + 8) >>> 2] = referent; // steals the test's reference
    const wr = heap.newWeakref(referent, () => callbackCalls++);
    const trash = heap.newEmptyList(3); // [trash, opaque, wr]: list, Opaque, weakref
    heap.set(trash, 0, trash);
    heap.set(trash, 1, opaque);
    heap.set(trash, 2, wr);
    heap.decref(opaque);
    heap.decref(wr);
    heap.decref(trash);
    expect(gc.collect()).toBe(3);
    expect(callbackCalls).toBe(0);
    expect(heap.isAlive(referent)).toBe(false);
    heap.verify();
  });

  it("automatic collection: count0 > threshold0 starts one from allocation; the 25% rule defers full ones", () => {
    const { heap, gc } = makeHeap({ thresholds: [10, 1, 1] });
    const generations: number[] = [];
    gc.callbacks.push((phase, info) => phase === "start" && generations.push(info.generation));
    const keep: Ptr[] = [];
    for (let i = 0; i < 200; i++) keep.push(heap.newList()); // disabled: nothing happens
    expect(generations).toEqual([]);
    gc.collect(); // long_lived_total = 200 survivors, pending = 0
    generations.length = 0;
    gc.enable();
    for (let i = 0; i < 11; i++) keep.push(heap.newList());
    expect(generations).toEqual([0]); // count0 = 11 > 10
    for (let i = 0; i < 33; i++) keep.push(heap.newList());
    // gen 1 collections run; a full one waits until pending ≥ total / 4 (50).
    expect(generations.filter((g) => g === 2)).toEqual([]);
    expect(generations).toContain(1);
    for (let i = 0; i < 100; i++) keep.push(heap.newList());
    expect(generations).toContain(2);
    gc.disable();
    for (const obj of keep) heap.decref(obj);
  });

  it("with onCollectionScheduled, allocation only schedules (once) and runScheduledCollection collects", () => {
    const { heap, collector, gc } = makeHeap({ thresholds: [10, 10, 10] });
    const generations: number[] = [];
    gc.callbacks.push((phase, info) => phase === "start" && generations.push(info.generation));
    let scheduled = 0;
    collector.onCollectionScheduled = () => scheduled++;
    gc.enable();
    const keep: Ptr[] = [];
    for (let i = 0; i < 25; i++) keep.push(heap.newList());
    expect(generations).toEqual([]); // nothing ran at the allocation
    expect(scheduled).toBe(1); // told once, not at every allocation past the threshold
    expect(collector.getCount()[0]).toBe(25);
    collector.runScheduledCollection(); // CPython: _Py_RunGC at the next eval-breaker check
    expect(generations).toEqual([0]);
    expect(collector.getCount()[0]).toBe(0);
    collector.runScheduledCollection(); // nothing scheduled: nothing runs
    expect(generations).toEqual([0]);
    // The generation is chosen when the collection runs (here a raised threshold leaves none).
    for (let i = 0; i < 11; i++) keep.push(heap.newList());
    expect(scheduled).toBe(2);
    collector.setThreshold([100]);
    collector.runScheduledCollection();
    expect(generations).toEqual([0]);
    collector.setThreshold([10]);
    // _Py_RunGC does nothing while the collector is disabled; the schedule is consumed.
    for (let i = 0; i < 11; i++) keep.push(heap.newList());
    gc.disable();
    collector.runScheduledCollection();
    gc.enable();
    collector.runScheduledCollection();
    expect(generations).toEqual([0]);
    // Without the hook, allocation collects at once again.
    collector.onCollectionScheduled = undefined;
    keep.push(heap.newList());
    expect(generations).toEqual([0, 0]);
    gc.disable();
    for (const obj of keep) heap.decref(obj);
    heap.verify();
  });

  it("collects a 1,000,000-long cycle of lists without recursion", { timeout: 60_000 }, () => {
    const { heap, gc } = makeHeap();
    const n = 1_000_000;
    const head = heap.newEmptyList(1);
    let tail = head;
    for (let i = 1; i < n; i++) {
      const next = heap.newEmptyList(1);
      heap.set(tail, 0, next);
      heap.decref(next);
      tail = next;
    }
    heap.set(tail, 0, head); // close the cycle: nothing is freed by refcounting
    heap.decref(head);
    expect(gc.collect()).toBe(n);
    expect(heap.liveCount()).toBe(0);
  });

  it("a full collection empties the host's free lists (CPython: _PyGC_ClearAllFreeLists); younger ones do not", () => {
    const { heap, collector } = makeHeap();
    const host = heap.rc.collectorHost!;
    let cleared = 0;
    Object.assign(host, { clearFreeLists: () => cleared++ });
    collector.collect(0);
    collector.collect(1);
    expect(cleared).toBe(0);
    collector.collect(2);
    expect(cleared).toBe(1);
  });

  it("get_count decrements on deallocation from the allocator, floored at 0", () => {
    const { heap, gc } = makeHeap();
    gc.collect();
    const [before] = gc.getCount();
    const keep: Ptr[] = [];
    for (let i = 0; i < 300; i++) keep.push(heap.newList());
    const peak = gc.getCount()[0]!;
    expect(peak).toBeGreaterThanOrEqual(before! + 300 - 80); // free-list reuse is not counted
    for (const obj of keep) heap.decref(obj);
    // At least the 220 lists that did not fit the free list went back to the allocator.
    expect(peak - gc.getCount()[0]!).toBeGreaterThanOrEqual(220);
  });
  it("plain containers skip move_legacy_finalizers; a resurrection by host code is still seen", () => {
    const { heap, gc, collector } = makeHeap();
    const keep = heap.newEmptyList(1);
    const pair = () => {
      const a = heap.newEmptyList(1);
      const b = heap.newList(a);
      heap.set(a, 0, b);
      heap.decref(b);
      return a; // the caller drops it: an unreachable 2-cycle
    };
    // Nothing here has a finalizer, weakrefs or a legacy finalizer: the fast path.
    const plain = pair();
    heap.decref(plain);
    expect(gc.collect()).toBe(2);
    expect(heap.isAlive(plain)).toBe(false);
    // DEBUG_COLLECTABLE's sink is host code: here it resurrects one list of the cycle, so
    // handle_resurrected_objects must deduce again (which needs the UNREACHABLE marks cleared).
    const saved = pair();
    const dropped = pair();
    heap.decref(saved);
    heap.decref(dropped);
    collector.debugSink = () => {
      if (heap.isAlive(saved) && heap.get(keep, 0) === 0) heap.set(keep, 0, saved);
    };
    gc.setDebug(gc.DEBUG_COLLECTABLE);
    expect(gc.collect()).toBe(2); // only the other cycle
    gc.setDebug(0);
    expect(heap.get(keep, 0)).toBe(saved);
    expect(heap.isAlive(saved)).toBe(true);
    expect(heap.isAlive(heap.get(saved, 0))).toBe(true);
    expect(heap.isAlive(dropped)).toBe(false);
    heap.verify();
    heap.set(keep, 0, 0);
    expect(gc.collect()).toBe(2);
    heap.decref(keep);
    expect(heap.liveCount()).toBe(0);
    heap.verify();
  });
});
