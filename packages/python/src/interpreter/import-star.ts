import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { namespaceStore } from "./class-namespace.js";
import type { Frame } from "./frame.js";
import { iterate } from "./iteration.js";
import type { Machine } from "./machine.js";
import { findAttribute, getAttribute } from "./object-access.js";

/**
 * `from module import *` (CPython: `import_all_from` behind `CALL_INTRINSIC_1
 * INTRINSIC_IMPORT_STAR`): every name in the module's `__all__`, or, without one, every key of
 * its `__dict__` not starting with an underscore, bound in the running namespace. The parser
 * already refused the statement outside module level.
 *
 * @example
 * ```ts
 * importStar(machine, frame, jsonModule); // binds dumps, loads, JSONDecodeError, …
 * ```
 * @internal
 */
export function importStar(m: Machine, f: Frame, module: Ptr): void {
  const heap = m.heap;
  let names = findAttribute(m, module, m.name("__all__"), "__all__");
  const fromAll = names !== 0;
  if (!fromAll) {
    names = findAttribute(m, module, m.name("__dict__"), "__dict__");
    if (names === 0) m.raise("ImportError", "from-import-* object has no __dict__ and no __all__");
  }
  // A namespace other than the globals: exec() with separate locals.
  const namespace = f.namespace !== 0 ? f.namespace : f.globals;
  m.push(names);
  try {
    iterate(m, names, (name) => {
      if (heap.kindOf(name) !== ObjectKind.STR)
        m.raise(
          "TypeError",
          `${fromAll ? "Item" : "Key"} in ${moduleName(m, module)}.${fromAll ? "__all__" : "__dict__"} must be str, not ${m.typeName(name)}`,
        );
      const text = heap.strValue(name);
      if (!fromAll && text.startsWith("_")) return true;
      const value = getAttribute(m, module, name, text);
      try {
        namespaceStore(m, namespace, name, value);
      } finally {
        m.decref(value);
      }
      return true;
    });
  } finally {
    m.sp--;
    m.decref(names);
  }
}

/** The module's `__name__` for messages (CPython: import_all_from's error path). */
function moduleName(m: Machine, module: Ptr): string {
  const name = getAttribute(m, module, m.name("__name__"), "__name__");
  try {
    if (m.heap.kindOf(name) !== ObjectKind.STR)
      m.raise("TypeError", `module __name__ must be a string, not ${m.typeName(name)}`);
    return m.heap.strValue(name);
  } finally {
    m.decref(name);
  }
}
