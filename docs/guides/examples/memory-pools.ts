import { PoolAllocator } from "@pymem/pool";

export function memoryPools(log: (line: string) => void = console.log) {
  const pool = new PoolAllocator({ profile: "cpython64" }); // 16-byte classes, 16 KiB pools, 1 MiB arenas
  const { arenaSize, poolSize, alignment, sizeClassCount } = pool.profile;
  log(
    `arena ${arenaSize / 1024} KiB, pool ${poolSize / 1024} KiB, ${sizeClassCount} size classes of ${alignment} bytes`,
  );

  // Size classes: a request is rounded up to a multiple of 16; each class has pools of its own.
  const a = pool.malloc(20); // class 1 (32-byte blocks)
  const b = pool.malloc(24); // class 1 too: the next block of the same pool
  const c = pool.malloc(100); // class 6 (112-byte blocks): another pool
  log(`usableSize(20) = ${pool.usableSize(a)}, usableSize(100) = ${pool.usableSize(c)}`);
  log(
    `a and b share a pool: ${(a & -poolSize) === (b & -poolSize)}, c does not: ${(a & -poolSize) !== (c & -poolSize)}`,
  );
  log(`b follows a: ${b - a} bytes later`);

  // Free blocks form a LIFO list: the block freed last is handed out first.
  pool.free(a);
  const d = pool.malloc(17);
  log(`malloc(17) after free(a) returns a again: ${d === a}`);

  // usedpools: each size class's list of partly used pools, found by index in O(1).
  const snapshot = pool.snapshot();
  log(
    `usedpools[1] = ${snapshot.usedPools[1]!.length} pool, usedpools[6] = ${snapshot.usedPools[6]!.length} pool`,
  );

  // Arenas come and go: 200,000 blocks need several 1 MiB arenas; freeing them all releases
  // every arena but one (kept to avoid thrashing, CPython bpo-37257).
  const blocks = new Uint32Array(200_000);
  for (let i = 0; i < blocks.length; i++) blocks[i] = pool.malloc(16 + (i % 8) * 16);
  log(`arenas in use: ${pool.stats().arenasAllocatedCurrent}`);
  for (const block of blocks) pool.free(block);
  for (const block of [b, c, d]) pool.free(block);
  const stats = pool.stats();
  log(`after freeing: ${stats.arenasAllocatedCurrent} arena, ${stats.arenasReclaimed} reclaimed`);

  // sys._debugmallocstats(), line for line.
  const report = pool.debugMallocStats().split("\n");
  log(report.find((line) => line.startsWith("# arenas allocated total"))!);
  pool.verify();
  return pool;
}
