import type { Ptr } from "@pymem/core";
import { defineGetter } from "./builtin-getters.js";
import { Cmp, type Machine } from "./machine.js";
import { defineMethod, defineTypeMethod } from "./native-arguments.js";
import { compare } from "./operators.js";

/**
 * `weakref.ref` as a type (CPython: `_PyWeakref_RefType`, shown as `weakref.ReferenceType`):
 * calling it makes a weak reference, and a class may derive from it (`class KeyedRef(ref)`),
 * adding `__slots__` or a `__dict__`. A subclass instance is never shared with the plain
 * callback-less ref (`weakref.ref(o) is weakref.ref(o)`, `R(o) is not R(o)`), sits in the
 * referent's weakref list (so `getweakrefs` sees it) and is what its callback receives.
 *
 * @module
 */

/** The type's name, as the machine registers it. */
const REFERENCE_TYPE = "weakref.ReferenceType";

/**
 * Installs `__new__`, `__init__`, `__call__`, `__callback__`, `__hash__` and the equality
 * comparisons of the weakref type, so that calls, subclasses and `super()` find them.
 *
 * @example
 * ```ts
 * installWeakrefType(machine);
 * ```
 * @internal
 */
export function installWeakrefType(m: Machine): void {
  const heap = m.heap;
  const record = m.builtinType(REFERENCE_TYPE);
  const isRef = (obj: Ptr): boolean => heap.isWeakref(obj);
  // CPython: weakref___new__ — `ref(ob, callback=None)` or, from a subclass's `type_call` or
  // `super().__new__(cls, ob, callback)`, the class first.
  defineMethod(m, REFERENCE_TYPE, "__new__", (_context, args, keywords) => {
    // The class comes first from `type_call` on a subclass and from `ref.__new__(cls, …)`, not
    // from `ref(ob)`: a first argument that is the weakref type or a subclass is taken as the
    // class (so `ref(SomeRefSubclass)`, a reference to such a class, is not expressible).
    const first = args[0];
    let cls = record;
    let rest = args;
    if (first !== undefined && m.isType(first)) {
      const target = m.recordOfType(first);
      if (m.isSubtype(target, record)) {
        cls = target;
        rest = args.slice(1);
      }
    }
    // CPython: weakref___init__ refuses keywords (weakref___new__ ignores them); `type_call` runs
    // it after __new__ unless a subclass brings its own __init__.
    const init = m.name("__init__");
    if (keywords.length > 0 && m.lookupType(cls, init) === m.lookupType(record, init))
      m.raise("TypeError", "ref() takes no keyword arguments");
    const [referent, callback] = referenceArguments(m, "__new__", rest);
    if (heap.types.weaklistOffset[heap.typeOf(referent)] === 0)
      m.raise("TypeError", `cannot create weak reference to '${m.typeName(referent)}' object`);
    return heap.newWeakref(referent, callback, cls.id);
  });
  // CPython: weakref___init__ — checks the arguments, the reference is already made.
  defineMethod(m, REFERENCE_TYPE, "__init__", (_context, args, keywords) => {
    if (keywords.length > 0) m.raise("TypeError", "ref() takes no keyword arguments");
    referenceArguments(m, "__init__", args.slice(1));
    return heap.none;
  });
  // CPython: weakref_call — the referent, or None once it is dead.
  defineTypeMethod(m, REFERENCE_TYPE, isRef, "__call__", 0, 0, false, (self) =>
    m.incref(heap.weakrefGet(self)),
  );
  defineTypeMethod(m, REFERENCE_TYPE, isRef, "__hash__", 0, 0, false, (self) =>
    m.newInt(heap.builtinHash(self)),
  );
  for (const [name, op] of [
    ["__eq__", Cmp.EQ],
    ["__ne__", Cmp.NE],
  ] as const)
    defineTypeMethod(m, REFERENCE_TYPE, isRef, name, 1, 1, false, (self, [other]) =>
      referenceEquality(m, self, other!, op),
    );
  // CPython: the `__callback__` member — the callback, or None.
  defineGetter(m, REFERENCE_TYPE, "__callback__", (self) => {
    if (!isRef(self))
      m.raise(
        "TypeError",
        `descriptor '__callback__' for 'weakref.ReferenceType' objects doesn't apply to a '${m.typeName(self)}' object`,
      );
    return m.incref(heap.weakrefCallbackObject(self) || heap.none);
  });
}

/** `(ob, callback)` from `__new__`'s or `__init__`'s positional arguments (CPython: `parse_weakref_init_args`). */
function referenceArguments(m: Machine, name: string, args: readonly Ptr[]): [Ptr, Ptr] {
  if (args.length < 1)
    m.raise("TypeError", `${name} expected at least 1 argument, got ${args.length}`);
  if (args.length > 2)
    m.raise("TypeError", `${name} expected at most 2 arguments, got ${args.length}`);
  return [args[0]!, args[1] ?? m.heap.none];
}

/**
 * `ref == other` / `ref != other`: two live references compare their referents, any other pair
 * of references their identity; NotImplemented for a non-reference. CPython: `weakref_richcompare`.
 */
function referenceEquality(m: Machine, self: Ptr, other: Ptr, op: number): Ptr {
  const heap = m.heap;
  if (!heap.isWeakref(other)) return m.incref(m.notImplemented);
  const x = heap.weakrefGet(self);
  const y = heap.weakrefGet(other);
  if (x === heap.none || y === heap.none) return m.newBool((self === other) === (op === Cmp.EQ));
  return m.newBool(compare(m, op, x, y));
}
