import { formatSignedCount, formatSize } from "./trace-format.js";
import type { Traceback } from "./trace-traceback.js";

/**
 * How {@link TraceSnapshot.statistics} groups traces:
 * - `"tag"`: by the caller-supplied tag (see {@link TracingAllocator.setTag});
 * - `"lineno"`: by the most recent captured frame (file and line);
 * - `"filename"`: by the most recent frame's file (line shown as 0);
 * - `"traceback"`: by the whole captured traceback.
 *
 * Without captured stacks every trace has the traceback `<unknown>:0`, as in tracemalloc.
 *
 * @example
 * ```ts
 * const top = snapshot.statistics("lineno").slice(0, 10);
 * ```
 */
export type StatisticKeyType = "tag" | "lineno" | "filename" | "traceback";

/**
 * The label of untagged traces in `"tag"` statistics.
 *
 * @example
 * ```ts
 * import { UNTAGGED_LABEL } from "@pymem/pool";
 * const untagged = snapshot.statistics("tag").find((stat) => stat.label === UNTAGGED_LABEL);
 * ```
 */
export const UNTAGGED_LABEL = "<untagged>";

/**
 * The group a {@link Statistic} sums up: a tag, or a traceback.
 *
 * @example
 * ```ts
 * const label = key.traceback !== undefined ? String(key.traceback) : (key.tag ?? "<untagged>");
 * ```
 */
export interface StatisticKey {
  /** The tag, for `"tag"` statistics (`undefined` for untagged traces and for traceback keys). */
  readonly tag: string | undefined;
  /** The traceback, for `"lineno"`, `"filename"` and `"traceback"` statistics. */
  readonly traceback: Traceback | undefined;
}

/**
 * Orders keys like tracemalloc's sort keys do: tracebacks as frame tuples, tags as strings.
 * @internal
 */
export function compareStatisticKeys(a: StatisticKey, b: StatisticKey): number {
  if (a.traceback !== undefined && b.traceback !== undefined)
    return a.traceback.compare(b.traceback);
  const left = a.tag ?? "";
  const right = b.tag ?? "";
  return left === right ? 0 : left < right ? -1 : 1;
}

function labelOf(key: StatisticKey): string {
  return key.traceback !== undefined ? String(key.traceback) : (key.tag ?? UNTAGGED_LABEL);
}

function averageSuffix(size: number, count: number): string {
  return count !== 0 ? `, average=${formatSize(size / count, false)}` : "";
}

/**
 * Bytes and blocks allocated from one group (tag or traceback), as tracemalloc's `Statistic`.
 *
 * @example
 * ```ts
 * for (const stat of snapshot.statistics("lineno").slice(0, 3)) console.log(String(stat));
 * // /app/parser.ts:42: size=162 KiB, count=2001, average=83 B
 * ```
 */
export class Statistic implements StatisticKey {
  readonly tag: string | undefined;
  readonly traceback: Traceback | undefined;
  /** Total bytes requested by the group's live blocks. */
  size: number;
  /** Number of the group's live blocks. */
  count: number;

  constructor(key: StatisticKey, size: number, count: number) {
    this.tag = key.tag;
    this.traceback = key.traceback;
    this.size = size;
    this.count = count;
  }

  /** The group's label: `file:line` of the traceback, or the tag. */
  get label(): string {
    return labelOf(this);
  }

  /**
   * tracemalloc's line: `"file:line: size=162 KiB, count=2001, average=83 B"`.
   *
   * @example
   * ```ts
   * console.log(`${stat}`);
   * ```
   */
  toString(): string {
    return `${this.label}: size=${formatSize(this.size, false)}, count=${this.count}${averageSuffix(this.size, this.count)}`;
  }
}

/**
 * How one group changed between two snapshots, as tracemalloc's `StatisticDiff`.
 *
 * @example
 * ```ts
 * const [worst] = after.compareTo(before, "tag");
 * console.log(String(worst)); // parser: size=162 KiB (+162 KiB), count=2001 (+2001), average=83 B
 * ```
 */
export class StatisticDiff implements StatisticKey {
  readonly tag: string | undefined;
  readonly traceback: Traceback | undefined;
  /** Bytes of the group in the new snapshot. */
  readonly size: number;
  /** New size minus old size. */
  readonly sizeDiff: number;
  /** Blocks of the group in the new snapshot. */
  readonly count: number;
  /** New count minus old count. */
  readonly countDiff: number;

  constructor(key: StatisticKey, size: number, sizeDiff: number, count: number, countDiff: number) {
    this.tag = key.tag;
    this.traceback = key.traceback;
    this.size = size;
    this.sizeDiff = sizeDiff;
    this.count = count;
    this.countDiff = countDiff;
  }

  /** The group's label: `file:line` of the traceback, or the tag. */
  get label(): string {
    return labelOf(this);
  }

  /**
   * tracemalloc's line: `"label: size=… (+…), count=… (+…), average=…"`.
   *
   * @example
   * ```ts
   * console.log(diffs.slice(0, 10).join("\n"));
   * ```
   */
  toString(): string {
    return (
      `${this.label}: size=${formatSize(this.size, false)} (${formatSize(this.sizeDiff, true)}), ` +
      `count=${this.count} (${formatSignedCount(this.countDiff)})${averageSuffix(this.size, this.count)}`
    );
  }
}

/**
 * Sorts statistics like `statistics.sort(reverse=True, key=Statistic._sort_key)`: size, then
 * count, then key, all descending.
 * @internal
 */
export function sortStatistics(statistics: Statistic[]): Statistic[] {
  return statistics.sort(
    (a, b) => b.size - a.size || b.count - a.count || compareStatisticKeys(b, a),
  );
}

/**
 * Sorts diffs like `StatisticDiff._sort_key` with `reverse=True`: |size diff|, size, |count
 * diff|, count, key, all descending.
 * @internal
 */
export function sortStatisticDiffs(diffs: StatisticDiff[]): StatisticDiff[] {
  return diffs.sort(
    (a, b) =>
      Math.abs(b.sizeDiff) - Math.abs(a.sizeDiff) ||
      b.size - a.size ||
      Math.abs(b.countDiff) - Math.abs(a.countDiff) ||
      b.count - a.count ||
      compareStatisticKeys(b, a),
  );
}
