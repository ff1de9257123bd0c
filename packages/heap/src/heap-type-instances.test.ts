import { IMMORTAL_REFCNT, type Lifetime, type Ptr, ReferenceStack, TypeFlags } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { Heap } from "./heap.js";

/**
 * A minimal reference counter for heap-only tests (the real one is @pymem/refcount, which depends
 * on this package): decref to zero runs the heap's dispose cascade and logs each death in order.
 */
function attachLifetime(heap: Heap, deaths: Ptr[]): Lifetime {
  const stack = new ReferenceStack();
  const lifetime: Lifetime = {
    incref(obj) {
      if (heap.memory.u32[obj >>> 2]! < IMMORTAL_REFCNT) heap.memory.u32[obj >>> 2]!++;
    },
    decref(obj) {
      stack.push(obj);
      while (stack.length > 0) {
        const item = stack.pop();
        const count = heap.memory.u32[item >>> 2]!;
        if (count >= IMMORTAL_REFCNT) continue;
        if (count > 1) {
          heap.memory.u32[item >>> 2] = count - 1;
          continue;
        }
        heap.memory.u32[item >>> 2] = 0;
        deaths.push(item);
        heap.disposeObject(item, heap.memory.u32[(item + 4) >>> 2]!, stack);
      }
    },
    refcount: (obj) => heap.memory.u32[obj >>> 2]!,
    isImmortal: (obj) => heap.memory.u32[obj >>> 2]! >= IMMORTAL_REFCNT,
  };
  heap.lifetime = lifetime;
  return lifetime;
}

describe("heap-type classes (ClassOptions.typeObject)", () => {
  it("instances own a reference to the class object, released after their own references", () => {
    const heap = new Heap();
    const deaths: Ptr[] = [];
    const lifetime = attachLifetime(heap, deaths);
    const classObject = heap.newList(); // any heap object can stand for the class
    const Node = heap.defineClass({ name: "Node", slots: ["value"], typeObject: classObject });
    expect(heap.types.flags[Node]! & TypeFlags.HEAPTYPE).toBe(TypeFlags.HEAPTYPE);
    const node = heap.newInstance(Node);
    expect(lifetime.refcount(classObject)).toBe(2);
    const value = heap.newList();
    heap.setSlot(node, "value", value);
    lifetime.decref(value);
    lifetime.decref(classObject); // the instance's reference keeps the class alive
    expect(heap.isLive(classObject)).toBe(true);
    lifetime.decref(node);
    // CPython's subtype_dealloc order: the instance, its slot's value, then its type.
    expect(deaths).toEqual([node, value, classObject]);
    heap.verify();
  });

  it("reports the class object among the instance's references (collectors visit it)", () => {
    const heap = new Heap();
    attachLifetime(heap, []);
    const classObject = heap.newList();
    const Plain = heap.defineClass({ name: "Plain", typeObject: classObject });
    const obj = heap.newInstance(Plain);
    const stack = new ReferenceStack();
    heap.types.pushReferences(obj, stack);
    expect(Array.from(stack.items.subarray(0, stack.length))).toContain(classObject);
  });

  it("classes without a typeObject are unchanged: no HEAPTYPE, no extra reference", () => {
    const heap = new Heap();
    const lifetime = attachLifetime(heap, []);
    const Plain = heap.defineClass({ name: "Plain", slots: ["a"] });
    expect(heap.types.flags[Plain]! & TypeFlags.HEAPTYPE).toBe(0);
    const obj = heap.newInstance(Plain);
    expect(lifetime.refcount(obj)).toBe(1);
    lifetime.decref(obj);
    heap.verify();
  });
});

describe("managed instance dicts (ClassOptions.managedDict)", () => {
  it("the instance's traversal reports attribute values, not the dict", () => {
    const heap = new Heap();
    const lifetime = attachLifetime(heap, []);
    const Point = heap.defineClass({ name: "Point", managedDict: true });
    const p = heap.newInstance(Point);
    const x = heap.newList();
    const key = heap.intern("x");
    expect(heap.setAttrByKey(p, key, x)).toBe(true);
    expect(heap.getAttrByKey(p, key)).toBe(x);
    const stack = new ReferenceStack();
    heap.types.pushReferences(p, stack);
    expect(Array.from(stack.items.subarray(0, stack.length))).toEqual([x]);
    expect(heap.delAttrByKey(p, key)).toBe(true);
    expect(heap.delAttrByKey(p, key)).toBe(false);
    expect(heap.getAttrByKey(p, key)).toBe(0);
    lifetime.decref(x);
    lifetime.decref(key);
    lifetime.decref(p);
    heap.verify();
  });

  it("tp_clear drops the attributes (breaking cycles) and keeps the instance valid", () => {
    const heap = new Heap();
    const lifetime = attachLifetime(heap, []);
    const Node = heap.defineClass({ name: "Node", managedDict: true });
    const a = heap.newInstance(Node);
    const b = heap.newInstance(Node);
    heap.setAttr(a, "other", b);
    heap.setAttr(b, "other", a);
    heap.types.spec(Node).clear!(a);
    expect(heap.getAttr(a, "other")).toBe(0);
    expect(lifetime.refcount(a)).toBe(2);
    lifetime.decref(b); // b dies, dropping its reference to a
    expect(lifetime.refcount(a)).toBe(1);
    lifetime.decref(a);
    expect(heap.isLive(a)).toBe(false);
    heap.verify();
  });

  it("subclasses inherit managed dicts; slots-only classes reject unknown attributes", () => {
    const heap = new Heap();
    attachLifetime(heap, []);
    const Base = heap.defineClass({ name: "Base", managedDict: true });
    const Derived = heap.defineClass({ name: "Derived", base: Base, slots: ["s"] });
    expect(heap.classes[Derived]!.managedDict).toBe(true);
    const Slotted = heap.defineClass({ name: "Slotted", slots: ["s"], managedDict: true });
    expect(heap.classes[Slotted]!.managedDict).toBe(false);
    const obj = heap.newInstance(Slotted);
    expect(heap.setAttrByKey(obj, heap.intern("nope"), heap.none)).toBe(false);
    expect(heap.setAttrByKey(obj, heap.intern("s"), heap.none)).toBe(true);
    expect(heap.getAttrByKey(obj, heap.intern("s"))).toBe(heap.none);
  });
});

describe("classes deriving from a defineType type flagged BASETYPE (property, classmethod)", () => {
  it("keep the base's reference slots, add their own after them and release both", () => {
    const heap = new Heap();
    const deaths: Ptr[] = [];
    const lifetime = attachLifetime(heap, deaths);
    const Wrapper = heap.defineType({
      name: "wrapper",
      basicSize: 12,
      flags: TypeFlags.GC | TypeFlags.BASETYPE,
      references: { fixed: [8] },
    });
    const classObject = heap.newList();
    const Derived = heap.defineClass({
      name: "Derived",
      base: Wrapper,
      slots: ["extra"],
      typeObject: classObject,
    });
    const obj = heap.newInstance(Derived);
    const held = heap.newList();
    const extra = heap.newList();
    heap.memory.u32[(obj + 8) >>> 2] = held;
    heap.setSlot(obj, "extra", extra);
    lifetime.decref(extra);
    lifetime.decref(classObject);
    lifetime.decref(obj);
    expect(deaths).toContain(held);
    expect(deaths).toContain(extra);
    expect(deaths).toContain(classObject);
    heap.verify();
  });

  it("refuses a base without BASETYPE", () => {
    const heap = new Heap();
    const Plain = heap.defineType({ name: "plain", basicSize: 12, references: { fixed: [8] } });
    expect(() => heap.defineClass({ name: "D", base: Plain })).toThrow(TypeError);
  });
});
