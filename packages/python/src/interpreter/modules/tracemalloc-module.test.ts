import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { lines, runCaptured } from "./run-python.js";

// The corpus (corpus/tracemalloc) compares output with CPython's; these check what it cannot:
// the tracer is installed only on demand, its numbers match the allocator's, and the heap is
// intact and empty after dispose().

describe("tracemalloc", () => {
  it("installs the tracer under the heap on start() only, and stops it at dispose", {
    timeout: 30_000,
  }, () => {
    const runtime = createRuntime();
    const before = runtime.heap.snapshot();
    const run = runCaptured(
      lines(
        "import tracemalloc",
        "print(tracemalloc.is_tracing())",
        "tracemalloc.start()",
        "data = [[i] for i in range(100)]",
        "print(tracemalloc.get_traced_memory()[0] > 0)",
      ),
      "<string>",
      { runtime },
    );
    expect(run.stdout).toBe("False\nTrue\n");
    const tracer = runtime.tracer!;
    expect(runtime.heap.allocator).toBe(tracer);
    expect(tracer.isTracing()).toBe(true);
    expect(tracer.traceCount).toBeGreaterThanOrEqual(200);
    run.interpreter.dispose();
    expect(tracer.isTracing()).toBe(false);
    expect(runtime.heap.leaksSince(before)).toEqual([]);
    runtime.verify();
  });

  it("leaves the allocator alone when never started", { timeout: 30_000 }, () => {
    const runtime = createRuntime();
    const pool = runtime.heap.allocator;
    const run = runCaptured(
      "import tracemalloc\nprint(tracemalloc.get_traced_memory())\n",
      "<string>",
      {
        runtime,
      },
    );
    expect(run.stdout).toBe("(0, 0)\n");
    expect(runtime.tracer).toBeUndefined();
    expect(runtime.heap.allocator).toBe(pool);
    run.interpreter.dispose();
  });

  it("counts exactly the bytes the allocator traced for the script's lines", {
    timeout: 30_000,
  }, () => {
    const runtime = createRuntime();
    const run = runCaptured(
      lines(
        "import tracemalloc",
        "tracemalloc.start()",
        "class Box: pass",
        "boxes = [Box() for _ in range(50)]",
        "snapshot = tracemalloc.take_snapshot()",
        "total = sum(stat.size for stat in snapshot.statistics('lineno'))",
        "print(total == sum(trace.size for trace in snapshot.traces))",
        "line4 = [s for s in snapshot.statistics('lineno') if s.traceback[0].lineno == 4][0]",
        "print(50 <= line4.count <= 52)",
      ),
      "<string>",
      { runtime },
    );
    expect(run.stderr).toBe("");
    // 50 Box instances, the list's item array and (when not reused from the free list) the list.
    expect(run.stdout).toBe("True\nTrue\n");
    run.interpreter.dispose();
    runtime.verify();
  });
});
