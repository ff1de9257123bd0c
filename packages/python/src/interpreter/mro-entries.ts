import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
import type { Machine } from "./machine.js";
import { findAttribute } from "./object-access.js";
import { sequenceItems } from "./operators.js";

/**
 * PEP 560's `__mro_entries__`: a class statement's base that is not a class but has this
 * method (`Generic[T]`, `typing.NamedTuple`) is replaced by the classes it returns, and the
 * bases as written are kept as `__orig_bases__`.
 *
 * @module
 */

/** The bases a class statement uses after `__mro_entries__`, and the bases as written. */
export interface ResolvedBases {
  /** The bases the class is built from (borrowed; alive while the statement's stack entries are). */
  readonly bases: Ptr[];
  /** The tuple of the bases as written, for `__orig_bases__` (borrowed, likewise). */
  readonly originalBases: Ptr;
}

/**
 * Replaces each non-class base that defines `__mro_entries__` by the tuple it returns; undefined
 * when no base does (the common case costs one type check per base). The objects made are
 * pushed on the value stack, so the class statement's unwinding releases them.
 * CPython: `update_bases` in `builtin___build_class__`.
 *
 * @example
 * ```ts
 * const resolved = resolveMroEntries(machine, baseObjects); // class Stack(Generic[T])
 * ```
 */
export function resolveMroEntries(m: Machine, written: readonly Ptr[]): ResolvedBases | undefined {
  let bases: Ptr[] | undefined;
  let originalBases = 0;
  for (let i = 0; i < written.length; i++) {
    const base = written[i]!;
    const method = m.isType(base)
      ? 0
      : findAttribute(m, base, m.name("__mro_entries__"), "__mro_entries__");
    if (method === 0) {
      bases?.push(base);
      continue;
    }
    m.push(method);
    if (originalBases === 0) {
      originalBases = m.newTuple(written);
      m.push(originalBases);
    }
    const entries = call(m, method, [originalBases], undefined);
    m.push(entries);
    if (m.typeIdOf(entries) !== m.heap.tupleType)
      m.raise("TypeError", "__mro_entries__ must return a tuple");
    bases ??= written.slice(0, i);
    bases.push(...sequenceItems(m, entries));
  }
  return bases === undefined ? undefined : { bases, originalBases };
}
