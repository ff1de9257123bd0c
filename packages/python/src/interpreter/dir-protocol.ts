import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
import { descriptorGet } from "./descriptors.js";
import { collect } from "./iteration.js";
import type { Machine } from "./machine.js";
import { arity, defineMethod } from "./native-arguments.js";
import { findAttribute, getAttribute } from "./object-access.js";

/**
 * `dir(obj)` through the `__dir__` protocol: the method found on the object's type (an
 * instance's class, a class's metaclass, a module's `module.__dir__`) gives the names, which
 * `dir` turns into a sorted list. The defaults are `object.__dir__` (the instance dict's keys,
 * then its class's and the bases' dict keys, in that order), `type.__dir__` (a class's and its
 * bases' dict keys) and `module.__dir__` (the module dict's own `__dir__()`, else its keys).
 * CPython: `builtin_dir` → `_dir_object`, `object___dir___impl`, `type___dir___impl`,
 * `module_dir` (`merge_class_dict` for the class walk).
 *
 * @module
 */

/**
 * `dir(obj)`: the list its type's `__dir__` returns, sorted (a new reference).
 * CPython: `_dir_object` (`_PyObject_LookupSpecial`, `PySequence_List`, `PyList_Sort`).
 *
 * @example
 * ```ts
 * const names = dirOf(machine, obj); // ['__class__', …, 'x']
 * ```
 */
export function dirOf(m: Machine, obj: Ptr): Ptr {
  const record = m.recordOf(obj);
  const method = m.lookupType(record, m.name("__dir__"));
  if (method === 0) m.raise("TypeError", "object does not provide __dir__");
  // CPython: lookup_maybe_method — a function or built-in method is called with obj first.
  const t = m.typeIdOf(method);
  const plain = t === m.types.function || t === m.types.builtin;
  const bound = plain ? 0 : descriptorGet(m, method, obj, record.object);
  let result: Ptr;
  try {
    result = bound !== 0 ? call(m, bound, [], undefined) : call(m, method, [obj], undefined);
  } finally {
    if (bound !== 0) m.decref(bound);
  }
  let list: Ptr;
  try {
    list = listOf(m, result);
  } finally {
    m.decref(result);
  }
  try {
    const sort = getAttribute(m, list, m.name("sort"), "sort");
    try {
      m.decref(call(m, sort, [], undefined));
    } finally {
      m.decref(sort);
    }
  } catch (error) {
    m.decref(list);
    throw error;
  }
  return list;
}

/** A new list of `iterable`'s items. CPython: `PySequence_List`. */
function listOf(m: Machine, iterable: Ptr): Ptr {
  const items = collect(m, iterable);
  try {
    return m.heap.newList(items);
  } finally {
    for (const item of items) m.decref(item);
  }
}

/**
 * Installs `object.__dir__`, `type.__dir__` and `module.__dir__`.
 *
 * @example
 * ```ts
 * installDirMethods(machine); // then object.__dir__(x) lists x's attribute names
 * ```
 * @internal
 */
export function installDirMethods(m: Machine): void {
  const heap = m.heap;
  defineMethod(m, "object", "__dir__", (_c, args) => {
    arity(m, "__dir__", args, 1, 1);
    const self = args[0]!;
    // CPython: object___dir___impl — a copy of the instance dict (a new one when it has none).
    const names = heap.newDict();
    try {
      const own = findAttribute(m, self, m.name("__dict__"), "__dict__");
      if (own !== 0) {
        try {
          if (m.typeIdOf(own) === heap.dictType)
            for (const [key, value] of heap.dictItems(own)) heap.dictSetItem(names, key, value);
        } finally {
          m.decref(own);
        }
      }
      // (pymem's function and other native objects answer no `__class__`: their type then.)
      const found = findAttribute(m, self, m.name("__class__"), "__class__");
      const cls = found !== 0 ? found : m.incref(m.recordOf(self).object);
      try {
        mergeClassDict(m, names, cls);
      } finally {
        m.decref(cls);
      }
      return keysOf(m, names);
    } finally {
      m.decref(names);
    }
  });
  defineMethod(m, "type", "__dir__", (_c, args) => {
    arity(m, "__dir__", args, 1, 1);
    const cls = args[0]!;
    if (!m.isType(cls)) m.raise("TypeError", "descriptor '__dir__' requires a 'type' object");
    const names = heap.newDict();
    try {
      mergeClassDict(m, names, cls);
      return keysOf(m, names);
    } finally {
      m.decref(names);
    }
  });
  defineMethod(m, "module", "__dir__", (_c, args) => {
    arity(m, "__dir__", args, 1, 1);
    const self = args[0]!;
    const dict = findAttribute(m, self, m.name("__dict__"), "__dict__");
    if (dict === 0 || m.typeIdOf(dict) !== heap.dictType) {
      if (dict !== 0) m.decref(dict);
      m.raise("TypeError", "<module>.__dict__ is not a dictionary");
    }
    try {
      // CPython: module_dir — the module's own `__dir__` function wins (PEP 562).
      const custom = heap.dictGetItem(dict, m.name("__dir__"));
      return custom !== 0 ? call(m, custom, [], undefined) : keysOf(m, dict);
    } finally {
      m.decref(dict);
    }
  });
}

/** A new list of a dict's keys, in order. */
function keysOf(m: Machine, dict: Ptr): Ptr {
  const keys = m.heap.dictItems(dict).map(([key]) => key);
  return m.heap.newList(keys);
}

/**
 * Adds the keys of `cls.__dict__` to `names`, then its bases' (depth first, by `__bases__`).
 * CPython: `merge_class_dict`.
 */
function mergeClassDict(m: Machine, names: Ptr, cls: Ptr): void {
  const heap = m.heap;
  const classDict = findAttribute(m, cls, m.name("__dict__"), "__dict__");
  if (classDict !== 0) {
    try {
      const keys = collect(m, classDict);
      try {
        for (const key of keys)
          if (heap.dictGetItem(names, key) === 0) heap.dictSetItem(names, key, heap.none);
      } finally {
        for (const key of keys) m.decref(key);
      }
    } finally {
      m.decref(classDict);
    }
  }
  const bases = findAttribute(m, cls, m.name("__bases__"), "__bases__");
  if (bases === 0) return;
  try {
    const items = collect(m, bases);
    try {
      for (const base of items) mergeClassDict(m, names, base);
    } finally {
      for (const base of items) m.decref(base);
    }
  } finally {
    m.decref(bases);
  }
}
