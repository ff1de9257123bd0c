import type { Ptr, TypeId } from "@pymem/core";
import { STR_BYTES_OFFSET, STR_DATA_OFFSET } from "@pymem/heap";
import { internalHeap } from "@pymem/heap/internal";
import { asyncGeneratorAttribute, asyncGeneratorType } from "./async-generator-objects.js";
import { typeModified } from "./attribute-cache.js";
import { builtinFunctionDoc, missingDoc } from "./builtin-docs.js";
import { builtinBaseType } from "./builtin-subclasses.js";
import { byteArrayDeleteItem, byteArraySetItem } from "./bytearray-methods.js";
import { bytesGetItem, bytesGetSlice } from "./bytes-operations.js";
import { call } from "./calls.js";
import { descriptorObjectAttribute } from "./descriptor-builtins.js";
import {
  descriptorGet,
  descriptorSet,
  HOOK_DATA_DESCRIPTOR,
  HOOK_DELATTR,
  HOOK_GETATTR,
  HOOK_GETATTRIBUTE,
  HOOK_SETATTR,
  isAttributeError,
  isDataDescriptor,
  refreshClassHooks,
} from "./descriptors.js";
import { chainingAttribute } from "./exception-chaining.js";
import { exceptionFieldDefault } from "./exception-fields.js";
import { frameLocalsProxy } from "./frame-locals-proxy.js";
import { frameAttribute, setFrameTrace } from "./frame-objects.js";
import { codeAttribute, functionAttribute, setFunctionAttribute } from "./function-attributes.js";
import { generatorAttribute, isGeneratorLike } from "./generator-objects.js";
import { subscriptBuiltinClass, typeHintAttribute } from "./generic-alias.js";
import { isInstance, stopIterationValue } from "./iterator-protocol.js";
import { noteKeyOverrides } from "./key-protocol.js";
import type { Machine, TypeRecord } from "./machine.js";
import { viewGetItem, viewGetSlice, viewSetItem } from "./memoryview-methods.js";
import { isMemoryview } from "./memoryview-objects.js";
import { metaclassSetAttribute, typeGetAttribute } from "./metaclasses.js";
import { raiseAttributeError, rethrowWithAttributeContext } from "./name-error-context.js";
import {
  BUILTIN_NAME_OFFSET,
  BUILTIN_NATIVE_OFFSET,
  BUILTIN_SELF_OFFSET,
  CELL_CONTENTS_OFFSET,
  METHOD_FUNCTION_OFFSET,
  METHOD_SELF_OFFSET,
  MODULE_DICT_OFFSET,
  MODULE_NAME_OFFSET,
  TRACEBACK_FRAME_OFFSET,
  TRACEBACK_LASTI_OFFSET,
  TRACEBACK_LINE_OFFSET,
  TRACEBACK_NEXT_OFFSET,
  TYPE_DICT_OFFSET,
} from "./object-layouts.js";
import { checkHashable } from "./operators.js";
import { osErrorAttribute } from "./os-error.js";
import { assignSlice, deleteSlice, sliceIndices } from "./slice-assignment.js";
import { callWithSlice, sliceBounds } from "./slice-objects.js";

/**
 * Attribute and subscript access on heap objects (CPython: `PyObject_GenericGetAttr`,
 * `type_getattro`, `PyObject_GetItem` and friends), as plain functions taking the
 * {@link Machine} first: instance slots and managed dicts, class attributes and bound methods,
 * modules, functions, sequences and dicts, slices, and user classes'
 * `__getitem__`/`__setitem__`/`__delitem__`.
 *
 * @module
 */

/**
 * `SystemExit.code` (borrowed): None without arguments, the argument, or the args tuple.
 * CPython: `SystemExit_init`.
 *
 * @example
 * ```ts
 * const code = systemExitCode(machine, exception); // borrowed
 * ```
 * @internal
 */
export function systemExitCode(m: Machine, exception: Ptr): Ptr {
  const args = m.heap.getSlot(exception, "args");
  const count = args !== 0 ? m.heap.tupleLength(args) : 0;
  return count === 0 ? m.heap.none : count === 1 ? m.heap.tupleGetItem(args, 0) : args;
}

/** `obj.name` as a new reference. CPython: `PyObject_GenericGetAttr` / `type_getattro`. */
export function getAttribute(m: Machine, obj: Ptr, key: Ptr, name: string): Ptr {
  const record = m.recordOf(obj);
  let value: Ptr;
  try {
    if ((record.hooks & (HOOK_GETATTRIBUTE | HOOK_GETATTR)) !== 0)
      return hookedGetAttribute(m, obj, record, key, name);
    value = findAttribute(m, obj, key, name);
  } catch (error) {
    // CPython: PyObject_GetAttr's set_attribute_error_context — a bare AttributeError from a
    // hook or a property getter learns which lookup failed.
    rethrowWithAttributeContext(m, error, obj, name);
  }
  if (value === 0) raiseNoAttribute(m, obj, name);
  return value;
}

/**
 * `obj.name` on an instance whose class defines `__getattribute__` or `__getattr__` (CPython:
 * `slot_tp_getattr_hook`): the class's `__getattribute__` (else the generic lookup), then
 * `__getattr__` when that raised AttributeError. A new reference; raises when missing.
 */
function hookedGetAttribute(m: Machine, obj: Ptr, record: TypeRecord, key: Ptr, name: string): Ptr {
  const getattr =
    (record.hooks & HOOK_GETATTR) !== 0 ? m.lookupType(record, m.name("__getattr__")) : 0;
  try {
    if ((record.hooks & HOOK_GETATTRIBUTE) !== 0) {
      const hook = m.lookupType(record, m.name("__getattribute__"));
      return call(m, hook, [obj, key], undefined);
    }
    const value = genericGetAttribute(m, obj, record, key, name);
    if (value !== 0 || getattr === 0) {
      if (value === 0) raiseNoAttribute(m, obj, name);
      return value;
    }
  } catch (error) {
    if (getattr === 0 || !isAttributeError(m, error)) throw error;
    error.release(m);
  }
  return call(m, getattr, [obj, key], undefined);
}

/**
 * CPython's `PyObject_GenericGetAttr` on a heap-class instance: a data descriptor on the class
 * wins, then the instance's own attribute, then a non-data descriptor or plain class attribute.
 * A new reference, or 0 when missing. `object.__getattribute__` is this.
 *
 * @example
 * ```ts
 * const value = genericGetAttribute(machine, obj, machine.recordOf(obj), key, "x");
 * ```
 */
export function genericGetAttribute(
  m: Machine,
  obj: Ptr,
  record: TypeRecord,
  key: Ptr,
  name: string,
): Ptr {
  const descr = m.lookupType(record, key);
  if (descr !== 0 && (record.hooks & HOOK_DATA_DESCRIPTOR) !== 0 && isDataDescriptor(m, descr)) {
    const value = descriptorGet(m, descr, obj, record.object);
    if (value !== 0) return value; // a data descriptor without __get__ yields to the instance
  }
  if (record.classes) return typeGetAttribute(m, obj, key, name);
  if (record.instances) {
    const own = m.heap.getAttrByKey(obj, key);
    if (own !== 0) return m.incref(own);
    if (name === "__class__") return m.incref(record.object);
    if (descr === 0) {
      if (name === "__dict__") return instanceDict(m, obj);
      return record.exception
        ? chainingAttribute(m, obj, name) ||
            osErrorAttribute(m, record, name) ||
            exceptionFieldDefault(m, record, name) ||
            missingDoc(m, record, name)
        : missingDoc(m, record, name);
    }
  } else if (descr === 0) return findAttribute(m, obj, key, name);
  const bound = descriptorGet(m, descr, obj, record.object);
  return bound !== 0 ? bound : m.incref(descr);
}

/** Like {@link getAttribute} but returns 0 when missing (CPython: `PyObject_GetOptionalAttr`). */
export function findAttribute(m: Machine, obj: Ptr, key: Ptr, name: string): Ptr {
  const heap = m.heap;
  const t = m.typeIdOf(obj);
  const record = m.records[t];
  const types = m.types;
  if (record?.instances) {
    if (record.hooks !== 0) {
      if ((record.hooks & (HOOK_GETATTRIBUTE | HOOK_GETATTR)) === 0)
        return genericGetAttribute(m, obj, record, key, name);
      // CPython: PyObject_GetOptionalAttr — an AttributeError from the hooks means "missing".
      try {
        return hookedGetAttribute(m, obj, record, key, name);
      } catch (error) {
        if (!isAttributeError(m, error)) throw error;
        error.release(m);
        return 0;
      }
    }
    const own = heap.getAttrByKey(obj, key);
    if (own !== 0) return m.incref(own);
    if (name === "__class__") return m.incref(record.object);
    const found = m.lookupType(record, key);
    if (found === 0) {
      if (name === "__dict__") return instanceDict(m, obj);
      // CPython: StopIteration.value — the first argument, or None.
      if (name === "value" && record.exception && isInstance(m, obj, "StopIteration"))
        return stopIterationValue(m, obj);
      if (name === "code" && record.exception && isInstance(m, obj, "SystemExit"))
        return m.incref(systemExitCode(m, obj));
      return record.exception
        ? chainingAttribute(m, obj, name) ||
            osErrorAttribute(m, record, name) ||
            exceptionFieldDefault(m, record, name) ||
            missingDoc(m, record, name)
        : missingDoc(m, record, name);
    }
    if (m.typeIdOf(found) === types.function) return m.newMethod(found, obj);
    const bound = descriptorGet(m, found, obj, record.object);
    return bound !== 0 ? bound : m.incref(found);
  }
  if (t === types.type || record?.classes === true) return typeGetAttribute(m, obj, key, name);
  if (t === types.module) {
    const value = heap.dictGetItem(m.field(obj, MODULE_DICT_OFFSET), key);
    if (value !== 0) return m.incref(value);
    if (name === "__name__") return m.incref(m.field(obj, MODULE_NAME_OFFSET));
    if (name === "__dict__") return m.incref(m.field(obj, MODULE_DICT_OFFSET));
    return moduleGetAttrHook(m, obj, key);
  }
  if (t === types.function) return functionAttribute(m, obj, key, name);
  if (t === types.code) return codeAttribute(m, obj, name);
  if (t === types.genericAlias || t === types.union) {
    const value = typeHintAttribute(m, obj, name);
    if (value !== 0) return value;
  }
  if (t === types.method) {
    if (name === "__self__") return m.incref(m.field(obj, METHOD_SELF_OFFSET));
    if (name === "__func__") return m.incref(m.field(obj, METHOD_FUNCTION_OFFSET));
    // CPython: method_reduce, in the method type's own dict.
    if (name === "__reduce__" && record !== undefined) {
      const reduce = m.lookupType(record, key);
      if (reduce !== 0 && m.typeIdOf(reduce) === types.builtin)
        return m.newBuiltin(m.field(reduce, BUILTIN_NATIVE_OFFSET), obj);
    }
    return findAttribute(m, m.field(obj, METHOD_FUNCTION_OFFSET), key, name);
  }
  if (t === types.builtin) {
    if (name === "__name__") return m.incref(m.field(obj, BUILTIN_NAME_OFFSET));
    // CPython: meth_get__qualname__ — a built-in type's method is named with its type.
    if (name === "__qualname__") {
      const native = m.natives[m.field(obj, BUILTIN_NATIVE_OFFSET)]!;
      return m.newStr(native.owner !== undefined ? `${native.owner}.${native.name}` : native.name);
    }
    if (name === "__doc__") return builtinFunctionDoc(m, obj);
    if (name === "__self__") return m.incref(m.field(obj, BUILTIN_SELF_OFFSET) || heap.none);
    // Anything else comes from the type (`__reduce__`, `__class__`, object's methods).
  }
  if (t === types.traceback) {
    const u32 = heap.memory.u32;
    if (name === "tb_next") return m.incref(u32[(obj + TRACEBACK_NEXT_OFFSET) >>> 2]! || heap.none);
    if (name === "tb_lineno") return m.newInt(u32[(obj + TRACEBACK_LINE_OFFSET) >>> 2]!);
    if (name === "tb_frame")
      return m.incref(u32[(obj + TRACEBACK_FRAME_OFFSET) >>> 2]! || heap.none);
    if (name === "tb_lasti") return m.newInt(u32[(obj + TRACEBACK_LASTI_OFFSET) >>> 2]!);
    return 0;
  }
  if (t === types.frameObject) {
    const value = frameAttribute(m, obj, name, (frameObject) => frameLocalsProxy(m, frameObject));
    if (value !== 0) return value;
  }
  if (t === heap.complexType && (name === "real" || name === "imag"))
    // CPython: complex's `real` / `imag` member descriptors.
    return m.newFloat(name === "real" ? heap.complexReal(obj) : heap.complexImag(obj));
  if (isGeneratorLike(m, obj)) {
    const value =
      t === asyncGeneratorType(m)
        ? asyncGeneratorAttribute(m, obj, name) || generatorAttribute(m, obj, name)
        : generatorAttribute(m, obj, name);
    if (value !== 0) return value;
  }
  if (t === types.cell && name === "cell_contents") {
    const contents = m.field(obj, CELL_CONTENTS_OFFSET);
    if (contents === 0) m.raise("ValueError", "Cell is empty");
    return m.incref(contents);
  }
  if (
    t === m.descriptorTypes.property ||
    t === m.descriptorTypes.classmethod ||
    t === m.descriptorTypes.staticmethod ||
    t === m.descriptorTypes.super
  ) {
    const value = descriptorObjectAttribute(m, obj, key, name);
    if (value !== 0) return value;
  }
  if (record !== undefined) {
    if (name === "__class__") return m.incref(record.object);
    const found = m.lookupType(record, key);
    if (found === 0) return missingDoc(m, record, name);
    if (m.typeIdOf(found) === types.builtin && m.field(found, BUILTIN_SELF_OFFSET) === 0)
      return m.newBuiltin(m.field(found, BUILTIN_NATIVE_OFFSET), obj);
    const kind = m.typeIdOf(found);
    // A property on a built-in type is its getset descriptor (`weakref.ref.__callback__`).
    if (
      kind === m.descriptorTypes.classmethod ||
      kind === m.descriptorTypes.staticmethod ||
      kind === m.descriptorTypes.property
    )
      return descriptorGet(m, found, obj, record.object);
    return m.incref(found);
  }
  return 0;
}

/**
 * `obj.__dict__` of an instance (created or materialized on first use), or 0 for a `__slots__` instance.
 * CPython: `PyObject_GenericGetDict`.
 */
export function instanceDict(m: Machine, obj: Ptr): Ptr {
  const address = m.heap.dictSlot(obj);
  if (address === 0) return 0;
  const slot = address >>> 2;
  let dict = m.heap.memory.u32[slot]!;
  // CPython: _PyObject_MaterializeManagedDict — asking for __dict__ makes a real dict.
  if (dict === 0) {
    dict = m.heap.newDict();
    m.heap.memory.u32[slot] = dict;
  } else if (m.heap.typeOf(dict) === m.heap.managedDictType) {
    dict = m.heap.materializeManagedDict(dict);
    m.heap.memory.u32[slot] = dict;
  }
  return m.incref(dict);
}

/**
 * A module attribute that is not in the module's dict, from the module's own `__getattr__`
 * (PEP 562; CPython: `module_getattro`). 0 when the module has none or it raised
 * AttributeError, so the caller reports the missing attribute as for any module.
 */
function moduleGetAttrHook(m: Machine, module: Ptr, key: Ptr): Ptr {
  const hook = m.heap.dictGetItem(m.field(module, MODULE_DICT_OFFSET), m.name("__getattr__"));
  if (hook === 0) return 0;
  try {
    return call(m, hook, [key], undefined);
  } catch (error) {
    if (!isAttributeError(m, error)) throw error;
    error.release(m);
    return 0;
  }
}

/** Raises CPython 3.13's AttributeError for `obj.name` (type, module and instance wording). */
export function raiseNoAttribute(m: Machine, obj: Ptr, name: string): never {
  if (m.isType(obj))
    raiseAttributeError(
      m,
      `type object '${m.recordOfType(obj).name}' has no attribute '${name}'`,
      obj,
      name,
    );
  if (m.typeIdOf(obj) === m.types.module)
    raiseAttributeError(
      m,
      `module '${m.heap.strValue(m.field(obj, MODULE_NAME_OFFSET))}' has no attribute '${name}'`,
      obj,
      name,
    );
  raiseAttributeError(m, `'${m.typeName(obj)}' object has no attribute '${name}'`, obj, name);
}

/** `obj.name = value` (value borrowed). CPython: `PyObject_SetAttr`. */
export function setAttribute(m: Machine, obj: Ptr, key: Ptr, name: string, value: Ptr): void {
  const t = m.typeIdOf(obj);
  const record = m.records[t];
  if (record?.instances) {
    if (record.hooks !== 0) {
      if ((record.hooks & HOOK_SETATTR) !== 0) {
        // CPython: slot_tp_setattro — the class's __setattr__.
        const hook = m.lookupType(record, m.name("__setattr__"));
        m.decref(call(m, hook, [obj, key, value], undefined));
        return;
      }
      if (setThroughDescriptor(m, obj, record, key, value)) return;
    }
    if (m.heap.setAttrByKey(obj, key, value)) return;
    const info = internalHeap(m.heap).classes[t];
    // CPython: _PyObject_GenericSetAttrWithDict — a class attribute makes it read-only.
    if (info !== undefined && info.dictOffset === 0) {
      if (m.lookupType(record, key) !== 0)
        m.raise("AttributeError", `'${record.name}' object attribute '${name}' is read-only`);
      raiseNoDictAttribute(m, record.name, obj, name);
    }
  }
  if (m.isTypeId(t)) {
    if (record?.user === true && metaclassSetAttribute(m, obj, key, value)) return;
    storeClassAttribute(m, obj, key, name, value);
    return;
  }
  if (t === m.types.module) {
    m.heap.dictSetItem(m.field(obj, MODULE_DICT_OFFSET), key, value);
    return;
  }
  if (t === m.types.function) {
    setFunctionAttribute(m, obj, key, name, value);
    return;
  }
  if (t === m.types.frameObject && name === "f_trace") {
    setFrameTrace(m, obj, value);
    return;
  }
  if (record !== undefined && !record.instances) {
    // CPython: _PyObject_GenericSetAttrWithDict — a getset without a setter, a method, or nothing.
    const found = m.lookupType(record, key);
    if (found !== 0 && m.typeIdOf(found) === m.descriptorTypes.property)
      m.raise("AttributeError", `attribute '${name}' of '${record.name}' objects is not writable`);
    if (found !== 0)
      m.raise("AttributeError", `'${record.name}' object attribute '${name}' is read-only`);
    raiseNoDictAttribute(m, record.name, obj, name);
  }
  raiseNoAttribute(m, obj, name);
}

/**
 * CPython 3.13's AttributeError for setting a new attribute on an object without a `__dict__`
 * (`_PyObject_GenericSetAttrWithDict`, which records `name` and `obj`).
 *
 * @example
 * ```ts
 * raiseNoDictAttribute(machine, "int", obj, "x");
 * ```
 */
export function raiseNoDictAttribute(m: Machine, typeName: string, obj: Ptr, name: string): never {
  raiseAttributeError(
    m,
    `'${typeName}' object has no attribute '${name}' and no __dict__ for setting new attributes`,
    obj,
    name,
  );
}

/**
 * `cls.name = value`, or `del cls.name` when `value` is 0, into the class's own dict, then the
 * finalizer and attribute-hook bits its subclasses derive from it (CPython: `type_setattro`
 * after the metaclass's descriptors, with `update_slot`).
 *
 * @example
 * ```ts
 * storeClassAttribute(machine, cls, key, "x", value);
 * ```
 */
export function storeClassAttribute(
  m: Machine,
  cls: Ptr,
  key: Ptr,
  name: string,
  value: Ptr,
): void {
  const typeRecord = m.recordOfType(cls);
  if (!typeRecord.user)
    m.raise("TypeError", `cannot set '${name}' attribute of immutable type '${typeRecord.name}'`);
  if (name === "__qualname__") {
    // CPython: type_set_qualname — kept by the type, not in its dict.
    if (value === 0)
      m.raise(
        "TypeError",
        `cannot delete '__qualname__' attribute of immutable type '${typeRecord.name}'`,
      );
    if (!m.isStr(value))
      m.raise(
        "TypeError",
        `can only assign string to ${typeRecord.name}.__qualname__, not '${m.typeName(value)}'`,
      );
    typeRecord.qualifiedName = m.heap.strValue(value);
    return;
  }
  const dict = m.field(cls, TYPE_DICT_OFFSET);
  if (value !== 0) m.heap.dictSetItem(dict, key, value);
  else if (!m.heap.dictDelItem(dict, key)) raiseNoAttribute(m, cls, name);
  typeModified(m, typeRecord);
  if (name === "__del__") m.refreshFinalizers(typeRecord);
  refreshClassHooks(m, typeRecord);
  if (name === "__hash__" || name === "__eq__") noteKeyOverrides(m, typeRecord);
}

/** `del obj.name`. CPython: `DELETE_ATTR` / `PyObject_DelAttr`. */
export function deleteAttribute(m: Machine, obj: Ptr, key: Ptr, name: string): void {
  const t = m.typeIdOf(obj);
  const record = m.records[t];
  if (record?.instances) {
    if (record.hooks !== 0) {
      if ((record.hooks & HOOK_DELATTR) !== 0) {
        // CPython: slot_tp_setattro with no value — the class's __delattr__.
        const hook = m.lookupType(record, m.name("__delattr__"));
        m.decref(call(m, hook, [obj, key], undefined));
        return;
      }
      if (setThroughDescriptor(m, obj, record, key, 0)) return;
    }
    if (m.heap.delAttrByKey(obj, key)) return;
    // CPython: _PyObject_StoreInstanceAttribute's failure records no name or obj.
    if (internalHeap(m.heap).classes[t]?.dictOffset !== 0)
      m.raise("AttributeError", `'${record.name}' object has no attribute '${name}'`);
  } else if (m.isTypeId(t) && m.recordOfType(obj).user) {
    if (record?.user === true && metaclassSetAttribute(m, obj, key, 0)) return;
    storeClassAttribute(m, obj, key, name, 0);
    return;
  } else if (t === m.types.module) {
    if (m.heap.dictDelItem(m.field(obj, MODULE_DICT_OFFSET), key)) return;
    // CPython: _PyObject_GenericSetAttrWithDict names the type, not the module.
    raiseAttributeError(m, `'module' object has no attribute '${name}'`, obj, name);
  } else if (t === m.types.function) {
    setFunctionAttribute(m, obj, key, name, 0);
    return;
  }
  raiseNoAttribute(m, obj, name);
}

/**
 * The data-descriptor half of CPython's `PyObject_GenericSetAttr`: when the class holds a data
 * descriptor for `key`, its `__set__` (or `__delete__` when `value` is 0) runs and this returns
 * true; otherwise the caller stores into the instance.
 *
 * @example
 * ```ts
 * if (!setThroughDescriptor(machine, obj, record, key, value)) heap.setAttrByKey(obj, key, value);
 * ```
 */
export function setThroughDescriptor(
  m: Machine,
  obj: Ptr,
  record: TypeRecord,
  key: Ptr,
  value: Ptr,
): boolean {
  if ((record.hooks & HOOK_DATA_DESCRIPTOR) === 0) return false;
  const descr = m.lookupType(record, key);
  if (descr === 0 || !isDataDescriptor(m, descr)) return false;
  descriptorSet(m, descr, obj, value);
  return true;
}

/**
 * Normalises a sequence index (negative from the end), raising IndexError when out of range.
 * CPython: the index checks of `list_item` / `tuple_item`.
 */
export function sequenceIndex(m: Machine, index: Ptr, length: number, what: string): number {
  let i: number;
  if (m.isInt(index)) i = m.numberOf(index);
  else {
    // CPython: PyNumber_AsSsize_t — an object with __index__ (an IntEnum member) indexes too.
    const converted = m.callSpecial(index, "__index__", []);
    if (converted === 0)
      m.raise("TypeError", `${what} indices must be integers or slices, not ${m.typeName(index)}`);
    const valid = m.isInt(converted);
    const typeName = m.typeName(converted);
    i = valid ? m.numberOf(converted) : 0;
    m.decref(converted);
    if (!valid) m.raise("TypeError", `__index__ returned non-int (type ${typeName})`);
  }
  if (Number.isNaN(i)) m.raise("IndexError", "cannot fit 'int' into an index-sized integer");
  if (i < 0) i += length;
  if (i < 0 || i >= length) m.raise("IndexError", `${what} index out of range`);
  return i;
}

/**
 * `obj[index]` as a new reference; `t` is the type to run it as (a built-in base's, for its
 * method on a subclass instance). CPython: `BINARY_SUBSCR` / `PyObject_GetItem`.
 */
export function getItem(m: Machine, obj: Ptr, index: Ptr, t: TypeId = m.typeIdOf(obj)): Ptr {
  const heap = m.heap;
  // x[slice(a, b)] on a built-in sequence: the bounds, as x[a:b] (a class's __getitem__ gets
  // the slice object itself below).
  if (m.typeIdOf(index) === m.types.slice && t !== heap.dictType && m.records[t]?.user !== true)
    return getSlice(m, obj, ...sliceBounds(m, index));
  if (t === heap.listType)
    return m.incref(heap.listGetItem(obj, sequenceIndex(m, index, heap.listLength(obj), "list")));
  if (t === heap.dictType) {
    checkHashable(m, index);
    const value = heap.dictGetItem(obj, index);
    if (value === 0) throw m.exception(keyError(m, index));
    return m.incref(value);
  }
  if (t === heap.tupleType)
    return m.incref(
      heap.tupleGetItem(obj, sequenceIndex(m, index, heap.tupleLength(obj), "tuple")),
    );
  if (t === heap.strType)
    return heap.newStr(heap.strCharAt(obj, sequenceIndex(m, index, heap.strLength(obj), "string")));
  if (t === m.types.range) {
    const [start, stop, step] = m.rangeValues(obj);
    const i = sequenceIndex(m, index, m.rangeLength(start, stop, step), "range object");
    return m.newInt(start + i * step);
  }
  if (t === m.types.bytes || t === m.types.bytearray) return bytesGetItem(m, obj, index);
  if (isMemoryview(m, obj)) return viewGetItem(m, obj, index);
  const result = m.callSpecial(obj, "__getitem__", [index]);
  if (result !== 0) return result;
  if (m.isType(obj)) {
    // CPython: PyObject_GetItem's fallback for classes — `cls.__class_getitem__(index)`.
    const classGetItem = findAttribute(m, obj, m.name("__class_getitem__"), "__class_getitem__");
    if (classGetItem !== 0) {
      m.push(classGetItem);
      const value = call(m, classGetItem, [index], undefined);
      m.decref(classGetItem);
      m.stack[--m.sp] = 0;
      return value;
    }
    const alias = subscriptBuiltinClass(m, obj, index);
    if (alias !== 0) return alias;
    m.raise("TypeError", `type '${m.recordOfType(obj).name}' is not subscriptable`);
  }
  m.raise("TypeError", `'${m.typeName(obj)}' object is not subscriptable`);
}

const ASCII_DECODER = new TextDecoder();

/**
 * `count` code points of a str from code point `start` (CPython: `PyUnicode_Substring`): an
 * ASCII str is read in place, so `s[i:j]` costs the slice's length, not the whole str's.
 */
function strSubstring(m: Machine, obj: Ptr, start: number, count: number): string {
  const heap = m.heap;
  const length = heap.strLength(obj);
  if (heap.memory.u32[(obj + STR_BYTES_OFFSET) >>> 2] === length) {
    const data = obj + STR_DATA_OFFSET + start;
    return ASCII_DECODER.decode(heap.memory.u8.subarray(data, data + count));
  }
  const text = heap.strValue(obj);
  // Without astral characters, code point offsets are UTF-16 offsets.
  if (text.length === length) return text.slice(start, start + count);
  return [...text].slice(start, start + count).join("");
}

/** A KeyError instance whose args are `(key,)` (CPython: `_PyErr_SetKeyError`). */
export function keyError(m: Machine, key: Ptr): Ptr {
  const inst = m.heap.newInstance(m.builtinType("KeyError").id);
  const args = m.heap.newTuple([key]);
  m.heap.setSlot(inst, "args", args);
  m.decref(args);
  return inst;
}

/**
 * `obj[index] = value` (value borrowed), run as type `t`. CPython: `STORE_SUBSCR` /
 * `PyObject_SetItem`.
 */
export function setItem(
  m: Machine,
  obj: Ptr,
  index: Ptr,
  value: Ptr,
  t: TypeId = m.typeIdOf(obj),
): void {
  const heap = m.heap;
  if (m.typeIdOf(index) === m.types.slice && t !== heap.dictType && m.records[t]?.user !== true) {
    assignSlice(m, obj, ...sliceBounds(m, index), value);
    return;
  }
  if (t === heap.listType) {
    heap.listSetItem(obj, sequenceIndex(m, index, heap.listLength(obj), "list assignment"), value);
    return;
  }
  if (t === heap.dictType) {
    checkHashable(m, index);
    heap.dictSetItem(obj, index, value);
    return;
  }
  if (t === m.types.bytearray) {
    byteArraySetItem(m, obj, index, value);
    return;
  }
  if (isMemoryview(m, obj)) {
    viewSetItem(m, obj, index, value);
    return;
  }
  const result = m.callSpecial(obj, "__setitem__", [index, value]);
  if (result !== 0) {
    m.decref(result);
    return;
  }
  m.raise("TypeError", `'${m.typeName(obj)}' object does not support item assignment`);
}

/** `del obj[index]`, run as type `t`. CPython: `DELETE_SUBSCR` / `PyObject_DelItem`. */
export function deleteItem(m: Machine, obj: Ptr, index: Ptr, t: TypeId = m.typeIdOf(obj)): void {
  const heap = m.heap;
  if (m.typeIdOf(index) === m.types.slice && t !== heap.dictType && m.records[t]?.user !== true) {
    deleteSlice(m, obj, ...sliceBounds(m, index));
    return;
  }
  if (t === heap.listType) {
    const i = sequenceIndex(m, index, heap.listLength(obj), "list assignment");
    m.decref(heap.listPop(obj, i));
    return;
  }
  if (t === heap.dictType) {
    checkHashable(m, index);
    if (!heap.dictDelItem(obj, index)) throw m.exception(keyError(m, index));
    return;
  }
  if (t === m.types.bytearray) {
    byteArrayDeleteItem(m, obj, index);
    return;
  }
  const result = m.callSpecial(obj, "__delitem__", [index]);
  if (result !== 0) {
    m.decref(result);
    return;
  }
  m.raise("TypeError", `'${m.typeName(obj)}' object doesn't support item deletion`);
}

/**
 * `obj[lower:upper:step]` (bounds are borrowed ints or None, or 0 for omitted).
 * CPython: `BINARY_SLICE` / `PySequence_GetSlice`, `list_subscript` for a step.
 */
export function getSlice(m: Machine, obj: Ptr, lower: Ptr, upper: Ptr, step: Ptr): Ptr {
  const heap = m.heap;
  const fromClass = callWithSlice(m, obj, "__getitem__", [lower, upper, step], []);
  if (fromClass !== 0) return fromClass;
  let t = m.typeIdOf(obj);
  if (t === m.types.bytes || t === m.types.bytearray)
    return bytesGetSlice(m, obj, lower, upper, step);
  if (isMemoryview(m, obj)) return viewGetSlice(m, obj, lower, upper, step);
  if (t === m.types.range) {
    // CPython: compute_slice — the selected items as a new range.
    const [start, stop, rangeStep] = m.rangeValues(obj);
    const slice = sliceIndices(m, m.rangeLength(start, stop, rangeStep), lower, upper, step);
    return m.newRange(
      start + slice.start * rangeStep,
      start + slice.stop * rangeStep,
      rangeStep * slice.step,
    );
  }
  // A subclass instance of list, tuple or str slices as its base (the result is the base type).
  if (t !== heap.listType && t !== heap.tupleType && t !== heap.strType)
    t = builtinBaseType(m, t) || t;
  const length =
    t === heap.listType
      ? heap.listLength(obj)
      : t === heap.tupleType
        ? heap.tupleLength(obj)
        : t === heap.strType
          ? heap.strLength(obj)
          : -1;
  if (length < 0) m.raise("TypeError", `'${m.typeName(obj)}' object is not subscriptable`);
  const slice = sliceIndices(m, length, lower, upper, step);
  const indexes: number[] = [];
  for (let i = 0, at = slice.start; i < slice.count; i++, at += slice.step) indexes.push(at);
  if (t === heap.strType) {
    if (slice.step === 1) return heap.newStr(strSubstring(m, obj, slice.start, slice.count));
    const chars = [...heap.strValue(obj)];
    return heap.newStr(indexes.map((i) => chars[i]).join(""));
  }
  const items = indexes.map((i) =>
    t === heap.listType ? heap.listGetItem(obj, i) : heap.tupleGetItem(obj, i),
  );
  return t === heap.listType ? heap.newList(items) : m.newTuple(items);
}
