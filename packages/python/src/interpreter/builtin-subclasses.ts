import type { Ptr, TypeId } from "@pymem/core";
import { ObjectKind, SUBCLASSABLE_KINDS } from "@pymem/heap";
import { internalHeap } from "@pymem/heap/internal";
import { argumentsFrom, call, initNewInstance } from "./calls.js";
import type { Machine, TypeRecord } from "./machine.js";
import type { Keywords } from "./native-arguments.js";
import { repeatCount, sequenceItems } from "./operators.js";
import { checkSequenceSize } from "./result-size.js";

/**
 * Classes deriving from the built-in types (`class Stack(list)`, `class Celsius(float)`): which
 * built-ins may be bases, making their instances (`type_call` with the built-in's `tp_new` and
 * `tp_init`), and the built-in value behind an instance for the operations that run on it as the
 * base type. The instances have the built-in's layout and kind (see `@pymem/heap`'s
 * `defineClass`), so the heap's operations on that kind work on them unchanged.
 *
 * @module
 */

/** A module-local copy for `callType`'s path (a property load per class call otherwise). */
const KIND_INSTANCE = ObjectKind.INSTANCE;

/**
 * The kinds whose instances change after creation: `__new__` makes them empty, `__init__` fills
 * them — list, dict, set, and the declared-reference built-ins (property, classmethod,
 * staticmethod: CPython's `PyType_GenericNew` with `property_init`, `cm_init`, `sm_init`).
 */
const MUTABLE_KINDS: readonly number[] = [
  ObjectKind.LIST,
  ObjectKind.DICT,
  ObjectKind.SET,
  ObjectKind.GENERIC,
];

/**
 * Whether a class statement may name the built-in type `record` as a base (CPython:
 * `Py_TPFLAGS_BASETYPE`): int, float, complex, str, tuple, list, dict, set, frozenset, the
 * weakref type, property, classmethod, staticmethod.
 *
 * @example
 * ```ts
 * isSubclassable(machine, machine.builtinType("list")); // true
 * ```
 */
export function isSubclassable(m: Machine, record: TypeRecord): boolean {
  if (record.user) return false;
  const descriptors = m.descriptorTypes;
  return (
    SUBCLASSABLE_KINDS.includes(m.heap.kinds[record.id]!) ||
    record.id === descriptors.property ||
    record.id === descriptors.classmethod ||
    record.id === descriptors.staticmethod
  );
}

/** Built-in types CPython lets a class derive from that pymem does not (yet). */
const UNSUPPORTED_BASES: readonly string[] = ["super", "module"];

/**
 * The TypeError message for a class statement naming a built-in type that cannot be a base:
 * CPython's for the types it refuses too (`bool`, `range`, `function`, … — no
 * `Py_TPFLAGS_BASETYPE`), pymem's own for the few CPython accepts.
 *
 * @example
 * ```ts
 * subclassRefusal(machine.builtinType("bool")); // "type 'bool' is not an acceptable base type"
 * ```
 */
export function subclassRefusal(record: TypeRecord): string {
  return UNSUPPORTED_BASES.includes(record.name)
    ? `pymem does not support subclassing the built-in type '${record.name}'`
    : `type '${record.name}' is not an acceptable base type`;
}

/**
 * The built-in type whose layout objects of type id `t` have, when `t` is a class deriving from
 * one (`list` for `class Stack(list)`); 0 for the built-in types themselves and every other type.
 * Operations call it only off their fast paths, after the exact-type checks.
 *
 * @example
 * ```ts
 * const base = builtinBaseType(machine, machine.typeIdOf(obj)); // heap.listType for a Stack
 * ```
 */
export function builtinBaseType(m: Machine, t: TypeId): TypeId {
  const heap = m.heap;
  if (internalHeap(heap).classes[t] === undefined) return 0;
  switch (heap.kinds[t]) {
    case ObjectKind.INT:
      return heap.intType;
    case ObjectKind.FLOAT:
      return heap.floatType;
    case ObjectKind.COMPLEX:
      return heap.complexType;
    case ObjectKind.STR:
      return heap.strType;
    case ObjectKind.TUPLE:
      return heap.tupleType;
    case ObjectKind.LIST:
      return heap.listType;
    case ObjectKind.DICT:
      return heap.dictType;
    case ObjectKind.SET:
      return heap.setType;
    case ObjectKind.FROZENSET:
      return heap.frozensetType;
    default:
      return 0;
  }
}

/**
 * A new reference to `obj`'s value as an object of its built-in base type when `obj` is an
 * instance of a class deriving from one (a copy: `list(obj)`, `str(obj)`, …), else to `obj`
 * itself. Used where CPython runs the base type's code on the instance and the result is the
 * base type anyway (`MyList([1]) + [2]` is a list, `MyStr("a").upper()` a str).
 *
 * @example
 * ```ts
 * const plain = baseValue(machine, obj);
 * try { ... } finally { machine.decref(plain); }
 * ```
 */
export function baseValue(m: Machine, obj: Ptr): Ptr {
  const heap = m.heap;
  const base = builtinBaseType(m, m.typeIdOf(obj));
  if (base === 0) return m.incref(obj);
  if (base === heap.listType)
    return heap.newList(
      Array.from({ length: heap.listLength(obj) }, (_, i) => heap.listGetItem(obj, i)),
    );
  if (base === heap.tupleType)
    return m.newTuple(
      Array.from({ length: heap.tupleLength(obj) }, (_, i) => heap.tupleGetItem(obj, i)),
    );
  if (base === heap.strType) return heap.newStr(heap.strValue(obj));
  if (base === heap.intType) {
    const value = m.numberOf(obj);
    return Number.isNaN(value) ? heap.newIntFromBigInt(heap.intBigValue(obj)) : m.newInt(value);
  }
  if (base === heap.floatType) return heap.newFloat(m.numberOf(obj));
  if (base === heap.complexType)
    return heap.newComplex(heap.complexReal(obj), heap.complexImag(obj));
  if (base === heap.dictType) {
    const copy = heap.newDict();
    for (const [key, value] of heap.dictItems(obj)) heap.dictSetItem(copy, key, value);
    return copy;
  }
  const copy = heap.newSet(base === heap.frozensetType);
  for (const key of heap.setKeys(obj)) heap.setAdd(copy, key);
  return copy;
}

/**
 * Runs `operation` on the base values of `a` and `b` (see {@link baseValue}) when either is an
 * instance of a class deriving from a built-in type; 0 when neither is. The fallback of the
 * binary operators and comparisons once the classes' own methods declined: CPython's built-in
 * slots accept subclass instances (`PyList_Check`, `PyLong_Check`).
 *
 * @example
 * ```ts
 * const result = onBaseValues(machine, a, b, (x, y) => binary(machine, op, x, y));
 * ```
 */
export function onBaseValues<T>(
  m: Machine,
  a: Ptr,
  b: Ptr,
  operation: (a: Ptr, b: Ptr) => T,
): T | 0 {
  if (builtinBaseType(m, m.typeIdOf(a)) === 0 && builtinBaseType(m, m.typeIdOf(b)) === 0) return 0;
  const x = baseValue(m, a);
  try {
    const y = baseValue(m, b);
    try {
      return operation(x, y);
    } finally {
      m.decref(y);
    }
  } finally {
    m.decref(x);
  }
}

/**
 * `base.__new__(cls, *args)` for a class `cls` deriving from the built-in `base`: an empty
 * instance for the mutable kinds (their `__init__` fills it), else an instance holding the value
 * the built-in's constructor makes of `args`. CPython: `list_new`/`dict_new`/`set_new` via
 * `type->tp_alloc`, `long_subtype_new`, `float_subtype_new`, `unicode_subtype_new`,
 * `tuple_subtype_new`, `frozenset_new`.
 *
 * @example
 * ```ts
 * const inst = newSubclassInstance(machine, record, args, keywords, construct);
 * ```
 */
export function newSubclassInstance(
  m: Machine,
  cls: TypeRecord,
  args: readonly Ptr[],
  keywords: Keywords,
  construct: (args: readonly Ptr[], keywords: Keywords) => Ptr,
): Ptr {
  const heap = m.heap;
  const kind = heap.kinds[cls.id]!;
  if (MUTABLE_KINDS.includes(kind)) return heap.newInstance(cls.id);
  const value = construct(args, keywords);
  try {
    if (kind === ObjectKind.FROZENSET) {
      const inst = heap.newInstance(cls.id);
      for (const key of heap.setKeys(value)) heap.setAdd(inst, key);
      return inst;
    }
    try {
      return heap.newInstanceFrom(cls.id, value);
    } catch (error) {
      if (error instanceof RangeError)
        m.raise("OverflowError", `pymem: a '${cls.name}' instance cannot hold an int this large`);
      throw error;
    }
  } finally {
    m.decref(value);
  }
}

/**
 * Whether objects of `cls` are instances of a class deriving from a built-in type (their kind is
 * the built-in's, not the plain-instance kind): `callType` hands them to {@link callSubclass}.
 *
 * @example
 * ```ts
 * if (derivesFromBuiltin(machine, record)) return callSubclass(machine, record, argsBase, names);
 * ```
 */
export function derivesFromBuiltin(m: Machine, cls: TypeRecord): boolean {
  return m.heap.kinds[cls.id] !== KIND_INSTANCE;
}

/**
 * `cls(*args)` for a class deriving from a built-in type and defining no `__new__` of its own:
 * the built-in's `__new__`, then `__init__` — the class's own, or the built-in's for the mutable
 * kinds (`list.__init__` fills the list). The arguments stay on the stack for the caller.
 * CPython: `type_call`.
 *
 * @example
 * ```ts
 * return callSubclass(machine, record, argsBase, names);
 * ```
 */
export function callSubclass(
  m: Machine,
  cls: TypeRecord,
  argsBase: number,
  names: readonly string[] | undefined,
): Ptr {
  const { positional, keywords } = argumentsFrom(m, argsBase, names);
  const newMethod = m.lookupType(cls, m.name("__new__"));
  const inst = call(m, newMethod, [cls.object, ...positional], keywords);
  return initNewInstance(
    m,
    cls,
    inst,
    positional,
    keywords,
    MUTABLE_KINDS.includes(m.heap.kinds[cls.id]!),
  );
}

/**
 * `a *= n` on a list or an instance of a list subclass: the list repeated in place, `a` itself
 * returned (a new reference). CPython: `list_inplace_repeat`.
 *
 * @example
 * ```ts
 * const result = repeatListInPlace(machine, list, machine.newInt(2));
 * ```
 */
export function repeatListInPlace(m: Machine, list: Ptr, count: Ptr): Ptr {
  const heap = m.heap;
  const times = repeatCount(m, count);
  const items = sequenceItems(m, list);
  checkSequenceSize(heap, items.length * times);
  for (const item of items) m.incref(item);
  try {
    if (times <= 0) heap.listClear(list);
    for (let round = 1; round < times; round++)
      for (const item of items) heap.listAppend(list, item);
  } finally {
    for (const item of items) m.decref(item);
  }
  return m.incref(list);
}
