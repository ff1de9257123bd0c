import type { CollectedObject } from "../snapshot/gc-timeline.js";
import type { GraphNode, ObjectGraph } from "../snapshot/object-graph.js";

/** Width of an object box. */
export const NODE_WIDTH = 176;
/** Height of an object box. */
export const NODE_HEIGHT = 52;
/** Width of a variable-name box. */
export const VARIABLE_WIDTH = 84;
/** Height of a variable-name box. */
export const VARIABLE_HEIGHT = 24;
const COLUMN_GAP = 64;
const ROW_GAP = 14;
const BAND_GAP = 40;
const MARGIN = 12;

/**
 * Where one box goes.
 *
 * @example
 * ```ts
 * const { x, y } = layout.nodes.get(node.id)!;
 * ```
 */
export interface Placement {
  /** Left edge, in SVG user units (pixels). */
  readonly x: number;
  /** Top edge. */
  readonly y: number;
}

/**
 * The positions of every box of an object graph drawing: variables in the first column, objects
 * by distance from the variables; unreachable objects in a band below, and objects the last
 * collection freed in a band below that.
 *
 * @example
 * ```ts
 * const layout = layoutGraph(snapshot.graph, ghosts);
 * svg.setAttribute("width", String(layout.width));
 * ```
 */
export interface GraphLayout {
  /** Variable boxes by index in `graph.variables`. */
  readonly variables: readonly Placement[];
  /** Object boxes by address. */
  readonly nodes: ReadonlyMap<number, Placement>;
  /** Collected-object boxes by address. */
  readonly ghosts: ReadonlyMap<number, Placement>;
  /** Top of the unreachable band, or undefined when there is none. */
  readonly unreachableTop: number | undefined;
  /** Top of the collected band, or undefined when there is none. */
  readonly collectedTop: number | undefined;
  /** Drawing width. */
  readonly width: number;
  /** Drawing height. */
  readonly height: number;
}

function columnX(column: number): number {
  return MARGIN + VARIABLE_WIDTH + COLUMN_GAP + column * (NODE_WIDTH + COLUMN_GAP);
}

/** Breadth-first depth (column) of each node from `starts`, following `graph.edges`. */
function depths(
  starts: readonly number[],
  adjacency: ReadonlyMap<number, number[]>,
  into: Map<number, number>,
): void {
  let frontier = starts.filter((id) => !into.has(id));
  for (const id of frontier) into.set(id, 0);
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const id of frontier)
      for (const to of adjacency.get(id) ?? [])
        if (!into.has(to)) {
          into.set(to, depth);
          next.push(to);
        }
    frontier = next;
  }
}

/**
 * Places variables, objects and collected objects in columns and bands (see {@link GraphLayout}).
 *
 * @remarks
 * A layered layout in one breadth-first pass: cheap enough to redo at every step, and stable
 * from step to step because node order follows the capture order.
 *
 * @example
 * ```ts
 * const layout = layoutGraph(graph, []);
 * ```
 */
export function layoutGraph(
  graph: ObjectGraph,
  collected: readonly CollectedObject[],
): GraphLayout {
  const adjacency = new Map<number, number[]>();
  for (const edge of graph.edges) {
    const list = adjacency.get(edge.from);
    if (list === undefined) adjacency.set(edge.from, [edge.to]);
    else list.push(edge.to);
  }
  const reachable = graph.nodes.filter((node) => !node.unreachable);
  const unreachable = graph.nodes.filter((node) => node.unreachable);
  const column = new Map<number, number>();
  depths(
    graph.variables.map((variable) => variable.target),
    adjacency,
    column,
  );
  // One start at a time: a cycle unfolds left to right instead of stacking in one column.
  const unreachableColumn = new Map<number, number>();
  for (const node of unreachable) depths([node.id], adjacency, unreachableColumn);

  const nodes = new Map<number, Placement>();
  let maximumColumn = 0;
  const place = (
    list: readonly GraphNode[],
    columns: ReadonlyMap<number, number>,
    top: number,
  ): number => {
    const rows: number[] = [];
    let bottom = top;
    for (const node of list) {
      const c = columns.get(node.id) ?? 0;
      const row = rows[c] ?? 0;
      rows[c] = row + 1;
      const y = top + row * (NODE_HEIGHT + ROW_GAP);
      nodes.set(node.id, { x: columnX(c), y });
      maximumColumn = Math.max(maximumColumn, c);
      bottom = Math.max(bottom, y + NODE_HEIGHT);
    }
    return bottom;
  };
  let bottom = place(reachable, column, MARGIN);
  // Each variable sits level with its object when it can, else just below the previous one.
  let nextFree = MARGIN;
  const variables = graph.variables.map((variable) => {
    const target = nodes.get(variable.target);
    const level = target === undefined ? nextFree : target.y + (NODE_HEIGHT - VARIABLE_HEIGHT) / 2;
    const y = Math.max(level, nextFree);
    nextFree = y + VARIABLE_HEIGHT + 6;
    return { x: MARGIN, y };
  });
  bottom = Math.max(bottom, nextFree);
  let unreachableTop: number | undefined;
  if (unreachable.length > 0) {
    unreachableTop = bottom + BAND_GAP;
    bottom = place(unreachable, unreachableColumn, unreachableTop + 18);
  }
  const ghosts = new Map<number, Placement>();
  let collectedTop: number | undefined;
  if (collected.length > 0) {
    collectedTop = bottom + BAND_GAP;
    // Lay collected objects out in rows of up to five, in the order they were found.
    collected.forEach((ghost, index) => {
      const c = index % 5;
      const y = (collectedTop ?? 0) + 18 + Math.floor(index / 5) * (NODE_HEIGHT + ROW_GAP);
      ghosts.set(ghost.id, { x: columnX(c), y });
      maximumColumn = Math.max(maximumColumn, c);
      bottom = Math.max(bottom, y + NODE_HEIGHT);
    });
  }
  return {
    variables,
    nodes,
    ghosts,
    unreachableTop,
    collectedTop,
    width: columnX(maximumColumn) + NODE_WIDTH + MARGIN + 60,
    height: bottom + MARGIN,
  };
}
