import type { Ptr } from "@pymem/core";
import { type AttributeSite, cachedAttribute, cachedStore } from "./attribute-sites.js";
import type { Expr, Store } from "./expression-compiler.js";
import type { Machine } from "./machine.js";

/**
 * Borrowed reads of fast locals (CPython 3.14: `LOAD_FAST_BORROW`). `self.x` compiled plainly
 * takes a new reference to `self`, pushes it, reads the attribute and drops the reference. When
 * the attribute site's cache hits, no Python code runs between the read of the local and its use,
 * so nothing can observe the reference: the closures here read the slot without taking one and
 * fall back to the plain closure (which reads the slot again) on a miss or an unbound local.
 * Reference counts seen by any Python code, deallocation order and GC tracking are unchanged.
 *
 * @module
 */

/**
 * `local.name` (CPython: LOAD_FAST + LOAD_ATTR_INSTANCE_VALUE) for the fast local at byte
 * `offset` of the frame's locals; `plain` is the ordinary closure.
 *
 * @example
 * ```ts
 * const load = borrowedAttributeLoad(machine, 4 * slot, site, key, plainLoad);
 * ```
 */
export function borrowedAttributeLoad(
  m: Machine,
  offset: number,
  site: AttributeSite,
  key: Ptr,
  plain: Expr,
): Expr {
  const memory = m.heap.memory;
  return (f) => {
    const obj = memory.u32[(f.locals + offset) >>> 2]!;
    if (obj !== 0) {
      const value = cachedAttribute(m, site, obj, key);
      if (value !== 0) return value;
    }
    return plain(f);
  };
}

/**
 * `local.name = value` (CPython: LOAD_FAST + STORE_ATTR_INSTANCE_VALUE) for the fast local at
 * byte `offset`; `plain` is the ordinary store.
 *
 * @example
 * ```ts
 * const store = borrowedAttributeStore(machine, 4 * slot, site, key, plainStore);
 * ```
 */
export function borrowedAttributeStore(
  m: Machine,
  offset: number,
  site: AttributeSite,
  key: Ptr,
  plain: Store,
): Store {
  const memory = m.heap.memory;
  return (f, value) => {
    const obj = memory.u32[(f.locals + offset) >>> 2]!;
    if (obj === 0 || !cachedStore(m, site, obj, key, value)) plain(f, value);
  };
}
