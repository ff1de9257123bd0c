import type { Attribute, Statement } from "../ast.js";
import { compareByCodePoint } from "./class-creation.js";

/**
 * A class's `__static_attributes__` (Python 3.13): the names its methods assign through `self`,
 * found in the source at compile time. CPython: `compiler_maybe_add_static_attribute_to_class`,
 * which adds `self.NAME` in a store context anywhere inside the class body (nested functions,
 * lambdas and comprehensions included) to the innermost enclosing class; `compiler_class_body`
 * stores them sorted.
 *
 * @module
 */

/**
 * The sorted names of `self.NAME` assignment targets in a class body, not counting those inside
 * nested classes (they belong to the nested class). The walk is iterative: a deeply nested body
 * cannot overflow the stack.
 *
 * @example
 * ```ts
 * staticAttributeNames(classDef.body); // ["x", "y"] for `def __init__(self): self.y = self.x = 0`
 * ```
 */
export function staticAttributeNames(body: readonly Statement[]): string[] {
  const names = new Set<string>();
  const pending: unknown[] = [...body];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      for (const item of node) pending.push(item);
      continue;
    }
    if (typeof node !== "object" || node === null) continue;
    const kind = (node as { kind?: unknown }).kind;
    if (kind === "ClassDef") continue;
    if (kind === "Attribute") {
      const { ctx, value, attr } = node as Attribute;
      if (ctx === "Store" && value.kind === "Name" && value.id === "self") names.add(attr);
    }
    for (const value of Object.values(node)) if (typeof value === "object") pending.push(value);
  }
  return [...names].sort(compareByCodePoint);
}
