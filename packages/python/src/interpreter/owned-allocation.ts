import type { Ptr, TypeId } from "@pymem/core";
import type { Machine } from "./machine.js";

/**
 * Allocates a new object that is to take over references the caller already owns (an iterator
 * wrapping the iterator it made, a property its accessors): when the allocation fails with
 * MemoryError, those references are released before the error goes on, as CPython's `*_new`
 * functions `Py_DECREF` what they made on their failure paths — otherwise they would leak.
 *
 * @example
 * ```ts
 * const inner = getIterator(m, iterable);
 * const obj = allocateOwning(m, types.enumerate, [inner]);
 * heap.memory.u32[(obj + ENUMERATE_ITERATOR_OFFSET) >>> 2] = inner;
 * ```
 */
export function allocateOwning(
  m: Machine,
  typeId: TypeId,
  owned: readonly Ptr[],
  itemCount?: number,
): Ptr {
  try {
    return itemCount === undefined ? m.heap.allocate(typeId) : m.heap.allocate(typeId, itemCount);
  } catch (error) {
    for (const obj of owned) if (obj !== 0) m.decref(obj);
    throw error;
  }
}
