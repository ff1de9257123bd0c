import type { ExitedFrame, FrameSnapshot, Snapshot } from "../session/recording.js";
import type { CollectedObject, GcEvent } from "../snapshot/gc-timeline.js";
import {
  DEFAULT_OBJECT_GRAPH_OPTIONS,
  type GraphEdge,
  type GraphNode,
} from "../snapshot/object-graph.js";
import { element, hexAddress, svgElement, trackWidth } from "./dom.js";
import { type ChainSummary, collapseLongChains } from "./graph-collapse.js";
import {
  FRAME_WIDTH,
  type FramePlacement,
  layoutGraph,
  NODE_HEIGHT,
  NODE_WIDTH,
  type NodePlacement,
  nodeHeight,
  ROW_HEIGHT,
  TITLE_LINE_HEIGHT,
  titleLines,
} from "./graph-layout.js";
import { OVERFLOW_PAGE, revealOverflow } from "./graph-overflow.js";
import { objectHelp } from "./term-help.js";

/** `text` cut to `length` characters with an ellipsis. */
function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/**
 * A box's repr line: a function's or class's name without the address the box already shows,
 * and a long qualified name cut at the front, where `outer.<locals>.` matters least.
 */
function reprLine(repr: string, length: number): string {
  const named = /^<(function|class|module) (.*?)(?: at 0x[0-9a-f]+)?>$/.exec(repr);
  if (named === null) return clip(repr, length);
  const text = `<${named[1]} ${named[2]}>`;
  return text.length > length
    ? `<${named[1]} …${text.slice(text.length - (length - named[1]!.length - 4))}`
    : text;
}

/**
 * The meta line of a box: refcount (with its change since the previous step), generation and
 * tracking as the gc module would report them.
 */
function metaLine(node: GraphNode, previousRefcount: number | undefined): string {
  if (node.immortal) return "immortal";
  const delta = previousRefcount === undefined ? 0 : node.refcount - previousRefcount;
  const parts = [
    `refcount ${node.refcount}${delta === 0 ? "" : ` (${delta > 0 ? "+" : ""}${delta})`}`,
  ];
  if (!node.tracked) parts.push("untracked");
  else parts.push(node.generation === undefined ? "tracked" : `gen ${node.generation}`);
  return parts.join(" · ");
}

/** A frame's title: what Python Tutor calls the global frame, else the code's qualified name. */
function frameTitle(frame: FrameSnapshot): string {
  if (frame.kind === "module") return "Global frame";
  if (frame.kind === "class") return `class ${frame.qualifiedName} (body)`;
  return `${frame.qualifiedName}()`;
}

/** References of one container the recording keeps past the drawn ones (the pages to show). */
const OVERFLOW_RECORDED = DEFAULT_OBJECT_GRAPH_OPTIONS.maximumOverflowPerObject;

/** A call stack deeper than this is drawn with its middle frames folded into one box. */
const FRAME_COLLAPSE_LENGTH = 12;
/** Outermost frames drawn before the folded ones (the global frame and the first call). */
const FRAMES_HEAD = 2;
/** Innermost frames drawn after the folded ones. */
const FRAMES_TAIL = 6;

/**
 * A frame as drawn: a frame of the snapshot (`index`, its variables from `variableOffset` on in
 * the graph's variables), or the box standing for `folded` frames of a deep call stack.
 */
type DrawnFrame =
  | { readonly frame: FrameSnapshot; readonly index: number; readonly variableOffset: number }
  | { readonly folded: readonly FrameSnapshot[] };

/**
 * The frames to draw: all of them, or — past {@link FRAME_COLLAPSE_LENGTH} unless `expanded` —
 * the outermost and innermost with one box for those in between (a 50-deep recursion).
 */
function framesToDraw(frames: readonly FrameSnapshot[], expanded: boolean): DrawnFrame[] {
  const drawn: DrawnFrame[] = [];
  let variableOffset = 0;
  const folded: FrameSnapshot[] = [];
  const fold = !expanded && frames.length > FRAME_COLLAPSE_LENGTH;
  frames.forEach((frame, index) => {
    if (fold && index >= FRAMES_HEAD && index < frames.length - FRAMES_TAIL) {
      if (folded.length === 0) drawn.push({ folded });
      folded.push(frame);
    } else drawn.push({ frame, index, variableOffset });
    variableOffset += frame.variables.length;
  });
  return drawn;
}

/** What a box of folded frames says: how many, and whose (`fact() ×42`). */
function foldedFramesText(folded: readonly FrameSnapshot[]): string {
  const counts = new Map<string, number>();
  for (const frame of folded)
    counts.set(frameTitle(frame), (counts.get(frameTitle(frame)) ?? 0) + 1);
  return [...counts].map(([title, count]) => `${title} ×${count}`).join(", ");
}

/** How far an arrow runs straight out of a box before it turns down a gap. */
const TURN = 14;

/**
 * Path of an arrow from a point (`sx`, `sy`) on a box's right edge (the box at `fromX`, in the
 * row of columns whose top is `fromRowTop`) to the left edge of the box at `to`; `lane` spreads
 * the arrows of one box apart, `channelX` is where an arrow to a row below runs down.
 */
function edgePath(
  sx: number,
  sy: number,
  fromX: number,
  fromRowTop: number,
  to: NodePlacement,
  lane = 0,
  channelX = sx + TURN,
): string {
  const ty = to.y + NODE_HEIGHT / 2;
  if (to.rowTop > fromRowTop) {
    // Into a wrapped row below: down the gap right of the box (`channelX`), along the gap above
    // that row and down the gap left of the target, so the arrow crosses no box. Arrows of
    // different rows of one box take lanes a few pixels apart, so they can be told apart where
    // they run together.
    const offset = (lane % 5) * 4;
    const gapY = to.rowTop - 8 - offset;
    return `M${sx},${sy} H${channelX + offset} V${gapY} H${to.x - TURN} V${ty} H${to.x}`;
  }
  if (to.x > fromX) {
    const tx = to.x;
    const bend = Math.max(30, (tx - sx) / 2);
    return `M${sx},${sy} C${sx + bend},${sy} ${tx - bend},${ty} ${tx},${ty}`;
  }
  // Back or sideways edges (cycles): leave and enter on the right, bowing outwards.
  const tx = to.x + NODE_WIDTH;
  const bow = 46 + Math.abs(sy - ty) / 6;
  return `M${sx},${sy} C${sx + bow},${sy} ${tx + bow},${ty} ${tx},${ty}`;
}

/** Vertical middle of reference row `row` of the box whose top is `y`. */
function rowMiddle(y: number, row: number): number {
  return y + NODE_HEIGHT + 2 + row * ROW_HEIGHT + ROW_HEIGHT / 2;
}

/** One row of a box: an atom written in place, or the start of an arrow. */
interface BoxRow {
  readonly slot: number;
  readonly text: string;
  readonly edge: GraphEdge | undefined;
}

/** A node's rows in the order of its references: fields written in place and arrows. */
function boxRows(node: GraphNode, outgoing: readonly GraphEdge[]): BoxRow[] {
  const rows: BoxRow[] = [
    ...node.fields.map((field) => ({
      slot: field.slot,
      text: `${field.label || "·"} = ${field.text}`,
      edge: undefined,
    })),
    ...outgoing.map((edge) => ({ slot: edge.slot, text: edge.label || "·", edge })),
  ];
  return rows.sort((a, b) => a.slot - b.slot);
}

/**
 * Draws a snapshot as SVG, the way Python Tutor draws frames and objects plus what only pymem
 * knows: the call stack (each frame's variables; immortal values such as small ints written in
 * place, the rest as arrows), the objects they reach (type, repr, refcount with its change,
 * generation, tracked state), labelled references (weak ones dashed), objects alive but
 * unreachable from any variable (red: cyclic garbage waiting for the collector), and the objects
 * freed since the previous step — by reference counting (grey, dashed) or by the collector
 * (red, dashed) — with the references that tied them together.
 *
 * @example
 * ```ts
 * const view = new ObjectGraphView(host);
 * view.render(snapshot, recording.gcEvents.slice(previous.gcEventCount, snapshot.gcEventCount), previous);
 * ```
 */
export class ObjectGraphView {
  private readonly host: HTMLDivElement;
  private readonly caption: HTMLParagraphElement;
  /** The drawing panel's width (see {@link trackWidth}). */
  private readonly hostWidth: () => number;
  /** Objects of folded chains the learner expanded (a chain with any of them is drawn whole). */
  private expandedChains = new Set<number>();
  /** Overflow references shown per container (see {@link revealOverflow}), by address. */
  private shownOverflow = new Map<number, number>();
  /** Whether the learner expanded a deep call stack's folded frames. */
  private framesExpanded = false;
  /** What was drawn last, to draw it again when a folded box is expanded. */
  private drawn: Parameters<ObjectGraphView["render"]> | undefined;

  constructor(host: HTMLElement) {
    this.caption = element("p", { class: "caption", id: "graph-caption" });
    this.host = element("div", { class: "graph-scroll", id: "object-graph" });
    host.append(this.caption, this.host);
    this.hostWidth = trackWidth(this.host);
  }

  /** Clears the view. */
  clear(): void {
    this.caption.textContent = "Run or Step a program to see its frames, variables and objects.";
    this.host.replaceChildren();
    this.expandedChains = new Set();
    this.shownOverflow = new Map();
    this.framesExpanded = false;
    this.drawn = undefined;
  }

  /**
   * Draws `snapshot`, plus the objects freed since `previous` (the snapshot of the statement
   * before, when at hand): by `recentCollections` (the collections that ran in between) or by
   * reference counting; marks what changed since `previous`.
   */
  render(
    snapshot: Snapshot,
    recentCollections: readonly GcEvent[],
    previous: Snapshot | undefined,
  ): void {
    this.drawn = [snapshot, recentCollections, previous];
    const { graph, summaries } = collapseLongChains(
      revealOverflow(snapshot.graph, this.shownOverflow),
      this.expandedChains,
    );
    const adjacent = previous !== undefined && previous.statement === snapshot.statement - 1;
    // Objects new since the previous step get a green outline, changed refcounts a highlight.
    const before = new Map((adjacent ? previous.graph.nodes : []).map((node) => [node.id, node]));
    const collected: CollectedObject[] = recentCollections.flatMap(
      (event) => event.collectedObjects,
    );
    const collectedIds = new Set(collected.map((ghost) => ghost.id));
    const freed = adjacent ? graph.freed.filter((ghost) => !collectedIds.has(ghost.id)) : [];
    const frames = snapshot.frames;
    const returnValue = snapshot.returnValue;
    const drawnFrames = framesToDraw(frames, this.framesExpanded);
    const shapes = drawnFrames.map((drawn) => ({
      rows:
        "folded" in drawn
          ? 1
          : drawn.frame.variables.length +
            (drawn.index === frames.length - 1 && returnValue !== undefined ? 1 : 0),
    }));
    // Returned frames go below the call stack, oldest first, after a box counting older ones.
    const exited = snapshot.exitedFrames;
    if (snapshot.exitedEarlier > 0) shapes.push({ rows: 1 });
    for (const frame of exited) shapes.push({ rows: frame.variables.length + 1 });
    // Columns wrap to the panel's width (a hidden panel has none: then they do not wrap).
    const width = this.hostWidth() || Number.POSITIVE_INFINITY;
    const generations = [...new Set(recentCollections.map((event) => event.generation))].join(", ");
    const total = recentCollections.reduce((sum, event) => sum + event.collected, 0);
    const titles = {
      unreachable: titleLines(
        "Unreachable from every variable, kept alive by a reference cycle: waiting for the cycle collector",
        width,
      ),
      freed: titleLines(
        `Freed by reference counting just now (count reached 0): ${plural(freed.length, "object")} of those drawn before`,
        width,
      ),
      collected: titleLines(
        `Freed by the cycle collector just now (generation ${generations}): ${plural(total, "object")}`,
        width,
      ),
    };
    const layout = layoutGraph(
      graph,
      shapes,
      freed,
      collected,
      width,
      Math.max(titles.unreachable.length, titles.freed.length, titles.collected.length),
    );
    const svg = svgElement("svg", {
      width: layout.width,
      height: layout.height,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      role: "img",
      "aria-label": "frames and objects",
    });
    svg.append(
      svgElement(
        "defs",
        {},
        svgElement(
          "marker",
          {
            id: "arrow",
            viewBox: "0 0 10 10",
            refX: 9,
            refY: 5,
            markerWidth: 7,
            markerHeight: 7,
            orient: "auto-start-reverse",
          },
          svgElement("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow-head" }),
        ),
      ),
    );
    const bandTitle = (top: number | undefined, className: string, lines: string[]): void => {
      if (top !== undefined)
        svg.append(
          svgElement(
            "text",
            { x: 12, y: top + 10, class: `band-title ${className}` },
            ...lines.map((line, index) =>
              // The space kept at a line's end keeps the title's text one sentence.
              svgElement(
                "tspan",
                { x: 12, dy: index === 0 ? 0 : TITLE_LINE_HEIGHT },
                index < lines.length - 1 ? `${line} ` : line,
              ),
            ),
          ),
        );
    };
    bandTitle(layout.unreachableTop, "unreachable-title", titles.unreachable);
    bandTitle(layout.freedTop, "freed-title", titles.freed);
    bandTitle(layout.collectedTop, "collected-title", titles.collected);

    const edges = svgElement("g", { class: "edges" });
    const boxes = svgElement("g", { class: "boxes" });
    svg.append(edges, boxes);
    this.drawFrames(drawnFrames, frames.length, returnValue, graph.variables, layout, edges, boxes);
    drawExitedFrames(
      exited,
      snapshot.exitedEarlier,
      layout.frames.slice(drawnFrames.length),
      boxes,
    );

    const outgoing = new Map<number, GraphEdge[]>();
    for (const edge of graph.edges) {
      const list = outgoing.get(edge.from);
      if (list === undefined) outgoing.set(edge.from, [edge]);
      else list.push(edge);
    }

    for (const node of graph.nodes) {
      const at = layout.nodes.get(node.id);
      if (at === undefined) continue;
      const summary = summaries.get(node.id);
      if (summary !== undefined) {
        const rows = boxRows(node, outgoing.get(node.id) ?? []);
        this.drawSummary(summary, at, rows, layout.nodes, edges, boxes);
        continue;
      }
      const state = node.unreachable ? "unreachable" : node.immortal ? "immortal" : "live";
      const old = before.get(node.id);
      const same = old !== undefined && old.typeName === node.typeName;
      const change = !adjacent
        ? undefined
        : !same
          ? "new"
          : old.refcount !== node.refcount
            ? "refcount"
            : undefined;
      const rows = boxRows(node, outgoing.get(node.id) ?? []);
      boxes.append(
        this.box(
          at,
          state,
          node.typeName,
          node.id,
          node.repr,
          metaLine(node, same ? old.refcount : undefined),
          {
            "data-change": change,
            "data-type": node.typeName,
            "data-refcount": node.refcount,
            "data-generation": node.generation,
            "data-tracked": String(node.tracked),
          },
          rows.map((row) => row.text),
          node.hiddenReferents,
          objectHelp({ ...node, state }),
          node.overflow.length === 0 ? undefined : this.showMoreButton(node.id, node),
        ),
      );
      drawArrows(at, rows, layout.nodes, edges, boxes);
    }

    const drawGhosts = (
      list: readonly CollectedObject[],
      placements: ReadonlyMap<number, NodePlacement>,
      state: "freed" | "collected",
      meta: string,
    ): void => {
      for (const ghost of list) {
        const at = placements.get(ghost.id);
        if (at === undefined) continue;
        for (const to of ghost.references) {
          const target = placements.get(to);
          if (target !== undefined)
            edges.append(
              svgElement("path", {
                d: edgePath(at.x + NODE_WIDTH, at.y + NODE_HEIGHT / 2, at.x, at.rowTop, target),
                class: `edge ${state}`,
                "marker-end": "url(#arrow)",
              }),
            );
        }
        boxes.append(
          this.box(
            at,
            state,
            ghost.typeName,
            ghost.id,
            ghost.repr,
            meta,
            { "data-type": ghost.typeName },
            [],
            0,
            objectHelp({ immortal: false, tracked: false, generation: undefined, state }),
          ),
        );
      }
    };
    drawGhosts(freed, layout.freed, "freed", "freed: refcount 0");
    drawGhosts(collected, layout.ghosts, "collected", "freed by gc");

    this.host.replaceChildren(svg);
    const unreachable = graph.nodes.filter((node) => node.unreachable).length;
    const folded = [...summaries.values()].reduce(
      (sum, summary) => sum + summary.links + summary.reached,
      0,
    );
    const foldedFrames = drawnFrames.find((drawn) => "folded" in drawn);
    this.caption.textContent =
      `${plural(frames.length, "frame")}, ${plural(snapshot.graph.nodes.filter((node) => !node.overflowOnly).length, "object")}` +
      (folded > 0
        ? ` (${folded.toLocaleString("en-US")} folded into … boxes: click one to draw them)`
        : "") +
      (foldedFrames !== undefined ? " (middle frames folded: click to draw them)" : "") +
      (unreachable > 0 ? `, ${unreachable} unreachable (cyclic garbage)` : "") +
      (freed.length > 0 ? `, ${freed.length} just freed by reference counting` : "") +
      (collected.length > 0 ? `, ${collected.length} just freed by the collector` : "") +
      (graph.truncated ? " — graph truncated: only the nearest objects are drawn" : "") +
      ". Immortal values (None, True, small ints, interned strings) are written in place.";
  }

  /**
   * The "show more" row of a container whose box leaves references out: the next
   * {@link OVERFLOW_PAGE} of those recorded ({@link GraphNode.overflow}) on click, Enter or
   * Space; the focus stays on the row of the redrawn box, so Enter pages on.
   */
  private showMoreButton(
    id: number,
    node: Pick<GraphNode, "overflow" | "hiddenReferents">,
  ): { text: string; help: string; action: () => void } {
    const page = Math.min(OVERFLOW_PAGE, node.overflow.length);
    const text =
      page === node.hiddenReferents
        ? `▸ show ${page} more`
        : `▸ next ${page} of ${node.hiddenReferents.toLocaleString("en-US")}`;
    const unrecorded = node.hiddenReferents - node.overflow.length;
    const help =
      `Show the next ${page} references of this container (click, or Enter when focused).` +
      (unrecorded > 0
        ? ` The recording keeps the first ${OVERFLOW_RECORDED.toLocaleString("en-US")} past the drawn ones; the last ${unrecorded.toLocaleString("en-US")} are only counted.`
        : "");
    return {
      text,
      help,
      action: () => {
        this.shownOverflow.set(id, (this.shownOverflow.get(id) ?? 0) + page);
        if (this.drawn !== undefined) this.render(...this.drawn);
        this.host.querySelector<SVGGElement>(`[data-more-of="${id}"]`)?.focus();
      },
    };
  }

  /** Draws `summary`'s box (a folded run of a chain) with its arrows; a click draws the run. */
  private drawSummary(
    summary: ChainSummary,
    at: NodePlacement,
    rows: readonly BoxRow[],
    placements: ReadonlyMap<number, NodePlacement>,
    edges: SVGGElement,
    boxes: SVGGElement,
  ): void {
    const box = this.box(
      at,
      "summary",
      summary.typeName,
      0,
      summary.text,
      summary.reached > 0 ? `+${summary.reached} objects they reach` : "click to draw them",
      { "data-type": "summary", "data-links": summary.links, role: "button", tabindex: 0 },
      rows.map((row) => row.text),
    );
    const expand = (): void => {
      for (const id of summary.chain) this.expandedChains.add(id);
      if (this.drawn !== undefined) this.render(...this.drawn);
    };
    onActivate(box, expand);
    boxes.append(box);
    drawArrows(at, rows, placements, edges, boxes);
  }

  private drawFrames(
    drawnFrames: readonly DrawnFrame[],
    frameCount: number,
    returnValue: string | undefined,
    variables: Snapshot["graph"]["variables"],
    layout: ReturnType<typeof layoutGraph>,
    edges: SVGGElement,
    boxes: SVGGElement,
  ): void {
    drawnFrames.forEach((drawn, position) => {
      const at = layout.frames[position]!;
      if ("folded" in drawn) {
        boxes.append(this.foldedFrames(drawn.folded, at));
        return;
      }
      const { frame, index } = drawn;
      const offset = drawn.variableOffset;
      const innermost = index === frameCount - 1;
      const group = svgElement(
        "g",
        {
          class: `frame${innermost ? " active" : ""}`,
          "data-frame": frame.qualifiedName,
          "data-kind": frame.kind,
        },
        svgElement("rect", { x: at.x, y: at.y, width: FRAME_WIDTH, height: at.height, rx: 6 }),
        svgElement(
          "text",
          { x: at.x + 8, y: at.y + 15, class: "frame-title" },
          clip(frameTitle(frame), 22),
        ),
        svgElement(
          "text",
          { x: at.x + FRAME_WIDTH - 8, y: at.y + 15, class: "frame-line", "text-anchor": "end" },
          frame.line > 0 ? `line ${frame.line}` : "",
        ),
      );
      frame.variables.forEach((variable, row) => {
        const value = variables[offset + row];
        const y = at.rows[row]!;
        const tag = variable.kind === "local" ? "" : ` (${variable.kind})`;
        const rowGroup = svgElement(
          "g",
          { class: "variable", "data-name": variable.name, "data-kind": variable.kind },
          svgElement("title", {}, variableHelp(variable.name, variable.kind)),
          svgElement(
            "text",
            { x: at.x + 10, y: y + 4, class: "variable-name" },
            clip(`${variable.name}${tag}`, 16),
          ),
        );
        if (value?.inline !== undefined) rowGroup.append(valueText(at.x, y, value.inline));
        else if (value !== undefined) {
          const target = layout.nodes.get(value.target);
          rowGroup.append(
            svgElement("circle", {
              cx: at.x + FRAME_WIDTH - 12,
              cy: y,
              r: 3,
              class: "variable-dot",
            }),
          );
          if (target !== undefined)
            edges.append(
              svgElement("path", {
                d: edgePath(
                  at.x + FRAME_WIDTH - 12,
                  y,
                  at.x,
                  layout.frames[0]!.y,
                  target,
                  row,
                  layout.variableChannel,
                ),
                class: "edge variable-edge",
                "marker-end": "url(#arrow)",
              }),
            );
        }
        group.append(rowGroup);
      });
      if (innermost && returnValue !== undefined)
        group.append(returnValueRow(at, frame.variables.length, returnValue));
      boxes.append(group);
    });
  }

  /** The box standing for the folded middle of a deep call stack; a click draws every frame. */
  private foldedFrames(folded: readonly FrameSnapshot[], at: FramePlacement): SVGGElement {
    const group = svgElement(
      "g",
      { class: "frame folded", "data-frames": folded.length, role: "button", tabindex: 0 },
      svgElement("title", {}, "Click to draw every frame of the call stack."),
      svgElement("rect", { x: at.x, y: at.y, width: FRAME_WIDTH, height: at.height, rx: 6 }),
      svgElement(
        "text",
        { x: at.x + 8, y: at.y + 15, class: "frame-title" },
        `… ${plural(folded.length, "more frame")}`,
      ),
      svgElement(
        "text",
        { x: at.x + 10, y: at.rows[0]! + 4, class: "variable-name" },
        clip(foldedFramesText(folded), 27),
      ),
    );
    const expand = (): void => {
      this.framesExpanded = true;
      if (this.drawn !== undefined) this.render(...this.drawn);
    };
    onActivate(group, expand);
    return group;
  }

  private box(
    at: NodePlacement,
    state: "live" | "immortal" | "unreachable" | "collected" | "freed" | "summary",
    typeName: string,
    address: number,
    repr: string,
    meta: string,
    data: Readonly<Record<string, string | number | undefined>>,
    rows: readonly string[] = [],
    hiddenReferents = 0,
    help: readonly string[] = [],
    more: { text: string; help: string; action: () => void } | undefined = undefined,
  ): SVGGElement {
    const lines = [...rows];
    if (hiddenReferents > 0)
      lines.push(more?.text ?? `+${hiddenReferents.toLocaleString("en-US")} more not drawn`);
    const title = svgElement(
      "title",
      {},
      [
        address > 0 ? `${typeName} at ${hexAddress(address)}` : typeName,
        repr,
        meta,
        ...lines,
        ...(help.length > 0 ? ["", ...help] : []),
      ].join("\n"),
    );
    return svgElement(
      "g",
      { class: `object ${state}`, "data-state": state, ...data },
      title,
      svgElement("rect", {
        x: at.x,
        y: at.y,
        width: NODE_WIDTH,
        height: nodeHeight(lines.length),
        rx: 5,
      }),
      // The address gives way to long type names (11px monospace: about 6.6px a character).
      svgElement("text", { x: at.x + 8, y: at.y + 15, class: "object-type" }, clip(typeName, 24)),
      svgElement(
        "text",
        { x: at.x + NODE_WIDTH - 8, y: at.y + 15, class: "object-address", "text-anchor": "end" },
        address > 0 && typeName.length + hexAddress(address).length < 24 ? hexAddress(address) : "",
      ),
      svgElement("text", { x: at.x + 8, y: at.y + 31, class: "object-repr" }, reprLine(repr, 25)),
      svgElement("text", { x: at.x + 8, y: at.y + 46, class: "object-meta" }, meta),
      lines.length > 0 &&
        svgElement("line", {
          x1: at.x,
          x2: at.x + NODE_WIDTH,
          y1: at.y + NODE_HEIGHT,
          y2: at.y + NODE_HEIGHT,
          class: "object-divider",
        }),
      ...lines.map((line, index) =>
        svgElement(
          "text",
          {
            x: at.x + 8,
            y: rowMiddle(at.y, index) + 4,
            class: index < rows.length ? "object-field" : "object-hidden",
          },
          clip(line, 23),
        ),
      ),
      more !== undefined && this.moreRow(at, rows.length, address, more),
    );
  }

  /** The focusable target over a box's "show more" row (its text is drawn with the rows). */
  private moreRow(
    at: NodePlacement,
    row: number,
    address: number,
    more: { text: string; help: string; action: () => void },
  ): SVGGElement {
    const target = svgElement(
      "g",
      {
        class: "show-more",
        role: "button",
        tabindex: 0,
        "data-more-of": address,
        "aria-label": more.text.replace("▸ ", ""),
      },
      svgElement("title", {}, more.help),
      svgElement("rect", {
        x: at.x + 2,
        y: rowMiddle(at.y, row) - ROW_HEIGHT / 2,
        width: NODE_WIDTH - 4,
        height: ROW_HEIGHT,
        rx: 3,
      }),
    );
    onActivate(target, more.action);
    return target;
  }
}

/** Runs `action` when `target` (a box with role="button") is clicked or, focused, gets Enter or Space. */
function onActivate(target: SVGElement, action: () => void): void {
  target.addEventListener("click", action);
  target.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") action();
  });
}

/** The arrows of a box's reference rows: each leaves from its own row, where its label is, so labels never collide. */
function drawArrows(
  at: NodePlacement,
  rows: readonly BoxRow[],
  placements: ReadonlyMap<number, NodePlacement>,
  edges: SVGGElement,
  boxes: SVGGElement,
): void {
  rows.forEach((row, index) => {
    const to = row.edge === undefined ? undefined : placements.get(row.edge.to);
    if (row.edge === undefined || to === undefined) return;
    const sy = rowMiddle(at.y, index);
    const sx = at.x + NODE_WIDTH - 8;
    boxes.append(svgElement("circle", { cx: sx, cy: sy, r: 2.5, class: "variable-dot" }));
    edges.append(
      svgElement("path", {
        d: edgePath(sx, sy, at.x, at.rowTop, to, index),
        class: row.edge.weak ? "edge weak" : "edge",
        "marker-end": "url(#arrow)",
      }),
    );
  });
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}

/** A value written in place at the right end of a frame row whose middle is at `y`. */
function valueText(frameX: number, y: number, text: string): SVGTextElement {
  return svgElement(
    "text",
    { x: frameX + FRAME_WIDTH - 10, y: y + 4, class: "variable-value", "text-anchor": "end" },
    clip(text, 12),
  );
}

/**
 * Frames that returned (Python Tutor's "show exited frames"), greyed, each with its variables'
 * values as they were when it returned and its return value; `earlier` older ones are counted
 * in a box first. `placements` are theirs, the counting box's first.
 */
function drawExitedFrames(
  exited: readonly ExitedFrame[],
  earlier: number,
  placements: readonly FramePlacement[],
  boxes: SVGGElement,
): void {
  let position = 0;
  if (earlier > 0) {
    const at = placements[position++]!;
    boxes.append(
      svgElement(
        "g",
        { class: "frame exited earlier", "data-earlier": earlier },
        svgElement(
          "title",
          {},
          "Calls that returned before those drawn below: the playground keeps the last ones only.",
        ),
        svgElement("rect", { x: at.x, y: at.y, width: FRAME_WIDTH, height: at.height, rx: 6 }),
        svgElement(
          "text",
          { x: at.x + 8, y: at.y + 15, class: "frame-title" },
          `… ${plural(earlier, "earlier call")}`,
        ),
        svgElement(
          "text",
          { x: at.x + 10, y: at.rows[0]! + 4, class: "variable-name" },
          "returned (not kept)",
        ),
      ),
    );
  }
  for (const frame of exited) {
    const at = placements[position++]!;
    const group = svgElement(
      "g",
      { class: "frame exited", "data-frame": frame.qualifiedName },
      svgElement(
        "title",
        {},
        `${frame.qualifiedName}() returned from line ${frame.line}. A returned frame is gone: it holds no references any more, so these are the values its variables had then (the objects may have been freed since).`,
      ),
      svgElement("rect", { x: at.x, y: at.y, width: FRAME_WIDTH, height: at.height, rx: 6 }),
      svgElement(
        "text",
        { x: at.x + 8, y: at.y + 15, class: "frame-title" },
        clip(`${frame.qualifiedName}()`, 22),
      ),
      svgElement(
        "text",
        { x: at.x + FRAME_WIDTH - 8, y: at.y + 15, class: "frame-line", "text-anchor": "end" },
        "returned",
      ),
    );
    frame.variables.forEach((variable, row) => {
      const y = at.rows[row]!;
      const tag = variable.kind === "local" ? "" : ` (${variable.kind})`;
      group.append(
        svgElement(
          "g",
          { class: "variable", "data-name": variable.name, "data-kind": variable.kind },
          svgElement(
            "text",
            { x: at.x + 10, y: y + 4, class: "variable-name" },
            clip(`${variable.name}${tag}`, 16),
          ),
          valueText(at.x, y, variable.value),
        ),
      );
    });
    group.append(returnValueRow(at, frame.variables.length, frame.returnValue));
    boxes.append(group);
  }
}

/** A frame's "Return value" row (row `row` of the frame at `at`), the value written in place. */
function returnValueRow(at: FramePlacement, row: number, value: string): SVGGElement {
  const y = at.rows[row]!;
  return svgElement(
    "g",
    { class: "return-value" },
    svgElement("text", { x: at.x + 10, y: y + 4, class: "returned" }, "Return value"),
    valueText(at.x, y, value),
  );
}

/** Hover help for a frame's variable row. */
function variableHelp(name: string, kind: "local" | "cell" | "free"): string {
  if (kind === "cell")
    return `${name} is shared with an inner function: the frame holds a cell object, and the cell holds the value (both inner and outer function see changes).`;
  if (kind === "free")
    return `${name} belongs to an enclosing function: this frame reaches it through the cell the closure carries.`;
  return `${name}: a name in this frame. An arrow is a reference (it counts in the object's refcount); a value written in place is immortal.`;
}
