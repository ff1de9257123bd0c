import {
  type ArenaCell,
  BlockState,
  type PoolCell,
  type PoolMapSummary,
} from "../snapshot/pool-map.js";
import { element, hexAddress, trackWidth } from "./dom.js";
import { TERM_HELP } from "./term-help.js";

/** Pixels per pool cell (a square; its blocks are drawn inside). */
const POOL_PIXELS = 34;
/** Gap between pool cells. */
const POOL_GAP = 2;
/** Pools per row of an arena. */
const POOLS_PER_ROW = 8;
/** Space above an arena for its label. */
const ARENA_LABEL_PIXELS = 16;
/** Gap between arenas. */
const ARENA_GAP = 14;
/** Arenas drawn at most; the rest are counted in the caption. */
const MAXIMUM_ARENAS_DRAWN = 24;

/**
 * The colour of a block of size class `sizeIndex`: hues spread by the golden angle so
 * neighbouring classes differ; used blocks saturated, free ones pale.
 *
 * @example
 * ```ts
 * context.fillStyle = sizeClassColour(2, BlockState.USED);
 * ```
 */
export function sizeClassColour(sizeIndex: number, state: number): string {
  const hue = Math.round((sizeIndex * 137.508) % 360);
  if (state === BlockState.USED) return `hsl(${hue} 70% 45%)`;
  if (state === BlockState.FREE) return `hsl(${hue} 55% 85%)`;
  return "#f3f3f0";
}

function arenaPixels(poolCount: number): { width: number; height: number } {
  const rows = Math.ceil(poolCount / POOLS_PER_ROW);
  return {
    width: POOLS_PER_ROW * (POOL_PIXELS + POOL_GAP) - POOL_GAP,
    height: ARENA_LABEL_PIXELS + rows * (POOL_PIXELS + POOL_GAP) - POOL_GAP,
  };
}

/**
 * Draws the arena → pool → block map on a canvas: each arena a grid of pools, each pool its
 * blocks, coloured by size class (saturated = in use, pale = on the free list, grey = not yet
 * carved); empty pools grey, never-carved pools hatched. Arenas allocated since the previous
 * step get a green outline; arenas released since then are drawn as dashed red ghosts.
 *
 * @example
 * ```ts
 * const view = new PoolMapView(host);
 * view.render(snapshot.poolMap, previousSnapshot?.poolMap);
 * ```
 */
export class PoolMapView {
  private readonly canvas: HTMLCanvasElement;
  private readonly caption: HTMLParagraphElement;
  private readonly legend: HTMLDivElement;
  /** The canvas's scrolling box's width (see {@link trackWidth}). */
  private readonly scrollWidth: () => number;
  /** Where each drawn pool is, for the hover text. */
  private hitAreas: { x: number; y: number; arena: ArenaCell; pool: PoolCell }[] = [];
  /**
   * What the canvas shows now: its size, and per arena place its label and state and the pools
   * drawn — so a step redraws only the pools that changed (a pool map shares unchanged pools
   * between snapshots; redrawing every block of every arena was most of a step's time).
   */
  private onCanvas: {
    size: string;
    arenas: { label: string; state: string; pools: (PoolCell | undefined)[] }[];
  } = { size: "", arenas: [] };

  constructor(host: HTMLElement) {
    this.canvas = element("canvas", {
      id: "pool-map-canvas",
      width: 10,
      height: 10,
      role: "img",
      "aria-label": "pymalloc arenas, pools and blocks",
    });
    this.caption = element("p", {
      class: "caption",
      id: "pool-map-caption",
      title: [TERM_HELP.arena, TERM_HELP.pool, TERM_HELP.block, TERM_HELP.sizeClass].join("\n"),
    });
    this.legend = element("div", { class: "legend" });
    const scroll = element("div", { class: "canvas-scroll" }, this.canvas);
    host.append(this.caption, scroll, this.legend);
    this.scrollWidth = trackWidth(scroll);
    this.canvas.addEventListener("mousemove", (event) => {
      const hit = this.hitAreas.find(
        (area) =>
          event.offsetX >= area.x &&
          event.offsetX < area.x + POOL_PIXELS &&
          event.offsetY >= area.y &&
          event.offsetY < area.y + POOL_PIXELS,
      );
      this.canvas.title = hit === undefined ? "" : describePool(hit.arena, hit.pool);
    });
  }

  /** Clears the view. */
  clear(): void {
    this.caption.textContent = "Run or Step a program to see pymalloc's arenas, pools and blocks.";
    this.legend.replaceChildren();
    this.canvas.width = 10;
    this.canvas.height = 10;
    this.onCanvas = { size: "", arenas: [] };
    this.canvas.dataset.arenas = "0";
  }

  /** Draws `summary`, marking arenas that appeared or disappeared since `previous`. */
  render(summary: PoolMapSummary, previous: PoolMapSummary | undefined): void {
    const previousAddresses = new Set(previous?.arenas.map((arena) => arena.address) ?? []);
    const currentAddresses = new Set(summary.arenas.map((arena) => arena.address));
    const released = (previous?.arenas ?? []).filter(
      (arena) => !currentAddresses.has(arena.address),
    );
    const drawn: { arena: ArenaCell; state: "new" | "kept" | "released" }[] = [];
    for (const arena of summary.arenas)
      drawn.push({
        arena,
        state: previous !== undefined && !previousAddresses.has(arena.address) ? "new" : "kept",
      });
    for (const arena of released) drawn.push({ arena, state: "released" });
    const shown = drawn.slice(0, MAXIMUM_ARENAS_DRAWN);

    const poolCount = summary.arenaSize / summary.poolSize;
    const { width: arenaWidth, height: arenaHeight } = arenaPixels(poolCount);
    const hostWidth = Math.max(arenaWidth, this.scrollWidth() - 4);
    const perRow = Math.max(1, Math.floor((hostWidth + ARENA_GAP) / (arenaWidth + ARENA_GAP)));
    const rows = Math.max(1, Math.ceil(shown.length / perRow));
    const ratio = globalThis.devicePixelRatio ?? 1;
    const cssWidth = Math.min(shown.length, perRow) * (arenaWidth + ARENA_GAP) - ARENA_GAP;
    const cssHeight = rows * (arenaHeight + ARENA_GAP) - ARENA_GAP;
    // Setting a canvas's size clears it: only when the size changes.
    const size = `${cssWidth}x${cssHeight}@${ratio}`;
    if (size !== this.onCanvas.size) {
      this.canvas.width = Math.max(1, Math.round(cssWidth * ratio));
      this.canvas.height = Math.max(1, Math.round(cssHeight * ratio));
      this.canvas.style.width = `${Math.max(1, cssWidth)}px`;
      this.canvas.style.height = `${Math.max(1, cssHeight)}px`;
      this.onCanvas = { size, arenas: [] };
    }
    this.canvas.dataset.arenas = String(summary.arenas.length);
    const context = this.canvas.getContext("2d");
    if (context === null) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.font = "11px ui-monospace, monospace";
    this.hitAreas = [];
    // Places no arena occupies any more are wiped.
    for (let i = shown.length; i < this.onCanvas.arenas.length; i++) {
      const x = (i % perRow) * (arenaWidth + ARENA_GAP);
      const y = Math.floor(i / perRow) * (arenaHeight + ARENA_GAP);
      context.clearRect(x - 2, y, arenaWidth + 4, arenaHeight + 2);
    }
    this.onCanvas.arenas.length = Math.min(this.onCanvas.arenas.length, shown.length);
    shown.forEach(({ arena, state }, i) => {
      const x = (i % perRow) * (arenaWidth + ARENA_GAP);
      const y = Math.floor(i / perRow) * (arenaHeight + ARENA_GAP);
      this.drawArena(context, i, arena, state, x, y, arenaWidth, arenaHeight);
    });

    const usedPools = summary.arenas.reduce(
      (sum, arena) => sum + arena.pools.filter((pool) => pool.used > 0).length,
      0,
    );
    const hidden = drawn.length - shown.length;
    this.caption.textContent =
      `${summary.profile}: ${summary.arenas.length} arena${summary.arenas.length === 1 ? "" : "s"} of ` +
      `${summary.arenaSize / 1024} KiB, ${usedPools} pools in use of ${summary.poolSize / 1024} KiB, ` +
      `${summary.blocksInUse.toLocaleString("en-US")} blocks in use; ${summary.rawBlocks} large blocks ` +
      `(${summary.rawBytes.toLocaleString("en-US")} bytes) from the raw allocator; arenas allocated ` +
      `${summary.arenasAllocatedTotal}, released ${summary.arenasReclaimed}` +
      (released.length > 0 ? ` (${released.length} just now)` : "") +
      (hidden > 0 ? `; ${hidden} more arenas not drawn` : "") +
      ".";
    this.canvas.setAttribute("aria-label", this.caption.textContent);
    this.renderLegend(summary);
  }

  /** Draws `arena` at place `slot` (at `x`, `y`): whole when its place showed something else, else the pools that changed. */
  private drawArena(
    context: CanvasRenderingContext2D,
    slot: number,
    arena: ArenaCell,
    state: "new" | "kept" | "released",
    x: number,
    y: number,
    width: number,
    height: number,
  ): void {
    const label =
      state === "released"
        ? `arena ${arena.index} released`
        : `arena ${arena.index} ${hexAddress(arena.address)} · ${arena.freePools} free pools`;
    const before = this.onCanvas.arenas[slot];
    const whole = before === undefined || before.state !== state || state !== "kept";
    if (whole) context.clearRect(x - 2, y, width + 4, height + 2);
    else if (before.label !== label) context.clearRect(x, y, width, ARENA_LABEL_PIXELS);
    const drawnPools = whole ? [] : before.pools;
    this.onCanvas.arenas[slot] = { label, state, pools: drawnPools };
    if (whole || before.label !== label) {
      context.fillStyle = state === "released" ? "#b3261e" : "#333";
      context.fillText(label, x, y + 11);
    }
    if (state === "released") {
      context.save();
      context.setLineDash([5, 4]);
      context.strokeStyle = "#b3261e";
      context.strokeRect(
        x + 0.5,
        y + ARENA_LABEL_PIXELS + 0.5,
        width - 1,
        height - ARENA_LABEL_PIXELS - 1,
      );
      context.restore();
      return;
    }
    if (state === "new") {
      context.save();
      context.strokeStyle = "#1b7f3b";
      context.lineWidth = 2;
      context.strokeRect(
        x - 1,
        y + ARENA_LABEL_PIXELS - 1,
        width + 2,
        height - ARENA_LABEL_PIXELS + 2,
      );
      context.restore();
    }
    arena.pools.forEach((pool, index) => {
      const px = x + (index % POOLS_PER_ROW) * (POOL_PIXELS + POOL_GAP);
      const py =
        y + ARENA_LABEL_PIXELS + Math.floor(index / POOLS_PER_ROW) * (POOL_PIXELS + POOL_GAP);
      const old = drawnPools[index];
      if (old === undefined || !samePool(old, pool)) {
        context.clearRect(px, py, POOL_PIXELS, POOL_PIXELS);
        drawPool(context, pool, px, py);
        drawnPools[index] = pool;
      }
      this.hitAreas.push({ x: px, y: py, arena, pool });
    });
  }

  private renderLegend(summary: PoolMapSummary): void {
    const classes = new Map<number, { size: number; used: number; pools: number }>();
    for (const arena of summary.arenas)
      for (const pool of arena.pools) {
        if (pool.sizeIndex < 0) continue;
        const entry = classes.get(pool.sizeIndex) ?? { size: pool.blockSize, used: 0, pools: 0 };
        entry.used += pool.used;
        entry.pools += 1;
        classes.set(pool.sizeIndex, entry);
      }
    const items = [...classes.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, entry]) =>
        element(
          "span",
          {
            class: "legend-item",
            title: `size class ${index}: ${entry.pools} pools, ${entry.used} blocks in use`,
          },
          element("span", {
            class: "swatch",
            style: `background:${sizeClassColour(index, BlockState.USED)}`,
          }),
          `${entry.size} B ×${entry.used}`,
        ),
      );
    this.legend.replaceChildren(
      ...items,
      element(
        "span",
        { class: "legend-item" },
        element("span", { class: "swatch empty" }),
        "empty pool",
      ),
      element(
        "span",
        { class: "legend-item" },
        element("span", { class: "swatch virgin" }),
        "not carved yet",
      ),
    );
  }
}

/** The hover text of a pool. */
function describePool(arena: ArenaCell, pool: PoolCell): string {
  const where = `pool ${hexAddress(pool.address)} in arena ${arena.index}`;
  if (pool.sizeIndex < 0)
    return `${where}: ${pool.carvedPool ? "empty (on the arena's free pool list)" : "never carved"}`;
  return (
    `${where}: size class ${pool.sizeIndex} (${pool.blockSize}-byte blocks), ` +
    `${pool.used} of ${pool.capacity} blocks in use, ${pool.carved - pool.used} free, ${pool.capacity - pool.carved} not carved yet`
  );
}

/**
 * Whether `a` draws exactly as `b`: the same object (a pool map shares unchanged pools), or the
 * same counts with no free block scattered among the used ones.
 */
function samePool(a: PoolCell, b: PoolCell): boolean {
  if (a === b) return true;
  return (
    a.blocks === undefined &&
    b.blocks === undefined &&
    a.address === b.address &&
    a.sizeIndex === b.sizeIndex &&
    a.carvedPool === b.carvedPool &&
    a.used === b.used &&
    a.carved === b.carved &&
    a.capacity === b.capacity
  );
}

/** Draws one pool: its blocks in a square grid, row by row in address order. */
function drawPool(context: CanvasRenderingContext2D, pool: PoolCell, x: number, y: number): void {
  if (pool.sizeIndex < 0) {
    context.fillStyle = pool.carvedPool ? "#d9d9d6" : "#fbfbf8";
    context.fillRect(x, y, POOL_PIXELS, POOL_PIXELS);
    if (!pool.carvedPool) {
      context.strokeStyle = "#e2e2de";
      context.strokeRect(x + 0.5, y + 0.5, POOL_PIXELS - 1, POOL_PIXELS - 1);
    }
    return;
  }
  const columns = Math.ceil(Math.sqrt(pool.capacity));
  const cell = POOL_PIXELS / columns;
  context.fillStyle = sizeClassColour(pool.sizeIndex, BlockState.UNCARVED);
  context.fillRect(x, y, POOL_PIXELS, POOL_PIXELS);
  const colours = [
    sizeClassColour(pool.sizeIndex, BlockState.UNCARVED),
    sizeClassColour(pool.sizeIndex, BlockState.FREE),
    sizeClassColour(pool.sizeIndex, BlockState.USED),
  ];
  const blocks = pool.blocks;
  const stateOf = (block: number): number =>
    blocks !== undefined
      ? blocks[block]!
      : block < pool.used
        ? BlockState.USED
        : block < pool.carved
          ? BlockState.FREE
          : BlockState.UNCARVED;
  // One rectangle per run of equal blocks within a row: a few calls per row instead of one per
  // block (a pool of 8-byte blocks has 508 of them, an arena 64 pools).
  for (let rowStart = 0; rowStart < pool.carved; rowStart += columns) {
    const rowEnd = Math.min(rowStart + columns, pool.carved);
    let runStart = rowStart;
    let runState = stateOf(rowStart);
    for (let block = rowStart + 1; block <= rowEnd; block++) {
      const state = block < rowEnd ? stateOf(block) : -1;
      if (state === runState) continue;
      context.fillStyle = colours[runState]!;
      // Snapped to whole pixels so neighbouring runs and rows meet without hairline seams.
      const row = rowStart / columns;
      const left = Math.round(x + (runStart - rowStart) * cell);
      const top = Math.round(y + row * cell);
      context.fillRect(
        left,
        top,
        Math.round(x + (block - rowStart) * cell) - left,
        Math.round(y + (row + 1) * cell) - top,
      );
      runStart = block;
      runState = state;
    }
  }
}
