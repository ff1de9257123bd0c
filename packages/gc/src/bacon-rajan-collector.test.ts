import { InvalidPointerError, type Ptr, TypeFlags } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { BaconRajanCollector } from "./bacon-rajan-collector.js";
import { GcModule } from "./gc-module.js";
import { PyHeap } from "./test-support/py-heap.js";

function makeHeap(options: ConstructorParameters<typeof BaconRajanCollector>[0] = {}) {
  const heap = new PyHeap(() => new BaconRajanCollector(options));
  const collector = heap.collector as BaconRajanCollector;
  const gc = new GcModule(collector);
  return { heap, collector, gc };
}

/** A garbage 2-cycle of lists (both buffered as candidate roots by the decrefs). */
function dropTwoCycle(heap: PyHeap): [Ptr, Ptr] {
  const a = heap.newEmptyList(1);
  const b = heap.newList(a);
  heap.set(a, 0, b);
  heap.decref(a);
  heap.decref(b);
  return [a, b];
}

describe("BaconRajanCollector", () => {
  it("validates its options", () => {
    expect(() => new BaconRajanCollector({ threshold: 0 })).toThrow(RangeError);
    expect(() => new BaconRajanCollector({ thresholdStep: 1.5 })).toThrow(/thresholdStep/);
    expect(new BaconRajanCollector().getThreshold()).toEqual([10_001]);
  });

  it("buffers a candidate root once per decref-to-non-zero, and forgets it in O(1) when it dies", () => {
    const { heap, collector } = makeHeap();
    const a = heap.newList();
    const b = heap.newList();
    const holders = [heap.newList(a), heap.newList(b), heap.newList(a)];
    expect(collector.getCount()).toEqual([0]);
    heap.decref(a); // 3 → 2: purple, buffered
    heap.decref(b); // 2 → 1
    expect(collector.getCount()).toEqual([2]);
    heap.decref(holders[2]!); // a: 2 → 1, already purple: not buffered twice
    expect(collector.getCount()).toEqual([2]);
    heap.decref(holders[0]!); // a dies: removed from the buffer (swap with the last root)
    expect(collector.getCount()).toEqual([1]);
    heap.decref(holders[1]!);
    expect(collector.getCount()).toEqual([0]);
    heap.verify();
  });

  it("a full buffer starts a collection; unproductive runs raise the threshold (PHP's gc_adjust_threshold)", () => {
    const { heap, collector, gc } = makeHeap({
      threshold: 10,
      thresholdStep: 5,
      thresholdTrigger: 3,
    });
    const runs: number[] = [];
    gc.callbacks.push((phase, info) => phase === "stop" && runs.push(info.collected));
    const keep: Ptr[] = [];
    for (let i = 0; i < 10; i++) {
      const x = heap.newList();
      const holder = heap.newList(x);
      heap.decref(x); // x stays alive (held): a candidate that is not garbage
      keep.push(holder);
    }
    expect(runs).toEqual([0]);
    expect(collector.getThreshold()).toEqual([15]); // nothing freed: 10 + 5
    for (let i = 0; i < 8; i++) dropTwoCycle(heap); // 16 candidates ≥ 15
    expect(runs.length).toBe(2);
    expect(runs[1]).toBeGreaterThanOrEqual(3);
    expect(collector.getThreshold()).toEqual([10]); // productive: back down, not below the start
    gc.disable();
    for (let i = 0; i < 20; i++) dropTwoCycle(heap);
    expect(runs.length).toBe(2);
    gc.collect();
    for (const holder of keep) heap.decref(holder);
    expect(heap.liveCount()).toBe(0);
    heap.verify();
  });

  it("setThreshold(0) disables automatic collection", () => {
    const { heap, gc } = makeHeap({ threshold: 2 });
    gc.setThreshold(0);
    let runs = 0;
    gc.callbacks.push(() => runs++);
    for (let i = 0; i < 10; i++) dropTwoCycle(heap);
    expect(runs).toBe(0);
    expect(gc.collect()).toBe(20);
  });

  it("live objects that never became candidates are left alone", () => {
    const { heap, gc } = makeHeap();
    // 10,000 live lists nobody decref'd to non-zero: never candidates.
    const live: Ptr[] = [];
    for (let i = 0; i < 10_000; i++) live.push(heap.newList());
    const [a] = dropTwoCycle(heap);
    expect(gc.getCount()).toEqual([2]);
    expect(gc.collect()).toBe(2);
    expect(heap.isAlive(a)).toBe(false);
    for (const obj of live) heap.decref(obj);
  });

  it("collects a 1,000,000-long cycle without recursion", { timeout: 60_000 }, () => {
    const { heap, gc } = makeHeap();
    gc.disable();
    const n = 1_000_000;
    const head = heap.newEmptyList(1);
    let tail = head;
    for (let i = 1; i < n; i++) {
      const next = heap.newEmptyList(1);
      heap.set(tail, 0, next);
      heap.decref(next);
      tail = next;
    }
    heap.set(tail, 0, head);
    heap.decref(head);
    expect(gc.collect()).toBe(n);
    expect(heap.liveCount()).toBe(0);
  });

  it("a traverse hook that throws at any point: counts, colours and candidates are restored", () => {
    // The hook's 1st, 2nd, 3rd and 4th calls come from MarkRoots, ScanRoots, CollectRoots and
    // the resurrection check (the 5th from the heap's dealloc of the cleared cycle).
    for (const failAt of [1, 2, 3, 4]) {
      const { heap, gc } = makeHeap();
      let calls = 0;
      let broken = true;
      const Hooked = heap.defineType(
        {
          name: "Hooked",
          basicSize: 12,
          flags: TypeFlags.GC,
          references: { fixed: [8] },
          traverse: () => {
            if (broken && ++calls === failAt) throw new Error(`traverse failed at call ${failAt}`);
          },
        },
        1,
      );
      // hooked → a → b → hooked, all three candidate roots.
      const hooked = heap.newInstance(Hooked);
      const b = heap.newList(hooked);
      const a = heap.newList(b);
      heap.set(hooked, 0, a);
      const members = [hooked, a, b];
      for (const obj of members) heap.decref(obj);
      const u32 = heap.memory.u32;
      const counts = members.map((obj) => u32[obj >>> 2]);
      const live = heap.liveCount();
      expect(() => gc.collect()).toThrow(`traverse failed at call ${failAt}`);
      expect(calls).toBe(failAt);
      broken = false;
      expect(heap.liveCount()).toBe(live);
      expect(members.map((obj) => heap.memory.u32[obj >>> 2])).toEqual(counts);
      expect(gc.getCount()).toEqual([3]); // the candidates are buffered again
      heap.verify();
      expect(gc.collect()).toBe(3);
      expect(heap.liveCount()).toBe(0);
      heap.verify();
    }
  });

  it("a traverse hook that throws in the resurrection check leaves no trial-decremented count", () => {
    const { heap, gc } = makeHeap();
    let broken = false;
    let calls = 0;
    const Hooked = heap.defineType(
      {
        name: "Hooked",
        basicSize: 12,
        flags: TypeFlags.GC,
        references: { fixed: [8] },
        traverse: () => {
          calls++;
          if (broken) throw new Error("traverse failed");
        },
      },
      1,
    );
    const Finalized = heap.defineClass("Finalized", 1, { finalize: () => (broken = true) });
    // The finalizer breaks the hook: the first traversal after finalize_garbage throws.
    const hooked = heap.newInstance(Hooked);
    const finalized = heap.newInstance(Finalized, hooked);
    heap.set(hooked, 0, finalized);
    heap.decref(hooked);
    heap.decref(finalized);
    const u32 = heap.memory.u32;
    const counts = [u32[hooked >>> 2], u32[finalized >>> 2]];
    expect(() => gc.collect()).toThrow("traverse failed");
    expect(calls).toBeGreaterThan(3); // it got past CollectRoots
    expect([heap.memory.u32[hooked >>> 2], heap.memory.u32[finalized >>> 2]]).toEqual(counts);
    expect(heap.liveCount()).toBe(2);
    broken = false;
    heap.verify();
    expect(gc.collect()).toBe(2); // the finalizer ran once already: not again
    expect(heap.liveCount()).toBe(0);
    heap.verify();
  });

  it("tracking errors name the object; only generation 0 exists", () => {
    const { heap, collector, gc } = makeHeap();
    const l = heap.newList();
    expect(() => collector.track(l)).toThrow(InvalidPointerError);
    expect(() => gc.collect(1)).toThrow("invalid generation");
    expect(gc.getObjects()).toEqual([]);
    expect(gc.getFreezeCount()).toBe(0);
    heap.decref(l);
    heap.verify();
  });
});

describe("BaconRajanCollector options", () => {
  it("accepts a debug sink beside its numeric options and still rejects bad numbers", () => {
    const lines: string[] = [];
    const collector = new BaconRajanCollector({ debugSink: (text) => lines.push(text) });
    expect(collector.debugSink).toBeTypeOf("function");
    expect(() => new BaconRajanCollector({ threshold: 0 })).toThrow(
      /threshold must be a positive integer/,
    );
  });
});
