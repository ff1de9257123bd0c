import { InvalidPointerError, TypeFlags } from "@pymem/core";
import { internalHeap } from "@pymem/heap/internal";
import { describe, expect, it } from "vitest";
import { RecordingCollector, setup } from "./test-support.js";

describe("types registered with defineType", () => {
  it("allocates zeroed objects and frees declared references in a chain", () => {
    const { heap, rc } = setup();
    const pair = heap.defineType({
      name: "pair",
      basicSize: 16,
      flags: TypeFlags.GC,
      references: { fixed: [8, 12] },
    });
    const baseline = heap.allocator.stats().blocksInUse;
    let head = heap.none;
    let nonZero = 0; // one expect at the end: 50,000 expect calls dominate the test's time
    for (let i = 0; i < 50_000; i++) {
      const node = heap.allocate(pair);
      if (heap.loadField(node, 12) !== 0) nonZero++;
      heap.storeField(node, 8, head);
      const payload = heap.newStr("payload");
      heap.storeField(node, 12, payload);
      rc.decref(payload);
      rc.decref(head);
      head = node;
    }
    expect(nonZero).toBe(0);
    heap.verify();
    rc.decref(head);
    expect(heap.allocator.stats().blocksInUse).toBe(baseline);
  });

  it("bounds-checks loadField and storeField, changing nothing on a bad offset", () => {
    const { heap, rc } = setup();
    const pair = heap.defineType({ name: "pair", basicSize: 16, references: { fixed: [8, 12] } });
    const node = heap.allocate(pair);
    const value = heap.newList();
    for (const offset of [16, 20, 0, 4, 9, 8.5, -4, 2 ** 32 + 8]) {
      expect(() => heap.storeField(node, offset, value), String(offset)).toThrow(
        InvalidPointerError,
      );
      expect(() => heap.loadField(node, offset), String(offset)).toThrow(InvalidPointerError);
    }
    expect(() => heap.storeField(node, 16, value)).toThrow(
      "field offset 16 is not a 4-aligned field of this 'pair' object (8 to 12)",
    );
    expect(() => heap.storeField(value + 8, 8, value)).toThrow(InvalidPointerError);
    expect(rc.refcount(value)).toBe(1);
    expect(rc.refcount(node)).toBe(1);
    heap.storeField(node, 12, value);
    expect(heap.loadField(node, 12)).toBe(value);
    rc.decref(value);
    rc.decref(node);
    heap.verify();
  });

  it("calls a custom dealloc hook instead of the default release", () => {
    const { heap, rc } = setup();
    const log: string[] = [];
    const boxType = heap.defineType({
      name: "box",
      basicSize: 12,
      references: { fixed: [8] },
      dealloc: (obj) => {
        log.push("dealloc");
        const content = heap.loadField(obj, 8);
        heap.memory.u32[(obj + 8) >>> 2] = 0;
        rc.decref(content);
        heap.releaseObject(obj, boxType);
      },
    });
    const box = heap.allocate(boxType);
    const content = heap.newList();
    heap.storeField(box, 8, content);
    rc.decref(content);
    rc.decref(box);
    expect(log).toEqual(["dealloc"]);
    expect(heap.isLive(box)).toBe(false);
    expect(heap.isLive(content)).toBe(false);
    heap.verify();
  });

  it("drops a fixed-slot object's references last slot first, on death and on tp_clear", () => {
    // The cascade's fixed-slot fast path and the fused clear must keep the order of the
    // general path (the visit pushes the slots in declaration order; the worklist pops them).
    const { heap, rc } = setup();
    const log: string[] = [];
    const names = new Map<number, string>();
    const boxType = heap.defineType({
      name: "box",
      basicSize: 8,
      dealloc: (obj) => {
        log.push(names.get(obj)!);
        heap.releaseObject(obj, boxType);
      },
    });
    const triple = heap.defineType({
      name: "triple",
      basicSize: 24,
      flags: TypeFlags.GC,
      references: { fixed: [8, 12, 16] },
      weaklistOffset: 20, // no weakref is made: still the fast path
    });
    const host = rc.attachCollector(new RecordingCollector());
    const fill = (holder: number) => {
      for (const [offset, name] of [
        [8, "a"],
        [12, "b"],
        [16, "c"],
      ] as const) {
        const box = heap.allocate(boxType);
        names.set(box, name);
        heap.storeField(holder, offset, box);
        rc.decref(box);
      }
    };
    const dying = heap.allocate(triple);
    fill(dying);
    rc.decref(dying);
    expect(log).toEqual(["c", "b", "a"]);
    const cleared = heap.allocate(triple);
    fill(cleared);
    host.clearGarbage!(cleared);
    expect(log).toEqual(["c", "b", "a", "c", "b", "a"]);
    expect([8, 12, 16].map((offset) => heap.loadField(cleared, offset))).toEqual([0, 0, 0]);
    expect(rc.refcount(cleared)).toBe(1);
    rc.decref(cleared);
    heap.verify();
  });

  it("finishes the deallocation a dealloc hook returned from without releasing the object", () => {
    const { heap, rc } = setup();
    let calls = 0;
    const forgetful = heap.defineType({
      name: "forgetful",
      basicSize: 12,
      references: { fixed: [8] },
      dealloc: () => {
        calls++; // forgets heap.releaseObject: the object must not leak
      },
    });
    const obj = heap.allocate(forgetful);
    const content = heap.newList();
    heap.storeField(obj, 8, content);
    rc.decref(content);
    rc.decref(obj);
    expect(calls).toBe(1);
    expect(heap.isLive(obj)).toBe(false);
    expect(heap.isLive(content)).toBe(false);
    expect(internalHeap(heap).liveByType[forgetful]).toBe(0);
    heap.verify();
  });

  it("supports variable-size inline items", () => {
    const { heap, rc } = setup();
    const vec = heap.defineType({
      name: "vec",
      basicSize: 12,
      itemSize: 4,
      flags: TypeFlags.GC,
      references: {
        items: { storage: "inline", offset: 12, countOffset: 8, stride: 4, referenceOffsets: [0] },
      },
    });
    const v = heap.allocate(vec, 3);
    const s = heap.newStr("x");
    heap.storeField(v, 12 + 4, s);
    expect(heap.getsizeof(v)).toBe(8 + 12 + 12);
    expect(rc.refcount(s)).toBe(2);
    rc.decref(v);
    expect(rc.refcount(s)).toBe(1);
    heap.verify();
  });
});

describe("resurrection inside a cascade", () => {
  it("keeps a child that resurrects itself, and frees the rest", () => {
    const { heap, rc } = setup();
    const keep = heap.newList();
    const Phoenix = heap.defineClass({
      name: "Phoenix",
      slots: ["child"],
      finalize: (o) => heap.listAppend(keep, o),
    });
    const Plain = heap.defineClass({ name: "Plain", slots: ["child"] });
    const leaf = heap.newInstance(Plain);
    const phoenix = heap.newInstance(Phoenix);
    heap.setSlot(phoenix, "child", leaf);
    rc.decref(leaf);
    const root = heap.newList([phoenix]);
    rc.decref(phoenix);
    rc.decref(root);
    expect(heap.isLive(root)).toBe(false);
    expect(heap.isLive(phoenix)).toBe(true);
    expect(heap.isLive(leaf)).toBe(true); // still owned by the resurrected phoenix
    expect(rc.refcount(phoenix)).toBe(1);
    heap.listClear(keep); // second death: the finalizer has run already (PEP 442)
    expect(heap.isLive(phoenix)).toBe(false);
    expect(heap.isLive(leaf)).toBe(false);
    rc.decref(keep);
    heap.verify();
  });
});
