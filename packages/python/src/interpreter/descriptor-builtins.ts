import type { Ptr } from "@pymem/core";
import { newCallableWrapper } from "./class-creation.js";
import {
  PROPERTY_DELETE_OFFSET,
  PROPERTY_DOC_OFFSET,
  PROPERTY_GET_OFFSET,
  PROPERTY_NAME_OFFSET,
  PROPERTY_SET_OFFSET,
  SUPER_OBJECT_OFFSET,
  SUPER_OBJECT_TYPE_OFFSET,
  SUPER_TYPE_OFFSET,
  WRAPPER_CALLABLE_OFFSET,
  WRAPPER_DICT_OFFSET,
} from "./descriptor-types.js";
import { descriptorGet, descriptorSet, isDataDescriptor, propertyName } from "./descriptors.js";
import type { Machine, TypeRecord } from "./machine.js";
import { arity, defineMethod, keyword } from "./native-arguments.js";
import { findAttribute, genericGetAttribute, raiseNoAttribute } from "./object-access.js";
import { allocateOwning } from "./owned-allocation.js";

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
  const orNull = (value: Ptr | undefined): Ptr =>
    value === undefined || value === heap.none ? 0 : m.incref(value);

  // CPython: property_init_impl — None stands for a missing accessor.
  defineMethod(m, "property", "__new__", (_context, args, keywords) => {
    arity(m, "property", args, 0, 4);
    const options = keyword(m, "property", keywords, ["fget", "fset", "fdel", "doc"]);
    const given = (index: number, name: string): Ptr | undefined =>
      args[index] ?? options.get(name);
    return newProperty(
      m,
      [
        orNull(given(0, "fget")),
        orNull(given(1, "fset")),
        orNull(given(2, "fdel")),
        orNull(given(3, "doc")),
      ],
      0,
    );
  });
  // CPython: property_copy — getter/setter/deleter return a new property with one accessor
  // replaced, keeping the name.
  const copyWith =
    (offset: number) =>
    (args: readonly Ptr[]): Ptr => {
      const [self, fn] = args as [Ptr, Ptr];
      const fields = [
        PROPERTY_GET_OFFSET,
        PROPERTY_SET_OFFSET,
        PROPERTY_DELETE_OFFSET,
        PROPERTY_DOC_OFFSET,
      ].map((field) => (field === offset ? orNull(fn) : orNull(m.field(self, field) || undefined)));
      return newProperty(m, fields, orNull(m.field(self, PROPERTY_NAME_OFFSET) || undefined));
    };
  method("property", "getter", checked(m, "getter", 2, copyWith(PROPERTY_GET_OFFSET)));
  method("property", "setter", checked(m, "setter", 2, copyWith(PROPERTY_SET_OFFSET)));
  method("property", "deleter", checked(m, "deleter", 2, copyWith(PROPERTY_DELETE_OFFSET)));
  method("property", "__get__", (args) => {
    arity(m, "__get__", args, 2, 3);
    const obj = args[1]!;
    if (obj === heap.none) return m.incref(args[0]!);
    return descriptorGet(m, args[0]!, obj, args[2] ?? m.recordOf(obj).object);
  });
  method("property", "__set__", (args) => {
    arity(m, "__set__", args, 3, 3);
    descriptorSet(m, args[0]!, args[1]!, args[2]!);
    return heap.none;
  });
  method("property", "__delete__", (args) => {
    arity(m, "__delete__", args, 2, 2);
    descriptorSet(m, args[0]!, args[1]!, 0);
    return heap.none;
  });
  // CPython 3.12+: property_set_name — the name its error messages use.
  method("property", "__set_name__", (args) => {
    arity(m, "__set_name__", args, 3, 3);
    const slot = (args[0]! + PROPERTY_NAME_OFFSET) >>> 2;
    const old = heap.memory.u32[slot]!;
    heap.memory.u32[slot] = m.incref(args[2]!);
    m.xdecref(old);
    return heap.none;
  });

  for (const [type, kind] of [
    ["classmethod", kinds.classmethod],
    ["staticmethod", kinds.staticmethod],
  ] as const) {
    defineMethod(m, type, "__new__", (_context, args) => {
      arity(m, type, args, 1, 1);
      return newWrapperWithDict(m, kind, args[0]!);
    });
    method(type, "__get__", (args) => {
      arity(m, "__get__", args, 2, 3);
      const obj = args[1]!;
      const owner =
        args[2] !== undefined && args[2] !== heap.none ? args[2] : m.recordOf(obj).object;
      return descriptorGet(m, args[0]!, obj === heap.none ? 0 : obj, owner);
    });
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

/** Wraps `fn` as a native that first checks its argument count (self included). */
function checked(
  m: Machine,
  name: string,
  count: number,
  fn: (args: readonly Ptr[]) => Ptr,
): (args: readonly Ptr[]) => Ptr {
  return (args) => {
    arity(m, name, args.slice(1), count - 1, count - 1);
    return fn(args);
  };
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
  if (!record.instances)
    m.raise(
      "AttributeError",
      `'${record.name}' object has no attribute '${name}' and no __dict__ for setting new attributes`,
    );
  if (value !== 0 ? m.heap.setAttrByKey(obj, key, value) : m.heap.delAttrByKey(obj, key)) return;
  raiseNoAttribute(m, obj, name);
}

/** A new property from owned fields `[fget, fset, fdel, doc]` and an owned name (0 for none). */
function newProperty(m: Machine, fields: readonly Ptr[], name: Ptr): Ptr {
  const prop = allocateOwning(m, m.descriptorTypes.property, [...fields, name]);
  const u32 = m.heap.memory.u32;
  u32[(prop + PROPERTY_GET_OFFSET) >>> 2] = fields[0]!;
  u32[(prop + PROPERTY_SET_OFFSET) >>> 2] = fields[1]!;
  u32[(prop + PROPERTY_DELETE_OFFSET) >>> 2] = fields[2]!;
  u32[(prop + PROPERTY_DOC_OFFSET) >>> 2] = fields[3]!;
  u32[(prop + PROPERTY_NAME_OFFSET) >>> 2] = name;
  return prop;
}

/**
 * `classmethod(fn)` / `staticmethod(fn)`: the wrapper and a `__dict__` holding the attributes
 * `functools.wraps` copies from `fn` that it has (CPython: `cm_init` → `functools_wraps`).
 */
function newWrapperWithDict(m: Machine, kind: number, fn: Ptr): Ptr {
  const wrapper = newCallableWrapper(m, kind, fn);
  const dict = m.heap.newDict();
  m.heap.memory.u32[(wrapper + WRAPPER_DICT_OFFSET) >>> 2] = dict;
  for (const name of ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"]) {
    const key = m.name(name);
    const value = findAttribute(m, fn, key, name);
    if (value === 0) continue;
    try {
      m.heap.dictSetItem(dict, key, value);
    } finally {
      m.decref(value);
    }
  }
  return wrapper;
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
