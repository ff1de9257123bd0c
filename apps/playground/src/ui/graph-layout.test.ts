import { describe, expect, it } from "vitest";
import type { GraphNode, ObjectGraph } from "../snapshot/object-graph.js";
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from "./graph-layout.js";
import { summariseCollections } from "./timeline-view.js";

function node(id: number, unreachable = false): GraphNode {
  return {
    id,
    typeName: "list",
    repr: "[]",
    refcount: 1,
    immortal: false,
    tracked: true,
    generation: 0,
    unreachable,
    expanded: true,
    hiddenReferents: 0,
    fields: [],
    overflow: [],
    overflowOnly: false,
  };
}

describe("layoutGraph", () => {
  it("puts frames first, objects in columns by distance from the variables, unreachable and freed ones in bands below", () => {
    const graph: ObjectGraph = {
      variables: [{ name: "a", target: 1, inline: undefined }],
      nodes: [node(1), node(2), node(3), node(4, true), node(5, true)],
      edges: [
        { from: 1, to: 2, label: "[0]", weak: false, slot: 0 },
        { from: 2, to: 3, label: "[0]", weak: false, slot: 0 },
        { from: 3, to: 1, label: "[0]", weak: false, slot: 0 },
        { from: 4, to: 5, label: "", weak: false, slot: 0 },
        { from: 5, to: 4, label: "", weak: false, slot: 0 },
      ],
      truncated: false,
      freed: [],
    };
    const layout = layoutGraph(
      graph,
      [{ rows: 1 }, { rows: 3 }],
      [{ id: 7, typeName: "list", repr: "[]", references: [] }],
      [
        { id: 9, typeName: "Node", repr: "<Node>", references: [10] },
        { id: 10, typeName: "Node", repr: "<Node>", references: [9] },
      ],
    );
    const at = (id: number) => layout.nodes.get(id)!;
    expect(at(2).x).toBeGreaterThan(at(1).x);
    expect(at(3).x).toBeGreaterThan(at(2).x);
    expect(at(1).y).toBe(at(2).y);
    expect(layout.frames[0]!.x).toBeLessThan(at(1).x);
    expect(layout.frames[1]!.y).toBeGreaterThan(layout.frames[0]!.y + layout.frames[0]!.height - 1);
    expect(layout.frames[1]!.rows).toHaveLength(3);
    expect(layout.unreachableTop).toBeGreaterThanOrEqual(at(1).y + NODE_HEIGHT);
    expect(at(4).y).toBeGreaterThan(layout.unreachableTop!);
    expect(at(5).x).toBeGreaterThan(at(4).x);
    expect(layout.freedTop).toBeGreaterThan(at(4).y);
    expect(layout.freed.get(7)!.y).toBeGreaterThan(layout.freedTop!);
    expect(layout.collectedTop).toBeGreaterThan(layout.freed.get(7)!.y);
    expect(layout.ghosts.get(9)!.y).toBeGreaterThan(layout.collectedTop!);
    expect(layout.width).toBeGreaterThanOrEqual(at(3).x + NODE_WIDTH);
    expect(layout.height).toBeGreaterThan(layout.ghosts.get(10)!.y + NODE_HEIGHT);
    // No two boxes overlap.
    const boxes = [...layout.nodes.values(), ...layout.ghosts.values()];
    for (const [i, p] of boxes.entries())
      for (const q of boxes.slice(i + 1))
        expect(Math.abs(p.x - q.x) >= NODE_WIDTH || Math.abs(p.y - q.y) >= NODE_HEIGHT).toBe(true);
  });

  it("wraps a long chain into rows within the width and splits a tall level into columns", () => {
    const chain = Array.from({ length: 40 }, (_, index) => node(index + 1));
    const fanOut = Array.from({ length: 60 }, (_, index) => node(index + 100));
    const graph: ObjectGraph = {
      variables: [
        { name: "head", target: 1, inline: undefined },
        { name: "wide", target: 99, inline: undefined },
      ],
      nodes: [...chain, node(99), ...fanOut],
      edges: [
        ...chain.slice(1).map((next, index) => ({
          from: index + 1,
          to: next.id,
          label: ".next",
          weak: false,
          slot: 0,
        })),
        ...fanOut.map((child, slot) => ({
          from: 99,
          to: child.id,
          label: `[${slot}]`,
          weak: false,
          slot,
        })),
      ],
      truncated: false,
      freed: [],
    };
    const width = 1000;
    const layout = layoutGraph(graph, [{ rows: 2 }], [], [], width);
    expect(layout.nodes.size).toBe(graph.nodes.length);
    expect(layout.width).toBeLessThanOrEqual(width);
    const placed = [...layout.nodes.values()];
    for (const [i, p] of placed.entries())
      for (const q of placed.slice(i + 1))
        expect(
          p.x + NODE_WIDTH <= q.x ||
            q.x + NODE_WIDTH <= p.x ||
            p.y + p.height <= q.y ||
            q.y + q.height <= p.y,
        ).toBe(true);
    // The chain continues on a row below, starting again at the left.
    const rowTops = new Set(chain.map((box) => layout.nodes.get(box.id)!.rowTop));
    expect(rowTops.size).toBeGreaterThan(1);
    // The 60 children of one list do not make one column 6,000 px tall.
    const childColumns = new Set(fanOut.map((box) => layout.nodes.get(box.id)!.x));
    expect(childColumns.size).toBeGreaterThan(1);
  });
});

describe("summariseCollections", () => {
  it("totals collections per generation over a prefix of the timeline", () => {
    const event = (generation: number, collected: number, pauseMilliseconds: number) => ({
      index: 0,
      generation,
      collected,
      uncollectable: 0,
      pauseMilliseconds,
      step: 0,
      line: 1,
      collectedObjects: [],
    });
    const events = [event(0, 2, 1), event(0, 0, 3), event(2, 5, 2), event(1, 9, 9)];
    const summary = summariseCollections(events, 3, 3);
    expect(
      summary.map((s) => [
        s.collections,
        s.collected,
        s.pauseMilliseconds,
        s.longestPauseMilliseconds,
      ]),
    ).toEqual([
      [2, 2, 4, 3],
      [0, 0, 0, 0],
      [1, 5, 2, 2],
    ]);
  });
});
