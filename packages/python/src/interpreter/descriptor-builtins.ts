import type { Ptr } from "@pymem/core";
import { defineGetter } from "./builtin-getters.js";
import { call } from "./calls.js";
import { newCallableWrapper } from "./class-creation.js";
import {
  PROPERTY_DELETE_OFFSET,
  PROPERTY_DOC_OFFSET,
  PROPERTY_GET_OFFSET,
  PROPERTY_SET_OFFSET,
  SUPER_OBJECT_OFFSET,
  SUPER_OBJECT_TYPE_OFFSET,
  SUPER_TYPE_OFFSET,
  WRAPPER_CALLABLE_OFFSET,
  WRAPPER_DICT_OFFSET,
} from "./descriptor-types.js";
import {
  classmethodGet,
  descriptorGet,
  descriptorSet,
  isDataDescriptor,
  propertyName,
} from "./descriptors.js";
import type { Machine, TypeRecord } from "./machine.js";
import { arity, defineMethod } from "./native-arguments.js";
import {
  findAttribute,
  genericGetAttribute,
  raiseNoAttribute,
  raiseNoDictAttribute,
  setAttribute,
} from "./object-access.js";
import { installPropertyType } from "./property-type.js";

/**
 * The built-in types classes are made of — `property`, `classmethod`, `staticmethod`, `super` —
 * and `object`'s own methods (`__init__`, `__getattribute__`, `__setattr__`, `__delattr__`),
 * with CPython 3.13's arguments and messages (CPython: `Objects/descrobject.c`,
 * `Objects/funcobject.c`, `Objects/typeobject.c`).
 *
 * @module
 */

/**
 * Installs the constructors and methods of `property`, `classmethod`, `staticmethod`, `super`
 * and `object`'s attribute methods into the built-in types' dicts.
 *
 * @example
 * ```ts
 * installDescriptorBuiltins(machine);
 * ```
 * @internal
 */
export function installDescriptorBuiltins(m: Machine): void {
  const heap = m.heap;
  const kinds = m.descriptorTypes;
  const method = (type: string, name: string, fn: (args: readonly Ptr[]) => Ptr): void =>
    defineMethod(m, type, name, (_context, args) => fn(args));
  // First: the getters of the other types are properties.
  installPropertyType(m);

  // CPython: func_descr_get — a function bound to an instance, or itself when there is none.
  method("function", "__get__", (args) => {
    arity(m, "__get__", args, 2, 3);
    const [self, obj] = args as [Ptr, Ptr];
    if (m.typeIdOf(self) !== m.types.function)
      m.raise(
        "TypeError",
        `descriptor '__get__' requires a 'function' object but received a '${m.typeName(self)}'`,
      );
    return obj === heap.none ? m.incref(self) : m.newMethod(self, obj);
  });

  for (const [type, kind] of [
    ["classmethod", kinds.classmethod],
    ["staticmethod", kinds.staticmethod],
  ] as const) {
    const record = m.builtinType(type);
    const isWrapper = (obj: Ptr): boolean => m.isSubtype(m.recordOf(obj), record);
    // CPython: PyType_GenericNew then cm_init / sm_init. `classmethod(f)` does both here; from a
    // subclass's `type_call` (class first) the instance is empty and `__init__` fills it.
    defineMethod(m, type, "__new__", (_context, args) => {
      const first = args[0];
      if (first !== undefined && m.isType(first) && m.isSubtype(m.recordOfType(first), record)) {
        const cls = m.recordOfType(first);
        if (cls !== record) return heap.newInstance(cls.id);
        args = args.slice(1);
      }
      arity(m, type, args, 1, 1);
      return newWrapperWithDict(m, kind, args[0]!);
    });
    defineMethod(m, type, "__init__", (_context, args) => {
      const self = args[0]!;
      arity(m, type, args.slice(1), 1, 1);
      if (m.typeIdOf(self) !== kind) initWrapperSubclass(m, self, args[1]!);
      return heap.none;
    });
    method(type, "__get__", (args) => {
      arity(m, "__get__", args, 2, 3);
      const [self, obj] = args as [Ptr, Ptr];
      if (!isWrapper(self))
        m.raise(
          "TypeError",
          `descriptor '__get__' for '${type}' objects doesn't apply to a '${m.typeName(self)}' object`,
        );
      if (kind === kinds.staticmethod) return m.incref(m.field(self, WRAPPER_CALLABLE_OFFSET));
      const owner =
        args[2] !== undefined && args[2] !== heap.none ? args[2] : m.recordOf(obj).object;
      return classmethodGet(m, self, owner);
    });
    // CPython: sm_call — a staticmethod is callable since 3.10.
    if (kind === kinds.staticmethod)
      defineMethod(m, type, "__call__", (_context, args, keywords) => {
        const self = args[0]!;
        if (!isWrapper(self))
          m.raise(
            "TypeError",
            `descriptor '__call__' for 'staticmethod' objects doesn't apply to a '${m.typeName(self)}' object`,
          );
        return call(m, m.field(self, WRAPPER_CALLABLE_OFFSET), args.slice(1), keywords);
      });
    // CPython: cm_memberlist / sm_memberlist, read by a subclass's instances (an exact wrapper
    // answers them in descriptorObjectAttribute before its type dict is searched).
    for (const name of ["__func__", "__wrapped__"])
      defineGetter(m, type, name, (self) => m.incref(m.field(self, WRAPPER_CALLABLE_OFFSET)));
  }

  // CPython: super_init — super(type, obj) with supercheck's TypeError.
  defineMethod(m, "super", "__new__", (_context, args) => {
    if (args.length === 0) m.raise("RuntimeError", "super(): no arguments");
    arity(m, "super", args, 1, 2);
    const type = args[0]!;
    if (!m.isType(type))
      m.raise("TypeError", `super() argument 1 must be a type, not ${m.typeName(type)}`);
    return newSuper(m, type, args[1] ?? 0);
  });

  // object's attribute methods: what a class's own __getattribute__ / __setattr__ /
  // __delattr__ / __init__ call to do the default thing.
  method("object", "__init__", (args) => {
    const self = args[0]!;
    if (args.length > 1) {
      const record = m.recordOf(self);
      const init = m.lookupType(record, m.name("__init__"));
      // CPython: object_init's excess-arguments rule.
      if (m.typeIdOf(init) === m.types.function)
        m.raise(
          "TypeError",
          "object.__init__() takes exactly one argument (the instance to initialize)",
        );
      m.raise("TypeError", `${record.name}() takes no arguments`);
    }
    return heap.none;
  });
  // CPython: object_init_subclass — the end of every cooperative __init_subclass__ chain.
  defineMethod(m, "object", "__init_subclass__", (_context, _args, keywords) => {
    if (keywords.length > 0)
      m.raise("TypeError", "object.__init_subclass__() takes no keyword arguments");
    return heap.none;
  });
  method("object", "__getattribute__", (args) => {
    arity(m, "__getattribute__", args, 2, 2);
    const [self, key] = args as [Ptr, Ptr];
    const name = attributeName(m, key);
    const value = genericGetAttribute(m, self, m.recordOf(self), key, name);
    return value !== 0 ? value : raiseNoAttribute(m, self, name);
  });
  method("object", "__setattr__", (args) => {
    arity(m, "__setattr__", args, 3, 3);
    genericSetAttribute(m, args[0]!, args[1]!, args[2]!);
    return heap.none;
  });
  method("object", "__delattr__", (args) => {
    arity(m, "__delattr__", args, 2, 2);
    genericSetAttribute(m, args[0]!, args[1]!, 0);
    return heap.none;
  });
}

/** The str an attribute-name argument must be. */
function attributeName(m: Machine, key: Ptr): string {
  if (!m.isStr(key))
    m.raise("TypeError", `attribute name must be string, not '${m.typeName(key)}'`);
  return m.heap.strValue(key);
}

/**
 * `object.__setattr__(obj, name, value)` / `object.__delattr__(obj, name)` (`value` 0):
 * CPython's `PyObject_GenericSetAttr` — a data descriptor, else the instance's own storage.
 */
function genericSetAttribute(m: Machine, obj: Ptr, key: Ptr, value: Ptr): void {
  const name = attributeName(m, key);
  const record = m.recordOf(obj);
  const descr = m.lookupType(record, key);
  if (descr !== 0 && isDataDescriptor(m, descr)) {
    descriptorSet(m, descr, obj, value);
    return;
  }
  if (!record.instances) raiseNoDictAttribute(m, record.name, obj, name);
  if (value !== 0 ? m.heap.setAttrByKey(obj, key, value) : m.heap.delAttrByKey(obj, key)) return;
  raiseNoAttribute(m, obj, name);
}

/**
 * `classmethod(fn)` / `staticmethod(fn)`: the wrapper and a `__dict__` holding the attributes
 * `functools.wraps` copies from `fn` that it has (CPython: `cm_init` → `functools_wraps`).
 */
function newWrapperWithDict(m: Machine, kind: number, fn: Ptr): Ptr {
  const wrapper = newCallableWrapper(m, kind, fn);
  try {
    const dict = m.heap.newDict();
    m.heap.memory.u32[(wrapper + WRAPPER_DICT_OFFSET) >>> 2] = dict;
    copyWrappedAttributes(m, fn, (key, value) => m.heap.dictSetItem(dict, key, value));
  } catch (error) {
    m.decref(wrapper); // a MemoryError part-way: the half-made wrapper is nobody's
    throw error;
  }
  return wrapper;
}

/**
 * `cm_init` / `sm_init` on an instance of a class deriving from classmethod or staticmethod:
 * the callable, and the attributes `functools.wraps` copies, set on the instance (its class's
 * `__dict__`, where CPython's inherited `cm_dict` offset puts them).
 */
function initWrapperSubclass(m: Machine, self: Ptr, fn: Ptr): void {
  const slot = (self + WRAPPER_CALLABLE_OFFSET) >>> 2;
  const old = m.heap.memory.u32[slot]!;
  m.heap.memory.u32[slot] = m.incref(fn);
  m.xdecref(old);
  copyWrappedAttributes(m, fn, (key, value) =>
    setAttribute(m, self, key, m.heap.strValue(key), value),
  );
}

/** Passes each attribute `functools.wraps` copies that `fn` has to `store` (CPython: `functools_wraps`). */
function copyWrappedAttributes(m: Machine, fn: Ptr, store: (key: Ptr, value: Ptr) => void): void {
  for (const name of ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"]) {
    const key = m.name(name);
    const value = findAttribute(m, fn, key, name);
    if (value === 0) continue;
    try {
      store(key, value);
    } finally {
      m.decref(value);
    }
  }
}

/**
 * A new `super` object for `type` (a class) and `obj` (an instance or subclass of it; 0 for an
 * unbound super), with CPython's `supercheck` TypeError.
 *
 * @example
 * ```ts
 * const sup = newSuper(machine, classObject, self);
 * ```
 */
export function newSuper(m: Machine, type: Ptr, obj: Ptr): Ptr {
  const objType = obj !== 0 ? superObjectType(m, type, obj) : 0;
  const sup = m.heap.allocate(m.descriptorTypes.super);
  const u32 = m.heap.memory.u32;
  u32[(sup + SUPER_TYPE_OFFSET) >>> 2] = m.incref(type);
  if (obj !== 0) {
    u32[(sup + SUPER_OBJECT_OFFSET) >>> 2] = m.incref(obj);
    u32[(sup + SUPER_OBJECT_TYPE_OFFSET) >>> 2] = m.incref(objType);
  }
  return sup;
}

/** CPython: `supercheck` — the class whose MRO `super(type, obj)` searches. Borrowed. */
function superObjectType(m: Machine, type: Ptr, obj: Ptr): Ptr {
  const start = m.recordOfType(type);
  if (m.isType(obj) && m.isSubtype(m.recordOfType(obj), start)) return obj;
  const record = m.recordOf(obj);
  if (m.isSubtype(record, start)) return record.object;
  return m.raise(
    "TypeError",
    `super(type, obj): obj (instance of ${record.name}) is not an instance or subtype of type (${start.name}).`,
  );
}

/**
 * `super(type, obj).name`: the attribute from the classes after `type` in the MRO of `obj`'s
 * class, bound to `obj` (CPython: `super_getattro`, `LOAD_SUPER_ATTR`). A new reference; 0
 * when missing.
 *
 * @example
 * ```ts
 * const method = superLookup(machine, cls, self, key); // super().name
 * ```
 */
export function superLookup(m: Machine, type: Ptr, obj: Ptr, key: Ptr): Ptr {
  const objType = superObjectType(m, type, obj);
  const mro = m.recordOfType(objType).mro;
  const start = m.recordOfType(type);
  let i = 0;
  while (i < mro.length && mro[i] !== start) i++;
  for (i++; i < mro.length; i++) {
    const found = m.heap.dictGetItem(m.typeDict(mro[i] as TypeRecord), key);
    if (found === 0) continue;
    const bound = descriptorGet(m, found, obj === objType ? 0 : obj, objType);
    return bound !== 0 ? bound : m.incref(found);
  }
  return 0;
}

/**
 * The attributes of property, classmethod, staticmethod and super objects (CPython: their
 * member and getset descriptors, and `super_getattro`); a new reference or 0.
 *
 * @example
 * ```ts
 * const fget = descriptorObjectAttribute(machine, prop, key, "fget");
 * ```
 */
export function descriptorObjectAttribute(m: Machine, obj: Ptr, key: Ptr, name: string): Ptr {
  const kinds = m.descriptorTypes;
  const heap = m.heap;
  const t = m.typeIdOf(obj);
  const orNone = (value: Ptr): Ptr => m.incref(value !== 0 ? value : heap.none);
  if (t === kinds.property) {
    if (name === "fget") return orNone(m.field(obj, PROPERTY_GET_OFFSET));
    if (name === "fset") return orNone(m.field(obj, PROPERTY_SET_OFFSET));
    if (name === "fdel") return orNone(m.field(obj, PROPERTY_DELETE_OFFSET));
    if (name === "__doc__") return orNone(m.field(obj, PROPERTY_DOC_OFFSET));
    if (name === "__name__") {
      const own = propertyName(m, obj);
      return own !== 0 ? m.incref(own) : 0;
    }
    return 0;
  }
  if (t === kinds.classmethod || t === kinds.staticmethod) {
    if (name === "__func__" || name === "__wrapped__")
      return m.incref(m.field(obj, WRAPPER_CALLABLE_OFFSET));
    const dict = m.field(obj, WRAPPER_DICT_OFFSET);
    if (name === "__dict__") return dict !== 0 ? m.incref(dict) : 0;
    const value = dict !== 0 ? heap.dictGetItem(dict, key) : 0;
    return value !== 0 ? m.incref(value) : 0;
  }
  if (t === kinds.super) {
    if (name === "__thisclass__") return orNone(m.field(obj, SUPER_TYPE_OFFSET));
    if (name === "__self__") return orNone(m.field(obj, SUPER_OBJECT_OFFSET));
    if (name === "__self_class__") return orNone(m.field(obj, SUPER_OBJECT_TYPE_OFFSET));
    if (name === "__class__") return m.incref(m.recordOf(obj).object);
    const bound = m.field(obj, SUPER_OBJECT_OFFSET);
    return bound !== 0 ? superLookup(m, m.field(obj, SUPER_TYPE_OFFSET), bound, key) : 0;
  }
  return 0;
}
