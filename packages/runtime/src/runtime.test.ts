import { execFileSync } from "node:child_process";
import {
  type Collector,
  HeapCorruptionError,
  IMMORTAL_REFCNT,
  OutOfMemoryError,
  type Ptr,
  UseAfterFreeError,
} from "@pymem/core";
import { BaconRajanCollector, GenerationalCollector, IncrementalCollector } from "@pymem/gc";
import { describe, expect, it } from "vitest";
import type { CollectorName } from "./api.js";
import { UnknownCollectorError } from "./create-collector.js";
import { createRuntime } from "./runtime.js";

const quiet = { unraisableSink: () => {}, debugSink: () => {} };

describe("allocator options", () => {
  it("defaults to the heap's cpython32 profile and accepts cpython64", () => {
    expect(createRuntime(quiet).pool.profile.name).toBe("cpython32");
    const runtime = createRuntime({ ...quiet, profile: "cpython64" });
    expect(runtime.pool.profile.name).toBe("cpython64");
    const l = runtime.fromJS([1, 2]);
    expect(runtime.repr(l)).toBe("[1, 2]");
    runtime.lifetime.decref(l);
    runtime.verify();
  });

  it("uses the pool itself as the allocator unless debug or tracing wrap it", () => {
    const runtime = createRuntime(quiet);
    expect(runtime.allocator).toBe(runtime.pool);
    expect(runtime.heap.allocator).toBe(runtime.pool);
    expect(runtime.memory).toBe(runtime.pool.memory);
    expect(runtime.debugAllocator).toBeUndefined();
    expect(runtime.tracer).toBeUndefined();
  });

  it("refuses a cap above 2 GiB, which the heap cannot address, with a clear error", () => {
    expect(() => createRuntime({ ...quiet, maximumBytes: 2 ** 31 + 65_536 })).toThrow(
      /above 2147483648 \(2 GiB\), the most a Heap can address/,
    );
    expect(() => createRuntime({ ...quiet, maximumBytes: 2 ** 32 })).toThrow(RangeError);
    expect(() => createRuntime({ ...quiet, maximumBytes: 2 ** 33 })).toThrow(/above 4294967296/);
    expect(createRuntime({ ...quiet, maximumBytes: 2 ** 31 }).memory.maximumBytes).toBe(2 ** 31);
  });

  it("throws OutOfMemoryError at the memory cap, stays consistent and recovers", () => {
    const runtime = createRuntime({ ...quiet, maximumBytes: 1 << 20 });
    const { heap, lifetime } = runtime;
    const before = heap.liveObjectCount;
    const held: Ptr[] = [];
    let error: unknown;
    try {
      for (;;) held.push(heap.newStr("x".repeat(200)));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OutOfMemoryError);
    expect(runtime.memory.byteLength).toBeLessThanOrEqual(1 << 20);
    runtime.verify();
    for (const obj of held) lifetime.decref(obj);
    expect(heap.liveObjectCount).toBe(before);
    runtime.verify();
    const again = heap.newStr("fits again");
    expect(heap.strValue(again)).toBe("fits again");
    lifetime.decref(again);
  });

  it("fromJS hitting the cap frees what it built, cycles included", () => {
    const runtime = createRuntime({ ...quiet, maximumBytes: 1 << 20 });
    const before = runtime.heap.liveObjectCount;
    const big: unknown[] = [];
    big.push(big); // a cycle through the list being built
    for (let i = 0; i < 100_000; i++) big.push([`item ${i}`]);
    expect(() => runtime.fromJS(big)).toThrow(OutOfMemoryError);
    expect(runtime.heap.liveObjectCount).toBe(before);
    runtime.verify();
  });

  it("sizes the memory with initialBytes and rejects bad allocator options with typed errors", () => {
    expect(createRuntime({ ...quiet, initialBytes: 1 << 20 }).memory.byteLength).toBe(1 << 20);
    expect(() => createRuntime({ profile: "cpython16" as "cpython32" })).toThrow(
      /unknown pool profile "cpython16"/,
    );
    expect(() => createRuntime({ maximumBytes: -5 })).toThrow(RangeError);
    // One page cannot even hold the first arena, the singletons and the small ints.
    expect(() => createRuntime({ maximumBytes: 65536 })).toThrow(OutOfMemoryError);
  });

  it("keeps CPython's free lists unless freeLists is false", () => {
    for (const freeLists of [true, false]) {
      const runtime = createRuntime({ ...quiet, freeLists });
      const { heap, lifetime } = runtime;
      lifetime.decref(heap.newFloat(2.5));
      lifetime.decref(heap.newList([heap.none]));
      const sizes = heap.freeListSizes();
      expect([sizes.float, sizes.list]).toEqual(freeLists ? [1, 1] : [0, 0]);
      expect(runtime.debugMallocStats()).toContain(
        `${freeLists ? 1 : 0} free PyFloatObjects * 16 bytes each`,
      );
      runtime.verify();
    }
  });

  it("debug mode wraps the pool in DebugAllocator and catches a use-after-free", () => {
    const runtime = createRuntime({ ...quiet, debug: true });
    expect(runtime.debugAllocator).toBeDefined();
    expect(runtime.allocator).toBe(runtime.debugAllocator);
    expect(runtime.heap.debug).toBe(true);
    const l = runtime.fromJS(["a", "b"]);
    runtime.lifetime.decref(l); // freed
    expect(() => runtime.lifetime.incref(l)).toThrow(UseAfterFreeError);
    expect(() => runtime.lifetime.decref(l)).toThrow(UseAfterFreeError);
    runtime.verify();
    expect(runtime.debugAllocator!.debugStats().liveBlocks).toBe(runtime.pool.stats().blocksInUse);
  });

  it("debug mode's guard bytes catch a write past the end of an object", () => {
    const runtime = createRuntime({ ...quiet, debug: true });
    const s = runtime.heap.newStr("abcd");
    const size = runtime.getsizeof(s);
    runtime.memory.u8[s + size] = 0; // one byte past the 24-byte request
    expect(() => runtime.verify()).toThrow(HeapCorruptionError);
  });

  it("without debug mode a freed object is only an invalid pointer", () => {
    const runtime = createRuntime(quiet);
    const l = runtime.fromJS([]);
    runtime.lifetime.decref(l);
    expect(() => runtime.lifetime.incref(l)).toThrow(/not a live object|invalid|freed/i);
    runtime.verify();
  });

  it("tracing wraps the allocator in a TracingAllocator", () => {
    const runtime = createRuntime({ ...quiet, tracing: true });
    const tracer = runtime.tracer!;
    expect(runtime.allocator).toBe(tracer);
    expect(tracer.isTracing()).toBe(true);
    const before = tracer.tracedMemory().current;
    const s = runtime.heap.newStr("x".repeat(100));
    expect(tracer.tracedMemory().current - before).toBe(runtime.getsizeof(s));
    runtime.lifetime.decref(s);
    expect(tracer.tracedMemory().current).toBe(before);
    const stopped = createRuntime({ ...quiet, tracing: { startTracing: false } });
    expect(stopped.tracer!.isTracing()).toBe(false);
    const both = createRuntime({ ...quiet, tracing: true, debug: true });
    expect(both.tracer!.underlying).toBe(both.debugAllocator);
    both.verify();
  });
});

describe("collector option", () => {
  it.each([
    ["generational", GenerationalCollector, [2000, 10, 10]],
    ["generational-3.12", GenerationalCollector, [700, 10, 10]],
    ["incremental", IncrementalCollector, undefined],
    ["bacon-rajan", BaconRajanCollector, undefined],
  ] as const)("%s builds the right collector", (name, type, thresholds) => {
    const runtime = createRuntime({ ...quiet, collector: name });
    expect(runtime.collector).toBeInstanceOf(type);
    expect(runtime.heap.collector).toBe(runtime.collector);
    expect(runtime.gc!.collector).toBe(runtime.collector);
    if (thresholds) expect(runtime.gc!.getThreshold()).toEqual(thresholds);
  });

  it("defaults to CPython 3.13's generational collector", () => {
    const runtime = createRuntime(quiet);
    expect(runtime.collector).toBeInstanceOf(GenerationalCollector);
    expect(runtime.gc!.getThreshold()).toEqual([2000, 10, 10]);
  });

  it("rejects an unknown name, listing the valid ones, before building anything", () => {
    const attempt = () => createRuntime({ collector: "mark-sweep" as CollectorName });
    expect(attempt).toThrow(UnknownCollectorError);
    expect(attempt).toThrow(
      'unknown collector "mark-sweep": expected one of "generational", "generational-3.12", "incremental", "bacon-rajan", "none", or an object implementing Collector',
    );
  });

  it("takes a user's collector instance; gc only when it is a ManagedCollector", () => {
    const own = new GenerationalCollector({ thresholds: [5, 5, 5] });
    const managed = createRuntime({ ...quiet, collector: own });
    expect(managed.collector).toBe(own);
    expect(managed.gc!.getThreshold()).toEqual([5, 5, 5]);
    const tracked: Ptr[] = [];
    const minimal: Collector = {
      name: "minimal",
      wantsDecrefNotifications: false,
      attach: () => {},
      track: (obj) => void tracked.push(obj),
      untrack: () => {},
      isTracked: (obj) => tracked.includes(obj),
      onAllocate: () => {},
      onDeallocate: () => {},
      onDecrefToNonZero: () => {},
      collect: () => 0,
      stats: () => ({
        collections: 0,
        collected: 0,
        uncollectable: 0,
        totalPauseMs: 0,
        maxPauseMs: 0,
      }),
    };
    const runtime = createRuntime({ ...quiet, collector: minimal });
    expect(runtime.collector).toBe(minimal);
    expect(runtime.gc).toBeUndefined();
    const l = runtime.heap.newList([runtime.heap.none]);
    expect(tracked).toContain(l);
  });
});

describe("sinks", () => {
  it("sends unraisable reports to unraisableSink", () => {
    const reports: string[] = [];
    const runtime = createRuntime({ unraisableSink: (text) => reports.push(text) });
    const { heap, lifetime } = runtime;
    const C = heap.defineClass({ name: "C" });
    const obj = heap.newInstance(C);
    const ref = heap.newWeakref(obj, () => {
      throw new Error("callback failed");
    });
    lifetime.decref(obj);
    expect(reports.join("")).toMatch(/^Exception ignored in: .*\n[\s\S]*callback failed/);
    lifetime.decref(ref);
    runtime.verify();
  });
});

describe("sys helpers", () => {
  it("getrefcount reports one more than the count, as sys.getrefcount does", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    const x = runtime.fromJS([]);
    expect(lifetime.refcount(x)).toBe(1);
    expect(runtime.getrefcount(x)).toBe(2); // x = []; sys.getrefcount(x) == 2
    const holder = heap.newList([x]);
    expect(runtime.getrefcount(x)).toBe(3);
    lifetime.decref(holder);
    expect(runtime.getrefcount(x)).toBe(2);
    // Immortal objects: the count is left as is (3.12+), here the 32-bit build's value.
    expect(runtime.getrefcount(heap.none)).toBe(IMMORTAL_REFCNT);
    lifetime.decref(x);
  });

  it("getsizeof follows the heap's layout", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    expect(runtime.getsizeof(heap.none)).toBe(8);
    expect(runtime.getsizeof(heap.newInt(5))).toBe(16);
    const pair = heap.newList([heap.none, heap.none]);
    expect(runtime.getsizeof(pair)).toBe(36);
    lifetime.decref(pair);
  });

  it("gettotalrefcount and getallocatedblocks follow allocations", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    const refs = runtime.gettotalrefcount();
    const blocks = runtime.getallocatedblocks();
    const s = heap.newStr("a fresh string");
    expect(runtime.gettotalrefcount()).toBe(refs + 1);
    expect(runtime.getallocatedblocks()).toBe(blocks + 1);
    const l = heap.newList([s, s]); // the list object and its item block
    expect(runtime.gettotalrefcount()).toBe(refs + 4);
    expect(runtime.getallocatedblocks()).toBe(blocks + 3);
    lifetime.decref(l);
    lifetime.decref(s);
    expect(runtime.gettotalrefcount()).toBe(refs);
  });

  it("verify passes on a fresh and a busy runtime", () => {
    const runtime = createRuntime(quiet);
    runtime.verify();
    const obj = runtime.fromJS({ a: [1, 2.5, "x"], b: { c: null } });
    runtime.verify();
    runtime.lifetime.decref(obj);
    runtime.verify();
  });
});

describe("debugMallocStats", () => {
  it("is the pool's statistics, a blank line, then the free lists", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    const f = heap.newFloat(2.5);
    lifetime.decref(f); // parked on the float free list
    const t = heap.newTuple([heap.newStr("a"), heap.none]);
    lifetime.decref(t);
    const text = runtime.debugMallocStats();
    expect(text.startsWith(runtime.pool.debugMallocStats())).toBe(true);
    const tail = text.slice(runtime.pool.debugMallocStats().length);
    const lines = tail.split("\n");
    expect(lines[0]).toBe("");
    expect(lines).toHaveLength(1 + 4 + 20 + 1);
    expect(lines[1]).toBe(
      "            0 free PyDictObjects * 24 bytes each =                    0",
    );
    expect(lines[3]).toBe(
      "           1 free PyFloatObjects * 16 bytes each =                   16",
    );
    expect(lines[6]).toBe(
      "   1 free 2-sized PyTupleObjects * 20 bytes each =                   20",
    );
    expect(lines[25]).toBe("");
  });

  const cpythonText = (() => {
    try {
      const result = execFileSync(
        "sh",
        ["-c", 'PYENV_VERSION=3.13.0 python3 -c "import sys; sys._debugmallocstats()" 2>&1'],
        { encoding: "utf8" },
      );
      return result;
    } catch {
      return "";
    }
  })();

  it.skipIf(!cpythonText.includes("free PyDictObjects"))(
    "has CPython 3.13's free-list lines, in its order and columns (needs PYENV_VERSION=3.13.0 python3)",
    () => {
      const shape = (text: string) =>
        text
          .split("\n")
          .filter((line) => line.includes(" free "))
          .map((line) => ({
            label: line
              .replace(/\d[\d,]*/g, "N")
              .replace(/\s+/g, " ")
              .trim(),
            equalsAt: line.indexOf("="),
          }));
      const ours = shape(createRuntime(quiet).debugMallocStats());
      const theirs = shape(cpythonText);
      expect(ours.map((line) => line.label)).toEqual(theirs.map((line) => line.label));
      for (const line of ours) expect(line.equalsAt).toBe(49);
      for (const line of theirs) expect(line.equalsAt).toBe(49);
      // The pymalloc part starts as CPython's does.
      expect(createRuntime(quiet).debugMallocStats().split("\n")[0]).toMatch(
        /^Small block threshold = 512, in \d+ size classes\.$/,
      );
    },
  );
});
