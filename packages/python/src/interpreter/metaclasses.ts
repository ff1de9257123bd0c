import { type Ptr, TypeFlags, type TypeId } from "@pymem/core";
import { typeDictEscaped } from "./attribute-cache.js";
import { missingDoc } from "./builtin-docs.js";
import { argumentsFrom, call, callType } from "./calls.js";
import { newClass } from "./class-creation.js";
import { WRAPPER_CALLABLE_OFFSET } from "./descriptor-types.js";
import { descriptorGet, descriptorSet, HOOK_SETATTR, isDataDescriptor } from "./descriptors.js";
import { unionOf } from "./generic-alias.js";
import type { Machine, TypeRecord } from "./machine.js";
import { classDictProxy } from "./mapping-proxy.js";
import { arity, defineMethod } from "./native-arguments.js";
import { findAttribute, storeClassAttribute } from "./object-access.js";
import {
  TYPE_BASE_OFFSET,
  TYPE_DICT_OFFSET,
  TYPE_MRO_OFFSET,
  TYPE_NAME_OFFSET,
  TYPE_SIZE,
  TYPE_WEAKLIST_OFFSET,
} from "./object-layouts.js";
import { sequenceItems } from "./operators.js";
import { defineSlotWrapper } from "./slot-wrappers.js";

/**
 * Metaclasses: classes deriving from `type`, whose instances are classes (CPython: `type_new`
 * for a metatype, `__build_class__`, `_PyType_CalculateMetaclass`, `type_call`,
 * `type_getattro` / `type_setattro` with the metatype's attributes, and `PyObject_IsInstance` /
 * `PyObject_IsSubclass` with `__instancecheck__` / `__subclasscheck__`).
 *
 * A metaclass `M` gets a heap type id of its own whose instances have the type-object layout
 * (`object-layouts.ts`) and are heap-type instances: each class made by `M` owns a reference to
 * `M`'s class object, as CPython's heap types do, so `M` lives while its classes do and a
 * collector sees the edge.
 *
 * @module
 */

/**
 * Registers the heap type of the instances of metaclass `name` (classes whose `type()` is it):
 * the type-object layout, GC-tracked, owning a reference to `classObject` (CPython: a heap
 * type's instances `Py_INCREF` their type), finalized by `finalize` (the metaclass's `__del__`;
 * switched on by `HAS_FINALIZE` only while it has one).
 *
 * @example
 * ```ts
 * const id = defineMetaclassInstances(machine, "Meta", metaclassObject, (cls) => runDel(machine, cls));
 * ```
 */
export function defineMetaclassInstances(
  m: Machine,
  name: string,
  classObject: Ptr,
  finalize: (cls: Ptr) => void,
): TypeId {
  return m.heap.defineType({
    name,
    basicSize: TYPE_SIZE,
    flags: TypeFlags.GC | TypeFlags.HEAPTYPE | TypeFlags.BASETYPE,
    references: {
      fixed: [TYPE_NAME_OFFSET, TYPE_DICT_OFFSET, TYPE_BASE_OFFSET, TYPE_MRO_OFFSET],
    },
    weaklistOffset: TYPE_WEAKLIST_OFFSET,
    typeObject: classObject,
    finalize,
  });
}

/**
 * The most derived of `metaclass` and the metaclasses of `bases` (borrowed class objects), or
 * CPython's "metaclass conflict" TypeError. CPython: `_PyType_CalculateMetaclass`.
 *
 * @example
 * ```ts
 * const winner = calculateMetaclass(machine, machine.builtinType("type"), [base]);
 * ```
 */
export function calculateMetaclass(
  m: Machine,
  metaclass: TypeRecord,
  bases: readonly Ptr[],
): TypeRecord {
  let winner = metaclass;
  for (const base of bases) {
    const candidate = m.recordOf(base);
    if (m.isSubtype(winner, candidate)) continue;
    if (m.isSubtype(candidate, winner)) {
      winner = candidate;
      continue;
    }
    m.raise(
      "TypeError",
      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
    );
  }
  return winner;
}

/**
 * The metaclass a `class` statement calls (borrowed): its `metaclass=` keyword, else the type
 * of its first base, else `type`; when that is a class, the most derived metaclass of it and
 * the bases'. `keywords` loses the `metaclass` entry. CPython: `builtin___build_class__`.
 *
 * @example
 * ```ts
 * const { metaclass, keywords: rest } = selectMetaclass(machine, bases, keywords);
 * ```
 */
export function selectMetaclass(
  m: Machine,
  bases: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): { metaclass: Ptr; keywords: ReadonlyArray<readonly [string, Ptr]> } {
  const explicit = keywords.find(([name]) => name === "metaclass");
  const rest =
    explicit === undefined ? keywords : keywords.filter(([name]) => name !== "metaclass");
  let metaclass: Ptr;
  if (explicit !== undefined) metaclass = explicit[1];
  else if (bases.length > 0) metaclass = m.recordOf(bases[0]!).object;
  else metaclass = m.builtinType("type").object;
  if (m.isType(metaclass))
    metaclass = calculateMetaclass(m, m.recordOfType(metaclass), bases).object;
  return { metaclass, keywords: rest };
}

/**
 * The namespace a class body runs in (a new reference): `metaclass.__prepare__(name, bases,
 * **keywords)` when the metaclass has one of its own, else a new dict. CPython:
 * `builtin___build_class__`'s `__prepare__` call. A namespace that is not a dict must be a
 * mapping (a class with `__getitem__`).
 *
 * @example
 * ```ts
 * const namespace = prepareNamespace(machine, metaclass, "C", bases, keywords);
 * ```
 */
export function prepareNamespace(
  m: Machine,
  metaclass: Ptr,
  name: string,
  bases: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): Ptr {
  if (m.isType(metaclass) && !m.recordOfType(metaclass).user) return m.heap.newDict();
  const prepare = findAttribute(m, metaclass, m.name("__prepare__"), "__prepare__");
  if (prepare === 0) return m.heap.newDict();
  let nameObject: Ptr = 0;
  let basesTuple: Ptr = 0;
  let namespace: Ptr;
  try {
    // Made inside the try: running out of memory for either releases what was made.
    nameObject = m.newStr(name);
    basesTuple = m.newTuple(bases);
    namespace = call(m, prepare, [nameObject, basesTuple], keywords);
  } finally {
    m.decref(prepare);
    m.xdecref(nameObject);
    m.xdecref(basesTuple);
  }
  // CPython: PyMapping_Check — a dict, or an object whose class defines __getitem__ (the class
  // body then reads and writes it through class-namespace.ts).
  if (
    m.typeIdOf(namespace) !== m.heap.dictType &&
    (!m.recordOf(namespace).user ||
      m.lookupType(m.recordOf(namespace), m.name("__getitem__")) === 0)
  ) {
    const typeName = m.typeName(namespace);
    m.decref(namespace);
    m.raise(
      "TypeError",
      `${metaclassLabel(m, metaclass)}.__prepare__() must return a mapping, not ${typeName}`,
    );
  }
  return namespace;
}

function metaclassLabel(m: Machine, metaclass: Ptr): string {
  return m.isType(metaclass) ? m.recordOfType(metaclass).name : "<metaclass>";
}

/**
 * Makes the class of a `class` statement once its body ran (a new reference): `type`'s fast
 * path, or `metaclass(name, bases, namespace, **keywords)`. CPython: the end of
 * `builtin___build_class__`.
 *
 * @example
 * ```ts
 * const cls = buildClass(machine, metaclass, "C", bases, namespace, keywords);
 * ```
 */
export function buildClass(
  m: Machine,
  metaclass: Ptr,
  name: string,
  bases: readonly Ptr[],
  namespace: Ptr,
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): Ptr {
  const typeRecord = m.builtinType("type");
  if (metaclass === typeRecord.object) return newClass(m, name, bases, namespace, keywords);
  const nameObject = m.newStr(name);
  const basesTuple = m.newTuple(bases);
  try {
    return call(m, metaclass, [nameObject, basesTuple, namespace], keywords);
  } finally {
    m.decref(nameObject);
    m.decref(basesTuple);
  }
}

/**
 * `type.__new__(metatype, name, bases, dict, **keywords)`: checks the arguments, finds the most
 * derived metaclass (deferring to its own `__new__` when it has one), copies the dict and makes
 * the class. CPython: `type_new`.
 *
 * @example
 * ```ts
 * const cls = typeNew(machine, metaRecord, [name, bases, dict], []);
 * ```
 */
export function typeNew(
  m: Machine,
  metatype: TypeRecord,
  args: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): Ptr {
  const heap = m.heap;
  if (args.length !== 3)
    m.raise("TypeError", `type.__new__() takes exactly 3 arguments (${args.length} given)`);
  const [name, bases, dict] = args as [Ptr, Ptr, Ptr];
  if (!m.isStr(name))
    m.raise("TypeError", `type.__new__() argument 1 must be str, not ${m.typeName(name)}`);
  if (m.typeIdOf(bases) !== heap.tupleType)
    m.raise("TypeError", `type.__new__() argument 2 must be tuple, not ${m.typeName(bases)}`);
  if (m.typeIdOf(dict) !== heap.dictType)
    m.raise("TypeError", `type.__new__() argument 3 must be dict, not ${m.typeName(dict)}`);
  const baseObjects = sequenceItems(m, bases);
  const winner = calculateMetaclass(m, metatype, baseObjects);
  if (winner !== metatype) {
    const ownNew = userNew(m, winner);
    if (ownNew !== 0) return call(m, ownNew, [winner.object, ...args], keywords);
  }
  const namespace = heap.newDict();
  try {
    for (const [key, value] of heap.dictItems(dict)) heap.dictSetItem(namespace, key, value);
    const moduleKey = m.name("__module__");
    if (heap.dictGetItem(namespace, moduleKey) === 0) {
      const module = m.newStr("__main__");
      heap.dictSetItem(namespace, moduleKey, module);
      m.decref(module);
    }
    return newClass(m, heap.strValue(name), baseObjects, namespace, keywords, winner);
  } finally {
    m.decref(namespace);
  }
}

/** The function of a metaclass's own `__new__` (a staticmethod in a user class), or 0. Borrowed. */
function userNew(m: Machine, record: TypeRecord): Ptr {
  const found = m.lookupType(record, m.name("__new__"));
  if (found === 0 || m.typeIdOf(found) !== m.descriptorTypes.staticmethod) return 0;
  return m.field(found, WRAPPER_CALLABLE_OFFSET);
}

/**
 * Calls a metaclass `record` with the arguments at `argsBase` (left on the stack for the caller
 * to release): its `__new__` (or `type.__new__`), then its `__init__` when the result is an
 * instance of it. CPython: `type_call` on a metatype.
 *
 * @example
 * ```ts
 * const cls = callMetaclass(machine, metaRecord, argsBase, keywordNames);
 * ```
 */
export function callMetaclass(
  m: Machine,
  record: TypeRecord,
  argsBase: number,
  names: readonly string[] | undefined,
): Ptr {
  const { positional, keywords } = argumentsFrom(m, argsBase, names);
  const ownNew = userNew(m, record);
  const cls =
    ownNew !== 0
      ? call(m, ownNew, [record.object, ...positional], keywords)
      : typeNew(m, record, positional, keywords);
  if (!m.isSubtype(m.recordOf(cls), record)) return cls;
  return initClass(m, cls, positional, keywords);
}

/**
 * Runs the `__init__` of new class `cls`'s metaclass when that is a user function (type's own
 * does nothing), and returns `cls` (stolen); on failure `cls` is released. CPython: `type_call`'s
 * `Py_TYPE(obj)->tp_init(obj, args, kwds)`.
 *
 * @example
 * ```ts
 * return initClass(machine, cls, args, keywords);
 * ```
 */
export function initClass(
  m: Machine,
  cls: Ptr,
  args: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): Ptr {
  const meta = m.recordOf(cls);
  if (!meta.user) return cls;
  const init = m.lookupType(meta, m.name("__init__"));
  if (init === 0 || m.typeIdOf(init) === m.types.builtin) return cls;
  m.push(cls); // released by the unwinder if __init__ raises
  const result = call(m, init, [cls, ...args], keywords);
  m.sp--;
  if (result !== m.heap.none) {
    const typeName = m.typeName(result);
    m.decref(result);
    m.decref(cls);
    m.raise("TypeError", `__init__() should return None, not '${typeName}'`);
  }
  return cls;
}

/**
 * Calls class `cls` with borrowed arguments as `type.__call__` does, whatever its metaclass's
 * `__call__` is (what `super().__call__(*args)` in a metaclass reaches). CPython: `type_call`.
 */
function typeCall(
  m: Machine,
  cls: Ptr,
  args: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): Ptr {
  const base = m.sp;
  for (const arg of args) m.push(m.incref(arg));
  const names = keywords.map(([name, value]) => {
    m.push(m.incref(value));
    return name;
  });
  try {
    return callType(m, cls, base, names.length > 0 ? names : undefined);
  } finally {
    m.unwindTo(base);
  }
}

/**
 * `cls.name` for a class (a new reference, 0 when missing): a data descriptor of its metaclass,
 * then the class's own MRO (descriptors called with no instance), then the metaclass's other
 * attributes bound to the class, then the attributes every class has. CPython: `type_getattro`.
 *
 * @example
 * ```ts
 * const value = typeGetAttribute(machine, cls, key, "x");
 * ```
 */
export function typeGetAttribute(m: Machine, cls: Ptr, key: Ptr, name: string): Ptr {
  const heap = m.heap;
  const meta = m.recordOf(cls);
  const metaAttribute = meta.user ? m.lookupType(meta, key) : 0;
  if (metaAttribute !== 0 && isDataDescriptor(m, metaAttribute)) {
    const value = descriptorGet(m, metaAttribute, cls, meta.object);
    if (value !== 0) return value;
  }
  const typeRecord = m.recordOfType(cls);
  // type's own `__name__` wins over a built-in base's (`cached.__name__` for a class deriving
  // from property, whose dict has a `__name__` getter); pymem keeps an assigned one in the dict.
  if (
    name === "__name__" &&
    !typeRecord.mro.some((r) => r.user && heap.dictGetItem(m.typeDict(r), key) !== 0)
  )
    return m.incref(m.field(cls, TYPE_NAME_OFFSET));
  const found = m.lookupType(typeRecord, key);
  if (found !== 0) {
    // A built-in type's dict holds method descriptors, which stay unbound on the class, and
    // classmethods (`bytes.fromhex`), which bind to it.
    const bound =
      typeRecord.user ||
      m.typeIdOf(found) === m.descriptorTypes.classmethod ||
      m.typeIdOf(found) === m.descriptorTypes.staticmethod
        ? descriptorGet(m, found, 0, cls)
        : 0;
    return bound !== 0 ? bound : m.incref(found);
  }
  // type's own methods bind to the class too (`float.mro`, `float.__or__`), after its MRO.
  const fromMeta = metaAttribute !== 0 ? metaAttribute : m.lookupType(meta, key);
  if (fromMeta !== 0) {
    const bound = descriptorGet(m, fromMeta, cls, meta.object);
    return bound !== 0 ? bound : m.incref(fromMeta);
  }
  if (name === "__qualname__" && typeRecord.qualifiedName !== undefined)
    return m.newStr(typeRecord.qualifiedName);
  if (name === "__name__" || name === "__qualname__")
    return m.incref(m.field(cls, TYPE_NAME_OFFSET));
  if (name === "__base__") return m.incref(typeRecord.base?.object ?? heap.none);
  if (name === "__bases__") return m.newTuple(typeRecord.bases.map((base) => base.object));
  if (name === "__dict__") {
    // A read-only mappingproxy; the dict inside is still reachable (object.__getattribute__ on
    // the proxy), so the attribute cache stops trusting it.
    typeDictEscaped(m, typeRecord);
    return classDictProxy(m, m.field(cls, TYPE_DICT_OFFSET));
  }
  if (name === "__mro__") {
    const mro = m.field(cls, TYPE_MRO_OFFSET);
    if (mro !== 0) return m.incref(mro);
    return m.newTuple(typeRecord.mro.map((r) => r.object));
  }
  if (name === "__module__") return heap.newStr(typeRecord.user ? "__main__" : "builtins");
  if (name === "__class__") return m.incref(meta.object);
  return missingDoc(m, typeRecord, name);
}

/**
 * `cls.name = value` (or `del cls.name` with `value` 0) through the metaclass: its
 * `__setattr__` / `__delattr__`, or a data descriptor it defines. Returns false when the
 * metaclass has neither, for the caller to store into the class dict. CPython: `type_setattro`
 * reached through `slot_tp_setattro` or `PyObject_GenericSetAttr`'s descriptor step.
 *
 * @example
 * ```ts
 * if (!metaclassSetAttribute(machine, cls, key, value)) storeInClassDict();
 * ```
 */
export function metaclassSetAttribute(m: Machine, cls: Ptr, key: Ptr, value: Ptr): boolean {
  const meta = m.recordOf(cls);
  if (!meta.user) return false;
  if ((meta.hooks & HOOK_SETATTR) !== 0 && value !== 0) {
    const hook = m.lookupType(meta, m.name("__setattr__"));
    if (m.typeIdOf(hook) !== m.types.builtin) {
      m.decref(call(m, hook, [cls, key, value], undefined));
      return true;
    }
  }
  if (value === 0) {
    const hook = m.lookupType(meta, m.name("__delattr__"));
    if (hook !== 0 && m.typeIdOf(hook) !== m.types.builtin) {
      m.decref(call(m, hook, [cls, key], undefined));
      return true;
    }
  }
  const descr = m.lookupType(meta, key);
  if (descr !== 0 && isDataDescriptor(m, descr)) {
    descriptorSet(m, descr, cls, value);
    return true;
  }
  return false;
}

/**
 * The user function a class's metaclass defines for `__instancecheck__` or
 * `__subclasscheck__` (borrowed), or 0 when the default check applies. CPython:
 * `_PyObject_LookupSpecial` in `PyObject_IsInstance` / `PyObject_IsSubclass`.
 *
 * @example
 * ```ts
 * const hook = checkHook(machine, cls, "__instancecheck__");
 * ```
 */
export function checkHook(m: Machine, cls: Ptr, name: string): Ptr {
  const meta = m.recordOf(cls);
  if (!meta.user) return 0;
  const hook = m.lookupType(meta, m.name(name));
  return hook === 0 || m.typeIdOf(hook) === m.types.builtin ? 0 : hook;
}

/**
 * Installs the methods of `type` a metaclass reaches through `super()` or by name:
 * `type.__init__`, `type.__call__`, `type.__prepare__`, `type.__instancecheck__`,
 * `type.__subclasscheck__`, `type.__subclasses__` and `type.mro`.
 *
 * @example
 * ```ts
 * installTypeMethods(machine);
 * ```
 */
export function installTypeMethods(m: Machine): void {
  const heap = m.heap;
  const requireClass = (value: Ptr | undefined, method: string): Ptr => {
    if (value === undefined || !m.isType(value))
      m.raise("TypeError", `descriptor '${method}' requires a 'type' object`);
    return value;
  };
  // CPython: type_init — the arguments were type_new's; only their count is checked.
  defineMethod(m, "type", "__init__", (_c, args, keywords) => {
    requireClass(args[0], "__init__");
    const count = args.length - 1;
    if (count === 1 && keywords.length > 0)
      m.raise("TypeError", "type.__init__() takes no keyword arguments");
    if (count !== 1 && count !== 3) m.raise("TypeError", "type.__init__() takes 1 or 3 arguments");
    return heap.none;
  });
  defineMethod(m, "type", "__call__", (_c, args, keywords) =>
    typeCall(m, requireClass(args[0], "__call__"), args.slice(1), keywords),
  );
  // CPython: type_prepare — an empty dict whatever the arguments.
  defineMethod(m, "type", "__prepare__", () => heap.newDict());
  defineMethod(m, "type", "__instancecheck__", (_c, args) => {
    arity(m, "__instancecheck__", args, 2, 2);
    const cls = requireClass(args[0], "__instancecheck__");
    return m.newBool(m.isSubtype(m.recordOf(args[1]!), m.recordOfType(cls)));
  });
  defineMethod(m, "type", "__subclasscheck__", (_c, args) => {
    arity(m, "__subclasscheck__", args, 2, 2);
    const cls = requireClass(args[0], "__subclasscheck__");
    if (!m.isType(args[1]!)) m.raise("TypeError", "issubclass() arg 1 must be a class");
    return m.newBool(m.isSubtype(m.recordOfType(args[1]!), m.recordOfType(cls)));
  });
  // CPython: type_setattro / type's tp_setattro reached as `super().__setattr__` — the class
  // dict, bypassing the metaclass's own hooks.
  defineMethod(m, "type", "__setattr__", (_c, args) => {
    arity(m, "__setattr__", args, 3, 3);
    const cls = requireClass(args[0], "__setattr__");
    storeClassAttribute(m, cls, args[1]!, attributeName(m, args[1]!), args[2]!);
    return heap.none;
  });
  defineMethod(m, "type", "__delattr__", (_c, args) => {
    arity(m, "__delattr__", args, 2, 2);
    const cls = requireClass(args[0], "__delattr__");
    storeClassAttribute(m, cls, args[1]!, attributeName(m, args[1]!), 0);
    return heap.none;
  });
  // CPython: type___subclasses___impl — the live classes naming `cls` among their bases, oldest first.
  defineMethod(m, "type", "__subclasses__", (_c, args) => {
    arity(m, "__subclasses__", args, 1, 1);
    const record = m.recordOfType(requireClass(args[0], "__subclasses__"));
    const subclasses: Ptr[] = [];
    for (const candidate of m.records)
      if (candidate?.bases.includes(record)) subclasses.push(candidate.object);
    return heap.newList(subclasses);
  });
  // CPython: type_or — `int | None` as a method; NotImplemented unless both sides are unionable.
  const isClass = (obj: Ptr): boolean => m.isType(obj);
  const union = (a: Ptr, b: Ptr): Ptr => {
    const result = unionOf(m, a, b);
    return result !== 0 ? result : m.incref(m.notImplemented);
  };
  defineSlotWrapper(m, "type", isClass, "__or__", "binary", (self, [other]) => union(self, other!));
  defineSlotWrapper(m, "type", isClass, "__ror__", "binary", (self, [other]) =>
    union(other!, self),
  );
  defineMethod(m, "type", "mro", (_c, args) => {
    arity(m, "mro", args, 1, 1);
    const cls = requireClass(args[0], "mro");
    return m.heap.newList(m.recordOfType(cls).mro.map((record) => record.object));
  });
}

/** The str an attribute-name argument must be (CPython: `type_setattro`'s check). */
function attributeName(m: Machine, key: Ptr): string {
  if (!m.isStr(key))
    m.raise("TypeError", `attribute name must be string, not '${m.typeName(key)}'`);
  return m.heap.strValue(key);
}
