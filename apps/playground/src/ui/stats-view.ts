import { element } from "./dom.js";
import { TERM_HELP } from "./term-help.js";

/**
 * `sys._debugmallocstats()` of the current step, as CPython 3.13 prints it, with `gc.get_count()`
 * above it.
 *
 * @example
 * ```ts
 * const view = new StatsView(host);
 * view.render(formatMallocStats(snapshot), snapshot.gcCounts);
 * ```
 */
export class StatsView {
  private readonly counts: HTMLParagraphElement;
  private readonly pre: HTMLPreElement;

  constructor(host: HTMLElement) {
    this.counts = element("p", { class: "caption", id: "gc-counts", title: TERM_HELP.getCount });
    this.pre = element("pre", { id: "malloc-stats", class: "stats", title: TERM_HELP.mallocStats });
    host.append(this.counts, this.pre);
  }

  /** Clears the view. */
  clear(): void {
    this.counts.textContent = "";
    this.pre.textContent = "";
  }

  /** Shows one snapshot's statistics. */
  render(mallocStats: string, gcCounts: readonly number[]): void {
    this.counts.textContent =
      gcCounts.length > 0 ? `gc.get_count() = (${gcCounts.join(", ")})` : "no managed collector";
    this.pre.textContent = mallocStats;
  }
}
