import type { GraphEdge, InlineField, ObjectGraph } from "../snapshot/object-graph.js";

/** References of a long container one "show more" adds (Python Tutor shows a list whole; pages keep a long one drawable). */
export const OVERFLOW_PAGE = 100;

/**
 * `graph` with the first `shown.get(id)` overflow references of each object drawn as rows of
 * its box — an atom in place, an arrow to an object drawn, else the object's repr — and with
 * the objects only unshown overflow references reach left out. Each node's `overflow` keeps the
 * references still hidden; `hiddenReferents` counts them (and those not recorded).
 *
 * @remarks
 * Costs only what is shown: a million-item list adds nothing until its pages are asked for.
 *
 * @example
 * ```ts
 * const drawn = revealOverflow(snapshot.graph, new Map([[listId, OVERFLOW_PAGE]]));
 * ```
 */
export function revealOverflow(
  graph: ObjectGraph,
  shown: ReadonlyMap<number, number>,
): ObjectGraph {
  const ids = new Set(graph.nodes.map((node) => node.id));
  const edges: GraphEdge[] = [...graph.edges];
  const revealedTargets = new Set<number>();
  const nodes = graph.nodes.map((node) => {
    const count = Math.min(shown.get(node.id) ?? 0, node.overflow.length);
    if (count === 0) return node;
    const fields: InlineField[] = [...node.fields];
    for (const row of node.overflow.slice(0, count)) {
      if (row.to !== 0 && ids.has(row.to)) {
        edges.push({ from: node.id, to: row.to, label: row.label, weak: false, slot: row.slot });
        revealedTargets.add(row.to);
      } else fields.push({ label: row.label, text: row.text, slot: row.slot });
    }
    return {
      ...node,
      fields,
      overflow: node.overflow.slice(count),
      hiddenReferents: node.hiddenReferents - count,
    };
  });
  return {
    ...graph,
    nodes: nodes.filter((node) => !node.overflowOnly || revealedTargets.has(node.id)),
    edges,
  };
}
