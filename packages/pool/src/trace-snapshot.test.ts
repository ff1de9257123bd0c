import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { findCPython313 } from "./test-support/cpython.js";
import { TraceSnapshot } from "./trace-snapshot.js";
import type { StatisticKeyType } from "./trace-statistic.js";
import { Traceback, type TraceFrame } from "./trace-traceback.js";

/** A trace as tracemalloc's C layer hands it to Python: size and frames, most recent first. */
interface RawTrace {
  size: number;
  frames: [string, number][];
}

const python = findCPython313("import tracemalloc");

/** mulberry32: a seeded PRNG so the generated traces are the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTraces(seed: number, count: number): RawTrace[] {
  const random = prng(seed);
  const files = ["a.py", "b.py", "lib/c.py"];
  const traces: RawTrace[] = [];
  for (let i = 0; i < count; i++) {
    const depth = 1 + Math.floor(random() * 3);
    const frames: [string, number][] = [];
    for (let d = 0; d < depth; d++) {
      frames.push([files[Math.floor(random() * files.length)]!, 1 + Math.floor(random() * 4)]);
    }
    // Sizes from a small set, so that equal sizes and counts exercise the tie-breaking keys.
    const size = [8, 16, 100, 4096, 20_000][Math.floor(random() * 5)]!;
    traces.push({ size, frames });
  }
  return traces;
}

/** A snapshot over the given traces, interned as the tracing allocator interns them. */
function snapshotOf(traces: RawTrace[]): TraceSnapshot {
  const tracebacks: Traceback[] = [new Traceback([])];
  const idByKey = new Map<string, number>();
  const tracebackIds = new Uint32Array(traces.length);
  traces.forEach((trace, i) => {
    const key = JSON.stringify(trace.frames);
    let id = idByKey.get(key);
    if (id === undefined) {
      id = tracebacks.length;
      const frames: TraceFrame[] = trace.frames.map(([filename, lineno]) => ({ filename, lineno }));
      tracebacks.push(new Traceback(frames));
      idByKey.set(key, id);
    }
    tracebackIds[i] = id;
  });
  return new TraceSnapshot(
    {
      addresses: Uint32Array.from(traces, (_, i) => 8 * (i + 1)),
      sizes: Float64Array.from(traces, (trace) => trace.size),
      tagIds: new Uint32Array(traces.length),
      tracebackIds,
    },
    { tags: [undefined], tracebacks },
    3,
  );
}

const QUERIES: [StatisticKeyType, boolean][] = [
  ["lineno", false],
  ["filename", false],
  ["traceback", false],
  ["lineno", true],
  ["filename", true],
];

describe("TraceSnapshot against CPython's tracemalloc", () => {
  it.skipIf(python === undefined)(
    "statistics and compare_to print the same lines in the same order (needs CPython 3.13 as python3; skipped without it)",
    () => {
      const cases = [1, 2, 3, 4].map((seed) => ({
        old: randomTraces(seed, 40),
        new: randomTraces(seed + 100, 60),
      }));
      const script = `
import json, sys, tracemalloc as t
def snap(traces):
    return t.Snapshot([(0, tr["size"], tuple(tuple(f) for f in tr["frames"]), len(tr["frames"])) for tr in traces], 3)
out = []
for case in json.loads(sys.stdin.read()):
    old, new = snap(case["old"]), snap(case["new"])
    queries = ${JSON.stringify(QUERIES).replaceAll("true", "True").replaceAll("false", "False")}
    out.append({
        "statistics": [[str(s) for s in new.statistics(k, c)] for k, c in queries],
        "diffs": [[str(s) for s in new.compare_to(old, k, c)] for k, c in queries],
    })
print(json.dumps(out))
`;
      const output = execFileSync(python!, ["-c", script], {
        env: { ...process.env, PYENV_VERSION: "3.13.0" },
        input: JSON.stringify(cases),
        encoding: "utf8",
      });
      const expected = JSON.parse(output) as { statistics: string[][]; diffs: string[][] }[];
      cases.forEach((testCase, i) => {
        const older = snapshotOf(testCase.old);
        const newer = snapshotOf(testCase.new);
        expect(
          QUERIES.map(([key, cumulative]) => newer.statistics(key, cumulative).map(String)),
        ).toEqual(expected[i]!.statistics);
        expect(
          QUERIES.map(([key, cumulative]) => newer.compareTo(older, key, cumulative).map(String)),
        ).toEqual(expected[i]!.diffs);
      });
    },
  );
});

describe("TraceSnapshot", () => {
  it("orders equal sizes by count, then by key, descending", () => {
    const snapshot = snapshotOf([
      { size: 10, frames: [["a.py", 1]] },
      { size: 5, frames: [["b.py", 1]] },
      { size: 5, frames: [["b.py", 1]] },
      { size: 10, frames: [["c.py", 1]] },
      { size: 10, frames: [["a.py", 2]] },
    ]);
    // b.py:1 and c.py:1 both hold 10 bytes: b.py:1's two blocks win; then c.py:1 > a.py:2 > a.py:1.
    expect(snapshot.statistics("lineno").map((stat) => stat.label)).toEqual([
      "b.py:1",
      "c.py:1",
      "a.py:2",
      "a.py:1",
    ]);
    expect(snapshot.traces.map((trace) => trace.address)).toEqual([8, 16, 24, 32, 40]);
  });

  it("reports an empty snapshot as no statistics", () => {
    const empty = snapshotOf([]);
    expect(empty.statistics("tag")).toEqual([]);
    expect(empty.compareTo(empty, "lineno")).toEqual([]);
    expect(empty.totalSize).toBe(0);
  });
});
