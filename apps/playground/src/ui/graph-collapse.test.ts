import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode, ObjectGraph } from "../snapshot/object-graph.js";
import { CHAIN_HEAD, CHAIN_TAIL, collapseLongChains } from "./graph-collapse.js";

function node(id: number, typeName = "Node"): GraphNode {
  return {
    id,
    typeName,
    repr: `<${typeName}>`,
    refcount: 1,
    immortal: false,
    tracked: true,
    generation: 0,
    unreachable: false,
    expanded: true,
    hiddenReferents: 0,
    fields: [],
    overflow: [],
    overflowOnly: false,
  };
}

function edge(from: number, to: number, label = ".next", slot = 0): GraphEdge {
  return { from, to, label, weak: false, slot };
}

/** `head` → a linked list of `length` nodes (ids 1…length), each holding a list (id 1000 + i). */
function linkedList(length: number, extraVariables: number[] = []): ObjectGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (let id = 1; id <= length; id++) {
    nodes.push(node(id), node(1000 + id, "list"));
    edges.push(edge(id, 1000 + id, ".value", 0));
    if (id < length) edges.push(edge(id, id + 1, ".next", 1));
  }
  return {
    variables: [1, ...extraVariables].map((target, index) => ({
      name: `v${index}`,
      target,
      inline: undefined,
    })),
    nodes,
    edges,
    truncated: false,
    freed: [],
  };
}

describe("collapseLongChains", () => {
  it("folds the middle of a 200-node linked list into one box, with what only it reaches", () => {
    const { graph, summaries } = collapseLongChains(linkedList(200), new Set());
    expect(summaries.size).toBe(1);
    const summary = [...summaries.values()][0]!;
    expect(summary.text).toBe("… 180 more Node objects");
    expect(summary.links).toBe(200 - CHAIN_HEAD - CHAIN_TAIL);
    expect(summary.reached).toBe(180);
    const nodeIds = graph.nodes.filter((n) => n.typeName === "Node" && n.id > 0).map((n) => n.id);
    expect(nodeIds).toHaveLength(CHAIN_HEAD + CHAIN_TAIL);
    // The chain runs into the box and out of it to the tail.
    expect(graph.edges).toContainEqual(edge(CHAIN_HEAD, summary.id, ".next", 1));
    expect(graph.edges.filter((e) => e.from === summary.id)).toEqual([
      { ...edge(summary.id, 200 - CHAIN_TAIL + 1), slot: 0 },
    ]);
    // Every edge joins drawn boxes.
    const drawn = new Set(graph.nodes.map((n) => n.id));
    for (const e of graph.edges) expect(drawn.has(e.from) && drawn.has(e.to)).toBe(true);
  });

  it("draws a chain whole once any of its objects is expanded, and short chains always", () => {
    expect(collapseLongChains(linkedList(200), new Set([57])).summaries.size).toBe(0);
    expect(collapseLongChains(linkedList(30), new Set()).summaries.size).toBe(0);
  });

  it("keeps a link a variable names, with its neighbours, folding the runs either side", () => {
    const { graph, summaries } = collapseLongChains(linkedList(200, [100]), new Set());
    expect(summaries.size).toBe(2);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect([99, 100, 101].every((id) => ids.has(id))).toBe(true);
    expect([...summaries.values()].map((s) => s.links)).toEqual([98 - 17 + 1, 196 - 102 + 1]);
  });

  it("folds a doubly linked list, the back references going to the box", () => {
    const list = linkedList(100);
    const edges = [...list.edges];
    for (let id = 2; id <= 100; id++) edges.push(edge(id, id - 1, ".prev", 2));
    const { graph, summaries } = collapseLongChains({ ...list, edges }, new Set());
    expect(summaries.size).toBe(1);
    const summary = [...summaries.values()][0]!;
    expect(summary.links).toBe(80);
    // The first tail node's .prev points at the box, the box's .prev at the last head node.
    expect(graph.edges).toContainEqual(edge(97, summary.id, ".prev", 2));
    expect(graph.edges.some((e) => e.from === summary.id && e.to === CHAIN_HEAD)).toBe(true);
  });

  it("leaves a tree alone (each node leads to two of its type)", () => {
    const nodes = Array.from({ length: 63 }, (_, index) => node(index + 1, "Tree"));
    const edges = nodes.flatMap((n) =>
      n.id * 2 + 1 <= 63
        ? [edge(n.id, n.id * 2, ".left"), edge(n.id, n.id * 2 + 1, ".right", 1)]
        : [],
    );
    const graph: ObjectGraph = {
      variables: [{ name: "tree", target: 1, inline: undefined }],
      nodes,
      edges,
      truncated: false,
      freed: [],
    };
    expect(collapseLongChains(graph, new Set()).graph).toBe(graph);
  });
});
