/**
 * `@pymem/heap`: Python objects in linear memory — CPython's object headers, the type registry,
 * the built-in types (None, bool, int, float, complex, str, tuple, list, dict, set, frozenset,
 * weakref), user classes and CPython's free lists. Reference counting is attached by `@pymem/refcount`.
 *
 * @packageDocumentation
 */
export type {
  ClassOptions,
  HeapOptions,
  KeyProtocol,
  LeakRecord,
  UnraisableHook,
} from "./api.js";
export { DIGIT_BITS, hashBigInt } from "./big-int-digits.js";
export type { BigIntOperations } from "./big-int-objects.js";
export { SUBCLASSABLE_KINDS } from "./builtin-subclass-types.js";
export type { WeakrefCallback, WeakrefCallbackCaller } from "./callback-table.js";
export type { ComplexOperations } from "./complex-objects.js";
export { createDefaultAllocator } from "./default-allocator.js";
export type { DictOperations } from "./dict-objects.js";
export { FREE_LIST_LIMITS, TUPLE_MAX_SAVE_SIZE } from "./free-lists.js";
export {
  HASH_BITS,
  HASH_INF,
  HASH_MODULUS,
  HASH_NONE,
  hashFloat,
  hashInteger,
  hashPointer,
} from "./hash.js";
export { Heap, ObjectKind, SMALL_INT_MAX, SMALL_INT_MIN } from "./heap.js";
export type { DebugOperations } from "./heap-debug.js";
export type { InstanceOperations } from "./instance-objects.js";
export * from "./layouts.js";
export type { ListOperations, TakenListItems } from "./list-objects.js";
export type { NumberOperations } from "./number-objects.js";
export type { DeallocOperations } from "./object-dealloc.js";
export type { HashOperations } from "./object-hash.js";
export type { SetAlgebraOperations } from "./set-algebra.js";
export type { SetOperations } from "./set-objects.js";
export type { StrOperations } from "./str-objects.js";
export {
  fillRandomBytes,
  type HashSecret,
  hashSecretFromSeed,
  hashStrUtf8,
  MAX_HASH_SEED,
  parseHashSeed,
  siphash13,
} from "./string-hash.js";
export type { TupleOperations } from "./tuple-objects.js";
export { defaultUnraisableSink, formatUnraisable } from "./unraisable.js";
export type { WeakrefOperations } from "./weakref-objects.js";
