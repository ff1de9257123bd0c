import { nowNs } from "../shared/timing.js";
import type { WorkloadKind, WorkloadSequence } from "../shared/workload-sequence.js";

/**
 * The two calls every linear-memory subject is timed on: pymem's `Allocator` and thi.ng's
 * `MemPool` both fit (MemPool's `free` returns a boolean, pymem's returns nothing).
 *
 * @example
 * ```ts
 * const subject: MallocFree = new PoolAllocator({ profile: "cpython64" });
 * ```
 */
export interface MallocFree {
  /** Returns the block's byte address; 0 only on failure (MemPool's out-of-memory sentinel). */
  malloc(size: number): number;
  /** Releases a block; `false` means the allocator rejected the pointer (MemPool). */
  free(ptr: number): unknown;
}

/**
 * Holder of the current byte view (pymem's `LinearMemory` re-derives `u8` when memory grows, so
 * the loops read `holder.u8` at each write instead of caching the view).
 *
 * @example
 * ```ts
 * const holder: ByteViewHolder = pool.memory; // or { u8: new Uint8Array(memPool.buf) }
 * ```
 */
export interface ByteViewHolder {
  /** The memory's bytes at this moment. */
  u8: Uint8Array;
}

function failure(what: string, size: number): Error {
  return new Error(
    `${what} failed (size ${size}): the subject ran out of memory or rejected a pointer`,
  );
}

/**
 * Fills the live set of a churn workload (untimed): slot `i` gets `initialSizes[i]` bytes.
 *
 * @example
 * ```ts
 * fillLiveSet(pool, pool.memory, sequence, live);
 * ```
 */
export function fillLiveSet(
  allocator: MallocFree,
  memory: ByteViewHolder,
  sequence: WorkloadSequence,
  live: Uint32Array,
): void {
  const sizes = sequence.initialSizes;
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i] as number;
    const ptr = allocator.malloc(size);
    if (ptr === 0) throw failure("malloc", size);
    memory.u8[ptr] = 1;
    live[i] = ptr;
  }
}

/**
 * Frees every block of a churn live set (untimed teardown between runs).
 *
 * @example
 * ```ts
 * freeLiveSet(pool, live, live.length);
 * ```
 */
export function freeLiveSet(allocator: MallocFree, live: Uint32Array, count: number): void {
  for (let i = 0; i < count; i++) {
    if (allocator.free(live[i] as number) === false) throw failure("free", 0);
  }
}

/**
 * The timed part of a churn run: `steps` times, free the block in a drawn slot and allocate a
 * drawn size into it, writing one byte. Returns elapsed nanoseconds.
 *
 * @example
 * ```ts
 * const elapsed = timeChurnSteps(pool, pool.memory, sequence, live, 2_000_000);
 * ```
 */
export function timeChurnSteps(
  allocator: MallocFree,
  memory: ByteViewHolder,
  sequence: WorkloadSequence,
  live: Uint32Array,
  steps: number,
): number {
  const slots = sequence.slots;
  const sizes = sequence.sizes;
  const start = nowNs();
  for (let step = 0; step < steps; step++) {
    const slot = slots[step] as number;
    if (allocator.free(live[slot] as number) === false) throw failure("free", 0);
    const size = sizes[step] as number;
    const ptr = allocator.malloc(size);
    if (ptr === 0) throw failure("malloc", size);
    memory.u8[ptr] = step;
    live[slot] = ptr;
  }
  return nowNs() - start;
}

/**
 * A whole timed batch (or LIFO) run: `rounds` times, allocate every drawn size (writing one byte
 * into each block), then free them all in the drawn order. Returns elapsed nanoseconds.
 *
 * @example
 * ```ts
 * const elapsed = timeBatchRounds(pool, pool.memory, sequence, live, 1);
 * ```
 */
export function timeBatchRounds(
  allocator: MallocFree,
  memory: ByteViewHolder,
  sequence: WorkloadSequence,
  live: Uint32Array,
  rounds: number,
): number {
  const order = sequence.slots;
  const sizes = sequence.sizes;
  const count = sizes.length;
  const start = nowNs();
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < count; i++) {
      const size = sizes[i] as number;
      const ptr = allocator.malloc(size);
      if (ptr === 0) throw failure("malloc", size);
      memory.u8[ptr] = i;
      live[i] = ptr;
    }
    for (let i = 0; i < count; i++) {
      if (allocator.free(live[order[i] as number] as number) === false) throw failure("free", 0);
    }
  }
  return nowNs() - start;
}

/** Shared empty array standing in for a dropped block, so the slot array's element kind stays one. */
const DROPPED = new Uint8Array(0);

/**
 * The `new Uint8Array(size)` subject on any workload: "malloc" is `new Uint8Array(size)`, "free"
 * is dropping the reference (the slot is overwritten) and leaving the rest to V8's GC.
 * Returns elapsed nanoseconds of the timed part (for churn the fill is untimed, as for the others).
 *
 * @example
 * ```ts
 * const elapsed = timeTypedArrays("churn", sequence, slots, 2_000_000);
 * ```
 */
export function timeTypedArrays(
  kind: WorkloadKind,
  sequence: WorkloadSequence,
  live: Uint8Array[],
  units: number,
): number {
  const sizes = sequence.sizes;
  const slots = sequence.slots;
  if (kind === "churn") {
    const initialSizes = sequence.initialSizes;
    for (let i = 0; i < initialSizes.length; i++) {
      const block = new Uint8Array(initialSizes[i] as number);
      block[0] = 1;
      live[i] = block;
    }
    const start = nowNs();
    for (let step = 0; step < units; step++) {
      const block = new Uint8Array(sizes[step] as number);
      block[0] = step;
      live[slots[step] as number] = block;
    }
    const elapsed = nowNs() - start;
    live.fill(DROPPED);
    return elapsed;
  }
  const count = sizes.length;
  const start = nowNs();
  for (let round = 0; round < units; round++) {
    for (let i = 0; i < count; i++) {
      const block = new Uint8Array(sizes[i] as number);
      block[0] = i;
      live[i] = block;
    }
    for (let i = 0; i < count; i++) live[slots[i] as number] = DROPPED;
  }
  return nowNs() - start;
}

/**
 * A slot array for {@link timeTypedArrays}, pre-filled so its element kind never changes.
 *
 * @example
 * ```ts
 * const slots = typedArraySlots(100_000);
 * ```
 */
export function typedArraySlots(count: number): Uint8Array[] {
  return Array.from({ length: count }, () => DROPPED);
}
