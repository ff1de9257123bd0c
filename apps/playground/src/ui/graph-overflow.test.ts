import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { ObjectGraphCapturer } from "../snapshot/object-graph.js";
import { OVERFLOW_PAGE, revealOverflow } from "./graph-overflow.js";

describe("long containers", () => {
  it("keeps a bounded page source past the drawn items and reveals it page by page", () => {
    const runtime = createRuntime({ collector: "generational" });
    const { heap, lifetime } = runtime;
    const numbers = runtime.fromJS(Array.from({ length: 100 }, (_, i) => i));
    const lists = heap.newList(Array.from({ length: 30 }, () => heap.newList([])));
    for (let i = 0; i < 30; i++) lifetime.decref(heap.listGetItem(lists, i));
    const capturer = new ObjectGraphCapturer(runtime, { maximumOverflowPerObject: 50 });
    const graph = capturer.capture([
      ["numbers", numbers],
      ["lists", lists],
    ]);
    const numbersNode = graph.nodes.find((node) => node.id === numbers)!;
    expect(numbersNode.fields).toHaveLength(12);
    expect(numbersNode.hiddenReferents).toBe(88);
    // Only the first 50 past the drawn ones are kept: the rest of a huge list is only counted.
    expect(numbersNode.overflow).toHaveLength(50);
    expect(numbersNode.overflow[0]).toEqual({ slot: 12, label: "[12]", text: "12", to: 0 });
    // The 18 lists only overflow references reach are in the graph, flagged, as leaves.
    const listed = graph.nodes.filter((node) => node.overflowOnly);
    expect(listed).toHaveLength(18);
    expect(listed.every((node) => !node.expanded && !node.unreachable)).toBe(true);

    // Nothing shown: the overflow-only objects are left out of the drawing.
    const folded = revealOverflow(graph, new Map());
    expect(folded.nodes.some((node) => node.overflowOnly)).toBe(false);
    // One page of each: the items become rows (atoms in place, arrows to the lists).
    const shown = revealOverflow(
      graph,
      new Map([
        [numbers, OVERFLOW_PAGE],
        [lists, 5],
      ]),
    );
    const revealed = shown.nodes.find((node) => node.id === numbers)!;
    expect(revealed.fields.map((field) => field.label).at(-1)).toBe("[61]");
    expect(revealed.hiddenReferents).toBe(38);
    expect(revealed.overflow).toHaveLength(0);
    expect(shown.edges.filter((edge) => edge.from === lists)).toHaveLength(17);
    expect(shown.nodes.filter((node) => node.overflowOnly)).toHaveLength(5);

    // An unchanged container shares its overflow with the previous capture (snapshots of a
    // loop over a long list hold it once).
    const again = capturer.capture([
      ["numbers", numbers],
      ["lists", lists],
    ]);
    expect(again.nodes.find((node) => node.id === numbers)!.overflow).toBe(numbersNode.overflow);
    lifetime.decref(numbers);
    lifetime.decref(lists);
    runtime.verify();
  });

  it("reads a million-item list no slower than a short one", () => {
    const runtime = createRuntime({ collector: "generational" });
    const { heap, lifetime } = runtime;
    const seven = runtime.fromJS(7);
    const big = heap.newList(Array.from({ length: 1_000_000 }, () => seven));
    const capturer = new ObjectGraphCapturer(runtime);
    const started = performance.now();
    const graph = capturer.capture([["big", big]]);
    const node = graph.nodes.find((candidate) => candidate.id === big)!;
    expect(node.hiddenReferents).toBe(999_988);
    expect(node.overflow).toHaveLength(1000);
    expect(performance.now() - started).toBeLessThan(500);
    lifetime.decref(big);
    lifetime.decref(seven);
    runtime.verify();
  });
});
