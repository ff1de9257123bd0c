import type { CollectedObject, GcEvent } from "../snapshot/gc-timeline.js";
import type { GraphNode, ObjectGraph } from "../snapshot/object-graph.js";
import { element, hexAddress, svgElement } from "./dom.js";
import {
  layoutGraph,
  NODE_HEIGHT,
  NODE_WIDTH,
  type Placement,
  VARIABLE_HEIGHT,
  VARIABLE_WIDTH,
} from "./graph-layout.js";

/** `text` cut to `length` characters with an ellipsis. */
function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
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

function edgePath(from: Placement, fromWidth: number, fromHeight: number, to: Placement): string {
  const sx = from.x + fromWidth;
  const sy = from.y + fromHeight / 2;
  const ty = to.y + NODE_HEIGHT / 2;
  if (to.x > from.x) {
    const tx = to.x;
    const bend = Math.max(30, (tx - sx) / 2);
    return `M${sx},${sy} C${sx + bend},${sy} ${tx - bend},${ty} ${tx},${ty}`;
  }
  // Back or sideways edges (cycles): leave and enter on the right, bowing outwards.
  const tx = to.x + NODE_WIDTH;
  const bow = 46 + Math.abs(sy - ty) / 6;
  return `M${sx},${sy} C${sx + bow},${sy} ${tx + bow},${ty} ${tx},${ty}`;
}

/**
 * Draws the object graph of the current snapshot as SVG: the program's variables, the objects
 * they reach (type, repr, refcount, generation, tracked state), labelled references (weak ones
 * dashed), objects alive but unreachable from any variable (red: cyclic garbage waiting for the
 * collector) and, just after a collection, the objects it freed (red, dashed, faded).
 *
 * @example
 * ```ts
 * const view = new ObjectGraphView(host);
 * view.render(snapshot.graph, recording.gcEvents.slice(previous.gcEventCount, snapshot.gcEventCount), previous.graph);
 * ```
 */
export class ObjectGraphView {
  private readonly host: HTMLDivElement;
  private readonly caption: HTMLParagraphElement;

  constructor(host: HTMLElement) {
    this.caption = element("p", { class: "caption", id: "graph-caption" });
    this.host = element("div", { class: "graph-scroll", id: "object-graph" });
    host.append(this.caption, this.host);
  }

  /** Clears the view. */
  clear(): void {
    this.caption.textContent = "Run or Step a program to see its variables and objects.";
    this.host.replaceChildren();
  }

  /**
   * Draws `graph`, plus the objects freed by `recentCollections` (the collections that ran since
   * the previous snapshot), marking what changed since `previous` (the previous snapshot's graph).
   */
  render(
    graph: ObjectGraph,
    recentCollections: readonly GcEvent[],
    previous: ObjectGraph | undefined,
  ): void {
    // Objects new since the previous step get a green outline, changed refcounts a highlight.
    const before = new Map((previous?.nodes ?? []).map((node) => [node.id, node]));
    const collected: CollectedObject[] = recentCollections.flatMap(
      (event) => event.collectedObjects,
    );
    const layout = layoutGraph(graph, collected);
    const svg = svgElement("svg", {
      width: layout.width,
      height: layout.height,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      role: "img",
      "aria-label": "object graph",
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
    if (layout.unreachableTop !== undefined)
      svg.append(
        svgElement(
          "text",
          { x: 12, y: layout.unreachableTop + 10, class: "band-title unreachable-title" },
          "Unreachable from every variable, kept alive by a reference cycle: waiting for the cycle collector",
        ),
      );
    if (layout.collectedTop !== undefined) {
      const generations = [...new Set(recentCollections.map((event) => event.generation))].join(
        ", ",
      );
      const total = recentCollections.reduce((sum, event) => sum + event.collected, 0);
      svg.append(
        svgElement(
          "text",
          { x: 12, y: layout.collectedTop + 10, class: "band-title collected-title" },
          `Freed by the cycle collector just now (generation ${generations}): ${total} object${total === 1 ? "" : "s"}`,
        ),
      );
    }

    const edges = svgElement("g", { class: "edges" });
    const boxes = svgElement("g", { class: "boxes" });
    svg.append(edges, boxes);

    graph.variables.forEach((variable, index) => {
      const at = layout.variables[index]!;
      const target = layout.nodes.get(variable.target);
      if (target !== undefined)
        edges.append(
          svgElement("path", {
            d: edgePath(at, VARIABLE_WIDTH, VARIABLE_HEIGHT, target),
            class: "edge variable-edge",
            "marker-end": "url(#arrow)",
          }),
        );
      boxes.append(
        svgElement(
          "g",
          { class: "variable", "data-name": variable.name },
          svgElement("rect", {
            x: at.x,
            y: at.y,
            width: VARIABLE_WIDTH,
            height: VARIABLE_HEIGHT,
            rx: 12,
          }),
          svgElement(
            "text",
            { x: at.x + VARIABLE_WIDTH / 2, y: at.y + 16, "text-anchor": "middle" },
            variable.name,
          ),
        ),
      );
    });

    for (const edge of graph.edges) {
      const from = layout.nodes.get(edge.from);
      const to = layout.nodes.get(edge.to);
      if (from === undefined || to === undefined) continue;
      const d = edgePath(from, NODE_WIDTH, NODE_HEIGHT, to);
      edges.append(
        svgElement("path", {
          d,
          class: edge.weak ? "edge weak" : "edge",
          "marker-end": "url(#arrow)",
        }),
      );
      if (edge.label !== "") {
        const midX = (from.x + NODE_WIDTH + (to.x > from.x ? to.x : to.x + NODE_WIDTH)) / 2;
        const midY = (from.y + to.y + NODE_HEIGHT) / 2;
        edges.append(
          svgElement(
            "text",
            { x: midX, y: midY - 3, class: "edge-label", "text-anchor": "middle" },
            edge.label,
          ),
        );
      }
    }

    for (const node of graph.nodes) {
      const at = layout.nodes.get(node.id);
      if (at === undefined) continue;
      const state = node.unreachable ? "unreachable" : node.immortal ? "immortal" : "live";
      const old = before.get(node.id);
      const same = old !== undefined && old.typeName === node.typeName;
      const change =
        previous === undefined
          ? undefined
          : !same
            ? "new"
            : old.refcount !== node.refcount
              ? "refcount"
              : undefined;
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
          node.hiddenReferents,
        ),
      );
    }

    for (const ghost of collected) {
      const at = layout.ghosts.get(ghost.id);
      if (at === undefined) continue;
      for (const to of ghost.references) {
        const target = layout.ghosts.get(to);
        if (target !== undefined)
          edges.append(
            svgElement("path", {
              d: edgePath(at, NODE_WIDTH, NODE_HEIGHT, target),
              class: "edge collected",
              "marker-end": "url(#arrow)",
            }),
          );
      }
      boxes.append(
        this.box(at, "collected", ghost.typeName, ghost.id, ghost.repr, "freed by gc", {
          "data-type": ghost.typeName,
        }),
      );
    }

    this.host.replaceChildren(svg);
    const unreachable = graph.nodes.filter((node) => node.unreachable).length;
    this.caption.textContent =
      `${graph.variables.length} variable${graph.variables.length === 1 ? "" : "s"}, ${graph.nodes.length} object${graph.nodes.length === 1 ? "" : "s"}` +
      (unreachable > 0 ? `, ${unreachable} unreachable (cyclic garbage)` : "") +
      (collected.length > 0 ? `, ${collected.length} just freed by the collector` : "") +
      (graph.truncated ? " — graph truncated: only the nearest objects are drawn" : "") +
      ". Module-level variables only.";
  }

  private box(
    at: Placement,
    state: "live" | "immortal" | "unreachable" | "collected",
    typeName: string,
    address: number,
    repr: string,
    meta: string,
    data: Readonly<Record<string, string | number | undefined>>,
    hiddenReferents = 0,
  ): SVGGElement {
    const title = svgElement(
      "title",
      {},
      `${typeName} at ${hexAddress(address)}\n${repr}\n${meta}`,
    );
    return svgElement(
      "g",
      { class: `object ${state}`, "data-state": state, ...data },
      title,
      svgElement("rect", { x: at.x, y: at.y, width: NODE_WIDTH, height: NODE_HEIGHT, rx: 5 }),
      // The address gives way to long type names (11px monospace: about 6.6px a character).
      svgElement("text", { x: at.x + 8, y: at.y + 15, class: "object-type" }, clip(typeName, 24)),
      svgElement(
        "text",
        { x: at.x + NODE_WIDTH - 8, y: at.y + 15, class: "object-address", "text-anchor": "end" },
        typeName.length + hexAddress(address).length < 24 ? hexAddress(address) : "",
      ),
      svgElement("text", { x: at.x + 8, y: at.y + 31, class: "object-repr" }, clip(repr, 25)),
      svgElement("text", { x: at.x + 8, y: at.y + 46, class: "object-meta" }, meta),
      hiddenReferents > 0 &&
        svgElement(
          "text",
          {
            x: at.x + NODE_WIDTH - 4,
            y: at.y + NODE_HEIGHT + 11,
            class: "object-hidden",
            "text-anchor": "end",
          },
          `+${hiddenReferents.toLocaleString("en-US")} more references not drawn`,
        ),
    );
  }
}
