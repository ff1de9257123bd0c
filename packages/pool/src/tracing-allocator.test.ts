import { DoubleFreeError, HeapCorruptionError, type Ptr } from "@pymem/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DebugAllocator } from "./debug-allocator.js";
import { PoolAllocator } from "./pool-allocator.js";
import { captureStack, parseStackFrames } from "./trace-stack.js";
import { TracingAllocator } from "./tracing-allocator.js";

/** The line of the caller of `here()`, read from the same stack mechanism the tracer uses. */
function here(): number {
  return parseStackFrames(captureStack(1, 1))[0]!.lineno;
}

/** One call site shared by two callers: its own line is the most recent frame of both. */
function allocateThrough(tracer: TracingAllocator, size: number): Ptr {
  return tracer.malloc(size);
}

describe("TracingAllocator off", () => {
  it("records nothing and forwards everything when not tracing", () => {
    const pool = new PoolAllocator();
    const tracer = new TracingAllocator(pool);
    expect(tracer.isTracing()).toBe(false);
    let p = tracer.malloc(100, "ignored");
    const q = tracer.calloc(4, 4);
    p = tracer.realloc(p, 1000);
    expect(tracer.usableSize(p)).toBe(pool.usableSize(p));
    tracer.free(q);
    expect(tracer.traceCount).toBe(0);
    expect(tracer.tracedMemory()).toEqual({ current: 0, peak: 0 });
    expect(tracer.traceOf(p)).toBeUndefined();
    expect(() => tracer.takeSnapshot()).toThrow(/must be tracing/);
    expect(tracer.stats()).toEqual(pool.stats());
    expect(pool.stats().blocksInUse).toBe(1);
    tracer.verify();
  });

  it("does not walk the stack when not tracing, even with captureStacks set", () => {
    const tracer = new TracingAllocator(new PoolAllocator(), { captureStacks: 5 });
    const saved = Error.stackTraceLimit;
    let reads = 0;
    // Stack capture sets Error.stackTraceLimit; count the writes while not tracing.
    Object.defineProperty(Error, "stackTraceLimit", {
      configurable: true,
      get: () => saved,
      set: () => {
        reads++;
      },
    });
    try {
      tracer.free(tracer.realloc(tracer.malloc(8), 16));
      expect(reads).toBe(0);
      tracer.start();
      tracer.malloc(8);
      expect(reads).toBeGreaterThan(0);
    } finally {
      Object.defineProperty(Error, "stackTraceLimit", {
        configurable: true,
        writable: true,
        value: saved,
      });
    }
  });
});

describe("TracingAllocator traced memory", () => {
  it("counts requested bytes, keeps the peak, resets and clears like tracemalloc", () => {
    const tracer = new TracingAllocator(new PoolAllocator());
    const before = tracer.malloc(50); // allocated before start: never traced
    tracer.start();
    const a = tracer.malloc(100);
    const b = tracer.calloc(10, 30);
    expect(tracer.tracedMemory()).toEqual({ current: 400, peak: 400 });
    tracer.free(a);
    expect(tracer.tracedMemory()).toEqual({ current: 300, peak: 400 });
    tracer.resetPeak();
    expect(tracer.tracedMemory()).toEqual({ current: 300, peak: 300 });
    tracer.free(before); // untraced: ignored
    expect(tracer.tracedMemory().current).toBe(300);
    expect(tracer.traceOf(b)).toMatchObject({ size: 300, tag: undefined });
    tracer.clearTraces();
    expect(tracer.isTracing()).toBe(true);
    expect(tracer.tracedMemory()).toEqual({ current: 0, peak: 0 });
    tracer.malloc(7);
    expect(tracer.traceCount).toBe(1);
    tracer.stop();
    expect(tracer.isTracing()).toBe(false);
    expect(tracer.traceCount).toBe(0);
    expect(tracer.tracedMemory()).toEqual({ current: 0, peak: 0 });
    tracer.free(b); // traces cleared: just freed underneath
    tracer.verify();
  });

  it("moves the trace on realloc, with the new size and the realloc's tag", () => {
    const tracer = new TracingAllocator(new PoolAllocator(), { startTracing: true });
    const p = tracer.malloc(16, "small");
    const q = tracer.realloc(p, 4000, "large");
    expect(q).not.toBe(p);
    expect(tracer.traceOf(p)).toBeUndefined();
    expect(tracer.traceOf(q)).toMatchObject({ size: 4000, tag: "large" });
    expect(tracer.tracedMemory()).toEqual({ current: 4000, peak: 4000 });
    const same = tracer.realloc(q, 3900);
    expect(same).toBe(q);
    expect(tracer.traceOf(q)).toMatchObject({ size: 3900, tag: undefined });
    expect(tracer.traceCount).toBe(1);
    const fresh = tracer.realloc(0, 24);
    expect(tracer.traceOf(fresh)?.size).toBe(24);
    expect(tracer.tracedMemory()).toEqual({ current: 3924, peak: 4000 });
    tracer.verify();
  });

  it("leaves the traces alone when the underlying allocator rejects an operation", () => {
    const debug = new DebugAllocator(new PoolAllocator());
    const tracer = new TracingAllocator(debug, { startTracing: true });
    const p = tracer.malloc(32, "kept");
    const r = tracer.malloc(32, "freed");
    tracer.free(r);
    expect(() => tracer.free(r)).toThrow(DoubleFreeError);
    expect(() => tracer.realloc(r, 64)).toThrow();
    expect(tracer.traceCount).toBe(1);
    expect(tracer.tracedMemory()).toEqual({ current: 32, peak: 64 });
    expect(tracer.traceOf(p)?.tag).toBe("kept");
    tracer.verify();
  });

  it("verify catches a trace of a block the underlying allocator no longer has", () => {
    const pool = new PoolAllocator();
    const tracer = new TracingAllocator(pool, { startTracing: true });
    const p = tracer.malloc(600);
    tracer.verify();
    pool.free(p); // behind the tracer's back
    expect(() => tracer.verify()).toThrow(HeapCorruptionError);
    expect(() => tracer.verify()).toThrow(/traced block is not allocated underneath/);
  });

  it("rejects a negative frame count", () => {
    expect(() => new TracingAllocator(new PoolAllocator(), { captureStacks: -1 })).toThrow(
      RangeError,
    );
    expect(() => new TracingAllocator(new PoolAllocator()).start(1.5)).toThrow(RangeError);
  });
});

describe("TracingAllocator snapshots", () => {
  it("groups by tag and prints tracemalloc's statistic lines", () => {
    const tracer = new TracingAllocator(new PoolAllocator());
    tracer.start();
    tracer.setTag("parser");
    expect(tracer.tag).toBe("parser");
    for (let i = 0; i < 1000; i++) tracer.malloc(100);
    tracer.setTag(undefined);
    tracer.malloc(3000);
    tracer.malloc(1, "lexer");
    tracer.malloc(2, "lexer");
    const stats = tracer.takeSnapshot().statistics("tag");
    expect(stats.map(String)).toEqual([
      "parser: size=97.7 KiB, count=1000, average=100 B",
      "<untagged>: size=3000 B, count=1, average=3000 B",
      "lexer: size=3 B, count=2, average=2 B",
    ]);
    expect(stats[0]).toMatchObject({ tag: "parser", size: 100_000, count: 1000 });
  });

  it("diffs snapshots like compare_to, including groups that vanished", () => {
    const tracer = new TracingAllocator(new PoolAllocator(), { startTracing: true });
    const temporary = tracer.malloc(5000, "temp");
    tracer.malloc(10, "steady");
    const before = tracer.takeSnapshot();
    tracer.free(temporary);
    for (let i = 0; i < 1000; i++) tracer.malloc(100, "growing");
    tracer.malloc(10, "steady");
    const after = tracer.takeSnapshot();
    expect(after.compareTo(before, "tag").map(String)).toEqual([
      "growing: size=97.7 KiB (+97.7 KiB), count=1000 (+1000), average=100 B",
      "temp: size=0 B (-5000 B), count=0 (-1)",
      "steady: size=20 B (+10 B), count=2 (+1), average=10 B",
    ]);
    const [first] = after.compareTo(before, "tag");
    expect(first).toMatchObject({
      tag: "growing",
      size: 100_000,
      sizeDiff: 100_000,
      count: 1000,
      countDiff: 1000,
    });
    expect(before.length).toBe(2);
    expect(after.totalSize).toBe(100_020);
    expect(
      after
        .filterTraces((trace) => trace.tag === "steady")
        .statistics("tag")
        .map(String),
    ).toEqual(["steady: size=20 B, count=2, average=10 B"]);
  });

  it("uses <unknown>:0 as every traceback when stacks are not captured", () => {
    const tracer = new TracingAllocator(new PoolAllocator(), { startTracing: true });
    tracer.malloc(10);
    tracer.malloc(20);
    const snapshot = tracer.takeSnapshot();
    expect(snapshot.tracebackLimit).toBe(0);
    expect(snapshot.statistics("lineno").map(String)).toEqual([
      "<unknown>:0: size=30 B, count=2, average=15 B",
    ]);
    expect(snapshot.traces[0]!.traceback.format()).toEqual(['  File "<unknown>", line 0']);
  });

  it("captures the allocating line and groups by lineno, filename and traceback", () => {
    const tracer = new TracingAllocator(new PoolAllocator(), {
      captureStacks: 2,
      startTracing: true,
    });
    const line = here();
    tracer.malloc(64);
    const p = tracer.malloc(32);
    const trace = tracer.traceOf(p)!;
    const [frame] = trace.traceback.frames.slice(-1);
    expect(frame!.filename).toMatch(/tracing-allocator\.test\.ts$/);
    expect(frame!.lineno).toBe(line + 2);
    expect(trace.traceback.frames).toHaveLength(2);

    const snapshot = tracer.takeSnapshot();
    const byLine = snapshot.statistics("lineno");
    expect(byLine.map((stat) => [stat.traceback!.frames[0]!.lineno, stat.size])).toEqual([
      [line + 1, 64],
      [line + 2, 32],
    ]);
    expect(String(byLine[0])).toMatch(
      /tracing-allocator\.test\.ts:\d+: size=64 B, count=1, average=64 B$/,
    );
    const byFile = snapshot.statistics("filename");
    expect(byFile).toHaveLength(1);
    expect(String(byFile[0])).toMatch(
      /tracing-allocator\.test\.ts:0: size=96 B, count=2, average=48 B$/,
    );
    expect(() => snapshot.statistics("traceback", true)).toThrow(/cumulative mode cannot be used/);
    expect(() => snapshot.statistics("bogus" as "tag")).toThrow(/unknown key type/);
  });

  it("tells call paths apart by traceback and sums them by lineno, cumulatively over every frame", () => {
    const tracer = new TracingAllocator(new PoolAllocator(), {
      captureStacks: 2,
      startTracing: true,
    });
    const line = here();
    allocateThrough(tracer, 100);
    allocateThrough(tracer, 200);
    const snapshot = tracer.takeSnapshot();
    const helperLine = snapshot.statistics("lineno")[0]!.traceback!.frames[0]!.lineno;
    expect(snapshot.statistics("lineno").map((stat) => [stat.count, stat.size])).toEqual([
      [2, 300],
    ]);
    const byTraceback = snapshot.statistics("traceback");
    expect(byTraceback).toHaveLength(2);
    // frames are oldest first: [call site, helper]; str() shows frames[0], as tracemalloc does.
    expect(byTraceback.map((stat) => stat.traceback!.frames.map((f) => f.lineno))).toEqual([
      [line + 2, helperLine],
      [line + 1, helperLine],
    ]);
    expect(byTraceback[0]!.traceback!.format(1)).toEqual([
      expect.stringMatching(new RegExp(`tracing-allocator\\.test\\.ts", line ${helperLine}$`)),
    ]);
    const cumulative = snapshot.statistics("lineno", true);
    expect(cumulative.map((stat) => [stat.traceback!.frames[0]!.lineno, stat.size])).toEqual([
      [helperLine, 300],
      [line + 2, 200],
      [line + 1, 100],
    ]);
  });

  it("keeps the trace-count, traced memory and traces in step with a model", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom(
              "malloc",
              "calloc",
              "realloc",
              "free",
              "toggle",
              "resetPeak",
              "clear",
            ),
            size: fc.integer({ min: 0, max: 3000 }),
            pick: fc.nat(),
            tag: fc.constantFrom(undefined, "a", "b"),
          }),
          { maxLength: 80 },
        ),
        (operations) => {
          const tracer = new TracingAllocator(new PoolAllocator());
          const live: Ptr[] = [];
          const traced = new Map<Ptr, { size: number; tag: string | undefined }>();
          let peak = 0;
          const current = () => [...traced.values()].reduce((sum, trace) => sum + trace.size, 0);
          for (const { kind, size, pick, tag } of operations) {
            const index = live.length > 0 ? pick % live.length : -1;
            if (kind === "malloc" || kind === "calloc") {
              const p = kind === "malloc" ? tracer.malloc(size, tag) : tracer.calloc(1, size, tag);
              live.push(p);
              if (tracer.isTracing()) traced.set(p, { size, tag });
            } else if (kind === "realloc" && index >= 0) {
              const old = live[index]!;
              const q = tracer.realloc(old, size, tag);
              live[index] = q;
              if (tracer.isTracing()) {
                traced.delete(old);
                traced.set(q, { size, tag });
              }
            } else if (kind === "free" && index >= 0) {
              const [p] = live.splice(index, 1);
              tracer.free(p!);
              traced.delete(p!);
            } else if (kind === "toggle") {
              if (tracer.isTracing()) {
                tracer.stop();
                traced.clear();
                peak = 0;
              } else tracer.start();
            } else if (kind === "resetPeak") {
              tracer.resetPeak();
              peak = current();
            } else if (kind === "clear") {
              tracer.clearTraces();
              traced.clear();
              peak = 0;
            }
            peak = Math.max(peak, current());
            expect(tracer.tracedMemory()).toEqual({ current: current(), peak });
            expect(tracer.traceCount).toBe(traced.size);
          }
          if (tracer.isTracing()) {
            const traces = tracer.takeSnapshot().traces;
            expect(new Map(traces.map((t) => [t.address, { size: t.size, tag: t.tag }]))).toEqual(
              traced,
            );
          }
          tracer.verify();
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("TracingAllocator with a frame source", () => {
  it("records the embedder's frames, cut to the limit, interned per call path", () => {
    let line = 1;
    const tracer = new TracingAllocator(new PoolAllocator(), {
      captureStacks: 1,
      startTracing: true,
      frameSource: () => [
        { filename: "main.py", lineno: line },
        { filename: "main.py", lineno: 99 },
      ],
    });
    const a = tracer.malloc(10);
    const b = tracer.malloc(20);
    line = 2;
    const c = tracer.malloc(30);
    expect(tracer.traceOf(a)!.traceback).toBe(tracer.traceOf(b)!.traceback);
    expect(tracer.traceOf(a)!.traceback.frames).toEqual([{ filename: "main.py", lineno: 1 }]);
    expect(tracer.traceOf(a)!.traceback.totalFrames).toBe(2);
    expect(String(tracer.traceOf(c)!.traceback)).toBe("main.py:2");
    tracer.start(2);
    const d = tracer.malloc(5);
    expect(tracer.traceOf(d)!.traceback.format()).toEqual([
      '  File "main.py", line 99',
      '  File "main.py", line 2',
    ]);
  });

  it("reads <unknown>:0 when the source has no frame", () => {
    const tracer = new TracingAllocator(new PoolAllocator(), {
      captureStacks: 1,
      startTracing: true,
      frameSource: () => [],
    });
    expect(String(tracer.traceOf(tracer.malloc(8))!.traceback)).toBe("<unknown>:0");
  });
});

describe("TracingAllocator.untraced", () => {
  it("does not trace blocks allocated inside, but forgets blocks freed or resized inside", () => {
    const tracer = new TracingAllocator(new PoolAllocator(), { startTracing: true });
    const kept = tracer.malloc(16);
    let resized = tracer.malloc(32);
    const inside = tracer.untraced(() => {
      tracer.free(kept);
      resized = tracer.realloc(resized, 40);
      return [tracer.malloc(64), tracer.calloc(2, 8)];
    });
    expect(tracer.traceCount).toBe(0);
    expect(tracer.tracedMemory().current).toBe(0);
    const after = tracer.malloc(8);
    expect(tracer.traceCount).toBe(1);
    for (const p of [...inside, resized, after]) tracer.free(p);
    tracer.verify();
  });
});
