import type { Ptr } from "@pymem/core";
import { BUILTIN_DOCS } from "./builtin-doc-table.js";
import { WRAPPER_CALLABLE_OFFSET } from "./descriptor-types.js";
import type { Machine, TypeRecord } from "./machine.js";
import {
  BUILTIN_NAME_OFFSET,
  BUILTIN_NATIVE_OFFSET,
  BUILTIN_SELF_OFFSET,
} from "./object-layouts.js";

/**
 * `__doc__` of built-in types, functions and methods (CPython: `tp_doc`, `ml_doc`, read through
 * `type_get_doc` and `meth_get__doc__`), from the table generated from CPython 3.13. The text is
 * made on each request rather than stored in the type dicts at start-up, so an interpreter that
 * never asks pays nothing on its heap.
 *
 * @module
 */

/**
 * `cls.__doc__` (or `instance.__doc__`) for a built-in type that has no `__doc__` entry of its
 * own: its CPython docstring as a new str, else None. A new reference.
 *
 * @example
 * ```ts
 * const doc = builtinTypeDoc(machine, machine.builtinType("int")); // "int([x]) -> integer…"
 * ```
 */
export function builtinTypeDoc(m: Machine, record: TypeRecord): Ptr {
  const doc = BUILTIN_DOCS[record.name];
  return doc !== undefined ? m.newStr(doc) : m.incref(m.heap.none);
}

/**
 * What a lookup of `name` that found nothing answers for an instance of `record` or the class
 * itself: the built-in type's docstring for `__doc__` on a built-in type, else 0 (missing).
 *
 * @example
 * ```ts
 * if (found === 0) return missingDoc(machine, record, name);
 * ```
 */
export function missingDoc(m: Machine, record: TypeRecord, name: string): Ptr {
  return name === "__doc__" && !record.user ? builtinTypeDoc(m, record) : 0;
}

/**
 * `fn.__doc__` for a built-in function or method object (`len`, `list.append`, `[].append`):
 * CPython's docstring for the type that defines it and its name, else None. A new reference.
 *
 * @example
 * ```ts
 * const doc = builtinFunctionDoc(machine, fn); // "Append object to the end of the list."
 * ```
 */
export function builtinFunctionDoc(m: Machine, fn: Ptr): Ptr {
  const name = m.heap.strValue(m.field(fn, BUILTIN_NAME_OFFSET));
  return builtinDoc(m, ownerOf(m, fn), name);
}

/**
 * The docstring of the built-in `name` defined by type `owner` (undefined: a function no type
 * defines, such as a getter not yet in any dict), as a new str, else None. A new reference.
 *
 * @example
 * ```ts
 * const doc = builtinDoc(machine, "list", "append"); // "Append object to the end of the list."
 * ```
 */
export function builtinDoc(m: Machine, owner: string | undefined, name: string): Ptr {
  const doc = BUILTIN_DOCS[owner !== undefined ? `${owner}.${name}` : name];
  return doc !== undefined ? m.newStr(doc) : m.incref(m.heap.none);
}

/**
 * The name of the built-in type whose dict defines `fn`: found through the type of its bound
 * `self` first (so `True.bit_length` is int's), else by its native index in any built-in type's
 * dict; undefined for a module-level function.
 */
function ownerOf(m: Machine, fn: Ptr): string | undefined {
  const native = m.field(fn, BUILTIN_NATIVE_OFFSET);
  const self = m.field(fn, BUILTIN_SELF_OFFSET);
  if (self !== 0) {
    const record = m.isType(self) ? m.recordOfType(self) : m.recordOf(self);
    for (const base of record.mro)
      for (const [, value] of m.heap.dictItems(m.typeDict(base)))
        if (definesNative(m, value, native)) return base.name;
  }
  // Not cached: a built-in type's dict fills on first use, after any cache would have been made.
  for (const record of m.builtinTypes.values())
    for (const [, value] of m.heap.dictItems(m.typeDict(record)))
      if (definesNative(m, value, native)) return record.name;
  return undefined;
}

/**
 * Whether a type-dict value is the built-in method with native index `native`, itself or
 * wrapped in a classmethod or staticmethod (`dict.fromkeys`).
 */
function definesNative(m: Machine, value: Ptr, native: number): boolean {
  const kind = m.typeIdOf(value);
  const fn =
    kind === m.descriptorTypes.classmethod || kind === m.descriptorTypes.staticmethod
      ? m.field(value, WRAPPER_CALLABLE_OFFSET)
      : value;
  return m.typeIdOf(fn) === m.types.builtin && m.field(fn, BUILTIN_NATIVE_OFFSET) === native;
}
