/**
 * What the release-mode pointer checks of `incref`/`decref` cost (issue 14: under 3%): the same
 * workloads with the `Refcounter` from source and from a copy of the source with the two checks
 * removed, in separate processes, interleaved A/B/A/B… for `rounds` rounds. Each child reports CPU
 * ns per operation (`process.cpuUsage`); the parent prints the medians, their ratio and the load.
 *
 * Workloads: `incref+decref` (a pair on a live list, 10M times: the checks' worst case, nothing
 * else to amortise them), `list chain` (build a 300,000-long chain of lists, one decref per node,
 * then free it by one decref: the cascade itself has no check).
 *
 * Variants (each a copy of the source with the check replaced): `no checks`, and
 * `divisibility` — the interior test as exact divisibility of the object's offset in its pool
 * by its pool's block size (a multiplicative inverse per size class, indexed by the pool
 * header's `szidx`), merged with the canonical compare into one branch; an address it rejects
 * falls back to the live bitmap (so non-GC objects, whose offset in the block differs, still
 * pass). Its fast path is a lower bound of such a design's cost: it cannot reject a freed object
 * (still at a block boundary) nor check objects outside pools.
 *
 * Run: `tsx bench/checks-cost.ts [rounds]` (default 7).
 */
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";

const CHECK = 'if (!isLiveObject(heap.liveBits, obj)) heap.throwNotLive(obj, "object");';
const WORKLOADS = ["incref+decref", "list chain"] as const;
const IMPORT_LINE = 'import { isLiveObject } from "./live-object.js";\n';

/**
 * The divisibility check's tables (module scope of the copy): pymalloc's default profile here,
 * `cpython32` — 4 KiB pools, a 32-byte pool header with `szidx` at byte 20, block sizes
 * (index + 1) × 8 — and the 8-byte GC head before a GC object. x is a multiple of 2^k × odd iff
 * rotr(x × odd⁻¹ mod 2^32, k) ≤ ⌊(2^32 − 1) / (2^k × odd)⌋.
 */
const DIVISIBILITY_PRELUDE = `
const POOL_BASE = ~4095;
const SZIDX_WORD = 5;
const FIRST_OBJECT = 32 + 8;
const INVERSE = new Int32Array(64);
const ROTATE = new Int32Array(64);
const LIMIT = new Uint32Array(64);
for (let i = 0; i < 64; i++) {
  const size = (i + 1) * 8;
  let odd = size;
  let k = 0;
  while ((odd & 1) === 0) { odd >>>= 1; k++; }
  let inverse = odd;
  for (let j = 0; j < 5; j++) inverse = Math.imul(inverse, 2 - Math.imul(odd, inverse));
  INVERSE[i] = inverse;
  ROTATE[i] = k;
  LIMIT[i] = Math.floor(0xffffffff / size);
}
`;
const DIVISIBILITY_CHECK = `{
    const pool = obj & POOL_BASE;
    const index = heap.memory.u32[(pool >>> 2) + SZIDX_WORD]! & 63;
    const product = Math.imul((obj - pool - FIRST_OBJECT) | 0, INVERSE[index]!);
    const k = ROTATE[index]!;
    const rotated = ((product >>> k) | (product << (32 - k))) >>> 0;
    if (((((obj >>> 3) << 3) ^ obj) | (rotated > LIMIT[index]! ? 1 : 0)) !== 0 && !isLiveObject(heap.liveBits, obj)) heap.throwNotLive(obj, "object");
  }`;

/** Each variant: the text replacing the check, and what goes after the imports. */
const VARIANTS = {
  "no checks": { check: "", prelude: "", keepImport: false },
  divisibility: { check: DIVISIBILITY_CHECK, prelude: DIVISIBILITY_PRELUDE, keepImport: true },
} as const;

if (process.argv[2] === "--child") {
  const { Heap } = await import("@pymem/heap");
  const { Refcounter } = await import(join(process.argv[3]!, "index.ts"));
  const { buildListChain } = await import("./list-chain.js");
  const heap = new Heap();
  const rc = new Refcounter(heap);
  const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) * 1000;
  };
  const result: Record<string, number> = {};
  const list = heap.newList();
  const pairs = 10_000_000;
  let started = cpu();
  for (let i = 0; i < pairs; i++) {
    rc.incref(list);
    rc.decref(list);
  }
  result["incref+decref"] = (cpu() - started) / pairs;
  const length = 300_000;
  started = cpu();
  rc.decref(buildListChain(heap, rc, length));
  result["list chain"] = (cpu() - started) / length;
  process.stdout.write(JSON.stringify(result));
} else {
  const rounds = Number(process.argv[2] ?? 7);
  const source = join(import.meta.dirname, "../src");
  const directories: [string, string][] = [["checks", source]];
  for (const [name, variant] of Object.entries(VARIANTS)) {
    // A variant lives under bench/ so that its bare imports resolve as the source's do.
    const directory = join(import.meta.dirname, `.${name.replace(/ /g, "-")}`);
    rmSync(directory, { recursive: true, force: true });
    cpSync(source, directory, { recursive: true });
    const refcounter = join(directory, "refcounter.ts");
    const text = readFileSync(refcounter, "utf8");
    if (text.split(CHECK).length !== 3) throw new Error("expected the check in incref and decref");
    const replaced = text.split(CHECK).join(variant.check);
    writeFileSync(
      refcounter,
      replaced.replace(IMPORT_LINE, variant.keepImport ? IMPORT_LINE + variant.prelude : ""),
    );
    directories.push([name, directory]);
  }
  const samples: Record<string, Record<string, number[]>> = {};
  for (const [name] of directories) samples[name] = {};
  const loads: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [name, directory] of directories) {
        loads.push(loadavg()[0]!);
        const output = execFileSync(
          "npx",
          ["tsx", join(import.meta.dirname, "checks-cost.ts"), "--child", directory],
          { encoding: "utf8", cwd: join(import.meta.dirname, "..") },
        );
        for (const [workload, ns] of Object.entries(JSON.parse(output) as Record<string, number>)) {
          const series = samples[name]![workload] ?? [];
          series.push(ns);
          samples[name]![workload] = series;
        }
      }
    }
  } finally {
    for (const [, directory] of directories.slice(1))
      rmSync(directory, { recursive: true, force: true });
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  console.log(
    `${rounds} rounds, A/B interleaved; 1-minute load ${median(loads).toFixed(1)} (median)`,
  );
  for (const workload of WORKLOADS) {
    const without = median(samples["no checks"]![workload]!);
    const figures = directories.map(([name]) => {
      const ns = median(samples[name]![workload]!);
      return `${name} ${ns.toFixed(2)} ns/op (${(ns / without).toFixed(3)})`;
    });
    console.log(`${workload.padEnd(14)} ${figures.join(", ")}`);
  }
}
