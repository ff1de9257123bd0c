import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
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
  try {
    const property = call(m, m.builtinType("property").object, [getter], undefined);
    m.heap.dictSetItem(m.typeDict(m.builtinType(typeName)), m.name(name), property);
    m.decref(property);
  } finally {
    m.decref(getter);
  }
}
