import { OutOfMemoryError } from "@pymem/core";
import type { Heap } from "@pymem/heap";

/**
 * The size guard for results a program sizes itself (`"x" * n`, `[0] * n`, `s.ljust(n)`, format
 * widths, `join`, `replace`, the repr of a huge container): their JavaScript form (a string, an
 * array) is built before the heap object, so without a check a program capped at 64 MiB of heap
 * could make the JavaScript engine build gigabytes and abort the process. CPython raises
 * `MemoryError` when the result cannot be allocated; pymem raises it before building anything the
 * heap could never hold.
 *
 * @module
 */

/** V8's longest string (2^29 − 24 UTF-16 units): a longer str cannot exist as JavaScript text. */
const MAX_STRING_LENGTH = 0x1fff_ffe8;

/**
 * Throws `OutOfMemoryError` (Python's `MemoryError`) before the caller builds a `str` of `length`
 * code points that could never be allocated: over the heap's cap (a str takes at least a byte per
 * code point) or longer than a JavaScript string can be.
 *
 * @example
 * ```ts
 * checkStrSize(heap, width); // before text.padEnd(width)
 * ```
 * @internal
 */
export function checkStrSize(heap: Heap, length: number): void {
  const limit = Math.min(heap.memory.maximumBytes, MAX_STRING_LENGTH);
  if (!(length <= limit)) throw new OutOfMemoryError(length, limit, "str too large to build");
}

/**
 * Throws `OutOfMemoryError` (Python's `MemoryError`) before the caller builds a list or tuple of
 * `count` items whose item array (four bytes a pointer) could never fit under the heap's cap.
 *
 * @example
 * ```ts
 * checkSequenceSize(heap, items.length * count); // before building [x] * count
 * ```
 * @internal
 */
export function checkSequenceSize(heap: Heap, count: number): void {
  const bytes = 4 * count;
  const limit = heap.memory.maximumBytes;
  if (!(bytes <= limit)) throw new OutOfMemoryError(bytes, limit, "sequence too large to build");
}

/**
 * Accumulates the length of a `str` built piece by piece (`"".join(…)`, the repr of a container),
 * checking the running total with {@link checkStrSize} as each piece arrives, so the pieces
 * themselves never outgrow the cap.
 *
 * @example
 * ```ts
 * const size = new StrSize(heap);
 * for (const part of parts) size.add(part.length);
 * ```
 * @internal
 */
export class StrSize {
  private total = 0;

  constructor(private readonly heap: Heap) {}

  /** Adds `length` code units and checks the total. */
  add(length: number): void {
    this.total += length;
    checkStrSize(this.heap, this.total);
  }
}
