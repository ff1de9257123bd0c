import { formatAddress } from "@pymem/core";
import { PoolAllocator, type PoolProfileName, type PoolStats } from "@pymem/pool";
import { createXorshift32 } from "./xorshift.js";

/** Options of {@link runPoolDemo}. */
export interface PoolDemoOptions {
  /** Size-profile of the allocator. */
  profile: PoolProfileName;
  /** How many small blocks the first phase allocates. */
  blocks: number;
  /** PRNG seed for block sizes and the order of frees. */
  seed: number;
  /** Where lines go. */
  write: (line: string) => void;
}

// Small-object sizes of a typical Python program, in bytes: most objects are 16–64 bytes
// (ints, floats, short strs, small tuples and lists), fewer are larger (dicts, long strs).
const SIZE_BANDS: readonly (readonly [weight: number, low: number, high: number])[] = [
  [60, 16, 64],
  [25, 65, 160],
  [12, 161, 400],
  [3, 401, 512],
];
const LARGE_BLOCK_COUNT = 40;

function pickSize(next: () => number): number {
  let roll = next() % 100;
  for (const [weight, low, high] of SIZE_BANDS) {
    if (roll < weight) return low + (next() % (high - low + 1));
    roll -= weight;
  }
  return 16;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MiB`;
  if (bytes >= 1 << 10) return `${(bytes / (1 << 10)).toFixed(1)} KiB`;
  return `${bytes} B`;
}

function usedPools(stats: PoolStats): number {
  return stats.sizeClasses.reduce((sum, sizeClass) => sum + sizeClass.pools, 0);
}

/**
 * The CLI's main demo: a mixed workload through `@pymem/pool`, narrated phase by phase, ending with
 * the `sys._debugmallocstats()`-style report. Returns the final statistics.
 */
export function runPoolDemo(options: PoolDemoOptions): PoolStats {
  const { write } = options;
  const next = createXorshift32(options.seed);
  const allocator = new PoolAllocator({ profile: options.profile, maximumBytes: 1 << 30 });
  const header = (title: string) => write(`\n${title}`);
  const row = (label: string) => {
    const stats = allocator.stats();
    write(
      `  ${label.padEnd(34)} arenas ${String(stats.arenasAllocatedCurrent).padStart(4)}` +
        `  pools ${String(usedPools(stats)).padStart(5)}` +
        `  blocks ${String(stats.blocksInUse).padStart(7)}` +
        `  in use ${formatBytes(stats.bytesInUse).padStart(9)}` +
        `  memory ${formatBytes(stats.memoryBytes).padStart(9)}`,
    );
    return stats;
  };

  const first = allocator.stats();
  write(
    `pymem demo: CPython's pymalloc over a ${allocator.memory.backing === "wasm" ? "WebAssembly.Memory" : "resizable ArrayBuffer"}` +
      ` (profile ${options.profile}: ${first.poolSize / 1024} KiB pools, ${first.arenaSize / 1024} KiB arenas,` +
      ` ${first.sizeClasses.length} size classes)`,
  );
  row("empty allocator");

  header(
    `1. Allocate ${options.blocks.toLocaleString("en-US")} small blocks (16–512 bytes) and ${LARGE_BLOCK_COUNT} large ones`,
  );
  const small = new Uint32Array(options.blocks);
  for (let i = 0; i < small.length; i++) {
    const size = pickSize(next);
    const block = allocator.malloc(size);
    allocator.memory.u8[block] = i & 0xff;
    small[i] = block;
  }
  const large: number[] = [];
  for (let i = 0; i < LARGE_BLOCK_COUNT; i++)
    large.push(allocator.malloc(4096 + (next() % 60_000)));
  const afterAllocation = row("after allocation");
  write(
    `  Small requests were carved from pools, one size class per pool; the ${afterAllocation.rawBlocks}` +
      ` large ones (> 512 bytes) came from the raw allocator.`,
  );
  write(
    `  First small block at ${formatAddress(small[0]!)}, first large block at ${formatAddress(large[0]!)}.`,
  );

  header("2. Free every other small block, and the large ones");
  for (let i = 0; i < small.length; i += 2) allocator.free(small[i]!);
  for (const block of large) allocator.free(block);
  const afterHalf = row("after freeing half");
  write(
    `  Half the blocks are free, yet ${afterHalf.arenasAllocatedCurrent} arenas stay: an arena is returned only` +
      " when every pool in it is empty (CPython's fragmentation trade-off).",
  );
  write("\n  The same state as sys._debugmallocstats() prints it:\n");
  for (const line of allocator.debugMallocStats().trimEnd().split("\n")) write(`    ${line}`);

  header("3. Allocate as many again: freed blocks are reused first");
  const memoryBefore = afterHalf.memoryBytes;
  for (let i = 0; i < small.length; i += 2) small[i] = allocator.malloc(pickSize(next));
  const afterReuse = row("after reallocating");
  write(
    `  Memory ${afterReuse.memoryBytes === memoryBefore ? "did not grow" : `grew by ${formatBytes(afterReuse.memoryBytes - memoryBefore)}`}:` +
      " each size class pops its pools' LIFO free lists before carving new blocks.",
  );

  header("4. Free everything, in random order");
  for (let i = small.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    const swap = small[i]!;
    small[i] = small[j]!;
    small[j] = swap;
  }
  for (const block of small) allocator.free(block);
  const afterAll = row("after freeing everything");
  write(
    `  ${afterAll.arenasReclaimed} arenas were released to the raw allocator; ${afterAll.arenasAllocatedCurrent}` +
      " is kept, as CPython keeps its last empty arena to avoid thrashing (bpo-37257).",
  );
  allocator.verify();
  write("  verify(): every arena, pool and free list is consistent.");
  return afterAll;
}
