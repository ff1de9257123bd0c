import { describe, expect, it } from "vitest";
import { COLLECTOR_NAMES, type CollectorName } from "./api.js";
import { createRuntime } from "./runtime.js";

/** A runtime whose unraisable reports and gc debug output are collected instead of printed. */
function setup(collector: CollectorName) {
  const unraisable: string[] = [];
  const debug: string[] = [];
  const runtime = createRuntime({
    collector,
    unraisableSink: (text) => unraisable.push(text),
    debugSink: (text) => debug.push(text),
  });
  return { runtime, heap: runtime.heap, rc: runtime.lifetime, unraisable, debug };
}

const collecting = COLLECTOR_NAMES.filter((name) => name !== "none");

// Run against every collector the runtime builds by name.
describe.each(collecting)("integration with the %s collector", (name) => {
  it("collects a cycle with finalizers and weakref callbacks in CPython's order", () => {
    const { runtime, heap, rc, unraisable } = setup(name);
    const gc = runtime.gc!;
    const log: string[] = [];
    const Node = heap.defineClass({
      name: "Node",
      finalize: (o) => log.push(`__del__ ${heap.strValue(heap.getAttr(o, "name"))}`),
    });
    const b = heap.newInstance(Node);
    const c = heap.newInstance(Node);
    const nameB = heap.newStr("b");
    const nameC = heap.newStr("c");
    heap.setAttr(b, "name", nameB);
    heap.setAttr(c, "name", nameC);
    rc.decref(nameB);
    rc.decref(nameC);
    heap.setAttr(b, "other", c);
    heap.setAttr(c, "other", b);
    const wb = heap.newWeakref(b, () => log.push("callback b"));
    const wc = heap.newWeakref(c, () => log.push("callback c"));
    rc.decref(b);
    rc.decref(c);
    expect(heap.liveObjectCounts().Node).toBe(2);
    const found = gc.collect();
    log.push(`collected ${found > 0 ? "some" : "none"}`);
    // CPython 3.13 prints ['callback b', 'callback c', '__del__ b', '__del__ c', 'collected 9'].
    expect(log).toEqual(["callback b", "callback c", "__del__ b", "__del__ c", "collected some"]);
    // b, c and their two __dict__s (CPython also counts the function objects and cells it has).
    expect(found).toBe(4);
    expect(heap.liveObjectCounts().Node).toBeUndefined();
    expect(heap.weakrefGet(wb)).toBe(heap.none);
    rc.decref(wb);
    rc.decref(wc);
    runtime.verify();
    expect(unraisable).toEqual([]);
  });

  it("frees a 100,000-long chain by refcount with the collector attached", () => {
    const { runtime, heap, rc } = setup(name);
    let head = heap.none;
    for (let i = 0; i < 100_000; i++) {
      const n = heap.newList([head]);
      rc.decref(head);
      head = n;
    }
    rc.decref(head);
    expect(heap.liveObjectCounts().list).toBeUndefined();
    runtime.verify();
  });

  it("gc.collect() returns 0 with nothing to collect and counts a self-cycle as 1", () => {
    const { runtime, heap, rc } = setup(name);
    expect(runtime.gc!.collect()).toBe(0);
    const l = heap.newList();
    heap.listAppend(l, l);
    rc.decref(l);
    expect(runtime.gc!.collect()).toBe(1);
    expect(runtime.gc!.collect()).toBe(0);
    runtime.verify();
  });

  it("reports a finalizer's exception through the unraisable sink and goes on", () => {
    const { runtime, heap, rc, unraisable } = setup(name);
    const Bad = heap.defineClass({
      name: "Bad",
      finalize: () => {
        throw new Error("boom");
      },
    });
    const a = heap.newInstance(Bad);
    heap.setAttr(a, "self", a);
    rc.decref(a);
    expect(runtime.gc!.collect()).toBe(2);
    expect(unraisable.join("")).toContain("Exception ignored in: <function Bad.__del__>");
    expect(unraisable.join("")).toContain("boom");
    runtime.verify();
  });
});

describe("the generational collector in the runtime", () => {
  it("untracks tuples of atoms on a collection", () => {
    const { runtime, heap, rc } = setup("generational");
    const t = heap.newTuple([heap.newInt(1), heap.newInt(2)]);
    expect(runtime.gc!.isTracked(t)).toBe(true);
    runtime.gc!.collect();
    expect(runtime.gc!.isTracked(t)).toBe(false);
    rc.decref(t);
    runtime.verify();
  });

  it("writes DEBUG_STATS output to the debug sink", () => {
    const { runtime, debug } = setup("generational");
    runtime.gc!.setDebug(runtime.gc!.DEBUG_STATS);
    runtime.gc!.collect();
    expect(debug.join("")).toMatch(/^gc: collecting generation 2\.\.\.\n/);
  });
});

describe("collector none", () => {
  it("frees by refcount and leaves cycles alone", () => {
    const { runtime, heap, rc } = setup("none");
    expect(runtime.collector).toBeUndefined();
    expect(runtime.gc).toBeUndefined();
    const l = heap.newList();
    heap.listAppend(l, l);
    rc.decref(l);
    expect(heap.liveObjectCounts().list).toBe(1);
    const m = heap.newList([heap.none]);
    rc.decref(m);
    expect(heap.liveObjectCounts().list).toBe(1);
    runtime.verify();
  });
});
