import type { Ptr } from "@pymem/core";
import {
  Statistic,
  StatisticDiff,
  type StatisticKey,
  type StatisticKeyType,
  sortStatisticDiffs,
  sortStatistics,
} from "./trace-statistic.js";
import { Traceback } from "./trace-traceback.js";

/**
 * One traced live block, as tracemalloc's `Trace`.
 *
 * @example
 * ```ts
 * for (const trace of snapshot.traces) console.log(trace.address, trace.size, trace.tag);
 * ```
 */
export interface Trace {
  /** The block's address. */
  readonly address: Ptr;
  /** Bytes requested for it (by the last malloc/calloc/realloc). */
  readonly size: number;
  /** The tag in force when it was (re)allocated, if any. */
  readonly tag: string | undefined;
  /** Where it was (re)allocated; `<unknown>:0` when stacks are not captured. */
  readonly traceback: Traceback;
}

/**
 * The interned tags and tracebacks a tracer's traces point into. Append-only, so snapshots can
 * share them with the live tracer.
 * @internal
 */
export interface TraceTables {
  /** Tag by id; id 0 is "no tag". */
  readonly tags: readonly (string | undefined)[];
  /** Traceback by id; id 0 is the `<unknown>:0` traceback. */
  readonly tracebacks: readonly Traceback[];
}

/**
 * The columns of a snapshot: one entry per traced block.
 * @internal
 */
export interface TraceColumns {
  readonly addresses: Uint32Array;
  readonly sizes: Float64Array;
  readonly tagIds: Uint32Array;
  readonly tracebackIds: Uint32Array;
}

/** One group while grouping: its key, and the identity string that equal keys share. */
interface GroupKey {
  readonly id: string;
  readonly key: StatisticKey;
}

/**
 * An immutable copy of the traces of all live blocks at one moment, as tracemalloc's `Snapshot`:
 * group them with {@link statistics}, diff two with {@link compareTo}.
 *
 * @example
 * ```ts
 * import { PoolAllocator, TracingAllocator } from "@pymem/pool";
 * const tracer = new TracingAllocator(new PoolAllocator(), { captureStacks: 1 });
 * tracer.start();
 * const before = tracer.takeSnapshot();
 * for (let i = 0; i < 1000; i++) tracer.malloc(100);
 * for (const diff of tracer.takeSnapshot().compareTo(before, "lineno").slice(0, 3)) console.log(`${diff}`);
 * ```
 */
export class TraceSnapshot {
  /** The most frames kept per traceback when the snapshot was taken (0: stacks not captured). */
  readonly tracebackLimit: number;
  private readonly columns: TraceColumns;
  private readonly tables: TraceTables;

  /** @internal Snapshots are made by {@link TracingAllocator.takeSnapshot}. */
  constructor(columns: TraceColumns, tables: TraceTables, tracebackLimit: number) {
    this.columns = columns;
    this.tables = tables;
    this.tracebackLimit = tracebackLimit;
  }

  /** Number of traced blocks. */
  get length(): number {
    return this.columns.addresses.length;
  }

  /** Bytes requested by all traced blocks. */
  get totalSize(): number {
    let total = 0;
    for (const size of this.columns.sizes) total += size;
    return total;
  }

  /**
   * The traces, one object per block (built on each read: keep the array if you iterate twice).
   *
   * @example
   * ```ts
   * const big = snapshot.traces.filter((trace) => trace.size > 4096);
   * ```
   */
  get traces(): Trace[] {
    const { addresses, sizes, tagIds, tracebackIds } = this.columns;
    const traces: Trace[] = [];
    for (let i = 0; i < addresses.length; i++) {
      traces.push({
        address: addresses[i]!,
        size: sizes[i]!,
        tag: this.tables.tags[tagIds[i]!],
        traceback: this.tables.tracebacks[tracebackIds[i]!]!,
      });
    }
    return traces;
  }

  /**
   * A new snapshot with only the traces `keep` accepts (tracemalloc's `filter_traces`, with a
   * predicate in place of `Filter` objects).
   *
   * @example
   * ```ts
   * const mine = snapshot.filterTraces((trace) => trace.traceback.frames.some((f) => f.filename.endsWith("parser.ts")));
   * ```
   */
  filterTraces(keep: (trace: Trace) => boolean): TraceSnapshot {
    const traces = this.traces;
    const kept: number[] = [];
    for (let i = 0; i < traces.length; i++) if (keep(traces[i]!)) kept.push(i);
    const { addresses, sizes, tagIds, tracebackIds } = this.columns;
    const columns: TraceColumns = {
      addresses: Uint32Array.from(kept, (i) => addresses[i]!),
      sizes: Float64Array.from(kept, (i) => sizes[i]!),
      tagIds: Uint32Array.from(kept, (i) => tagIds[i]!),
      tracebackIds: Uint32Array.from(kept, (i) => tracebackIds[i]!),
    };
    return new TraceSnapshot(columns, this.tables, this.tracebackLimit);
  }

  /**
   * Bytes and blocks per group, biggest first (size, then count, then key, descending), as
   * tracemalloc's `Snapshot.statistics`. With `cumulative` (for `"lineno"` and `"filename"` only),
   * every frame of a traceback counts the block, not just the most recent one.
   *
   * @example
   * ```ts
   * for (const stat of snapshot.statistics("tag")) console.log(`${stat}`);
   * // parser: size=162 KiB, count=2001, average=83 B
   * ```
   */
  statistics(keyType: StatisticKeyType, cumulative = false): Statistic[] {
    return sortStatistics([...this.groupBy(keyType, cumulative).values()]);
  }

  /**
   * How each group changed since `old`, biggest change first, as tracemalloc's
   * `Snapshot.compare_to`: groups only in `old` appear with size and count 0.
   *
   * @example
   * ```ts
   * const diffs = after.compareTo(before, "lineno");
   * console.log(diffs.slice(0, 10).join("\n"));
   * ```
   */
  compareTo(old: TraceSnapshot, keyType: StatisticKeyType, cumulative = false): StatisticDiff[] {
    // CPython: Lib/tracemalloc.py _compare_grouped_stats()
    const newGroups = this.groupBy(keyType, cumulative);
    const oldGroups = old.groupBy(keyType, cumulative);
    const diffs: StatisticDiff[] = [];
    for (const [id, stat] of newGroups) {
      const previous = oldGroups.get(id);
      if (previous !== undefined) {
        oldGroups.delete(id);
        diffs.push(
          new StatisticDiff(
            stat,
            stat.size,
            stat.size - previous.size,
            stat.count,
            stat.count - previous.count,
          ),
        );
      } else {
        diffs.push(new StatisticDiff(stat, stat.size, stat.size, stat.count, stat.count));
      }
    }
    for (const stat of oldGroups.values())
      diffs.push(new StatisticDiff(stat, 0, -stat.size, 0, -stat.count));
    return sortStatisticDiffs(diffs);
  }

  /** CPython: Lib/tracemalloc.py Snapshot._group_by() */
  private groupBy(keyType: StatisticKeyType, cumulative: boolean): Map<string, Statistic> {
    if (
      keyType !== "tag" &&
      keyType !== "lineno" &&
      keyType !== "filename" &&
      keyType !== "traceback"
    ) {
      throw new RangeError(`unknown key type: ${String(keyType)}`);
    }
    if (cumulative && keyType !== "lineno" && keyType !== "filename") {
      throw new RangeError(`cumulative mode cannot be used with key type '${keyType}'`);
    }
    const { sizes, tagIds, tracebackIds } = this.columns;
    const groups = new Map<string, Statistic>();
    // Derived keys are cached per interned tag or traceback id: most traces share a few.
    const keysById = new Map<number, GroupKey[]>();
    for (let i = 0; i < sizes.length; i++) {
      const id = keyType === "tag" ? tagIds[i]! : tracebackIds[i]!;
      let keys = keysById.get(id);
      if (keys === undefined) {
        keys = this.deriveKeys(keyType, cumulative, id);
        keysById.set(id, keys);
      }
      for (const { id: groupId, key } of keys) {
        const stat = groups.get(groupId);
        if (stat !== undefined) {
          stat.size += sizes[i]!;
          stat.count += 1;
        } else {
          groups.set(groupId, new Statistic(key, sizes[i]!, 1));
        }
      }
    }
    return groups;
  }

  /** The group key(s) a tag or traceback id falls in; several in cumulative mode. */
  private deriveKeys(keyType: StatisticKeyType, cumulative: boolean, id: number): GroupKey[] {
    if (keyType === "tag") {
      const tag = this.tables.tags[id];
      return [{ id: tag === undefined ? "\u0000" : `t${tag}`, key: { tag, traceback: undefined } }];
    }
    const traceback = this.tables.tracebacks[id]!;
    if (keyType === "traceback") return [{ id: traceback.key, key: { tag: undefined, traceback } }];
    // tracemalloc's frames run most recent first: "lineno" keeps frame [0], the allocating line.
    const mostRecentFirst = [...traceback.frames].reverse();
    const frames = cumulative ? mostRecentFirst : mostRecentFirst.slice(0, 1);
    return frames.map((frame) => {
      const derived = new Traceback([
        keyType === "lineno" ? frame : { filename: frame.filename, lineno: 0 },
      ]);
      return { id: derived.key, key: { tag: undefined, traceback: derived } };
    });
  }
}
