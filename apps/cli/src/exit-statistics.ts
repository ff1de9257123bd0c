import type { Runtime } from "@pymem/runtime";

/**
 * `pymem run --stats`: the allocator's statistics (`sys._debugmallocstats()`'s text) and the
 * cycle collector's per-generation counters (`gc.get_stats()`), as printed at exit.
 *
 * @example
 * ```ts
 * io.stderr(formatExitStatistics(interpreter.runtime, "generational"));
 * ```
 */
export function formatExitStatistics(runtime: Runtime, collectorName: string): string {
  const lines = [
    "",
    "=== pymem statistics at exit ===",
    "",
    "--- allocator (sys._debugmallocstats) ---",
  ];
  lines.push(runtime.debugMallocStats().trimEnd());
  lines.push("", `--- garbage collector (${collectorName}) ---`);
  const gc = runtime.gc;
  if (gc === undefined) {
    lines.push("no cycle collector: objects in reference cycles are never freed");
  } else {
    const stats = gc.getStats();
    const width = String(stats.length - 1).length;
    stats.forEach((entry, generation) => {
      lines.push(
        `generation ${String(generation).padStart(width)}: ${entry.collections} collections, ` +
          `${entry.collected} collected, ${entry.uncollectable} uncollectable`,
      );
    });
    lines.push(
      `enabled: ${gc.isEnabled() ? "yes" : "no"}, thresholds: ${gc.getThreshold().join(", ")}`,
    );
    lines.push(`counts now: ${gc.getCount().join(", ")}`);
  }
  const pool = runtime.pool.stats();
  lines.push(
    "",
    `blocks in use: ${pool.blocksInUse}, bytes in use: ${pool.bytesInUse}, linear memory: ${pool.memoryBytes} bytes`,
  );
  return `${lines.join("\n")}\n`;
}
