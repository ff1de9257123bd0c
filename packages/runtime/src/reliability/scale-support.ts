/**
 * Shared helpers of the scale tests: timing output, the "back to baseline" state, and the
 * 10,000,000-deep list nesting.
 *
 * @internal
 * @module
 */
import type { Ptr } from "@pymem/core";
import type { Runtime } from "../runtime.js";

/** The size of every scale structure. @internal */
export const SCALE_LENGTH = 10_000_000;
/** @internal */
export const GiB = 1024 * 1024 * 1024;

/** Runs `action`, printing how long it took. @internal */
export function timed<T>(label: string, action: () => T): T {
  const started = performance.now();
  const result = action();
  process.stdout.write(
    `[scale] ${label}: ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
  );
  return result;
}

/** The state "back to baseline" compares: the pool's blocks and the live objects. @internal */
export function memoryState(runtime: Runtime): { blocks: number; objects: number } {
  runtime.heap.clearFreeLists();
  return { blocks: runtime.getallocatedblocks(), objects: runtime.heap.liveObjectCount };
}

/**
 * `[[[…[]…]]]`, `depth` lists deep, built innermost first; returns the outermost (a new
 * reference) and, borrowed, the innermost.
 *
 * @internal
 */
export function buildNesting(runtime: Runtime, depth: number): { outer: Ptr; inner: Ptr } {
  const { heap, lifetime } = runtime;
  const inner = heap.newList();
  let outer = inner;
  for (let i = 1; i < depth; i++) {
    const next = heap.newList([outer]);
    lifetime.decref(outer);
    outer = next;
  }
  return { outer, inner };
}
