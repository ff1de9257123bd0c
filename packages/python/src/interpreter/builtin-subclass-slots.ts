import type { Ptr, TypeId } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { baseValue, builtinBaseType, newSubclassInstance } from "./builtin-subclasses.js";
import { length } from "./builtins.js";
import { collect } from "./iteration.js";
import { getIterator } from "./iterator-protocol.js";
import { Cmp, type Machine } from "./machine.js";
import { defineMethod, defineTypeMethod, type Keywords } from "./native-arguments.js";
import { deleteItem, getItem, keyError, setItem } from "./object-access.js";
import { BUILTIN_NATIVE_OFFSET } from "./object-layouts.js";
import { containerRepr, repr } from "./object-repr.js";
import { binary, checkHashable, compare, contains, unary } from "./operators.js";
import { setRepr } from "./set-operations.js";

/**
 * The special methods of the subclassable built-in types as attributes of their classes
 * (`list.__getitem__`, `dict.__setitem__`, `float.__new__`, …), so that a class deriving from one
 * finds them in its MRO: the operators on its instances, `super().__setitem__(k, v)`,
 * `dict.__init__(self, …)` and `int.__new__(cls, 5)` run the built-in's code on the instance.
 * CPython: the slot wrappers `add_operators` puts in each built-in type's dict.
 *
 * @module
 */

/** The comparison dunders by {@link Cmp} code. */
const COMPARISONS: ReadonlyArray<readonly [string, number]> = [
  ["__lt__", Cmp.LT],
  ["__le__", Cmp.LE],
  ["__eq__", Cmp.EQ],
  ["__ne__", Cmp.NE],
  ["__gt__", Cmp.GT],
  ["__ge__", Cmp.GE],
];

/** The arithmetic dunders (and their reflections) of `int` and `float`, by operator code. */
const NUMBER_OPERATORS: ReadonlyArray<readonly [string, number]> = [
  ["add", 0],
  ["sub", 1],
  ["mul", 2],
  ["truediv", 3],
  ["floordiv", 4],
  ["mod", 5],
  ["pow", 6],
];

/** The subclassable built-in types, each with the kinds its methods accept as `self`. */
const BASES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ["int", [ObjectKind.INT, ObjectKind.BOOL]],
  ["float", [ObjectKind.FLOAT]],
  ["complex", [ObjectKind.COMPLEX]],
  ["str", [ObjectKind.STR]],
  ["tuple", [ObjectKind.TUPLE]],
  ["list", [ObjectKind.LIST]],
  ["dict", [ObjectKind.DICT]],
  ["set", [ObjectKind.SET]],
  ["frozenset", [ObjectKind.FROZENSET]],
];

/**
 * Installs the special methods of the subclassable built-in types and makes their `__new__`
 * take a subclass as its first argument (`int.__new__(MyInt, 5)`).
 *
 * @example
 * ```ts
 * installBuiltinSubclassSlots(machine);
 * ```
 * @internal
 */
export function installBuiltinSubclassSlots(m: Machine): void {
  const heap = m.heap;
  for (const [typeName, kinds] of BASES) {
    const record = m.builtinType(typeName);
    const isSelf = (obj: Ptr): boolean => kinds.includes(heap.kinds[m.typeIdOf(obj)]!);
    const slot = (
      name: string,
      count: number,
      fn: (self: Ptr, args: readonly Ptr[], keywords: Keywords) => Ptr,
      maxCount = count,
    ): void => defineTypeMethod(m, typeName, isSelf, name, count, maxCount, false, fn);
    wrapNew(m, typeName);
    const t = record.id;
    slot("__repr__", 0, (self) => m.newStr(reprAs(m, self, t)));
    // By value even when the class overrides __hash__/__eq__ (heap.hash would call them back).
    slot("__hash__", 0, (self) => m.newInt(heap.builtinHash(self)));
    for (const [name, op] of COMPARISONS)
      slot(name, 1, (self, [other]) =>
        m.newBool(
          onBase(m, self, (plain) =>
            builtinBaseType(m, m.typeIdOf(other!)) === t
              ? onBase(m, other!, (plainOther) => compare(m, op, plain, plainOther))
              : compare(m, op, plain, other!),
          ),
        ),
      );
    if (t === heap.strType) slot("__str__", 0, (self) => baseValue(m, self));
    if (t === heap.intType || t === heap.floatType) {
      for (const [name, op] of NUMBER_OPERATORS) {
        slot(`__${name}__`, 1, (self, [other]) =>
          onBase(m, self, (plain) => binary(m, op, plain, other!)),
        );
        slot(`__r${name}__`, 1, (self, [other]) =>
          onBase(m, self, (plain) => binary(m, op, other!, plain)),
        );
      }
      slot("__neg__", 0, (self) => onBase(m, self, (plain) => unary(m, "USub", plain)));
      slot("__pos__", 0, (self) => baseValue(m, self));
      if (t === heap.intType)
        slot("__invert__", 0, (self) => onBase(m, self, (plain) => unary(m, "Invert", plain)));
      slot("__bool__", 0, (self) => m.newBool(m.numberOf(self) !== 0));
      slot("__int__", 0, (self) =>
        onBase(m, self, (plain) =>
          t === heap.intType ? m.incref(plain) : m.newInt(Math.trunc(m.numberOf(plain))),
        ),
      );
      slot("__float__", 0, (self) => heap.newFloat(m.numberOf(self)));
      if (t === heap.intType) slot("__index__", 0, (self) => baseValue(m, self));
      continue;
    }
    if (t === heap.complexType) continue;
    // The containers and str: length, membership, iteration, subscripts, concatenation.
    slot("__len__", 0, (self) => m.newInt(length(m, self, t)));
    slot("__contains__", 1, (self, [item]) => m.newBool(contains(m, self, item!, t)));
    slot("__iter__", 0, (self) => getIterator(m, self, t));
    if (t !== heap.setType && t !== heap.frozensetType)
      slot("__getitem__", 1, (self, [key]) =>
        t === heap.dictType ? dictGetItem(m, self, key!) : getItem(m, self, key!, t),
      );
    if (t === heap.strType || t === heap.tupleType || t === heap.listType) {
      slot("__add__", 1, (self, [other]) =>
        onBase(m, self, (plain) => binary(m, 0, plain, other!)),
      );
      slot("__mul__", 1, (self, [other]) =>
        onBase(m, self, (plain) => binary(m, 2, plain, other!)),
      );
      slot("__rmul__", 1, (self, [other]) =>
        onBase(m, self, (plain) => binary(m, 2, other!, plain)),
      );
    }
    if (t === heap.listType || t === heap.dictType) {
      slot("__setitem__", 2, (self, [key, value]) => {
        setItem(m, self, key!, value!, t);
        return heap.none;
      });
      slot("__delitem__", 1, (self, [key]) => {
        deleteItem(m, self, key!, t);
        return heap.none;
      });
    }
    if (t === heap.listType || t === heap.dictType || t === heap.setType) {
      // CPython: list, dict and set are unhashable (`__hash__ = None`).
      heap.dictSetItem(m.typeDict(record), m.name("__hash__"), heap.none);
      installInit(m, typeName, t);
    }
  }
}

/**
 * Replaces the built-in's constructor under `__new__` with one that also takes a subclass first
 * (`float.__new__(Celsius, 21.5)`, `super().__new__(cls, *args)`); called with anything else it
 * is the constructor as before (`float("1.5")` through `type_call`).
 */
function wrapNew(m: Machine, typeName: string): void {
  const record = m.builtinType(typeName);
  const existing = m.heap.dictGetItem(m.typeDict(record), m.name("__new__"));
  const construct = m.natives[m.field(existing, BUILTIN_NATIVE_OFFSET)]!.fn;
  defineMethod(m, typeName, "__new__", (context, args, keywords) => {
    const cls = args[0];
    if (cls !== undefined && m.isType(cls)) {
      const target = m.recordOfType(cls);
      if (target.user && m.isSubtype(target, record))
        return newSubclassInstance(m, target, args.slice(1), keywords, (rest, named) =>
          construct(context, rest, named),
        );
    }
    return construct(context, args, keywords);
  });
}

/**
 * `list.__init__(self, iterable=())`, `set.__init__(self, iterable=())` (both empty the object
 * first) and `dict.__init__(self, *args, **kwargs)` (an update). CPython: `list___init___impl`,
 * `set_init`, `dict_init`.
 */
function installInit(m: Machine, typeName: string, t: TypeId): void {
  const heap = m.heap;
  const kind = heap.kinds[t]!;
  const isSelf = (obj: Ptr): boolean => heap.kinds[m.typeIdOf(obj)] === kind;
  if (t === heap.dictType) {
    const update = heap.dictGetItem(m.typeDict(m.builtinType("dict")), m.name("update"));
    const updateFn = m.natives[m.field(update, BUILTIN_NATIVE_OFFSET)]!.fn;
    defineTypeMethod(m, typeName, isSelf, "__init__", 0, 1, true, (self, args, keywords) =>
      updateFn(m.context, [self, ...args], keywords),
    );
    return;
  }
  defineTypeMethod(m, typeName, isSelf, "__init__", 0, 1, false, (self, [iterable]) => {
    const items = iterable !== undefined ? collect(m, iterable) : [];
    try {
      if (t === heap.listType) {
        heap.listClear(self);
        for (const item of items) heap.listAppend(self, item);
      } else {
        heap.setClear(self);
        for (const item of items) {
          checkHashable(m, item);
          heap.setAdd(self, item);
        }
      }
    } finally {
      for (const item of items) m.decref(item);
    }
    return heap.none;
  });
}

/**
 * `d[key]` for a dict or an instance of a dict subclass: the value, else the class's
 * `__missing__(key)`, else KeyError. CPython: `dict_subscript`.
 */
function dictGetItem(m: Machine, self: Ptr, key: Ptr): Ptr {
  const heap = m.heap;
  checkHashable(m, key);
  const value = heap.dictGetItem(self, key);
  if (value !== 0) return m.incref(value);
  if (m.typeIdOf(self) !== heap.dictType) {
    const missing = m.callSpecial(self, "__missing__", [key]);
    if (missing !== 0) return missing;
  }
  throw m.exception(keyError(m, key));
}

/** `repr()` of `self` as its built-in type `t` shows it (a subclass does not change the text). */
function reprAs(m: Machine, self: Ptr, t: TypeId): string {
  const heap = m.heap;
  if (t === heap.listType || t === heap.tupleType || t === heap.dictType)
    return containerRepr(m, self, t);
  if (t === heap.setType || t === heap.frozensetType) return setRepr(m, self);
  return onBase(m, self, (plain) => repr(m, plain));
}

/** `operation` on `self`'s value as its built-in base type (see `baseValue`). */
function onBase<T>(m: Machine, self: Ptr, operation: (plain: Ptr) => T): T {
  const plain = baseValue(m, self);
  try {
    return operation(plain);
  } finally {
    m.decref(plain);
  }
}
