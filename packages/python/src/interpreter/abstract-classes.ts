import { iterate } from "./iteration.js";
import type { Machine, TypeRecord } from "./machine.js";
import { str } from "./object-repr.js";

/**
 * The refusal to instantiate an abstract class: a class whose own `__abstractmethods__` is a
 * non-empty collection (what `abc.ABCMeta` sets) makes `object.__new__` raise, naming the
 * missing methods in sorted order. CPython keeps this as the `Py_TPFLAGS_IS_ABSTRACT` flag that
 * `type_set_abstractmethods` sets; pymem keeps it as {@link HOOK_ABSTRACT} in the class's hook
 * bits, recomputed whenever a class attribute changes, so that instantiating any other class
 * costs one bit test.
 *
 * @module
 */

/** The class's own `__abstractmethods__` is non-empty (CPython: `Py_TPFLAGS_IS_ABSTRACT`). */
export const HOOK_ABSTRACT = 32;

/**
 * Raises CPython's TypeError when `record` is abstract; returns otherwise. CPython: the check at
 * the top of `object_new`.
 *
 * @example
 * ```ts
 * if (record.hooks & HOOK_ABSTRACT) refuseAbstractInstance(machine, record);
 * ```
 */
export function refuseAbstractInstance(m: Machine, record: TypeRecord): void {
  if ((record.hooks & HOOK_ABSTRACT) === 0) return;
  const abstracts = m.heap.dictGetItem(m.typeDict(record), m.name("__abstractmethods__"));
  if (abstracts === 0) return;
  const names: string[] = [];
  iterate(m, abstracts, (item) => {
    names.push(str(m, item));
    return undefined;
  });
  names.sort();
  m.raise(
    "TypeError",
    `Can't instantiate abstract class ${record.name} without an implementation for abstract method${
      names.length > 1 ? "s" : ""
    } '${names.join("', '")}'`,
  );
}

/**
 * Calling abstract class `record` (its hook bit is set): the excess-arguments TypeError when no
 * `__init__` takes the arguments, else {@link refuseAbstractInstance}'s. Kept out of `callType`
 * so that the frame every instantiation nests stays small. CPython: `object_new`'s order.
 *
 * @example
 * ```ts
 * if (record.hooks & HOOK_ABSTRACT) refuseAbstractCall(machine, record, argumentCount > 0);
 * ```
 */
export function refuseAbstractCall(m: Machine, record: TypeRecord, hasArguments: boolean): void {
  const init = m.lookupType(record, m.name("__init__"));
  if (hasArguments && (init === 0 || m.typeIdOf(init) !== m.types.function))
    m.raise("TypeError", `${record.name}() takes no arguments`);
  refuseAbstractInstance(m, record);
}
