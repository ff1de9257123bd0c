import type { Ptr } from "@pymem/core";
import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { ObjectGraphCapturer } from "./object-graph.js";
import { shortRepr } from "./short-repr.js";

describe("ObjectGraphCapturer", () => {
  it("draws variables, their objects, labelled edges, refcounts and generations", () => {
    const runtime = createRuntime({ collector: "generational" });
    const { heap, lifetime } = runtime;
    const inner = runtime.fromJS([1, 2]);
    const outer = heap.newList([inner, inner]);
    const graph = new ObjectGraphCapturer(runtime).capture([
      ["a", outer],
      ["b", inner],
      ["nothing", heap.none],
    ]);
    expect(graph.variables).toEqual([
      { name: "a", target: outer, inline: undefined },
      { name: "b", target: inner, inline: undefined },
      { name: "nothing", target: heap.none, inline: "None" },
    ]);
    const byId = new Map(graph.nodes.map((node) => [node.id, node]));
    expect(byId.get(outer)).toMatchObject({
      typeName: "list",
      refcount: 1,
      tracked: true,
      generation: 0,
    });
    // inner: the fromJS reference plus two items of outer.
    expect(byId.get(inner)).toMatchObject({ repr: "[1, 2]", refcount: 3, unreachable: false });
    const labels = graph.edges.filter((e) => e.from === outer).map((e) => [e.label, e.to]);
    expect(labels).toEqual([
      ["[0]", inner],
      ["[1]", inner],
    ]);
    // Immortal small ints are written inside their list, not drawn as boxes.
    expect(byId.get(inner)!.fields).toEqual([
      { label: "[0]", text: "1", slot: 0 },
      { label: "[1]", text: "2", slot: 1 },
    ]);
    expect(graph.nodes.some((node) => node.immortal)).toBe(false);
    runtime.gc!.collect(0);
    const after = new ObjectGraphCapturer(runtime).capture([["a", outer]]);
    expect(after.nodes.find((n) => n.id === outer)?.generation).toBe(1);
    runtime.gc!.collect(2);
    const capturer = new ObjectGraphCapturer(runtime);
    expect(capturer.capture([["a", outer]]).nodes[0]?.generation).toBe(2);
    runtime.gc!.freeze(); // the permanent generation: tracked, in no numbered generation
    expect(capturer.capture([["a", outer]]).nodes[0]).toMatchObject({
      tracked: true,
      generation: undefined,
    });
    runtime.gc!.unfreeze();
    lifetime.decref(outer);
    lifetime.decref(inner);
    runtime.verify();
  });

  it("folds an instance's __dict__ into .attribute edges", () => {
    const runtime = createRuntime();
    const { heap, lifetime } = runtime;
    const Node = heap.defineClass({ name: "Node" });
    const node = heap.newInstance(Node);
    const value = heap.newStr("payload");
    heap.setAttr(node, "value", value);
    lifetime.decref(value);
    const graph = new ObjectGraphCapturer(runtime).capture([["n", node]]);
    expect(graph.nodes.map((n) => n.typeName)).toEqual(["Node", "str"]);
    expect(graph.edges).toEqual([{ from: node, to: value, label: ".value", weak: false, slot: 0 }]);
    lifetime.decref(node);
    runtime.verify();
  });

  it("keeps drawing a cycle after its last variable is gone, flagged unreachable, until collected", () => {
    const runtime = createRuntime();
    const { heap, lifetime } = runtime;
    const a = heap.newList();
    const b = heap.newList();
    heap.listAppend(a, b);
    heap.listAppend(b, a);
    const temporary = heap.newList();
    const capturer = new ObjectGraphCapturer(runtime);
    const before = capturer.capture([
      ["a", a],
      ["t", temporary],
    ]);
    expect(before.nodes.every((node) => !node.unreachable)).toBe(true);
    lifetime.decref(a);
    lifetime.decref(b);
    lifetime.decref(temporary); // freed by refcounting: must not come back as "unreachable"
    const orphaned = capturer.capture([]);
    expect(orphaned.variables).toEqual([]);
    expect(orphaned.nodes.map((node) => [node.id, node.unreachable])).toEqual([
      [a, true],
      [b, true],
    ]);
    expect(capturer.capture([]).nodes).toHaveLength(2); // still there a step later
    expect(runtime.gc!.collect()).toBe(2);
    expect(capturer.capture([]).nodes).toEqual([]);
    runtime.verify();
  });

  it("stays within maximumNodes and says so", () => {
    const runtime = createRuntime();
    const big = runtime.fromJS(Array.from({ length: 50 }, (_, i) => [i]));
    const graph = new ObjectGraphCapturer(runtime, { maximumNodes: 10 }).capture([["big", big]]);
    expect(graph.nodes).toHaveLength(10);
    expect(graph.truncated).toBe(true);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
    runtime.lifetime.decref(big);
  });

  it("draws at most maximumReferentsPerObject references of one object and counts the rest", () => {
    const runtime = createRuntime();
    const big = runtime.fromJS(Array.from({ length: 30 }, (_, i) => [i]));
    const small = runtime.fromJS(["kept"]);
    const graph = new ObjectGraphCapturer(runtime, { maximumReferentsPerObject: 5 }).capture([
      ["big", big],
      ["small", small],
    ]);
    expect(graph.nodes.find((n) => n.id === big)?.hiddenReferents).toBe(25);
    expect(graph.edges.filter((e) => e.from === big)).toHaveLength(5);
    expect(graph.nodes.find((n) => n.id === small)?.repr).toBe("['kept']");
    expect(graph.truncated).toBe(false);
    runtime.lifetime.decref(big);
    runtime.lifetime.decref(small);
  });

  it("does not count a weak reference as reaching a cycle: the cycle is still unreachable", () => {
    const runtime = createRuntime();
    const { heap, lifetime } = runtime;
    const Node = heap.defineClass({ name: "Node" });
    const a = heap.newInstance(Node);
    const b = heap.newInstance(Node);
    heap.setAttr(a, "partner", b);
    heap.setAttr(b, "partner", a);
    const ref = heap.newWeakref(a);
    const capturer = new ObjectGraphCapturer(runtime);
    capturer.capture([
      ["a", a],
      ["w", ref],
    ]);
    lifetime.decref(a);
    lifetime.decref(b);
    const graph = capturer.capture([["w", ref]]);
    const states = new Map(graph.nodes.map((n) => [n.id, n.unreachable]));
    expect(states.get(a)).toBe(true);
    expect(states.get(b)).toBe(true);
    expect(states.get(ref)).toBe(false);
    expect(graph.edges).toContainEqual({ from: ref, to: a, label: "weak", weak: true, slot: 0 });
    expect(graph.nodes.find((n) => n.id === ref)?.repr).toBe(
      `<weakref at 0x${ref.toString(16)}; to 'Node' at 0x${a.toString(16)}>`,
    );
    runtime.gc!.collect();
    expect(heap.weakrefGet(ref)).toBe(heap.none);
    expect(capturer.capture([["w", ref]]).nodes.map((n) => n.repr)).toEqual([
      `<weakref at 0x${ref.toString(16)}; dead>`,
    ]);
    lifetime.decref(ref);
    runtime.verify();
  });

  it("draws weak references as weak edges", () => {
    const runtime = createRuntime();
    const { heap, lifetime } = runtime;
    const Target = heap.defineClass({ name: "Target" });
    const target = heap.newInstance(Target);
    const ref = heap.newWeakref(target);
    const graph = new ObjectGraphCapturer(runtime).capture([["r", ref]]);
    expect(graph.edges).toEqual([{ from: ref, to: target, label: "weak", weak: true, slot: 0 }]);
    lifetime.decref(target);
    const dead = new ObjectGraphCapturer(runtime).capture([["r", ref]]);
    expect(dead.edges).toEqual([]);
    lifetime.decref(ref);
    runtime.verify();
  });
});

describe("shortRepr", () => {
  it("prints scalars as CPython does and bounds containers", () => {
    const runtime = createRuntime();
    const value = runtime.fromJS([1, 2.5, "it's", null, true, [3, 4], { k: 1 }]);
    expect(shortRepr(runtime.heap, value, 200)).toBe(
      `[1, 2.5, "it's", None, True, [3, 4], {'k': 1}]`,
    );
    // Nested containers as Python prints them, empty ones included; deep ones elided.
    const nested = runtime.fromJS([[], [[]], {}, [[[[1]]]]]);
    expect(shortRepr(runtime.heap, nested, 200)).toBe("[[], [[]], {}, [[[…]]]]");
    const long = runtime.fromJS(Array.from({ length: 20 }, (_, i) => i));
    expect(shortRepr(runtime.heap, long, 200)).toBe("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …]");
    expect(shortRepr(runtime.heap, long)).toHaveLength(40);
    const self: Ptr = runtime.heap.newList();
    runtime.heap.listAppend(self, self);
    expect(shortRepr(runtime.heap, self)).toBe("[[...]]");
    expect(shortRepr(runtime.heap, runtime.fromJS("x".repeat(100))).length).toBeLessThanOrEqual(40);
    const Node = runtime.heap.defineClass({ name: "Node" });
    const instance = runtime.heap.newInstance(Node);
    expect(shortRepr(runtime.heap, instance, 80)).toBe(
      `<Node object at 0x${instance.toString(16)}>`,
    );
    for (const obj of [value, nested, long, self, instance]) runtime.lifetime.decref(obj);
  });
});
