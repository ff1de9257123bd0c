import type { GcEvent } from "../snapshot/gc-timeline.js";
import { element, svgElement, trackWidth } from "./dom.js";
import { TERM_HELP } from "./term-help.js";

const CHART_HEIGHT = 150;
const AXIS_LEFT = 46;
const PLOT_TOP = 8;
const COLLECTED_HEIGHT = 62;
const PAUSE_TOP = PLOT_TOP + COLLECTED_HEIGHT + 16;
const PAUSE_HEIGHT = 36;

/** A colour per generation (0, 1, 2), shared by the bars, the legend and the summary. */
const GENERATION_COLOURS = ["#2f6fdf", "#e08a1e", "#8e3bbf"];

/**
 * Per-generation totals of a timeline prefix.
 *
 * @example
 * ```ts
 * const [young] = summariseCollections(events, events.length);
 * ```
 */
export interface GenerationSummary {
  /** The generation (0 for single-generation collectors). */
  readonly generation: number;
  /** Collections of it (as the oldest generation collected). */
  readonly collections: number;
  /** Objects those collections freed. */
  readonly collected: number;
  /** Objects they found uncollectable. */
  readonly uncollectable: number;
  /** Their pauses added up, in milliseconds. */
  readonly pauseMilliseconds: number;
  /** The longest of them. */
  readonly longestPauseMilliseconds: number;
}

/**
 * Totals per generation over the first `count` events.
 *
 * @example
 * ```ts
 * summariseCollections(recording.gcEvents, snapshot.gcEventCount, 3);
 * ```
 */
export function summariseCollections(
  events: readonly GcEvent[],
  count: number,
  generations: number,
): GenerationSummary[] {
  const result = Array.from({ length: generations }, (_, generation) => ({
    generation,
    collections: 0,
    collected: 0,
    uncollectable: 0,
    pauseMilliseconds: 0,
    longestPauseMilliseconds: 0,
  }));
  for (const event of events.slice(0, count)) {
    const entry = result[event.generation];
    if (entry === undefined) continue;
    entry.collections++;
    entry.collected += event.collected;
    entry.uncollectable += event.uncollectable;
    entry.pauseMilliseconds += event.pauseMilliseconds;
    entry.longestPauseMilliseconds = Math.max(
      entry.longestPauseMilliseconds,
      event.pauseMilliseconds,
    );
  }
  return result;
}

/**
 * The GC timeline: one bar per collection at the statement where it ran — height = objects
 * collected (upper row) and pause time (lower row), colour = generation — with a cursor at the
 * current step (later collections faded) and a per-generation summary table.
 *
 * @example
 * ```ts
 * const view = new TimelineView(host);
 * view.render(recording.gcEvents, snapshot.gcEventCount, snapshot.statement, recording.statements, 3, "generational");
 * ```
 */
export class TimelineView {
  private readonly chart: HTMLDivElement;
  /** The chart's width (see {@link trackWidth}). */
  private readonly chartWidth: () => number;
  private readonly table: HTMLTableElement;

  constructor(host: HTMLElement) {
    this.chart = element("div", { class: "timeline-chart", id: "timeline-chart" });
    this.table = element("table", { class: "timeline-table", id: "timeline-table" });
    host.append(this.chart, this.table);
    this.chartWidth = trackWidth(this.chart);
  }

  /** Clears the view. */
  clear(): void {
    this.chart.replaceChildren(element("p", { class: "caption" }, "No collections yet."));
    this.table.replaceChildren();
  }

  /** Draws `events`, of which the first `shownCount` have happened at statement `current`. */
  render(
    events: readonly GcEvent[],
    shownCount: number,
    current: number,
    statements: number,
    generations: number,
    collector: string,
  ): void {
    const width = Math.max(320, this.chartWidth() - 4);
    const plotWidth = width - AXIS_LEFT - 10;
    const span = Math.max(1, statements);
    const x = (step: number): number => AXIS_LEFT + (Math.min(step, span) / span) * plotWidth;
    const maximumCollected = Math.max(1, ...events.map((event) => event.collected));
    const maximumPause = Math.max(0.001, ...events.map((event) => event.pauseMilliseconds));
    const svg = svgElement("svg", {
      width,
      height: CHART_HEIGHT,
      role: "img",
      "aria-label": "GC timeline",
    });
    svg.append(
      svgElement("text", { x: 2, y: PLOT_TOP + 10, class: "axis-label" }, String(maximumCollected)),
      svgElement("text", { x: 2, y: PLOT_TOP + COLLECTED_HEIGHT, class: "axis-label" }, "freed"),
      svgElement(
        "text",
        { x: 2, y: PAUSE_TOP + 10, class: "axis-label" },
        `${maximumPause.toFixed(2)}ms`,
      ),
      svgElement("text", { x: 2, y: PAUSE_TOP + PAUSE_HEIGHT, class: "axis-label" }, "pause (JS)"),
      svgElement("line", {
        x1: AXIS_LEFT,
        x2: width - 10,
        y1: PLOT_TOP + COLLECTED_HEIGHT,
        y2: PLOT_TOP + COLLECTED_HEIGHT,
        class: "axis",
      }),
      svgElement("line", {
        x1: AXIS_LEFT,
        x2: width - 10,
        y1: PAUSE_TOP + PAUSE_HEIGHT,
        y2: PAUSE_TOP + PAUSE_HEIGHT,
        class: "axis",
      }),
      svgElement(
        "text",
        { x: AXIS_LEFT, y: CHART_HEIGHT - 4, class: "axis-label" },
        `statement 0 … ${statements.toLocaleString("en-US")}`,
      ),
    );
    events.forEach((event, index) => {
      const colour = GENERATION_COLOURS[event.generation] ?? "#555";
      const future = index >= shownCount;
      const barX = x(event.step) - 2;
      // At least a visible stub: a collection that freed nothing still paused the program.
      const collectedHeight = Math.max(2, (event.collected / maximumCollected) * COLLECTED_HEIGHT);
      const pauseHeight = Math.max(2, (event.pauseMilliseconds / maximumPause) * PAUSE_HEIGHT);
      const title = `collection ${index + 1}: generation ${event.generation}, ${event.collected} collected, ${event.uncollectable} uncollectable, ${event.pauseMilliseconds.toFixed(3)} ms, at line ${event.line}`;
      svg.append(
        svgElement(
          "g",
          {
            class: future ? "gc-event future" : "gc-event",
            "data-generation": event.generation,
            "data-collected": event.collected,
          },
          svgElement("title", {}, title),
          svgElement("rect", {
            x: barX,
            y: PLOT_TOP + COLLECTED_HEIGHT - collectedHeight,
            width: 4,
            height: collectedHeight,
            fill: colour,
          }),
          svgElement("rect", {
            x: barX,
            y: PAUSE_TOP + PAUSE_HEIGHT - pauseHeight,
            width: 4,
            height: pauseHeight,
            fill: colour,
            opacity: 0.6,
          }),
        ),
      );
    });
    svg.append(
      svgElement("line", {
        x1: x(current),
        x2: x(current),
        y1: PLOT_TOP,
        y2: PAUSE_TOP + PAUSE_HEIGHT,
        class: "cursor",
      }),
    );
    // An incremental cycle spans many increments with the program running in between.
    const notes = [
      element(
        "p",
        { class: "caption pause-note" },
        "Pause: wall-clock time of pymem's collector in JavaScript in this tab — it varies from run to run with the machine's load and is not what CPython would take; the counts of objects are exact.",
      ),
    ];
    if (collector === "incremental")
      notes.push(
        element(
          "p",
          { class: "caption" },
          "Incremental collector: a bar spans a whole cycle, from its first increment to its last, program time in between included.",
        ),
      );
    this.chart.replaceChildren(svg, ...notes);

    const summary = summariseCollections(events, shownCount, generations);
    const header = element(
      "tr",
      {},
      ...(
        [
          ["generation", TERM_HELP.generation],
          ["collections", TERM_HELP.collections],
          ["objects collected", TERM_HELP.objectsCollected],
          ["uncollectable", TERM_HELP.uncollectable],
          ["total pause (JS)", TERM_HELP.pause],
          ["longest pause (JS)", TERM_HELP.pause],
        ] as const
      ).map(([label, help]) => element("th", { title: help }, label)),
    );
    const rows = summary.map((entry) =>
      element(
        "tr",
        { "data-generation": entry.generation },
        element(
          "td",
          {},
          element("span", {
            class: "swatch",
            style: `background:${GENERATION_COLOURS[entry.generation] ?? "#555"}`,
          }),
          generations === 1 ? "all (one generation)" : String(entry.generation),
        ),
        element("td", { class: "num collections" }, String(entry.collections)),
        element("td", { class: "num" }, String(entry.collected)),
        element("td", { class: "num" }, String(entry.uncollectable)),
        element("td", { class: "num" }, `${entry.pauseMilliseconds.toFixed(1)} ms`),
        element("td", { class: "num" }, `${entry.longestPauseMilliseconds.toFixed(1)} ms`),
      ),
    );
    this.table.replaceChildren(element("thead", {}, header), element("tbody", {}, ...rows));
  }
}
