import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
import type { Machine } from "./machine.js";
import { defineMethod, defineTypeMethod } from "./native-arguments.js";
import {
  ALIAS_ARGS_OFFSET,
  ALIAS_ORIGIN_OFFSET,
  TYPE_NAME_OFFSET,
  UNION_ARGS_OFFSET,
} from "./object-layouts.js";
import { repr, userTypeModule } from "./object-repr.js";
import { sequenceItems } from "./operators.js";

/**
 * The objects type hints are made of (CPython: `genericaliasobject.c`, `unionobject.c`):
 * `list[int]` is a `types.GenericAlias` (origin and argument tuple; calling it calls the
 * origin) and `int | None` a `types.UnionType` (its members, flattened and deduplicated;
 * `isinstance` accepts it). Both are GC-tracked heap objects, as in CPython.
 *
 * @module
 */

/** The built-in classes whose subscription makes a GenericAlias (CPython: their `__class_getitem__`). */
const GENERIC_BUILTINS = new Set([
  "list",
  "dict",
  "tuple",
  "set",
  "frozenset",
  "type",
  "collections.deque",
  "collections.defaultdict",
  "collections.OrderedDict",
  "collections.Counter",
  "enumerate",
  "reversed",
  "zip",
  "map",
  "filter",
]);

/**
 * `cls[index]` for a built-in class that supports it: a new GenericAlias, or 0 when `cls` is
 * not one of them (CPython: `Py_GenericAlias`).
 *
 * @example
 * ```ts
 * const alias = subscriptBuiltinClass(machine, listType, intType); // list[int]
 * ```
 */
export function subscriptBuiltinClass(m: Machine, cls: Ptr, index: Ptr): Ptr {
  const record = m.recordOfType(cls);
  if (record.user || !GENERIC_BUILTINS.has(record.name)) return 0;
  return newGenericAlias(m, cls, index);
}

/**
 * A new GenericAlias of `origin` subscripted by `index` (a tuple of arguments, or the one
 * argument). CPython: `Py_GenericAlias`.
 *
 * @example
 * ```ts
 * const alias = newGenericAlias(machine, iterableClass, intType); // collections.abc.Iterable[int]
 * ```
 */
export function newGenericAlias(m: Machine, origin: Ptr, index: Ptr): Ptr {
  const alias = m.heap.allocate(m.types.genericAlias);
  const u32 = m.heap.memory.u32;
  u32[(alias + ALIAS_ORIGIN_OFFSET) >>> 2] = m.incref(origin);
  u32[(alias + ALIAS_ARGS_OFFSET) >>> 2] =
    m.typeIdOf(index) === m.heap.tupleType ? m.incref(index) : m.newTuple([index]);
  return alias;
}

/** Whether `value` may be a member of a `|` union of types: a class, None, an alias or a union. */
function isUnionMember(m: Machine, value: Ptr): boolean {
  const t = m.typeIdOf(value);
  return (
    value === m.heap.none || m.isType(value) || t === m.types.genericAlias || t === m.types.union
  );
}

/**
 * `a | b` for type hints: a new UnionType of the members of both (a union's own members
 * flattened, duplicates dropped, `None` kept as None), or 0 when either side is no class, None,
 * alias or union (CPython: `_Py_union_type_or`).
 *
 * @example
 * ```ts
 * const union = unionOf(machine, intType, machine.heap.none); // int | None
 * ```
 */
export function unionOf(m: Machine, a: Ptr, b: Ptr): Ptr {
  if (!isUnionMember(m, a) || !isUnionMember(m, b)) return 0;
  const members: Ptr[] = [];
  for (const side of [a, b]) {
    const items =
      m.typeIdOf(side) === m.types.union
        ? sequenceItems(m, m.field(side, UNION_ARGS_OFFSET))
        : [side === m.heap.none ? m.builtinType("NoneType").object : side];
    for (const item of items) if (!members.includes(item)) members.push(item);
  }
  const union = m.heap.allocate(m.types.union);
  m.heap.memory.u32[(union + UNION_ARGS_OFFSET) >>> 2] = m.newTuple(members);
  return union;
}

/**
 * The members of a UnionType (borrowed), or undefined when `value` is not one.
 *
 * @example
 * ```ts
 * const members = unionMembers(machine, classinfo);
 * ```
 */
export function unionMembers(m: Machine, value: Ptr): Ptr[] | undefined {
  if (m.typeIdOf(value) !== m.types.union) return undefined;
  return sequenceItems(m, m.field(value, UNION_ARGS_OFFSET));
}

/**
 * The attributes of an alias or union (`__origin__`, `__args__`, `__parameters__`), falling
 * back to the origin's for an alias (CPython: `ga_getattro`); a new reference or 0.
 *
 * @example
 * ```ts
 * const origin = typeHintAttribute(machine, alias, "__origin__");
 * ```
 */
export function typeHintAttribute(m: Machine, value: Ptr, name: string): Ptr {
  const alias = m.typeIdOf(value) === m.types.genericAlias;
  if (name === "__args__")
    return m.incref(m.field(value, alias ? ALIAS_ARGS_OFFSET : UNION_ARGS_OFFSET));
  // pymem has no TypeVars, so no argument is a type parameter.
  if (name === "__parameters__") return m.incref(m.heap.emptyTuple);
  if (alias && name === "__origin__") return m.incref(m.field(value, ALIAS_ORIGIN_OFFSET));
  return 0;
}

/**
 * Calls a GenericAlias: its origin with the same arguments (CPython: `ga_call`).
 *
 * @example
 * ```ts
 * const list = callAlias(machine, alias, [], undefined);
 * ```
 */
export function callAlias(
  m: Machine,
  alias: Ptr,
  args: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]> | undefined,
): Ptr {
  return call(m, m.field(alias, ALIAS_ORIGIN_OFFSET), args, keywords);
}

/**
 * The repr of an alias (`list[int]`, `dict[str, list[int]]`, `tuple[()]`) or union
 * (`int | None`) as CPython writes it (CPython: `ga_repr`, `union_repr`).
 *
 * @example
 * ```ts
 * typeHintRepr(machine, alias); // "list[int]"
 * ```
 */
export function typeHintRepr(m: Machine, value: Ptr): string {
  if (m.typeIdOf(value) === m.types.union) {
    const members = sequenceItems(m, m.field(value, UNION_ARGS_OFFSET));
    return members.map((member) => hintItemRepr(m, member)).join(" | ");
  }
  const origin = hintItemRepr(m, m.field(value, ALIAS_ORIGIN_OFFSET));
  const args = sequenceItems(m, m.field(value, ALIAS_ARGS_OFFSET));
  if (args.length === 0) return `${origin}[()]`;
  return `${origin}[${args.map((arg) => hintItemRepr(m, arg)).join(", ")}]`;
}

/** One item of a hint's repr: a class by its qualified name, `...`, None, else its repr (CPython: `ga_repr_item`). */
function hintItemRepr(m: Machine, item: Ptr): string {
  if (item === m.ellipsis) return "...";
  if (m.isType(item)) {
    const record = m.recordOfType(item);
    if (record === m.builtinType("NoneType")) return "None";
    const name = m.heap.strValue(m.field(item, TYPE_NAME_OFFSET));
    return record.user ? `${userTypeModule(m, item)}.${name}` : record.name;
  }
  return repr(m, item);
}

/**
 * Installs `types.GenericAlias(origin, args)`, the constructor a Python class uses as its
 * `__class_getitem__` (CPython: `ga_new`), and the alias's `__mro_entries__`.
 *
 * @example
 * ```ts
 * installGenericAliasConstructor(machine);
 * ```
 */
export function installGenericAliasConstructor(m: Machine): void {
  defineMethod(m, "types.GenericAlias", "__new__", (_context, args, keywords) => {
    if (keywords.length > 0) m.raise("TypeError", "GenericAlias() takes no keyword arguments");
    // args[0] is the GenericAlias type itself when reached as `__new__`.
    const given =
      args.length > 0 && args[0] === m.records[m.types.genericAlias]?.object ? args.slice(1) : args;
    if (given.length !== 2)
      m.raise("TypeError", `GenericAlias expected 2 arguments, got ${given.length}`);
    return newGenericAlias(m, given[0]!, given[1]!);
  });
  // A class statement's base `list[int]` stands for its origin (CPython: ga_mro_entries).
  defineTypeMethod(
    m,
    "types.GenericAlias",
    (obj) => m.typeIdOf(obj) === m.types.genericAlias,
    "__mro_entries__",
    1,
    1,
    false,
    (alias) => m.newTuple([m.field(alias, ALIAS_ORIGIN_OFFSET)]),
  );
}
