import type { CollectedObject } from "../snapshot/gc-timeline.js";
import type { GraphNode, ObjectGraph } from "../snapshot/object-graph.js";

/** Width of an object box. */
export const NODE_WIDTH = 176;
/** Height of an object box without inline fields. */
export const NODE_HEIGHT = 52;
/** Height of one inline field line in an object box. */
export const FIELD_HEIGHT = 14;
/** Inline field lines drawn per box at most (one more line says how many are left out). */
export const MAXIMUM_FIELD_LINES = 4;
/** Width of a frame box. */
export const FRAME_WIDTH = 196;
/** Height of a frame's title row. */
export const FRAME_TITLE_HEIGHT = 22;
/** Height of one variable row in a frame. */
export const FRAME_ROW_HEIGHT = 20;
const FRAME_GAP = 10;
const COLUMN_GAP = 56;
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
 * A frame box as laid out: its top, height and the middle of each variable row.
 *
 * @example
 * ```ts
 * const rowY = layout.frames[0]!.rows[2]; // middle of the third variable's row
 * ```
 */
export interface FramePlacement extends Placement {
  /** Total height. */
  readonly height: number;
  /** Vertical middle of each variable row, in order. */
  readonly rows: readonly number[];
}

/**
 * The shape of a frame for layout: how many rows it has (variables, plus one for a value just
 * returned into it).
 *
 * @example
 * ```ts
 * const shape: FrameShape = { rows: frame.variables.length };
 * ```
 */
export interface FrameShape {
  /** Rows below the title. */
  readonly rows: number;
}

/**
 * The positions of every box of an object graph drawing: frames (with their variables) in the
 * first column, objects by distance from the variables; unreachable objects in a band below,
 * objects freed by reference counting and by the collector in bands below that.
 *
 * @example
 * ```ts
 * const layout = layoutGraph(snapshot.graph, frames, freed, collected);
 * svg.setAttribute("width", String(layout.width));
 * ```
 */
export interface GraphLayout {
  /** Frame boxes, in order. */
  readonly frames: readonly FramePlacement[];
  /** Object boxes by address. */
  readonly nodes: ReadonlyMap<number, Placement>;
  /** Boxes of objects freed by reference counting since the previous step, by address. */
  readonly freed: ReadonlyMap<number, Placement>;
  /** Boxes of objects the collector freed since the previous step, by address. */
  readonly ghosts: ReadonlyMap<number, Placement>;
  /** Top of the unreachable band, or undefined when there is none. */
  readonly unreachableTop: number | undefined;
  /** Top of the freed-by-reference-counting band, or undefined when there is none. */
  readonly freedTop: number | undefined;
  /** Top of the collected band, or undefined when there is none. */
  readonly collectedTop: number | undefined;
  /** Drawing width. */
  readonly width: number;
  /** Drawing height. */
  readonly height: number;
}

/**
 * Height of an object box with `fieldCount` inline fields.
 *
 * @example
 * ```ts
 * svgElement("rect", { height: nodeHeight(node.fields.length) });
 * ```
 */
export function nodeHeight(fieldCount: number): number {
  const lines = fieldCount > MAXIMUM_FIELD_LINES ? MAXIMUM_FIELD_LINES + 1 : fieldCount;
  return NODE_HEIGHT + lines * FIELD_HEIGHT;
}

function columnX(column: number): number {
  return MARGIN + FRAME_WIDTH + COLUMN_GAP + column * (NODE_WIDTH + COLUMN_GAP);
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
 * Places frames, objects and freed objects in columns and bands (see {@link GraphLayout}).
 *
 * @remarks
 * A layered layout in one breadth-first pass: cheap enough to redo at every step, and stable
 * from step to step because node order follows the capture order.
 *
 * @example
 * ```ts
 * const layout = layoutGraph(graph, [{ rows: 2 }], [], []);
 * ```
 */
export function layoutGraph(
  graph: ObjectGraph,
  frames: readonly FrameShape[],
  freed: readonly CollectedObject[],
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
    graph.variables.filter((variable) => variable.inline === undefined).map((v) => v.target),
    adjacency,
    column,
  );
  // One start at a time: a cycle unfolds left to right instead of stacking in one column.
  const unreachableColumn = new Map<number, number>();
  for (const node of unreachable) depths([node.id], adjacency, unreachableColumn);

  let frameBottom = MARGIN;
  const framePlacements = frames.map((frame) => {
    const y = frameBottom;
    const rows = Array.from(
      { length: frame.rows },
      (_, row) => y + FRAME_TITLE_HEIGHT + row * FRAME_ROW_HEIGHT + FRAME_ROW_HEIGHT / 2,
    );
    const height = FRAME_TITLE_HEIGHT + Math.max(1, frame.rows) * FRAME_ROW_HEIGHT + 4;
    frameBottom = y + height + FRAME_GAP;
    return { x: MARGIN, y, height, rows };
  });

  const nodes = new Map<number, Placement>();
  let maximumColumn = 0;
  const place = (
    list: readonly GraphNode[],
    columns: ReadonlyMap<number, number>,
    top: number,
  ): number => {
    const nextY: number[] = [];
    let bottom = top;
    for (const node of list) {
      const c = columns.get(node.id) ?? 0;
      const y = nextY[c] ?? top;
      const height = nodeHeight(node.fields.length);
      nextY[c] = y + height + ROW_GAP;
      nodes.set(node.id, { x: columnX(c), y });
      maximumColumn = Math.max(maximumColumn, c);
      bottom = Math.max(bottom, y + height);
    }
    return bottom;
  };
  let bottom = Math.max(place(reachable, column, MARGIN), frameBottom);
  let unreachableTop: number | undefined;
  if (unreachable.length > 0) {
    unreachableTop = bottom + BAND_GAP;
    bottom = place(unreachable, unreachableColumn, unreachableTop + 18);
  }
  // Freed objects in rows of up to four, in the order they were found.
  const band = (list: readonly CollectedObject[]) => {
    const placements = new Map<number, Placement>();
    if (list.length === 0) return { top: undefined, placements };
    const top = bottom + BAND_GAP;
    list.forEach((ghost, index) => {
      const c = index % 4;
      const y = top + 18 + Math.floor(index / 4) * (NODE_HEIGHT + ROW_GAP);
      placements.set(ghost.id, { x: columnX(c), y });
      maximumColumn = Math.max(maximumColumn, c);
      bottom = Math.max(bottom, y + NODE_HEIGHT);
    });
    return { top, placements };
  };
  const freedBand = band(freed);
  const collectedBand = band(collected);
  return {
    frames: framePlacements,
    nodes,
    freed: freedBand.placements,
    ghosts: collectedBand.placements,
    unreachableTop,
    freedTop: freedBand.top,
    collectedTop: collectedBand.top,
    width: columnX(maximumColumn) + NODE_WIDTH + MARGIN + 60,
    height: bottom + MARGIN,
  };
}
