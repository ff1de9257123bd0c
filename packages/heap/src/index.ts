/**
 * `@pymem/heap`: Python objects in linear memory — CPython's object headers, the type registry,
 * the built-in types (None, bool, int, float, str, tuple, list, dict, weakref), user classes and
 * CPython's free lists. Reference counting is attached by `@pymem/refcount`.
 *
 * @packageDocumentation
 */
export type { ClassOptions, HeapOptions, LeakRecord, UnraisableHook } from "./api.js";
export { createDefaultAllocator } from "./default-allocator.js";
export { FREE_LIST_LIMITS, TUPLE_MAX_SAVE_SIZE } from "./free-lists.js";
export {
  HASH_BITS,
  HASH_INF,
  HASH_MODULUS,
  HASH_NONE,
  hashBytes,
  hashFloat,
  hashInteger,
  hashPointer,
} from "./hash.js";
export { Heap, ObjectKind, SMALL_INT_MAX, SMALL_INT_MIN } from "./heap.js";
export * from "./layouts.js";
export { defaultUnraisableSink, formatUnraisable } from "./unraisable.js";
