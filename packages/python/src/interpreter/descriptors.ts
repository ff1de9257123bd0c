import type { Ptr } from "@pymem/core";
import { HOOK_ABSTRACT } from "./abstract-classes.js";
import { call } from "./calls.js";
import {
  PROPERTY_DELETE_OFFSET,
  PROPERTY_GET_OFFSET,
  PROPERTY_NAME_OFFSET,
  PROPERTY_SET_OFFSET,
  WRAPPER_CALLABLE_OFFSET,
} from "./descriptor-types.js";
import { PyException } from "./exceptions.js";
import type { Machine, TypeRecord } from "./machine.js";
import {
  BUILTIN_NATIVE_OFFSET,
  BUILTIN_SELF_OFFSET,
  FUNCTION_NAME_OFFSET,
} from "./object-layouts.js";

/**
 * The descriptor protocol (CPython: `tp_descr_get` / `tp_descr_set`, `PyObject_GenericGetAttr`,
 * `PyObject_GenericSetAttr`): functions, classmethods, staticmethods, properties and user
 * classes with `__get__` / `__set__` / `__delete__`, and the attribute hooks `__getattribute__`,
 * `__getattr__`, `__setattr__`, `__delattr__` of user classes. The common case — a class with
 * none of these — never comes here: {@link TypeRecord.hooks} says when it must.
 *
 * @module
 */

/** A class in the MRO defines `__getattribute__` (CPython: `slot_tp_getattr_hook`). */
export const HOOK_GETATTRIBUTE = 1;
/** A class in the MRO defines `__getattr__`. */
export const HOOK_GETATTR = 2;
/** A class in the MRO defines `__setattr__` (CPython: `slot_tp_setattro`). */
export const HOOK_SETATTR = 4;
/** A class in the MRO defines `__delattr__`. */
export const HOOK_DELATTR = 8;
/** A class in the MRO holds a data descriptor, which outranks the instance dict. */
export const HOOK_DATA_DESCRIPTOR = 16;

/**
 * The hook bits of a class: which attribute hooks and data descriptors its MRO's user classes
 * define (recomputed when a class attribute changes).
 *
 * @example
 * ```ts
 * record.hooks = classHooks(machine, record);
 * ```
 */
export function classHooks(m: Machine, record: TypeRecord): number {
  let hooks = 0;
  for (const r of record.mro) {
    if (!r.user) continue;
    for (const [key, value] of m.heap.dictItems(m.typeDict(r))) {
      if (!m.isStr(key)) continue;
      const name = m.heap.strValue(key);
      if (r === record && name === "__abstractmethods__" && m.isTrue(value)) hooks |= HOOK_ABSTRACT;
      if (name === "__getattribute__") hooks |= HOOK_GETATTRIBUTE;
      else if (name === "__getattr__") hooks |= HOOK_GETATTR;
      else if (name === "__setattr__") hooks |= HOOK_SETATTR;
      else if (name === "__delattr__") hooks |= HOOK_DELATTR;
      else if (isDataDescriptor(m, value)) hooks |= HOOK_DATA_DESCRIPTOR;
    }
  }
  return hooks;
}

/** Recomputes the hook bits of `record` and every class derived from it (a class attribute changed). */
export function refreshClassHooks(m: Machine, record: TypeRecord): void {
  for (const candidate of m.records)
    if (candidate?.user === true && m.isSubtype(candidate, record))
      candidate.hooks = classHooks(m, candidate);
}

/**
 * Whether `descr` is a data descriptor: a property, or an instance of a user class defining
 * `__set__` or `__delete__` (CPython: `PyDescr_IsData`, `tp_descr_set != NULL`).
 */
export function isDataDescriptor(m: Machine, descr: Ptr): boolean {
  const t = m.typeIdOf(descr);
  if (t === m.descriptorTypes.property) return true;
  const record = m.records[t];
  return (
    record?.user === true &&
    (m.lookupType(record, m.name("__set__")) !== 0 ||
      m.lookupType(record, m.name("__delete__")) !== 0)
  );
}

/**
 * `descr.__get__(obj, owner)` for whatever `descr` is (CPython: its type's `tp_descr_get`); a
 * new reference, or 0 when `descr` is no descriptor (the caller then uses it as it is). `obj`
 * is 0 for an attribute read on the class itself.
 */
export function descriptorGet(m: Machine, descr: Ptr, obj: Ptr, owner: Ptr): Ptr {
  const t = m.typeIdOf(descr);
  const types = m.types;
  const kinds = m.descriptorTypes;
  if (t === types.function) return obj !== 0 ? m.newMethod(descr, obj) : m.incref(descr); // func_descr_get
  if (t === kinds.classmethod) return classmethodGet(m, descr, owner);
  if (t === kinds.staticmethod) return m.incref(m.field(descr, WRAPPER_CALLABLE_OFFSET)); // sm_descr_get
  if (t === kinds.property) return obj !== 0 ? propertyGet(m, descr, obj) : m.incref(descr);
  if (t === types.builtin) {
    // A method of a built-in type reached through a subclass: bind it (CPython: method_get).
    if (obj === 0 || m.field(descr, BUILTIN_SELF_OFFSET) !== 0) return 0;
    return m.newBuiltin(m.field(descr, BUILTIN_NATIVE_OFFSET), obj);
  }
  const record = m.records[t];
  if (record?.user !== true) return 0;
  const get = m.lookupType(record, m.name("__get__"));
  if (get === 0) return 0;
  // CPython: slot_tp_descr_get — None stands for a missing instance.
  return call(m, get, [descr, obj !== 0 ? obj : m.heap.none, owner], undefined);
}

/**
 * `cm.__get__(obj, owner)` for a classmethod or an instance of a class deriving from it: its
 * callable bound to `owner`. A native function (a built-in type's class method such as
 * `dict.fromkeys`, CPython's `classmethod_descriptor`) is bound to the class as its first
 * argument. CPython: `cm_descr_get`.
 */
export function classmethodGet(m: Machine, descr: Ptr, owner: Ptr): Ptr {
  const fn = m.field(descr, WRAPPER_CALLABLE_OFFSET);
  if (m.typeIdOf(fn) === m.types.builtin && m.field(fn, BUILTIN_SELF_OFFSET) === 0)
    return m.newBuiltin(m.field(fn, BUILTIN_NATIVE_OFFSET), owner);
  return m.newMethod(fn, owner);
}

/**
 * `descr.__set__(obj, value)`, or `descr.__delete__(obj)` when `value` is 0 (CPython:
 * `tp_descr_set` — `property_descr_set`, `slot_tp_descr_set`). `descr` is a data descriptor.
 */
export function descriptorSet(m: Machine, descr: Ptr, obj: Ptr, value: Ptr): void {
  if (m.typeIdOf(descr) === m.descriptorTypes.property) {
    propertySet(m, descr, obj, value);
    return;
  }
  const name = value !== 0 ? "__set__" : "__delete__";
  const method = m.lookupType(m.recordOf(descr), m.name(name));
  if (method === 0) m.raise("AttributeError", name);
  m.decref(call(m, method, value !== 0 ? [descr, obj, value] : [descr, obj], undefined));
}

/**
 * `prop.__set__(obj, value)`, or `prop.__delete__(obj)` when `value` is 0, for a property or an
 * instance of a class deriving from it (CPython: `property_descr_set`).
 */
export function propertySet(m: Machine, prop: Ptr, obj: Ptr, value: Ptr): void {
  const offset = value !== 0 ? PROPERTY_SET_OFFSET : PROPERTY_DELETE_OFFSET;
  const fn = m.field(prop, offset);
  if (fn === 0 || fn === m.heap.none)
    m.raise(
      "AttributeError",
      `${propertyLabel(m, prop)} of '${m.typeName(obj)}' object has no ${value !== 0 ? "setter" : "deleter"}`,
    );
  m.decref(call(m, fn, value !== 0 ? [obj, value] : [obj], undefined));
}

/**
 * `prop.__get__(obj)` for a property or an instance of a class deriving from it: the getter's
 * result (CPython: `property_descr_get`).
 */
export function propertyGet(m: Machine, prop: Ptr, obj: Ptr): Ptr {
  const fget = m.field(prop, PROPERTY_GET_OFFSET);
  if (fget === 0 || fget === m.heap.none)
    m.raise(
      "AttributeError",
      `${propertyLabel(m, prop)} of '${m.typeName(obj)}' object has no getter`,
    );
  return call(m, fget, [obj], undefined);
}

/**
 * `property 'x'` as CPython's messages name a property: its `__set_name__` name, else its
 * getter's `__name__`, else just `property`.
 */
function propertyLabel(m: Machine, prop: Ptr): string {
  const name = propertyName(m, prop);
  return name !== 0 ? `property '${m.heap.strValue(name)}'` : "property";
}

/**
 * `property.__name__`: the name `__set_name__` gave it, else its getter's `__name__`; a borrowed
 * str or 0 (CPython: `property_get__name__`).
 */
export function propertyName(m: Machine, prop: Ptr): Ptr {
  const own = m.field(prop, PROPERTY_NAME_OFFSET);
  if (own !== 0) return own;
  const fget = m.field(prop, PROPERTY_GET_OFFSET);
  if (fget === 0 || m.typeIdOf(fget) !== m.types.function) return 0;
  return m.field(fget, FUNCTION_NAME_OFFSET);
}

/**
 * Whether a Python exception is an AttributeError (the one failure `getattr` with a default,
 * `hasattr` and `__getattr__` fall back on).
 */
export function isAttributeError(m: Machine, error: unknown): error is PyException {
  return (
    error instanceof PyException &&
    error.value !== 0 &&
    m.isSubtype(m.recordOf(error.value), m.builtinType("AttributeError"))
  );
}
