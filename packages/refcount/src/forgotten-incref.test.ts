/**
 * Debug mode reports a forgotten incref in plain words: `heap.verify()` finds the count below the
 * references other objects hold before anything is freed, and the death that drops a reference
 * to an object already freed names both objects instead of freeing memory twice.
 */
import { HeapCorruptionError, UseAfterFreeError } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { setup } from "./test-support.js";

/** `holder.next = value` without the incref a store needs. */
function storeWithoutIncref(heap: ReturnType<typeof setup>["heap"], holder: number, value: number) {
  const offset = heap.slotOffset(heap.typeOf(holder), "next");
  heap.memory.u32[(holder + offset) >>> 2] = value;
}

describe("a forgotten incref in debug mode", () => {
  it("verify() names the object, its type, its count and a holder before anything is freed", () => {
    const { heap, rc } = setup({ debug: true });
    const Node = heap.defineClass({ name: "Node", slots: ["next"] });
    const Leaf = heap.defineClass({ name: "Leaf", slots: ["next"] });
    const holder = heap.newInstance(Node);
    const leaf = heap.newInstance(Leaf);
    storeWithoutIncref(heap, holder, leaf);
    rc.incref(leaf); // a JavaScript reference: 2 = 1 found + 1 outside, consistent
    heap.verify();
    rc.decref(leaf);
    const other = heap.newInstance(Node);
    heap.storeField(other, heap.slotOffset(Node, "next"), leaf);
    // The creator's reference goes: refcount 1, but holder and other both point at leaf.
    rc.decref(leaf);
    let error: unknown;
    try {
      heap.verify();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HeapCorruptionError);
    const message = (error as Error).message;
    expect(message).toContain(`the 'Leaf' object at 0x${leaf.toString(16)} has refcount 1`);
    expect(message).toContain("2 references to it were found");
    expect(message).toMatch(/held by the 'Node' object at 0x[0-9a-f]+\): an incref is missing/);
    expect((error as HeapCorruptionError).typeName).toBe("Leaf");
    storeWithoutIncref(heap, holder, 0);
    heap.verify();
    rc.decref(other);
    rc.decref(holder);
    heap.verify();
  });

  it("the death that drops a reference to an already freed object names both, freeing nothing twice", () => {
    const { heap, rc } = setup({ debug: true });
    const Node = heap.defineClass({ name: "Node", slots: ["next"] });
    const Leaf = heap.defineClass({ name: "Leaf", slots: ["next"] });
    const holder = heap.newInstance(Node);
    const leaf = heap.newInstance(Leaf);
    storeWithoutIncref(heap, holder, leaf);
    rc.decref(leaf); // frees leaf: holder still points at it
    expect(() => heap.verify()).toThrow(
      `references the freed 'Leaf' object at 0x${leaf.toString(16)}: it was stored without an incref`,
    );
    const blocks = heap.allocator.stats().blocksInUse;
    let error: unknown;
    try {
      rc.decref(holder);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UseAfterFreeError);
    expect((error as Error).message).toBe(
      `use after free of 0x${leaf.toString(16)}: the death of the 'Node' object at 0x${holder.toString(16)} drops a reference to the 'Leaf' object at 0x${leaf.toString(16)}, which was already freed: a reference to it was stored without an incref (or dropped twice)`,
    );
    expect((error as UseAfterFreeError).typeName).toBe("Leaf");
    // Nothing was freed twice: the allocator still verifies.
    expect(heap.allocator.stats().blocksInUse).toBeLessThanOrEqual(blocks);
    heap.allocator.verify();
  });

  it("a list's death finds a freed item the same way", () => {
    const { heap, rc } = setup({ debug: true });
    const Leaf = heap.defineClass({ name: "Leaf", slots: ["next"] });
    const leaf = heap.newInstance(Leaf);
    const list = heap.newList([leaf]);
    rc.decref(leaf);
    rc.decref(leaf); // one decref too many: the list's item is now dangling
    expect(() => rc.decref(list)).toThrow(
      /the death of the 'list' object at 0x[0-9a-f]+ drops a reference to the 'Leaf' object/,
    );
    heap.allocator.verify();
  });

  it("incref of a freed object says what it was", () => {
    const { heap, rc } = setup({ debug: true });
    const Leaf = heap.defineClass({ name: "Leaf", slots: ["next"] });
    const leaf = heap.newInstance(Leaf);
    rc.decref(leaf);
    expect(() => rc.incref(leaf)).toThrow(
      `use after free of 0x${leaf.toString(16)}: object was freed (it was a 'Leaf')`,
    );
  });
});
