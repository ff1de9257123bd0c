import type { Collector, Ptr } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { MarkSweepCollector } from "../../../docs/guides/examples/mark-sweep-collector.js";
import { TrialDeletionCollector } from "../../../docs/guides/examples/trial-deletion-collector.js";
import { COLLECTOR_NAMES, type CollectorName } from "./api.js";
import { createRuntime, type Runtime } from "./runtime.js";

const quiet = { unraisableSink: () => {}, debugSink: () => {} };

/** The collectors of the swap table: every built-in name. */
const CHOICES: readonly { label: string; name: string; make: () => CollectorName | Collector }[] = [
  ...COLLECTOR_NAMES.map((name) => ({
    label: name,
    name: name.replace("-3.12", ""),
    make: () => name,
  })),
  { label: "user mark-sweep", name: "mark-sweep", make: () => new MarkSweepCollector() },
  {
    label: "user trial-deletion (no gc module)",
    name: "trial-deletion",
    make: () => new TrialDeletionCollector(),
  },
];

/** Cycles of every shape the heap has (list, dict, tuple via list, instances with __del__). */
function makeGarbage(runtime: Runtime, Node: number, finalized: string[]): void {
  const { heap, lifetime } = runtime;
  const selfList = heap.newList();
  heap.listAppend(selfList, selfList);
  lifetime.decref(selfList);
  const dict = heap.newDict();
  const key = heap.newStr("me");
  heap.dictSetItem(dict, key, dict);
  lifetime.decref(key);
  lifetime.decref(dict);
  const inner = heap.newList();
  const tuple = heap.newTuple([inner]);
  heap.listAppend(inner, tuple);
  lifetime.decref(tuple);
  lifetime.decref(inner);
  const a = heap.newInstance(Node);
  const b = heap.newInstance(Node);
  heap.setSlot(a, "other", b);
  heap.setSlot(b, "other", a);
  lifetime.decref(a);
  lifetime.decref(b);
  expect(finalized).toEqual([]);
}

/** A live structure with a cycle inside, held from JavaScript: no collector may free it. */
function makeLive(runtime: Runtime): Ptr {
  const { heap, lifetime } = runtime;
  const held = runtime.fromJS([1, "two", [3.5]]);
  heap.listAppend(held, held);
  const item = heap.newList();
  heap.listAppend(item, held);
  heap.listAppend(held, item);
  lifetime.decref(item);
  return held;
}

describe("runtime.setCollector on a live heap with uncollected garbage", () => {
  for (const from of CHOICES) {
    for (const to of CHOICES) {
      if (from.label === to.label) continue;
      it(`${from.label} → ${to.label}: the new collector finds the old garbage`, () => {
        const runtime = createRuntime({ ...quiet, collector: from.make() });
        const { heap, lifetime } = runtime;
        if (runtime.gc !== undefined) runtime.gc.disable();
        const finalized: string[] = [];
        const Node = heap.defineClass({
          name: "Node",
          slots: ["other"],
          finalize: () => finalized.push("Node"),
        });
        const live = makeLive(runtime);
        makeGarbage(runtime, Node, finalized);
        const before = heap.liveObjectCount;
        runtime.setCollector(to.make());
        runtime.verify();
        expect(heap.liveObjectCount).toBe(before);
        if (to.label === "none") {
          expect(runtime.gc).toBeUndefined();
          expect(runtime.collector).toBeUndefined();
          expect(heap.liveObjectCounts().Node).toBe(2);
        } else {
          const collector = runtime.collector!;
          expect(collector.name).toBe(to.name);
          expect(runtime.gc === undefined).toBe(to.name === "trial-deletion");
          expect(collector.collect()).toBe(6);
          expect(heap.liveObjectCounts().Node ?? 0).toBe(0);
          expect(finalized).toEqual(["Node", "Node"]);
          expect(collector.collect()).toBe(0);
        }
        runtime.verify();
        expect(runtime.repr(live)).toBe("[1, 'two', [3.5], [...], [[...]]]");
        // The new collector keeps working: new cycles made after the swap are found as well.
        if (to.label !== "none") {
          const l = heap.newList();
          heap.listAppend(l, l);
          lifetime.decref(l);
          expect(runtime.collector?.collect()).toBe(1);
        }
        lifetime.decref(live);
        runtime.collector?.collect();
        runtime.verify();
      });
    }
  }
});

describe("what carries over to the new collector", () => {
  it("keeps debug flags, gc.disable(), callbacks, gc.garbage and the frozen objects", () => {
    const runtime = createRuntime({ ...quiet, collector: "generational" });
    const { heap, lifetime } = runtime;
    const gc = runtime.gc!;
    const frozenCycle = heap.newList();
    heap.listAppend(frozenCycle, frozenCycle);
    lifetime.decref(frozenCycle);
    gc.freeze();
    expect(gc.getFreezeCount()).toBe(1);
    const phases: string[] = [];
    gc.callbacks.push((phase) => phases.push(phase));
    gc.setDebug(gc.DEBUG_SAVEALL);
    gc.disable();
    const saved = heap.newList();
    heap.listAppend(saved, saved);
    lifetime.decref(saved);
    expect(gc.collect()).toBe(1); // DEBUG_SAVEALL: kept in gc.garbage
    expect(gc.garbage).toEqual([saved]);

    runtime.setCollector("incremental");
    const next = runtime.gc!;
    expect(next).not.toBe(gc);
    expect(next.getDebug()).toBe(gc.DEBUG_SAVEALL);
    expect(next.isEnabled()).toBe(false);
    expect(next.garbage).toEqual([saved]);
    expect(next.getFreezeCount()).toBe(1);
    expect(next.isTracked(frozenCycle)).toBe(true);
    expect(next.getObjects()).not.toContain(frozenCycle);
    phases.length = 0;
    next.collect();
    expect(phases).toEqual(["start", "stop"]);
    expect(() => gc.collect()).toThrow(/detached/);
    runtime.verify();

    // To a collector without a permanent generation, the frozen objects become ordinary ones.
    runtime.setCollector("bacon-rajan");
    expect(runtime.gc!.getFreezeCount()).toBe(0);
    expect(runtime.gc!.isTracked(frozenCycle)).toBe(true);
    runtime.gc!.setDebug(0);
    for (const obj of runtime.gc!.garbage.splice(0)) lifetime.decref(obj);
    runtime.gc!.collect();
    expect(heap.liveObjectCounts().list ?? 0).toBe(0);
    runtime.verify();
  });

  it("drops gc.garbage's references when the new collector has no gc module", () => {
    const runtime = createRuntime({ ...quiet, collector: "generational" });
    const { heap, lifetime } = runtime;
    runtime.gc!.setDebug(runtime.gc!.DEBUG_SAVEALL);
    const l = heap.newList();
    heap.listAppend(l, l);
    lifetime.decref(l);
    runtime.gc!.collect();
    runtime.setCollector("none");
    expect(lifetime.refcount(l)).toBe(1); // the cycle's own reference: uncollected garbage again
    runtime.setCollector("generational");
    expect(runtime.gc!.collect()).toBe(1);
    runtime.verify();
  });
});

describe("swaps that must be refused or recover", () => {
  it("refuses a swap from inside a collection and changes nothing", () => {
    const runtime = createRuntime({ ...quiet, collector: "generational" });
    const errors: unknown[] = [];
    const gc = runtime.gc!;
    gc.callbacks.push((phase) => {
      if (phase !== "start") return;
      try {
        runtime.setCollector("bacon-rajan");
      } catch (error) {
        errors.push(error);
      }
    });
    gc.collect();
    expect(String(errors[0])).toMatch(/while it is collecting/);
    expect(runtime.gc).toBe(gc);
    expect(runtime.collector?.name).toBe("generational");
    runtime.verify();
  });

  it("rejects an unknown name before anything changes", () => {
    const runtime = createRuntime({ ...quiet, collector: "incremental" });
    expect(() => runtime.setCollector("mark-sweep" as CollectorName)).toThrow(/unknown collector/);
    expect(runtime.collector?.name).toBe("incremental");
  });

  it("a collector is attached once", () => {
    const runtime = createRuntime({ ...quiet, collector: "generational" });
    const first = runtime.collector!;
    runtime.setCollector("incremental");
    expect(() => runtime.setCollector(first)).toThrow(/attached once/);
    expect(runtime.collector?.name).toBe("incremental");
    runtime.verify();
  });

  it("a user collector whose track throws leaves the heap without a collector, consistent", () => {
    const runtime = createRuntime({ ...quiet, collector: "generational" });
    const { heap, lifetime } = runtime;
    const l = heap.newList();
    heap.listAppend(l, l);
    lifetime.decref(l);
    const broken = new MarkSweepCollector();
    broken.track = () => {
      throw new Error("track failed");
    };
    expect(() => runtime.setCollector(broken)).toThrow(/track failed/);
    runtime.verify();
    expect(heap.collector).toBeUndefined();
    runtime.setCollector("bacon-rajan");
    expect(runtime.collector?.collect()).toBe(1);
    runtime.verify();
  });

  it.each(["onAllocate", "track"] as const)(
    "a user collector whose %s throws fails the allocation and leaks nothing",
    (method) => {
      const runtime = createRuntime({ ...quiet, collector: new MarkSweepCollector() });
      const { heap, lifetime } = runtime;
      const item = heap.newList();
      const live = heap.liveObjectCount;
      const collector = runtime.collector as MarkSweepCollector;
      const original = collector[method].bind(collector);
      collector[method] = () => {
        throw new Error(`${method} failed`);
      };
      expect(() => heap.newList([item])).toThrow(`${method} failed`);
      expect(() => heap.newTuple([item])).toThrow(`${method} failed`);
      // Dicts are tracked later (when they hold a container), counted at allocation.
      if (method === "onAllocate") expect(() => heap.newDict()).toThrow("onAllocate failed");
      collector[method] = original;
      // The half-built containers died, dropping their references to item.
      expect(lifetime.refcount(item)).toBe(1);
      expect(heap.liveObjectCount).toBe(live);
      runtime.verify();
      lifetime.decref(item);
      runtime.gc?.collect();
      runtime.verify();
    },
  );
});
