import type { PoolStats } from "./api.js";
import { SMALL_REQUEST_THRESHOLD } from "./profile.js";

/** Column where `printone` puts the `=`: the message is padded to this width. */
const PRINTONE_LABEL_WIDTH = 35;
/** Width of the right-aligned, comma-grouped value after the `=`. */
const PRINTONE_VALUE_WIDTH = 21;

/**
 * One line the way CPython's `printone()` writes it: the message padded to column 35, `=`, then
 * the value right-aligned in 21 characters with `,` thousands separators, then a newline.
 *
 * @example
 * ```ts
 * import { printOne } from "@pymem/pool";
 * printOne("# arenas allocated total", 4);
 * // "# arenas allocated total           =                    4\n"
 * ```
 */
export function printOne(message: string, value: number): string {
  const digits = Math.trunc(value).toString();
  let grouped = "";
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = grouped === "" ? digits.slice(start, end) : `${digits.slice(start, end)},${grouped}`;
  }
  return `${message.padEnd(PRINTONE_LABEL_WIDTH)}=${grouped.padStart(PRINTONE_VALUE_WIDTH)}\n`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width);
}

/**
 * Formats {@link PoolStats} in the exact layout of the pymalloc part of CPython's
 * `sys._debugmallocstats()` (`_PyObject_DebugMallocStats`).
 *
 * @remarks
 * The arena-map section describes our structure honestly: the pool→arena map is one flat table
 * (CPython's layout without interior radix-tree nodes, as on 32-bit builds), so it prints only the
 * "root" line — the bytes of that table.
 *
 * @example
 * ```ts
 * import { formatDebugMallocStats } from "@pymem/pool";
 * console.log(formatDebugMallocStats(pool.stats()));
 * ```
 */
export function formatDebugMallocStats(stats: PoolStats): string {
  let out = `Small block threshold = ${SMALL_REQUEST_THRESHOLD}, in ${stats.sizeClasses.length} size classes.\n`;
  out += "\n";
  out += "class   size   num pools   blocks in use  avail blocks\n";
  out += "-----   ----   ---------   -------------  ------------\n";
  for (const row of stats.sizeClasses) {
    if (row.pools === 0) continue;
    // "%5u %6u %11zu %15zu %13zu\n"
    out += `${pad(row.index, 5)} ${pad(row.size, 6)} ${pad(row.pools, 11)} ${pad(row.blocksInUse, 15)} ${pad(row.blocksAvailable, 13)}\n`;
  }
  out += "\n";
  out += printOne("# arenas allocated total", stats.arenasAllocatedTotal);
  out += printOne("# arenas reclaimed", stats.arenasReclaimed);
  out += printOne("# arenas highwater mark", stats.arenasHighwater);
  out += printOne("# arenas allocated current", stats.arenasAllocatedCurrent);
  out += printOne(
    `${stats.arenasAllocatedCurrent} arenas * ${stats.arenaSize} bytes/arena`,
    stats.arenasAllocatedCurrent * stats.arenaSize,
  );
  out += "\n";
  let total = 0;
  const line = (message: string, value: number): void => {
    out += printOne(message, value);
    total += value;
  };
  line("# bytes in allocated blocks", stats.bytesInAllocatedBlocks);
  line("# bytes in available blocks", stats.bytesInAvailableBlocks);
  line(`${stats.unusedPools} unused pools * ${stats.poolSize} bytes`, stats.unusedPoolBytes);
  line("# bytes lost to pool headers", stats.bytesLostToPoolHeaders);
  line("# bytes lost to quantization", stats.bytesLostToQuantization);
  line("# bytes lost to arena alignment", stats.bytesLostToArenaAlignment);
  out += printOne("Total", total);
  out += "\narena map counts\n";
  out += printOne("# bytes lost to arena map root", stats.arenaMapBytes);
  return out;
}
