import type { GraphEdge, GraphNode, ObjectGraph } from "../snapshot/object-graph.js";

/** A chain longer than this is drawn with its middle folded into one summary box. */
export const CHAIN_COLLAPSE_LENGTH = 30;
/** Links of a folded chain drawn before its summary box. */
export const CHAIN_HEAD = 16;
/** Links of a folded chain drawn after its summary box. */
export const CHAIN_TAIL = 4;

/**
 * A run of a chain folded into one box: what it stands for, and what to expand to show it.
 *
 * @example
 * ```ts
 * const text = summary.text; // "… 180 more Node objects"
 * ```
 */
export interface ChainSummary {
  /** The summary box's node id (negative: never an address). */
  readonly id: number;
  /** Links of the chain it hides. */
  readonly links: number;
  /** Other objects it hides: those only the hidden links reach. */
  readonly reached: number;
  /** The links' type name. */
  readonly typeName: string;
  /** What the box says. */
  readonly text: string;
  /** Every object of the whole chain: expanding any of them expands it (see {@link collapseLongChains}). */
  readonly chain: readonly number[];
}

/**
 * An object graph with its long chains folded, and the summary boxes standing for them.
 *
 * @example
 * ```ts
 * const { graph, summaries } = collapseLongChains(snapshot.graph, expanded);
 * ```
 */
export interface CollapsedGraph {
  /** The graph as drawn: summary boxes in place of the runs they hide. */
  readonly graph: ObjectGraph;
  /** Summary boxes by node id. */
  readonly summaries: ReadonlyMap<number, ChainSummary>;
}

/**
 * The chains of `graph`: runs of objects of one type, each reached only from the one before it
 * (or from the one after it, as in a doubly linked list) and leading to exactly one next of its
 * type — a linked list's nodes, a deep recursion's nested lists. Nodes in capture order, so a
 * chain starts at its head.
 */
function findChains(graph: ObjectGraph): number[][] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const outgoing = new Map<number, number[]>();
  const incoming = new Map<number, number[]>();
  for (const edge of graph.edges) {
    if (edge.weak) continue;
    (outgoing.get(edge.from) ?? outgoing.set(edge.from, []).get(edge.from)!).push(edge.to);
    (incoming.get(edge.to) ?? incoming.set(edge.to, []).get(edge.to)!).push(edge.from);
  }
  const visited = new Set<number>();
  const chains: number[][] = [];
  for (const start of graph.nodes) {
    if (visited.has(start.id) || start.unreachable) continue;
    const chain = [start.id];
    const members = new Set(chain);
    visited.add(start.id);
    for (;;) {
      const last = chain[chain.length - 1]!;
      const candidates = [...new Set(outgoing.get(last) ?? [])].filter((to) => {
        const next = byId.get(to);
        if (next === undefined || next.unreachable || next.typeName !== start.typeName)
          return false;
        if (members.has(to) || visited.has(to)) return false;
        const after = new Set(outgoing.get(to) ?? []);
        return (incoming.get(to) ?? []).every((from) => from === last || after.has(from));
      });
      if (candidates.length !== 1) break;
      chain.push(candidates[0]!);
      members.add(candidates[0]!);
      visited.add(candidates[0]!);
    }
    chains.push(chain);
  }
  return chains;
}

/**
 * Folds every chain longer than {@link CHAIN_COLLAPSE_LENGTH} (see `findChains`: a 200-node
 * linked list) into its first {@link CHAIN_HEAD} links, one summary box ("… 180 more Node
 * objects") and its last {@link CHAIN_TAIL}: what a learner reads of a long list is its shape,
 * not its 200th box. Links a variable names stay drawn with their neighbours (a loop's cursor
 * walking the list), so a chain may fold into several runs; objects only the hidden links reach
 * are hidden with them. The summary box takes over the references into and out of the run.
 * A chain any of whose objects is in `expanded` is drawn whole.
 *
 * @example
 * ```ts
 * const { graph } = collapseLongChains(snapshot.graph, new Set());
 * graph.nodes.length; // 21 (+ the class) for a 200-node linked list
 * ```
 */
export function collapseLongChains(
  graph: ObjectGraph,
  expanded: ReadonlySet<number>,
): CollapsedGraph {
  const summaries = new Map<number, ChainSummary>();
  const pinned = new Set(
    graph.variables.filter((variable) => variable.inline === undefined).map((v) => v.target),
  );
  /** Hidden object id → the summary box standing for it. */
  const hiddenBy = new Map<number, number>();
  const incoming = new Map<number, number[]>();
  const outgoing = new Map<number, number[]>();
  for (const edge of graph.edges) {
    (incoming.get(edge.to) ?? incoming.set(edge.to, []).get(edge.to)!).push(edge.from);
    (outgoing.get(edge.from) ?? outgoing.set(edge.from, []).get(edge.from)!).push(edge.to);
  }
  const typeOf = new Map(graph.nodes.map((node) => [node.id, node.typeName]));
  for (const chain of findChains(graph)) {
    if (chain.length <= CHAIN_COLLAPSE_LENGTH || chain.some((id) => expanded.has(id))) continue;
    const shown = chain.map(
      (id, index) =>
        index < CHAIN_HEAD ||
        index >= chain.length - CHAIN_TAIL ||
        pinned.has(id) ||
        pinned.has(chain[index - 1] ?? -1) ||
        pinned.has(chain[index + 1] ?? -1),
    );
    for (let index = 0; index < chain.length; ) {
      if (shown[index]) {
        index++;
        continue;
      }
      let end = index;
      while (end < chain.length && !shown[end]) end++;
      // A run of one or two is drawn: a summary box would be no shorter.
      if (end - index > 2) foldRun(chain, chain.slice(index, end));
      index = end;
    }
  }
  if (summaries.size === 0) return { graph, summaries };

  function foldRun(chain: readonly number[], run: readonly number[]): void {
    const id = -1 - summaries.size;
    const hidden = new Set(run);
    const links = new Set(chain);
    // Objects every reference to which comes from the hidden run go with it (breadth first);
    // the chain's drawn links stay.
    const queue = [...run];
    let reached = 0;
    for (let next = 0; next < queue.length; next++)
      for (const to of outgoing.get(queue[next]!) ?? []) {
        if (hidden.has(to) || links.has(to) || pinned.has(to) || hiddenBy.has(to)) continue;
        if (!(incoming.get(to) ?? []).every((from) => hidden.has(from))) continue;
        hidden.add(to);
        queue.push(to);
        reached++;
      }
    for (const member of hidden) hiddenBy.set(member, id);
    const typeName = typeOf.get(run[0]!) ?? "";
    summaries.set(id, {
      id,
      links: run.length,
      reached,
      typeName,
      text: `… ${run.length.toLocaleString("en-US")} more ${typeName} objects`,
      chain,
    });
  }

  // Each summary box takes the place of the first object it hides.
  const nodes: GraphNode[] = [];
  const placed = new Set<number>();
  for (const node of graph.nodes) {
    const summary = hiddenBy.get(node.id);
    if (summary === undefined) nodes.push(node);
    else if (!placed.has(summary)) {
      placed.add(summary);
      nodes.push(summaryNode(summaries.get(summary)!));
    }
  }
  // References into and out of a run become the summary box's; one arrow per pair of boxes.
  const edges: GraphEdge[] = [];
  const drawn = new Set<string>();
  const slots = new Map<number, number>();
  for (const edge of graph.edges) {
    const from = hiddenBy.get(edge.from) ?? edge.from;
    const to = hiddenBy.get(edge.to) ?? edge.to;
    if (from === to && from < 0) continue;
    const key = `${from} ${to}`;
    if (from < 0 && drawn.has(key)) continue;
    drawn.add(key);
    if (from >= 0) edges.push({ ...edge, to });
    else {
      const slot = slots.get(from) ?? 0;
      slots.set(from, slot + 1);
      edges.push({ ...edge, from, to, slot });
    }
  }
  return { graph: { ...graph, nodes, edges }, summaries };
}

/** The box standing for a folded run. */
function summaryNode(summary: ChainSummary): GraphNode {
  return {
    id: summary.id,
    typeName: summary.typeName,
    repr: summary.text,
    refcount: 0,
    immortal: false,
    tracked: false,
    generation: undefined,
    unreachable: false,
    expanded: false,
    hiddenReferents: 0,
    fields: [],
    overflow: [],
    overflowOnly: false,
  };
}
