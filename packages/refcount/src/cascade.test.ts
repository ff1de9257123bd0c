import { describe, expect, it } from "vitest";
import { setup } from "./test-support.js";

describe("iterative deallocation cascade", () => {
  it("frees a 10,000,000-long chain of two-slot lists without recursion", () => {
    const { heap, rc } = setup();
    const baseline = heap.allocator.stats().blocksInUse;
    const pair = [heap.none, heap.none];
    let head = heap.none;
    for (let i = 0; i < 10_000_000; i++) {
      pair[0] = head;
      const node = heap.newList(pair);
      rc.decref(head);
      head = node;
    }
    expect(heap.liveObjectCounts().list).toBe(10_000_000);
    rc.decref(head);
    expect(heap.liveObjectCounts().list).toBeUndefined();
    heap.clearFreeLists();
    expect(heap.allocator.stats().blocksInUse).toBe(baseline);
  }, 120_000);

  it.each(["tuple", "dict", "instance", "mixed"] as const)(
    "frees a 200,000-long chain of %s",
    (shape) => {
      const { heap, rc } = setup();
      const baseline = heap.allocator.stats().blocksInUse;
      const Node = heap.defineClass({ name: "Node", slots: ["next"] });
      const key = heap.intern("next");
      let head = heap.none;
      for (let i = 0; i < 200_000; i++) {
        const kind = shape === "mixed" ? (["tuple", "dict", "instance"] as const)[i % 3]! : shape;
        let node: number;
        if (kind === "tuple") node = heap.newTuple([head]);
        else if (kind === "dict") {
          node = heap.newDict();
          heap.dictSetItem(node, key, head);
        } else {
          node = heap.newInstance(Node);
          heap.setSlot(node, "next", head);
        }
        rc.decref(head);
        head = node;
      }
      rc.decref(head);
      rc.decref(key);
      heap.clearFreeLists();
      heap.verify();
      expect(heap.allocator.stats().blocksInUse).toBe(baseline);
    },
  );

  it("runs finalizers of a chain in CPython's order: each when its object dies", () => {
    const { heap, rc } = setup();
    const log: string[] = [];
    const Node = heap.defineClass({
      name: "Node",
      slots: ["next", "name"],
      finalize: (obj) => {
        const next = heap.getSlot(obj, "next");
        // References are intact when the finalizer runs.
        log.push(
          `${heap.strValue(heap.getSlot(obj, "name"))}->${next === heap.none ? "None" : heap.strValue(heap.getSlot(next, "name"))}`,
        );
      },
    });
    let head = heap.none;
    for (const name of ["c", "b", "a"]) {
      const node = heap.newInstance(Node);
      heap.setSlot(node, "next", head);
      heap.setSlot(node, "name", heap.newStr(name));
      rc.decref(head);
      head = node;
    }
    rc.decref(head);
    expect(log).toEqual(["a->b", "b->c", "c->None"]);
  });

  it("releases list items last to first and instance slots before __dict__", () => {
    const { heap, rc } = setup();
    const log: string[] = [];
    const Tag = heap.defineClass({
      name: "Tag",
      slots: ["v"],
      finalize: (o) => log.push(heap.strValue(heap.getSlot(o, "v"))),
    });
    const tag = (v: string) => {
      const o = heap.newInstance(Tag);
      heap.setSlot(o, "v", heap.newStr(v));
      return o;
    };
    const items = [tag("0"), tag("1"), tag("2")];
    const list = heap.newList(items);
    for (const o of items) rc.decref(o);
    rc.decref(list);
    expect(log).toEqual(["2", "1", "0"]); // CPython: list_dealloc decrefs from the end

    log.length = 0;
    const Holder = heap.defineClass({ name: "Holder", slots: ["s1", "s2"], dict: true });
    const h = heap.newInstance(Holder);
    const [s1, s2, d1] = [tag("slot1"), tag("slot2"), tag("dictvalue")];
    heap.setSlot(h, "s1", s1);
    heap.setSlot(h, "s2", s2);
    heap.setAttr(h, "d", d1);
    for (const o of [s1, s2, d1]) rc.decref(o);
    rc.decref(h);
    expect(log).toEqual(["slot1", "slot2", "dictvalue"]);
  });

  it("lets a finalizer free other objects (nested deaths) and defers past maxNesting", () => {
    for (const maxNesting of [50, 1]) {
      const { heap, rc } = setup({}, { maxNesting });
      const log: number[] = [];
      const Holder = heap.defineClass({
        name: "Holder",
        slots: ["victim", "id"],
        finalize: (o) => {
          log.push(heap.numberValue(heap.getSlot(o, "id")));
          heap.setSlot(o, "victim", 0); // drops the last reference to another finalizable object
        },
      });
      let previous = heap.none;
      for (let i = 0; i < 5; i++) {
        const h = heap.newInstance(Holder);
        heap.setSlot(h, "id", heap.newInt(i));
        if (previous !== heap.none) {
          heap.setSlot(h, "victim", previous);
          rc.decref(previous);
        }
        previous = h;
      }
      rc.decref(previous);
      expect(log).toEqual([4, 3, 2, 1, 0]);
      heap.verify();
      expect(heap.liveObjectCounts().Holder).toBeUndefined();
    }
  });
});
