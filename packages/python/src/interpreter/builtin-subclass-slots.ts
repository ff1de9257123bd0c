import type { Ptr, TypeId } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { baseValue, newSubclassInstance } from "./builtin-subclasses.js";
import { length } from "./builtins.js";
import { call } from "./calls.js";
import { collect } from "./iteration.js";
import { getIterator } from "./iterator-protocol.js";
import { Cmp, type Machine } from "./machine.js";
import { defineMethod, defineTypeMethod, type Keywords } from "./native-arguments.js";
import { indexSize } from "./number-index.js";
import { installNumberSlots } from "./number-slots.js";
import { deleteItem, getItem, keyError, setItem } from "./object-access.js";
import { BUILTIN_NATIVE_OFFSET } from "./object-layouts.js";
import { containerRepr, repr, str } from "./object-repr.js";
import { Op } from "./operator-codes.js";
import { binary, checkHashable, compare, contains, sequenceItems } from "./operators.js";
import { setBinary, setInPlace, setRepr } from "./set-operations.js";
import { defineSlotWrapper } from "./slot-wrappers.js";

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

/** The set-algebra dunders of `set` and `frozenset` (`&`, `|`, `-`, `^`), by operator code. */
const SET_OPERATORS: ReadonlyArray<readonly [string, number]> = [
  ["and", 11],
  ["or", 9],
  ["sub", 1],
  ["xor", 10],
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
    if (t === heap.intType || t === heap.floatType || t === heap.complexType) {
      // The operators, comparisons and conversions are number-slots.ts's.
      if (t !== heap.complexType) installNumberFormat(m, slot);
      continue;
    }
    for (const [name, op] of COMPARISONS)
      defineSlotWrapper(m, typeName, isSelf, name, "binary", (self, [other]) =>
        comparable(m, t, op, other!)
          ? m.newBool(
              onBase(m, self, (plain) =>
                onBase(m, other!, (plainOther) => compare(m, op, plain, plainOther)),
              ),
            )
          : m.incref(m.notImplemented),
      );
    if (t === heap.strType) slot("__str__", 0, (self) => baseValue(m, self));
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
      // CPython: wrap_indexargfunc — both are sq_repeat, the count an index.
      for (const name of ["__mul__", "__rmul__"])
        defineSlotWrapper(m, typeName, isSelf, name, "binary", (self, [other]) => {
          const count = m.newInt(indexSize(m, other!));
          try {
            return onBase(m, self, (plain) => binary(m, Op.MUL, plain, count));
          } finally {
            m.decref(count);
          }
        });
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
    if (t === heap.strType) {
      // `format % args` (CPython: unicode_mod; __rmod__ declines for a non-str left operand).
      slot("__mod__", 1, (self, [args]) => onBase(m, self, (plain) => binary(m, 5, plain, args!)));
      slot("__rmod__", 1, (self, [other]) =>
        m.isStr(other!)
          ? onBase(m, self, (plain) => binary(m, 5, other!, plain))
          : m.incref(m.notImplemented),
      );
    }
    if (t === heap.setType || t === heap.frozensetType) {
      // The set algebra itself, not `binary` (which would find these methods on a subclass
      // again); NotImplemented when the other operand is not a set, as CPython's set_or etc.
      const declined = (result: Ptr): Ptr => (result !== 0 ? result : m.incref(m.notImplemented));
      for (const [name, op] of SET_OPERATORS) {
        slot(`__${name}__`, 1, (self, [other]) =>
          onBase(m, self, (plain) => declined(setBinary(m, op, plain, other!))),
        );
        slot(`__r${name}__`, 1, (self, [other]) =>
          onBase(m, self, (plain) => declined(setBinary(m, op, other!, plain))),
        );
        if (t === heap.setType)
          slot(`__i${name}__`, 1, (self, [other]) => declined(setInPlace(m, op, self, other!)));
      }
    }
    if (t === heap.listType) installListInPlaceSlots(m, slot);
    if (t === heap.listType || t === heap.dictType || t === heap.setType) {
      // CPython: list, dict and set are unhashable (`__hash__ = None`).
      heap.dictSetItem(m.typeDict(record), m.name("__hash__"), heap.none);
      installInit(m, typeName, t);
    }
  }
  installNumberSlots(m);
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

/**
 * Whether the built-in `t`'s rich comparison takes `other` for `op`: a list, tuple or str only
 * compares with one of its own kind, a set or frozenset with either, a dict only for `==`/`!=`
 * with a dict; anything else is NotImplemented. CPython: `list_richcompare`, `tuplerichcompare`,
 * `PyUnicode_RichCompare`, `set_richcompare`, `dict_richcompare`.
 */
function comparable(m: Machine, t: TypeId, op: number, other: Ptr): boolean {
  const heap = m.heap;
  const kind = heap.kinds[m.typeIdOf(other)];
  if (t === heap.setType || t === heap.frozensetType)
    return kind === ObjectKind.SET || kind === ObjectKind.FROZENSET;
  if (t === heap.dictType && op !== Cmp.EQ && op !== Cmp.NE) return false;
  return kind === heap.kinds[t];
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

/** Defines one special method on the built-in type being installed (see installBuiltinSubclassSlots). */
type SlotDefiner = (
  name: string,
  count: number,
  fn: (self: Ptr, args: readonly Ptr[], keywords: Keywords) => Ptr,
  maxCount?: number,
) => void;

/**
 * `int.__format__` and `float.__format__`: an empty spec formats as str(self), the subclass's
 * `__str__` included. CPython: `int___format___impl`, `float___format___impl`.
 */
function installNumberFormat(m: Machine, slot: SlotDefiner): void {
  slot("__format__", 1, (self, [spec]) =>
    m.isStr(spec!) && m.heap.strLength(spec!) === 0
      ? m.newStr(str(m, self))
      : onBase(m, self, (plain) =>
          call(m, m.heap.dictGetItem(m.builtins, m.name("format")), [plain, spec!], undefined),
        ),
  );
}

/**
 * `list.__iadd__` (extend by any iterable) and `list.__imul__` (repeat in place), working on the
 * list itself so a subclass's `+=` cannot come back here. CPython: `list_inplace_concat`,
 * `list_inplace_repeat`.
 */
function installListInPlaceSlots(m: Machine, slot: SlotDefiner): void {
  const heap = m.heap;
  const extend = (list: Ptr, items: readonly Ptr[]): void => {
    for (const item of items) heap.listAppend(list, item);
  };
  slot("__iadd__", 1, (self, [other]) => {
    const items = collect(m, other!);
    try {
      extend(self, items);
    } finally {
      for (const item of items) m.decref(item);
    }
    return m.incref(self);
  });
  slot("__imul__", 1, (self, [count]) => {
    const times = indexSize(m, count!);
    const items = sequenceItems(m, self).map((item) => m.incref(item));
    try {
      if (times <= 0) heap.listClear(self);
      else for (let k = 1; k < times; k++) extend(self, items);
    } finally {
      for (const item of items) m.decref(item);
    }
    return m.incref(self);
  });
}
