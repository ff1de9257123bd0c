import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
import { iterate } from "./iteration.js";
import type { Machine } from "./machine.js";
import type { NativeFunction } from "./native.js";
import { arity, noKeywords } from "./native-arguments.js";
import { findAttribute } from "./object-access.js";
import { CELL_CONTENTS_OFFSET } from "./object-layouts.js";
import { currentFrame } from "./run-loop.js";

/**
 * The namespace built-ins: `globals()`, `locals()`, `vars()` and `dir()` (CPython:
 * `builtin_globals`, `builtin_locals` with PEP 667's snapshot dicts, `builtin_vars`,
 * `builtin_dir` / `object.__dir__` / `type.__dir__`).
 *
 * @module
 */

/**
 * Defines `globals`, `locals`, `vars` and `dir` through `define` (the built-ins installer's).
 *
 * @example
 * ```ts
 * installIntrospectionBuiltins(machine, define);
 * ```
 * @internal
 */
export function installIntrospectionBuiltins(
  m: Machine,
  define: (name: string, fn: NativeFunction) => void,
): void {
  define("globals", (_c, args, keywords) => {
    noKeywords(m, "globals", keywords);
    arity(m, "globals", args, 0, 0);
    return m.incref(callerFrame(m).globals);
  });
  define("locals", (_c, args, keywords) => {
    noKeywords(m, "locals", keywords);
    arity(m, "locals", args, 0, 0);
    return frameLocals(m);
  });
  define("vars", (_c, args, keywords) => {
    noKeywords(m, "vars", keywords);
    arity(m, "vars", args, 0, 1);
    if (args.length === 0) return frameLocals(m);
    const dict = findAttribute(m, args[0]!, m.name("__dict__"), "__dict__");
    if (dict === 0) m.raise("TypeError", "vars() argument must have __dict__ attribute");
    return dict;
  });
  define("dir", (_c, args, keywords) => {
    noKeywords(m, "dir", keywords);
    arity(m, "dir", args, 0, 1);
    const names = new Set<string>();
    if (args.length === 0) {
      const locals = frameLocals(m);
      try {
        addKeys(m, locals, names);
      } finally {
        m.decref(locals);
      }
    } else attributeNames(m, args[0]!, names);
    return m.newStrList([...names].sort());
  });
}

/** The frame of the Python code that called the running built-in. */
function callerFrame(m: Machine) {
  const frame = currentFrame(m);
  if (frame === undefined) return m.raise("RuntimeError", "no current frame");
  return frame;
}

/**
 * `locals()`: the module's globals, a class body's namespace, or — in a function — a new dict
 * of the bound local, cell and free variables in slot order (CPython 3.13: PEP 667's snapshot).
 */
export function frameLocals(m: Machine): Ptr {
  const frame = callerFrame(m);
  const code = frame.code;
  if (code.kind === "module") return m.incref(frame.globals);
  if (code.kind === "class") return m.incref(frame.namespace);
  const heap = m.heap;
  const dict = heap.newDict();
  const u32 = heap.memory.u32;
  try {
    code.slotNames.forEach((name, slot) => {
      let value = u32[(frame.locals + 4 * slot) >>> 2]!;
      const isCell =
        code.cellSlots.includes(slot) ||
        (slot >= code.freeStart && slot < code.freeStart + code.freeCount);
      if (isCell && value !== 0) value = u32[(value + CELL_CONTENTS_OFFSET) >>> 2]!;
      const key = m.name(name);
      if (value !== 0 && heap.dictGetItem(dict, key) === 0) heap.dictSetItem(dict, key, value);
    });
  } catch (error) {
    m.decref(dict);
    throw error;
  }
  return dict;
}

/** The names `dir(obj)` lists: its own `__dict__` keys and its class's (CPython: `object.__dir__`). */
function attributeNames(m: Machine, obj: Ptr, names: Set<string>): void {
  const t = m.typeIdOf(obj);
  if (t === m.types.module) {
    const dict = findAttribute(m, obj, m.name("__dict__"), "__dict__");
    if (dict === 0) return;
    try {
      // CPython: module_dir — a module's own __dir__ function (PEP 562) answers for it.
      const dirFunction =
        m.typeIdOf(dict) === m.heap.dictType ? m.heap.dictGetItem(dict, m.name("__dir__")) : 0;
      if (dirFunction === 0) addKeys(m, dict, names);
      else {
        const listed = call(m, dirFunction, [], undefined);
        try {
          iterate(m, listed, (name) => {
            if (m.isStr(name)) names.add(m.heap.strValue(name));
            return true;
          });
        } finally {
          m.decref(listed);
        }
      }
    } finally {
      m.decref(dict);
    }
    return;
  }
  // CPython: type.__dir__ — the class's and its bases' dicts.
  const classRecord = m.isType(obj) ? m.recordOfType(obj) : m.recordOf(obj);
  for (const r of classRecord.mro) addKeys(m, m.typeDict(r), names);
  if (m.isType(obj) || !m.recordOf(obj).instances) return;
  const dict = findAttribute(m, obj, m.name("__dict__"), "__dict__");
  if (dict !== 0) {
    if (m.typeIdOf(dict) === m.heap.dictType) addKeys(m, dict, names);
    m.decref(dict);
  }
  names.add("__class__");
}

/** Adds a dict's str keys to `names`. */
function addKeys(m: Machine, dict: Ptr, names: Set<string>): void {
  for (const [key] of m.heap.dictItems(dict)) if (m.isStr(key)) names.add(m.heap.strValue(key));
}
