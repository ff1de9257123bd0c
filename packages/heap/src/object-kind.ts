/**
 * How the heap implements a type: selects the built-in code paths for construction, hashing,
 * deallocation and verification.
 *
 * @example
 * ```ts
 * if (heap.kindOf(obj) === ObjectKind.LIST) console.log(heap.listLength(obj));
 * ```
 */
export const ObjectKind = {
  /** A type registered with {@link Heap.defineType}: declarative layout only. */
  GENERIC: 0,
  /** `NoneType` (only the immortal `None`). */
  NONE: 1,
  /** `int`: a float64 safe integer. */
  INT: 2,
  /** `bool`: an `int` subtype (only the immortal `True` and `False`). */
  BOOL: 3,
  /** `float`. */
  FLOAT: 4,
  /** `str`: UTF-8 bytes inline. */
  STR: 5,
  /** `tuple`: items inline. */
  TUPLE: 6,
  /** `list`: items in a separate, over-allocated block. */
  LIST: 7,
  /** `dict`: a compact ordered hash table. */
  DICT: 8,
  /** `weakref.ReferenceType`. */
  WEAKREF: 9,
  /** An instance of a class from {@link Heap.defineClass}. */
  INSTANCE: 10,
  /** `set`: an open-addressing hash table of keys. */
  SET: 11,
  /** `frozenset`: a `set` that cannot change, hashable. */
  FROZENSET: 12,
  /** `complex`: two float64 parts. */
  COMPLEX: 13,
} as const;

// Plain numbers for the hot paths (ObjectKind.X is a property load in unoptimised code).
/** {@link ObjectKind.GENERIC} as a plain constant for hot paths. @internal */
export const KIND_GENERIC = 0;
/** {@link ObjectKind.TUPLE} as a plain constant for hot paths. @internal */
export const KIND_TUPLE = 6;
/** {@link ObjectKind.LIST} as a plain constant for hot paths. @internal */
export const KIND_LIST = 7;
/** {@link ObjectKind.INSTANCE} as a plain constant for hot paths. @internal */
export const KIND_INSTANCE = 10;
