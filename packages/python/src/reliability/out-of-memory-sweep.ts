/**
 * The out-of-memory sweep over the interpreter (issue 11, item 6): runs a program once to count
 * its allocations, then once per allocation with exactly that one failing, and checks each run:
 * it ends with a Python outcome (`MemoryError`, or whatever the program's handlers made of it —
 * never an internal error or a JavaScript exception), the heap verifies, and after `dispose()`
 * nothing the run made is left alive. Used by the bounded test and the
 * fuzz test beside it; call it on any program to hunt for the next leak or dangling pointer.
 *
 * @internal
 * @module
 */
import { OutOfMemoryError } from "@pymem/core";
import { createRuntime, type Runtime } from "@pymem/runtime";
import { MemoryFileSystem } from "../interpreter/files/memory-file-system.js";
import { Interpreter } from "../interpreter/interpreter.js";

/** What one sweep found. */
export interface OutOfMemorySweep {
  /** Allocations the program makes when nothing fails. */
  readonly allocations: number;
  /** One line per failing point: which allocation failed and what went wrong. */
  readonly problems: string[];
}

/** A runtime whose allocator fails the allocation numbered `state.failAt` (counting in `state.count`). */
function faultyRuntime(state: { count: number; failAt: number }): Runtime {
  const runtime = createRuntime({ unraisableSink: () => {} });
  const allocator = runtime.heap.allocator;
  const malloc = allocator.malloc.bind(allocator);
  const calloc = allocator.calloc.bind(allocator);
  const realloc = allocator.realloc.bind(allocator);
  const fault = (size: number) => {
    if (++state.count === state.failAt)
      throw new OutOfMemoryError(size, 0, `allocation #${state.count} failed on purpose`);
  };
  allocator.malloc = (size) => {
    fault(size);
    return malloc(size);
  };
  allocator.calloc = (count, size) => {
    fault(count * size);
    return calloc(count, size);
  };
  allocator.realloc = (ptr, size) => {
    fault(size);
    return realloc(ptr, size);
  };
  return runtime;
}

/**
 * Runs `source` with allocation `k` failing for every `k` in `points` (default: every allocation
 * the program makes), and reports what went wrong. `files` are on the program's (in-memory) file
 * system from the start, by absolute path — modules for it to import, say.
 *
 * @example
 * ```ts
 * const { allocations, problems } = sweepOutOfMemory("class A: pass\nA()\n");
 * problems; // [] when every failure ends cleanly
 * ```
 */
export function sweepOutOfMemory(
  source: string,
  points?: readonly number[],
  files: Readonly<Record<string, string>> = {},
): OutOfMemorySweep {
  const state = { count: 0, failAt: 0 };
  const run = (k: number): string[] => {
    const runtime = faultyRuntime(state);
    const before = runtime.heap.snapshot();
    state.failAt = 0;
    const fileSystem = new MemoryFileSystem({ files });
    const interpreter = new Interpreter({
      runtime,
      fileSystem,
      stdout: () => {},
      stderr: () => {},
    });
    state.count = 0; // count the program's allocations, not the interpreter's set-up
    state.failAt = k;
    const problems: string[] = [];
    try {
      // Any Python outcome is fine (a MemoryError may be caught, or replaced in a finally
      // block); an internal error is not.
      const result = interpreter.run(source, "sweep.py");
      if (result.error?.message.includes("pymem internal error"))
        problems.push(`${result.error.typeName}: ${result.error.message}`);
    } catch (error) {
      problems.push(`threw ${String(error)}`);
    }
    state.failAt = 0;
    try {
      runtime.verify();
      interpreter.dispose();
      runtime.gc?.collect();
      runtime.heap.clearFreeLists();
      runtime.verify();
      const leaks = runtime.heap.leaksSince(before);
      if (leaks.length > 0)
        problems.push(
          `leaks ${leaks
            .slice(0, 3)
            .map((leak) => leak.typeName)
            .join(", ")}${leaks.length > 3 ? ", …" : ""}`,
        );
    } catch (error) {
      problems.push(String(error));
    }
    return problems;
  };
  run(0);
  const allocations = state.count;
  const problems: string[] = [];
  for (const k of points ?? Array.from({ length: allocations }, (_, i) => i + 1)) {
    if (k > allocations) continue;
    for (const problem of run(k)) problems.push(`allocation #${k} failing: ${problem}`);
  }
  return { allocations, problems };
}
