/**
 * PEP 442 behaviours of CPython's Lib/test/test_finalization.py (identical in 3.11–3.13), ported
 * to the public API and run against every shipped collector with automatic collection disabled
 * (`support.disable_gc()`); `gc.garbage` must end empty, as the originals check.
 */
import type { Ptr, TypeId } from "@pymem/core";
import { afterEach, describe, expect, it } from "vitest";
import type { GcModule } from "../gc-module.js";
import { collectorCases, setup } from "../test-support/collector-cases.js";
import type { PyHeap } from "../test-support/py-heap.js";

type Kind = "simple" | "resurrector" | "suicidal";

/** The shared state of CPython's `SimpleBase`: `del_calls`, `survivors`, sanity errors. */
class Harness {
  readonly delCalls: Ptr[] = [];
  readonly tpDelCalls: Ptr[] = [];
  readonly survivors: Ptr[] = [];
  readonly errors: string[] = [];
  /** CPython: `ChainedBase.suicided`. */
  readonly suicided = new Set<Ptr>();
  private readonly kinds = new Map<Kind, TypeId>();

  constructor(
    readonly heap: PyHeap,
    readonly gc: GcModule,
  ) {}

  /** A self-cycle class (`SelfCycleBase`): slot 0 = self. */
  selfCycleClass(kind: Kind): TypeId {
    const { heap } = this;
    return heap.defineClass(`SelfCycle${kind}`, 1, {
      finalize: (obj) => {
        if (heap.get(obj, 0) !== obj) this.errors.push("self.ref is not self in __del__");
        this.delCalls.push(obj);
        if (kind === "resurrector") {
          heap.incref(obj);
          this.survivors.push(obj);
        } else if (kind === "suicidal") {
          heap.set(obj, 0, 0); // self.ref = None
        }
      },
    });
  }

  /** A chained class (`ChainedBase`): slot 0 = left, slot 1 = right. */
  chainedClass(kind: Kind): TypeId {
    const existing = this.kinds.get(kind);
    if (existing !== undefined) return existing;
    const { heap } = this;
    const typeId = heap.defineClass(`Chained${kind}`, 2, {
      finalize: (obj) => {
        // ChainedBase.check_sanity: both neighbours still link back to us.
        const left = heap.get(obj, 0);
        const right = heap.get(obj, 1);
        if (this.suicided.has(obj)) {
          if (left !== 0 || right !== 0) this.errors.push("suicided node still linked");
        } else {
          const leftRight = this.suicided.has(left) ? 0 : obj;
          const rightLeft = this.suicided.has(right) ? 0 : obj;
          if (heap.get(left, 1) !== leftRight) this.errors.push("left.right is not as expected");
          if (heap.get(right, 0) !== rightLeft) this.errors.push("right.left is not as expected");
        }
        this.delCalls.push(obj);
        if (kind === "resurrector") {
          heap.incref(obj);
          this.survivors.push(obj);
        } else if (kind === "suicidal") {
          this.suicided.add(obj);
          heap.set(obj, 0, 0);
          heap.set(obj, 1, 0);
        }
      },
    });
    this.kinds.set(kind, typeId);
    return typeId;
  }

  clearSurvivors(): void {
    for (const obj of this.survivors.splice(0)) this.heap.decref(obj);
  }

  sorted(values: Ptr[]): Ptr[] {
    return [...values].sort((a, b) => a - b);
  }
}

describe.each(collectorCases)("test_finalization.py on $name", (collectorCase) => {
  let harness: Harness;

  function start(): Harness {
    const { heap, gc } = setup(collectorCase);
    harness = new Harness(heap, gc);
    return harness;
  }

  afterEach(() => {
    expect(harness.errors).toEqual([]);
    expect(harness.gc.garbage).toEqual([]);
    harness.heap.verify();
  });

  describe("SimpleFinalizationTest (no cycle: the refcount path)", () => {
    it("test_simple: __del__ once, weakref dead after", () => {
      const h = start();
      const Simple = h.heap.defineClass("Simple", 0, { finalize: (obj) => h.delCalls.push(obj) });
      const s = h.heap.newInstance(Simple);
      const wr = h.heap.newWeakref(s);
      h.heap.decref(s);
      h.gc.collect();
      expect(h.delCalls).toEqual([s]);
      expect(h.heap.deref(wr)).toBe(0);
      h.gc.collect();
      expect(h.delCalls).toEqual([s]);
      h.heap.decref(wr);
    });

    it("test_simple_resurrect: the weakref stays alive; __del__ is not called again", () => {
      const h = start();
      const Resurrector = h.heap.defineClass("SimpleResurrector", 0, {
        finalize: (obj) => {
          h.delCalls.push(obj);
          h.heap.incref(obj);
          h.survivors.push(obj);
        },
      });
      const s = h.heap.newInstance(Resurrector);
      const wr = h.heap.newWeakref(s);
      h.heap.decref(s);
      h.gc.collect();
      expect(h.delCalls).toEqual([s]);
      expect(h.survivors).toEqual([s]);
      expect(h.heap.deref(wr)).toBe(s);
      h.clearSurvivors();
      h.gc.collect();
      expect(h.delCalls).toEqual([s]);
      expect(h.heap.deref(wr)).toBe(0);
      h.heap.decref(wr);
    });
  });

  describe("SelfCycleFinalizationTest", () => {
    it("test_simple: a self-cycle is collected, __del__ once, ref dead", () => {
      const h = start();
      const cls = h.selfCycleClass("simple");
      const s = h.heap.newInstance(cls);
      h.heap.set(s, 0, s);
      const wr = h.heap.newWeakref(s);
      h.heap.decref(s);
      h.gc.collect();
      expect(h.delCalls).toEqual([s]);
      expect(h.survivors).toEqual([]);
      expect(h.heap.deref(wr)).toBe(0);
      h.gc.collect();
      expect(h.delCalls).toEqual([s]);
      h.heap.decref(wr);
    });

    it("test_simple_resurrect: the survivor is kept but its weakref is already dead", () => {
      const h = start();
      const cls = h.selfCycleClass("resurrector");
      const s = h.heap.newInstance(cls);
      h.heap.set(s, 0, s);
      const wr = h.heap.newWeakref(s);
      h.heap.decref(s);
      h.gc.collect();
      expect(h.delCalls).toEqual([s]);
      expect(h.survivors).toEqual([s]);
      expect(h.heap.deref(wr)).toBe(0); // "XXX is this desirable?" — CPython's behaviour
      h.clearSurvivors();
      h.gc.collect();
      expect(h.delCalls).toEqual([s]);
      expect(h.survivors).toEqual([]);
      expect(h.heap.isAlive(s)).toBe(false);
      h.heap.decref(wr);
    });

    it("test_simple_suicide: __del__ breaks its own cycle; no double finalization", () => {
      const h = start();
      const cls = h.selfCycleClass("suicidal");
      const s = h.heap.newInstance(cls);
      h.heap.set(s, 0, s);
      const wr = h.heap.newWeakref(s);
      h.heap.decref(s);
      h.gc.collect();
      expect(h.delCalls).toEqual([s]);
      expect(h.heap.deref(wr)).toBe(0);
      h.gc.collect();
      expect(h.delCalls).toEqual([s]);
      h.heap.decref(wr);
    });
  });

  describe("CycleChainFinalizationTest", () => {
    /** CPython: `build_chain` — a circular chain, nodes[i].left = nodes[i-1]. */
    function buildChain(h: Harness, kinds: Kind[]): Ptr[] {
      const nodes = kinds.map((kind) => h.heap.newInstance(h.chainedClass(kind)));
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i]!;
        const left = nodes[(i - 1 + nodes.length) % nodes.length]!;
        h.heap.set(node, 0, left);
        h.heap.set(left, 1, node);
      }
      return nodes;
    }

    function checkNonResurrecting(kinds: Kind[]): void {
      const h = start();
      const nodes = buildChain(h, kinds);
      const wrs = nodes.map((node) => h.heap.newWeakref(node));
      for (const node of nodes) h.heap.decref(node);
      h.gc.collect();
      expect(h.sorted(h.delCalls)).toEqual(h.sorted(nodes));
      expect(h.survivors).toEqual([]);
      expect(wrs.map((wr) => h.heap.deref(wr))).toEqual(nodes.map(() => 0));
      h.gc.collect();
      expect(h.delCalls.length).toBe(nodes.length);
      for (const wr of wrs) h.heap.decref(wr);
      expect(h.heap.liveCount()).toBe(0);
    }

    function checkResurrecting(kinds: Kind[]): void {
      const h = start();
      const nodes = buildChain(h, kinds);
      const survivorIds = nodes.filter((_, i) => kinds[i] === "resurrector");
      const wrs = nodes.map((node) => h.heap.newWeakref(node));
      for (const node of nodes) h.heap.decref(node);
      h.gc.collect();
      expect(h.sorted(h.delCalls)).toEqual(h.sorted(nodes));
      expect(h.sorted(h.survivors)).toEqual(h.sorted(survivorIds));
      expect(wrs.map((wr) => h.heap.deref(wr))).toEqual(nodes.map(() => 0)); // "XXX desirable?"
      h.clearSurvivors();
      h.gc.collect();
      expect(h.delCalls.length).toBe(nodes.length);
      expect(h.survivors).toEqual([]);
      for (const wr of wrs) h.heap.decref(wr);
      expect(h.heap.liveCount()).toBe(0);
    }

    it("test_homogenous", () => checkNonResurrecting(["simple", "simple", "simple"]));
    it("test_homogenous_resurrect", () =>
      checkResurrecting(["resurrector", "resurrector", "resurrector"]));
    it("test_homogenous_suicidal", () =>
      checkNonResurrecting(["suicidal", "suicidal", "suicidal"]));
    it("test_heterogenous_suicidal_one", () =>
      checkNonResurrecting(["suicidal", "simple", "suicidal", "simple"]));
    it("test_heterogenous_suicidal_two", () =>
      checkNonResurrecting(["suicidal", "suicidal", "simple", "simple"]));
    it("test_heterogenous_resurrect_one", () =>
      checkResurrecting(["resurrector", "simple", "resurrector", "simple"]));
    it("test_heterogenous_resurrect_two", () =>
      checkResurrecting([
        "resurrector",
        "simple",
        "suicidal",
        "resurrector",
        "simple",
        "suicidal",
      ]));
    it("test_heterogenous_resurrect_three", () =>
      checkResurrecting([
        "resurrector",
        "resurrector",
        "simple",
        "simple",
        "suicidal",
        "suicidal",
      ]));
  });

  describe("LegacyFinalizationTest", () => {
    it("test_legacy_self_cycle: uncollectable, in gc.garbage, no finalizer called, ref alive", () => {
      const h = start();
      const cls = h.heap.defineClass("SelfCycleLegacy", 1, {
        finalize: (obj) => h.delCalls.push(obj),
        del: (obj) => h.tpDelCalls.push(obj),
      });
      const s = h.heap.newInstance(cls);
      h.heap.set(s, 0, s);
      const wr = h.heap.newWeakref(s);
      h.heap.decref(s);
      h.gc.collect();
      expect(h.delCalls).toEqual([]);
      expect(h.tpDelCalls).toEqual([]);
      expect(h.gc.garbage).toEqual([s]);
      expect(h.heap.deref(wr)).toBe(s);
      // Break the cycle to allow collection, then drop gc.garbage.
      h.heap.set(s, 0, 0);
      h.heap.decref(h.gc.garbage.pop()!);
      expect(h.heap.isAlive(s)).toBe(false);
      expect(h.delCalls).toEqual([s]);
      expect(h.tpDelCalls).toEqual([s]);
      h.heap.decref(wr);
    });
  });
});
