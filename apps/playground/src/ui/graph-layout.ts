import type { CollectedObject } from "../snapshot/gc-timeline.js";
import type { GraphNode, ObjectGraph } from "../snapshot/object-graph.js";

/** Width of an object box. */
export const NODE_WIDTH = 176;
/** Height of an object box's header (type, address, repr, refcount) without reference rows. */
export const NODE_HEIGHT = 52;
/** Height of one reference row in an object box. */
export const ROW_HEIGHT = 14;
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
/** Gap above a wrapped row of columns: wide enough for the arrows that come down into it. */
const WRAP_GAP = 36;
const MARGIN = 12;
/** Height of one line of a band's title. */
export const TITLE_LINE_HEIGHT = 13;
/** Width of a character of the drawing's 11px monospace font, rounded up. */
const CHARACTER_WIDTH = 6.7;
/** Room an arrow needs left of a box to turn into it (see the view's edge paths). */
const TURN_ROOM = 14;
/** Room right of the last column for the arrows of cycles, which bow out to the right. */
const BOW_ROOM = 60;
/**
 * A column grows to about this height before the objects of its depth continue in a column
 * beside it: a level of a tree with a hundred objects reads as a block, not a 10,000 px strip.
 */
const COLUMN_HEIGHT = 640;

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
 * Where an object box goes, and the top of the row of columns it sits in (arrows that come down
 * from an earlier row run along the gap above it).
 *
 * @example
 * ```ts
 * const gapY = layout.nodes.get(edge.to)!.rowTop - 18;
 * ```
 */
export interface NodePlacement extends Placement {
  /** Top of its row of columns. */
  readonly rowTop: number;
  /** Height of its box. */
  readonly height: number;
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
  readonly nodes: ReadonlyMap<number, NodePlacement>;
  /** Boxes of objects freed by reference counting since the previous step, by address. */
  readonly freed: ReadonlyMap<number, NodePlacement>;
  /** Boxes of objects the collector freed since the previous step, by address. */
  readonly ghosts: ReadonlyMap<number, NodePlacement>;
  /** Top of the unreachable band, or undefined when there is none. */
  readonly unreachableTop: number | undefined;
  /** Top of the freed-by-reference-counting band, or undefined when there is none. */
  readonly freedTop: number | undefined;
  /** Top of the collected band, or undefined when there is none. */
  readonly collectedTop: number | undefined;
  /**
   * Where the arrows of frame variables run down to the rows of objects below them: right of
   * the frames, and right of the objects too when they are drawn below the frames (a phone).
   */
  readonly variableChannel: number;
  /** Drawing width. */
  readonly width: number;
  /** Drawing height. */
  readonly height: number;
}

/**
 * Height of an object box with `rows` reference rows (inline fields and arrows, plus one row
 * saying how many references are not drawn).
 *
 * @example
 * ```ts
 * svgElement("rect", { height: nodeHeight(referenceRows(node, outgoing)) });
 * ```
 */
export function nodeHeight(rows: number): number {
  return NODE_HEIGHT + rows * ROW_HEIGHT + (rows > 0 ? 4 : 0);
}

/**
 * How many rows an object box has: one per reference drawn (an atom written in place or an
 * arrow, `outgoing` of them) and one saying how many were left out.
 *
 * @example
 * ```ts
 * const rows = referenceRows(node, edgesFrom.get(node.id)?.length ?? 0);
 * ```
 */
export function referenceRows(node: GraphNode, outgoing: number): number {
  return node.fields.length + outgoing + (node.hiddenReferents > 0 ? 1 : 0);
}

/** Where the columns of objects start: beside the frames, or below them on a narrow screen. */
interface Origin {
  /** Left edge of the first column. */
  readonly x: number;
  /** Top of the first row. */
  readonly y: number;
  /** Columns per row (at least one). */
  readonly perRow: number;
}

/**
 * Columns beside the frames when at least one fits in `width`, else below the frames (a
 * phone), indented by room for the arrows that come down to them.
 */
function originFor(width: number, frameBottom: number): Origin {
  const step = NODE_WIDTH + COLUMN_GAP;
  const beside = MARGIN + FRAME_WIDTH + COLUMN_GAP;
  const fit = (x: number) => Math.floor((width - x - NODE_WIDTH - MARGIN - BOW_ROOM) / step) + 1;
  if (fit(beside) >= 1) return { x: beside, y: MARGIN, perRow: fit(beside) };
  const below = MARGIN + 2 * TURN_ROOM;
  return { x: below, y: frameBottom + WRAP_GAP, perRow: Math.max(1, fit(below)) };
}

/**
 * A band's title cut into lines at spaces to fit `width` pixels (a phone's panel is narrower
 * than the longest title).
 *
 * @example
 * ```ts
 * const lines = titleLines("Freed by reference counting just now", 288);
 * ```
 */
export function titleLines(text: string, width: number): string[] {
  const perLine = Math.max(12, Math.floor((width - 2 * MARGIN) / CHARACTER_WIDTH));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
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

/** A box to place: its id and height. */
interface Box {
  readonly id: number;
  readonly height: number;
}

/**
 * Places `levels` (boxes by depth, in order) from `top` down: each level in one column, or in
 * several side by side when it is taller than {@link COLUMN_HEIGHT}; the columns run left to
 * right and wrap into a new row below after `perRow` of them, so a long chain reads like lines
 * of text instead of running off to the right. Returns the bottom.
 */
function placeLevels(
  levels: readonly (readonly Box[])[],
  top: number,
  origin: Origin,
  perRow: number,
  into: Map<number, NodePlacement>,
): number {
  const columnX = (column: number) => origin.x + column * (NODE_WIDTH + COLUMN_GAP);
  let column = 0;
  let rowTop = top;
  let columnY = top;
  let rowBottom = top;
  const nextColumn = (): void => {
    column++;
    if (column === perRow) {
      column = 0;
      rowTop = rowBottom + WRAP_GAP;
    }
    columnY = rowTop;
  };
  for (const level of levels) {
    if (level.length === 0) continue;
    for (const box of level) {
      if (columnY > rowTop && columnY + box.height > rowTop + COLUMN_HEIGHT) nextColumn();
      into.set(box.id, { x: columnX(column), y: columnY, rowTop, height: box.height });
      columnY += box.height + ROW_GAP;
      rowBottom = Math.max(rowBottom, columnY - ROW_GAP);
    }
    nextColumn();
  }
  return rowBottom;
}

/** `boxes` grouped by their depth in `depthOf`. */
function byDepth(boxes: readonly Box[], depthOf: ReadonlyMap<number, number>): Box[][] {
  const levels: Box[][] = [];
  for (const box of boxes) {
    const depth = depthOf.get(box.id) ?? 0;
    while (levels.length <= depth) levels.push([]);
    levels[depth]!.push(box);
  }
  return levels;
}

/**
 * Places frames, objects and freed objects in columns and bands (see {@link GraphLayout}),
 * within `width` pixels where it can: the objects' columns wrap into rows below. Each band's
 * title takes `bandTitleLines` lines (see {@link titleLines}).
 *
 * @remarks
 * A layered layout in one breadth-first pass: cheap enough to redo at every step, and stable
 * from step to step because node order follows the capture order. Every reference of a box is
 * a row inside it (its label there), so labels never overlap however many arrows there are.
 *
 * @example
 * ```ts
 * const layout = layoutGraph(graph, [{ rows: 2 }], [], [], host.clientWidth);
 * ```
 */
export function layoutGraph(
  graph: ObjectGraph,
  frames: readonly FrameShape[],
  freed: readonly CollectedObject[],
  collected: readonly CollectedObject[],
  width = Number.POSITIVE_INFINITY,
  bandTitleLines = 1,
): GraphLayout {
  // The first row of a band starts below its title.
  const belowTitle = 18 + (bandTitleLines - 1) * TITLE_LINE_HEIGHT;
  const adjacency = new Map<number, number[]>();
  for (const edge of graph.edges) {
    const list = adjacency.get(edge.from);
    if (list === undefined) adjacency.set(edge.from, [edge.to]);
    else list.push(edge.to);
  }
  const boxOf = (node: GraphNode): Box => ({
    id: node.id,
    height: nodeHeight(referenceRows(node, adjacency.get(node.id)?.length ?? 0)),
  });
  const reachable = graph.nodes.filter((node) => !node.unreachable).map(boxOf);
  const unreachable = graph.nodes.filter((node) => node.unreachable).map(boxOf);
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

  const origin = originFor(width, frameBottom);
  const perRow = origin.perRow;
  const nodes = new Map<number, NodePlacement>();
  let bottom = Math.max(
    placeLevels(byDepth(reachable, column), origin.y, origin, perRow, nodes),
    frameBottom,
  );
  let unreachableTop: number | undefined;
  if (unreachable.length > 0) {
    unreachableTop = bottom + BAND_GAP;
    bottom = placeLevels(
      byDepth(unreachable, unreachableColumn),
      unreachableTop + belowTitle,
      origin,
      perRow,
      nodes,
    );
  }
  // Freed objects in rows as wide as the columns allow, in the order they were found.
  const band = (list: readonly CollectedObject[]) => {
    const placements = new Map<number, NodePlacement>();
    if (list.length === 0) return { top: undefined, placements };
    const top = bottom + BAND_GAP;
    bottom = placeLevels(
      list.map((ghost) => [{ id: ghost.id, height: NODE_HEIGHT }]),
      top + belowTitle,
      origin,
      Math.min(4, perRow),
      placements,
    );
    return { top, placements };
  };
  const freedBand = band(freed);
  const collectedBand = band(collected);
  let right = origin.x + NODE_WIDTH;
  for (const placements of [nodes, freedBand.placements, collectedBand.placements])
    for (const at of placements.values()) right = Math.max(right, at.x + NODE_WIDTH);
  return {
    frames: framePlacements,
    nodes,
    freed: freedBand.placements,
    ghosts: collectedBand.placements,
    unreachableTop,
    freedTop: freedBand.top,
    collectedTop: collectedBand.top,
    variableChannel: Math.max(MARGIN + FRAME_WIDTH, origin.y > MARGIN ? right : 0) + TURN_ROOM,
    width: right + MARGIN + BOW_ROOM,
    height: bottom + MARGIN,
  };
}
