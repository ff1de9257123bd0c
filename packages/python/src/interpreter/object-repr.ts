import type { Ptr, TypeId } from "@pymem/core";
import { floatRepr, strRepr } from "@pymem/runtime";
import type { Machine } from "./machine.js";
import {
  BUILTIN_NAME_OFFSET,
  BUILTIN_SELF_OFFSET,
  FUNCTION_CODE_OFFSET,
  METHOD_FUNCTION_OFFSET,
  METHOD_SELF_OFFSET,
  MODULE_NAME_OFFSET,
} from "./object-layouts.js";

/**
 * `repr()` and `str()` of heap objects as CPython 3.13 prints them (CPython: `PyObject_Repr`,
 * `PyObject_Str`), as {@link Machine} methods: built-in atoms, containers (with `[...]` for
 * self-reference), functions, classes, exceptions, and user classes' `__repr__`/`__str__`.
 *
 * @module
 */

/**
 * The representation methods of {@link Machine}.
 *
 * @example
 * ```ts
 * machine.repr(listObject); // "[1, 'a']"
 * ```
 */
export interface RepresentationMethods {
  repr(obj: Ptr): string;
  takeStringResult(result: Ptr, method: string): string;
  defaultRepr(obj: Ptr, t: TypeId): string;
  containerRepr(obj: Ptr, t: TypeId): string;
  str(obj: Ptr): string;
}

/**
 * The implementation of {@link RepresentationMethods}, installed on `Machine.prototype`.
 *
 * @internal
 *
 * @example
 * ```ts
 * Object.defineProperties(Machine.prototype, Object.getOwnPropertyDescriptors(representationMethods));
 * ```
 */
export const representationMethods: RepresentationMethods & ThisType<Machine> = {
  repr(this: Machine, obj: Ptr): string {
    const heap = this.heap;
    const t = this.typeIdOf(obj);
    if (t === heap.strType) return strRepr(heap.strValue(obj));
    if (t === heap.intType) return String(this.numberOf(obj));
    if (t === heap.floatType) return floatRepr(this.numberOf(obj));
    if (obj === heap.none) return "None";
    if (obj === heap.true) return "True";
    if (obj === heap.false) return "False";
    if (t === heap.listType || t === heap.tupleType || t === heap.dictType)
      return this.containerRepr(obj, t);
    const record = this.records[t];
    if (record?.user === true) {
      const result = this.callSpecial(obj, "__repr__", []);
      if (result !== 0) return this.takeStringResult(result, "__repr__");
    }
    if (record?.exception === true) {
      const args = heap.getSlot(obj, "args");
      const text = args === 0 ? "()" : this.repr(args);
      const inner =
        args !== 0 && heap.tupleLength(args) === 1 ? text.slice(1, -2) : text.slice(1, -1);
      return `${record.name}(${inner})`;
    }
    return this.defaultRepr(obj, t);
  },

  takeStringResult(this: Machine, result: Ptr, method: string): string {
    try {
      if (!this.isStr(result))
        this.raise("TypeError", `${method} returned non-string (type ${this.typeName(result)})`);
      return this.heap.strValue(result);
    } finally {
      this.decref(result);
    }
  },

  defaultRepr(this: Machine, obj: Ptr, t: TypeId): string {
    const address = `0x${obj.toString(16).padStart(12, "0")}`;
    const types = this.types;
    if (t === types.type) {
      const record = this.recordOfType(obj);
      return record.user ? `<class '__main__.${record.name}'>` : `<class '${record.name}'>`;
    }
    if (t === types.function)
      return `<function ${this.codes[this.field(obj, FUNCTION_CODE_OFFSET)]!.qualifiedName} at ${address}>`;
    if (t === types.builtin) {
      const self = this.field(obj, BUILTIN_SELF_OFFSET);
      const name = this.heap.strValue(this.field(obj, BUILTIN_NAME_OFFSET));
      if (self === 0 || this.typeIdOf(self) === types.module) return `<built-in function ${name}>`;
      return `<built-in method ${name} of ${this.typeName(self)} object at 0x${self.toString(16).padStart(12, "0")}>`;
    }
    if (t === types.method) {
      const fn = this.field(obj, METHOD_FUNCTION_OFFSET);
      const self = this.field(obj, METHOD_SELF_OFFSET);
      return `<bound method ${this.recordOf(self).name}.${this.functionName(fn)} of ${this.repr(self)}>`;
    }
    if (t === types.module)
      return `<module '${this.heap.strValue(this.field(obj, MODULE_NAME_OFFSET))}' (built-in)>`;
    if (t === types.range) {
      const [start, stop, step] = this.rangeValues(obj);
      return step === 1 ? `range(${start}, ${stop})` : `range(${start}, ${stop}, ${step})`;
    }
    if (t === types.cell) return `<cell at ${address}>`;
    const viewKind = this.viewKind(t);
    if (viewKind !== 0) {
      const items = this.viewItems(obj, viewKind);
      try {
        return `${this.typeName(obj)}([${items.map((item) => this.repr(item)).join(", ")}])`;
      } finally {
        for (const item of items) this.decref(item);
      }
    }
    if (t === this.heap.weakrefType) {
      const referent = this.heap.weakrefGet(obj);
      if (referent === 0) return `<weakref at ${address}; dead>`;
      return `<weakref at ${address}; to '${this.typeName(referent)}' at 0x${referent.toString(16).padStart(12, "0")}>`;
    }
    const record = this.records[t];
    const prefix = record?.user === true ? "__main__." : "";
    return `<${prefix}${record?.name ?? this.heap.typeName(obj)} object at ${address}>`;
  },

  containerRepr(this: Machine, obj: Ptr, t: TypeId): string {
    const heap = this.heap;
    if (this.reprActive.has(obj))
      return t === heap.listType ? "[...]" : t === heap.dictType ? "{...}" : "(...)";
    this.reprActive.add(obj);
    try {
      if (t === heap.dictType) {
        const parts: string[] = [];
        for (const [key, value] of heap.dictItems(obj))
          parts.push(`${this.repr(key)}: ${this.repr(value)}`);
        return `{${parts.join(", ")}}`;
      }
      const parts: string[] = [];
      if (t === heap.listType) {
        for (let i = 0; i < heap.listLength(obj); i++)
          parts.push(this.repr(heap.listGetItem(obj, i)));
        return `[${parts.join(", ")}]`;
      }
      const n = heap.tupleLength(obj);
      for (let i = 0; i < n; i++) parts.push(this.repr(heap.tupleGetItem(obj, i)));
      return n === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
    } finally {
      this.reprActive.delete(obj);
    }
  },

  str(this: Machine, obj: Ptr): string {
    const t = this.typeIdOf(obj);
    if (t === this.heap.strType) return this.heap.strValue(obj);
    const record = this.records[t];
    if (record?.user === true) {
      const result = this.callSpecial(obj, "__str__", []);
      if (result !== 0) return this.takeStringResult(result, "__str__");
    }
    if (record?.exception === true) {
      const args = this.heap.getSlot(obj, "args");
      if (args === 0 || this.heap.tupleLength(args) === 0) return "";
      if (this.heap.tupleLength(args) === 1) {
        const only = this.heap.tupleGetItem(args, 0);
        // CPython: KeyError's str is the repr of its key.
        return record.name === "KeyError" || this.isSubtype(record, this.builtinType("KeyError"))
          ? this.repr(only)
          : this.str(only);
      }
      return this.repr(args);
    }
    return this.repr(obj);
  },
};
