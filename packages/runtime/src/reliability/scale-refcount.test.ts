/**
 * Scale, refcounting side: a 10,000,000-long chain of instances and a 10,000,000-deep list
 * nesting freed by reference counting alone (iteratively: no stack overflow), and a heap filled
 * to a 1 GiB cap then released. Heavy by design: each case runs once and prints its timings.
 */
import { OutOfMemoryError, type Ptr } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { createRuntime } from "../runtime.js";
import { buildNesting, GiB, memoryState, SCALE_LENGTH, timed } from "./scale-support.js";

describe("scale: 10,000,000 objects freed by refcount", () => {
  it("frees a 10,000,000-long chain of slotted instances (a collector attached)", () => {
    const runtime = createRuntime({ collector: "generational", maximumBytes: 2 * GiB });
    const { heap, lifetime } = runtime;
    const Node = heap.defineClass({ name: "Node", slots: ["next"] });
    const offset = heap.slotOffset(Node, "next");
    runtime.gc!.disable();
    const baseline = memoryState(runtime);
    let head = heap.none;
    timed("build a 10M instance chain", () => {
      for (let i = 0; i < SCALE_LENGTH; i++) {
        const node = heap.newInstance(Node);
        heap.storeField(node, offset, head);
        lifetime.decref(head);
        head = node;
      }
    });
    expect(heap.liveObjectCounts().Node).toBe(SCALE_LENGTH);
    timed("free it by refcount", () => lifetime.decref(head));
    expect(heap.liveObjectCounts().Node).toBeUndefined();
    expect(memoryState(runtime)).toEqual(baseline);
    runtime.verify();
  }, 300_000);

  it("frees a 10,000,000-deep list nesting (no collector)", () => {
    const runtime = createRuntime({ collector: "none", maximumBytes: 2 * GiB });
    const { heap, lifetime } = runtime;
    const baseline = memoryState(runtime);
    const { outer } = timed("build 10M-deep nesting", () => buildNesting(runtime, SCALE_LENGTH));
    expect(heap.liveObjectCounts().list).toBe(SCALE_LENGTH);
    timed("free it by refcount", () => lifetime.decref(outer));
    expect(heap.liveObjectCounts().list).toBeUndefined();
    expect(memoryState(runtime)).toEqual(baseline);
    runtime.verify();
  }, 300_000);
});

describe("scale: a 1 GiB heap", () => {
  it("fills to the 1 GiB cap with OutOfMemoryError there, verifies, and releases back to baseline", () => {
    const runtime = createRuntime({ collector: "generational", maximumBytes: GiB });
    const { heap, lifetime } = runtime;
    // A variable-size, reference-free type: blocks of any size without building JS strings.
    const Blob = heap.defineType({ name: "blob", basicSize: 12, itemSize: 1, flags: 0 });
    const baseline = memoryState(runtime);
    const holder = heap.newList();
    let refusals = 0;
    timed("fill 1 GiB (64 MiB blocks, then ever smaller down to 16-byte objects)", () => {
      // Large first: every memory growth resizes the pool's and the heap's side tables.
      for (const size of [64 << 20, 1 << 20, 64 << 10, 4 << 10, 256, 4]) {
        for (;;) {
          let item: Ptr;
          try {
            item = heap.allocate(Blob, size);
          } catch (error) {
            expect(error).toBeInstanceOf(OutOfMemoryError);
            expect((error as OutOfMemoryError).limitBytes).toBe(GiB);
            refusals++;
            break;
          }
          try {
            heap.listAppend(holder, item);
          } catch (error) {
            // The holder's item block could not grow: the cap is reached at this size too.
            expect(error).toBeInstanceOf(OutOfMemoryError);
            refusals++;
            break;
          } finally {
            lifetime.decref(item);
          }
        }
      }
    });
    const { memoryBytes, bytesInUse } = runtime.pool.stats();
    process.stdout.write(
      `[scale] filled: ${heap.listLength(holder)} objects, ${(bytesInUse / GiB).toFixed(4)} GiB in use, memory ${(memoryBytes / GiB).toFixed(4)} GiB\n`,
    );
    expect(refusals).toBe(6);
    expect(memoryBytes).toBeGreaterThan(0.99 * GiB);
    expect(memoryBytes).toBeLessThanOrEqual(GiB);
    timed("verify the full heap", () => runtime.verify());
    timed("release everything", () => lifetime.decref(holder));
    expect(memoryState(runtime)).toEqual(baseline);
    runtime.verify();
    // The released memory serves new requests again, up to the largest size.
    lifetime.decref(heap.allocate(Blob, 1 << 20));
  }, 300_000);
});
