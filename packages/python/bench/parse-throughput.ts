/**
 * Parser throughput against CPython's own parser on the same source.
 *
 *   npx tsx packages/python/bench/parse-throughput.ts
 *
 * Workload "snippets": every valid test snippet concatenated and repeated to ~1 MB. The anchor is
 * CPython 3.13's `ast.parse` timed in-process over the same text; the ratio is ours / CPython's.
 */
import { spawnSync } from "node:child_process";
import { parse } from "../src/index.js";
import { VALID_SNIPPETS } from "../src/test-support/valid-snippets.js";

const unit = VALID_SNIPPETS.slice(0, -1).join("");
const source = unit.repeat(Math.ceil(1_000_000 / unit.length));
const lines = source.split("\n").length;

function medianMilliseconds(runs: number, work: () => void): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

medianMilliseconds(3, () => parse(source)); // warm up the JIT
const ours = medianMilliseconds(7, () => parse(source));

const script = `
import ast, json, sys, time
source = sys.stdin.read()
samples = []
for _ in range(7):
    started = time.perf_counter()
    ast.parse(source)
    samples.append((time.perf_counter() - started) * 1000)
samples.sort()
print(json.dumps(samples[len(samples) // 2]))
`;
const result = spawnSync("python3", ["-c", script], {
  input: source,
  env: { ...process.env, PYENV_VERSION: "3.13.0" },
  encoding: "utf8",
  maxBuffer: 1 << 26,
});
const anchor = result.status === 0 ? (JSON.parse(result.stdout) as number) : Number.NaN;

console.log(`workload snippets: ${(source.length / 1e6).toFixed(2)} MB, ${lines} lines`);
console.log(
  `@pymem/python parse   ${ours.toFixed(1)} ms  (${((source.length / 1e6 / ours) * 1000).toFixed(1)} MB/s)`,
);
console.log(
  `CPython 3.13 ast.parse ${anchor.toFixed(1)} ms  (${((source.length / 1e6 / anchor) * 1000).toFixed(1)} MB/s)`,
);
console.log(`ratio (ours / CPython) ${(ours / anchor).toFixed(2)}x`);
