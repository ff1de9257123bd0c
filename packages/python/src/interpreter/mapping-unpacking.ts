import type { Ptr } from "@pymem/core";
import { iterateDict } from "./iteration.js";
import type { Machine } from "./machine.js";
import { mappingItems } from "./mapping-protocol.js";
import {
  BUILTIN_NAME_OFFSET,
  BUILTIN_SELF_OFFSET,
  FUNCTION_CODE_OFFSET,
  METHOD_FUNCTION_OFFSET,
} from "./object-layouts.js";

/**
 * `**mapping` unpacking: in calls (`f(**kwargs)`, CPython's DICT_MERGE into the keyword dict
 * of CALL_FUNCTION_EX) and in dict displays (`{**a, 'k': v}`, DICT_UPDATE), with CPython 3.13's
 * errors.
 *
 * @module
 */

/**
 * How CPython names a callable in call errors: `__main__.f()`, `__main__.C.m()`, `len()`.
 * CPython: `_PyObject_FunctionStr`.
 */
export function functionDisplayName(m: Machine, callee: Ptr): string {
  const types = m.types;
  let fn = callee;
  if (m.typeIdOf(fn) === types.method) fn = m.field(fn, METHOD_FUNCTION_OFFSET);
  if (m.typeIdOf(fn) === types.function)
    return `__main__.${m.codes[m.field(fn, FUNCTION_CODE_OFFSET)]!.qualifiedName}()`;
  if (m.typeIdOf(fn) === types.builtin) {
    const self = m.field(fn, BUILTIN_SELF_OFFSET);
    const name = m.heap.strValue(m.field(fn, BUILTIN_NAME_OFFSET));
    const owner = self === 0 || m.typeIdOf(self) === types.module ? "" : `${m.typeName(self)}.`;
    return `${owner}${name}()`;
  }
  if (m.isType(fn)) return `${m.recordOfType(fn).name}()`;
  return `${m.typeName(fn)} object`;
}

/**
 * Pushes the values of `mapping` (borrowed) onto the value stack as keyword arguments, appending
 * their names to `names`. `callee` names the call in errors: the callable, or its display name. CPython: DICT_MERGE — `keywords must be strings`, `… got multiple
 * values for keyword argument 'x'`, `… argument after ** must be a mapping, not int`.
 */
export function pushKeywordMapping(
  m: Machine,
  callee: Ptr | string,
  mapping: Ptr,
  names: string[],
): void {
  const heap = m.heap;
  const label = (): string =>
    typeof callee === "string" ? callee : functionDisplayName(m, callee);
  const entries = entriesOfMapping(m, mapping, () =>
    m.raise(
      "TypeError",
      `${label()} argument after ** must be a mapping, not ${m.typeName(mapping)}`,
    ),
  );
  try {
    for (const [key] of entries) {
      if (!m.isStr(key)) m.raise("TypeError", "keywords must be strings");
      const name = heap.strValue(key);
      if (names.includes(name)) {
        m.raise("TypeError", `${label()} got multiple values for keyword argument '${name}'`);
      }
    }
  } catch (error) {
    for (const [key, value] of entries) {
      m.decref(key);
      m.decref(value);
    }
    throw error;
  }
  for (const [key, value] of entries) {
    names.push(heap.strValue(key));
    m.decref(key);
    m.push(value);
  }
}

/** Copies every entry of `source` into `target` (both dicts). CPython: DICT_UPDATE. */
export function updateDisplay(m: Machine, target: Ptr, source: Ptr): void {
  const heap = m.heap;
  const entries = entriesOfMapping(m, source, () =>
    m.raise("TypeError", `'${m.typeName(source)}' object is not a mapping`),
  );
  try {
    for (const [key, value] of entries) heap.dictSetItem(target, key, value);
  } finally {
    for (const [key, value] of entries) {
      m.decref(key);
      m.decref(value);
    }
  }
}

/**
 * The (key, value) pairs of a dict or of any object with `keys()` (CPython: `PyDict_Update`'s
 * mapping branch), as new references; `notMapping` raises for anything else.
 */
function entriesOfMapping(m: Machine, mapping: Ptr, notMapping: () => never): [Ptr, Ptr][] {
  if (m.typeIdOf(mapping) === m.heap.dictType) return dictEntries(m, mapping);
  return mappingItems(m, mapping) ?? notMapping();
}

/** A dict's (key, value) pairs as new references, in insertion order. */
function dictEntries(m: Machine, dict: Ptr): [Ptr, Ptr][] {
  const keys: Ptr[] = [];
  iterateDict(m, dict, 1, (key) => {
    keys.push(key);
    return true;
  });
  return keys.map((key) => [key, m.incref(m.heap.dictGetItem(dict, key))]);
}
