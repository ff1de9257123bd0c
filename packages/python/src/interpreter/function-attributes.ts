import type { Ptr } from "@pymem/core";
import type { Code, Machine } from "./machine.js";
import {
  CODE_INDEX_OFFSET,
  FUNCTION_ANNOTATIONS_OFFSET,
  FUNCTION_CLOSURE_OFFSET,
  FUNCTION_CODE_OFFSET,
  FUNCTION_DEFAULTS_OFFSET,
  FUNCTION_DICT_OFFSET,
  FUNCTION_DOC_OFFSET,
  FUNCTION_GLOBALS_OFFSET,
  FUNCTION_KWDEFAULTS_OFFSET,
  FUNCTION_MODULE_OFFSET,
  FUNCTION_NAME_OFFSET,
  FUNCTION_QUALNAME_OFFSET,
} from "./object-layouts.js";

/**
 * The attributes of Python functions and their code objects (CPython: `func_getsetlist`,
 * `func_memberlist`, `func_get_dict` / `PyObject_GenericSetAttr` with `func_dict`, and
 * `code_memberlist`): `__name__`, `__qualname__`, `__module__`, `__doc__`, `__defaults__`,
 * `__kwdefaults__`, `__annotations__`, `__dict__` and arbitrary attributes, `__code__` with its
 * `co_*` members.
 *
 * @module
 */

/** The compiled code of a function object. */
function codeOf(m: Machine, fn: Ptr): Code {
  return m.codes[m.field(fn, FUNCTION_CODE_OFFSET)]!;
}

/**
 * A Python function's `__qualname__` as text: an assigned one, else its code's (`C.f`).
 *
 * @example
 * ```ts
 * functionQualifiedName(machine, fn); // "Outer.method"
 * ```
 */
export function functionQualifiedName(m: Machine, fn: Ptr): string {
  const own = m.field(fn, FUNCTION_QUALNAME_OFFSET);
  return own !== 0 ? m.heap.strValue(own) : codeOf(m, fn).qualifiedName;
}

/**
 * `fn.name` for a Python function: a new reference, or 0 when it has no such attribute.
 *
 * @example
 * ```ts
 * const doc = functionAttribute(machine, fn, machine.name("__doc__"), "__doc__");
 * ```
 */
export function functionAttribute(m: Machine, fn: Ptr, key: Ptr, name: string): Ptr {
  const heap = m.heap;
  const orNone = (value: Ptr): Ptr => m.incref(value !== 0 ? value : heap.none);
  switch (name) {
    case "__name__":
      return m.incref(m.field(fn, FUNCTION_NAME_OFFSET));
    case "__qualname__": {
      const own = m.field(fn, FUNCTION_QUALNAME_OFFSET);
      return own !== 0 ? m.incref(own) : m.newStr(codeOf(m, fn).qualifiedName);
    }
    case "__module__": {
      const own = m.field(fn, FUNCTION_MODULE_OFFSET);
      if (own !== 0) return m.incref(own);
      // CPython: func_module is the globals' __name__ when the function is made.
      return orNone(heap.dictGetItem(m.field(fn, FUNCTION_GLOBALS_OFFSET), m.name("__name__")));
    }
    case "__doc__": {
      const own = m.field(fn, FUNCTION_DOC_OFFSET);
      if (own !== 0) return m.incref(own);
      const docstring = codeOf(m, fn).docstring;
      return docstring !== undefined ? m.newStr(docstring) : heap.none;
    }
    case "__defaults__":
      return orNone(m.field(fn, FUNCTION_DEFAULTS_OFFSET));
    case "__kwdefaults__":
      return orNone(m.field(fn, FUNCTION_KWDEFAULTS_OFFSET));
    case "__closure__":
      return orNone(m.field(fn, FUNCTION_CLOSURE_OFFSET));
    case "__globals__":
      return m.incref(m.field(fn, FUNCTION_GLOBALS_OFFSET));
    case "__annotations__":
      // CPython: func_get_annotations makes an empty dict on first use and keeps it.
      return m.incref(ownedDict(m, fn, FUNCTION_ANNOTATIONS_OFFSET));
    case "__dict__":
      return m.incref(ownedDict(m, fn, FUNCTION_DICT_OFFSET));
    case "__type_params__": {
      // CPython: func_typeparams — set by a PEP 695 definition (kept in the dict here), else ().
      const own = heap.dictGetItem(ownedDict(m, fn, FUNCTION_DICT_OFFSET), key);
      return m.incref(own !== 0 ? own : heap.emptyTuple);
    }
    case "__code__": {
      const code = heap.allocate(m.types.code);
      heap.memory.u32[(code + CODE_INDEX_OFFSET) >>> 2] = m.field(fn, FUNCTION_CODE_OFFSET);
      return code;
    }
    default: {
      const dict = m.field(fn, FUNCTION_DICT_OFFSET);
      const value = dict !== 0 ? heap.dictGetItem(dict, key) : 0;
      return value !== 0 ? m.incref(value) : 0;
    }
  }
}

/** The dict in field `offset` of `fn`, made empty on first use (borrowed). */
function ownedDict(m: Machine, fn: Ptr, offset: number): Ptr {
  const slot = (fn + offset) >>> 2;
  let dict = m.heap.memory.u32[slot]!;
  if (dict === 0) {
    dict = m.heap.newDict();
    m.heap.memory.u32[slot] = dict;
  }
  return dict;
}

/**
 * `fn.name = value` (borrowed), or `del fn.name` when `value` is 0, with CPython's type checks
 * for the special attributes (`__defaults__ must be set to a tuple object`, …); anything else
 * goes to the function's `__dict__`. Raises AttributeError / TypeError as CPython does.
 *
 * @example
 * ```ts
 * setFunctionAttribute(machine, fn, machine.name("tag"), "tag", value);
 * ```
 */
export function setFunctionAttribute(
  m: Machine,
  fn: Ptr,
  key: Ptr,
  name: string,
  value: Ptr,
): void {
  const heap = m.heap;
  const none = heap.none;
  const store = (offset: number, stored: Ptr): void => {
    const slot = (fn + offset) >>> 2;
    const old = heap.memory.u32[slot]!;
    heap.memory.u32[slot] = stored !== 0 ? m.incref(stored) : 0;
    m.xdecref(old);
  };
  switch (name) {
    case "__name__":
    case "__qualname__":
      if (value === 0 || !m.isStr(value))
        m.raise("TypeError", `${name} must be set to a string object`);
      store(name === "__name__" ? FUNCTION_NAME_OFFSET : FUNCTION_QUALNAME_OFFSET, value);
      return;
    case "__defaults__":
    case "__kwdefaults__": {
      const offset =
        name === "__defaults__" ? FUNCTION_DEFAULTS_OFFSET : FUNCTION_KWDEFAULTS_OFFSET;
      const kind = name === "__defaults__" ? heap.tupleType : heap.dictType;
      if (value === 0 || value === none) {
        store(offset, 0);
        return;
      }
      if (m.typeIdOf(value) !== kind)
        m.raise(
          "TypeError",
          `${name} must be set to a ${name === "__defaults__" ? "tuple" : "dict"} object`,
        );
      store(offset, value);
      return;
    }
    case "__annotations__":
      if (value !== 0 && value !== none && m.typeIdOf(value) !== heap.dictType)
        m.raise("TypeError", "__annotations__ must be set to a dict object");
      store(FUNCTION_ANNOTATIONS_OFFSET, value === none ? 0 : value);
      return;
    case "__dict__":
      if (value === 0) m.raise("TypeError", "cannot delete __dict__");
      if (m.typeIdOf(value) !== heap.dictType)
        m.raise("TypeError", `__dict__ must be set to a dictionary, not a '${m.typeName(value)}'`);
      store(FUNCTION_DICT_OFFSET, value);
      return;
    case "__doc__":
      store(FUNCTION_DOC_OFFSET, value !== 0 ? value : none);
      return;
    case "__module__":
      store(FUNCTION_MODULE_OFFSET, value !== 0 ? value : none);
      return;
    case "__code__":
    case "__globals__":
    case "__closure__":
      m.raise("AttributeError", `readonly attribute`);
      return;
    default: {
      if (value !== 0) {
        heap.dictSetItem(ownedDict(m, fn, FUNCTION_DICT_OFFSET), key, value);
        return;
      }
      const dict = m.field(fn, FUNCTION_DICT_OFFSET);
      if (dict === 0 || !heap.dictDelItem(dict, key))
        m.raise("AttributeError", `'function' object has no attribute '${name}'`);
    }
  }
}

/**
 * `code.name` for a code object (CPython: `code_memberlist` and getters): a new reference, or 0.
 *
 * @example
 * ```ts
 * const count = codeAttribute(machine, codeObject, "co_argcount");
 * ```
 */
export function codeAttribute(m: Machine, codeObject: Ptr, name: string): Ptr {
  const code = m.codes[m.field(codeObject, CODE_INDEX_OFFSET)]!;
  const names = (list: readonly string[]): Ptr => {
    const items = list.map((item) => m.newStr(item));
    return m.tupleSteal(items);
  };
  switch (name) {
    case "co_name":
      return m.newStr(code.name);
    case "co_qualname":
      return m.newStr(code.qualifiedName);
    case "co_filename":
      return m.newStr(code.filename);
    case "co_firstlineno":
      return m.newInt(code.line);
    case "co_argcount":
      return m.newInt(code.argumentCount);
    case "co_posonlyargcount":
      return m.newInt(code.positionalOnlyCount);
    case "co_kwonlyargcount":
      return m.newInt(code.keywordOnlyNames.length);
    case "co_varnames":
      return names(code.variableNames);
    case "co_nlocals":
      return m.newInt(code.variableNames.length);
    case "co_flags":
      return m.newInt(codeFlags(code));
    case "co_cellvars":
      return names(code.cellSlots.map((slot) => code.slotNames[slot]!));
    case "co_freevars":
      return names(code.slotNames.slice(code.freeStart, code.freeStart + code.freeCount));
    default:
      return 0;
  }
}

/** CPython's `co_flags` bits (Include/cpython/code.h). */
const CodeFlag = {
  OPTIMIZED: 0x1,
  NEWLOCALS: 0x2,
  VARARGS: 0x4,
  VARKEYWORDS: 0x8,
  NESTED: 0x10,
  GENERATOR: 0x20,
  COROUTINE: 0x80,
  ASYNC_GENERATOR: 0x200,
} as const;

/**
 * `code.co_flags` (CPython: the compiler's `compute_code_flags`): module and class bodies have
 * none; a function is optimized with new locals, plus `*args`, `**kwargs`, nested (defined in a
 * function), generator, coroutine or asynchronous generator.
 */
function codeFlags(code: Code): number {
  if (code.kind !== "function") return 0;
  let flags = CodeFlag.OPTIMIZED | CodeFlag.NEWLOCALS;
  if (code.varargSlot >= 0) flags |= CodeFlag.VARARGS;
  if (code.kwargSlot >= 0) flags |= CodeFlag.VARKEYWORDS;
  if (code.qualifiedName.includes("<locals>")) flags |= CodeFlag.NESTED;
  if (code.asyncKind === "coroutine") flags |= CodeFlag.COROUTINE;
  else if (code.asyncKind === "asyncGenerator") flags |= CodeFlag.ASYNC_GENERATOR;
  else if (code.generator) flags |= CodeFlag.GENERATOR;
  return flags;
}
