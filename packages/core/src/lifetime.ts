import type { Ptr } from "./ptr.js";

/**
 * Reference counting as an interface: how the object model changes an object's count and
 * releases it. Implemented by `@pymem/refcount`; collectors and the runtime use only this.
 *
 * @remarks
 * - `incref`/`decref` of an immortal object change nothing (PEP 683).
 * - `decref` to zero deallocates at once: finalizer, weakrefs, the type's dealloc, the memory —
 *   iteratively, however long the chain of objects it frees.
 * - `decref` below zero throws {@link NegativeRefcountError} and changes nothing.
 *
 * @example
 * ```ts
 * import type { Lifetime } from "@pymem/core";
 * function replaceSlot(lifetime: Lifetime, memory: LinearMemory, slot: Ptr, value: Ptr) {
 *   const old = memory.u32[slot >>> 2]!;
 *   lifetime.incref(value);
 *   memory.u32[slot >>> 2] = value;
 *   if (old !== 0) lifetime.decref(old);   // CPython: Py_SETREF
 * }
 * ```
 */
export interface Lifetime {
  /** Adds a reference. CPython: `Py_INCREF`. */
  incref(obj: Ptr): void;
  /** Drops a reference, deallocating on zero. CPython: `Py_DECREF`. */
  decref(obj: Ptr): void;
  /** The current count (immortal objects report their immortal value). CPython: `Py_REFCNT`. */
  refcount(obj: Ptr): number;
  /** Whether the object is immortal. CPython: `_Py_IsImmortal`. */
  isImmortal(obj: Ptr): boolean;
}
