import type { Ptr } from "@pymem/core";
import { defineGetter } from "./builtin-getters.js";
import { call } from "./calls.js";
import {
  PROPERTY_DELETE_OFFSET,
  PROPERTY_DOC_OFFSET,
  PROPERTY_GET_OFFSET,
  PROPERTY_NAME_OFFSET,
  PROPERTY_SET_OFFSET,
} from "./descriptor-types.js";
import { isAttributeError, propertyGet, propertyName, propertySet } from "./descriptors.js";
import type { Machine } from "./machine.js";
import { arity, defineMethod, keyword } from "./native-arguments.js";
import { findAttribute, setAttribute } from "./object-access.js";

/**
 * The `property` type (CPython: `Objects/descrobject.c`, `PyProperty_Type`): its constructor
 * (`property_init`), `getter`/`setter`/`deleter` (`property_copy`), the descriptor methods and
 * `__set_name__`, and what a class deriving from it (`class cached(property)`) needs: `__new__`
 * making an empty instance of the class, `__init__` filling it, copies of the instance's own
 * class, the docstring kept in the instance's `__dict__` (CPython 3.12+), and `fget`/`fset`/
 * `fdel`/`__name__` readable as the type's attributes.
 *
 * @module
 */

/** The accessor fields in `property(fget, fset, fdel, doc)` order. */
const ACCESSOR_OFFSETS = [PROPERTY_GET_OFFSET, PROPERTY_SET_OFFSET, PROPERTY_DELETE_OFFSET];

/**
 * Installs property's constructor, methods and attribute getters into its type dict.
 *
 * @example
 * ```ts
 * installPropertyType(machine);
 * ```
 * @internal
 */
export function installPropertyType(m: Machine): void {
  const heap = m.heap;
  const record = m.builtinType("property");
  const isProperty = (obj: Ptr): boolean => m.isSubtype(m.recordOf(obj), record);
  const self = (args: readonly Ptr[], name: string): Ptr => {
    const obj = args[0];
    if (obj === undefined || !isProperty(obj))
      m.raise(
        "TypeError",
        `descriptor '${name}' for 'property' objects doesn't apply to a '${obj === undefined ? "NoneType" : m.typeName(obj)}' object`,
      );
    return obj;
  };
  // CPython: PyType_GenericNew then property_init. `property(…)` does both here; from a
  // subclass's `type_call` (class first) the instance is empty and `__init__` fills it.
  defineMethod(m, "property", "__new__", (_context, args, keywords) => {
    const first = args[0];
    if (first !== undefined && m.isType(first) && m.isSubtype(m.recordOfType(first), record)) {
      const cls = m.recordOfType(first);
      return cls === record ? heap.allocate(m.descriptorTypes.property) : heap.newInstance(cls.id);
    }
    const prop = heap.allocate(m.descriptorTypes.property);
    try {
      initProperty(m, prop, args, keywords);
    } catch (error) {
      m.decref(prop);
      throw error;
    }
    return prop;
  });
  defineMethod(m, "property", "__init__", (_context, args, keywords) => {
    initProperty(m, self(args, "__init__"), args.slice(1), keywords);
    return heap.none;
  });
  for (const [name, offset] of [
    ["getter", PROPERTY_GET_OFFSET],
    ["setter", PROPERTY_SET_OFFSET],
    ["deleter", PROPERTY_DELETE_OFFSET],
  ] as const)
    defineMethod(m, "property", name, (_context, args) => {
      const prop = self(args, name);
      arity(m, name, args.slice(1), 1, 1);
      return copyProperty(m, prop, offset, args[1]!);
    });
  defineMethod(m, "property", "__get__", (_context, args) => {
    const prop = self(args, "__get__");
    arity(m, "__get__", args.slice(1), 1, 2);
    const obj = args[1]!;
    return obj === heap.none ? m.incref(prop) : propertyGet(m, prop, obj);
  });
  defineMethod(m, "property", "__set__", (_context, args) => {
    const prop = self(args, "__set__");
    arity(m, "__set__", args.slice(1), 2, 2);
    propertySet(m, prop, args[1]!, args[2]!);
    return heap.none;
  });
  defineMethod(m, "property", "__delete__", (_context, args) => {
    const prop = self(args, "__delete__");
    arity(m, "__delete__", args.slice(1), 1, 1);
    propertySet(m, prop, args[1]!, 0);
    return heap.none;
  });
  // CPython 3.12+: property_set_name — the name its error messages use.
  defineMethod(m, "property", "__set_name__", (_context, args) => {
    const prop = self(args, "__set_name__");
    arity(m, "__set_name__", args.slice(1), 2, 2);
    replaceField(m, prop, PROPERTY_NAME_OFFSET, m.incref(args[2]!));
    return heap.none;
  });
  // CPython: property_members and property_getsetlist, read by a subclass's instances (an exact
  // property answers them in descriptorObjectAttribute before its type dict is searched).
  for (const [name, offset] of [
    ["fget", PROPERTY_GET_OFFSET],
    ["fset", PROPERTY_SET_OFFSET],
    ["fdel", PROPERTY_DELETE_OFFSET],
  ] as const)
    defineGetter(m, "property", name, (prop) => m.incref(m.field(prop, offset) || heap.none));
  defineGetter(m, "property", "__name__", (prop) => {
    const name = propertyName(m, prop);
    if (name === 0)
      m.raise("AttributeError", `'${m.typeName(prop)}' object has no attribute '__name__'`);
    return m.incref(name);
  });
}

/**
 * CPython: `property_init_impl` — the accessors (None stands for a missing one), and the
 * docstring: `doc`, else the getter's `__doc__`. An exact property keeps it in its `prop_doc`
 * field; a subclass's instance in its `__dict__` (so the class's own `__doc__` does not shadow
 * it), silently dropped when the instance has no `__dict__` and the doc came from the getter.
 */
function initProperty(
  m: Machine,
  prop: Ptr,
  args: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): void {
  const heap = m.heap;
  arity(m, "property", args, 0, 4);
  const options = keyword(m, "property", keywords, ["fget", "fset", "fdel", "doc"]);
  const given = (index: number, name: string): Ptr => {
    const value = args[index] ?? options.get(name);
    return value === undefined || value === heap.none ? 0 : value;
  };
  const fget = given(0, "fget");
  ACCESSOR_OFFSETS.forEach((offset, index) => {
    const value = given(index, ["fget", "fset", "fdel"][index]!);
    replaceField(m, prop, offset, value !== 0 ? m.incref(value) : 0);
  });
  replaceField(m, prop, PROPERTY_DOC_OFFSET, 0);
  replaceField(m, prop, PROPERTY_NAME_OFFSET, 0);
  const exact = m.typeIdOf(prop) === m.descriptorTypes.property;
  const explicitDoc = given(3, "doc");
  let doc = explicitDoc !== 0 ? m.incref(explicitDoc) : 0;
  let getterDoc = false;
  if (doc === 0 && fget !== 0) {
    doc = findAttribute(m, fget, m.name("__doc__"), "__doc__");
    // A getter without a docstring leaves none (and a subclass's class-level one visible).
    if (doc === heap.none) {
      m.decref(doc);
      doc = 0;
    }
    getterDoc = doc !== 0;
  }
  if (exact) {
    replaceField(m, prop, PROPERTY_DOC_OFFSET, doc);
    return;
  }
  try {
    setAttribute(m, prop, m.name("__doc__"), "__doc__", doc !== 0 ? doc : heap.none);
  } catch (error) {
    // CPython: gh-98963 — a doc the getter supplied is dropped when there is nowhere to put it.
    if (getterDoc || !isAttributeError(m, error)) throw error;
    error.release(m);
  } finally {
    m.xdecref(doc);
  }
}

/**
 * CPython: `property_copy` — `type(prop)(fget, fset, fdel, doc)` with one accessor replaced,
 * keeping the name. The docstring is passed on unless the getter supplied it (then the new
 * getter's is taken); a subclass's instance holds none of its own to pass.
 */
function copyProperty(m: Machine, prop: Ptr, offset: number, fn: Ptr): Ptr {
  const heap = m.heap;
  // None (or a missing accessor) keeps the old one.
  const accessors = ACCESSOR_OFFSETS.map((field) =>
    field === offset && fn !== heap.none ? fn : m.field(prop, field) || heap.none,
  );
  const doc = m.field(prop, PROPERTY_DOC_OFFSET);
  const fget = m.field(prop, PROPERTY_GET_OFFSET);
  let getterDoc = false;
  if (doc !== 0 && fget !== 0) {
    const fromGetter = findAttribute(m, fget, m.name("__doc__"), "__doc__");
    // property_init_impl's getter_doc flag, which pymem's layout has no field for.
    getterDoc =
      fromGetter !== 0 &&
      m.isStr(fromGetter) &&
      m.isStr(doc) &&
      m.heap.strValue(fromGetter) === m.heap.strValue(doc);
    m.xdecref(fromGetter);
  }
  const passedDoc = doc !== 0 && !(getterDoc && accessors[0] !== heap.none) ? doc : heap.none;
  const copy = call(m, m.recordOf(prop).object, [...accessors, passedDoc], undefined);
  if (m.isSubtype(m.recordOf(copy), m.builtinType("property"))) {
    const name = m.field(prop, PROPERTY_NAME_OFFSET);
    replaceField(m, copy, PROPERTY_NAME_OFFSET, name !== 0 ? m.incref(name) : 0);
  }
  return copy;
}

/** Stores an owned reference (or 0) in `obj`'s field at `offset`, dropping the old one after. */
function replaceField(m: Machine, obj: Ptr, offset: number, value: Ptr): void {
  const slot = (obj + offset) >>> 2;
  const old = m.heap.memory.u32[slot]!;
  m.heap.memory.u32[slot] = value;
  m.xdecref(old);
}
