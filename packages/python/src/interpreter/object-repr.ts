import type { Ptr, TypeId } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { floatRepr, strRepr } from "@pymem/runtime";
import { bytesObjectRepr } from "./bytes-operations.js";
import { enterCRecursion, leaveCRecursion } from "./c-recursion.js";
import { complexRepr } from "./complex-operations.js";
import { syntaxErrorStr } from "./exception-fields.js";
import { exceptionGroupStr, isExceptionGroup } from "./exception-groups.js";
import { frameRepr } from "./frame-objects.js";
import { functionQualifiedName } from "./function-attributes.js";
import { GENERATOR_QUALNAME_OFFSET, isGeneratorLike } from "./generator-objects.js";
import { typeHintRepr } from "./generic-alias.js";
import { intRepr } from "./int-text.js";
import { dictEntryAt } from "./iteration.js";
import type { Machine } from "./machine.js";
import {
  BUILTIN_NAME_OFFSET,
  BUILTIN_SELF_OFFSET,
  CODE_INDEX_OFFSET,
  FUNCTION_CODE_OFFSET,
  METHOD_FUNCTION_OFFSET,
  METHOD_SELF_OFFSET,
  MODULE_DICT_OFFSET,
  MODULE_NAME_OFFSET,
  TYPE_DICT_OFFSET,
} from "./object-layouts.js";
import { isOSErrorType, osErrorStr } from "./os-error.js";
import { StrSize } from "./result-size.js";
import { setRepr } from "./set-operations.js";
import { sliceRepr } from "./slice-objects.js";

/**
 * `repr()` and `str()` of heap objects as CPython 3.13 prints them (CPython: `PyObject_Repr`,
 * `PyObject_Str`), as plain functions taking the {@link Machine} first: built-in atoms,
 * containers (with `[...]` for self-reference), functions, classes, exceptions, and user classes'
 * `__repr__`/`__str__`.
 *
 * @module
 */

/**
 * `repr(obj)` as text: built-in atoms and containers, functions, classes, exceptions and user
 * classes' `__repr__`. CPython: `PyObject_Repr`.
 *
 * @example
 * ```ts
 * repr(machine, machine.newStr("a")); // "'a'"
 * ```
 */
export function repr(m: Machine, obj: Ptr): string {
  enterCRecursion(m, " while getting the repr of an object");
  try {
    return reprOfType(m, obj);
  } finally {
    leaveCRecursion(m);
  }
}

/** {@link repr} inside its recursion guard: dispatches on the object's type. */
function reprOfType(m: Machine, obj: Ptr): string {
  const heap = m.heap;
  const t = m.typeIdOf(obj);
  if (t === heap.strType) return strRepr(heap.strValue(obj));
  if (t === heap.intType) return intRepr(m, obj);
  if (t === heap.floatType) return floatRepr(m.numberOf(obj));
  if (t === heap.complexType) return complexRepr(heap.complexReal(obj), heap.complexImag(obj));
  if (t === heap.setType || t === heap.frozensetType) return setRepr(m, obj);
  if (t === m.types.bytes || t === m.types.bytearray) return bytesObjectRepr(m, obj);
  if (obj === m.notImplemented) return "NotImplemented";
  if (t === m.types.slice) return sliceRepr(m, obj);
  if (obj === m.ellipsis) return "Ellipsis";
  if (t === m.types.genericAlias || t === m.types.union) return typeHintRepr(m, obj);
  if (obj === heap.none) return "None";
  if (obj === heap.true) return "True";
  if (obj === heap.false) return "False";
  if (t === heap.listType || t === heap.tupleType || t === heap.dictType)
    return containerRepr(m, obj, t);
  const record = m.records[t];
  if (record?.user === true) {
    const result = m.callSpecial(obj, "__repr__", []);
    if (result !== 0) return takeStringResult(m, result, "__repr__");
  }
  if (record?.exception === true) {
    const args = heap.getSlot(obj, "args");
    const text = args === 0 ? "()" : repr(m, args);
    const inner =
      args !== 0 && heap.tupleLength(args) === 1 ? text.slice(1, -2) : text.slice(1, -1);
    return `${record.name}(${inner})`;
  }
  return defaultRepr(m, obj, t);
}

/** The text of a `__repr__`/`__str__` result, which it releases; TypeError for a non-str (as `PyObject_Repr`). */
export function takeStringResult(m: Machine, result: Ptr, method: string): string {
  try {
    if (!m.isStr(result))
      m.raise("TypeError", `${method} returned non-string (type ${m.typeName(result)})`);
    return m.heap.strValue(result);
  } finally {
    m.decref(result);
  }
}

/**
 * The `__module__` of a class defined in Python (`__main__`, or the module that defined it).
 *
 * @example
 * ```ts
 * userTypeModule(machine, cls); // "collections.abc"
 * ```
 */
export function userTypeModule(m: Machine, cls: Ptr): string {
  const module = m.heap.dictGetItem(m.field(cls, TYPE_DICT_OFFSET), m.name("__module__"));
  return module !== 0 && m.typeIdOf(module) === m.heap.strType
    ? m.heap.strValue(module)
    : "__main__";
}

/** `<… object at 0x…>` and the other built-in reprs (CPython: `object_repr`, `func_repr`, `type_repr`, …). */
export function defaultRepr(m: Machine, obj: Ptr, t: TypeId): string {
  const address = `0x${obj.toString(16).padStart(12, "0")}`;
  const types = m.types;
  if (m.isTypeId(t)) {
    const record = m.recordOfType(obj);
    // CPython: type_repr leaves out the module `builtins`.
    const module = record.user ? userTypeModule(m, obj) : "builtins";
    const qualifiedName = record.qualifiedName ?? record.name;
    return module !== "builtins"
      ? `<class '${module}.${qualifiedName}'>`
      : `<class '${qualifiedName}'>`;
  }
  if (t === types.function)
    return `<function ${m.codes[m.field(obj, FUNCTION_CODE_OFFSET)]!.qualifiedName} at ${address}>`;
  if (t === types.builtin) {
    const self = m.field(obj, BUILTIN_SELF_OFFSET);
    const name = m.heap.strValue(m.field(obj, BUILTIN_NAME_OFFSET));
    if (self === 0 || m.typeIdOf(self) === types.module) return `<built-in function ${name}>`;
    return `<built-in method ${name} of ${m.typeName(self)} object at 0x${self.toString(16).padStart(12, "0")}>`;
  }
  if (t === types.method) {
    const fn = m.field(obj, METHOD_FUNCTION_OFFSET);
    const self = m.field(obj, METHOD_SELF_OFFSET);
    // CPython: method_repr names the function by its __qualname__ (`A.f` for B().f inherited).
    const qualifiedName =
      m.typeIdOf(fn) === types.function
        ? functionQualifiedName(m, fn)
        : `${m.recordOf(self).name}.${m.functionName(fn)}`;
    return `<bound method ${qualifiedName} of ${repr(m, self)}>`;
  }
  if (t === types.module) return moduleRepr(m, obj);
  if (t === types.range) {
    const [start, stop, step] = m.rangeValues(obj);
    return step === 1 ? `range(${start}, ${stop})` : `range(${start}, ${stop}, ${step})`;
  }
  if (t === types.cell) return `<cell at ${address}>`;
  if (t === types.frameObject) return frameRepr(m, obj);
  if (t === types.code) {
    // CPython: code_repr.
    const code = m.codes[m.field(obj, CODE_INDEX_OFFSET)]!;
    return `<code object ${code.name} at ${address}, file "${code.filename}", line ${code.line}>`;
  }
  if (isGeneratorLike(m, obj)) {
    const qualname = m.heap.strValue(m.field(obj, GENERATOR_QUALNAME_OFFSET));
    return `<${m.typeName(obj)} object ${qualname} at ${address}>`;
  }
  const viewKind = m.viewKind(t);
  if (viewKind !== 0) {
    const items = m.viewItems(obj, viewKind);
    try {
      return `${m.typeName(obj)}([${items.map((item) => repr(m, item)).join(", ")}])`;
    } finally {
      for (const item of items) m.decref(item);
    }
  }
  if (t === m.heap.weakrefType) {
    const referent = m.heap.weakrefGet(obj);
    if (referent === 0) return `<weakref at ${address}; dead>`;
    return `<weakref at ${address}; to '${m.typeName(referent)}' at 0x${referent.toString(16).padStart(12, "0")}>`;
  }
  const record = m.records[t];
  const prefix = record?.user === true ? `${userTypeModule(m, record.object)}.` : "";
  const typeName = record?.qualifiedName ?? record?.name ?? m.heap.typeName(obj);
  return `<${prefix}${typeName} object at ${address}>`;
}

/**
 * The repr of a list, tuple or dict, `[...]` for self-reference (CPython: `list_repr`,
 * `tuplerepr`, `dict_repr` with `Py_ReprEnter`). The container is read live, each item held
 * while its `__repr__` runs (which may mutate or clear the container), and the text's size is
 * checked against the heap cap as it grows.
 */
export function containerRepr(m: Machine, obj: Ptr, t: TypeId): string {
  const heap = m.heap;
  if (m.reprActive.has(obj))
    return t === heap.listType ? "[...]" : t === heap.dictType ? "{...}" : "(...)";
  m.reprActive.add(obj);
  m.incref(obj);
  const size = new StrSize(heap);
  const parts: string[] = [];
  const add = (text: string): void => {
    size.add(text.length + 2);
    parts.push(text);
  };
  try {
    if (t === heap.dictType) {
      for (let position = 0; ; position++) {
        const entry = dictEntryAt(m, obj, position);
        if (entry === undefined) break;
        position = entry.position;
        const [key, value] = [m.incref(entry.key), m.incref(entry.value)];
        try {
          const keyText = repr(m, key);
          add(`${keyText}: ${repr(m, value)}`);
        } finally {
          m.decref(key);
          m.decref(value);
        }
      }
      return `{${parts.join(", ")}}`;
    }
    const length = t === heap.listType ? () => heap.listLength(obj) : () => heap.tupleLength(obj);
    for (let i = 0; i < length(); i++) {
      const item = m.incref(
        t === heap.listType ? heap.listGetItem(obj, i) : heap.tupleGetItem(obj, i),
      );
      try {
        add(repr(m, item));
      } finally {
        m.decref(item);
      }
    }
    if (t === heap.listType) return `[${parts.join(", ")}]`;
    return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
  } finally {
    m.reprActive.delete(obj);
    m.decref(obj);
  }
}

/**
 * `str(obj)` as text: a str's own value, a user class's `__str__`, an exception's args, else the repr.
 * CPython: `PyObject_Str`.
 */
export function str(m: Machine, obj: Ptr): string {
  const t = m.typeIdOf(obj);
  if (t === m.heap.strType) return m.heap.strValue(obj);
  const record = m.records[t];
  if (record?.user === true) {
    const result = m.callSpecial(obj, "__str__", []);
    if (result !== 0) return takeStringResult(m, result, "__str__");
  }
  if (record?.exception === true) return exceptionStr(m, obj);
  return repr(m, obj);
}

/**
 * `str()` of an exception from its `args`: empty, the only argument's str (its repr for a
 * KeyError), or the tuple's repr. CPython: `BaseException_str`, `KeyError_str`.
 *
 * @example
 * ```ts
 * exceptionStr(machine, error); // "division by zero"
 * ```
 */
export function exceptionStr(m: Machine, obj: Ptr): string {
  const record = m.recordOf(obj);
  const osError = isOSErrorType(m, record) ? osErrorStr(m, obj) : undefined;
  if (osError !== undefined) return osError;
  if (isExceptionGroup(m, obj)) return exceptionGroupStr(m, obj);
  const syntax = syntaxErrorStr(m, obj);
  if (syntax !== undefined) return syntax;
  const args = m.heap.getSlot(obj, "args");
  if (args === 0 || m.heap.tupleLength(args) === 0) return "";
  if (m.heap.tupleLength(args) === 1) {
    const only = m.heap.tupleGetItem(args, 0);
    // CPython: KeyError's str is the repr of its key.
    return m.isSubtype(record, m.builtinType("KeyError")) ? repr(m, only) : str(m, only);
  }
  return repr(m, args);
}

/**
 * CPython: `_module_repr` — a module from a file shows its path, a namespace package its
 * directories, a module made by `ModuleType()` (`__loader__` None) no origin, pymem's own
 * modules "(built-in)". Reads without interning: a repr must not allocate (the playground reprs
 * while recording).
 */
function moduleRepr(m: Machine, obj: Ptr): string {
  const heap = m.heap;
  const dict = m.field(obj, MODULE_DICT_OFFSET);
  const entry = (name: string): Ptr => {
    const key = m.existingName(name);
    return key === 0 ? 0 : heap.dictGetItem(dict, key);
  };
  const name = strRepr(heap.strValue(m.field(obj, MODULE_NAME_OFFSET)));
  const file = entry("__file__");
  if (file !== 0 && heap.kindOf(file) === ObjectKind.STR)
    return `<module ${name} from ${strRepr(heap.strValue(file))}>`;
  const path = entry("__path__");
  if (file === heap.none && path !== 0 && m.typeIdOf(path) === heap.listType) {
    const locations: string[] = [];
    for (let index = 0; index < heap.listLength(path); index++) {
      const location = heap.listGetItem(path, index);
      if (heap.kindOf(location) === ObjectKind.STR)
        locations.push(strRepr(heap.strValue(location)));
    }
    return `<module ${name} (namespace) from [${locations.join(", ")}]>`;
  }
  return entry("__loader__") === heap.none ? `<module ${name}>` : `<module ${name} (built-in)>`;
}
