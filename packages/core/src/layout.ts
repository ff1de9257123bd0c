/**
 * The object header layout shared by every pymem package: CPython's, as built for a 32-bit target
 * (the way Pyodide runs it). Every field is a little-endian 32-bit word.
 *
 * ```text
 *                   ┌──────────────────────────────┐
 *   obj - 8  ──────►│ gc_next                       │  GC head (GC-capable types only):
 *                   ├──────────────────────────────┤  next object in the generation list,
 *   obj - 4  ──────►│ gc_prev          │ flags (2b) │  0 ⇔ untracked; prev pointer whose low
 *                   ╞══════════════════════════════╡  2 bits are flags (and, while a collection
 *   obj      ──────►│ ob_refcnt                     │  runs, bits 2.. hold gc_refs)
 *                   ├──────────────────────────────┤
 *   obj + 4  ──────►│ ob_type  (TypeId)             │  index into the TypeTable
 *                   ├──────────────────────────────┤
 *   obj + 8  ──────►│ ob_size  (variable-size only) │  number of items
 *                   ├──────────────────────────────┤
 *                   │ type-specific fields …        │
 *                   └──────────────────────────────┘
 * ```
 *
 * `Ptr`s to objects point at `ob_refcnt` (as `PyObject *` does), so the GC head sits at negative
 * offsets and the allocation for a GC object starts `GC_HEAD_SIZE` bytes before the object.
 *
 * @module
 */

/** Size of the GC head that precedes a GC-capable object (`sizeof(PyGC_Head)` on 32-bit). */
export const GC_HEAD_SIZE = 8;
/** Offset of `gc_next` from the object address. CPython: `_gc_next`. */
export const GC_NEXT_OFFSET = -8;
/** Offset of `gc_prev` (with its flag bits) from the object address. CPython: `_gc_prev`. */
export const GC_PREV_OFFSET = -4;

/** Offset of the reference count. CPython: `ob_refcnt`. */
export const OB_REFCNT_OFFSET = 0;
/** Offset of the type id. CPython: `ob_type` (a pointer there, a {@link TypeId} here). */
export const OB_TYPE_OFFSET = 4;
/** Offset of the item count of a variable-size object. CPython: `ob_size`. */
export const OB_SIZE_OFFSET = 8;
/** Size of the fixed object header `{ob_refcnt, ob_type}`. CPython: `sizeof(PyObject)`. */
export const OBJECT_HEAD_SIZE = 8;
/** Size of the variable-size header `{ob_refcnt, ob_type, ob_size}`. CPython: `sizeof(PyVarObject)`. */
export const VAR_OBJECT_HEAD_SIZE = 12;

/**
 * `gc_prev` bit 0: the object's PEP 442 finalizer has run (persistent; set once).
 * CPython: `_PyGC_PREV_MASK_FINALIZED`.
 */
export const GC_PREV_MASK_FINALIZED = 1;
/**
 * `gc_prev` bit 1: the object belongs to the generation being collected (only while a collection
 * runs). CPython: `_PyGC_PREV_MASK_COLLECTING`.
 */
export const GC_PREV_MASK_COLLECTING = 2;
/** Shift of `gc_refs` (or the prev pointer) within `gc_prev`. CPython: `_PyGC_PREV_SHIFT`. */
export const GC_PREV_SHIFT = 2;
/** Mask of the pointer/`gc_refs` part of `gc_prev`. CPython: `_PyGC_PREV_MASK`. */
export const GC_PREV_MASK = ~((1 << GC_PREV_SHIFT) - 1);
/**
 * `gc_next` bit 0: the object was moved to the tentatively-unreachable list (only inside
 * `move_unreachable`). CPython: `NEXT_MASK_UNREACHABLE`.
 */
export const GC_NEXT_MASK_UNREACHABLE = 1;

/**
 * The reference count of an immortal object (PEP 683). CPython 3.12/3.13 on 32-bit platforms use
 * `_Py_IMMORTAL_REFCNT = UINT_MAX >> 2`; `incref`/`decref` leave such a count unchanged and the
 * object is never freed.
 */
export const IMMORTAL_REFCNT = 0x3fff_ffff;

/**
 * Identifies a type: the value stored in `ob_type`, an index into a {@link TypeTable}.
 * `0` is never a valid type id, so a zeroed (freed or foreign) header is recognisably not an object.
 *
 * @example
 * ```ts
 * import { type LinearMemory, OB_TYPE_OFFSET, type Ptr, type TypeId } from "@pymem/core";
 * const typeOf = (memory: LinearMemory, obj: Ptr): TypeId => memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
 * ```
 */
export type TypeId = number;
