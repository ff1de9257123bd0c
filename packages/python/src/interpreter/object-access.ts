import type { Ptr } from "@pymem/core";
import type { Machine, TypeRecord } from "./machine.js";
import {
  BUILTIN_NAME_OFFSET,
  BUILTIN_NATIVE_OFFSET,
  BUILTIN_SELF_OFFSET,
  CELL_CONTENTS_OFFSET,
  FUNCTION_CLOSURE_OFFSET,
  FUNCTION_DEFAULTS_OFFSET,
  FUNCTION_GLOBALS_OFFSET,
  FUNCTION_NAME_OFFSET,
  METHOD_FUNCTION_OFFSET,
  METHOD_SELF_OFFSET,
  MODULE_DICT_OFFSET,
  MODULE_NAME_OFFSET,
  TRACEBACK_LINE_OFFSET,
  TRACEBACK_NEXT_OFFSET,
  TYPE_DICT_OFFSET,
  TYPE_MRO_OFFSET,
  TYPE_NAME_OFFSET,
} from "./object-layouts.js";

/**
 * Attribute and subscript access on heap objects (CPython: `PyObject_GenericGetAttr`,
 * `type_getattro`, `PyObject_GetItem` and friends), as {@link Machine} methods: instance slots and
 * managed dicts, class attributes and bound methods, modules, functions, sequences and dicts,
 * slices, and user classes' `__getitem__`/`__setitem__`/`__delitem__`.
 *
 * @module
 */

/**
 * The attribute and subscript methods of {@link Machine}.
 *
 * @example
 * ```ts
 * const value = machine.getAttribute(obj, machine.name("x"), "x"); // a new reference
 * ```
 */
export interface AccessMethods {
  getAttribute(obj: Ptr, key: Ptr, name: string): Ptr;
  findAttribute(obj: Ptr, key: Ptr, name: string): Ptr;
  instanceDict(obj: Ptr): Ptr;
  raiseNoAttribute(obj: Ptr, name: string): never;
  setAttribute(obj: Ptr, key: Ptr, name: string, value: Ptr): void;
  deleteAttribute(obj: Ptr, key: Ptr, name: string): void;
  sequenceIndex(index: Ptr, length: number, what: string): number;
  getItem(obj: Ptr, index: Ptr): Ptr;
  keyError(key: Ptr): Ptr;
  setItem(obj: Ptr, index: Ptr, value: Ptr): void;
  deleteItem(obj: Ptr, index: Ptr): void;
  getSlice(obj: Ptr, lower: Ptr, upper: Ptr, step: Ptr): Ptr;
}

/**
 * The implementation of {@link AccessMethods}, installed on `Machine.prototype`.
 *
 * @internal
 *
 * @example
 * ```ts
 * Object.defineProperties(Machine.prototype, Object.getOwnPropertyDescriptors(accessMethods));
 * ```
 */
export const accessMethods: AccessMethods & ThisType<Machine> = {
  /** `obj.name` as a new reference. CPython: `PyObject_GenericGetAttr` / `type_getattro`. */
  getAttribute(this: Machine, obj: Ptr, key: Ptr, name: string): Ptr {
    const value = this.findAttribute(obj, key, name);
    if (value === 0) this.raiseNoAttribute(obj, name);
    return value;
  },

  /** Like {@link Machine.getAttribute} but returns 0 when missing. */
  findAttribute(this: Machine, obj: Ptr, key: Ptr, name: string): Ptr {
    const heap = this.heap;
    const t = this.typeIdOf(obj);
    const record = this.records[t];
    const types = this.types;
    if (record?.instances) {
      const own = heap.getAttrByKey(obj, key);
      if (own !== 0) return this.incref(own);
      if (name === "__class__") return this.incref(record.object);
      const found = this.lookupType(record, key);
      if (found === 0) return name === "__dict__" ? this.instanceDict(obj) : 0;
      if (this.typeIdOf(found) === types.function) return this.newMethod(found, obj);
      return this.incref(found);
    }
    if (t === types.type) {
      const typeRecord = this.recordOfType(obj);
      const found = this.lookupType(typeRecord, key);
      if (found !== 0) return this.incref(found);
      if (name === "__name__" || name === "__qualname__")
        return this.incref(this.field(obj, TYPE_NAME_OFFSET));
      if (name === "__base__") return this.incref(typeRecord.base?.object ?? heap.none);
      if (name === "__dict__") return this.incref(this.field(obj, TYPE_DICT_OFFSET));
      if (name === "__mro__") {
        const mro = this.field(obj, TYPE_MRO_OFFSET);
        if (mro !== 0) return this.incref(mro);
        const chain: Ptr[] = [];
        for (let r: TypeRecord | undefined = typeRecord; r !== undefined; r = r.base)
          chain.push(r.object);
        return this.newTuple(chain);
      }
      if (name === "__module__") return heap.newStr(typeRecord.user ? "__main__" : "builtins");
      return 0;
    }
    if (t === types.module) {
      const value = heap.dictGetItem(this.field(obj, MODULE_DICT_OFFSET), key);
      if (value !== 0) return this.incref(value);
      if (name === "__name__") return this.incref(this.field(obj, MODULE_NAME_OFFSET));
      if (name === "__dict__") return this.incref(this.field(obj, MODULE_DICT_OFFSET));
      return 0;
    }
    if (t === types.function) {
      if (name === "__name__" || name === "__qualname__")
        return this.incref(this.field(obj, FUNCTION_NAME_OFFSET));
      if (name === "__defaults__")
        return this.incref(this.field(obj, FUNCTION_DEFAULTS_OFFSET) || heap.none);
      if (name === "__closure__")
        return this.incref(this.field(obj, FUNCTION_CLOSURE_OFFSET) || heap.none);
      if (name === "__globals__") return this.incref(this.field(obj, FUNCTION_GLOBALS_OFFSET));
      return 0;
    }
    if (t === types.method) {
      if (name === "__self__") return this.incref(this.field(obj, METHOD_SELF_OFFSET));
      if (name === "__func__") return this.incref(this.field(obj, METHOD_FUNCTION_OFFSET));
      return this.findAttribute(this.field(obj, METHOD_FUNCTION_OFFSET), key, name);
    }
    if (t === types.builtin) {
      if (name === "__name__") return this.incref(this.field(obj, BUILTIN_NAME_OFFSET));
      if (name === "__self__")
        return this.incref(this.field(obj, BUILTIN_SELF_OFFSET) || heap.none);
      return 0;
    }
    if (t === types.traceback) {
      const u32 = heap.memory.u32;
      if (name === "tb_next")
        return this.incref(u32[(obj + TRACEBACK_NEXT_OFFSET) >>> 2]! || heap.none);
      if (name === "tb_lineno") return this.newInt(u32[(obj + TRACEBACK_LINE_OFFSET) >>> 2]!);
      if (name === "tb_frame") return heap.none; // frames are not Python-visible objects in pymem
      return 0;
    }
    if (t === types.cell && name === "cell_contents") {
      const contents = this.field(obj, CELL_CONTENTS_OFFSET);
      if (contents === 0) this.raise("ValueError", "Cell is empty");
      return this.incref(contents);
    }
    if (record !== undefined) {
      if (name === "__class__") return this.incref(record.object);
      const found = this.lookupType(record, key);
      if (found === 0) return 0;
      if (this.typeIdOf(found) === types.builtin && this.field(found, BUILTIN_SELF_OFFSET) === 0)
        return this.newBuiltin(this.field(found, BUILTIN_NATIVE_OFFSET), obj);
      return this.incref(found);
    }
    return 0;
  },

  /** `obj.__dict__` of an instance (created on first use), or 0 for a `__slots__` instance. */
  instanceDict(this: Machine, obj: Ptr): Ptr {
    const info = this.heap.classes[this.typeIdOf(obj)];
    if (info === undefined || info.dictOffset === 0) return 0;
    const slot = (obj + info.dictOffset) >>> 2;
    let dict = this.heap.memory.u32[slot]!;
    if (dict === 0) {
      dict = this.heap.newDict();
      this.heap.memory.u32[slot] = dict;
    }
    return this.incref(dict);
  },

  raiseNoAttribute(this: Machine, obj: Ptr, name: string): never {
    if (this.isType(obj))
      this.raise(
        "AttributeError",
        `type object '${this.recordOfType(obj).name}' has no attribute '${name}'`,
      );
    if (this.typeIdOf(obj) === this.types.module)
      this.raise(
        "AttributeError",
        `module '${this.heap.strValue(this.field(obj, MODULE_NAME_OFFSET))}' has no attribute '${name}'`,
      );
    this.raise("AttributeError", `'${this.typeName(obj)}' object has no attribute '${name}'`);
  },

  /** `obj.name = value` (value borrowed). CPython: `PyObject_SetAttr`. */
  setAttribute(this: Machine, obj: Ptr, key: Ptr, name: string, value: Ptr): void {
    const t = this.typeIdOf(obj);
    const record = this.records[t];
    if (record?.instances) {
      if (this.heap.setAttrByKey(obj, key, value)) return;
      const info = this.heap.classes[t];
      if (info !== undefined && info.dictOffset === 0)
        this.raise(
          "AttributeError",
          `'${record.name}' object has no attribute '${name}' and no __dict__ for setting new attributes`,
        );
    }
    if (t === this.types.type) {
      const typeRecord = this.recordOfType(obj);
      if (!typeRecord.user)
        this.raise(
          "TypeError",
          `cannot set '${name}' attribute of immutable type '${typeRecord.name}'`,
        );
      this.heap.dictSetItem(this.field(obj, TYPE_DICT_OFFSET), key, value);
      if (name === "__del__") this.refreshFinalizers(typeRecord);
      return;
    }
    if (t === this.types.module) {
      this.heap.dictSetItem(this.field(obj, MODULE_DICT_OFFSET), key, value);
      return;
    }
    if (record !== undefined && !record.instances)
      this.raise(
        "AttributeError",
        `'${record.name}' object has no attribute '${name}' and no __dict__ for setting new attributes`,
      );
    this.raiseNoAttribute(obj, name);
  },

  /** `del obj.name`. */
  deleteAttribute(this: Machine, obj: Ptr, key: Ptr, name: string): void {
    const t = this.typeIdOf(obj);
    const record = this.records[t];
    if (record?.instances) {
      if (this.heap.delAttrByKey(obj, key)) return;
    } else if (t === this.types.type && this.recordOfType(obj).user) {
      if (this.heap.dictDelItem(this.field(obj, TYPE_DICT_OFFSET), key)) {
        if (name === "__del__") this.refreshFinalizers(this.recordOfType(obj));
        return;
      }
    } else if (t === this.types.module) {
      if (this.heap.dictDelItem(this.field(obj, MODULE_DICT_OFFSET), key)) return;
    }
    this.raiseNoAttribute(obj, name);
  },

  /** Normalises a sequence index (negative from the end), raising IndexError when out of range. */
  sequenceIndex(this: Machine, index: Ptr, length: number, what: string): number {
    if (!this.isInt(index))
      this.raise(
        "TypeError",
        `${what} indices must be integers or slices, not ${this.typeName(index)}`,
      );
    let i = this.numberOf(index);
    if (i < 0) i += length;
    if (i < 0 || i >= length) this.raise("IndexError", `${what} index out of range`);
    return i;
  },

  /** `obj[index]` as a new reference. */
  getItem(this: Machine, obj: Ptr, index: Ptr): Ptr {
    const heap = this.heap;
    const t = this.typeIdOf(obj);
    if (t === heap.listType)
      return this.incref(
        heap.listGetItem(obj, this.sequenceIndex(index, heap.listLength(obj), "list")),
      );
    if (t === heap.dictType) {
      this.checkHashable(index);
      const value = heap.dictGetItem(obj, index);
      if (value === 0) throw this.exception(this.keyError(index));
      return this.incref(value);
    }
    if (t === heap.tupleType)
      return this.incref(
        heap.tupleGetItem(obj, this.sequenceIndex(index, heap.tupleLength(obj), "tuple")),
      );
    if (t === heap.strType) {
      const text = [...heap.strValue(obj)];
      return heap.newStr(text[this.sequenceIndex(index, text.length, "string")]!);
    }
    if (t === this.types.range) {
      const [start, stop, step] = this.rangeValues(obj);
      const i = this.sequenceIndex(index, this.rangeLength(start, stop, step), "range object");
      return this.newInt(start + i * step);
    }
    const result = this.callSpecial(obj, "__getitem__", [index]);
    if (result !== 0) return result;
    this.raise("TypeError", `'${this.typeName(obj)}' object is not subscriptable`);
  },

  /** A KeyError instance whose args are `(key,)`. */
  keyError(this: Machine, key: Ptr): Ptr {
    const inst = this.heap.newInstance(this.builtinType("KeyError").id);
    const args = this.heap.newTuple([key]);
    this.heap.setSlot(inst, "args", args);
    this.decref(args);
    return inst;
  },

  /** `obj[index] = value` (value borrowed). */
  setItem(this: Machine, obj: Ptr, index: Ptr, value: Ptr): void {
    const heap = this.heap;
    const t = this.typeIdOf(obj);
    if (t === heap.listType) {
      heap.listSetItem(
        obj,
        this.sequenceIndex(index, heap.listLength(obj), "list assignment"),
        value,
      );
      return;
    }
    if (t === heap.dictType) {
      this.checkHashable(index);
      heap.dictSetItem(obj, index, value);
      return;
    }
    const result = this.callSpecial(obj, "__setitem__", [index, value]);
    if (result !== 0) {
      this.decref(result);
      return;
    }
    this.raise("TypeError", `'${this.typeName(obj)}' object does not support item assignment`);
  },

  /** `del obj[index]`. */
  deleteItem(this: Machine, obj: Ptr, index: Ptr): void {
    const heap = this.heap;
    const t = this.typeIdOf(obj);
    if (t === heap.listType) {
      const i = this.sequenceIndex(index, heap.listLength(obj), "list assignment");
      this.decref(heap.listPop(obj, i));
      return;
    }
    if (t === heap.dictType) {
      this.checkHashable(index);
      if (!heap.dictDelItem(obj, index)) throw this.exception(this.keyError(index));
      return;
    }
    const result = this.callSpecial(obj, "__delitem__", [index]);
    if (result !== 0) {
      this.decref(result);
      return;
    }
    this.raise("TypeError", `'${this.typeName(obj)}' object doesn't support item deletion`);
  },

  /** `obj[lower:upper:step]` (bounds are borrowed ints or None, or 0 for omitted). */
  getSlice(this: Machine, obj: Ptr, lower: Ptr, upper: Ptr, step: Ptr): Ptr {
    const heap = this.heap;
    const t = this.typeIdOf(obj);
    const length =
      t === heap.listType
        ? heap.listLength(obj)
        : t === heap.tupleType
          ? heap.tupleLength(obj)
          : t === heap.strType
            ? heap.strLength(obj)
            : -1;
    if (length < 0) this.raise("TypeError", `'${this.typeName(obj)}' object is not subscriptable`);
    const bound = (value: Ptr): number | undefined => {
      if (value === 0 || value === heap.none) return undefined;
      if (!this.isInt(value))
        this.raise(
          "TypeError",
          "slice indices must be integers or None or have an __index__ method",
        );
      return this.numberOf(value);
    };
    const stepValue = bound(step) ?? 1;
    if (stepValue === 0) this.raise("ValueError", "slice step cannot be zero");
    const clamp = (value: number | undefined, fallback: number): number => {
      if (value === undefined) return fallback;
      if (value < 0) value += length;
      if (stepValue > 0) return Math.min(Math.max(value, 0), length);
      return Math.min(Math.max(value, -1), length - 1);
    };
    const start = clamp(bound(lower), stepValue > 0 ? 0 : length - 1);
    const stop = clamp(bound(upper), stepValue > 0 ? length : -1);
    const indexes: number[] = [];
    if (stepValue > 0) for (let i = start; i < stop; i += stepValue) indexes.push(i);
    else for (let i = start; i > stop; i += stepValue) indexes.push(i);
    if (t === heap.strType) {
      const chars = [...heap.strValue(obj)];
      return heap.newStr(indexes.map((i) => chars[i]).join(""));
    }
    const items = indexes.map((i) =>
      t === heap.listType ? heap.listGetItem(obj, i) : heap.tupleGetItem(obj, i),
    );
    return t === heap.listType ? heap.newList(items) : this.newTuple(items);
  },
};
