import { describe, expect, it } from "vitest";
import { createRuntime } from "./runtime.js";
import { TupleValue, tuple } from "./tuple-value.js";

const quiet = { unraisableSink: () => {}, debugSink: () => {} };

describe("fromJS", () => {
  it("maps each JavaScript shape to its Python type", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    const cases: [unknown, string][] = [
      [1, "int"],
      [-7n, "int"],
      [1.5, "float"],
      [-0, "float"],
      [2 ** 60, "float"],
      ["s", "str"],
      [true, "bool"],
      [null, "NoneType"],
      [[1], "list"],
      [tuple(1), "tuple"],
      [new Map([[1, 2]]), "dict"],
      [{ a: 1 }, "dict"],
      [Object.create(null), "dict"],
    ];
    for (const [index, [value, typeName]] of cases.entries()) {
      const obj = runtime.fromJS(value);
      expect(heap.typeName(obj), `case ${index}`).toBe(typeName);
      lifetime.decref(obj);
    }
    runtime.verify();
  });

  it("returns a new reference and leaves nothing behind once it is dropped", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    const before = heap.liveObjectCount;
    const obj = runtime.fromJS([1, "a", tuple(2, tuple()), { k: null, n: [1.25, ["deep"]] }]);
    expect(lifetime.refcount(obj)).toBe(1);
    expect(runtime.repr(obj)).toBe("[1, 'a', (2, ()), {'k': None, 'n': [1.25, ['deep']]}]");
    lifetime.decref(obj);
    expect(heap.liveObjectCount).toBe(before);
    runtime.verify();
  });

  it("keeps shared containers shared and cyclic ones cyclic", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    const shared = ["x"];
    const obj = runtime.fromJS([shared, shared]);
    expect(heap.listGetItem(obj, 0)).toBe(heap.listGetItem(obj, 1));
    expect(lifetime.refcount(heap.listGetItem(obj, 0))).toBe(2);
    lifetime.decref(obj);
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    const map = new Map<unknown, unknown>();
    map.set("me", map);
    const both = runtime.fromJS(tuple(cyclic, map));
    expect(runtime.repr(both)).toBe("([1, [...]], {'me': {...}})");
    lifetime.decref(both);
    expect(runtime.gc!.collect()).toBe(2); // the tuple went by refcount; the list and dict cycles remain
    runtime.verify();
  });

  it("rejects unsupported values before allocating anything", () => {
    const runtime = createRuntime(quiet);
    const { heap } = runtime;
    const before = heap.liveObjectCount;
    const selfTuple = tuple(1);
    (selfTuple.items as unknown[]).push(selfTuple);
    const bad: [unknown, RegExp][] = [
      [[1, undefined], /cannot convert undefined/],
      [[() => 1], /cannot convert/],
      [[new Date(0)], /cannot convert a Date/],
      [[Symbol("s")], /cannot convert/],
      [[2n ** 60n], /outside the ints/],
      [selfTuple, /a tuple cannot contain itself/],
      [new Map([[[1], 2]]), /unhashable type: 'list'/],
      [new Map([[tuple(1, { a: 1 }), 2]]), /unhashable type: 'dict'/],
    ];
    for (const [value, message] of bad) {
      expect(() => runtime.fromJS(value)).toThrow(message);
      expect(heap.liveObjectCount).toBe(before);
    }
    runtime.verify();
  });

  it("converts nesting far deeper than the JavaScript stack, without recursion", () => {
    const runtime = createRuntime(quiet);
    let value: unknown[] = [];
    const root = value;
    for (let i = 0; i < 100_000; i++) {
      const next: unknown[] = [];
      value.push(next);
      value = next;
    }
    const obj = runtime.fromJS(root);
    const back = runtime.toJS(obj) as unknown[];
    let depth = 0;
    for (let node = back; node.length > 0; node = node[0] as unknown[]) depth++;
    expect(depth).toBe(100_000);
    runtime.lifetime.decref(obj);
    expect(runtime.heap.liveObjectCounts().list).toBeUndefined();
    runtime.verify();
  });

  it("accepts tuple keys and Map keys of every hashable type", () => {
    const runtime = createRuntime(quiet);
    const obj = runtime.fromJS(
      new Map<unknown, unknown>([
        [tuple(1, "a"), "t"],
        [2, "i"],
        [2.5, "f"],
        [null, "n"],
        [true, "b"],
      ]),
    );
    expect(runtime.repr(obj)).toBe("{(1, 'a'): 't', 2: 'i', 2.5: 'f', None: 'n', True: 'b'}");
    runtime.lifetime.decref(obj);
    runtime.verify();
  });
});

describe("toJS", () => {
  it("is the inverse of fromJS for built-in types", () => {
    const runtime = createRuntime(quiet);
    const obj = runtime.fromJS([1, "a", tuple(2), { k: null }, 2.5, false]);
    const value = runtime.toJS(obj);
    expect(value).toEqual([1, "a", new TupleValue([2]), new Map([["k", null]]), 2.5, false]);
    const again = runtime.fromJS(value);
    expect(runtime.repr(again)).toBe(runtime.repr(obj));
    runtime.lifetime.decref(obj);
    runtime.lifetime.decref(again);
    runtime.verify();
  });

  it("keeps cycles and shared containers, and does not touch refcounts", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    const l = heap.newList();
    heap.listAppend(l, l);
    heap.listAppend(l, l);
    const total = runtime.gettotalrefcount();
    const value = runtime.toJS(l) as unknown[];
    expect(value[0]).toBe(value);
    expect(value[1]).toBe(value);
    expect(runtime.gettotalrefcount()).toBe(total);
    heap.listClear(l);
    lifetime.decref(l);
    runtime.verify();
  });

  it("refuses objects that have no JavaScript form", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    const Node = heap.defineClass({ name: "Node" });
    const node = heap.newInstance(Node);
    const l = heap.newList([node]);
    expect(() => runtime.toJS(l)).toThrow(/cannot convert a 'Node' object/);
    lifetime.decref(l);
    lifetime.decref(node);
    expect(() => runtime.toJS(node)).toThrow();
    runtime.verify();
  });
});
