import { describe, expect, it } from "vitest";
import { setup } from "./test-support.js";

describe("classes deriving from built-in types (defineClass with a built-in base)", () => {
  it("a list subclass instance is a list with a dict, released dict-then-items-then-class", () => {
    const { heap, rc } = setup();
    const classObject = heap.newDict(); // stands in for the class object
    const Stack = heap.defineClass({ name: "Stack", base: heap.listType, typeObject: classObject });
    expect(heap.kinds[Stack]).toBe(heap.kinds[heap.listType]);
    const stack = heap.newInstance(Stack);
    const item = heap.newStr("item");
    heap.listAppend(stack, item);
    heap.setAttr(stack, "label", item);
    expect(heap.listLength(stack)).toBe(1);
    expect(heap.getAttr(stack, "label")).toBe(item);
    expect(rc.refcount(classObject)).toBe(2);
    rc.decref(item);
    heap.verify();
    rc.decref(stack);
    expect(heap.isLive(item)).toBe(false);
    expect(rc.refcount(classObject)).toBe(1);
    rc.decref(classObject);
    heap.verify();
  });

  it("a str subclass keeps its dict after the characters, and a big int's after its digits", () => {
    const { heap, rc } = setup();
    const Tag = heap.defineClass({ name: "Tag", base: heap.strType });
    const Big = heap.defineClass({ name: "Big", base: heap.intType });
    for (const text of ["", "a", "abcde", "naïve text"]) {
      const plain = heap.newStr(text);
      const tag = heap.newInstanceFrom(Tag, plain);
      rc.decref(plain);
      const value = heap.newStr("value");
      heap.setAttr(tag, "note", value);
      rc.decref(value);
      expect(heap.strValue(tag)).toBe(text);
      expect(heap.dictSlot(tag) - tag).toBe((20 + new TextEncoder().encode(text).length + 3) & ~3);
      expect(heap.getAttr(tag, "note")).toBe(value);
      heap.verify();
      rc.decref(tag);
    }
    const plain = heap.newIntFromBigInt(2n ** 100n);
    const big = heap.newInstanceFrom(Big, plain);
    rc.decref(plain);
    heap.setAttr(big, "x", heap.none);
    expect(heap.intBigValue(big)).toBe(2n ** 100n);
    heap.verify();
    rc.decref(big);
    heap.verify();
  });

  it("refuses __slots__ on a variable-size base, as CPython", () => {
    const { heap } = setup();
    expect(() => heap.defineClass({ name: "P", base: heap.tupleType, slots: ["x"] })).toThrow(
      "nonempty __slots__ not supported for subtype of 'tuple'",
    );
  });
});
