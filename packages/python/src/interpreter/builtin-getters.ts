import type { Ptr } from "@pymem/core";
import { builtinDoc } from "./builtin-docs.js";
import { PROPERTY_DOC_OFFSET, PROPERTY_GET_OFFSET } from "./descriptor-types.js";
import type { Machine } from "./machine.js";

/**
 * Installs a read-only attribute of a built-in type as a `property` whose getter is a native
 * function, so that instances of the type and of classes deriving from it read it alike
 * (CPython: a `getset_descriptor` or `member_descriptor`, such as `memoryview.format` or
 * `weakref.ref.__callback__`).
 *
 * @example
 * ```ts
 * defineGetter(machine, "memoryview", "nbytes", (self) => machine.newInt(viewLength(self)));
 * ```
 * @internal
 */
export function defineGetter(
  m: Machine,
  typeName: string,
  name: string,
  fn: (self: Ptr) => Ptr,
): void {
  const getter = m.newBuiltin(
    m.addNative(name, (_context, args) => fn(args[0]!)),
    0,
  );
  let property = 0;
  try {
    // What `property(getter)` makes (CPython: property_init), without the call: the getter is in
    // no type's dict, so the docstring property_init copies from it is that of `name` alone;
    // asking the getter for it searched every built-in type's dict, for each getter made.
    property = m.heap.allocate(m.descriptorTypes.property);
    m.heap.memory.u32[(property + PROPERTY_GET_OFFSET) >>> 2] = m.incref(getter);
    const doc = builtinDoc(m, undefined, name);
    if (doc === m.heap.none) m.decref(doc);
    else m.heap.memory.u32[(property + PROPERTY_DOC_OFFSET) >>> 2] = doc;
    m.heap.dictSetItem(m.typeDict(m.builtinType(typeName)), m.name(name), property);
  } finally {
    if (property !== 0) m.decref(property);
    m.decref(getter);
  }
}
