import {
  GC_PREV_MASK_COLLECTING,
  GC_PREV_MASK_FINALIZED,
  GC_PREV_OFFSET,
  GC_PREV_SHIFT,
  OB_TYPE_OFFSET,
} from "./layout.js";
import type { LinearMemory } from "./memory.js";
import type { Ptr } from "./ptr.js";
import type { ReferenceStack } from "./reference-stack.js";
import { TypeFlags } from "./type-spec.js";
import type { TypeTable } from "./type-table.js";

/** The largest count `gc_prev` holds above its flags; a larger refcount makes its object a root. */
const MAX_REFS = (2 ** (32 - GC_PREV_SHIFT) - 1) >>> 1;

/**
 * The roots of a tracing collection over a set of GC objects in a refcounted heap: pushes onto
 * `roots` every object of `objects[0…count)` that something outside the set references —
 * JavaScript code holding a reference, an interpreter frame, an untracked or non-GC object.
 * Those are exactly the objects whose reference count exceeds the references from inside the set
 * (plus the `held` references per object the caller took), so no root registration is needed:
 * everything reachable from the roots is alive, the rest of the set is garbage. CPython:
 * `update_refs` + `subtract_refs`, the first half of `deduce_unreachable`.
 *
 * @remarks
 * While it runs, each object's `gc_prev` above the FINALIZED bit is scratch (CPython's
 * `gc_refs` and the COLLECTING bit); on return it is 0 with FINALIZED kept. A collector that
 * keeps state in `gc_prev` (a doubly linked list) must not call it. Objects must be GC-capable
 * and listed once; `scratch` is emptied. Cost: one pass over the set and its references.
 *
 * @example
 * ```ts
 * const roots = new ReferenceStack();
 * findRoots(host.memory, host.types, tracked, trackedCount, 0, roots, new ReferenceStack());
 * // mark from roots.items[0…roots.length); whatever stays unmarked is cyclic garbage
 * ```
 */
export function findRoots(
  memory: LinearMemory,
  types: TypeTable,
  objects: ArrayLike<Ptr>,
  count: number,
  held: number,
  roots: ReferenceStack,
  scratch: ReferenceStack,
): void {
  const u32 = memory.u32;
  const i32 = memory.i32;
  const flags = types.flags;
  // CPython: update_refs — gc_refs = refcount (minus what the caller holds), COLLECTING marks the set.
  for (let k = 0; k < count; k++) {
    const obj = objects[k]!;
    const prev = (obj + GC_PREV_OFFSET) >>> 2;
    const refs = Math.min(i32[obj >> 2]! - held, MAX_REFS);
    u32[prev] =
      (u32[prev]! & GC_PREV_MASK_FINALIZED) | GC_PREV_MASK_COLLECTING | (refs << GC_PREV_SHIFT);
  }
  // CPython: subtract_refs — references from inside the set do not keep anything alive.
  for (let k = 0; k < count; k++) {
    scratch.length = 0;
    types.pushReferences(objects[k]!, scratch);
    for (let i = 0; i < scratch.length; i++) {
      const ref = scratch.items[i]!;
      if ((flags[u32[(ref + OB_TYPE_OFFSET) >>> 2]!]! & TypeFlags.GC) === 0) continue;
      const prev = (ref + GC_PREV_OFFSET) >>> 2;
      if ((u32[prev]! & GC_PREV_MASK_COLLECTING) !== 0)
        u32[prev] = u32[prev]! - (1 << GC_PREV_SHIFT);
    }
  }
  scratch.length = 0;
  // What is left counts references from outside: those objects are the roots.
  for (let k = 0; k < count; k++) {
    const obj = objects[k]!;
    const prev = (obj + GC_PREV_OFFSET) >>> 2;
    if (u32[prev]! >>> GC_PREV_SHIFT !== 0) roots.push(obj);
    u32[prev] = u32[prev]! & GC_PREV_MASK_FINALIZED;
  }
}
