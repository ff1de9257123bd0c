/**
 * Every user-supplied callback a deallocation calls may throw: a finalizer (`__del__`), a legacy
 * `tp_del`, a custom `dealloc`, a weakref callback — and the unraisable hook that reports them.
 * CPython reports each through `PyErr_WriteUnraisable` and goes on freeing, so here each throws in
 * the middle of a long chain: the whole chain must still be freed, in one `decref`, with one
 * report per throw, and the heap must verify.
 */
import { type Ptr, TypeFlags } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import { describe, expect, it } from "vitest";
import type { Refcounter } from "./refcounter.js";
import { RecordingCollector, setup } from "./test-support.js";

const CHAIN = 500;
const EVERY = 7;

/**
 * A chain of `CHAIN` instances linked through their first field (offset 8), every `EVERY`-th of
 * type `odd`, the others plain. Returns the head (the only reference to the chain) and the `odd`
 * nodes.
 */
function buildChain(heap: Heap, rc: Refcounter, odd: number): { head: Ptr; odd: Ptr[] } {
  const Plain = heap.defineClass({ name: "Plain", slots: ["next"] });
  // Every type in these chains keeps `next` at offset 8, the first word after the header.
  expect(heap.slotOffset(Plain, "next")).toBe(8);
  let head = 0;
  const odds: Ptr[] = [];
  for (let i = 0; i < CHAIN; i++) {
    const typeId = i % EVERY === 0 ? odd : Plain;
    const node = heap.allocate(typeId);
    if (typeId === odd) odds.push(node);
    if (head !== 0) {
      heap.storeField(node, 8, head);
      rc.decref(head);
    }
    head = node;
  }
  return { head, odd: odds };
}

const THROWS = Math.ceil(CHAIN / EVERY);

/** The chain and everything it held are gone and the heap is consistent. */
function expectFreed(heap: Heap, snapshot: Uint32Array): void {
  expect(heap.leaksSince(snapshot)).toEqual([]);
  heap.verify();
}

describe("throwing hooks in a deallocation chain", () => {
  it("finalizers that throw are unraisable and the whole chain is freed", () => {
    const { heap, rc, unraisable } = setup();
    const snapshot = heap.snapshot();
    const Bad = heap.defineClass({
      name: "Bad",
      slots: ["next"],
      finalize: () => {
        throw new Error("boom in __del__");
      },
    });
    rc.decref(buildChain(heap, rc, Bad).head);
    expect(unraisable).toHaveLength(THROWS);
    expect(unraisable[0]).toMatch(/^Exception ignored in: <function Bad.__del__>\n/);
    expectFreed(heap, snapshot);
  });

  it("a finalizer that resurrects its object and then throws keeps the object alive", () => {
    const { heap, rc, unraisable } = setup();
    const snapshot = heap.snapshot();
    const saved: Ptr[] = [];
    const Phoenix = heap.defineClass({
      name: "Phoenix",
      slots: ["next"],
      finalize: (obj) => {
        saved.push(rc.newRef(obj));
        throw new Error("resurrected, then failed");
      },
    });
    rc.decref(buildChain(heap, rc, Phoenix).head);
    // Each resurrected node keeps the rest of the chain alive until it dies again; the
    // finalizer ran once (PEP 442), so the second death frees it.
    let deaths = 0;
    while (saved.length > 0) {
      const obj = saved.pop()!;
      expect(rc.refcount(obj)).toBe(1);
      heap.verify();
      rc.decref(obj);
      deaths++;
    }
    expect(deaths).toBe(THROWS);
    expect(unraisable).toHaveLength(THROWS);
    expectFreed(heap, snapshot);
  });

  it("legacy tp_del hooks that throw are unraisable and the whole chain is freed", () => {
    const { heap, rc, unraisable } = setup();
    const snapshot = heap.snapshot();
    const Legacy = heap.defineClass({
      name: "Legacy",
      slots: ["next"],
      legacyDel: () => {
        throw new Error("boom in tp_del");
      },
    });
    rc.decref(buildChain(heap, rc, Legacy).head);
    expect(unraisable).toHaveLength(THROWS);
    expect(unraisable[0]).toMatch(/^Exception ignored in: <function Legacy.__tp_del__>\n/);
    expectFreed(heap, snapshot);
  });

  it("weakref callbacks that throw are unraisable and the whole chain is freed", () => {
    const { heap, rc, unraisable } = setup();
    const snapshot = heap.snapshot();
    const Target = heap.defineType({
      name: "Target",
      basicSize: 16,
      flags: TypeFlags.GC,
      references: { fixed: [8] },
      weaklistOffset: 12,
    });
    const { head, odd } = buildChain(heap, rc, Target);
    const weakrefs = odd.map((node) =>
      heap.newWeakref(node, function failing() {
        throw new Error("boom in callback");
      }),
    );
    rc.decref(head);
    expect(unraisable).toHaveLength(THROWS);
    expect(unraisable[0]).toMatch(/^Exception ignored in: <function failing>\n/);
    for (const weakref of weakrefs) rc.decref(weakref);
    expectFreed(heap, snapshot);
  });

  it("a custom dealloc that throws before releasing is finished by the default deallocation", () => {
    const { heap, rc, unraisable } = setup();
    const snapshot = heap.snapshot();
    const Custom = heap.defineType({
      name: "Custom",
      basicSize: 12,
      flags: TypeFlags.GC,
      references: { fixed: [8] },
      dealloc: () => {
        throw new Error("boom in dealloc");
      },
    });
    rc.decref(buildChain(heap, rc, Custom).head);
    expect(unraisable).toHaveLength(THROWS);
    expect(unraisable[0]).toMatch(
      /^Exception ignored in: <slot wrapper '__dealloc__' of 'Custom' objects>\n/,
    );
    expectFreed(heap, snapshot);
  });

  it("a custom dealloc that releases its object and then throws frees it exactly once", () => {
    const { heap, rc, unraisable } = setup();
    const snapshot = heap.snapshot();
    const stack: Ptr[] = [];
    const Custom = heap.defineType({
      name: "Custom",
      basicSize: 12,
      flags: TypeFlags.GC,
      references: { fixed: [8] },
      dealloc: (obj) => {
        // Py_CLEAR the field, free the object, then fail: the chain below still dies.
        const next = heap.loadField(obj, 8);
        heap.memory.u32[(obj + 8) >>> 2] = 0;
        heap.releaseObject(obj, heap.typeOf(obj));
        if (next !== 0) stack.push(next);
        throw new Error("failed after releasing");
      },
    });
    rc.decref(buildChain(heap, rc, Custom).head);
    while (stack.length > 0) rc.decref(stack.pop()!);
    expect(unraisable).toHaveLength(THROWS);
    expectFreed(heap, snapshot);
  });

  it("an unraisable hook that throws is reported as CPython reports a failing sys.unraisablehook", () => {
    const sinkText: string[] = [];
    const { heap, rc } = setup({
      unraisableHook: function brokenHook() {
        throw new Error("hook broke");
      },
      unraisableSink: (text) => sinkText.push(text),
    });
    const snapshot = heap.snapshot();
    const Bad = heap.defineClass({
      name: "Bad",
      slots: ["next"],
      finalize: () => {
        throw new Error("boom in __del__");
      },
    });
    rc.decref(buildChain(heap, rc, Bad).head);
    expect(sinkText).toHaveLength(THROWS);
    expect(sinkText[0]).toMatch(
      /^Exception ignored in sys.unraisablehook: <function brokenHook>\nTraceback[\s\S]*\nError: hook broke\n$/,
    );
    expectFreed(heap, snapshot);
  });

  it("an unraisable hook and sink that both throw lose the report, not the chain", () => {
    const { heap, rc } = setup({
      unraisableHook: () => {
        throw new Error("hook broke");
      },
      unraisableSink: () => {
        throw new Error("sink broke");
      },
    });
    const snapshot = heap.snapshot();
    const Bad = heap.defineClass({
      name: "Bad",
      slots: ["next"],
      finalize: () => {
        throw new Error("boom in __del__");
      },
    });
    rc.decref(buildChain(heap, rc, Bad).head);
    expectFreed(heap, snapshot);
  });

  it.each(["track", "untrack"] as const)(
    "a collector whose %s throws during a death is unraisable and the chain is still freed",
    (method) => {
      const { heap, rc, unraisable } = setup();
      const collector = new RecordingCollector();
      rc.attachCollector(collector);
      const snapshot = heap.snapshot();
      // A legacy tp_del makes each death untrack its object, then track it again for the hook.
      const Legacy = heap.defineClass({ name: "Legacy", slots: ["next"], legacyDel: () => {} });
      const { head } = buildChain(heap, rc, Legacy);
      collector[method] = () => {
        throw new Error(`${method} failed`);
      };
      rc.decref(head);
      expect(unraisable.length).toBeGreaterThan(0);
      expect(unraisable[0]).toMatch(
        new RegExp(`^Exception ignored in: in the collector's ${method}\n`),
      );
      expectFreed(heap, snapshot);
    },
  );
});
