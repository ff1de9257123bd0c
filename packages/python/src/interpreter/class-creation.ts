import { DerivedTypeFlags, type Ptr } from "@pymem/core";
import { internalHeap } from "@pymem/heap/internal";
import { noteClassNamespace, typeModified } from "./attribute-cache.js";
import { isSubclassable, subclassRefusal } from "./builtin-subclasses.js";
import { call } from "./calls.js";
import { WRAPPER_CALLABLE_OFFSET } from "./descriptor-types.js";
import { classHooks } from "./descriptors.js";
import { StepLimitError } from "./exceptions.js";
import { noteKeyOverrides } from "./key-protocol.js";
import type { Machine, TypeRecord } from "./machine.js";
import { defineMetaclassInstances } from "./metaclasses.js";
import { linearizeBases } from "./mro.js";
import { CELL_CONTENTS_OFFSET, TYPE_ID_OFFSET, TYPE_MRO_OFFSET } from "./object-layouts.js";
import { repr } from "./object-repr.js";
import { sequenceItems } from "./operators.js";

/**
 * Creating a class from an executed class body or `type(name, bases, dict)` (CPython:
 * `type_new` and its helpers): base checks, the C3 MRO, the instance layout base, `__slots__`,
 * the implicit `staticmethod` / `classmethod` of `__new__`, `__init_subclass__` and
 * `__class_getitem__`, the `__class__` cell, `__set_name__`, then `__init_subclass__`.
 *
 * @module
 */

/**
 * A new class object (a new reference) named `name` with the given base class objects
 * (borrowed; empty for `object`) and namespace (borrowed: the class's dict is a copy-free
 * reference to it, as the class statement's namespace becomes the class dict). `keywords` go to
 * `__init_subclass__`. `metaclass` is the class's type (default `type`); a class deriving from
 * `type` is itself a metaclass, whose instances get a heap type of their own
 * (metaclasses.ts). CPython: `type_new`.
 *
 * @example
 * ```ts
 * const cls = newClass(machine, "C", [base], namespace, []);
 * ```
 */
export function newClass(
  m: Machine,
  name: string,
  baseObjects: readonly Ptr[],
  namespace: Ptr,
  keywords: ReadonlyArray<readonly [string, Ptr]>,
  metaclass: TypeRecord = m.builtinType("type"),
): Ptr {
  const heap = m.heap;
  const namespaceReferences = heap.memory.i32[namespace >> 2]!;
  const object = m.builtinType("object");
  const bases: TypeRecord[] = [];
  for (const base of baseObjects) {
    if (!m.isType(base))
      m.raise("TypeError", `pymem: a base class must be a class, not '${m.typeName(base)}'`);
    const record = m.recordOfType(base);
    if (record !== object && !record.instances && !record.classes && !isSubclassable(m, record))
      m.raise("TypeError", subclassRefusal(record));
    bases.push(record);
  }
  if (bases.length === 0) bases.push(object);
  const mroTail = linearizeBases(m, bases);
  const layout = layoutBase(m, bases);
  let slots: string[] | undefined;
  const slotsValue = heap.dictGetItem(namespace, m.name("__slots__"));
  if (slotsValue !== 0) {
    slots = [];
    const values = m.isStr(slotsValue) ? [slotsValue] : sequenceItems(m, slotsValue);
    for (const value of values) {
      if (!m.isStr(value)) m.raise("TypeError", "__slots__ items must be strings");
      slots.push(heap.strValue(value));
    }
  }
  const qualifiedName = takeQualifiedName(m, namespace);
  wrapImplicitMethods(m, namespace);
  // CPython: type_dict_set_doc — a class without a docstring has __doc__ None.
  if (heap.dictGetItem(namespace, m.name("__doc__")) === 0)
    heap.dictSetItem(namespace, m.name("__doc__"), heap.none);
  // CPython: type_new sets __hash__ = None in a class that defines __eq__ but not __hash__.
  if (
    heap.dictGetItem(namespace, m.name("__eq__")) !== 0 &&
    heap.dictGetItem(namespace, m.name("__hash__")) === 0
  )
    heap.dictSetItem(namespace, m.name("__hash__"), heap.none);
  const baseHasDict = bases.some(
    (base) => base.instances && internalHeap(heap).classes[base.id]!.dictOffset !== 0,
  );
  const wantsDict = slots === undefined || slots.includes("__dict__") || baseHasDict;
  const wantsWeakref = slots === undefined || slots.includes("__weakref__");
  // CPython: type_new sorts the slot names (PyList_Sort), so the members' layout — and the order
  // subtype_dealloc releases them in — is sorted, not the order written.
  const ownSlots = slots
    ?.filter((slot) => slot !== "__dict__" && slot !== "__weakref__")
    .sort(compareByCodePoint);
  const delKey = m.name("__del__");
  const hasDel =
    heap.dictGetItem(namespace, delKey) !== 0 ||
    mroTail.some((r) => r.user && heap.dictGetItem(m.typeDict(r), delKey) !== 0);
  const classObject = m.newTypeObject(0, name, layout.object, m.incref(namespace), metaclass);
  let typeId: number;
  try {
    if (layout.classes) {
      // A metaclass: its instances are classes, with the type-object layout.
      if (ownSlots !== undefined && ownSlots.length > 0)
        m.raise("NotImplementedError", "pymem does not support __slots__ in a metaclass yet");
      typeId = defineMetaclassInstances(m, name, classObject, (obj: Ptr) => runDel(m, obj));
    } else
      typeId = heap.defineClass({
        name,
        ...(layout.instances || isSubclassable(m, layout) ? { base: layout.id } : {}),
        ...(ownSlots !== undefined ? { slots: ownSlots } : {}),
        dict: wantsDict,
        weakrefable: wantsWeakref,
        typeObject: classObject,
        managedDict: true,
        // Always a finalizer, switched on by HAS_FINALIZE only while the class has a __del__
        // (CPython's update_slot when `C.__del__ = f` is assigned later).
        finalize: (obj: Ptr) => runDel(m, obj),
      });
    if (!hasDel) heap.types.flags[typeId]! &= ~DerivedTypeFlags.HAS_FINALIZE;
  } catch (error) {
    m.decref(classObject);
    if (error instanceof TypeError) m.raise("TypeError", error.message);
    throw error;
  }
  heap.memory.u32[(classObject + TYPE_ID_OFFSET) >>> 2] = typeId;
  const mro: TypeRecord[] = [];
  const record: TypeRecord = {
    id: typeId,
    object: classObject,
    name,
    base: layout,
    bases,
    mro,
    hooks: 0,
    user: true,
    exception: layout.exception,
    instances: !layout.classes,
    classes: layout.classes,
    ...(qualifiedName !== undefined && qualifiedName !== name ? { qualifiedName } : {}),
  };
  mro.push(record, ...mroTail);
  m.registerClass(record);
  noteClassNamespace(m, record, namespaceReferences);
  record.hooks = classHooks(m, record);
  noteKeyOverrides(m, record);
  try {
    // CPython: __mro__ = (cls, …, object) — the cycle every class object is part of.
    heap.memory.u32[(classObject + TYPE_MRO_OFFSET) >>> 2] = m.newTuple(mro.map((r) => r.object));
    const cellKey = m.name("__classcell__");
    const cell = heap.dictGetItem(namespace, cellKey);
    if (cell !== 0) {
      heap.storeField(cell, CELL_CONTENTS_OFFSET, classObject);
      heap.dictDelItem(namespace, cellKey);
      typeModified(m, record);
    }
    setNames(m, classObject, namespace);
    initSubclass(m, record, keywords);
  } catch (error) {
    m.decref(classObject);
    throw error;
  }
  return classObject;
}

/**
 * The base whose instance layout the new class extends (CPython: `best_base` with
 * `solid_base`): the base whose solid base derives from every other base's; TypeError
 * "multiple bases have instance lay-out conflict" when the layouts are incompatible.
 */
function layoutBase(m: Machine, bases: readonly TypeRecord[]): TypeRecord {
  let winner: TypeRecord | undefined;
  let winnerSolid: TypeRecord | undefined;
  for (const base of bases) {
    const solid = solidBase(m, base);
    if (winnerSolid === undefined || (solid !== winnerSolid && m.isSubtype(solid, winnerSolid))) {
      winner = base;
      winnerSolid = solid;
    } else if (!m.isSubtype(winnerSolid, solid))
      m.raise("TypeError", "multiple bases have instance lay-out conflict");
  }
  return winner!;
}

/**
 * The nearest class in `record`'s base chain that adds instance fields: `__slots__` of its own,
 * or a built-in layout (CPython: `solid_base`, where `__dict__` and `__weakref__` do not count).
 */
function solidBase(m: Machine, record: TypeRecord): TypeRecord {
  for (let r: TypeRecord | undefined = record; r !== undefined; r = r.base) {
    if (!r.user) return r.exception ? m.builtinType("BaseException") : r;
    const slotCount = (record: TypeRecord | undefined): number =>
      record?.instances === true ? internalHeap(m.heap).classes[record.id]!.slotOffsets.size : 0;
    if (slotCount(r) > slotCount(r.base)) return r;
  }
  return m.builtinType("object");
}

/**
 * `__new__` becomes a staticmethod, `__init_subclass__` and `__class_getitem__` classmethods,
 * when the class body defines them as plain functions (CPython: `type_new_set_attrs`).
 */
function wrapImplicitMethods(m: Machine, namespace: Ptr): void {
  const wrap = (name: string, kind: number): void => {
    const key = m.name(name);
    const fn = m.heap.dictGetItem(namespace, key);
    if (fn === 0 || m.typeIdOf(fn) !== m.types.function) return;
    const wrapper = newCallableWrapper(m, kind, fn);
    try {
      m.heap.dictSetItem(namespace, key, wrapper);
    } finally {
      m.decref(wrapper);
    }
  };
  wrap("__new__", m.descriptorTypes.staticmethod);
  wrap("__init_subclass__", m.descriptorTypes.classmethod);
  wrap("__class_getitem__", m.descriptorTypes.classmethod);
}

/**
 * A new `classmethod` or `staticmethod` (type id `kind`) wrapping `fn` (borrowed), its
 * `__dict__` holding the attributes `functools.wraps` copies (CPython: `cm_init` →
 * `functools_wraps`).
 *
 * @example
 * ```ts
 * const cm = newCallableWrapper(machine, machine.descriptorTypes.classmethod, fn);
 * ```
 */
export function newCallableWrapper(m: Machine, kind: number, fn: Ptr): Ptr {
  const wrapper = m.heap.allocate(kind);
  m.heap.memory.u32[(wrapper + WRAPPER_CALLABLE_OFFSET) >>> 2] = m.incref(fn);
  return wrapper;
}

/**
 * Calls `__set_name__(cls, name)` on every namespace value whose type defines it, in namespace
 * order (CPython: `type_new_set_names`, over a copy of the dict).
 */
function setNames(m: Machine, cls: Ptr, namespace: Ptr): void {
  const key = m.name("__set_name__");
  const items = m.heap
    .dictItems(namespace)
    .map(([name, value]) => [m.incref(name), m.incref(value)] as const);
  try {
    for (const [name, value] of items) {
      const setName = m.lookupType(m.recordOf(value), key);
      if (setName !== 0) m.decref(call(m, setName, [value, cls, name], undefined));
    }
  } finally {
    for (const [name, value] of items) {
      m.decref(name);
      m.decref(value);
    }
  }
}

/**
 * `super(cls, cls).__init_subclass__(**keywords)`: the first `__init_subclass__` after the new
 * class in its MRO (CPython: `type_new_init_subclass`); `object`'s takes no keywords.
 */
function initSubclass(
  m: Machine,
  record: TypeRecord,
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): void {
  const key = m.name("__init_subclass__");
  for (let i = 1; i < record.mro.length; i++) {
    const found = m.heap.dictGetItem(m.typeDict(record.mro[i]!), key);
    if (found === 0) continue;
    if (m.typeIdOf(found) !== m.descriptorTypes.classmethod) break; // object.__init_subclass__
    const fn = m.field(found, WRAPPER_CALLABLE_OFFSET);
    m.decref(call(m, fn, [record.object], keywords));
    return;
  }
  // object.__init_subclass__ does nothing and takes no keywords.
  if (keywords.length > 0)
    m.raise("TypeError", `${record.name}.__init_subclass__() takes no keyword arguments`);
}

/**
 * A class's `__del__` as its PEP 442 finalizer; exceptions are reported ("Exception ignored
 * in"), never raised (CPython: `slot_tp_finalize`, `PyErr_WriteUnraisable`).
 *
 * @example
 * ```ts
 * heap.defineType({ ...spec, finalize: (obj) => runDel(machine, obj) });
 * ```
 */
export function runDel(m: Machine, obj: Ptr): void {
  const del = m.lookupType(m.recordOf(obj), m.name("__del__"));
  if (del === 0) return;
  const level = m.sp;
  const handling = m.handling.splice(0);
  try {
    m.decref(call(m, del, [obj], undefined));
  } catch (thrown) {
    m.unwindTo(level);
    // A step-limit stop inside __del__ resurfaces at the next statement (the count stays over).
    if (thrown instanceof StepLimitError) return;
    const error = m.toPyException(thrown);
    try {
      m.stderr(`Exception ignored in: ${repr(m, del)}\n${m.formatException(error)}`);
    } finally {
      error.release(m);
    }
  } finally {
    m.handling.push(...handling);
  }
}

/**
 * Removes `__qualname__` from a new class's namespace and returns it (undefined when absent):
 * it becomes the class's qualified name, not a class attribute. CPython: type_new_set_names.
 */
function takeQualifiedName(m: Machine, namespace: Ptr): string | undefined {
  const key = m.name("__qualname__");
  const value = m.heap.dictGetItem(namespace, key);
  if (value === 0) return undefined;
  if (!m.isStr(value))
    m.raise("TypeError", `type __qualname__ must be a str, not ${m.typeName(value)}`);
  const text = m.heap.strValue(value);
  m.heap.dictDelItem(namespace, key);
  return text;
}

/**
 * Orders strings as Python compares `str`: by code point (JavaScript's default is UTF-16 units).
 *
 * @example
 * ```ts
 * ["\u{1F600}", "\uFFFF"].sort(compareByCodePoint); // ["\uFFFF", "\u{1F600}"]
 * ```
 */
export function compareByCodePoint(a: string, b: string): number {
  const left = Array.from(a, (c) => c.codePointAt(0)!);
  const right = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < left.length && i < right.length; i++)
    if (left[i] !== right[i]) return left[i]! - right[i]!;
  return left.length - right.length;
}
